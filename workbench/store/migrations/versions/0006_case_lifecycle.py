"""The case lifecycle as data: submitted versions in their own table, monitoring plans as data.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-07

* ``case_submission``: one row per version of a case handed to the committee (the newest is the
  case's submitted version, ``domain.lifecycle``). Filled from the audit trail's
  ``committee.submitted`` entries, so a case submitted before this revision stays frozen.
* ``committee_decision.monitoring``: a JSON list of measures (``{"kind": "first", "days": 7, …}``
  for a step of the standard plan, ``{"text": …}`` for a measure the committee typed) instead of
  one Chinese line per measure. Older rows are converted once here: the standard plan's wording of
  the time is recognised and turned into steps, any other line is kept as typed text.

The downgrade words the steps back in Chinese (the wording older versions stored and parse).
"""

from __future__ import annotations

import json
import re
import uuid
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUBMITTED = "committee.submitted"

_audit = sa.table(
    "audit_entry",
    sa.column("id", sa.BigInteger()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("user_id", sa.Uuid()),
    sa.column("case_id", sa.Uuid()),
    sa.column("field", sa.Text()),
    sa.column("after", sa.Text()),
)
_case = sa.table("case_file", sa.column("id", sa.Uuid()))
_submission = sa.table(
    "case_submission",
    sa.column("case_id", sa.Uuid()),
    sa.column("case_version", sa.Integer()),
    sa.column("submitted_at", sa.DateTime(timezone=True)),
    sa.column("submitted_by", sa.Uuid()),
)
_decision = sa.table("committee_decision", sa.column("id", sa.Uuid()), sa.column("monitoring", sa.Text()))

# The standard plan's Chinese wording as revisions up to 0005 stored it (one line per step).
_DAY = r"(\d{4}-\d{2}-\d{2})"
_FIRST = re.compile(rf"首次监控：放款后 (\d+) 天内(?:（{_DAY} 前）)?")
_REGULAR = re.compile(rf"常规监控：每月(?:（{_DAY} 起，共 (\d+) 次）)?")
_REMINDER = re.compile(r"还款提醒：每期到期前 (\d+) 天")


def _measure(line: str) -> dict[str, Any]:
    """One stored line as data: a step of the standard plan when worded as one, else the text."""
    text = line.strip()
    found = _FIRST.fullmatch(text)
    if found:
        days, due = found.groups()
        return {"kind": "first", "days": int(days), **({"due_on": due} if due else {})}
    found = _REGULAR.fullmatch(text)
    if found:
        due, count = found.groups()
        return {"kind": "regular", **({"due_on": due, "count": int(count)} if due and count else {})}
    found = _REMINDER.fullmatch(text)
    if found:
        return {"kind": "reminder", "days": int(found.group(1))}
    return {"text": line}


def _words(measure: dict[str, Any]) -> str:
    """A measure in the Chinese wording of revisions up to 0005 (for the downgrade)."""
    kind = measure.get("kind")
    if kind == "first":
        due = measure.get("due_on")
        return f"首次监控：放款后 {measure['days']} 天内" + (f"（{due} 前）" if due else "")
    if kind == "regular":
        due, count = measure.get("due_on"), measure.get("count")
        return "常规监控：每月" + (f"（{due} 起，共 {count} 次）" if due and count is not None else "")
    if kind == "reminder":
        return f"还款提醒：每期到期前 {measure['days']} 天"
    return str(measure.get("text", ""))


def _is_data(stored: str) -> bool:
    try:
        return isinstance(json.loads(stored), list)
    except ValueError:
        return False


def upgrade() -> None:
    op.create_table(
        "case_submission",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("case_version", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_submission_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by"], ["app_user.id"], name=op.f("fk_case_submission_submitted_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_submission")),
        sa.UniqueConstraint("case_id", "case_version", name=op.f("uq_case_submission_case_id_case_version")),
    )
    bind = op.get_bind()
    stored = {row.id for row in bind.execute(sa.select(_case.c.id))}
    seen: set[tuple[uuid.UUID, int]] = set()
    rows = []
    query = sa.select(_audit.c.at, _audit.c.user_id, _audit.c.case_id, _audit.c.after).where(
        _audit.c.field == SUBMITTED
    )
    for entry in bind.execute(query.order_by(_audit.c.id)):
        if entry.case_id not in stored or entry.after is None or not entry.after.strip().isdigit():
            continue
        key = (entry.case_id, int(entry.after))
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            {
                "case_id": key[0],
                "case_version": key[1],
                "submitted_at": entry.at,
                "submitted_by": entry.user_id,
            }
        )
    if rows:
        bind.execute(sa.insert(_submission), rows)
    for decision in list(bind.execute(sa.select(_decision.c.id, _decision.c.monitoring))):
        if _is_data(decision.monitoring):
            continue
        measures = [_measure(line) for line in decision.monitoring.split("\n") if line]
        data = json.dumps(measures, ensure_ascii=False, sort_keys=True)
        bind.execute(sa.update(_decision).where(_decision.c.id == decision.id).values(monitoring=data))


def downgrade() -> None:
    bind = op.get_bind()
    for decision in list(bind.execute(sa.select(_decision.c.id, _decision.c.monitoring))):
        if not _is_data(decision.monitoring):
            continue
        lines = "\n".join(_words(m) for m in json.loads(decision.monitoring))
        bind.execute(sa.update(_decision).where(_decision.c.id == decision.id).values(monitoring=lines))
    op.drop_table("case_submission")
