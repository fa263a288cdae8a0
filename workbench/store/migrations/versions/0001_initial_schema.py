"""Initial schema: cases and their detail lists, users, history, audit, archive, committee.

Revision ID: 0001
Revises:
Create Date: 2026-11-24

One chain for SQLite and PostgreSQL: keep types portable; SQLite runs in batch mode (env.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("audit_entry", "signed_report")


def _create_append_only_guards() -> None:
    """The database itself refuses UPDATE and DELETE (and TRUNCATE) on the append-only tables."""
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME "
            "USING ERRCODE = 'insufficient_privilege'; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()"
            )
            op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM PUBLIC")
        return
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def _drop_append_only_guards() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS refuse_append_only_change()")
        return
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('officer', 'reviewer', 'committee_member', 'committee_chair', 'back_office', 'admin')",
            name=op.f("ck_app_user_role"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "audit_entry",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.Text(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'restore', 'import', 'export', 'delete', 'archive')",
            name=op.f("ck_audit_entry_action"),
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_audit_entry_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_case_id_id"), "audit_entry", ["case_id", "id"], unique=False)
    op.create_table(
        "case_file",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=200), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("loan_class", sa.String(length=40), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("officer_id", sa.Uuid(), nullable=False),
        sa.Column("borrower_name", sa.String(length=200), nullable=False),
        sa.Column("business_name", sa.String(length=200), nullable=True),
        sa.Column("requested_minor", sa.BigInteger(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("survey_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("borrower_json", sa.Text(), nullable=False),
        sa.Column("request_json", sa.Text(), nullable=False),
        sa.Column("dates_json", sa.Text(), nullable=False),
        sa.Column("officers_json", sa.Text(), nullable=False),
        sa.Column("household_json", sa.Text(), nullable=False),
        sa.Column("business_json", sa.Text(), nullable=True),
        sa.Column("soft_info_json", sa.Text(), nullable=False),
        sa.Column("notes_json", sa.Text(), nullable=False),
        sa.Column("balance_sheet_json", sa.Text(), nullable=False),
        sa.Column("prior_balance_sheet_json", sa.Text(), nullable=True),
        sa.Column("profit_loss_json", sa.Text(), nullable=False),
        sa.Column("equity_check_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_case_file_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["app_user.id"], name=op.f("fk_case_file_officer_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["app_user.id"], name=op.f("fk_case_file_updated_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
    )
    op.create_index(op.f("ix_case_file_borrower_name"), "case_file", ["borrower_name"], unique=False)
    op.create_index(op.f("ix_case_file_case_number"), "case_file", ["case_number"], unique=False)
    op.create_index(
        op.f("ix_case_file_officer_id_stage_updated_at"),
        "case_file",
        ["officer_id", "stage", "updated_at"],
        unique=False,
    )
    op.create_index(op.f("ix_case_file_updated_at"), "case_file", ["updated_at"], unique=False)
    op.create_table(
        "committee_session",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("chair_id", sa.Uuid(), nullable=False),
        sa.Column("secretary", sa.String(length=200), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_id"], ["app_user.id"], name=op.f("fk_committee_session_chair_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_session")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("evidence_id", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_attachment_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_attachment_created_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    op.create_index(
        op.f("ix_attachment_case_id_evidence_id"), "attachment", ["case_id", "evidence_id"], unique=False
    )
    op.create_table(
        "bs_asset_item",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_scale", sa.SmallInteger(), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_asset_item_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_bs_asset_item_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_asset_item")),
    )
    op.create_table(
        "bs_debt",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lender", sa.String(length=200), nullable=False),
        sa.Column("balance_minor", sa.BigInteger(), nullable=False),
        sa.Column("balance_scale", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("original_amount_minor", sa.BigInteger(), nullable=True),
        sa.Column("original_amount_scale", sa.SmallInteger(), nullable=True),
        sa.Column("monthly_instalment_minor", sa.BigInteger(), nullable=False),
        sa.Column("monthly_instalment_scale", sa.SmallInteger(), nullable=False),
        sa.Column("monthly_interest_minor", sa.BigInteger(), nullable=False),
        sa.Column("monthly_interest_scale", sa.SmallInteger(), nullable=False),
        sa.Column("remaining_months", sa.Integer(), nullable=True),
        sa.Column("long_term", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("guarantee", sa.String(length=200), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_debt_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_bs_debt_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_debt")),
    )
    op.create_table(
        "bs_fixed_asset",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("present_value_minor", sa.BigInteger(), nullable=False),
        sa.Column("present_value_scale", sa.SmallInteger(), nullable=False),
        sa.Column("original_value_minor", sa.BigInteger(), nullable=True),
        sa.Column("original_value_scale", sa.SmallInteger(), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=True),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_fixed_asset_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_bs_fixed_asset_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_fixed_asset")),
    )
    op.create_table(
        "bs_guarantee_given",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("beneficiary", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_scale", sa.SmallInteger(), nullable=False),
        sa.Column("lender", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_guarantee_given_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_bs_guarantee_given_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_guarantee_given")),
    )
    op.create_table(
        "bs_off_balance_item",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("value_minor", sa.BigInteger(), nullable=False),
        sa.Column("value_scale", sa.SmallInteger(), nullable=False),
        sa.Column("is_liability", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_off_balance_item_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_bs_off_balance_item_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_off_balance_item")),
    )
    op.create_table(
        "bs_payable",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("counterparty", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_scale", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("age_days", sa.Integer(), nullable=True),
        sa.Column("terms", sa.String(length=200), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_payable_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_bs_payable_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_payable")),
    )
    op.create_table(
        "bs_receivable",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("counterparty", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_scale", sa.SmallInteger(), nullable=False),
        sa.Column("age_days", sa.Integer(), nullable=True),
        sa.Column("terms", sa.String(length=200), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_receivable_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_bs_receivable_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_receivable")),
    )
    op.create_table(
        "bs_stock_item",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("sheet", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Text(), nullable=False),
        sa.Column("unit_cost", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint("sheet IN ('current', 'prior')", name=op.f("ck_bs_stock_item_sheet")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_bs_stock_item_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "sheet", "position", name=op.f("pk_bs_stock_item")),
    )
    op.create_table(
        "case_version",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.Uuid(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("changed_json", sa.Text(), nullable=False),
        sa.Column("changed_count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'restore', 'import', 'export', 'delete', 'archive')",
            name=op.f("ck_case_version_action"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_version_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["saved_by"], ["app_user.id"], name=op.f("fk_case_version_saved_by_app_user")
        ),
        sa.PrimaryKeyConstraint("case_id", "version", name=op.f("pk_case_version")),
    )
    op.create_table(
        "collateral",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("appraiser", sa.String(length=200), nullable=False),
        sa.Column("certificate_number", sa.String(length=200), nullable=False),
        sa.Column("value_minor", sa.BigInteger(), nullable=True),
        sa.Column("value_scale", sa.SmallInteger(), nullable=True),
        sa.Column("loan_to_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_collateral_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_collateral")),
    )
    op.create_table(
        "committee_agenda_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("case_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_committee_agenda_item_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["committee_session.id"],
            name=op.f("fk_committee_agenda_item_session_id_committee_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_agenda_item")),
        sa.UniqueConstraint(
            "session_id", "case_id", name=op.f("uq_committee_agenda_item_session_id_case_id")
        ),
        sa.UniqueConstraint(
            "session_id", "position", name=op.f("uq_committee_agenda_item_session_id_position")
        ),
    )
    op.create_table(
        "cross_check",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.String(length=200), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("inputs_json", sa.Text(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("season", sa.String(length=40), nullable=True),
        sa.Column("adopted", sa.String(length=200), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("supersedes", sa.String(length=200), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_cross_check_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_cross_check")),
        sa.UniqueConstraint("case_id", "check_id", name=op.f("uq_cross_check_case_id_check_id")),
    )
    op.create_table(
        "equity_item",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_scale", sa.SmallInteger(), nullable=False),
        sa.Column("times", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("evidence_json", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('initial_asset', 'initial_liability', 'period_profit', 'injection', 'appreciation', 'withdrawal', 'depreciation')",
            name=op.f("ck_equity_item_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_equity_item_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "kind", "position", name=op.f("pk_equity_item")),
    )
    op.create_table(
        "equity_pass",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("total_assets_minor", sa.BigInteger(), nullable=False),
        sa.Column("total_assets_scale", sa.SmallInteger(), nullable=False),
        sa.Column("total_liabilities_minor", sa.BigInteger(), nullable=False),
        sa.Column("total_liabilities_scale", sa.SmallInteger(), nullable=False),
        sa.Column("expected_equity_minor", sa.BigInteger(), nullable=False),
        sa.Column("expected_equity_scale", sa.SmallInteger(), nullable=False),
        sa.Column("period_profit_minor", sa.BigInteger(), nullable=True),
        sa.Column("period_profit_scale", sa.SmallInteger(), nullable=True),
        sa.Column("recorded_on", sa.Date(), nullable=True),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_equity_pass_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_equity_pass")),
    )
    op.create_table(
        "evidence_item",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_evidence_item_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_evidence_item")),
        sa.UniqueConstraint("case_id", "evidence_id", name=op.f("uq_evidence_item_case_id_evidence_id")),
    )
    op.create_table(
        "guarantor",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("relationship", sa.String(length=40), nullable=False),
        sa.Column("id_number", sa.String(length=200), nullable=False),
        sa.Column("occupation", sa.String(length=200), nullable=False),
        sa.Column("monthly_income_minor", sa.BigInteger(), nullable=True),
        sa.Column("monthly_income_scale", sa.SmallInteger(), nullable=True),
        sa.Column("assets_minor", sa.BigInteger(), nullable=True),
        sa.Column("assets_scale", sa.SmallInteger(), nullable=True),
        sa.Column("liabilities_minor", sa.BigInteger(), nullable=True),
        sa.Column("liabilities_scale", sa.SmallInteger(), nullable=True),
        sa.Column("credit_record", sa.String(length=200), nullable=False),
        sa.Column("willingness", sa.String(length=200), nullable=False),
        sa.Column("leverage", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_guarantor_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_guarantor")),
    )
    op.create_table(
        "pl_expense",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("amount_scale", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "kind IN ('fixed', 'household', 'other_expense', 'other_income')", name=op.f("ck_pl_expense_kind")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_pl_expense_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "kind", "position", name=op.f("pk_pl_expense")),
    )
    op.create_table(
        "pl_product",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit_price", sa.Text(), nullable=False),
        sa.Column("unit_cost", sa.Text(), nullable=False),
        sa.Column("share", sa.Text(), nullable=True),
        sa.Column("quantity", sa.Text(), nullable=True),
        sa.Column("material", sa.Text(), nullable=False),
        sa.Column("piece_wage", sa.Text(), nullable=False),
        sa.Column("kwh", sa.Text(), nullable=False),
        sa.Column("labour_hours", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_pl_product_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_pl_product")),
    )
    op.create_table(
        "pl_variable_expense",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("rate", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_pl_variable_expense_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "position", name=op.f("pk_pl_variable_expense")),
    )
    op.create_table(
        "signed_report",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("case_version", sa.Integer(), nullable=False),
        sa.Column("case_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('survey_report', 'dossier', 'minutes')", name=op.f("ck_signed_report_kind")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_signed_report_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_signed_report_created_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signed_report")),
    )
    op.create_index(
        op.f("ix_signed_report_case_id_signed_at"), "signed_report", ["case_id", "signed_at"], unique=False
    )
    op.create_table(
        "committee_decision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=True),
        sa.Column("term_months", sa.Integer(), nullable=True),
        sa.Column("annual_rate", sa.Text(), nullable=True),
        sa.Column("method", sa.String(length=40), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("monitoring", sa.Text(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minutes_signed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["committee_agenda_item.id"],
            name=op.f("fk_committee_decision_agenda_item_id_committee_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_decision")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_committee_decision_agenda_item_id")),
    )
    op.create_table(
        "committee_vote",
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("vote", sa.String(length=40), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("cast_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["committee_agenda_item.id"],
            name=op.f("fk_committee_vote_agenda_item_id_committee_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["app_user.id"], name=op.f("fk_committee_vote_member_id_app_user")
        ),
        sa.PrimaryKeyConstraint("agenda_item_id", "member_id", name=op.f("pk_committee_vote")),
    )

    _create_append_only_guards()


def downgrade() -> None:
    _drop_append_only_guards()
    op.drop_table("committee_vote")
    op.drop_table("committee_decision")
    op.drop_table("signed_report")
    op.drop_table("pl_variable_expense")
    op.drop_table("pl_product")
    op.drop_table("pl_expense")
    op.drop_table("guarantor")
    op.drop_table("evidence_item")
    op.drop_table("equity_pass")
    op.drop_table("equity_item")
    op.drop_table("cross_check")
    op.drop_table("committee_agenda_item")
    op.drop_table("collateral")
    op.drop_table("case_version")
    op.drop_table("bs_stock_item")
    op.drop_table("bs_receivable")
    op.drop_table("bs_payable")
    op.drop_table("bs_off_balance_item")
    op.drop_table("bs_guarantee_given")
    op.drop_table("bs_fixed_asset")
    op.drop_table("bs_debt")
    op.drop_table("bs_asset_item")
    op.drop_table("attachment")
    op.drop_table("committee_session")
    op.drop_table("case_file")
    op.drop_table("audit_entry")
    op.drop_table("app_user")
