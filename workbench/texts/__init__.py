"""The texts of everything outside the window's Qt files: one gettext catalogue per language.

The command line, the services' messages, the domain's reasons and labels and the printed reports
say their words through this package. Texts are written in the code in Chinese, the source
language (as the window's ``tr("…")`` texts are), marked with ``N_("…")`` (or ``NC_(context,
"…")`` where one Chinese text needs two different English words) so that Babel can extract them.
English lives only in ``resources/locale/en/LC_MESSAGES/workbench.po``, compiled to the
``workbench.mo`` the app loads; ``scripts/update-translations.sh`` refreshes both. Chinese needs no
catalogue: the text in the code is the Chinese text, so a missing or stale file can never blank the
officer's language, and a text someone forgets to translate still shows (in Chinese).

Parameters are named, ``{name}``, filled by ``str.format`` after the lookup; a template whose
parameter is missing is shown unfilled rather than failing.

The domain stays free of files: it keeps reason keys, enum values and their parameters; the tables
that turn them into words (``workbench.texts.reasons``, ``workbench.texts.labels``) are here.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from typing import Generic, NamedTuple, TypeVar

from workbench.paths import resource_path

K = TypeVar("K")

DOMAIN = "workbench"
SOURCE_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")
ENV_VAR = "WORKBENCH_LANG"


def N_(msgid: str) -> str:
    """Mark a Chinese source text for extraction; translated later by ``gettext``."""
    return msgid


class Contextual(NamedTuple):
    """A msgid with its ``msgctxt``: one Chinese text that needs two different English words."""

    context: str
    msgid: str


def NC_(context: str, msgid: str) -> Contextual:
    """Mark a Chinese source text with a context (``msgctxt``) for extraction."""
    return Contextual(context, msgid)


Msg = str | Contextual
"""A marked text: the Chinese msgid, or ``Contextual(context, msgid)`` from ``NC_``."""


def pick_language(lang: str | None) -> str:
    """``en`` for anything starting with ``en`` (``en``, ``en_GB``), else Chinese."""
    return "en" if (lang or "").lower().startswith("en") else SOURCE_LANGUAGE


def language_from_env(explicit: str | None = None) -> str:
    """``--lang`` if given, then ``WORKBENCH_LANG``, then Chinese."""
    return pick_language(explicit or os.environ.get(ENV_VAR) or SOURCE_LANGUAGE)


def locale_dir() -> str:
    """The directory holding ``<lang>/LC_MESSAGES/workbench.mo``."""
    return str(resource_path("locale"))


@functools.cache
def catalogue(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang``; Chinese (the source) and a missing file give the msgids."""
    lang = pick_language(lang)
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, locale_dir(), languages=[lang], fallback=True)


def gettext(msg: Msg, lang: str) -> str:
    """The text ``msg`` (a msgid or ``Contextual``) in ``lang``, without parameters."""
    if isinstance(msg, Contextual):
        return catalogue(lang).pgettext(msg.context, msg.msgid)
    if isinstance(msg, str):
        return catalogue(lang).gettext(msg)
    return _legacy(msg, lang)


def _legacy(msg: object, lang: str) -> str:
    """A ``{"zh": …, "en": …}`` dict or ``("中文", "English")`` pair in a table (written on a branch before
    the catalogue): shown rather than failing; ``tests/texts/test_catalogue.py`` asks to mark it instead."""
    english = pick_language(lang) == "en"
    if isinstance(msg, Mapping):
        return str(msg.get("en" if english else "zh") or msg.get("zh") or "")
    if isinstance(msg, tuple) and len(msg) == 2:
        return str(msg[1] if english else msg[0])
    return str(msg)


def ngettext(singular: str, plural: str, n: int, lang: str, **params: object) -> str:
    """A text that depends on a count ``n`` (passed to the template as ``{n}`` too)."""
    return fill(catalogue(lang).ngettext(singular, plural, n), n=n, **params)


def fill(template: str, **params: object) -> str:
    """``template.format(**params)``; the template as it is when a parameter is missing or odd."""
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def text(msg: Msg, lang: str, **params: object) -> str:
    """The text ``msg`` in ``lang`` with its ``{name}`` parameters filled in."""
    return fill(gettext(msg, lang), **params)


def colon(lang: str) -> str:
    """``：`` in Chinese, ``: `` in English."""
    return ": " if pick_language(lang) == "en" else "："


def capital(words: str, lang: str) -> str:
    """A label that starts a line or names a field: ``debt ratio`` → ``Debt ratio`` in English.

    The catalogue keeps labels lower-case where they also stand mid-sentence; a label that starts
    with a unit or code (``kWh per 1,000 CNY output``) is left as it is.
    """
    if pick_language(lang) != "en" or not words:
        return words
    first = words.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]):
        return words
    return words[:1].upper() + words[1:]


class Wording(Mapping[str, str]):
    """One text in each language, read like the old ``{"zh": …, "en": …}`` dicts: ``wording["en"]``."""

    __slots__ = ("msg",)

    def __init__(self, msg: Msg) -> None:
        self.msg = msg

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return gettext(self.msg, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


class Words(Mapping[K, Wording], Generic[K]):
    """A table of marked texts by key (an enum member, a code): ``table[key][lang]``, ``table.msgids``."""

    __slots__ = ("msgids",)

    def __init__(self, msgids: Mapping[K, Msg]) -> None:
        self.msgids = dict(msgids)

    def __getitem__(self, key: K) -> Wording:
        return Wording(self.msgids[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self.msgids)

    def __len__(self) -> int:
        return len(self.msgids)

    def get(self, key: K, default: Mapping[str, str] | None = None) -> Mapping[str, str]:  # type: ignore[override]
        """``table.get(key, {}).get(lang, fallback)``, as the old dicts were read; no default is ``{}``."""
        msg = self.msgids.get(key)
        if msg is None:
            return {} if default is None else default
        return Wording(msg)

    def text(self, key: K, lang: str, **params: object) -> str:
        """The text of ``key`` in ``lang`` with its parameters; the key itself if it has none."""
        msg = self.msgids.get(key)
        return str(getattr(key, "value", key)) if msg is None else text(msg, lang, **params)
