"""``ArchiveService``: signed reports go in only when they verify, never change, and come back out
byte for byte; and the identity registry the archive trusts, kept by the administrator.

The archive takes a PDF only when

1. its signatures are intact: every signature's digest covers what it claims, and nothing was
   changed after the last signature beyond what ``workbench verify`` allows (``reports.verify``);
2. its last signer's certificate is in the registry, not revoked, registered to the person archiving
   it, and the signature's time lies within the certificate's validity;
3. the case fingerprint it embeds (``WorkbenchCaseSHA256``, ``WorkbenchCaseVersion``) is the
   ``content_sha256`` of that stored version of the case: the version the report was made from, which
   must exist in ``case_version`` (the case may have moved on since; the row records the version shown).

The signer and the signing time stored with the report are read from the verified signatures, never
taken from the caller. The registry is the trust anchor: a self-signed certificate is fine once the
administrator registered it to its holder (docs/security.md, "The archive").
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from workbench.domain.records import ArchiveRefusedError, CertificateError, ReportKind
from workbench.services.permissions import Action, require
from workbench.store.archive_repository import SignedBy, SqlArchiveRepository
from workbench.store.certificate_repository import SqlCertificateRepository
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository
from workbench.texts import N_, NC_, Words, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.domain.certificates import RegisteredCertificate
    from workbench.domain.records import ArchivedReport, User
    from workbench.reports.verdicts import VerificationReport
    from workbench.store.db import Sessions

SIGNER_LENGTH = 200
"""The archive row's ``signer`` column (``orm_base.SHORT``)."""

KIND_NAMES: Words[ReportKind] = Words(
    {
        ReportKind.SURVEY_REPORT: NC_("archived report", "调查报告"),
        ReportKind.DOSSIER: NC_("archived report", "贷款档案"),
        ReportKind.MINUTES: NC_("archived report", "贷审会纪要"),
    }
)
_EMBEDDED_KINDS = {
    "survey": ReportKind.SURVEY_REPORT,
    "dossier": ReportKind.DOSSIER,
    "minutes": ReportKind.MINUTES,
}
"""``WorkbenchReportKind`` as ``render_pdf`` writes it (``reports.document.ReportKind``)."""

TEXTS: dict[str, str] = {
    # the registry
    "not_a_certificate": N_(
        "不是证书文件：需要 PEM 或 DER 格式的 X.509 证书（如 workbench identity 生成的 .cert.pem）"
    ),
    "certificate_expired": N_("证书已于 {until} 过期，不能登记"),
    "certificate_registered": N_("此证书（指纹 {fingerprint}…）已登记给 {username}"),
    "certificate_registered_revoked": N_("此证书（指纹 {fingerprint}…）已登记给 {username}，并已吊销"),
    "certificate_unknown": N_("身份登记册中没有指纹为 {fingerprint} 的证书"),
    "certificate_ambiguous": N_("指纹 {fingerprint} 对应不止一张已登记的证书，请输入更长的指纹"),
    "certificate_revoked_already": N_("证书 {fingerprint} 已于 {since} 吊销"),
    # the archive
    "not_a_pdf": N_("不予归档：文件不是可读的 PDF（{detail}）"),
    "unsigned": N_("不予归档：此 PDF 没有签名"),
    "signature_broken": N_("不予归档：{signer} 的签名（{field}）与所签内容不符，文件在签名后被改动过"),
    "changed_after_signing": N_("不予归档：{signer} 签名之后文件又被改动过，改动超出签名允许的范围"),
    "no_signing_time": N_("不予归档：{signer} 的签名没有签署时间"),
    "signer_unregistered": N_(
        "不予归档：签名人 {signer} 的证书（指纹 {fingerprint}…）未在身份登记册中登记，请管理员登记"
    ),
    "signer_revoked": N_("不予归档：签名人 {signer} 的证书（指纹 {fingerprint}…）已于 {since} 吊销"),
    "signer_is_another": N_("不予归档：最后签名的证书登记给 {owner}，不是归档人 {username} 本人的"),
    "signed_outside_validity": N_(
        "不予归档：签署时间 {signed_at} 不在签名证书的有效期内（{not_before} 至 {not_after}）"
    ),
    "no_case_fingerprint": N_("不予归档：此 PDF 不带案卷指纹，不是从已保存的案卷生成的报告"),
    "case_version_unknown": N_(
        "不予归档：案卷 {case_id} 没有已保存的第 {version} 版，报告不是由此案卷生成的"
    ),
    "case_mismatch": N_(
        "不予归档：报告的案卷指纹与案卷 {case_id} 第 {version} 版的内容不符"
        "（另一案卷的报告，或从未保存过的内容）"
    ),
    "kind_mismatch": N_("不予归档：这份 PDF 是{found}，不能作为{expected}归档"),
}


def archive_error_text(error: CertificateError | ArchiveRefusedError, lang: str = "zh") -> str:
    """One translated line for a refusal of the registry or the archive."""
    key, params = error.reason, dict(error.params)
    if key == "certificate_registered" and params.pop("revoked", False):
        key = "certificate_registered_revoked"
    if key == "kind_mismatch":
        params = {name: KIND_NAMES.text(ReportKind(str(value)), lang) for name, value in params.items()}
    return text(TEXTS[key], lang, **params)


# ---- verifying a report ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckedReport:
    """A PDF whose signatures verified (no store involved yet) and what they say."""

    pdf: bytes
    signed: SignedBy
    certificate_sha256: str
    """The last signer's certificate (SHA-256 of the DER), to be found in the registry."""
    last_signer: str


def check_signatures(pdf: bytes, kind: ReportKind) -> CheckedReport:
    """Verify ``pdf``'s signatures and read the case fingerprint it embeds (the cryptography only:
    it runs before any unit of work opens).

    Raises:
        ArchiveRefusedError: ``not_a_pdf``, ``unsigned``, ``signature_broken``,
            ``changed_after_signing``, ``no_signing_time``, ``no_case_fingerprint``, ``kind_mismatch``.
    """
    # Imported here: verification loads pyHanko, which opening the store for anything else need not.
    from workbench.reports.verify import VerificationError, verify_pdf

    try:
        report = verify_pdf(pdf)
    except VerificationError as error:
        raise ArchiveRefusedError("not_a_pdf", detail=error.detail or error.reason) from None
    if not report.signatures:
        raise ArchiveRefusedError("unsigned")
    for signature in report.signatures:
        if not (signature.intact and signature.valid) or signature.error:
            raise ArchiveRefusedError(
                "signature_broken", signer=signature.signer or "?", field=signature.field
            )
    if not report.signatures_ok:
        changed = next((s for s in report.signatures if not s.acceptable), report.signatures[-1])
        raise ArchiveRefusedError("changed_after_signing", signer=changed.signer or "?")
    last = report.signatures[-1]
    if last.signed_at is None:
        raise ArchiveRefusedError("no_signing_time", signer=last.signer or "?")
    if report.case_sha256 is None or report.case_version is None:
        raise ArchiveRefusedError("no_case_fingerprint")
    shown = _EMBEDDED_KINDS.get(report.report_kind or "")
    if shown is not None and shown is not kind:
        raise ArchiveRefusedError("kind_mismatch", found=shown.value, expected=kind.value)
    signers = " · ".join(s.signer for s in report.signatures if s.signer) or last.signer
    return CheckedReport(
        pdf=pdf,
        signed=SignedBy(
            signer=signers[:SIGNER_LENGTH],
            signed_at=last.signed_at.astimezone(UTC),
            case_version=report.case_version,
            case_sha256=report.case_sha256,
        ),
        certificate_sha256=last.certificate_sha256,
        last_signer=last.signer,
    )


def archive_checked(
    session: Session, case_id: str, kind: ReportKind, checked: CheckedReport, user: User
) -> ArchivedReport:
    """Inside the caller's unit of work: the registry and the stored version must vouch for
    ``checked``, then it is stored (``CommitteeService.close_session`` archives its minutes so).

    Raises:
        ArchiveRefusedError: ``signer_unregistered``, ``signer_revoked``, ``signer_is_another``,
            ``signed_outside_validity``, ``case_version_unknown``, ``case_mismatch``.
        CaseNotFoundError: no such case.
    """
    signed = checked.signed
    entry = SqlCertificateRepository(session).find(checked.certificate_sha256)
    who = {"signer": checked.last_signer or "?", "fingerprint": checked.certificate_sha256[:16]}
    if entry is None:
        raise ArchiveRefusedError("signer_unregistered", **who)
    if entry.revoked_at is not None:
        raise ArchiveRefusedError("signer_revoked", **who, since=entry.revoked_at.date().isoformat())
    if entry.user_id != user.id:
        raise ArchiveRefusedError("signer_is_another", owner=entry.username, username=user.username)
    if not entry.valid_at(signed.signed_at):
        raise ArchiveRefusedError(
            "signed_outside_validity",
            signed_at=signed.signed_at.isoformat(timespec="seconds"),
            not_before=entry.not_before.date().isoformat(),
            not_after=entry.not_after.date().isoformat(),
        )
    archive = SqlArchiveRepository(session)
    stored = archive.version_sha256(case_id, signed.case_version)
    if stored is None:
        raise ArchiveRefusedError("case_version_unknown", case_id=case_id, version=signed.case_version)
    if stored != signed.case_sha256:
        raise ArchiveRefusedError("case_mismatch", case_id=case_id, version=signed.case_version)
    return archive.archive_report(case_id, kind, checked.pdf, signed, user.id)


# ---- certificates ------------------------------------------------------------------------------


def read_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM (the first ``CERTIFICATE`` block: a ``.cert.pem``) or DER bytes.

    Raises:
        CertificateError: ``not_a_certificate``.
    """
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)[0]
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise CertificateError("not_a_certificate") from None


def fingerprint_of(text_: str) -> str:
    """A fingerprint as typed (``AB:CD…``, spaces, any case) as lower-case hex; at least 8 digits.

    Raises:
        CertificateError: ``certificate_unknown`` for what is no fingerprint.
    """
    cleaned = "".join(ch for ch in text_.strip().lower() if ch not in ": ")
    if len(cleaned) < 8 or len(cleaned) > 64 or any(ch not in "0123456789abcdef" for ch in cleaned):
        raise CertificateError("certificate_unknown", fingerprint=text_.strip())
    return cleaned


# ---- the service -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Owned:
    officer_id: str


class ArchiveService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def archive_report(self, case_id: str, kind: ReportKind, pdf: bytes, user: User) -> ArchivedReport:
        """Add a signed PDF that verifies, pinned to the case version it was made from; its signer
        and signing time are the verified signatures'.

        Raises:
            ArchiveRefusedError: it does not verify (see ``check_signatures``, ``archive_checked``);
                nothing is stored.
            PermissionDenied: ``user`` may not archive reports of this case.
        """
        checked = check_signatures(pdf, kind)
        with self._sessions.begin(actor=user) as session:
            owner = SqlCaseRepository(session).owner_of(case_id)
            require(user, Action.ARCHIVE_REPORT, _Owned(owner))
            return archive_checked(session, case_id, kind, checked, user)

    def list_reports(self, case_id: str, user: User) -> list[ArchivedReport]:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlArchiveRepository(session).list_reports(case_id)

    def report_pdf(self, report_id: str, user: User) -> bytes:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlArchiveRepository(session).report_pdf(report_id)

    # ---- checking a file against the store -------------------------------------------------------

    def trust_roots(self, user: User) -> list[bytes]:
        """The registry's certificates not revoked (DER): a signature by one of them, or by a
        certificate a registered CA issued, is trusted."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCertificateRepository(session).active_certificates()

    def compare_with_archive(self, report: VerificationReport, pdf: bytes, user: User) -> VerificationReport:
        """``report`` with ``archived_signatures``: the most signatures an archived copy of the same
        signed report holds (one whose first signed revision is byte for byte the file's); 0 when
        the archive holds no copy of it. A file without a case fingerprint is not compared."""
        from workbench.reports.verify import count_signatures

        require(user, Action.READ_CASE)
        kind = _EMBEDDED_KINDS.get(report.report_kind or "")
        if not report.signatures or report.case_sha256 is None or kind is None:
            return report
        first = report.signatures[0].signed_length
        with self._sessions.read() as session:
            copies = SqlArchiveRepository(session).copies_of(report.case_sha256, kind)
        related = [copy for copy in copies if first and copy[:first] == pdf[:first]]
        most = max((count_signatures(copy) for copy in related), default=0)
        return dataclasses.replace(report, archived_signatures=most)

    def mark_revoked(self, report: VerificationReport, user: User) -> VerificationReport:
        """``report`` with each signature whose certificate the registry revoked marked so (its
        certificate is no trust root any more: the signature reads as untrusted, and says why)."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            revoked = SqlCertificateRepository(session).revocations()
        signatures = tuple(
            dataclasses.replace(s, revoked_at=revoked.get(s.certificate_sha256)) for s in report.signatures
        )
        return dataclasses.replace(report, signatures=signatures)

    # ---- the identity registry (administrators) --------------------------------------------------

    def register_certificate(self, acting: User, login: str, cert_bytes: bytes) -> RegisteredCertificate:
        """Register a certificate (PEM or DER) to the user ``login``.

        Raises:
            PermissionDenied: ``acting`` does not manage users.
            CertificateError: ``not_a_certificate``, ``certificate_expired``,
                ``certificate_registered`` (to whom).
            UserNotFoundError: no such login.
        """
        require(acting, Action.MANAGE_USERS)
        certificate = read_certificate(cert_bytes)
        not_after = certificate.not_valid_after_utc
        if not_after < datetime.now(UTC):
            raise CertificateError("certificate_expired", until=not_after.date().isoformat())
        der = certificate.public_bytes(serialization.Encoding.DER)
        from workbench.services.signatures import certificate_subject  # pyHanko: only when needed

        with self._sessions.begin(actor=acting) as session:
            holder = SqlUserRepository(session).get_user_by_username(login)
            return SqlCertificateRepository(session).register(
                holder.id,
                der,
                hashlib.sha256(der).hexdigest(),
                certificate_subject(certificate),
                format(certificate.serial_number, "x"),
                (certificate.not_valid_before_utc, not_after),
                acting.id,
            )

    def revoke_certificate(self, acting: User, fingerprint: str) -> RegisteredCertificate:
        """Revoke the registered certificate of ``fingerprint`` (or a unique prefix of it, 8 hex
        digits at least): reports it signed are no longer archived; those archived stay.

        Raises:
            PermissionDenied: ``acting`` does not manage users.
            CertificateError: ``certificate_unknown``, ``certificate_ambiguous``,
                ``certificate_revoked_already``.
        """
        require(acting, Action.MANAGE_USERS)
        prefix = fingerprint_of(fingerprint)
        with self._sessions.begin(actor=acting) as session:
            registry = SqlCertificateRepository(session)
            return registry.revoke(registry.find_prefix(prefix).fingerprint, acting.id)

    def certificates(self, acting: User, login: str | None = None) -> list[RegisteredCertificate]:
        """The registered certificates (of ``login``), revoked ones included.

        Raises:
            PermissionDenied: ``acting`` does not manage users.
            UserNotFoundError: no such login.
        """
        require(acting, Action.MANAGE_USERS)
        with self._sessions.begin() as session:
            holder = None if login is None else SqlUserRepository(session).get_user_by_username(login).id
            return SqlCertificateRepository(session).list(holder)
