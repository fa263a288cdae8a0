"""Every table of the store, in one import: ``Base.metadata`` is complete once this module is loaded."""

from __future__ import annotations

from workbench.store.archive_rows import AttachmentRow, RegisteredCertificateRow, SignedReportRow
from workbench.store.balance_rows import (
    BsAssetItemRow,
    BsDebtRow,
    BsFixedAssetRow,
    BsGuaranteeGivenRow,
    BsOffBalanceItemRow,
    BsPayableRow,
    BsReceivableRow,
    BsStockItemRow,
)
from workbench.store.case_rows import CaseFileRow
from workbench.store.committee_rows import (
    CaseSubmissionRow,
    CommitteeAgendaItemRow,
    CommitteeDecisionRow,
    CommitteeMemberRow,
    CommitteeSessionRow,
    CommitteeVoteRow,
)
from workbench.store.detail_rows import CollateralRow, CrossCheckRow, EvidenceItemRow, GuarantorRow
from workbench.store.history_rows import AuditEntryRow, CaseVersionRow
from workbench.store.orm_base import Base
from workbench.store.people_rows import AppUserRow
from workbench.store.policy_rows import CreditPolicyRow
from workbench.store.statement_rows import (
    EquityItemRow,
    EquityPassRow,
    PlExpenseRow,
    PlProductRow,
    PlVariableExpenseRow,
)

__all__ = [
    "AppUserRow",
    "AttachmentRow",
    "AuditEntryRow",
    "Base",
    "BsAssetItemRow",
    "BsDebtRow",
    "BsFixedAssetRow",
    "BsGuaranteeGivenRow",
    "BsOffBalanceItemRow",
    "BsPayableRow",
    "BsReceivableRow",
    "BsStockItemRow",
    "CaseFileRow",
    "CaseSubmissionRow",
    "CaseVersionRow",
    "CollateralRow",
    "CommitteeAgendaItemRow",
    "CommitteeDecisionRow",
    "CommitteeMemberRow",
    "CommitteeSessionRow",
    "CommitteeVoteRow",
    "CreditPolicyRow",
    "CrossCheckRow",
    "EquityItemRow",
    "EquityPassRow",
    "EvidenceItemRow",
    "GuarantorRow",
    "PlExpenseRow",
    "PlProductRow",
    "PlVariableExpenseRow",
    "RegisteredCertificateRow",
    "SignedReportRow",
]
