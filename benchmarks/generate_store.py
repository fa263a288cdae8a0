"""Fill a store with realistic, varied cases for the benchmarks (not part of the test suite).

    .venv/bin/python benchmarks/generate_store.py --db URL --cases 100000 [--officers 50] [--seed 1]

Each case is one of the shipped demo cases (shop A, workshop B) with a random borrower (common
Chinese surnames and given names), business name, stage, officer, dates, requested amount and term,
and a random subset of its detail lists (10–20 detail rows). The rows come from the store's own
mapper (``case_to_rows``, the same row codec as a save) and go in with Core ``executemany`` in
batches, one transaction per batch: ``case_file``, every detail table, the version-1 snapshot in
``case_version`` and one audit entry per case, exactly what ``SqlCaseRepository.add`` would write
(it is ~20× slower, one case per transaction). The schema is upgraded first; the officers
(``gen_officer_01`` …) are created if missing. Prints cases/s and rows/s.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from workbench.domain.case_file import CaseFile, Stage
from workbench.domain.codec import encode
from workbench.domain.errors import ValidationError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.records import ChangeAction, Role
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.store import migrate
from workbench.store.audit_chain import AuditLine, append_audit
from workbench.store.case_rows import CaseFileRow
from workbench.store.changes import canonical_text, sha256_text
from workbench.store.db import Sessions, make_engine, make_sessions
from workbench.store.history_rows import CaseVersionRow
from workbench.store.mappers import CASE_SECTION, CHILD_TABLES, SPLIT_SECTIONS, case_to_rows
from workbench.store.orm_base import table_of
from workbench.store.people_rows import AppUserRow

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉力鹏飞斌宇浩凯健俊帆帅旭宁龙林欢阳"
    "晨婷雪琳晶倩颖佳慧莉凤梅海波峰亮成荣新春秋德福贵宏庆兴东南北云山水松竹"
)
PLACES = ("城关", "东街", "西郊", "南门", "北关", "新区", "老街", "河口", "桥头", "镇上", "开发区", "市场")
TRADES = (
    "便利店",
    "超市",
    "五金店",
    "木业加工厂",
    "餐馆",
    "面馆",
    "服装店",
    "汽修厂",
    "水果店",
    "理发店",
    "建材店",
    "养殖场",
    "茶叶店",
    "印刷厂",
    "粮油店",
    "家电维修部",
    "早餐店",
    "药店",
    "文具店",
    "装修队",
    "物流点",
)
STAGE_WEIGHTS = {
    Stage.APPLY: 6,
    Stage.ALLOT: 4,
    Stage.INVESTIGATE: 25,
    Stage.APPROVAL: 12,
    Stage.CONTRACT: 5,
    Stage.SIGN: 4,
    Stage.LOAN: 6,
    Stage.AFTER_LOAN: 22,
    Stage.CLEARANCE: 10,
    Stage.REFUSED: 6,
}
FIRST_DAY = date(2022, 1, 1)
DAYS = (date(2026, 11, 1) - FIRST_DAY).days


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _sample(rng: random.Random, items: tuple[Any, ...], ratio: float) -> list[Any]:
    keep = min(len(items), int(len(items) * ratio + rng.random()))
    return [items[i] for i in sorted(rng.sample(range(len(items)), keep))]


def _trim(case: CaseFile, rng: random.Random, rows_wanted: int) -> CaseFile:
    """A random subset of every detail list, about ``rows_wanted`` rows in all."""
    total = sum(
        len(getattr(getattr(case, s.field) if s.field else case, slot.field))
        for s in (*SPLIT_SECTIONS, CASE_SECTION)
        if (getattr(case, s.field) if s.field else case) is not None
        for slot in s.lists
    )
    ratio = rows_wanted / max(total, 1)
    out = case
    for section in (*SPLIT_SECTIONS, CASE_SECTION):
        owner = getattr(out, section.field) if section.field else out
        if owner is None:
            continue
        changes = {
            slot.field: tuple(_sample(rng, getattr(owner, slot.field), ratio)) for slot in section.lists
        }
        if not section.field:
            kept = {c.id for c in changes["cross_checks"]}
            changes["cross_checks"] = tuple(
                c for c in changes["cross_checks"] if not c.supersedes or c.supersedes in kept
            )
            out = dataclasses.replace(out, **changes)
        else:
            out = dataclasses.replace(out, **{section.field: dataclasses.replace(owner, **changes)})
    return out


def random_case(rng: random.Random, templates: list[CaseFile], number: int) -> tuple[CaseFile, date]:
    """One varied case and its survey date."""
    while True:
        base = rng.choice(templates)
        survey = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        borrower = person_name(rng)
        business = None
        if base.business is not None:
            owner = borrower[1:] if rng.random() < 0.5 else rng.choice(PLACES) + borrower[0] + "记"
            business = dataclasses.replace(base.business, name=owner + rng.choice(TRADES))
        case = dataclasses.replace(
            base,
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            case_number=f"WB-{survey.year}-{number:06d}",
            stage=rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0],
            borrower=dataclasses.replace(base.borrower, name=borrower),
            business=business,
            dates=dataclasses.replace(base.dates, survey_date=survey),
            request=dataclasses.replace(
                base.request,
                amount=Decimal(rng.randrange(20, 500)) * 1000,
                term_months=rng.choice((6, 12, 12, 18, 24, 24, 36)),
            ),
        )
        try:
            return _trim(case, rng, rng.randint(10, 20)), survey
        except ValidationError:  # a subset broke a rule of the aggregate (rare): draw again
            continue


def ensure_officers(sessions: Sessions, count: int) -> list[uuid.UUID]:
    """The ids of ``gen_officer_01`` … (created if missing)."""
    ids: list[uuid.UUID] = []
    rng = random.Random(count)
    with sessions.begin() as session:
        for i in range(1, count + 1):
            username = f"gen_officer_{i:02d}"
            found = session.scalar(select(AppUserRow.id).where(AppUserRow.username == username))
            if found is None:
                found = uuid.uuid4()
                session.add(
                    AppUserRow(
                        id=found,
                        username=username,
                        display_name=person_name(rng),
                        role=Role.OFFICER.value,
                        active=True,
                        created_at=datetime.now(UTC),
                    )
                )
            ids.append(found)
    return ids


def case_rows(
    case: CaseFile, survey: date, officer: uuid.UUID, rng: random.Random
) -> tuple[dict[str, Any], dict[Any, list[dict[str, Any]]], dict[str, Any], dict[str, Any]]:
    """The rows ``SqlCaseRepository.add`` writes for ``case``: root, details, snapshot, audit entry."""
    plain = encode(case)
    rows = case_to_rows(case, DEFAULT_POLICY, plain)
    document = canonical_text(plain)
    sha = sha256_text(document)
    created = datetime(survey.year, survey.month, survey.day, 8, tzinfo=UTC) + timedelta(
        minutes=rng.randrange(10 * 60)
    )
    updated = created + timedelta(minutes=rng.randrange(60 * 24 * 90))
    root = {
        **rows.root,
        "version_id": 1,
        "officer_id": officer,
        "created_at": created,
        "created_by": officer,
        "updated_at": updated,
        "updated_by": officer,
        "content_sha256": sha,
    }
    version = {
        "case_id": rows.root["id"],
        "version": 1,
        "action": ChangeAction.CREATE.value,
        "saved_at": created,
        "saved_by": officer,
        "content_sha256": sha,
        "document": document,
        "changed_json": "[]",
        "changed_count": 0,
    }
    audit = {
        "at": created,
        "user_id": officer,
        "case_id": rows.root["id"],
        "action": ChangeAction.CREATE.value,
        "field": None,
        "before": None,
        "after": sha,
    }
    return root, rows.children, version, audit


def templates() -> list[CaseFile]:
    return [read_case_file(Path(resource_path("demo", f"case-{n}.json"))) for n in ("a", "b")]


def generate(
    url: str, cases: int, officers: int = 50, seed: int = 1, batch: int = 500, quiet: bool = False
) -> dict[str, float]:
    """Add ``cases`` generated cases to the store at ``url``; returns the figures."""
    migrate.upgrade(url)
    sessions = make_sessions(make_engine(url))
    try:
        officer_ids = ensure_officers(sessions, officers)
        with sessions.begin() as session:
            start = int(session.scalar(select(func.count()).select_from(table_of(CaseFileRow))) or 0)
        rng = random.Random(seed + start)
        shapes = templates()
        tables = {
            "case_file": table_of(CaseFileRow),
            "case_version": table_of(CaseVersionRow),
        }
        rows_written = 0
        started = time.perf_counter()
        build_seconds = 0.0
        for first in range(0, cases, batch):
            t0 = time.perf_counter()
            roots, versions, audits = [], [], []
            children: dict[Any, list[dict[str, Any]]] = {t: [] for t in CHILD_TABLES}
            for number in range(start + first + 1, start + min(first + batch, cases) + 1):
                case, survey = random_case(rng, shapes, number)
                root, kids, version, audit = case_rows(case, survey, rng.choice(officer_ids), rng)
                roots.append(root)
                versions.append(version)
                audits.append(audit)
                for table, rows in kids.items():
                    children[table] += rows
            build_seconds += time.perf_counter() - t0
            with sessions.begin() as session:
                connection = session.connection()
                connection.execute(insert(tables["case_file"]), roots)
                for table in CHILD_TABLES:
                    if children[table]:
                        connection.execute(insert(table), children[table])
                connection.execute(insert(tables["case_version"]), versions)
                # The store stamps the time and chains the entries (audit_chain): the time is now.
                for a in audits:
                    line = AuditLine(a["case_id"], a["action"], a["field"], a["before"], a["after"])
                    append_audit(session, [line], a["user_id"])
            rows_written += len(roots) + len(versions) + len(audits) + sum(map(len, children.values()))
            done = min(first + batch, cases)
            if not quiet and (done % (batch * 20) == 0 or done == cases):
                elapsed = time.perf_counter() - started
                print(
                    f"  {done:>7} cases  {rows_written:>9} rows  {elapsed:6.1f} s  "
                    f"{done / elapsed:7.0f} cases/s  {rows_written / elapsed:8.0f} rows/s",
                    flush=True,
                )
        elapsed = time.perf_counter() - started
        return {
            "cases": cases,
            "rows": rows_written,
            "seconds": elapsed,
            "build_seconds": build_seconds,
            "cases_per_s": cases / elapsed,
            "rows_per_s": rows_written / elapsed,
        }
    finally:
        sessions.engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--db", required=True, metavar="URL", help="sqlite:///FILE or postgresql+psycopg://…")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--officers", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500, help="cases per transaction")
    args = parser.parse_args(argv)
    print(f"generating {args.cases} cases for {args.officers} officers into {args.db.split('@')[-1]}")
    figures = generate(args.db, args.cases, args.officers, args.seed, args.batch)
    print(
        f"done: {figures['cases']:.0f} cases, {figures['rows']:.0f} rows in {figures['seconds']:.1f} s "
        f"(building rows {figures['build_seconds']:.1f} s): {figures['cases_per_s']:.0f} cases/s, "
        f"{figures['rows_per_s']:.0f} rows/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
