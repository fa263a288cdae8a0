"""``workbench schedule``: an instalment schedule from the command line."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from workbench.cli.output import money
from workbench.cli.table import render
from workbench.cli.texts import t
from workbench.domain.errors import ValidationError
from workbench.domain.money import Rounding, parse_amount
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.schedules import Method, Rate, Schedule, build_schedule
from workbench.domain.settings import INSTALMENT_UNITS, RoundingSettings

if TYPE_CHECKING:
    import argparse
    from decimal import Decimal


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("schedule", help=t("schedule_help", lang), description=t("schedule_help", lang))
    p.add_argument("--principal", required=True, help=t("principal_help", lang))
    rate = p.add_mutually_exclusive_group()
    rate.add_argument("--annual-rate", help=t("annual_rate_help", lang))
    rate.add_argument("--monthly-permille", help=t("monthly_permille_help", lang))
    p.add_argument("--months", required=True, help=t("months_help", lang))
    p.add_argument(
        "--method",
        default=Method.ANNUITY.value,
        help=t("method_help", lang) + ": " + ", ".join(m.value for m in Method if m is not Method.SEASONAL),
    )
    p.add_argument("--grace-months", default="0", help=t("grace_help", lang))
    p.add_argument("--installment-multiple", default="0.01", help=t("multiple_help", lang))
    p.add_argument(
        "--installment-rounding", default="half-up", help=t("rounding_help", lang) + ": half-up, up"
    )
    p.add_argument("--json", action="store_true", help=t("json_help", lang))
    p.set_defaults(run=run)


def _int(text: str, field: str) -> int:
    value = parse_amount(text, field, allow_negative=True)
    if value != value.to_integral_value():
        raise ValidationError(field, "wrong_type", expected="integer")
    return int(value)


def _choice(text: str, field: str, choices: list[str]) -> str:
    if text not in choices:
        raise ValidationError(field, "invalid_choice", value=text, choices=", ".join(choices))
    return text


def schedule_from_args(args: argparse.Namespace) -> Schedule:
    """Validate the arguments and build the schedule.

    Raises:
        ValidationError: with the option name as the field.
    """
    principal = parse_amount(args.principal, "--principal", allow_negative=True)
    months = _int(args.months, "--months")
    grace = _int(args.grace_months, "--grace-months")
    methods = [m.value for m in Method if m is not Method.SEASONAL]
    method = Method(_choice(args.method, "--method", methods))
    unit = parse_amount(args.installment_multiple, "--installment-multiple")
    if unit not in INSTALMENT_UNITS:
        raise ValidationError(
            "--installment-multiple",
            "invalid_choice",
            value=args.installment_multiple,
            choices=", ".join(str(u) for u in INSTALMENT_UNITS),
        )
    mode = Rounding(_choice(args.installment_rounding, "--installment-rounding", ["half-up", "up"]))
    max_annual = DEFAULT_POLICY.max_annual_rate  # a schedule outside any case: the default products' caps
    if args.annual_rate is not None:
        rate = Rate.from_annual_percent(
            parse_amount(args.annual_rate, "--annual-rate", allow_negative=True),
            max_annual=max_annual,
            field="--annual-rate",
        )
    elif args.monthly_permille is not None:
        rate = Rate.from_monthly_permille(
            parse_amount(args.monthly_permille, "--monthly-permille", allow_negative=True),
            max_annual=max_annual,
            field="--monthly-permille",
        )
    else:
        raise ValidationError("--annual-rate", "required")
    if principal <= 0:
        raise ValidationError("--principal", "must_be_positive", value=args.principal)
    if grace < 0:
        raise ValidationError("--grace-months", "negative", value=args.grace_months)
    if grace >= months and months > 0:
        raise ValidationError("--grace-months", "grace_too_long", grace=grace, months=months)
    try:
        return build_schedule(
            principal,
            rate,
            months,
            method,
            grace_months=grace,
            rounding=RoundingSettings(instalment_unit=unit, instalment_mode=mode),
            max_months=DEFAULT_POLICY.max_months,
        )
    except ValidationError as error:
        raise ValidationError(f"--{error.field.replace('_', '-')}", error.reason, **error.params) from None


def schedule_document(schedule: Schedule) -> dict[str, object]:
    """The JSON shape of ``workbench schedule --json``."""
    return {
        "rows": [
            {
                "period": row.period,
                "principal": _s(row.principal),
                "interest": _s(row.interest),
                "payment": _s(row.payment),
                "balance": _s(row.balance),
            }
            for row in schedule.rows
        ],
        "total_interest": _s(schedule.total_interest),
        "total_payment": _s(schedule.total_payment),
    }


def _s(value: Decimal) -> str:
    return format(value, "f")


def schedule_table(schedule: Schedule, lang: str) -> str:
    """A readable table of the schedule."""
    head = [
        t("col_period", lang),
        t("col_payment", lang),
        t("col_interest", lang),
        t("col_principal", lang),
        t("col_balance", lang),
    ]
    rows = [
        [str(r.period), money(r.payment), money(r.interest), money(r.principal), money(r.balance)]
        for r in schedule.rows
    ]
    rows.append(
        [
            t("total", lang),
            money(schedule.total_payment),
            money(schedule.total_interest),
            money(schedule.principal),
            "",
        ]
    )
    return render(head, rows)


def run(args: argparse.Namespace, lang: str) -> int:
    schedule = schedule_from_args(args)
    if args.json:
        print(json.dumps(schedule_document(schedule), ensure_ascii=False, indent=2))
    else:
        print(schedule_table(schedule, lang))
    return 0
