"""The audit trail's hash chain: ``AuditService.verify`` walks it, ``AuditService.head`` names its end.

What the chain is and who writes it: ``workbench.store.audit_chain``. Verifying reads the whole
trail in one snapshot and recomputes every hash; it changes nothing, so anyone who may open the
store may run it (the minutes print the head, so a reader can check it later against the store).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.store.audit_chain import ChainBreak, ChainCheck, read_head, verify_store

if TYPE_CHECKING:
    from workbench.store.db import Sessions

__all__ = ["AuditService", "ChainBreak", "ChainCheck", "ChainHead"]


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The end of the chain: how many entries it has and the last one's hash."""

    seq: int
    hash: str


class AuditService:
    """Each public method is one read of the store."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def verify(self) -> ChainCheck:
        """Walk the whole chain and recompute every hash; ``broken`` names the first break, if any."""
        return verify_store(self._sessions.engine)

    def head(self) -> ChainHead | None:
        """The recorded head of the chain; None if it is missing (a break ``verify`` names too)."""
        found = read_head(self._sessions.engine)
        return None if found is None else ChainHead(*found)
