"""``SqlCertificateRepository``: the identity registry, inside the caller's session.

The services parse and judge certificates (``services.archive``); this module only keeps them: add
one, find one by fingerprint (or a unique prefix of it), list, revoke once.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from workbench.domain.certificates import RegisteredCertificate
from workbench.domain.records import CertificateError
from workbench.store.archive_rows import RegisteredCertificateRow
from workbench.store.people_rows import AppUserRow

if TYPE_CHECKING:
    import builtins

    from sqlalchemy.orm import Session


def _entry(row: RegisteredCertificateRow, username: str) -> RegisteredCertificate:
    return RegisteredCertificate(
        id=str(row.id),
        user_id=str(row.user_id),
        username=username,
        fingerprint=row.fingerprint,
        subject=row.subject,
        serial=row.serial,
        not_before=row.not_before,
        not_after=row.not_after,
        registered_by=str(row.registered_by),
        registered_at=row.registered_at,
        revoked_at=row.revoked_at,
        revoked_by=None if row.revoked_by is None else str(row.revoked_by),
    )


class SqlCertificateRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def register(
        self,
        user_id: str,
        der: bytes,
        fingerprint: str,
        subject: str,
        serial: str,
        valid: tuple[datetime, datetime],
        registered_by: str,
    ) -> RegisteredCertificate:
        """Add a certificate to ``user_id``.

        Raises:
            CertificateError: ``certificate_registered`` (to whom), also when another registration
                of the same certificate won a race.
        """
        known = self.find(fingerprint)
        if known is not None:
            raise _registered(known)
        row = RegisteredCertificateRow(
            id=uuid.uuid4(),
            user_id=uuid.UUID(user_id),
            certificate=der,
            fingerprint=fingerprint,
            subject=subject,
            serial=serial,
            not_before=valid[0],
            not_after=valid[1],
            registered_by=uuid.UUID(registered_by),
            registered_at=datetime.now(UTC),
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
                self._session.flush()
        except IntegrityError:  # the same certificate registered meanwhile by another transaction
            known = self.find(fingerprint)
            if known is None:
                raise
            raise _registered(known) from None
        return self._one(row.id)

    def find(self, fingerprint: str) -> RegisteredCertificate | None:
        """The entry of exactly this fingerprint (lower-case hex), revoked or not."""
        found = self._session.execute(
            select(RegisteredCertificateRow, AppUserRow.username)
            .join(AppUserRow, AppUserRow.id == RegisteredCertificateRow.user_id)
            .where(RegisteredCertificateRow.fingerprint == fingerprint)
        ).one_or_none()
        return None if found is None else _entry(*found)

    def find_prefix(self, prefix: str) -> RegisteredCertificate:
        """The one entry whose fingerprint starts with ``prefix`` (lower-case hex).

        Raises:
            CertificateError: ``certificate_unknown`` (none), ``certificate_ambiguous`` (several).
        """
        rows = self._session.execute(
            select(RegisteredCertificateRow, AppUserRow.username)
            .join(AppUserRow, AppUserRow.id == RegisteredCertificateRow.user_id)
            .where(RegisteredCertificateRow.fingerprint.startswith(prefix, autoescape=True))
            .limit(2)
        ).all()
        if not rows:
            raise CertificateError("certificate_unknown", fingerprint=prefix)
        if len(rows) > 1:
            raise CertificateError("certificate_ambiguous", fingerprint=prefix)
        return _entry(*rows[0])

    def list(self, user_id: str | None = None) -> list[RegisteredCertificate]:
        """Every entry (of ``user_id``), by login then registration time."""
        query = select(RegisteredCertificateRow, AppUserRow.username).join(
            AppUserRow, AppUserRow.id == RegisteredCertificateRow.user_id
        )
        if user_id is not None:
            query = query.where(RegisteredCertificateRow.user_id == uuid.UUID(user_id))
        query = query.order_by(AppUserRow.username, RegisteredCertificateRow.registered_at)
        return [_entry(row, username) for row, username in self._session.execute(query)]

    def active_certificates(self) -> builtins.list[bytes]:
        """The DER of every registered certificate not revoked: the roots ``workbench verify`` trusts."""
        query = select(RegisteredCertificateRow.certificate).where(
            RegisteredCertificateRow.revoked_at.is_(None)
        )
        return list(self._session.scalars(query))

    def revocations(self) -> dict[str, datetime]:
        """When each revoked certificate was revoked, by fingerprint."""
        query = select(RegisteredCertificateRow.fingerprint, RegisteredCertificateRow.revoked_at).where(
            RegisteredCertificateRow.revoked_at.is_not(None)
        )
        return {fingerprint: at for fingerprint, at in self._session.execute(query) if at is not None}

    def revoke(self, fingerprint: str, revoked_by: str) -> RegisteredCertificate:
        """Revoke the entry of exactly ``fingerprint``, now.

        Raises:
            CertificateError: ``certificate_unknown``, ``certificate_revoked_already``.
        """
        row = self._session.scalars(
            select(RegisteredCertificateRow)
            .where(RegisteredCertificateRow.fingerprint == fingerprint)
            .with_for_update()
        ).one_or_none()
        if row is None:
            raise CertificateError("certificate_unknown", fingerprint=fingerprint)
        if row.revoked_at is not None:
            raise CertificateError(
                "certificate_revoked_already",
                fingerprint=fingerprint,
                since=row.revoked_at.date().isoformat(),
            )
        row.revoked_at = datetime.now(UTC)
        row.revoked_by = uuid.UUID(revoked_by)
        self._session.flush()
        return self._one(row.id)

    def _one(self, key: uuid.UUID) -> RegisteredCertificate:
        row, username = self._session.execute(
            select(RegisteredCertificateRow, AppUserRow.username)
            .join(AppUserRow, AppUserRow.id == RegisteredCertificateRow.user_id)
            .where(RegisteredCertificateRow.id == key)
        ).one()
        return _entry(row, username)


def _registered(known: RegisteredCertificate) -> CertificateError:
    return CertificateError(
        "certificate_registered",
        fingerprint=known.fingerprint[:16],
        username=known.username,
        revoked=known.revoked,
    )
