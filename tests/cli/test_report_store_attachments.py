"""``workbench report <stored case> --kind dossier``: the photo appendix comes from the store."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
from typing import TYPE_CHECKING

import pytest

from tests.attachment_files import jpeg, pdf, png
from tests.store.helpers import demo
from workbench.cli.main import main
from workbench.domain.evidence import Evidence, EvidenceKind

if TYPE_CHECKING:
    from pathlib import Path

PHOTO, SHELF, SCAN = jpeg(640, 480), png(480, 640), pdf()


def _evidence(eid: str, title: str, name: str, data: bytes) -> Evidence:
    return Evidence(eid, EvidenceKind.PHOTO, title, file_name=name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture
def stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    from workbench.services.store import open_store

    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert main(["db", "init", "--db", url]) == 0
    capsys.readouterr()
    case = dataclasses.replace(
        demo("a"),
        evidence=(
            _evidence("E1", "店面门头照片", "door.jpg", PHOTO),
            _evidence("E2", "营业执照扫描件", "licence.pdf", SCAN),
            _evidence("E3", "货架库存照片", "shelf.png", SHELF),
        ),
    )
    store = open_store(url)
    try:
        user = store.users.current_user()
        store.cases.create_case(case, user)
        for eid, name, data in (
            ("E1", "door.jpg", PHOTO),
            ("E2", "licence.pdf", SCAN),
            ("E3", "shelf.png", SHELF),
        ):
            store.attachments.add(case.id, eid, name, data, user)
    finally:
        store.close()
    return url, case.id


def test_the_dossier_of_a_stored_case_has_its_stored_photos(
    stored: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, case_id = stored
    target = tmp_path / "dossier.pdf"
    code = main(["report", case_id, "--kind", "dossier", "-o", str(target), "--db", url])
    _out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "店面门头照片" in text and "货架库存照片" in text
    images = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True)
    sizes = {tuple(line.split()[3:5]) for line in images.stdout.splitlines()[2:]}
    assert {("640", "480"), ("480", "640")} <= sizes  # both photos, the PDF scan is not a photo


def test_a_stored_file_that_is_not_the_evidence_any_more_is_refused(
    stored: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.services.store import open_store

    url, case_id = stored
    store = open_store(url)
    try:
        user = store.users.current_user()
        record = store.cases.open_case(case_id, user)
        changed = tuple(
            dataclasses.replace(e, sha256="0" * 64) if e.id == "E3" else e for e in record.case.evidence
        )
        store.cases.save_case(dataclasses.replace(record.case, evidence=changed), record.version, user)
    finally:
        store.close()
    code = main(
        ["--lang", "en", "report", case_id, "--kind", "dossier", "-o", str(tmp_path / "d.pdf"), "--db", url]
    )
    _out, err = capsys.readouterr()
    assert code == 2
    assert "shelf.png does not match the SHA-256 recorded for evidence E3" in err


def test_attachments_dir_wins_over_the_stores_photos(
    stored: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, case_id = stored
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "door.jpg").write_bytes(PHOTO)
    target = tmp_path / "dossier.pdf"
    code = main(
        ["report", case_id, "--kind", "dossier", "-o", str(target), "--attachments", str(folder), "--db", url]
    )
    _out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    images = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True)
    sizes = {tuple(line.split()[3:5]) for line in images.stdout.splitlines()[2:]}
    assert ("640", "480") in sizes and ("480", "640") not in sizes  # the folder's photo only
