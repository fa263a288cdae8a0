"""Window timings against the issue's goals (offscreen; prints figures, asserts nothing).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py``.

* cold start: a fresh interpreter, from before ``exec`` to the first paint event of the main window
  (the store opens in the background after the window shows, as in ``run_gui``); goal ≤ 1.5 s;
* keystroke → chart: ``setData`` of a money cell of case A until the deviation chart has drawn the
  new bars (recompute coalesced by the 0-ms timer, bars moved and blitted); goal median ≤ 16 ms,
  p95 ≤ 33 ms, over 200 edits;
* opening demo case A in a tab, until the tab has painted (first open also imports matplotlib);
  goal ≤ 100 ms;
* resident memory with 5 cases open; goal ≤ 300 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    from workbench.ui.app import build_main_window, prepare_application
    from workbench.ui.store_link import connect_store

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                loaded = [name in sys.modules for name in ("matplotlib", "sqlalchemy")]
                print(f"{time.time():.6f}", *loaded, flush=True)
                QApplication.instance().quit()
            return False

    app = QApplication(sys.argv[:1])
    prepare_application(app, [])
    window = build_main_window(store_opener=lambda: connect_store(None))
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
    """
)


def cold_start(runs: int = 5) -> None:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["WORKBENCH_DATA_DIR"] = tempfile.mkdtemp(prefix="wb-bench-")
    times = []
    flags = ""
    for _ in range(runs + 1):  # the first run warms the byte-code and font caches
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]) - start)
        flags = f"matplotlib loaded: {out[1]}, sqlalchemy loaded: {out[2]}"
    warm = times[1:]
    print(
        f"cold start → first paint of the main window: median {statistics.median(warm) * 1000:6.0f} ms, "
        f"min {min(warm) * 1000:.0f} ms, first run {times[0] * 1000:.0f} ms  ({flags} at first paint)"
    )


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def in_process() -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from workbench.ui.app import build_main_window, prepare_application
    from workbench.ui.widgets.table_editor import TableEditor

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application(app, [])  # type: ignore[arg-type]
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = build_main_window(settings=settings)
    window.ask_unsaved = lambda _title: "discard"
    window.setWindowState(Qt.WindowState.WindowNoState)  # small screens start maximised
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(f"RSS with the window and no case: {_rss_mb():.0f} MB")

    def open_and_paint() -> tuple[float, float]:
        start = time.perf_counter()
        editor = window.open_demo("A")
        editor.repaint()  # the tab painted: forms, tables, an empty chart frame
        painted = time.perf_counter()
        chart = editor.charts.deviation  # type: ignore[union-attr]
        while chart.full_draws == 0 and time.perf_counter() - start < 10:
            app.processEvents()
        return (painted - start) * 1000, (time.perf_counter() - start) * 1000

    first = open_and_paint()
    again = [open_and_paint() for _ in range(9)]
    for _ in range(len(window.cases) - 1):
        window.close_tab(1)
    app.processEvents()
    painted, charted = [a for a, _ in again], [b for _, b in again]
    print(
        f"open demo case A in a tab: painted and editable in median {statistics.median(painted):.0f} ms "
        f"(max {max(painted):.0f}), deviation chart drawn at {statistics.median(charted):.0f} ms; "
        f"the first open also imports matplotlib: {first[0]:.0f} / {first[1]:.0f} ms"
    )

    editor = window.current().editor  # type: ignore[union-attr]
    chart = editor.charts.deviation  # type: ignore[union-attr]
    deadline = time.perf_counter() + 10
    while chart.full_draws == 0 and time.perf_counter() < deadline:
        app.processEvents()
    editor.show_section("balance_sheet")
    table = editor.findChild(TableEditor, "table:balance_sheet.stock")
    model = table.model
    # The first stock item's unit cost, found by its field (the window orders the columns).
    index = model.index(0, next(i for i, c in enumerate(model.columns) if c.field == "unit_cost"))
    latencies, renders = [], []
    for i in range(200):
        done = chart.blits + chart.full_draws
        start = time.perf_counter()
        model.setData(index, f"{29000 + i * 10:,}")  # always a new value: a no-op would push nothing
        while chart.blits + chart.full_draws == done and time.perf_counter() - start < 5:
            app.processEvents()
        latencies.append((time.perf_counter() - start) * 1000)
        renders.append(chart.last_render_ms)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    median = statistics.median(latencies)
    print(
        f"keystroke → chart repainted (200 edits of a money cell): median {median:.1f} ms, "
        f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms; of which chart update "
        f"{statistics.median(renders):.1f} ms; {chart.full_draws} full draw(s), {chart.blits} blits"
    )
    assert editor.document.state.balance_sheet.stock[0].unit_cost >= Decimal(28000)

    for name in ("B", "A", "B", "A"):
        window.open_demo(name)
        app.processEvents()
    app.processEvents()
    print(f"RSS with {len(window.cases)} cases open: {_rss_mb():.0f} MB")


def main() -> None:
    platform = os.environ["QT_QPA_PLATFORM"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, QT_QPA_PLATFORM={platform}")
    cold_start()
    in_process()


if __name__ == "__main__":
    main()
