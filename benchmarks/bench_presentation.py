"""Presentation timings against the issue's goals (offscreen; prints figures, asserts nothing).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_presentation.py``.

* opening: building every slide of case A (charts included) until the first slide has painted;
* slide switch: ``go_to(i)`` until the slide has repainted (``repaint()`` paints synchronously),
  median over every slide of cases A and B at 1024×768 and 1920×1080, after one warm-up pass
  (the window renders its chart slides off screen right after it shows); goal ≤ 50 ms;
* what-if: a new amount in the panel → ``evaluate_terms`` → labels updated → the panel repainted;
  median and p95 over 200 changes; goal ≤ 33 ms;
* live update: an edit of the open case (``CaseDocument.set_field``) → ``Recalculator`` →
  ``PresentationWindow.update_case`` → the current slide repainted; the number of employees on the
  business slide (one slide's headline changes), and a stock unit cost on the balance slide and on
  the deviation chart (the balance, equity, matrix and chart slides change; the chart redraws).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from workbench.domain.policy import DEFAULT_POLICY

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from workbench.domain.calc import compute_case
    from workbench.ui import i18n
    from workbench.ui.app import ui_font
    from workbench.ui.case_io import open_demo
    from workbench.ui.presentation.window import PresentationWindow

    app.setFont(ui_font())  # type: ignore[union-attr]
    i18n.set_language("zh")
    switches: list[float] = []
    first_switches: list[float] = []
    for name in ("A", "B"):
        case, _source = open_demo(name)
        results = compute_case(case, DEFAULT_POLICY)
        for size in ((1024, 768), (1920, 1080)):
            start = time.perf_counter()
            window = PresentationWindow(case, results, size)
            window.show()
            QTest.qWaitForWindowExposed(window)
            window.repaint()
            opened = (time.perf_counter() - start) * 1000
            for _ in range(10):  # the chart slides render off screen, one per event-loop turn
                app.processEvents()  # type: ignore[union-attr]
            print(f"open case {name} at {size[0]}x{size[1]}: {opened:.0f} ms ({window.count} slides)")
            for timings in (first_switches, switches):
                for index in [*range(1, window.count), 0]:
                    start = time.perf_counter()
                    window.go_to(index)
                    window.repaint()
                    timings.append((time.perf_counter() - start) * 1000)
            window.close()
            window.deleteLater()
            app.processEvents()  # type: ignore[union-attr]
    print(
        f"slide switch, first visit: median {statistics.median(first_switches):.1f} ms, "
        f"max {max(first_switches):.1f} ms"
    )
    print(
        f"slide switch: median {statistics.median(switches):.1f} ms, "
        f"p95 {statistics.quantiles(switches, n=20)[-1]:.1f} ms, max {max(switches):.1f} ms "
        f"over {len(switches)} switches (goal median ≤ 50 ms)"
    )

    case, _source = open_demo("A")
    window = PresentationWindow(case, compute_case(case, DEFAULT_POLICY), (1920, 1080))
    window.show()
    QTest.qWaitForWindowExposed(window)
    capacity = next(i for i, s in enumerate(window.slides) if s.key == "capacity")
    window.go_to(capacity)
    window.repaint()
    panel = window.what_if
    assert panel is not None
    recompute: list[float] = []
    evaluate: list[float] = []
    for k in range(200):
        start = time.perf_counter()
        panel.amount.setValue(30000 + (k % 50) * 1000)
        panel.repaint()
        app.processEvents()  # type: ignore[union-attr]
        recompute.append((time.perf_counter() - start) * 1000)
        evaluate.append(panel.last_eval_ms)
    print(
        f"what-if recompute → repaint: median {statistics.median(recompute):.2f} ms, "
        f"p95 {statistics.quantiles(recompute, n=20)[-1]:.2f} ms (goal ≤ 33 ms); "
        f"evaluate_terms + labels alone: median {statistics.median(evaluate):.2f} ms"
    )
    window.close()
    live_update(app)


def live_update(app: object) -> None:
    """Edit → recompute → slides updated → current slide repainted, at 1920×1080."""
    from decimal import Decimal

    from PySide6.QtTest import QTest

    from workbench.domain.calc import compute_case
    from workbench.ui.case_io import open_demo
    from workbench.ui.document import CaseDocument
    from workbench.ui.presentation.window import PresentationWindow
    from workbench.ui.recalc import Recalculator

    case, _source = open_demo("A")
    document = CaseDocument(case)
    recalc = Recalculator(document)
    window = PresentationWindow(case, compute_case(case, DEFAULT_POLICY), (1920, 1080))
    window.follow(document, recalc)
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(10):
        app.processEvents()  # type: ignore[attr-defined]
    keys = [s.key for s in window.slides]
    cost = document.state.balance_sheet.stock[0].unit_cost
    edits = (
        ("business", ("business", "employees"), lambda k: 2 + k % 5),
        ("balance_assets", ("balance_sheet", "stock", 0, "unit_cost"), lambda k: cost + Decimal(k % 7 + 1)),
        ("deviations", ("balance_sheet", "stock", 0, "unit_cost"), lambda k: cost - Decimal(k % 7 + 1)),
    )
    for key, path, value in edits:
        window.go_to(keys.index(key))
        window.repaint()
        timings: list[float] = []
        for k in range(40):
            before = window.updates
            start = time.perf_counter()
            document.set_field(path, value(k))
            while window.updates == before:
                app.processEvents()  # type: ignore[attr-defined]
            window.repaint()
            timings.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(
            f"live update on the {key} slide (edit {'.'.join(map(str, path))}): "
            f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms"
        )
    window.close()


if __name__ == "__main__":
    main()
