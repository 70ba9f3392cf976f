"""What an action changed: which cases, and which aspects of them.

A use case (for now: the window, after calling one) describes its effect as one
``Changed``; every view that shows one of those aspects of one of those cases refreshes
itself. Nobody keeps a list of who to refresh after what.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Aspect(StrEnum):
    """One kind of case data (or workstation state) that a view shows."""

    CASES = "cases"  # cases added, or replaced by a colleague's copy (a sync)
    FACTS = "facts"  # a fact of the demand corrected
    TARGETS = "targets"  # a target or a kind of data added to or removed from the demand
    REVIEW = "review"  # a checklist answer given, overridden or reset
    DECISION = "decision"  # a decision recorded or approved
    DISCLOSURE = "disclosure"  # a disclosure without legal process approved
    DATES = "dates"  # a deadline, secrecy order or notice recorded
    LETTERS = "letters"  # a letter drafted, saved, finalised or exported
    AUDIT = "audit"  # only the trail (a case summary or letter printed)
    COSTS = "costs"  # the case's cost record
    SETTINGS = "settings"  # a workstation setting the dates follow (the reconsideration cycle)
    DAY = "day"  # the date moved on: due colours and Today's lists follow it
    ROSTER = "roster"  # the team's reviewers (the signed-in one may have gone)


# Everything about a case: what a view showing the case follows when it may all have changed.
CASE_ASPECTS = frozenset(
    {
        Aspect.FACTS,
        Aspect.TARGETS,
        Aspect.REVIEW,
        Aspect.DECISION,
        Aspect.DISCLOSURE,
        Aspect.DATES,
        Aspect.LETTERS,
        Aspect.AUDIT,
        Aspect.COSTS,
    }
)


@dataclass(frozen=True)
class Changed:
    """What changed: ``aspects`` of the cases ``case_ids`` (empty: of every case, or of none
    in particular, e.g. the roster or the date)."""

    case_ids: frozenset[str]
    aspects: frozenset[Aspect]

    @classmethod
    def of(cls, case_id: str, *aspects: Aspect) -> Changed:
        """These aspects of one case."""
        return cls(frozenset({str(case_id)}), frozenset(aspects))

    @classmethod
    def cases(cls, case_ids: Iterable[str], *aspects: Aspect) -> Changed:
        """These aspects of several cases."""
        return cls(frozenset(str(c) for c in case_ids), frozenset(aspects))

    @classmethod
    def everywhere(cls, *aspects: Aspect) -> Changed:
        """These aspects of every case (or of the workstation: the roster, the date)."""
        return cls(frozenset(), frozenset(aspects))

    def merge(self, *others: Changed) -> Changed:
        """Both changes in one notice; a change of every case stays a change of every case."""
        changes = (self, *others)
        aspects = frozenset().union(*(c.aspects for c in changes))
        if any(not c.case_ids for c in changes):
            return Changed(frozenset(), aspects)
        return Changed(frozenset().union(*(c.case_ids for c in changes)), aspects)

    @property
    def every_case(self) -> bool:
        return not self.case_ids

    def touches(self, case_id: str | None, aspects: Iterable[Aspect]) -> bool:
        """Whether a view showing ``aspects`` of ``case_id`` (None: no case) shows something that changed."""
        if self.aspects.isdisjoint(aspects):
            return False
        return self.every_case or (case_id is not None and str(case_id) in self.case_ids)

    def any_of(self, aspects: Iterable[Aspect]) -> bool:
        """Whether one of ``aspects`` changed, for whichever case."""
        return not self.aspects.isdisjoint(aspects)
