"""The computed figures the portfolio counts, kept beside each case.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

Equity δ and the cross-checks' deviations are derived from a case, never typed in. The portfolio
(``services.portfolio``) counts them over every case of a branch; recomputing 100 000 cases for
that takes minutes, so every save now writes them (``domain.case_figures``):

* ``case_file``: ``equity_deviation`` (δ of the current pass, a float copy), ``equity_status``,
  ``checks_total`` and ``checks_failed`` (standing checks and those of them that FAIL);
* ``cross_check``: ``deviation`` and ``status`` of each standing check (NULL when superseded);
* four covering indexes (``INDEXES``), so the portfolio's reads never touch the wide rows.

Existing cases get them on upgrade, computed from their newest stored version, as a save would. The
columns are new and nullable (counts default to 0): an older program keeps working with the store.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    (
        "ix_case_file_portfolio_survey",
        "case_file",
        ("survey_date", "officer_id", "id", "equity_deviation", "checks_total", "checks_failed"),
    ),
    ("ix_case_file_portfolio_created", "case_file", ("stage", "created_at", "officer_id", "requested_minor")),
    ("ix_case_file_portfolio_case", "case_file", ("id", "officer_id", "survey_date", "requested_minor")),
    ("ix_cross_check_portfolio", "cross_check", ("case_id", "deviation")),
)
"""The portfolio's reads, each answered from an index alone (never the wide rows with their JSON)."""
BATCH = 500
"""Cases computed per round trip when filling an existing store."""


def upgrade() -> None:
    op.add_column("case_file", sa.Column("equity_deviation", sa.Double(), nullable=True))
    op.add_column("case_file", sa.Column("equity_status", sa.String(length=40), nullable=True))
    op.add_column("case_file", sa.Column("checks_total", sa.Integer(), server_default="0", nullable=False))
    op.add_column("case_file", sa.Column("checks_failed", sa.Integer(), server_default="0", nullable=False))
    op.add_column("cross_check", sa.Column("deviation", sa.Double(), nullable=True))
    op.add_column("cross_check", sa.Column("status", sa.String(length=40), nullable=True))
    _fill()
    for name, table, columns in INDEXES:  # after the fill: one build each instead of upkeep per row
        op.create_index(name, table, list(columns))


def _fill() -> None:
    """Compute the figures of every stored case from its newest version's document."""
    from workbench.domain.case_figures import CaseFigures, case_figures
    from workbench.domain.case_file import CaseFile
    from workbench.domain.codec import decode
    from workbench.domain.policy import DEFAULT_POLICY
    from workbench.domain.errors import DomainError
    from workbench.domain.row_ids import fill_row_ids, rows_lack_ids

    connection = op.get_bind()
    newest = sa.text(
        "SELECT v.case_id, v.document FROM case_version v JOIN case_file c "
        "ON c.id = v.case_id AND c.version_id = v.version ORDER BY v.case_id"
    )
    update_case = sa.text(
        "UPDATE case_file SET equity_deviation = :dev, equity_status = :status, "
        "checks_total = :total, checks_failed = :failed WHERE id = :id"
    )
    update_check = sa.text(
        "UPDATE cross_check SET deviation = :dev, status = :status WHERE case_id = :id AND check_id = :check"
    )
    result = connection.execute(newest.execution_options(stream_results=True))
    cases: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    for part in result.partitions(BATCH):
        for case_id, document in part:
            plain = json.loads(document)
            if rows_lack_ids(plain):
                plain = fill_row_ids(plain, str(uuid.UUID(str(case_id))))  # SQLite keeps bare hex
            try:
                figures = case_figures(decode(CaseFile, plain, "case"), DEFAULT_POLICY)  # the only policy then
            except DomainError:  # a document the program no longer reads: no figures, as for a bad input
                figures = CaseFigures(None, None, ())
            dev = figures.equity_deviation
            cases.append(
                {
                    "id": case_id,
                    "dev": None if dev is None else float(dev),
                    "status": None if figures.equity_status is None else figures.equity_status.value,
                    "total": len(figures.checks),
                    "failed": figures.checks_failed,
                }
            )
            checks += [
                {
                    "id": case_id,
                    "check": c.check_id,
                    "dev": None if c.deviation is None else float(c.deviation),
                    "status": c.status.value,
                }
                for c in figures.checks
            ]
        _flush(update_case, cases, update_check, checks)
    _flush(update_case, cases, update_check, checks)


def _flush(update_case: Any, cases: list[dict[str, Any]], update_check: Any, checks: list[dict[str, Any]]) -> None:
    connection = op.get_bind()
    for statement, rows in ((update_case, cases), (update_check, checks)):
        if rows:
            connection.execute(statement, rows)
            rows.clear()


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
    for table, column in (
        ("cross_check", "status"),
        ("cross_check", "deviation"),
        ("case_file", "checks_failed"),
        ("case_file", "checks_total"),
        ("case_file", "equity_status"),
        ("case_file", "equity_deviation"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
