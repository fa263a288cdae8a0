"""Words of the committee screens: votes, outcomes and rules in the current language."""

from __future__ import annotations

from workbench.domain.committee import MINUTES_SIGNED, DecisionRule, Outcome, Vote
from workbench.texts.labels import OUTCOME_LABELS, VOTE_LABELS
from workbench.ui.i18n import lang, tr


def vote_text(vote: Vote) -> str:
    return VOTE_LABELS[vote]["en" if lang() == "en" else "zh"]


def outcome_text(outcome: Outcome) -> str:
    return OUTCOME_LABELS[outcome]["en" if lang() == "en" else "zh"]


def rule_text(rule: DecisionRule) -> str:
    return {
        DecisionRule.UNANIMOUS: tr("全体一致"),
        DecisionRule.MAJORITY: tr("多数通过"),
        DecisionRule.CHAIR_DECIDES: tr("主席决定"),
    }[rule]


def status_text(status: str) -> str:
    """A session's state: open, or closed with the minutes signed."""
    return tr("纪要已签署") if status == MINUTES_SIGNED else tr("进行中")


def tally_text(counts: dict[Vote, int], voters: int, seats: int, quorum: int) -> str:
    """``批准（无改动） 2 · 拒绝 1 — 已投 3 / 4 票，法定人数 3``."""
    parts = [f"{vote_text(v)} {n}" for v, n in counts.items() if n]
    cast = (
        tr("已投 %1 / %2 票，法定人数 %3")
        .replace("%1", str(voters))
        .replace("%2", str(seats))
        .replace("%3", str(quorum))
    )
    return (" · ".join(parts) + " — " + cast) if parts else cast
