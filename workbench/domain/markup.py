"""Mark-up (加价率) and gross margin (毛利率): two ways of stating the same prices.

Mark-up m = (price − cost) ÷ cost, margin g = (price − cost) ÷ price, so g = m ÷ (1 + m) and
m = g ÷ (1 − g): a 15 % mark-up is a 13.04 % margin. The domain keeps margins only; a mark-up is how
an officer may type or read one.

Rounding: a margin computed from a mark-up is kept to ``MARGIN_PLACES`` (12) decimals, half-up; a
mark-up is shown to ``MARKUP_PLACES`` (8) decimals of the ratio (6 of the percentage), half-up. The
round trip gives back the typed mark-up exactly for anything typed to 6 decimals of a per cent up to
9 900 %: the stored margin is within 5 × 10⁻¹³, which moves the mark-up by at most (1 + m)² times that,
below the 5 × 10⁻⁹ the display rounds away.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from workbench.domain.errors import ValidationError
from workbench.domain.money import ONE

MARGIN_PLACES = 12
MARKUP_PLACES = 8
_MARGIN_UNIT = Decimal(1).scaleb(-MARGIN_PLACES)
_MARKUP_UNIT = Decimal(1).scaleb(-MARKUP_PLACES)


def margin_of_markup(markup: Decimal, field: str = "markup") -> Decimal:
    """The gross margin of a mark-up, to ``MARGIN_PLACES`` decimals: ``0.15 → 0.130434782609``.

    Raises:
        ValidationError: ``out_of_range`` at ``field`` for a negative mark-up (a margin below 0).
    """
    if markup < 0:
        raise ValidationError(field, "out_of_range", value=str(markup), min="0", max="∞")
    return (markup / (ONE + markup)).quantize(_MARGIN_UNIT, rounding=ROUND_HALF_UP).normalize() + 0


def markup_of_margin(margin: Decimal | None) -> Decimal | None:
    """The mark-up of a gross margin, to ``MARKUP_PLACES`` decimals without trailing zeros
    (``0.130434782609 → 0.15``); ``None`` for no margin or a margin of 100 % or more (no cost)."""
    if margin is None or margin >= ONE:
        return None
    value = (margin / (ONE - margin)).quantize(_MARKUP_UNIT, rounding=ROUND_HALF_UP)
    return value.normalize() + 0  # "+ 0" turns 1.5E+1-style exponents back into plain digits
