"""``workbench verify`` says what a signature means, and its exit status says the same.

Real signed PDFs, real pyHanko; poppler's ``pdfsig`` checks each case independently. The expired and
not-yet-valid signatures are made as a forger would, around the workbench's refusal to sign with
them: pyHanko's signer called directly.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from tests.reports import pdf_tools
from workbench.cli.main import main
from workbench.paths import resource_path
from workbench.reports.signing import SigningError, create_identity, load_identity, sign_pdf

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.reports.signing import SigningIdentity

CASE_A = str(resource_path("demo", "case-a.json"))
CASE_B = str(resource_path("demo", "case-b.json"))
PASS = "cli-passphrase-1"
FINGERPRINT = re.compile(r"证书 SHA-256 指纹 ([0-9a-f]{64})")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def identity_valid(path: Path, name: str, not_before: datetime, not_after: datetime) -> SigningIdentity:
    """A PKCS#12 identity whose certificate is valid exactly from ``not_before`` to ``not_after``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.TITLE, "客户经理")]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"x", key, certificate, None, serialization.BestAvailableEncryption(PASS.encode())
    )
    path.write_bytes(data)
    path.with_name(path.stem + ".cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return load_identity(path, PASS)


def forge_signature(pdf: bytes, identity: SigningIdentity) -> bytes:
    """Sign with pyHanko directly, as someone would who goes around ``sign_pdf``'s checks."""
    meta = signers.PdfSignatureMetadata(
        field_name="Signature1", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=identity.signer)
    return bytes(out.getvalue())


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("unsigned")
    assert main(["report", CASE_A, "--kind", "survey", "-o", str(folder / "a.pdf")]) == 0
    return (folder / "a.pdf").read_bytes()


@pytest.fixture(scope="module")
def liu(tmp_path_factory: pytest.TempPathFactory) -> tuple[SigningIdentity, Path]:
    folder = tmp_path_factory.mktemp("liu")
    create_identity("刘敏", "客户经理", PASS, folder / "liu.p12")
    identity = load_identity(folder / "liu.p12", PASS)
    (folder / "liu.cert.pem").write_bytes(identity.certificate_pem)
    return identity, folder / "liu.cert.pem"


def test_untrusted_is_exit_3_trusted_is_0_and_a_forged_name_stays_untrusted(
    unsigned: bytes,
    liu: tuple[SigningIdentity, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    identity, cert = liu
    signed = tmp_path / "a.pdf"
    signed.write_bytes(sign_pdf(unsigned, identity))
    code, out, err = run(capsys, "verify", str(signed))
    assert (code, err) == (3, "")
    assert "证书未受信任" in out and "无法确认签署人是谁" in out
    assert "INDETERMINATE / CHAIN_CONSTRAINTS_FAILURE" in out
    assert FINGERPRINT.findall(out) == [identity.fingerprint]
    assert out.strip().endswith("不能确认是谁签的")
    code, out, _ = run(capsys, "verify", str(signed), "--trust", str(cert))
    assert code == 0 and "PASSED / OK" in out and "结论：全部签名有效" in out
    assert "Signature is Valid." in pdf_tools.pdfsig(signed.read_bytes())

    # Someone else makes a certificate with the same name and signs: the name alone proves nothing.
    forger = identity_valid(
        tmp_path / "forged.p12",
        "刘敏",
        datetime.now(UTC) - timedelta(days=1),
        datetime.now(UTC) + timedelta(days=30),
    )
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(sign_pdf(unsigned, forger))
    code, out, _ = run(capsys, "verify", str(forged), "--trust", str(cert))
    assert code == 3 and FINGERPRINT.findall(out) == [forger.fingerprint] != [identity.fingerprint]
    code, out, _ = run(capsys, "--lang", "en", "verify", str(forged), "--trust", str(cert))
    assert code == 3 and "not trusted" in out and "证书" not in out


def test_expired_and_not_yet_valid_certificates_are_exit_4_even_when_trusted(
    unsigned: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    expired = identity_valid(
        tmp_path / "old.p12", "刘敏", now - timedelta(days=400), now - timedelta(days=35)
    )
    future = identity_valid(
        tmp_path / "new.p12", "刘敏", now + timedelta(days=400), now + timedelta(days=800)
    )
    for identity, reason in ((expired, "identity_expired"), (future, "identity_not_yet_valid")):
        with pytest.raises(SigningError) as refused:
            sign_pdf(unsigned, identity)  # the workbench refuses to sign with it …
        assert refused.value.reason == reason
    old = tmp_path / "old.pdf"
    old.write_bytes(forge_signature(unsigned, expired))  # … so it is done around the refusal
    code, out, _ = run(capsys, "verify", str(old), "--trust", str(tmp_path / "old.cert.pem"))
    until = (now - timedelta(days=35)).date().isoformat()
    assert code == 4 and f"签名证书已于 {until} 过期" in out and "INDETERMINATE / EXPIRED" in out
    assert "结论：签名完整，但有签名证书已过期或尚未生效" in out
    assert "Certificate has Expired" in pdf_tools.pdfsig(old.read_bytes())
    new = tmp_path / "new.pdf"
    new.write_bytes(forge_signature(unsigned, future))
    code, out, _ = run(capsys, "verify", str(new), "--trust", str(tmp_path / "new.cert.pem"))
    since = (now + timedelta(days=400)).date().isoformat()
    assert code == 4 and f"尚未生效（自 {since} 起生效）" in out and "NOT_YET_VALID" in out
    assert "至 " + since not in out


def test_signing_refuses_an_expired_or_not_yet_valid_certificate_in_words(tmp_path: Path) -> None:
    from workbench.texts.signing import signing_error_text

    now = datetime.now(UTC)
    future = identity_valid(tmp_path / "f.p12", "刘敏", now + timedelta(days=10), now + timedelta(days=20))
    with pytest.raises(SigningError) as refused:
        sign_pdf(b"%PDF-1.7\n", future)
    shown = signing_error_text(refused.value.reason, refused.value.params, "zh")
    since = (now + timedelta(days=10)).date().isoformat()
    assert shown == f"证书尚未生效（自 {since} 起生效），不能用于签署"
    expired = identity_valid(tmp_path / "e.p12", "刘敏", now - timedelta(days=20), now - timedelta(days=10))
    with pytest.raises(SigningError) as refused:
        sign_pdf(b"%PDF-1.7\n", expired)
    shown = signing_error_text(refused.value.reason, refused.value.params, "zh")
    assert shown == f"证书已于 {(now - timedelta(days=10)).date().isoformat()} 过期，不能用于签署"


def test_a_changed_byte_says_modified_without_contradiction(
    unsigned: bytes, liu: tuple[SigningIdentity, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    identity, cert = liu
    data = bytearray(sign_pdf(unsigned, identity))
    start = data.index(b"stream\n", data.index(b"/Filter")) + 50
    data[start] ^= 0x01
    tampered = tmp_path / "t.pdf"
    tampered.write_bytes(bytes(data))
    code, out, _ = run(capsys, "verify", str(tampered), "--trust", str(cert))
    assert code == 1
    assert "文件在签名之后被修改过" in out and "FAILED / HASH_FAILURE" in out
    assert "签名有效" not in out and "FORM_FILLING" not in out and "覆盖" not in out
    assert out.strip().endswith("结论：验证未通过")
    assert "Digest Mismatch" in pdf_tools.pdfsig(bytes(data))


def test_verify_db_trusts_the_registry_and_tells_a_removed_counter_signature(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0
    code, out, _ = run(capsys, "import", CASE_B, "--db", url)
    case_id = out.strip()
    for name, role in (("liu", "客户经理"), ("zhang", "审查人")):
        target = tmp_path / f"{name}.p12"
        assert run(capsys, "identity", "create", "--name", name, "--role", role, "-o", str(target))[0] == 0
        assert run(capsys, "identity", "register", str(target), "--user", "tester", "--db", url)[0] == 0
    once = tmp_path / "once.pdf"
    code, _, err = run(
        capsys,
        "report",
        case_id,
        "--db",
        url,
        "--kind",
        "dossier",
        "-o",
        str(once),
        "--sign",
        str(tmp_path / "liu.p12"),
    )
    assert (code, err) == (0, "")
    twice = sign_pdf(once.read_bytes(), load_identity(tmp_path / "zhang.p12", PASS))

    from workbench.domain.records import ReportKind
    from workbench.services.store import open_store

    store = open_store(url)
    try:
        store.archive.archive_report(case_id, ReportKind.DOSSIER, twice, store.users.current_user())
    finally:
        store.close()
    (tmp_path / "twice.pdf").write_bytes(twice)
    code, out, _ = run(capsys, "verify", str(tmp_path / "twice.pdf"), "--db", url)
    assert code == 0, out  # both certificates are registered: trusted without --trust
    assert "与报告档案中的存档一致（2 个签名）" in out
    code, out, _ = run(capsys, "verify", str(once), "--db", url)
    assert code == 1 and "报告档案中的存档有 2 个签名，此文件只有 1 个：有签名被去掉了" in out
    code, out, _ = run(capsys, "verify", str(once))
    assert code == 3  # without the store nothing tells the removal, and nothing vouches for liu


def test_an_encrypted_pdf_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(100, 700, "locked")
    canvas.save()
    code, out, err = run(capsys, "verify", str(path))
    assert code == 2 and out == ""
    assert err == f"workbench: 错误: {path} 是加密的 PDF（需要密码才能打开），无法验证其中的签名\n"


def test_commands_print_no_warning_and_times_are_local_with_their_offset(
    liu: tuple[SigningIdentity, Path], tmp_path: Path
) -> None:
    """As a user runs them: a fresh process each, in Beijing time."""
    _identity, cert = liu
    env = {**os.environ, "TZ": "Asia/Shanghai", "WORKBENCH_PASSPHRASE": PASS, "PYTHONWARNINGS": ""}
    target = tmp_path / "a.pdf"

    def workbench(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "workbench", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    made = workbench(
        "report",
        CASE_A,
        "--kind",
        "survey",
        "-o",
        str(target),
        "--sign",
        str(cert.with_suffix("").with_suffix(".p12")),
    )
    assert (made.returncode, made.stderr) == (0, "")
    checked = workbench("verify", str(target), "--trust", str(cert))
    assert (checked.returncode, checked.stderr) == (0, "")
    assert re.search(r"签署时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00", checked.stdout)
    stamp = pdf_tools.text(target.read_bytes())
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00", stamp) and "+0000" not in stamp


def test_a_certificate_issued_by_a_registered_ca_is_trusted_with_db(
    unsigned: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bank's CA is registered once; every officer's certificate it issues is then trusted."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "某某农商银行 签名 CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "刘敏")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"liu", key, leaf, [ca], serialization.BestAvailableEncryption(PASS.encode())
    )
    (tmp_path / "liu.p12").write_bytes(p12)
    (tmp_path / "ca.cert.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    signed = tmp_path / "a.pdf"
    signed.write_bytes(sign_pdf(unsigned, load_identity(tmp_path / "liu.p12", PASS)))

    monkeypatch.setenv("WORKBENCH_USER", "tester")
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0
    assert run(capsys, "verify", str(signed), "--db", url)[0] == 3  # nobody vouches for it yet
    code, _, err = run(
        capsys, "identity", "register", str(tmp_path / "ca.cert.pem"), "--user", "tester", "--db", url
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "verify", str(signed), "--db", url)
    assert code == 0 and "PASSED / OK" in out
    assert "报告档案中没有这份报告的存档" in out  # the file was compared; the archive holds none


def test_a_certificate_revoked_in_the_registry_is_untrusted_and_says_so(
    unsigned: bytes,
    liu: tuple[SigningIdentity, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    identity, cert = liu
    signed = tmp_path / "a.pdf"
    signed.write_bytes(sign_pdf(unsigned, identity))
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0
    assert run(capsys, "identity", "register", str(cert), "--user", "tester", "--db", url)[0] == 0
    assert run(capsys, "verify", str(signed), "--db", url)[0] == 0
    assert run(capsys, "identity", "revoke", identity.fingerprint[:16], "--db", url)[0] == 0
    code, out, _ = run(capsys, "verify", str(signed), "--db", url)
    today = datetime.now(UTC).date().isoformat()
    assert code == 3 and f"签名证书已于 {today} 在身份登记册中吊销，不再受信任" in out
