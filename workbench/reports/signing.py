"""Signing identities and PAdES signatures with pyHanko (build → render → **sign** → archive).

* ``create_identity``: an RSA-2048 key and a self-signed certificate (CN = name, title = role as
  printed, X.520 ``role`` = the box kind as data, ``SignatureRole``) in a passphrase-protected
  PKCS#12 file (PBES2, AES-256-CBC, SHA-256 MAC). The key never exists on disk unencrypted. An
  identity issued by the bank's CA is a PKCS#12 file too and loads the same way.
* ``sign_pdf``: a PAdES baseline B-B signature (``ETSI.CAdES.detached``, SHA-256; B-T with an
  RFC 3161 timestamp when a timestamp server is given) as an incremental update, with a visible
  stamp (name, role, time, certificate fingerprint) in the next free box of the document's
  signature block for the signer's kind (``SignatureRole``: the boxes carry theirs as data from the
  report's content). A second signer signs a new field the same way: the first signature stays
  intact and its modification level is "form filling".

The stamp is drawn by reportlab with the report's embedded font (Chinese names need it) and
imported into the signature appearance as a form XObject.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import content, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp.base import BaseStamp
from pyhanko.stamp.text import TextStampStyle
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workbench.domain.records import SignatureRole
from workbench.reports.metadata import read_report_info
from workbench.reports.render import FONT_NAME, register_fonts
from workbench.reports.signing_errors import SigningError as SigningError

if TYPE_CHECKING:
    from pathlib import Path

    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.writer import BasePdfFileWriter

    from workbench.reports.render import SlotPosition

RSA_BITS = 2048
KDF_ROUNDS = 200_000
TIMESTAMP_TIMEOUT = 10
"""Seconds to wait for the timestamp server."""
ROLE_OID = x509.ObjectIdentifier("2.5.4.72")
"""X.520 ``role``: the certificate's box kind as data (a ``SignatureRole`` value)."""


@dataclass(frozen=True)
class SigningIdentity:
    """A loaded identity: who signs, the certificate, and the pyHanko signer holding the key."""

    name: str
    role: str
    unit: str
    certificate: x509.Certificate
    signer: signers.SimpleSigner
    kind: SignatureRole | None = None
    """The box the signer signs in: the certificate's ``role`` attribute, else read once from its
    title (certificates that carry no kind: a bank CA's, or made before kinds were written)."""

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the DER certificate, lower-case hex."""
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


@dataclass(frozen=True, slots=True)
class SignatureBox:
    """An explicit place for a visible signature: page index (0-based) and rectangle in points."""

    page: int
    rect: tuple[float, float, float, float]


def create_identity(
    name: str,
    role: str,
    passphrase: str | bytes,
    path: Path,
    valid_days: int = 3650,
    *,
    unit: str = "",
    kind: SignatureRole | None = None,
) -> Path:
    """Make a key pair and a self-signed certificate and store them in a PKCS#12 file.

    Args:
        name: the signer's name (certificate CN), e.g. ``刘敏``.
        role: the signer's role (certificate title), e.g. ``客户经理``.
        passphrase: protects the file; at least 8 characters.
        path: where to write; an existing file is never overwritten.
        valid_days: certificate validity from now.
        unit: optional organisation (certificate O), e.g. the bank's unit.
        kind: the box the signer signs in (certificate X.520 ``role``); ``None``: the kind is
            read from ``role`` when the identity is loaded.

    Returns:
        ``path``. The file is written atomically with mode 0600.

    Raises:
        SigningError: empty name, short passphrase, or the file exists.
    """
    secret = _secret(passphrase)
    if not name.strip():
        raise SigningError("identity_name_missing")
    if len(secret) < 8:
        raise SigningError("passphrase_too_short", minimum=8)
    if path.exists():
        raise SigningError("identity_exists", path=str(path))
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name.strip())]
    if role.strip():
        attributes.append(x509.NameAttribute(NameOID.TITLE, role.strip()))
    if unit.strip():
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit.strip()))
    if kind is not None:
        attributes.append(x509.NameAttribute(ROLE_OID, kind.value))
    subject = x509.Name(attributes)
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(secret)
    )
    data = pkcs12.serialize_key_and_certificates(
        name.strip().encode("utf-8"), key, certificate, None, encryption
    )
    _write_private(path, data)
    return path


def load_identity(path: Path, passphrase: str | bytes) -> SigningIdentity:
    """Open a PKCS#12 identity.

    Raises:
        SigningError: ``identity_unreadable`` (missing or not a file), ``identity_locked`` (wrong
            passphrase or not PKCS#12).
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(
            "identity_unreadable", path=str(path), detail=error.strerror or str(error)
        ) from None
    try:
        key, certificate, _extra = pkcs12.load_key_and_certificates(data, _secret(passphrase))
    except ValueError:
        raise SigningError("identity_locked", path=str(path)) from None
    if key is None or certificate is None:
        raise SigningError("identity_locked", path=str(path))
    signer = signers.SimpleSigner.load_pkcs12_data(data, (), _secret(passphrase))
    title = _attribute(certificate, NameOID.TITLE)
    # Every identity the workbench makes carries its kind; reading the title is only for foreign
    # certificates without one (a bank CA's, or one made before kinds were written).
    kind = carried_kind(certificate) or role_family(title)
    return SigningIdentity(
        name=_attribute(certificate, NameOID.COMMON_NAME),
        role=title,
        unit=_attribute(certificate, NameOID.ORGANIZATION_NAME),
        certificate=certificate,
        signer=signer,
        kind=kind,
    )


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    *,
    reason: str = "",
    location: str = "",
    field_name: str | None = None,
    box_position: int | SignatureBox | None = None,
    signs_as: SignatureRole | None = None,
    timestamp_url: str | None = None,
) -> bytes:
    """Add a PAdES B-B signature (B-T with ``timestamp_url``) as an incremental update and return
    the new file.

    Args:
        pdf: a PDF from ``render_pdf`` (or one signed before).
        identity: from ``load_identity``.
        reason: the signature's reason (e.g. ``调查报告签署``).
        location: where it was signed.
        field_name: the new signature field; default ``Signature<n>`` for slot n.
        box_position: the slot of the document's signature block (0-based), an explicit
            ``SignatureBox``, or ``None`` for the first free slot of the signer's kind. A PDF
            without signature slots and no explicit box gets an invisible signature.
        signs_as: the box kind to sign in (e.g. ``SIGNS_AS[user.role]``); default the
            identity's ``kind``.
        timestamp_url: an RFC 3161 timestamp server (the bank's): the signature then carries the
            server's signed time (PAdES B-T), proof that it existed then, which outlives the
            signer's certificate.

    Raises:
        SigningError: not a PDF, the slot is taken or does not exist, no free slot,
            ``identity_expired`` or ``identity_not_yet_valid`` (the certificate is not valid now),
            ``timestamp_failed`` (the timestamp server did not answer with a timestamp).
    """
    now = datetime.now(UTC)
    cert = identity.certificate
    if now < cert.not_valid_before_utc:
        raise SigningError("identity_not_yet_valid", since=cert.not_valid_before_utc.date().isoformat())
    if now > cert.not_valid_after_utc:
        raise SigningError("identity_expired", until=cert.not_valid_after_utc.date().isoformat())
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        info = read_report_info(reader)
        taken = _taken_rects(reader)
    except Exception as error:  # pyHanko raises several types for a broken file
        raise SigningError("not_a_pdf", detail=str(error)[:80]) from None
    kind = signs_as if signs_as is not None else identity.kind
    box, slot_index = _choose_box(info.slots, taken, box_position, identity, kind)
    existing = {name for name, _value, _ref in fields.enumerate_sig_fields(reader)}
    if field_name is None:
        base = f"Signature{(slot_index if slot_index is not None else len(existing)) + 1}"
        field_name, n = base, 1
        while field_name in existing:
            n += 1
            field_name = f"{base}_{n}"
    elif field_name in existing:
        raise SigningError("field_exists", field=field_name)
    spec = fields.SigFieldSpec(
        sig_field_name=field_name,
        on_page=box.page if box else 0,
        box=tuple(round(v) for v in box.rect) if box else None,  # type: ignore[arg-type]
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason or None,
        location=location or None,
        name=identity.name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    timestamper = None
    if timestamp_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(timestamp_url, timeout=TIMESTAMP_TIMEOUT)
    signer = signers.PdfSigner(
        meta, identity.signer, timestamper=timestamper, stamp_style=_STAMP_STYLE, new_field_spec=spec
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    try:
        out = signer.sign_pdf(
            writer,
            appearance_text_params={
                "role": identity.role,
                "unit": identity.unit,
                "fingerprint": identity.fingerprint,
            },
        )
    except Exception as error:
        if timestamper is None:
            raise
        # the server's error arrives as pyHanko's, aiohttp's or the socket's: one reason for all
        raise SigningError("timestamp_failed", url=timestamp_url, detail=str(error)[:120]) from None
    return bytes(out.getvalue())


# ---- helpers -----------------------------------------------------------------------------------


def _secret(passphrase: str | bytes) -> bytes:
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase


def _attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by the owner only; never overwrite."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".identity-", dir=path.parent)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.link(tmp, path)  # fails if the target appeared meanwhile
    finally:
        os.unlink(tmp)


def _taken_rects(reader: PdfFileReader) -> list[tuple[float, float, float, float]]:
    rects = []
    for _name, _value, ref in fields.enumerate_sig_fields(reader):
        field = ref.get_object()
        rect = field.get("/Rect")
        if rect is None and "/Kids" in field:
            rect = field["/Kids"][0].get_object().get("/Rect")
        if rect is not None:
            rects.append(tuple(float(v) for v in rect))
    return rects  # type: ignore[return-value]


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 2 and min(a[3], b[3]) - max(a[1], b[1]) > 2


# Words that say which box a title means, whatever the bank calls it (审查人 / 审查员 / 风险经理 …),
# only for what carries no kind as data: a foreign certificate without the ``role`` attribute (a
# bank CA's, or one made before kinds were written) signed with no ``signs_as``, and a box of a PDF
# rendered before boxes carried their kind. Every identity the workbench creates carries its kind,
# and a signed-in user signs as their role's kind (``SIGNS_AS``). Order matters: 协办客户经理 is an
# assistant before it is an officer.
_ROLE_FAMILIES: tuple[tuple[SignatureRole, tuple[str, ...]], ...] = (
    (SignatureRole.CHAIR, ("主席", "主任委员", "审贷会主任", "chair")),
    (SignatureRole.SECRETARY, ("秘书", "记录", "secretary")),
    (SignatureRole.ASSISTANT, ("协办", "assist")),
    (SignatureRole.REVIEWER, ("审查", "审核", "风控", "风险", "review", "risk")),
    (SignatureRole.OFFICER, ("客户经理", "信贷员", "主办", "loan officer", "officer")),
    (SignatureRole.MEMBER, ("委员", "member")),
)


def carried_kind(certificate: x509.Certificate) -> SignatureRole | None:
    """The box kind the certificate carries as data (X.520 ``role``), if any."""
    carried = _attribute(certificate, ROLE_OID)
    return SignatureRole(carried) if carried in set(SignatureRole) else None


def role_family(role: str) -> SignatureRole | None:
    """The box kind a title written without one means (``chair``, ``reviewer`` …), if any."""
    text = role.strip().lower()
    for family, words in _ROLE_FAMILIES:
        if any(word in text for word in words):
            return family
    return None


def _slot_kind(slot: SlotPosition) -> SignatureRole | None:
    """The box's kind as the report placed it (older PDFs: read once from its printed label)."""
    if slot.kind:
        return SignatureRole(slot.kind) if slot.kind in set(SignatureRole) else None
    return role_family(slot.role)


def _choose_box(
    slots: tuple[SlotPosition, ...],
    taken: list[tuple[float, float, float, float]],
    position: int | SignatureBox | None,
    identity: SigningIdentity,
    kind: SignatureRole | None,
) -> tuple[SignatureBox | None, int | None]:
    """The explicit box, the slot asked for, or the first free slot for this signer.

    Without a position, a free slot named for the signer wins, then one of the signer's kind; a
    signer whose kind has no box is refused rather than put in another's box (a box of no kind
    takes anyone).
    """
    if isinstance(position, SignatureBox):
        return position, None
    free = [s for s in slots if not any(_overlaps(s.rect, t) for t in taken)]
    if position is None:
        if not slots:
            return None, None
        if not free:
            raise SigningError("no_free_slot", slots=len(slots))
        by_name = [s for s in free if s.name and s.name == identity.name]
        by_kind = [s for s in free if kind is not None and _slot_kind(s) is kind]
        if not (by_name or by_kind):
            # A signer whose kind has no box here must not take someone else's (a chair under 协办).
            unclaimed = [s for s in free if not s.name and _slot_kind(s) is None]
            if kind is not None and not unclaimed:
                raise SigningError("no_slot_for_role", role=identity.role or kind.value)
            by_kind = unclaimed or free
        slot = (by_name or by_kind)[0]
    else:
        matching = [s for s in slots if s.index == position]
        if not matching:
            raise SigningError("no_such_slot", slot=position, slots=len(slots))
        slot = matching[0]
        if slot not in free:
            raise SigningError("slot_taken", slot=position)
    return SignatureBox(slot.page, slot.rect), slot.index


# ---- the visible stamp -------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkbenchStampStyle(TextStampStyle):
    """A stamp drawn by reportlab: name, role, signing time and certificate fingerprint.

    It subclasses pyHanko's text stamp style only to be handed the signing time (``ts``) that
    pyHanko also writes into the signature dictionary, so the stamp and ``/M`` agree: the
    computer's local time with its offset (pyHanko takes the local zone), never bare UTC.
    """

    # pyHanko annotates TextStamp; any BaseStamp is drawn the same way.
    def create_stamp(  # type: ignore[override]
        self, writer: BasePdfFileWriter, box: BoxConstraints, text_params: dict[str, Any]
    ) -> BaseStamp:
        return _ReportlabStamp(writer, self, box, text_params)


_STAMP_STYLE = WorkbenchStampStyle(border_width=0, timestamp_format="%Y-%m-%d %H:%M:%S %z", background=None)


class _ReportlabStamp(BaseStamp):
    def __init__(
        self,
        writer: BasePdfFileWriter,
        style: WorkbenchStampStyle,
        box: BoxConstraints,
        params: dict[str, Any],
    ) -> None:
        super().__init__(writer=writer, style=style, box=box)
        self.params = params

    def _render_inner_content(self) -> list[bytes]:
        width, height = self.box.width, self.box.height
        page = stamp_page(
            width,
            height,
            name=str(self.params.get("signer", "")),
            role=str(self.params.get("role", "")),
            unit=str(self.params.get("unit", "")),
            time=_offset_with_colon(str(self.params.get("ts", ""))),
            fingerprint=str(self.params.get("fingerprint", "")),
        )
        assert self.writer is not None  # pyHanko always gives the stamp its writer
        xobject = self.writer.import_page_as_xobject(PdfFileReader(io.BytesIO(page)), page_ix=0)
        name = "/WbStamp" + hashlib.sha256(page).hexdigest()[:8]
        self.set_resource(category=content.ResourceType.XOBJECT, name=generic.pdf_name(name), value=xobject)
        return [b"q " + name.encode("ascii") + b" Do Q"]


def _offset_with_colon(stamped: str) -> str:
    """``… +0800`` → ``… +08:00``: the offset as ``workbench verify`` prints it."""
    return re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", stamped)


def stamp_page(
    width: float, height: float, *, name: str, role: str, unit: str, time: str, fingerprint: str
) -> bytes:
    """A one-page PDF of the stamp's face, ``width`` × ``height`` points."""
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=FONT_NAME)
    accent = colors.HexColor("#1F4E79")
    c.setFillColor(colors.HexColor("#EEF3F8"))
    c.setStrokeColor(accent)
    c.setLineWidth(1)
    c.rect(0.5, 0.5, width - 1, height - 1, stroke=1, fill=1)
    pad = 5.0
    lines = [
        (name, 12.5, accent),
        (" · ".join(v for v in (role, unit) if v), 8, colors.HexColor("#1A1A1A")),
        (time, 7.5, colors.HexColor("#1A1A1A")),
        (f"SHA-256 {fingerprint[:16]}…" if fingerprint else "", 6.5, colors.HexColor("#5A6570")),
    ]
    badge = "数字签名 / digital signature"
    c.setFont(FONT_NAME, 6)
    c.setFillColor(accent)
    c.drawRightString(width - pad, height - pad - 6, badge)
    badge_width = stringWidth(badge, FONT_NAME, 6) + 6
    y = height - pad - 12
    for index, (text, size, colour) in enumerate(lines):
        if not text:
            continue
        c.setFont(FONT_NAME, size)
        c.setFillColor(colour)
        room = width - 2 * pad - (badge_width if index == 0 else 0)
        c.drawString(pad, y, _fit(text, size, room))
        y -= size + 4
    c.showPage()
    c.save()
    return buf.getvalue()


def _fit(text: str, size: float, width: float) -> str:
    if stringWidth(text, FONT_NAME, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT_NAME, size) > width:
        text = text[:-1]
    return text + "…"
