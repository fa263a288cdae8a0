"""What counts as a written explanation (说明) of a deviation, a finding or a reviewer's override.

Punctuation, blanks and one repeated character say nothing: a real explanation has at least two distinct
letters or digits and a weight of ``MIN_EXPLANATION_WEIGHT``, where a Chinese character (a word on its
own) weighs 2 and any other letter or digit 1: "新增客户" and "new customer" count, "x", "." and "ok" do not.
"""

from __future__ import annotations

import unicodedata

MIN_EXPLANATION_WEIGHT = 6
"""Default of ``CreditPolicy.min_explanation_weight``."""


def _weight(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def real_explanation(text: str, minimum: int = MIN_EXPLANATION_WEIGHT) -> bool:
    """Whether ``text`` explains something (see the module doc)."""
    meaningful = [ch for ch in text if ch.isalnum()]
    if len(set(meaningful)) < 2:
        return False
    return sum(_weight(ch) for ch in meaningful) >= minimum
