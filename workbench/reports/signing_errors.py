"""Why a signing identity cannot be made, read or used: the error, apart from pyHanko, so that the
window and the command line can name it without loading the signing machinery."""

from __future__ import annotations

from workbench.domain.errors import DomainError


class SigningError(DomainError):
    """Why an identity cannot be made, read or used; ``reason`` keys a message in the CLI texts."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{reason}: {shown}" if shown else reason)
