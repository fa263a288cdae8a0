"""``workbench portfolio [--db URL] [--from D --to D] [--officer NAME …] -o FILE.xlsx|.pdf``.

The portfolio (``services.portfolio``) of the signed-in person: an officer gets her own cases only
(naming another officer is refused), everyone else the whole branch or the officers named.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.signin import add_login_option, open_signed_in_store, signed_in_user
from workbench.cli.store_cmds import _day
from workbench.cli.texts import t
from workbench.domain.errors import ValidationError
from workbench.domain.portfolio import PortfolioQuery

if TYPE_CHECKING:
    import argparse

FORMATS = (".xlsx", ".pdf")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("portfolio", help=t("portfolio_help", lang), description=t("portfolio_help", lang))
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=t("portfolio_from_help", lang))
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=t("portfolio_to_help", lang))
    p.add_argument(
        "--officer", action="append", default=[], metavar="NAME", help=t("portfolio_officer_help", lang)
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=t("portfolio_output_help", lang))
    p.set_defaults(run=run_portfolio)


def run_portfolio(args: argparse.Namespace, lang: str) -> int:
    target = Path(args.output)
    if target.suffix.lower() not in FORMATS:  # before the store is opened: nothing is read in vain
        raise ValidationError(
            "--output", "invalid_choice", value=target.suffix or target.name, choices=", ".join(FORMATS)
        )
    query = PortfolioQuery(
        _day("--from", args.date_from),
        _day("--to", args.date_to),
        tuple(dict.fromkeys(name.strip() for name in args.officer if name.strip())),
    )
    from workbench.services.portfolio import PortfolioService, write_portfolio

    with open_signed_in_store(args, lang) as store:
        user = signed_in_user(store, args, lang)
        portfolio = PortfolioService(store.sessions).portfolio(query, user)
    try:
        write_portfolio(portfolio, target, lang)
    except OSError as error:
        print(t("cannot_write", lang, path=target, detail=error.strerror or error), file=sys.stderr)
        return 2
    cases = int(portfolio.pipeline["cases"].sum())
    print(t("portfolio_written", lang, path=target, officers=len(portfolio.officers), cases=cases))
    return 0
