"""Language of the window: Qt translations with Simplified Chinese as the source language.

Every visible string the UI owns is written in Chinese inside ``tr("…")``: Chinese needs no
translator at all (it is the text in the code), so the default language cannot break, and a string
someone forgets to translate still shows in the officer's language. English comes from
``resources/translations/workbench_en.ts`` (compiled to ``.qm``), extracted with
``pyside6-lupdate``: a module-level ``tr()`` call lands in one global context (``""``), so one
Chinese term has one English translation wherever it appears.

Words shared with the command line and the PDF (enum labels, check methods, figure names, error
reasons, readiness issues, signing refusals) come from the gettext catalogue outside Qt
(``workbench.texts``, ``resources/locale``), in the language ``lang()`` names.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from workbench.paths import resource_path

if TYPE_CHECKING:
    from collections.abc import Sequence

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
SETTINGS_KEY = "ui/language"
ENV_VAR = "WORKBENCH_LANG"

_current = DEFAULT_LANGUAGE
_translator: QTranslator | None = None
_qt_translators: list[QTranslator] = []
QT_CATALOGUES = {"zh": "qtbase_zh_CN"}  # Qt's own words (OK, Cancel, Look in …), shipped with PySide6
QT_SUPPLEMENTS = {"zh": "qtbase_supplement_zh_CN"}  # ours, for the few texts Qt's catalogue lacks
LOCALES = {
    "zh": (QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Script.LatinScript, QLocale.Country.UnitedKingdom),
}
_listeners: list[object] = []


def tr(text: str) -> str:
    """Translate a Chinese source text into the current language (identity for Chinese)."""
    return QCoreApplication.translate("", text)


def lang() -> str:
    """The current language code, ``"zh"`` or ``"en"`` (for the domain's zh/en tables)."""
    return _current


def translation_file(language: str) -> str:
    """Path of the compiled translation for ``language`` (there is none for Chinese)."""
    return str(resource_path("translations", f"workbench_{language}.qm"))


def pick_language(argv: Sequence[str] = (), settings: QSettings | None = None) -> str:
    """The language to start with: ``--lang``, else ``WORKBENCH_LANG``, else QSettings, else Chinese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    env = os.environ.get(ENV_VAR, "")
    if env in LANGUAGES:
        return env
    stored = settings.value(SETTINGS_KEY, "") if settings is not None else ""
    return str(stored) if str(stored) in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> str:
    """Install the translator for ``language`` (removing any other) and return the language used.

    Falls back to Chinese if the English translation file cannot be loaded. Qt's own texts (the
    buttons of message boxes, file dialogs, context menus) follow from Qt's catalogue of the language,
    and the default ``QLocale`` (calendars, day and month names) from the language. Needs a
    QCoreApplication.
    """
    global _current, _translator
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language() needs a QCoreApplication")
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _current = DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE and language in LANGUAGES:
        translator = QTranslator(app)
        if translator.load(translation_file(language)):
            app.installTranslator(translator)
            _translator = translator
            _current = language
    _install_qt_catalogue(app, _current)
    QLocale.setDefault(QLocale(*LOCALES[_current]))
    return _current


def qt_catalogue_file(language: str) -> str | None:
    """Path of Qt's own translation for ``language`` in the PySide6 package (``None``: Qt's English)."""
    name = QT_CATALOGUES.get(language)
    if name is None:
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return f"{folder}/{name}.qm"


def qt_supplement_file(language: str) -> str | None:
    """Our translation of the Qt texts Qt's own catalogue leaves out (the file dialog's "Look in")."""
    name = QT_SUPPLEMENTS.get(language)
    return None if name is None else str(resource_path("translations", f"{name}.qm"))


def _install_qt_catalogue(app: QCoreApplication, language: str) -> None:
    while _qt_translators:
        app.removeTranslator(_qt_translators.pop())
    for path in (qt_catalogue_file(language), qt_supplement_file(language)):
        translator = QTranslator(app)
        if path is not None and translator.load(path):  # missing: Qt's English words, nothing worse
            app.installTranslator(translator)  # the last installed is asked first
            _qt_translators.append(translator)


def store_language(language: str, settings: QSettings | None = None) -> None:
    """Remember the language for the next start."""
    (settings or QSettings()).setValue(SETTINGS_KEY, language)
