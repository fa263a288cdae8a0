"""Keys it takes to type demo case A into a new case by keyboard alone.

Runs ``tests/ui/keyboard_entry.enter_case`` (the walk ``tests/ui/test_keyboard_entry.py`` checks:
every value of case A in Tab order, the cross-checks through the add-check dialog, no mouse) in an
offscreen main window, once without the cross-checks page (the earlier walk, to compare) and once
whole, and prints the keys pressed: typed characters, navigation keys by name (Tab, Enter, arrows,
Ctrl+…/Alt+… shortcuts) and navigation keys per value entered (goal: at most 1).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_entry.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def report(entry: Any, seconds: float, checks: bool) -> None:
    keys = entry.keyboard
    scope = (
        "its 11 cross-checks and 7 evidence items too" if checks else "all but its cross-checks and evidence"
    )
    print(f"demo case A typed by keyboard alone ({scope})")
    print(f"  values entered          {keys.values:5d}")
    print(f"  typed characters        {keys.typed:5d}")
    print(f"  navigation keys         {keys.navigation_keys:5d}")
    for name, count in keys.navigation.most_common():
        print(f"    {name:<20}  {count:5d}")
    print(f"  navigation per value    {keys.navigation_keys / keys.values:8.2f}   (goal <= 1)")
    print(f"  values not taken        {len(entry.skipped):5d}   {', '.join(entry.skipped)}")
    print(f"  wall time               {seconds:8.1f} s (offscreen, key events sent one by one)")


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tests.ui.keyboard_entry import enter_case
    from workbench.ui import i18n
    from workbench.ui.app import ui_font
    from workbench.ui.case_io import open_demo
    from workbench.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setFont(ui_font())
    i18n.set_language("zh")
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, charts=False)
        window.ask_unsaved = lambda _title: "discard"  # type: ignore[method-assign]
        window.resize(1366, 768)
        window.show()
        window.activateWindow()

        def wait_until(done: object) -> None:
            deadline = time.monotonic() + 5
            while not done():  # type: ignore[operator]
                app.processEvents()
                if time.monotonic() > deadline:
                    raise TimeoutError("the window did not follow the keys")

        for checks in (False, True):  # the earlier walk (no cross-checks), then the whole case
            editor = window.new_case()
            started = time.perf_counter()
            entry = enter_case(editor, open_demo("A")[0], wait_until, checks=checks)
            seconds = time.perf_counter() - started
            report(entry, seconds, checks)
        window.close()


if __name__ == "__main__":
    main()
