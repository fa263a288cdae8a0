"""The gettext catalogue: every marked text has its English, none is stale, the .mo is the .po compiled.

The texts outside the window's Qt files are written in Chinese in the code (``N_("…")``,
``NC_(context, "…")``); ``resources/locale/en/LC_MESSAGES/workbench.po`` holds their English and
``workbench.mo`` is what the app loads. ``scripts/update-translations.sh`` refreshes both.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from workbench import texts
from workbench.texts import N_, NC_, fill, gettext, ngettext, pick_language, text

REPO = Path(__file__).resolve().parents[2]
LOCALE = REPO / "resources" / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "workbench.po"
MO = LOCALE / "en" / "LC_MESSAGES" / "workbench.mo"
FIX = "run scripts/update-translations.sh and write the English of the empty entries"
PARAM = re.compile(r"\{(\w*)\}")


def _is_cjk(words: str) -> bool:
    return any(
        "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in words
    )


def _key(message: object) -> tuple[str | None, str]:
    msgid = message.id  # type: ignore[attr-defined]
    return (message.context, msgid if isinstance(msgid, str) else msgid[0])  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def po() -> dict[tuple[str | None, str], object]:
    with PO.open("rb") as f:
        catalog = read_po(f)
    return {_key(m): m for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str | None, str]]:
    """The msgids marked in workbench/, extracted with the options of scripts/update-translations.sh."""
    pot = tmp_path_factory.mktemp("pot") / "workbench.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run(
        [str(pybabel), "-q", "extract", "--no-default-keywords", "-k", "N_", "-k", "NC_:1c,2",
         "-k", "ngettext:1,2", "--no-location", "--sort-output", "--no-wrap", "--project=workbench",
         "--charset=utf-8", "-o", str(pot), "workbench"],
        cwd=REPO, check=True, timeout=120,
    )  # fmt: skip
    with pot.open("rb") as f:
        return {_key(m) for m in read_po(f) if m.id}


def test_every_text_in_the_code_has_its_english(po: dict, extracted: set) -> None:
    missing = sorted(str(key) for key in extracted if key not in po or not po[key].string)
    assert not missing, f"{len(missing)} text(s) without English ({FIX}):\n" + "\n".join(missing)


def test_the_catalogue_keeps_no_text_the_code_no_longer_uses(po: dict, extracted: set) -> None:
    stale = sorted(str(key) for key in set(po) - extracted)
    assert not stale, "stale entries in workbench.po (scripts/update-translations.sh):\n" + "\n".join(stale)


def test_the_english_is_english_with_the_same_parameters(po: dict) -> None:
    problems = []
    for (_context, msgid), message in po.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        for english in strings:
            if not english:
                continue
            if _is_cjk(english):
                problems.append(f"Chinese left in the English of {msgid!r}: {english!r}")
            if sorted(PARAM.findall(english)) != sorted(PARAM.findall(msgid)):
                problems.append(f"parameters differ: {msgid!r} → {english!r}")
            if "fuzzy" in message.flags:  # type: ignore[attr-defined]
                problems.append(f"fuzzy (not used by the app): {msgid!r}")
    assert not problems, "\n".join(problems)


def test_the_committed_mo_is_the_po_compiled(po: dict) -> None:
    with MO.open("rb") as f:
        compiled = stdlib_gettext.GNUTranslations(f)
    catalog = dict(compiled._catalog)  # type: ignore[attr-defined]
    expected = {}
    for (context, msgid), message in po.items():
        key = msgid if context is None else f"{context}\x04{msgid}"
        expected[key] = message.string  # type: ignore[attr-defined]
    shipped = {k: v for k, v in catalog.items() if k}  # "" is the header
    assert shipped == expected, f"workbench.mo is stale: {FIX}"


def test_chinese_needs_no_catalogue_and_english_comes_from_it() -> None:
    assert gettext(N_("没有案卷"), "zh") == "没有案卷"
    assert gettext(N_("没有案卷"), "en") == "no cases"
    assert gettext(N_("没有案卷"), "en_GB") == "no cases"
    assert gettext(N_("没有案卷"), "fr") == "没有案卷"  # any other language is Chinese, as the window
    assert gettext(NC_("column", "客户经理"), "en") == "Officer"
    assert gettext(N_("客户经理"), "en") == "Loan officer"
    assert pick_language(None) == "zh" and pick_language("EN") == "en"


def test_a_text_missing_from_the_catalogue_shows_in_chinese() -> None:
    """What another branch appended before its English was written: shown, never blank or a key."""
    assert text("一句新的话 {name}", "en", name="x") == "一句新的话 x"


def test_parameters_fill_by_name_and_a_missing_one_leaves_the_template() -> None:
    assert text(N_("找不到文件 {path}"), "en", path="a.pdf") == "file a.pdf not found"
    assert fill("{a} 与 {b}", a=1) == "{a} 与 {b}"
    assert fill("年利率 %%，如 7.2") == "年利率 %%，如 7.2"  # argparse's own escapes are left alone


def test_plural_forms_follow_the_english_rule() -> None:
    assert ngettext("{n} 个案卷", "{n} 个案卷", 1, "zh") == "1 个案卷"
    assert ngettext("{n} case", "{n} cases", 1, "en") == "1 case"  # not in the catalogue: English rule
    assert ngettext("{n} case", "{n} cases", 2, "en") == "2 cases"


def test_the_catalogue_is_loaded_from_the_shipped_resources() -> None:
    assert Path(texts.locale_dir()) == LOCALE
    assert texts.catalogue("en") is texts.catalogue("en")  # loaded once


def _tables() -> dict[str, object]:
    from workbench.cli import texts as cli_texts
    from workbench.reports import chart_spec
    from workbench.reports import texts as report_texts
    from workbench.services import attachment_files, messages, permissions
    from workbench.texts import labels, reasons, signing

    return {
        "cli.texts.TEXTS": cli_texts.TEXTS,
        "cli.texts.LABELS": cli_texts.LABELS,
        "cli.texts.HINTS": cli_texts.HINTS,
        "services.messages.TEXTS": messages.TEXTS,
        "services.attachment_files.TEXTS": attachment_files.TEXTS,
        "services.permissions.ROLE_NAMES": permissions.ROLE_NAMES.msgids,
        "services.permissions.ACTION_NAMES": permissions.ACTION_NAMES.msgids,
        "texts.reasons.REASONS": reasons.REASONS,
        "texts.reasons.TYPE_NAMES": reasons.TYPE_NAMES,
        "texts.signing.SIGNING_ERRORS": signing.SIGNING_ERRORS,
        "texts.labels.LABELS": labels.LABELS,
        "texts.labels.LIMIT_LABELS": labels.LIMIT_LABELS,
        **{f"texts.labels.{name}": getattr(labels, name).msgids for name in (
            "CHECK_METHOD_LABELS", "SCHEDULE_METHOD_LABELS", "STATUS_LABELS", "VOTE_LABELS", "OUTCOME_LABELS",
            "FIGURE_LABELS", "ITEM_NAMES", "ISSUE_TEXTS")},
        "reports.texts.ENUM_LABELS": report_texts.ENUM_LABELS,
        "reports.texts.SOFT_FACTORS": report_texts.SOFT_FACTORS,
        "reports.texts.RATIO_LABELS": report_texts.RATIO_LABELS,
        "reports.texts.INPUT_LABELS": report_texts.INPUT_LABELS,
        "reports.chart_spec.SERIES_LABELS": chart_spec.SERIES_LABELS.msgids,
    }  # fmt: skip


def test_every_table_holds_marked_texts_with_english(po: dict) -> None:
    """A ``{"zh": …, "en": …}`` entry merged in from another branch still shows, but must be marked.

    Rewrite it as ``N_("中文")`` (its English goes into the .po) and run scripts/update-translations.sh.
    """
    from workbench.texts import Contextual

    problems = []
    for name, table in _tables().items():
        for key, msg in table.items():  # type: ignore[attr-defined]
            if isinstance(msg, Contextual):
                entry = (msg.context, msg.msgid)
            elif isinstance(msg, str):
                entry = (None, msg)
            else:
                problems.append(f"{name}[{key!r}] is not marked with N_()/NC_(): {msg!r}")
                continue
            if entry not in po or not po[entry].string:
                problems.append(f"{name}[{key!r}] has no English in workbench.po: {entry}")
    assert not problems, "\n".join(problems)


def test_an_unmarked_entry_from_an_older_branch_still_reads() -> None:
    legacy: object = {"zh": "旧的写法", "en": "the old way"}
    assert gettext(legacy, "en") == "the old way" and gettext(legacy, "zh") == "旧的写法"  # type: ignore[arg-type]
    assert gettext(("旧的写法", "the old way"), "en") == "the old way"  # type: ignore[arg-type]
