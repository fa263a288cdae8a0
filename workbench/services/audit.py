"""The audit trail's hash chain: ``AuditService.verify`` walks it, ``AuditService.head`` names its end.

What the chain is and who writes it: ``workbench.store.audit_chain``. Verifying reads the whole
trail in one snapshot and recomputes every hash; it changes nothing, so anyone who may open the
store may run it (the minutes print the head, so a reader can check it later against the store).
"""

from __future__ import annotations

import re
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

    @classmethod
    def parse(cls, text: str) -> ChainHead | None:
        """``SEQ:HASH`` as ``audit head`` prints it, or the head as copied from the minutes
        (``第 12 条 · SHA-256 1f2e… 8a9b…``: the hash may be split by spaces); None if it is neither."""
        cleaned = re.sub(r"(?i)sha-?256", " ", text)
        found = re.fullmatch(r"\D*?(\d+)[^0-9a-fA-F]+((?:[0-9a-fA-F]\s*){64})", cleaned.strip() + " ")
        if found is None or int(found.group(1)) < 1:
            return None
        return cls(int(found.group(1)), re.sub(r"\s", "", found.group(2)).lower())


class AuditService:
    """Each public method is one read of the store."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def verify(self, known: ChainHead | None = None) -> ChainCheck:
        """Walk the whole chain and recompute every hash; ``broken`` names the first break, if any.

        ``known``: a head printed earlier (the minutes print it); its entry must still have its hash.
        """
        return verify_store(self._sessions.engine, None if known is None else (known.seq, known.hash))

    def head(self) -> ChainHead | None:
        """The recorded head of the chain; None if it is missing (a break ``verify`` names too)."""
        found = read_head(self._sessions.engine)
        return None if found is None else ChainHead(*found)
