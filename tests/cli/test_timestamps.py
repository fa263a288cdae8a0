"""RFC 3161 timestamps (PAdES B-T) from a timestamp server the test starts on this machine.

The server is a real HTTP server speaking the RFC 3161 protocol (``application/timestamp-query`` in,
``application/timestamp-reply`` out); its answers are signed by pyHanko's own test TSA with a
certificate made here. ``workbench report --tsa URL`` asks it; ``workbench verify`` shows the
timestamp, trusted when the TSA's certificate is.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps import DummyTimeStamper

from workbench.cli.main import main
from workbench.paths import resource_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

CASE_A = str(resource_path("demo", "case-a.json"))
PASS = "cli-passphrase-1"


def tsa_identity(folder: Path) -> DummyTimeStamper:
    """A TSA certificate (extended key usage: time stamping) and pyHanko's signing TSA with it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试时间戳服务")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    (folder / "tsa.cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
    )


@pytest.fixture
def tsa(tmp_path: Path) -> Iterator[str]:
    """The URL of a timestamp server running for the test."""
    stamper = tsa_identity(tmp_path)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            reply = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:  # keep the test's output clean
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()


def test_a_signature_carries_the_servers_timestamp_and_verify_shows_it(
    tsa: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    p12 = tmp_path / "liu.p12"
    assert main(["identity", "create", "--name", "刘敏", "--role", "客户经理", "-o", str(p12)]) == 0
    target = tmp_path / "a.pdf"
    code = main(["report", CASE_A, "--kind", "survey", "-o", str(target), "--sign", str(p12), "--tsa", tsa])
    capsys.readouterr()
    assert code == 0
    trust = ["--trust", str(tmp_path / "liu.cert.pem")]
    code = main(["verify", str(target), *trust, "--trust", str(tmp_path / "tsa.cert.pem")])
    out = capsys.readouterr().out
    assert code == 0
    assert "由 Common Name: 测试时间戳服务 签发（RFC 3161）：时间戳服务器受信任" in out
    assert main(["verify", str(target), *trust]) == 0  # an untrusted TSA leaves the signature as it was
    assert "时间戳服务器未受信任" in capsys.readouterr().out

    # The same, configured once for every report of the bank.
    monkeypatch.setenv("WORKBENCH_TSA_URL", tsa)
    again = tmp_path / "b.pdf"
    assert main(["report", CASE_A, "-o", str(again), "--sign", str(p12)]) == 0
    capsys.readouterr()
    assert main(["verify", str(again), *trust]) == 0
    assert "RFC 3161" in capsys.readouterr().out


def test_a_server_that_does_not_answer_leaves_the_report_unsigned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    p12 = tmp_path / "liu.p12"
    assert main(["identity", "create", "--name", "刘敏", "--role", "客户经理", "-o", str(p12)]) == 0
    capsys.readouterr()
    target = tmp_path / "a.pdf"
    url = "http://127.0.0.1:9/tsa"  # the discard port: nothing answers
    code = main(["report", CASE_A, "-o", str(target), "--sign", str(p12), "--tsa", url])
    err = capsys.readouterr().err
    assert code == 2 and not target.exists()
    assert (
        err.startswith(f"workbench: 错误: 时间戳服务器 {url} 没有给出时间戳，报告未签署")
        and err.count("\n") == 1
    )


def test_a_trusted_timestamp_proves_the_signature_older_than_the_certificates_expiry(
    tsa: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from tests.cli.test_verify_verdicts import identity_valid
    from workbench.reports.signing import sign_pdf

    assert main(["report", CASE_A, "-o", str(tmp_path / "a.pdf")]) == 0
    capsys.readouterr()
    ends = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=12)  # room on a busy machine
    identity = identity_valid(tmp_path / "short.p12", "刘敏", ends - timedelta(days=30), ends)
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(sign_pdf((tmp_path / "a.pdf").read_bytes(), identity, timestamp_url=tsa))
    time.sleep(max(0.0, (ends - datetime.now(UTC)).total_seconds()) + 1.5)  # the certificate expires
    trust = ["--trust", str(tmp_path / "short.cert.pem")]
    assert main(["verify", str(signed), *trust]) == 4  # the timestamp's server is not trusted: no proof
    assert "INDETERMINATE / OUT_OF_BOUNDS_NO_POE" in capsys.readouterr().out
    assert main(["verify", str(signed), *trust, "--trust", str(tmp_path / "tsa.cert.pem")]) == 0
    assert "PASSED / OK" in capsys.readouterr().out
