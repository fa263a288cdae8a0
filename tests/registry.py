"""Registering signing certificates for tests that archive signed reports.

The archive takes a report only when its last signer's certificate is registered to the person
archiving it, so every test that archives first registers that person's certificate here, as an
administrator would (``ArchiveService.register_certificate``). The registrar is an administrator
made once per store (``registrar``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from workbench.domain.records import Role, UserNotFoundError
from workbench.services.archive import ArchiveService
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.certificates import RegisteredCertificate
    from workbench.domain.records import User
    from workbench.store.db import Sessions

REGISTRAR = "registrar"


def registrar(sessions: Sessions) -> User:
    """The store's registering administrator, made on first use."""
    with sessions.begin() as session:
        users = SqlUserRepository(session)
        try:
            return users.get_user_by_username(REGISTRAR)
        except UserNotFoundError:
            return users.add_user(REGISTRAR, "登记管理员", Role.ADMIN)


def pem_of(certificate: x509.Certificate | bytes | Path) -> bytes:
    """PEM bytes of a certificate object, of PEM/DER bytes, or of a ``.cert.pem``/``.p12`` beside one."""
    if isinstance(certificate, x509.Certificate):
        return certificate.public_bytes(serialization.Encoding.PEM)
    if isinstance(certificate, bytes):
        return certificate
    path = (
        certificate.with_name(certificate.stem + ".cert.pem") if certificate.suffix == ".p12" else certificate
    )
    return path.read_bytes()


def register(
    sessions: Sessions, holder: User | str, certificate: x509.Certificate | bytes | Path
) -> RegisteredCertificate:
    """Register ``certificate`` to ``holder`` (a user or a login), as the registrar."""
    login = holder if isinstance(holder, str) else holder.username
    return ArchiveService(sessions).register_certificate(registrar(sessions), login, pem_of(certificate))
