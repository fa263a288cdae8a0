"""The English translation covers every UI text, its compiled .qm is current, and it loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from workbench.paths import resource_path
from workbench.ui import i18n
from workbench.ui.i18n import tr

REPO = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "workbench_en.ts")
QM = resource_path("translations", "workbench_en.qm")
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} not installed")
    return str(path)


def test_every_ui_text_has_an_english_translation_and_the_qm_is_current(tmp_path: Path) -> None:
    ts = tmp_path / "workbench_en.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (REPO / "workbench" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    text = ts.read_text(encoding="utf-8")
    unfinished = re.findall(r"<source>(.*?)</source>\s*<translation type=\"unfinished\">", text)
    assert not unfinished, f"run scripts/update-translations.sh and translate: {unfinished[:10]}"
    assert text == TS.read_text(encoding="utf-8"), (
        "workbench_en.ts is stale: run scripts/update-translations.sh"
    )
    qm = tmp_path / "workbench_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == QM.read_bytes(), "workbench_en.qm is stale: run scripts/update-translations.sh"


def test_language_switches_both_ways(ui: Any) -> None:
    assert tr("资产负债表") == "资产负债表"
    assert i18n.set_language("en") == "en"
    assert tr("资产负债表") == "Balance sheet"
    assert i18n.lang() == "en"
    assert i18n.set_language("zh") == "zh"
    assert tr("资产负债表") == "资产负债表"


def test_language_choice_order(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)
    assert i18n.pick_language([], settings) == "zh"
    i18n.store_language("en", settings)
    assert i18n.pick_language([], settings) == "en"
    monkeypatch.setenv("WORKBENCH_LANG", "zh")
    assert i18n.pick_language([], settings) == "zh"
    assert i18n.pick_language(["--lang", "en"], settings) == "en"
    assert i18n.pick_language(["--lang=zh"], settings) == "zh"
