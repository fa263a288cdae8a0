"""The identity registry the archive trusts: kept by administrators, refusals as one line, and
rows the database lets change only by one revocation (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from workbench.domain.records import CertificateError, SignatureRole, UserNotFoundError
from workbench.services import signatures
from workbench.services.archive import ArchiveService
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.records import User
    from workbench.store.db import Sessions


def certificate(name: str, *, days: int = 30, start_days: int = -1) -> x509.Certificate:
    """A throwaway self-signed certificate valid from ``start_days`` for ``days`` days."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    start = datetime.now(UTC) + timedelta(days=start_days)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


def _refused(error: pytest.ExceptionInfo[CertificateError], zh: str) -> None:
    assert describe_error(error.value, "zh") == zh
    english = describe_error(error.value, "en")
    assert english and english != zh


def test_an_administrator_registers_pem_der_and_the_cert_pem_of_an_identity(
    sessions: Sessions, officer: User, other_officer: User, admin: User, tmp_path: Path
) -> None:
    archive = ArchiveService(sessions)
    made = signatures.create_identity_file(
        "刘敏", "客户经理", "", "passphrase-1", tmp_path / "liu.p12", kind=SignatureRole.OFFICER
    )
    from_file = archive.register_certificate(admin, "liumin", made.certificate_path.read_bytes())
    assert (from_file.username, from_file.fingerprint) == ("liumin", made.fingerprint)
    assert "CN=刘敏" in from_file.subject
    assert from_file.registered_by == admin.id and not from_file.revoked
    der = certificate("赵强").public_bytes(serialization.Encoding.DER)
    as_der = archive.register_certificate(admin, "zhaoqiang", der)
    assert as_der.not_after > datetime.now(UTC) and as_der.serial
    assert [c.fingerprint for c in archive.certificates(admin)] == [made.fingerprint, as_der.fingerprint]
    assert [c.username for c in archive.certificates(admin, "zhaoqiang")] == ["zhaoqiang"]

    with pytest.raises(CertificateError) as again:
        archive.register_certificate(admin, "zhaoqiang", made.certificate_path.read_bytes())
    _refused(again, f"此证书（指纹 {made.fingerprint[:16]}…）已登记给 liumin")


def test_what_is_no_certificate_an_expired_one_and_an_unknown_login_are_refused(
    sessions: Sessions, officer: User, admin: User
) -> None:
    archive = ArchiveService(sessions)
    for data in (
        b"",
        b"%PDF-1.7 not a certificate",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    ):
        with pytest.raises(CertificateError) as refused:
            archive.register_certificate(admin, "liumin", data)
        _refused(
            refused,
            "不是证书文件：需要 PEM 或 DER 格式的 X.509 证书（如 workbench identity 生成的 .cert.pem）",
        )
    old = certificate("刘敏", days=10, start_days=-20)
    with pytest.raises(CertificateError) as expired:
        archive.register_certificate(admin, "liumin", old.public_bytes(serialization.Encoding.PEM))
    _refused(expired, f"证书已于 {old.not_valid_after_utc.date().isoformat()} 过期，不能登记")
    with pytest.raises(UserNotFoundError):
        archive.register_certificate(
            admin, "nobody", certificate("某人").public_bytes(serialization.Encoding.PEM)
        )
    assert archive.certificates(admin) == []


def test_only_administrators_keep_the_registry(sessions: Sessions, officer: User, admin: User) -> None:
    archive = ArchiveService(sessions)
    pem = certificate("刘敏").public_bytes(serialization.Encoding.PEM)
    with pytest.raises(PermissionDenied):
        archive.register_certificate(officer, "liumin", pem)
    entry = archive.register_certificate(admin, "liumin", pem)
    with pytest.raises(PermissionDenied):
        archive.revoke_certificate(officer, entry.fingerprint)
    with pytest.raises(PermissionDenied):
        archive.certificates(officer)
    assert not archive.certificates(admin)[0].revoked


def test_revoking_by_fingerprint_or_a_unique_prefix_once(
    sessions: Sessions, officer: User, admin: User
) -> None:
    archive = ArchiveService(sessions)
    pem = certificate("刘敏").public_bytes(serialization.Encoding.PEM)
    entry = archive.register_certificate(admin, "liumin", pem)
    typed = ":".join(entry.fingerprint[i : i + 2] for i in range(0, 16, 2)).upper()  # AB:CD:… as often shown
    revoked = archive.revoke_certificate(admin, typed)
    assert revoked.fingerprint == entry.fingerprint and revoked.revoked_by == admin.id
    today = datetime.now(UTC).date().isoformat()
    with pytest.raises(CertificateError) as twice:
        archive.revoke_certificate(admin, entry.fingerprint)
    _refused(twice, f"证书 {entry.fingerprint} 已于 {today} 吊销")
    with pytest.raises(CertificateError) as again:  # a revoked certificate is not registered anew
        archive.register_certificate(admin, "liumin", pem)
    _refused(again, f"此证书（指纹 {entry.fingerprint[:16]}…）已登记给 liumin，并已吊销")
    for unknown in ("0000000000", "not-hex!"):
        with pytest.raises(CertificateError) as missing:
            archive.revoke_certificate(admin, unknown)
        _refused(missing, f"身份登记册中没有指纹为 {unknown} 的证书")


def test_the_database_lets_a_registration_change_only_by_one_revocation(
    sessions: Sessions, officer: User, other_officer: User, admin: User
) -> None:
    archive = ArchiveService(sessions)
    entry = archive.register_certificate(
        admin, "liumin", certificate("刘敏").public_bytes(serialization.Encoding.PEM)
    )
    key = {
        "f": entry.fingerprint,
        "other": other_officer.id.replace("-", "") if _sqlite(sessions) else other_officer.id,
    }
    for statement in (
        "UPDATE registered_certificate SET user_id = :other WHERE fingerprint = :f",
        "UPDATE registered_certificate SET revoked_at = NULL WHERE fingerprint = :f",
        "DELETE FROM registered_certificate WHERE fingerprint = :f",
    ):
        with pytest.raises(DBAPIError, match="only ever revoked"), sessions.engine.begin() as connection:
            connection.execute(text(statement), key)
    archive.revoke_certificate(admin, entry.fingerprint)
    with pytest.raises(DBAPIError, match="only ever revoked"), sessions.engine.begin() as connection:
        connection.execute(
            text("UPDATE registered_certificate SET revoked_at = registered_at WHERE fingerprint = :f"), key
        )
    (kept,) = archive.certificates(admin)
    assert (kept.username, kept.fingerprint, kept.revoked_by) == ("liumin", entry.fingerprint, admin.id)
    if not _sqlite(sessions):
        with pytest.raises(DBAPIError, match="only ever revoked"), sessions.engine.begin() as connection:
            connection.execute(text("TRUNCATE registered_certificate"))


def _sqlite(sessions: Sessions) -> bool:
    return sessions.engine.dialect.name == "sqlite"
