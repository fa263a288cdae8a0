"""Report timings: case B's survey report, its dossier with ten photos (build + render + sign, goal
≤ 2 s for ~40 pages), verification, and printing the signed dossier (PDFium rasterizes each page
at the printer's resolution, capped at 300 dpi; printed here to a PDF file offscreen).

Run: ``.venv/bin/python benchmarks/bench_reports.py``. Prints figures; asserts nothing. Imports are
timed apart (reportlab, matplotlib and pyHanko load once per process). Each line gives the median
wall time and, in brackets, the median CPU time of this process: on a machine shared with other
work the CPU time is the steadier figure.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

started = time.perf_counter()
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from workbench.domain.calc import compute_case  # noqa: E402
from workbench.paths import resource_path  # noqa: E402
from workbench.reports.canonical import canonical_case_sha256  # noqa: E402
from workbench.reports.content import build_dossier, build_survey_report, draft_decision  # noqa: E402
from workbench.reports.inputs import AttachmentImage, DecisionKind  # noqa: E402
from workbench.reports.render import PdfMeta, render_pdf  # noqa: E402
from workbench.reports.signing import create_identity, load_identity, sign_pdf  # noqa: E402
from workbench.reports.verify import verify_pdf  # noqa: E402
from workbench.services.case_files import read_case_file  # noqa: E402

IMPORTS = time.perf_counter() - started


def photos(count: int = 10) -> list[AttachmentImage]:
    """Camera-like JPEGs (1600 × 1200, noisy gradients) and two PNG scans, made in memory."""
    rng = np.random.default_rng(5)
    out = []
    for n in range(count):
        y, x = np.mgrid[0:1200, 0:1600]
        base = np.stack([(x / 1600 * 255), (y / 1200 * 255), np.full_like(x, 40 + 20 * n)], axis=-1)
        noisy = np.clip(base + rng.normal(0, 18, base.shape), 0, 255).astype("uint8")
        buf = io.BytesIO()
        if n % 5 == 4:
            Image.fromarray(noisy[::2, ::2]).convert("L").save(buf, "PNG")
            out.append(AttachmentImage(f"scan-{n}.png", "image/png", buf.getvalue(), f"扫描件 {n + 1}"))
        else:
            Image.fromarray(noisy).save(buf, "JPEG", quality=85)
            out.append(AttachmentImage(f"photo-{n}.jpg", "image/jpeg", buf.getvalue(), f"现场照片 {n + 1}"))
    return out


def timed(fn, repeat: int = 5) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    """``"1.093 s (cpu 1.050 s)"`` (medians of ``repeat`` runs) and the last result."""
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return f"{statistics.median(wall):6.3f} s (cpu {statistics.median(cpu):.3f} s)", result


def pages(pdf: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Count"])


def main() -> None:
    print(
        f"python {sys.version.split()[0]}; imports (reportlab, matplotlib, pyHanko, domain) {IMPORTS:.2f} s"
    )
    case = read_case_file(Path(resource_path("demo", "case-b.json")))
    meta = PdfMeta(
        unit="某某农商银行 小微信贷中心", author=case.officers.lead, case_sha256=canonical_case_sha256(case)
    )
    images = photos()
    print(f"photos: {len(images)}, {sum(len(i.data) for i in images) / 1e6:.1f} MB")

    def survey() -> bytes:
        return render_pdf(build_survey_report(case, compute_case(case)), meta=meta)

    with tempfile.TemporaryDirectory() as tmp:
        create_identity("刘敏", "客户经理", "bench-passphrase", Path(tmp) / "id.p12")
        identity = load_identity(Path(tmp) / "id.p12", "bench-passphrase")

    def dossier() -> bytes:
        results = compute_case(case)
        decision = draft_decision(case, results, DecisionKind.APPROVED_AS_PROPOSED)
        doc = build_dossier(case, results, images, decision)
        return sign_pdf(render_pdf(doc, meta=meta), identity, reason="贷款档案签署")

    first = time.perf_counter()
    survey()
    print(f"first survey report (font + matplotlib warm-up)   {time.perf_counter() - first:6.3f} s")
    seconds, pdf = timed(survey)
    size = f"({pages(pdf)} pages, {len(pdf) / 1e3:.0f} kB)"
    print(f"survey report, case B: build + render             {seconds}  {size}")
    seconds, signed = timed(dossier)
    size = f"({pages(signed)} pages, {len(signed) / 1e6:.1f} MB)"
    print(f"dossier, case B, 10 photos: build + render + sign  {seconds}  {size}")
    seconds, _ = timed(lambda: sign_pdf(signed, identity, reason="审查"))
    print(f"  of which a second signature alone               {seconds}")
    many = photos(30)

    def dossier_40() -> bytes:
        results = compute_case(case)
        doc = build_dossier(
            case, results, many, draft_decision(case, results, DecisionKind.APPROVED_AS_PROPOSED)
        )
        return sign_pdf(render_pdf(doc, meta=meta), identity, reason="贷款档案签署")

    seconds, big = timed(dossier_40, repeat=3)
    size = f"({pages(big)} pages, {len(big) / 1e6:.1f} MB)"
    print(f"dossier, case B, 30 photos: build + render + sign  {seconds}  {size}")
    seconds, report = timed(lambda: verify_pdf(signed))
    print(f"verify the signed dossier                          {seconds}  (ok={report.ok})")  # type: ignore[attr-defined]
    bench_printing(signed)


def bench_printing(pdf: bytes) -> None:
    """Rasterize + print the signed dossier the way the window's 打印 does."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from workbench.ui.printing import PdfPages, print_pdf, setup_printer

    app = QApplication.instance() or QApplication([])  # noqa: F841  # QPrinter needs one
    with PdfPages(pdf) as document:
        count = len(document)
        seconds, _ = timed(lambda: [document.image(i, 300) for i in range(count)], repeat=3)
    print(f"rasterize the signed dossier at 300 dpi            {seconds}  ({count} pages)")
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in (150, 300):

            def run(dpi: int = dpi) -> int:
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(Path(tmp) / f"printed-{dpi}.pdf"))
                printer.setResolution(dpi)
                setup_printer(printer)
                return print_pdf(pdf, printer)

            seconds, printed = timed(run, repeat=3)
            print(f"rasterize + print it, {dpi} dpi (to a PDF file)     {seconds}  ({printed} pages)")


if __name__ == "__main__":
    main()
