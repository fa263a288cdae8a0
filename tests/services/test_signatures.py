"""Identities the workbench makes carry the box they sign in as data (``services.signatures``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from workbench.domain.records import SignatureRole
from workbench.services import signatures
from workbench.services.signatures import SigningError

if TYPE_CHECKING:
    from pathlib import Path


def test_a_created_identity_carries_its_kind(tmp_path: Path) -> None:
    chosen = signatures.create_identity(
        "张伟", "岗位甲", "", "passphrase-1", tmp_path, kind=SignatureRole.REVIEWER
    )
    assert chosen.kind is SignatureRole.REVIEWER
    assert signatures.load_identity(chosen.path, "passphrase-1").kind is SignatureRole.REVIEWER
    # no kind given: read once from the role's words, and written into the certificate
    read = signatures.create_identity_file("刘敏", "协办客户经理", "", "passphrase-1", tmp_path / "liu.p12")
    assert read.kind is SignatureRole.ASSISTANT
    assert [info.kind for info in signatures.list_identities(tmp_path)] == [
        SignatureRole.ASSISTANT,
        SignatureRole.REVIEWER,
    ]


def test_an_identity_whose_role_names_no_box_needs_a_kind(tmp_path: Path) -> None:
    with pytest.raises(SigningError) as refused:
        signatures.create_identity_file("赵行", "分管行长", "", "passphrase-1", tmp_path / "zhao.p12")
    assert refused.value.reason == "identity_kind_missing"
    assert not (tmp_path / "zhao.p12").exists()
