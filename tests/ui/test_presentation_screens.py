"""Two screens: the slides go full screen on the projector, the presenter view on the laptop.

Qt's offscreen platform takes a JSON list of screens (``offscreen:configfile=…``). That is fixed
when the QApplication starts, so the scenario runs in a child process (this file run as a script)
and reports what it saw as JSON; the other Qt tests keep their single screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from workbench.domain.policy import DEFAULT_POLICY

SCREENS = {
    "windowFrameMargins": False,  # full screen means no frame; the offscreen default draws one
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1},
        {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96, "dpr": 1},
    ],
}
ROOT = Path(__file__).resolve().parents[2]


def run_scenario(tmp_path: Path) -> dict[str, Any]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "MPLBACKEND": "Agg",
        "WORKBENCH_SETTINGS_DIR": str(tmp_path / "settings"),
    }
    done = subprocess.run(
        [sys.executable, __file__, str(tmp_path / "settings.ini")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_slides_on_the_projector_and_presenter_on_the_laptop(tmp_path: Path) -> None:
    seen = run_scenario(tmp_path)
    assert seen["screens"] == ["laptop", "projector"]
    assert seen["needs_choice_before"] is True  # two screens, none chosen yet: the officer is asked
    assert seen["dialog_choices"] == ["laptop — 1366 × 768 （主屏幕）", "projector — 1024 × 768"]
    assert seen["dialog_default"] == "projector"  # the first screen that is not the laptop
    assert seen["remembered"] == "projector" and seen["needs_choice_after"] is False
    first = seen["opened"]
    assert first["window_screen"] == "projector" and first["window_full_screen"]
    assert first["window_geometry"] == [1366, 0, 1024, 768]
    assert first["slide_size"] == [1024, 768]
    assert first["presenter_screen"] == "laptop" and first["presenter_visible"]
    swapped = seen["swapped"]  # S: the slides move to the laptop, re-laid out for its size
    assert swapped["window_screen"] == "laptop" and swapped["presenter_screen"] == "projector"
    assert swapped["slide_size"] == [1366, 768] and swapped["index"] == first["index"]
    assert swapped["amount_kept"] == 50000  # the committee's amendment survives the move
    assert swapped["remembered"] == "laptop"
    assert seen["again"]["window_screen"] == "laptop"  # the next presentation uses the remembered one


def _scenario(settings_file: str) -> dict[str, Any]:  # runs in the child process
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from workbench.domain.calc import compute_case
    from workbench.ui.app import ui_font
    from workbench.ui.case_io import open_demo
    from workbench.ui.presentation.presenter import start_presentation
    from workbench.ui.presentation.screens import ScreenDialog, needs_choice, remembered_screen

    app.setFont(ui_font())
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    seen: dict[str, Any] = {"screens": [s.name() for s in QGuiApplication.screens()]}
    seen["needs_choice_before"] = needs_choice(settings)
    dialog = ScreenDialog(settings)
    seen["dialog_choices"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    chosen = dialog.selected()
    seen["dialog_default"] = chosen.name() if chosen else None
    dialog.accept()
    remembered = remembered_screen(settings)
    seen["remembered"] = remembered.name() if remembered else None
    seen["needs_choice_after"] = needs_choice(settings)

    case, _source = open_demo("A")
    window, presenter = start_presentation(case, compute_case(case, DEFAULT_POLICY), settings=settings)
    QTest.qWaitForWindowExposed(window)
    app.processEvents()

    def where() -> dict[str, Any]:
        g = window.geometry()
        return {
            "window_screen": window.screen().name(),
            "window_full_screen": bool(window.windowState() & Qt.WindowState.WindowFullScreen),
            "window_geometry": [g.x(), g.y(), g.width(), g.height()],
            "slide_size": [window.theme.width, window.theme.height],
            "presenter_screen": presenter.screen().name(),
            "presenter_visible": presenter.isVisible(),
            "index": window.index,
        }

    window.go_to(3)
    seen["opened"] = where()
    panel = window.what_if
    assert panel is not None
    panel.amount.setValue(50000)
    QTest.keyClick(window, Qt.Key.Key_S)
    app.processEvents()
    swapped = where()
    moved = window.what_if
    swapped["amount_kept"] = round(moved.amount.value()) if moved is not None else None
    again = remembered_screen(settings)
    swapped["remembered"] = again.name() if again else None
    seen["swapped"] = swapped
    window.close()
    app.processEvents()
    window, presenter = start_presentation(case, compute_case(case, DEFAULT_POLICY), settings=settings)
    app.processEvents()
    seen["again"] = where()
    window.close()
    return seen


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(_scenario(sys.argv[1]), ensure_ascii=False))
