"""What a checked PDF means, in sentences: ``workbench verify`` prints them, the window shows them.

One table for both, so the command line and the verification dialog never disagree. Each signature
gets a heading (who, in which box, when: local time with its offset), its verdict as a plain
sentence, the ETSI EN 319 102-1 indication with what it means, its certificate's SHA-256
fingerprint and validity, and what it covers; the file gets one closing verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.reports.verdicts import Outcome, SignatureVerdict
from workbench.texts import N_, NC_, capital, text

if TYPE_CHECKING:
    from datetime import datetime

    from workbench.reports.verdicts import SignatureReport, VerificationReport

VERDICTS = {
    SignatureVerdict.OK: N_("签名有效：内容完整，证书受信任，签署时和现在都在有效期内"),
    SignatureVerdict.UNTRUSTED: N_(
        "内容完整，但证书未受信任：任何人都能做一张同名证书，无法确认签署人是谁"
        "（用 --trust 指定其证书，或请管理员在身份登记册中登记）"
    ),
    SignatureVerdict.EXPIRED: N_("内容完整，但签名证书已于 {until} 过期，签名不再可信"),
    SignatureVerdict.NOT_YET_VALID: N_("内容完整，但签名证书尚未生效（自 {since} 起生效），签名不可信"),
    SignatureVerdict.CHANGED_AFTER: N_(
        "此签名所签的内容未变，但签名之后文件又被改动，改动超出追加签名的范围"
    ),
    SignatureVerdict.MODIFIED: N_("文件在签名之后被修改过：此签名与现在的内容不符，签名无效"),
}

ADES_STATUS = {
    "PASSED": NC_("ETSI indication", "通过"),
    "INDETERMINATE": NC_("ETSI indication", "无法确定"),
    "FAILED": NC_("ETSI indication", "未通过"),
}

# The sub-indications pyHanko gives for the signatures the workbench makes and meets; any other is
# printed by its standard name alone.
ADES_MEANING = {
    "OK": N_("全部检查通过"),
    "HASH_FAILURE": N_("所签内容的摘要与文件不符"),
    "SIG_CRYPTO_FAILURE": N_("签名值无法用证书的公钥验证"),
    "FORMAT_FAILURE": N_("签名结构无法解析"),
    "NO_CERTIFICATE_CHAIN_FOUND": N_("找不到通往受信任证书的证书链"),
    "CHAIN_CONSTRAINTS_FAILURE": N_("证书链不满足要求（如自签名证书不在受信任之列）"),
    "CERTIFICATE_CHAIN_GENERAL_FAILURE": N_("证书链验证失败"),
    "OUT_OF_BOUNDS_NO_POE": N_("证书已过期，且没有签名早于过期时间的证明（如时间戳）"),
    "EXPIRED": N_("签署时间晚于证书的过期时间"),
    "NOT_YET_VALID": N_("签署时间早于证书的生效时间"),
    "REVOKED": N_("证书已被吊销"),
    "REVOKED_NO_POE": N_("证书已被吊销，且没有签名早于吊销时间的证明"),
    "NO_SIGNING_CERTIFICATE_FOUND": N_("签名中找不到签署人的证书"),
    "TRY_LATER": N_("暂时无法取得吊销信息"),
}

REVOKED = N_("内容完整，但签名证书已于 {since} 在身份登记册中吊销，不再受信任")
HEAD = N_("签名 {n}  {field}：{signer}（{role}），签署时间 {time}")
ADES = N_("ETSI EN 319 102-1 判定：{status}（{indication}{meaning}）")
TIMESTAMP = N_("时间戳 {time}，由 {tsa} 签发（RFC 3161）：{trust}")
TIMESTAMP_TRUSTED = N_("时间戳服务器受信任，证明签名在此时间已存在")
TIMESTAMP_UNTRUSTED = N_("时间戳服务器未受信任")
CERTIFICATE = N_("证书 SHA-256 指纹 {sha}，有效期 {since} 至 {until}")
COVERS_FILE = N_("覆盖整个文件")
COVERS_FORMS = N_("其后只追加了签名")
NO_SIGNATURES = N_("此 PDF 没有签名")
LAST_NOT_WHOLE = N_("最后一个签名之后文件又被追加修改")
CASE = N_("案卷指纹 {sha}（版本 {version}）：{state}")
CASE_MATCH = N_("与当前案卷一致")
CASE_DIFFERS = N_("与当前案卷不一致")
CASE_UNCHECKED = N_("未与案卷比较")
CASE_NONE = N_("PDF 中没有案卷指纹")
ARCHIVE_MORE = N_("报告档案中的存档有 {archived} 个签名，此文件只有 {found} 个：有签名被去掉了")
ARCHIVE_SAME = N_("与报告档案中的存档一致（{found} 个签名）")
ARCHIVE_NONE = N_("报告档案中没有这份报告的存档")

OUTCOMES = {
    Outcome.OK: N_("结论：全部签名有效，签署人的证书受信任且在有效期内"),
    Outcome.UNTRUSTED: N_("结论：签名完整，但有签名人的证书未受信任，不能确认是谁签的"),
    Outcome.EXPIRED: N_("结论：签名完整，但有签名证书已过期或尚未生效，签名不可信"),
    Outcome.FAILED: N_("结论：验证未通过"),
}


def local_time(moment: datetime) -> str:
    """``2026-12-07 18:01:22 +08:00``: the computer's local time with its offset from UTC."""
    shown = moment.astimezone()
    offset = shown.strftime("%z")
    return shown.strftime("%Y-%m-%d %H:%M:%S ") + f"{offset[:3]}:{offset[3:]}"


def verdict_text(sig: SignatureReport, lang: str) -> str:
    """The signature's verdict as one sentence."""
    if sig.verdict is SignatureVerdict.UNTRUSTED and sig.revoked_at is not None:
        return text(REVOKED, lang, since=sig.revoked_at.date().isoformat())
    until = sig.not_after.date().isoformat() if sig.not_after else "—"
    since = sig.not_before.date().isoformat() if sig.not_before else "—"
    return text(VERDICTS[sig.verdict], lang, until=until, since=since)


def ades_text(sig: SignatureReport, lang: str) -> str:
    """``ETSI EN 319 102-1 判定：无法确定（NO_CERTIFICATE_CHAIN_FOUND：找不到…）``."""
    status = text(ADES_STATUS[sig.ades_status], lang) if sig.ades_status in ADES_STATUS else sig.ades_status
    meaning = ADES_MEANING.get(sig.ades_subindication)
    shown = f"{sig.ades_status} / {sig.ades_subindication}" if sig.ades_subindication else sig.ades_status
    sep = ": " if lang == "en" else "："
    return text(
        ADES, lang, status=status, indication=shown, meaning=sep + text(meaning, lang) if meaning else ""
    )


def certificate_text(sig: SignatureReport, lang: str) -> str:
    since = sig.not_before.date().isoformat() if sig.not_before else "—"
    until = sig.not_after.date().isoformat() if sig.not_after else "—"
    return text(CERTIFICATE, lang, sha=sig.certificate_sha256 or "—", since=since, until=until)


def coverage_text(sig: SignatureReport, lang: str) -> str | None:
    """What the signature covers; ``None`` where its verdict already says the file changed."""
    if sig.verdict in (SignatureVerdict.MODIFIED, SignatureVerdict.CHANGED_AFTER):
        return None
    return text(COVERS_FILE if sig.covers_entire_file else COVERS_FORMS, lang)


def signature_lines(number: int, sig: SignatureReport, lang: str) -> list[str]:
    """A heading and the indented lines of one signature."""
    when = local_time(sig.signed_at) if sig.signed_at else "—"
    head = text(
        HEAD, lang, n=number, field=sig.field, signer=sig.signer or "—", role=sig.role or "—", time=when
    )
    body = [verdict_text(sig, lang), ades_text(sig, lang)]
    if sig.timestamp is not None:
        trust = text(TIMESTAMP_TRUSTED if sig.timestamp_trusted else TIMESTAMP_UNTRUSTED, lang)
        body.append(
            text(TIMESTAMP, lang, time=local_time(sig.timestamp), tsa=sig.timestamp_authority, trust=trust)
        )
    if sig.certificate_sha256:
        body.append(certificate_text(sig, lang))
    covered = coverage_text(sig, lang)
    if covered:
        body.append(covered)
    return [head, *("  " + capital(line, lang) for line in body)]


def case_text(report: VerificationReport, lang: str) -> str:
    if not report.case_sha256:
        return text(CASE_NONE, lang)
    match = report.case_matches
    state = text(CASE_UNCHECKED if match is None else CASE_MATCH if match else CASE_DIFFERS, lang)
    version = "—" if report.case_version is None else report.case_version
    return text(CASE, lang, sha=report.case_sha256, version=version, state=state)


def archive_text(report: VerificationReport, lang: str) -> str | None:
    """How the file compares with the report archive; ``None`` when it was not compared."""
    archived, found = report.archived_signatures, len(report.signatures)
    if archived is None:
        return None
    if archived == 0:
        return text(ARCHIVE_NONE, lang)
    if report.archive_has_more:
        return text(ARCHIVE_MORE, lang, archived=archived, found=found)
    return text(ARCHIVE_SAME, lang, found=found)


def outcome_text(report: VerificationReport, lang: str) -> str:
    return text(OUTCOMES[report.outcome], lang)


def notes(report: VerificationReport, lang: str) -> list[str]:
    """What the file as a whole shows besides its signatures: none at all, a change after the last
    one, how it compares with the report archive."""
    lines: list[str] = []
    if not report.signatures:
        lines.append(text(NO_SIGNATURES, lang))
    elif not report.signatures[-1].covers_entire_file and report.signatures[-1].verdict not in (
        SignatureVerdict.MODIFIED,
        SignatureVerdict.CHANGED_AFTER,
    ):
        lines.append(text(LAST_NOT_WHOLE, lang))
    archived = archive_text(report, lang)
    if archived:
        lines.append(archived)
    return lines


def describe(report: VerificationReport, lang: str) -> list[str]:
    """Every line ``workbench verify`` prints, the closing verdict last."""
    lines: list[str] = []
    for number, sig in enumerate(report.signatures, start=1):
        lines += signature_lines(number, sig, lang)
    closing = [*notes(report, lang), case_text(report, lang), outcome_text(report, lang)]
    return [*lines, *(capital(line, lang) for line in closing)]
