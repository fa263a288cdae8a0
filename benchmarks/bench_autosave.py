"""Recovery-journal timings (offscreen; prints figures, asserts nothing).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_autosave.py``.

* journal text of case A (``encode_journal``: the exchange JSON plus the header);
* journal write: text + temp file + fsync + rename + directory fsync, as the journal's worker does;
* the typing path: ``set_field`` on a document that the journal and the autosave follow, against one
  nobody follows — what each keystroke costs on the GUI thread (the write itself runs on the worker);
* edit → journal on disk: from an edit until ``written`` (≈ the 1 s debounce plus the write).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COST = ("balance_sheet", "stock", 0, "unit_cost")


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    if len(ordered) < 20:
        median, most = statistics.median(ordered) * 1000, ordered[-1] * 1000
        return f"median {median:.1f} ms, max {most:.1f} ms (n={len(ordered)})"
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.3f} ms, p95 {p95 * 1000:.3f} ms (n={len(ordered)})"


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from workbench.ui.autosave import Autosaver
    from workbench.ui.case_io import open_demo
    from workbench.ui.document import CaseDocument
    from workbench.ui.persistence import CasePersistence
    from workbench.ui.recovery import RecoveryJournal, encode_journal, write_atomically

    app = QApplication.instance() or QApplication(sys.argv[:1])
    case, source = open_demo("A")
    now = datetime.now(UTC)

    encode: list[float] = []
    for _ in range(200):
        start = time.perf_counter()
        text = encode_journal(case, source, "王丽华", now)
        encode.append(time.perf_counter() - start)
    print(f"journal text of case A ({len(text.encode('utf-8')) / 1024:.1f} KiB): {_ms(encode)}")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.journal.json"
        writes: list[float] = []
        for _ in range(100):
            start = time.perf_counter()
            write_atomically(path, encode_journal(case, source, "王丽华", now))
            writes.append(time.perf_counter() - start)
        print(f"journal write (text + fsync + rename, on the worker thread): {_ms(writes)}")

        persistence = CasePersistence()
        journal = RecoveryJournal(Path(tmp) / "recovery")
        autosaver = Autosaver(persistence)
        followed, alone = CaseDocument(case, source), CaseDocument(case, source)
        journal.watch(followed)
        autosaver.watch(followed)
        for label, document in (("nobody follows", alone), ("journal + autosave follow", followed)):
            edits: list[float] = []
            for i in range(300):
                start = time.perf_counter()
                document.set_field(COST, Decimal(30000 + i))
                edits.append(time.perf_counter() - start)
            print(f"set_field, {label}: {_ms(edits)}")

        delays: list[float] = []
        for i in range(3):
            done: list[float] = []
            journal.written.connect(lambda _d, done=done: done.append(time.perf_counter()))
            start = time.perf_counter()
            followed.set_field(COST, Decimal(40000 + i))
            while not done:
                app.processEvents()
                time.sleep(0.001)
            delays.append(done[0] - start)
            journal.written.disconnect()
        print(f"edit → journal on disk (1 s debounce included): {_ms(delays)}")
        journal.close()


if __name__ == "__main__":
    main()
