"""Credit-committee PDFs: the survey report (调查报告), loan dossier (贷款档案) and minutes (审贷会纪要).

Pure steps, no store and no Qt: ``content`` (with ``content_survey``, ``content_minutes`` and the
``survey/`` sections) builds a ``document.ReportDoc`` from a case and its computed results plus the
``inputs`` (photos, the committee's decision and session); ``render`` draws it as A4 PDF with
reportlab (``pdf_text``, ``pdf_layout``, ``tables``; the case charts by ``pdf_case_charts`` from
``chart_spec``, which the window's matplotlib charts read too; figures by ``formatting``; words by
``texts``); ``canonical`` gives the case fingerprint the PDF embeds and ``metadata`` reads it back;
``signing`` creates identities and signs with pyHanko (PAdES, one box per signer), ``verify`` checks
the signatures.

The window and the command line reach this package only through ``workbench.services`` (reporting,
signatures), so both make, sign and archive reports by the same rules.
"""

from __future__ import annotations

import re
import sys
import warnings
from typing import Any

# pyHanko imports cryptography's DSA key class to recognise DSA signers, and cryptography 47+
# warns on that import. The workbench neither makes nor accepts DSA keys; the warning is only
# this import, silenced here before any of this package's modules imports pyHanko (by its words
# and module, so that an unsigned report need not import cryptography for the warning's class).
warnings.filterwarnings(
    "ignore",
    message="DSA is deprecated",
    module=r"pyhanko\.sign\.signers\.pdf_cms",
)


class _LazyPattern:
    """A regular expression compiled when it is first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _import_reportlab_paragraph() -> None:
    """Import ``reportlab.platypus.paragraph`` with its URL pattern left to be compiled on first use.

    The module compiles, at import, a case-insensitive URL pattern whose classes span all of Unicode
    (~35 ms, a twentieth of a whole ``workbench report``); it is used only to hyphenate URLs, which
    the reports never ask for. Its other patterns are compiled as usual.
    """
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_now = re.compile

    def compile_urls_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and flags & re.IGNORECASE and "://" in pattern:
            return _LazyPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_urls_later
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now


_import_reportlab_paragraph()
