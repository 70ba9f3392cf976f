"""Recording, extending and releasing preservation holds, and linking later demands to them.

``Holds(desk)`` is what intake, the window, the command line and Today call. A hold is
made when a preservation request is taken in (or recorded by hand when intake misread
the instrument); every change is written in one transaction with its audit event. A
later demand is linked to a hold when it names a held identifier and was served while
the hold ran; the link is worked out from the identifiers each time it is read, so a
corrected identifier links (or unlinks) at once, and intake records the link it found.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TypedDict

from app.holds import policy
from app.holds.model import (
    Hold,
    HoldEnd,
    HoldExtension,
    HoldJson,
    HoldLinkJson,
    LinkedDemand,
    identifier_problem,
)
from app.model import CaseId
from app.review.model import DISCLOSING
from app.services import Desk, DeskError
from db.store import Row

PRESERVATION = "preservation_request"


class HoldFactsJson(TypedDict):
    """The Facts JSON's hold keys (``Desk.facts``)."""

    hold: HoldJson | None
    preservation_holds: list[HoldLinkJson]


class HoldLetterValues(TypedDict):
    """What the hold and release letters fill in (``app.letters.templates.LetterContext``)."""

    held_identifiers: list[str]
    hold_statute: str
    hold_since: str
    hold_until: str
    hold_ended: str | None
    demand_reference: str


class Holds:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.store = desk.store
        self.policy = policy.load()

    def today(self) -> date:
        return self.desk.clock().date()

    # -- reading -------------------------------------------------------------------------

    def hold(self, case_id: CaseId) -> Hold | None:
        row = self.store.get_hold(case_id)
        return self._hold(row) if row is not None else None

    def holds(self) -> list[Hold]:
        return [self._hold(r) for r in self.store.list_holds()]

    def is_preservation(self, case_id: CaseId) -> bool:
        return bool(self._instrument(case_id) == PRESERVATION)

    def holds_naming(self, case_id: CaseId) -> list[Hold]:
        """The holds a demand is linked to: it names a held identifier and came while they ran."""
        if self._instrument(case_id) == PRESERVATION:
            return []
        own = {r["normalized"] for r in self.store.get_identifiers(case_id) if r["normalized"]}
        if not own:
            return []
        found = []
        for row in self.store.list_holds():
            held = {i["value"].casefold() for i in _identifiers(row)}
            if row["case_id"] != case_id and held & own:
                hold = self._hold(row)
                if any(d.case_id == case_id for d in hold.linked):
                    found.append(hold)
        return found

    def facts_json(self, case_id: CaseId) -> HoldFactsJson:
        """The Facts JSON's hold keys: the case's own hold, and the holds a demand is linked to."""
        today = self.today()
        own = self.hold(case_id)
        return {
            "hold": own.to_json(today) if own else None,
            "preservation_holds": [h.link_json(case_id, today) for h in self.holds_naming(case_id)],
        }

    def letter_kinds(self, case_id: CaseId, kinds: list[str]) -> list[str]:
        """The hold letter only for a case with a hold, the release letter only once it has ended."""
        hold = self.hold(case_id)
        ended = hold is not None and hold.state(self.today()) != "active"
        return [k for k in kinds if (k != "hold" or hold is not None) and (k != "hold_release" or ended)]

    def letter_refusal(self, case_id: CaseId, kind: str) -> str | None:
        """Why a hold or release letter cannot be written for this case now, or None."""
        if kind not in ("hold", "hold_release"):
            return None
        hold = self.hold(case_id)
        if hold is None:
            return f"A {kind} letter answers a preservation request's hold; this case has none."
        if kind == "hold_release" and hold.state(self.today()) == "active":
            return f"The hold runs until {hold.until}: release it first (hold CASE --release)."
        return None

    def letter_values(self, case_id: CaseId) -> HoldLetterValues | None:
        """What the hold and release letters fill in (app/letters/templates.py, LetterContext);
        None for a case without a hold."""
        hold = self.hold(case_id)
        if hold is None:
            return None
        ended = hold.ended_on(self.today())
        return {
            "held_identifiers": [v for _, v in hold.identifiers],
            "hold_statute": hold.statute,
            "hold_since": hold.starts.isoformat(),
            "hold_until": hold.until.isoformat(),
            "hold_ended": ended.isoformat() if ended else None,
            "demand_reference": hold.requester_reference or "",
        }

    def expiring(self, today: date | None = None) -> list[Hold]:
        """Running holds whose last day is within the pack's look-ahead, soonest first."""
        day = today or self.today()
        ahead = day + timedelta(days=self.policy.expiring_within_days)
        due = [h for h in self.holds() if h.state(day) == "active" and h.until <= ahead]
        return sorted(due, key=lambda h: (h.until, h.reference))

    def intake_notes(self, case_id: CaseId) -> list[str]:
        """What intake tells the reviewer about holds: the one made, or the ones the demand meets."""
        today = self.today()
        if self._instrument(case_id) == PRESERVATION:
            hold = self.hold(case_id)
            if hold is None:
                problem = self._refusal(case_id)
                return [
                    f"No preservation hold was made: {problem}. Correct the targets (facts --add-identifier "
                    "/ --remove-identifier) and record it with: hold CASE --record."
                ]
            held = ", ".join(v for _, v in hold.identifiers)
            return [f"Preservation hold on {held} until {hold.until} ({hold.statute})."]
        return [
            f"Names {', '.join(h.link_json(case_id, today)['identifiers'])}, held since {h.starts} "
            f"at the request of {h.requester or 'an unknown requester'}"
            + (f" ({h.requester_reference})" if h.requester_reference else "")
            + f": preservation case {h.reference}."
            for h in self.holds_naming(case_id)
        ]

    # -- changing ------------------------------------------------------------------------

    def record(self, case_id: CaseId) -> Hold:
        """Make the hold of a preservation request from its facts: its targets, served day, country."""
        actor = self.desk.actor()
        with self.store.atomic():
            hold = self._record(case_id, actor)
            self.desk.touch_case(case_id, self.desk.now())
        return hold

    def _record(self, case_id: CaseId, actor: str) -> Hold:
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        if self.store.get_hold(case_id) is not None:
            raise DeskError(f"Case {case['reference']} already has its hold: extend or release it instead.")
        facts = self.desk.fact_map(case_id)
        if facts["instrument"].value != PRESERVATION:
            raise DeskError(
                f"Case {case['reference']} is not a preservation request; correct its instrument first "
                "(facts CASE --set instrument=preservation_request --reason …)."
            )
        problem = self._refusal(case_id)
        if problem:
            raise DeskError(f"No hold recorded: {problem}.")
        targets = [(r["kind"], r["value"].strip()) for r in self.store.get_identifiers(case_id)]
        country = facts["country"].value
        rule = self.policy.rule(country)
        starts = self.desk.received(case_id, facts)
        authority = facts["issuing_authority"].value
        their_ref = facts["file_number"].value
        row = {
            "case_id": case_id,
            "identifiers": json.dumps([{"kind": k, "value": v} for k, v in targets]),
            "country": country,
            "statute": rule.statute,
            "starts": starts.isoformat(),
            "until": (starts + timedelta(days=rule.period_days)).isoformat(),
            "extensions": "[]",
            "requester": authority,
            "requester_reference": their_ref,
            "released_on": None,
            "release_reason": None,
            "created_by": actor,
            "created_at": self.desk.now(),
        }
        self.store.insert_hold(row)
        self.desk.record(
            "hold.recorded",
            case_id,
            {k: row[k] for k in ("statute", "starts", "until", "requester", "requester_reference")}
            | {"identifiers": [v for _, v in targets]},
            actor=actor,
        )
        return self._hold(row)

    def _refusal(self, case_id: CaseId) -> str | None:
        targets = self.store.get_identifiers(case_id)
        if not targets:
            return "the request names no account to preserve"
        problems = [p for r in targets if (p := identifier_problem(r["kind"], r["value"]))]
        return "; ".join(problems) or None

    def extend(self, case_id: CaseId, until: date, reason: str) -> Hold:
        """A renewed request: the hold runs to ``until``. Refused once it has ended."""
        actor = self.desk.actor()
        hold = self._existing(case_id)
        if not reason.strip():
            raise DeskError("Say which renewed request extends the hold (its letter, date and reference).")
        self._running(hold, "extended")
        if not hold.extensions_left:
            raise DeskError(
                f"A hold under {hold.statute} may be extended {_times(hold.max_extensions)}; "
                f"this one has been, to {hold.until}."
            )
        if until <= hold.until:
            raise DeskError(f"The hold already runs to {hold.until}: an extension ends after that day.")
        latest = hold.until + timedelta(days=hold.extension_days)
        if until > latest:
            raise DeskError(
                f"An extension under {hold.statute} runs at most {hold.extension_days} days, to {latest}."
            )
        stored = self.store.get_hold(case_id)
        assert stored is not None  # noqa: S101 - _existing found it
        extensions = [*_extensions(stored), {
            "until": until.isoformat(), "reason": reason.strip(), "by": actor, "on": self.today().isoformat()
        }]  # fmt: skip
        with self.store.atomic():
            self.store.update_hold(case_id, {"extensions": json.dumps(extensions)})
            self.desk.touch_case(case_id, self.desk.now())
            self.desk.record(
                "hold.extended",
                case_id,
                {"from": hold.until.isoformat(), "until": until.isoformat(), "reason": reason.strip()},
                actor=actor,
            )
        return self._existing(case_id)

    def release(self, case_id: CaseId, reason: str = "") -> Hold:
        """The requester no longer needs the data kept (or legal process will not follow)."""
        actor = self.desk.actor()
        hold = self._existing(case_id)
        self._running(hold, "released")
        why = reason.strip() or "released by the reviewer"
        on = self.today()
        with self.store.atomic():
            self.store.update_hold(case_id, {"released_on": on.isoformat(), "release_reason": why})
            self.desk.touch_case(case_id, self.desk.now())
            self.desk.record("hold.released", case_id, {"on": on.isoformat(), "reason": why}, actor=actor)
        return self._existing(case_id)

    def _existing(self, case_id: CaseId) -> Hold:
        hold = self.hold(case_id)
        if hold is None:
            case = self.store.get_case(case_id)
            raise DeskError(f"Case {case['reference'] if case else case_id} has no preservation hold.")
        return hold

    def _running(self, hold: Hold, change: str) -> None:
        today = self.today()
        state = hold.state(today)
        if state == "active":
            return
        ended = hold.ended_on(today)
        if state == "expired":
            raise DeskError(
                f"The hold expired: its last day was {ended}, so it cannot be {change} now. "
                "A renewed request after that is a new preservation request: take it in with intake."
            )
        how = {"released": "was released", "answered": "ended when", "withdrawn": "ended when"}[state]
        assert hold.ended is not None  # noqa: S101 - a state other than active/expired has its end
        said = f"{how} {hold.ended.reference} was {state}" if hold.ended.reference else how
        raise DeskError(f"The hold {said} on {ended}, so it cannot be {change}.")

    def on_intake(self, case_id: CaseId, actor: str) -> None:
        """Inside intake's transaction: a preservation request becomes a hold; a demand is linked.

        A request whose targets are not well formed is still taken in, without a hold:
        ``intake_notes`` says why, and ``record`` makes it once the targets are corrected.
        """
        if self._instrument(case_id) == PRESERVATION:
            if self._refusal(case_id) is None:
                self._record(case_id, actor)
            return
        for hold in self.holds_naming(case_id):
            self.desk.record(
                "hold.linked",
                case_id,
                {"hold_case_id": hold.case_id, "reference": hold.reference,
                 "identifiers": hold.link_json(case_id, self.today())["identifiers"]},
                actor=actor,
            )  # fmt: skip

    # -- rows to values ------------------------------------------------------------------

    def _instrument(self, case_id: CaseId) -> object:
        return self.desk.fact_map(case_id)["instrument"].value

    def _hold(self, row: Row) -> Hold:
        rule = self.policy.rule(row["country"])
        case = self.store.get_case(row["case_id"])
        extensions = tuple(
            HoldExtension(date.fromisoformat(e["until"]), e["reason"], e["by"], date.fromisoformat(e["on"]))
            for e in _extensions(row)
        )
        identifiers = tuple((i["kind"], i["value"]) for i in _identifiers(row))
        hold = Hold(
            case_id=row["case_id"],
            reference=case["reference"] if case else row["case_id"],
            identifiers=identifiers,
            country=row["country"],
            statute=row["statute"],
            starts=date.fromisoformat(row["starts"]),
            first_until=date.fromisoformat(row["until"]),
            extensions=extensions,
            max_extensions=rule.max_extensions,
            extension_days=rule.extension_days,
            requester=row["requester"],
            requester_reference=row["requester_reference"],
            created_by=row["created_by"],
        )
        released = (
            HoldEnd(date.fromisoformat(row["released_on"]), "released", row["release_reason"] or "")
            if row["released_on"]
            else None
        )
        last_day = min(hold.until, released.on) if released else hold.until
        linked = self._linked(hold, last_day)
        ends = [released] if released else []
        ends += [
            HoldEnd(d.answered_on, d.outcome == "withdrawn" and "withdrawn" or "answered",
                    f"{d.reference} was {'withdrawn' if d.outcome == 'withdrawn' else 'answered'}",
                    d.case_id, d.reference)
            for d in linked
            if d.answered_on is not None and d.answered_on <= last_day
        ]  # fmt: skip
        end = min(ends, key=lambda e: e.on) if ends else None
        return Hold(**{**hold.__dict__, "linked": linked, "ended": end})

    def _linked(self, hold: Hold, last_day: date) -> tuple[LinkedDemand, ...]:
        held = {value.casefold(): value for _, value in hold.identifiers}
        named: dict[str, list[str]] = {}
        for row in self.store.cases_with_identifiers(list(held)):
            if row["case_id"] != hold.case_id:
                named.setdefault(row["case_id"], []).append(held[row["normalized"]])
        linked = []
        for other_id, values in named.items():
            other = self.store.get_case(other_id)
            if other is None or self._instrument(CaseId(other_id)) == PRESERVATION:
                continue
            received = self.desk.received(CaseId(other_id))
            if not hold.starts <= received <= last_day:
                continue  # served before the hold, or after it ended: not the process it waited for
            outcome, answered = _answered(self.store.get_decisions(other_id))
            linked.append(
                LinkedDemand(other_id, other["reference"], received, tuple(sorted(values)), outcome, answered)
            )
        return tuple(sorted(linked, key=lambda d: (d.received, d.reference)))


def _answered(decisions: list[Row]) -> tuple[str | None, date | None]:
    """The demand's outcome and the day it was answered: decided (and approved, if it discloses)."""
    if not decisions:
        return None, None
    latest = decisions[-1]
    if latest["outcome"] in DISCLOSING:
        if not latest["approved_by"]:
            return latest["outcome"], None
        return latest["outcome"], date.fromisoformat(latest["approved_at"][:10])
    return latest["outcome"], date.fromisoformat(latest["decided_at"][:10])


def _identifiers(row: Row) -> list[dict[str, str]]:
    return list(json.loads(row["identifiers"] or "[]"))


def _extensions(row: Row) -> list[dict[str, str]]:
    return list(json.loads(row["extensions"] or "[]"))


def _times(n: int) -> str:
    return {0: "no times", 1: "once", 2: "twice"}.get(n, f"{n} times")
