"""Who may approve a disclosure (four eyes), and what an approval's record should warn of.

One place for the rule, so the window's approval dialog, ``demand-desk approve`` and a
bundle's imported approval are judged alike.
"""

from __future__ import annotations

from typing import Protocol

from app.model import ReviewerRecord
from app.reviewers import same_person


class ApprovalRefused(Exception):
    """The approver may not approve this decision; the message names the rule."""


class _Decided(Protocol):
    """A recorded decision (``Review.Decision``), read only."""

    @property
    def decided_by(self) -> str: ...
    @property
    def decided_at(self) -> str: ...
    @property
    def approved_by(self) -> str | None: ...


class _Roster(Protocol):
    def reviewer_record(self, name: str) -> ReviewerRecord | None: ...


def check_approver(roster: _Roster, decision: _Decided, approver: str) -> list[str]:
    """Refuse (ApprovalRefused) an approver the four-eyes rule excludes; else the warnings to record.

    Refused: the decider themself, and anyone enrolled after the decision was recorded (an
    account made to approve it). Allowed but flagged: an approver the decider enrolled, since
    an administrator who decides could enrol a second name for themself.
    """
    if same_person(approver, decision.decided_by):
        raise ApprovalRefused(
            f"{approver} made this decision; a different reviewer must approve it (four eyes)."
        )
    record = roster.reviewer_record(approver)
    if record is None or not record.present:
        raise ApprovalRefused(f"{approver} is not a reviewer on this workstation's roster.")
    if _not_before(record.enrolled_at, decision.decided_at):
        raise ApprovalRefused(
            f"{record.name} was enrolled ({_when(record.enrolled_at)}) after this decision was recorded "
            f"({_when(decision.decided_at)}); only a reviewer who was already enrolled may approve it."
        )
    return enrolled_by_decider(record, decision)


def enrolled_by_decider(record: ReviewerRecord, decision: _Decided) -> list[str]:
    if record.enrolled_by and same_person(record.enrolled_by, decision.decided_by):
        return [f"{record.name} was enrolled by {record.enrolled_by}, who made this decision."]
    return []


def candidate_warnings(roster: _Roster, decision: _Decided, names: list[str]) -> list[str]:
    """For the approval dialog: which of ``names`` would be flagged, and who may not approve at all."""
    warnings: list[str] = []
    late: list[str] = []
    for name in names:
        record = roster.reviewer_record(name)
        if record is None or same_person(name, decision.decided_by):
            continue
        if _not_before(record.enrolled_at, decision.decided_at):
            late.append(record.name)
        else:
            warnings += enrolled_by_decider(record, decision)
    if late:
        warnings.append(
            f"Enrolled after this decision was recorded, so not allowed to approve it: {', '.join(late)}."
        )
    return warnings


def approval_notes(roster: _Roster, decision: _Decided) -> list[str]:
    """What a reader of an approved decision should know about who approved it."""
    if decision.approved_by is None:
        return []
    record = roster.reviewer_record(decision.approved_by)
    if record is None:
        return [
            f"{decision.approved_by} is not on the team's roster as this workstation knows it (the "
            "approval came by sync): confirm who approved before anything is disclosed."
        ]
    notes = enrolled_by_decider(record, decision)
    if not record.present:
        notes.append(
            f"{record.name} has since left (removed {_when(record.removed_at or '')}); the approval stands."
        )
    if record.origin:
        notes.append(f"{record.name} is known here from {record.origin}'s roster.")
    return notes


def _not_before(enrolled_at: str, decided_at: str) -> bool:
    # Times are kept to the second, so an enrolment in the decision's own second counts as
    # before it; one made by the decider in that second is still flagged (enrolled_by_decider).
    return enrolled_at > decided_at


def _when(moment: str) -> str:
    return moment[:19].replace("T", " ")  # to the second: a late enrolment may fall in the same minute
