"""The identity registry's entries: which signing certificate belongs to which person.

The administrator registers a person's certificate (``services.archive``); the report archive then
takes a signed PDF only when its last signer's certificate is registered, not revoked, to the person
archiving it. The registry is the trust anchor for archiving, so a self-signed certificate is as good
as a CA's once registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RegisteredCertificate:
    """One registered certificate (the DER bytes stay in the store).

    ``fingerprint``: SHA-256 of the DER certificate, lower-case hex (``SigningIdentity.fingerprint``).
    """

    id: str
    user_id: str
    username: str
    fingerprint: str
    subject: str
    serial: str
    not_before: datetime
    not_after: datetime
    registered_by: str
    registered_at: datetime
    revoked_at: datetime | None = None
    revoked_by: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def valid_at(self, moment: datetime) -> bool:
        """Whether ``moment`` lies within the certificate's validity."""
        return self.not_before <= moment <= self.not_after
