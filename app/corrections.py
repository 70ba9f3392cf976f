"""The reviewer's corrections to a demand's targets and to the data it asks for.

Intake reads both from the scan. Where it missed one (blacked out on the copy, unread,
in an attachment) or read one that is not there, the reviewer adds or removes it here,
with a reason, from the served original. Each correction is audited, and the review
reads the corrected facts at once: its answers are computed from them on every look.
Single facts (instrument, dates, addressee…) go through ``set_fact``, which asks for the
reason and leaves the value's form to ``Desk.correct_fact`` (app/fact_editors.py).
"""

from __future__ import annotations

from app.domain.enums import CATEGORIES
from app.domain.enums import IDENTIFIER_KINDS as IDENTIFIER_KINDS  # what a target can be; read from here too
from app.model import CaseId, FactValue
from app.services import Desk, DeskError
from db.store import Row

MAX_VALUE = 320  # the longest e-mail address there can be


class Corrections:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.store = desk.store

    def set_fact(self, case_id: CaseId, key: str, value: str | None, reason: str) -> FactValue:
        """One fact as the served original shows it; ``None`` (or "unknown") when it cannot be told."""
        reason = _reason(reason)
        if value is not None and value.strip().casefold() in ("", "unknown", "not known"):
            value = None
        return self.desk.correct_fact(case_id, key, value, reason)

    def add_identifier(self, case_id: CaseId, kind: str, value: str, reason: str) -> None:
        """A target the demand names that intake did not read."""
        actor = self.desk.actor()
        kind, value = _kind(kind), _value(value)
        self._case(case_id)
        reason = _reason(reason)
        if any(r["normalized"] == value.casefold() for r in self.store.get_identifiers(case_id)):
            raise DeskError(f"The case already lists the target {value}.")
        with self.store.atomic():
            self.store.insert_identifiers([reviewer_target(case_id, kind, value)])
            self.desk.touch_case(case_id, self.desk.now())
            self.desk.record(
                "fact.identifier_added",
                case_id,
                {"kind": kind, "value": value, "reason": reason},
                actor=actor,
            )

    def remove_identifier(self, case_id: CaseId, value: str, reason: str) -> None:
        """A target intake read that the demand does not name (OCR debris, the requester's own)."""
        actor = self.desk.actor()
        self._case(case_id)
        reason = _reason(reason)
        wanted = value.strip().casefold()
        rows = [r for r in self.store.get_identifiers(case_id) if (r["normalized"] or "") == wanted]
        if not rows:
            listed = ", ".join(r["value"] or "(blacked out)" for r in self.store.get_identifiers(case_id))
            raise DeskError(f"The case lists no target {value!r} (it lists: {listed or 'none'}).")
        with self.store.atomic():
            for row in rows:
                self.store.delete_identifier(row["id"])
            self.desk.touch_case(case_id, self.desk.now())
            self.desk.record(
                "fact.identifier_removed",
                case_id,
                {"kind": rows[0]["kind"], "value": rows[0]["value"], "reason": reason},
                actor=actor,
            )

    def add_category(self, case_id: CaseId, category: str, reason: str) -> None:
        """A kind of data the demand asks for that intake did not read (often in an attachment)."""
        actor = self.desk.actor()
        category = _category(category)
        self._case(case_id)
        reason = _reason(reason)
        if any(r["category"] == category for r in self.store.get_data_requested(case_id)):
            raise DeskError(f"The case already lists {category} among the data asked for.")
        with self.store.atomic():
            self.store.insert_data_requested(
                [
                    {
                        "case_id": case_id,
                        "category": category,
                        "content": int(category == "content"),
                        "text": f"added by the reviewer: {reason}",
                        "page": None,
                        "box": None,
                    }
                ]
            )
            self.desk.touch_case(case_id, self.desk.now())
            self.desk.record(
                "fact.category_added", case_id, {"category": category, "reason": reason}, actor=actor
            )

    def remove_category(self, case_id: CaseId, category: str, reason: str) -> None:
        """Data intake took as asked for that the demand does not ask for (procedure read as a request)."""
        actor = self.desk.actor()
        category = _category(category)
        self._case(case_id)
        reason = _reason(reason)
        rows = [r for r in self.store.get_data_requested(case_id) if r["category"] == category]
        if not rows:
            raise DeskError(f"The case does not list {category} among the data asked for.")
        with self.store.atomic():
            for row in rows:
                self.store.delete_data_requested(row["id"])
            self.desk.touch_case(case_id, self.desk.now())
            self.desk.record(
                "fact.category_removed",
                case_id,
                {"category": category, "read_as": [r["text"] for r in rows], "reason": reason},
                actor=actor,
            )

    def _case(self, case_id: CaseId) -> Row:
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        return case


def _kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in IDENTIFIER_KINDS:
        raise DeskError(f"A target is one of: {', '.join(IDENTIFIER_KINDS)} (not {kind!r}).")
    return kind


def _value(value: str) -> str:
    value = " ".join(value.split())
    if not value or len(value) > MAX_VALUE:
        raise DeskError(f"A target needs a value of 1 to {MAX_VALUE} characters.")
    return value


def _category(category: str) -> str:
    category = category.strip().lower()
    if category not in CATEGORIES:
        raise DeskError(f"The data asked for is one of: {', '.join(CATEGORIES)} (not {category!r}).")
    return category


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise DeskError("Say why (--reason): what the served original shows.")
    return reason


def reviewer_target(case_id: str, kind: str, value: str) -> dict[str, object]:
    """The row of a target a reviewer named (not read from a page): no page, no box."""
    return {
        "case_id": case_id,
        "kind": kind,
        "value": value,
        "normalized": value.casefold(),
        "redacted": 0,
        "page": None,
        "box": None,
        "source": "reviewer",
        "role": "target",
    }
