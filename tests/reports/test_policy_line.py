"""The reports name the credit policy their figures were computed under, in one line (issue #13)."""

from __future__ import annotations

from tests.domain.builders import demo_case
from workbench.domain.calc import compute_case
from workbench.domain.policy import CreditPolicy
from workbench.reports.content import build_dossier, build_survey_report
from workbench.reports.decision_summary import decision_summary

BANK = CreditPolicy(name="城商行经营贷", version=3)


def test_the_decision_summary_names_the_policy() -> None:
    case = demo_case("a")
    results = compute_case(case, BANK)
    assert decision_summary(case, results, "zh").policy == ("授信政策", "城商行经营贷 第 3 版")
    assert decision_summary(case, results, "en").policy == ("Credit policy", "城商行经营贷 version 3")


def test_the_survey_report_and_the_dossier_name_the_policy() -> None:
    case = demo_case("a")
    results = compute_case(case, BANK)
    for doc in (build_survey_report(case, results, "en"), build_dossier(case, results, lang="zh")):
        shown = repr(doc.blocks)
        assert "城商行经营贷 version 3" in shown or "城商行经营贷 第 3 版" in shown
    assert "授信政策：城商行经营贷 第 3 版" in repr(build_dossier(case, results, lang="zh").blocks)
