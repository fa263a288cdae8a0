"""Regression guard for PySide6 6.12.0 on CPython 3.11 (see shared SETUP-NOTES).

There each ``Signal.emit()`` dropped a reference to ``True``; after ~570 emits the interpreter
aborted with "Fatal Python error: bool_dealloc". We pin the 6.11 line; these tests fail if the pin
moves to a build with that bug.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6
from PySide6.QtCore import QObject, Signal

EMITS = 5_000


class _Emitter(QObject):
    fired = Signal()
    flag = Signal(bool)


def test_pyside6_is_pinned_to_the_6_11_line() -> None:
    assert PySide6.__version__.startswith("6.11"), PySide6.__version__


def test_many_emits_do_not_kill_the_interpreter() -> None:
    # In a child process: if the bug is back, the child aborts (exit 134) and this test fails
    # cleanly instead of taking the whole test run down with it.
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        class E(QObject):
            fired = Signal()
            flag = Signal(bool)

        app = QCoreApplication([])
        e = E()
        hits = [0]  # count, don't keep the emitted True alive (that would hide a leak)

        def on_fired():
            hits[0] += 1

        def on_flag(value):
            hits[0] += value is True

        e.fired.connect(on_fired)
        e.flag.connect(on_flag)
        before = sys.getrefcount(True)
        for _ in range({EMITS}):
            e.fired.emit()
            e.flag.emit(True)
        print(hits[0], before - sys.getrefcount(True))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"child died (exit {result.returncode}):\n{result.stderr[-2000:]}"
    hits, dropped = map(int, result.stdout.split())
    assert hits == 2 * EMITS
    assert dropped <= 5, f"sys.getrefcount(True) dropped by {dropped} after {EMITS} emits"


def test_refcount_of_true_is_stable_in_process(qapp: object) -> None:
    emitter = _Emitter()
    hits = [0]  # a counter: storing the emitted True would mask a refcount drop

    def on_fired() -> None:
        hits[0] += 1

    def on_flag(value: bool) -> None:
        hits[0] += value is True

    emitter.fired.connect(on_fired)
    emitter.flag.connect(on_flag)
    before = sys.getrefcount(True)
    for _ in range(EMITS):
        emitter.fired.emit()
        emitter.flag.emit(True)
    dropped = before - sys.getrefcount(True)
    assert hits[0] == 2 * EMITS
    assert dropped <= 5, f"sys.getrefcount(True) dropped by {dropped} after {EMITS} emits"
