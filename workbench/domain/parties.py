"""Applicant, household, business, guarantors and collateral."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from workbench.domain.fields import Amount, Count, Factor, LongText, Share, Text
from workbench.domain.row_ids import Row, check_unique_row_ids


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class MaritalStatus(StrEnum):
    MARRIED = "married"
    SINGLE = "single"
    DIVORCED = "divorced"
    REMARRIED = "remarried"
    WIDOWED = "widowed"


class Education(StrEnum):
    JUNIOR_OR_BELOW = "junior_or_below"
    SENIOR_OR_VOCATIONAL = "senior_or_vocational"
    UNIVERSITY = "university"


class Hukou(StrEnum):
    LOCAL = "local"
    PROVINCE = "province"
    OUT_OF_PROVINCE = "out_of_province"


class Housing(StrEnum):
    OWNED = "owned"
    MORTGAGED = "mortgaged"
    RENTED = "rented"
    FAMILY = "family"


@dataclass(frozen=True, slots=True)
class CreditRecord(Row):
    """One line of the credit report summary (信贷历史 / 信用卡)."""

    lender: Text
    kind: Text = ""
    amount: Amount | None = None
    balance: Amount | None = None
    guarantee: Text = ""
    overdue: Text = ""


@dataclass(frozen=True, slots=True)
class Borrower:
    """The applicant (借款人)."""

    name: Text
    sex: Sex | None = None
    id_number: Text = ""
    birth_date: date | None = None
    age: Count | None = None
    education: Education | None = None
    hukou: Hukou | None = None
    marital_status: MaritalStatus | None = None
    address: Text = ""
    years_at_address: Factor | None = None
    housing: Housing | None = None
    phone: Text = ""
    occupation: Text = ""
    years_in_industry: Factor | None = None
    credit_history: tuple[CreditRecord, ...] = ()
    card_overdue_count: Count = 0
    loan_overdue_count: Count = 0
    note: LongText = ""

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "credit_history")


class Relationship(StrEnum):
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    RELATIVE = "relative"
    FRIEND = "friend"
    BUSINESS_PARTNER = "business_partner"
    OTHER = "other"


class ChildStatus(StrEnum):
    PRESCHOOL = "preschool"
    SCHOOL = "school"
    WORKING = "working"
    IDLE = "idle"


@dataclass(frozen=True, slots=True)
class HouseholdMember(Row):
    """A member of the family unit; income here is informational (the P&L holds the money)."""

    name: Text
    relationship: Relationship
    age: Count | None = None
    occupation: Text = ""
    child_status: ChildStatus | None = None
    works_in_business: bool = False
    monthly_income: Amount | None = None
    dependent: bool = False


@dataclass(frozen=True, slots=True)
class Household:
    """The family (家庭): IPC treats family and business as one economic unit."""

    members: tuple[HouseholdMember, ...] = ()
    size: Count | None = None
    dependents: Count | None = None
    structure: Text = ""
    other_income_sources: LongText = ""
    note: LongText = ""

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "members")


class PremisesTenure(StrEnum):
    OWNED = "owned"
    RENTED = "rented"
    FAMILY = "family"
    OTHER = "other"


class LegalForm(StrEnum):
    INDIVIDUAL = "individual"  # 个体工商户
    SOLE_PROPRIETORSHIP = "sole_proprietorship"
    PARTNERSHIP = "partnership"
    COMPANY = "company"
    FARM_HOUSEHOLD = "farm_household"
    UNREGISTERED = "unregistered"


@dataclass(frozen=True, slots=True)
class Counterparty(Row):
    """A main supplier or customer: share of purchases/sales, terms, years of dealing."""

    name: Text
    share: Share | None = None
    payment_terms: Text = ""
    years: Factor | None = None


@dataclass(frozen=True, slots=True)
class Business:
    """The business (经营主体)."""

    name: Text
    industry: Text = ""
    licence_number: Text = ""
    legal_form: LegalForm | None = None
    registered_owner: Text = ""
    actual_operator: Text = ""
    address: Text = ""
    premises_tenure: PremisesTenure | None = None
    premises_area_m2: Factor | None = None
    monthly_rent: Amount | None = None
    lease_until: date | None = None
    started_on: date | None = None
    at_site_since: date | None = None
    main_activity: Text = ""
    employees: Count = 0
    operating_days_per_month: Factor = Decimal(30)
    suppliers: tuple[Counterparty, ...] = ()
    customers: tuple[Counterparty, ...] = ()
    history: LongText = ""
    management: LongText = ""
    changes_since_last: LongText = ""
    plans: LongText = ""

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "suppliers", "customers")


class GuarantorRole(StrEnum):
    CO_BORROWER = "co_borrower"
    GUARANTOR = "guarantor"


@dataclass(frozen=True, slots=True)
class Guarantor(Row):
    """A co-borrower or guarantor with a mini balance sheet and the leverage over the borrower."""

    name: Text
    role: GuarantorRole
    relationship: Relationship
    id_number: Text = ""
    occupation: Text = ""
    monthly_income: Amount | None = None
    assets: Amount | None = None
    liabilities: Amount | None = None
    credit_record: Text = ""
    willingness: Text = ""
    leverage: LongText = ""


class CollateralKind(StrEnum):
    PROPERTY = "property"
    VEHICLE = "vehicle"
    EQUIPMENT = "equipment"
    DEPOSIT = "deposit"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Collateral(Row):
    """A pledge or mortgage (抵质押物); optional in IPC lending."""

    kind: CollateralKind
    description: Text
    owner: Text = ""
    appraiser: Text = ""
    certificate_number: Text = ""
    value: Amount | None = None
    loan_to_value: Share | None = None
