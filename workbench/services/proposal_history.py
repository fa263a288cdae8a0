"""Loading a case's proposal history (``domain.proposal_history``) from its saved versions.

``CaseService.proposal_history`` is the use case (one read-only unit of work, ``READ_CASE``); this
module does the loading inside that unit of work, fast enough for a case with hundreds of versions:

* the versions run up to the one submitted to the committee while the committee has or had the case
  (stage past ``BEFORE_COMMITTEE``), else up to the newest;
* a version whose recorded changes (``case_version.changed_json``, complete when ``changed_count``
  says so) touch none of the parts the figures come from (``FIGURE_PARTS``) keeps the figures of
  the version before it and is not read at all;
* of a version that is read, only those parts are decoded, and a part identical to one decoded
  before is taken from that one (a save that changed the sales leaves the balance sheet as it was).
  The rest of the case (borrower, notes, checks …) is the last version's, decoded once: the figures
  do not read it.
"""

from __future__ import annotations

import dataclasses
import json
import typing
import uuid
from typing import TYPE_CHECKING, Any

from workbench.domain.case_file import CaseFile
from workbench.domain.codec import decode
from workbench.domain.lifecycle import BEFORE_COMMITTEE
from workbench.domain.proposal_history import ProposalHistory, VersionFigures, history_of, version_figures
from workbench.domain.records import ChangeAction
from workbench.store.committee_repository import SqlCommitteeRepository
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from decimal import Decimal

    from sqlalchemy.orm import Session

    from workbench.domain.policy import CreditPolicy
    from workbench.domain.records import CaseVersionInfo

FIGURE_PARTS = ("balance_sheet", "profit_loss", "request", "dates")
"""The parts of a case ``proposal_history.version_figures`` reads (the dates give the first month)."""


def load_history(session: Session, case_id: str) -> ProposalHistory:
    """The proposal history of the stored case ``case_id`` (inside the caller's unit of work).

    Raises:
        CaseNotFoundError: no such case.
    """
    repo = SqlCaseRepository(session)
    stage, newest = repo.stage_of(case_id)
    submitted = SqlCommitteeRepository(session).submitted_version(case_id)
    to_committee = submitted is not None and stage not in BEFORE_COMMITTEE
    last = submitted if to_committee and submitted is not None else newest
    infos = [i for i in repo.history(case_id) if i.version <= last]
    names = {u.username: u.display_name or u.username for u in SqlUserRepository(session).list_users()}
    template = repo.version_document(case_id, last)
    # Every version under the policy of the last one shown: the history compares figures, not policies.
    reader = _PartReader(repo, uuid.UUID(case_id), template, repo.policy_of(case_id, last))
    out: list[VersionFigures] = []
    values: dict[str, Decimal | None] | None = None
    for info in infos:
        if values is None or _may_change_figures(info):
            values = reader.figures(info.version)
        out.append(
            VersionFigures(info.version, names.get(info.saved_by, info.saved_by), info.saved_at, values)
        )
    return history_of(out, submitted=to_committee)


def _root(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def _may_change_figures(info: CaseVersionInfo) -> bool:
    """Whether the version's recorded changes may move a figure (unsure counts as yes)."""
    if info.action is not ChangeAction.UPDATE or info.changed_count > len(info.changed_fields):
        return True
    return any(_root(path) in FIGURE_PARTS or not path for path in info.changed_fields)


_HINTS = typing.get_type_hints(CaseFile)
_DEFAULTS = {f.name: f for f in dataclasses.fields(CaseFile)}


class _PartReader:
    """Reads versions' figure parts, decoding each distinct part once."""

    def __init__(
        self, repo: SqlCaseRepository, key: uuid.UUID, template: CaseFile, policy: CreditPolicy
    ) -> None:
        self._policy = policy
        self._repo = repo
        self._key = key
        self._template = template
        self._parts: dict[tuple[str, str], Any] = {}
        self._figures: dict[tuple[str, ...], dict[str, Decimal | None]] = {}

    def figures(self, version: int) -> dict[str, Decimal | None]:
        # The store keeps the plain snapshot; reading it (not ``version_document``) lets only the
        # parts the figures need be decoded: a whole case takes ~20 ms to decode, these ~5 ms.
        plain = self._repo._snapshot_plain(self._key, version)
        texts = tuple(json.dumps(plain.get(part), sort_keys=True) for part in FIGURE_PARTS)
        found = self._figures.get(texts)
        if found is None:
            parts = {
                part: self._part(part, text, plain) for part, text in zip(FIGURE_PARTS, texts, strict=True)
            }
            found = version_figures(dataclasses.replace(self._template, **parts), self._policy)
            self._figures[texts] = found
        return found

    def _part(self, part: str, text: str, plain: Any) -> Any:
        cached = self._parts.get((part, text))
        if cached is not None:
            return cached
        if part in plain:
            value = decode(_HINTS[part], plain[part], f"case.{part}")
        else:  # the codec leaves out a part equal to its default
            field = _DEFAULTS[part]
            factory = field.default_factory
            value = factory() if factory is not dataclasses.MISSING else field.default
        self._parts[(part, text)] = value
        return value
