"""Report timings: case B's survey report, its dossier with ten photos (build + render + sign, goal
≤ 2 s for ~40 pages), the ~40-page dossier of case B decided by a committee session in a temporary
SQLite store (decision and minutes read from the store, then build + render + sign), verification,
and printing the signed dossier (PDFium rasterizes each page at the printer's resolution, capped at
300 dpi; printed here to a PDF file offscreen).

First, as a user meets it: ``workbench report case-b.json --kind dossier -o …`` as a whole process
(start to file written), and, when LibreOffice's ``soffice`` is installed, LibreOffice converting an
equivalent workbook (the dossier's text and tables, one sheet per section) to PDF beside it, the
same number of times, interleaved, so both meet the same load. ``--whole`` prints only these.

The whole-process lines give the best and the median of five runs. Run:
``.venv/bin/python benchmarks/bench_reports.py``. Prints figures; asserts nothing. Imports are
timed apart (reportlab and pyHanko load once per process). Each line gives the median
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
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

started = time.perf_counter()
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from workbench.domain.calc import compute_case  # noqa: E402
from workbench.domain.committee import Outcome  # noqa: E402
from workbench.domain.policy import DEFAULT_POLICY  # noqa: E402
from workbench.paths import resource_path  # noqa: E402
from workbench.reports.canonical import canonical_case_sha256  # noqa: E402
from workbench.reports.content import build_dossier, build_survey_report, draft_decision  # noqa: E402
from workbench.reports.inputs import AttachmentImage  # noqa: E402
from workbench.reports.render import PdfMeta, render_pdf  # noqa: E402
from workbench.reports.signing import create_identity, load_identity, sign_pdf  # noqa: E402
from workbench.reports.verify import verify_pdf  # noqa: E402
from workbench.services.case_files import read_case_file  # noqa: E402

IMPORTS = time.perf_counter() - started

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.reports.signing import SigningIdentity
    from workbench.services.reporting import ReportRequest
    from workbench.services.store import StoreServices


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


def _process(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, of the child) of one process run to its end."""
    import os
    import subprocess

    before = os.times()
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True, timeout=300)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def equivalent_workbook(path: Path) -> None:
    """Case B's dossier as a spreadsheet: every heading, paragraph, key-value pair and table row of
    the dossier, one sheet per top-level section, A4 portrait, fitted to the page width."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from workbench.reports.document import Bullets, DataTable, KeyValues, Para, Section

    case = read_case_file(Path(resource_path("demo", "case-b.json")))
    results = compute_case(case, DEFAULT_POLICY)
    doc = build_dossier(case, results, [], draft_decision(case, results, Outcome.APPROVED_AS_PROPOSED))
    book = Workbook()
    book.remove(book.active)

    def write(sheet, block) -> None:  # type: ignore[no-untyped-def]
        if isinstance(block, Section):
            sheet.append([f"{block.number} {block.title}".strip()])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=13)
            for inner in block.blocks:
                write(sheet, inner)
        elif isinstance(block, Para):
            sheet.append([block.text])
        elif isinstance(block, Bullets):
            for item in block.items:
                sheet.append(["• " + item])
        elif isinstance(block, KeyValues):
            for key, value in block.pairs:
                sheet.append([key, value])
        elif isinstance(block, DataTable):
            if block.caption:
                sheet.append([block.caption])
            sheet.append([c.title for c in block.columns])
            for row in block.rows:
                sheet.append(list(row))

    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Section):
            continue
        sheet = book.create_sheet(f"{index + 1}")
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.column_dimensions["A"].width = 34
        for column in "BCDEFGH":
            sheet.column_dimensions[column].width = 14
        write(sheet, block)
    book.save(path)


def bench_whole_process(repeat: int = 5) -> None:
    """``workbench report`` as a process beside LibreOffice converting the equivalent workbook."""
    import os
    import shutil

    root = Path(__file__).resolve().parents[1]
    case_b = str(resource_path("demo", "case-b.json"))
    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = [
            sys.executable,
            "-m",
            "workbench",
            "report",
            case_b,
            "--kind",
            "dossier",
            "-o",
            str(folder / "b.pdf"),
        ]
        theirs: list[str] = []
        if soffice:
            equivalent_workbook(folder / "b.xlsx")
            profile = (folder / "lo-profile").as_uri()
            theirs = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
            theirs += ["--outdir", str(folder / "lo"), str(folder / "b.xlsx")]
            _process(theirs, folder)  # LibreOffice's first start makes its profile: not counted
        # As installed (pip and uv write each module's bytecode): a shell that forbids writing it
        # (PYTHONDONTWRITEBYTECODE) would have every run compile the workbench's sources anew.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        _process(ours, root, env)  # warm the disk cache (and write the bytecode) as for LibreOffice
        mine, office = [], []
        for _ in range(repeat):
            mine.append(_process(ours, root, env))
            if theirs:
                office.append(_process(theirs, folder))
        pages_ours = pages((folder / "b.pdf").read_bytes())
        print(f"workbench report case-b --kind dossier (process)   {_spread(mine)}  ({pages_ours} pages)")
        if not office:
            print("LibreOffice (soffice) not installed: no comparison")
            return
        lo_pages = pages((folder / "lo" / "b.pdf").read_bytes())
        print(f"soffice --convert-to pdf, equivalent workbook     {_spread(office)}  ({lo_pages} pages)")
        for label, pick in (("best", min), ("median", statistics.median)):
            wall = pick(w for w, _ in office) / pick(w for w, _ in mine)
            cpu = pick(c for _, c in office) / pick(c for _, c in mine)
            print(f"  LibreOffice / workbench, {label}: {wall:.1f}x wall, {cpu:.1f}x cpu")


def _spread(runs: list[tuple[float, float]]) -> str:
    """``"best 0.612 s, median 0.701 s (cpu best 0.580 s, median 0.598 s)"`` of (wall, cpu) runs."""
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    wall = f"best {min(walls):.3f} s, median {statistics.median(walls):.3f} s"
    return f"{wall} (cpu best {min(cpus):.3f} s, median {statistics.median(cpus):.3f} s)"


def main() -> None:
    bench_whole_process()
    if "--whole" in sys.argv:
        return
    print(f"python {sys.version.split()[0]}; imports (reportlab, pyHanko, domain) {IMPORTS:.2f} s")
    case = read_case_file(Path(resource_path("demo", "case-b.json")))
    meta = PdfMeta(
        unit="某某农商银行 小微信贷中心", author=case.officers.lead, case_sha256=canonical_case_sha256(case)
    )
    images = photos()
    print(f"photos: {len(images)}, {sum(len(i.data) for i in images) / 1e6:.1f} MB")

    def survey() -> bytes:
        return render_pdf(build_survey_report(case, compute_case(case, DEFAULT_POLICY)), meta=meta)

    with tempfile.TemporaryDirectory() as tmp:
        create_identity("刘敏", "客户经理", "bench-passphrase", Path(tmp) / "id.p12")
        identity = load_identity(Path(tmp) / "id.p12", "bench-passphrase")
        # a signer takes the box of their role: the second signature is the reviewer's
        create_identity("张伟", "审查员", "bench-passphrase", Path(tmp) / "reviewer.p12")
        reviewer = load_identity(Path(tmp) / "reviewer.p12", "bench-passphrase")

    def dossier() -> bytes:
        results = compute_case(case, DEFAULT_POLICY)
        decision = draft_decision(case, results, Outcome.APPROVED_AS_PROPOSED)
        doc = build_dossier(case, results, images, decision)
        return sign_pdf(render_pdf(doc, meta=meta), identity, reason="贷款档案签署")

    first = time.perf_counter()
    survey()
    print(f"first survey report (font warm-up)              {time.perf_counter() - first:6.3f} s")
    seconds, pdf = timed(survey)
    size = f"({pages(pdf)} pages, {len(pdf) / 1e3:.0f} kB)"
    print(f"survey report, case B: build + render             {seconds}  {size}")
    seconds, signed = timed(dossier)
    size = f"({pages(signed)} pages, {len(signed) / 1e6:.1f} MB)"
    print(f"dossier, case B, 10 photos: build + render + sign  {seconds}  {size}")
    seconds, _ = timed(lambda: sign_pdf(signed, reviewer, reason="审查"))
    print(f"  of which a second signature alone               {seconds}")
    many = photos(30)

    def dossier_40() -> bytes:
        results = compute_case(case, DEFAULT_POLICY)
        doc = build_dossier(case, results, many, draft_decision(case, results, Outcome.APPROVED_AS_PROPOSED))
        return sign_pdf(render_pdf(doc, meta=meta), identity, reason="贷款档案签署")

    seconds, big = timed(dossier_40, repeat=3)
    size = f"({pages(big)} pages, {len(big) / 1e6:.1f} MB)"
    print(f"dossier, case B, 30 photos: build + render + sign  {seconds}  {size}")
    bench_committee_dossier(meta, identity)
    seconds, report = timed(lambda: verify_pdf(signed))
    print(f"verify the signed dossier                          {seconds}  (ok={report.ok})")  # type: ignore[attr-defined]
    bench_printing(signed)


def decided_store(folder: Path) -> tuple[StoreServices, str, User]:
    """A SQLite store where a session of three approved case B with a condition: (store, case id, user)."""
    from datetime import date

    from workbench.domain.committee import CommitteeRules, Member, Vote
    from workbench.domain.records import Role
    from workbench.services.store import open_store
    from workbench.store.user_repository import SqlUserRepository

    store = open_store(f"sqlite:///{folder / 'bench.sqlite3'}")
    with store.sessions.begin() as session:
        users = SqlUserRepository(session)
        officer = users.add_user("liumin", "刘敏", Role.OFFICER)
        chair = users.add_user("chen", "陈主任", Role.COMMITTEE_CHAIR)
        members = [users.add_user(n, n.title(), Role.COMMITTEE_MEMBER) for n in ("zhangwei", "wangfang")]
    case_id = store.cases.create_case(
        read_case_file(Path(resource_path("demo", "case-b.json"))), officer
    ).case.id
    store.committee.submit_case(case_id, officer)
    session_id = store.committee.create_session(
        date(2024, 7, 2),
        "三楼会议室",
        chair.id,
        [Member(m.id, "") for m in members],
        "李娜",
        CommitteeRules(),
        chair,
    )
    store.committee.add_to_agenda(session_id, case_id, chair)
    for member in (chair, *members):
        vote = Vote.APPROVE_WITH_CONDITIONS if member is chair else Vote.APPROVE_AS_PROPOSED
        reason = "须受托支付" if member is chair else ""
        store.committee.cast_vote(session_id, case_id, member.id, vote, reason, ("受托支付",), member)
    store.committee.record_decision(session_id, case_id, None, ("配偶签字",), "", chair)
    return store, case_id, officer


def bench_committee_dossier(meta: PdfMeta, identity: SigningIdentity) -> None:
    """The dossier a clerk prints after the committee: decision and minutes from the store, photos."""
    from workbench.services.reporting import ReportKind, ReportRequest, make_report, with_stored_committee

    many = photos(44)
    with tempfile.TemporaryDirectory() as tmp:
        store, case_id, officer = decided_store(Path(tmp))
        try:
            request = ReportRequest(ReportKind.DOSSIER, "zh", meta.unit, many)
            seconds, done = timed(lambda: with_stored_committee(store, case_id, request, officer))
            full: ReportRequest = done  # type: ignore[assignment]
            print(f"  decision + minutes of case B read from the store {seconds}")
            record = store.cases.open_case(case_id, officer)

            def dossier() -> bytes:
                return make_report(
                    record.case, full, identity, case_version=record.version, reason="贷款档案签署"
                ).pdf

            seconds, pdf = timed(dossier, repeat=3)
            size = f"({pages(pdf)} pages, {len(pdf) / 1e6:.1f} MB)"
            print(f"dossier, decided case B, committee + {len(many)} photos   {seconds}  {size}")
        finally:
            store.close()


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
