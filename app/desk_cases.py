"""Cases on the desk: finding and reading them, their facts as the Facts JSON, a reviewer's
correction of a fact, and the due dates a response period counts from those facts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from app import fact_editors
from app.context import Context, DeskError, iso
from app.display_language import ENGLISH
from app.model import (
    CASE_FACTS,
    EDITABLE_FACTS,
    REVIEW_FACTS,
    SCALAR_FACTS,
    CaseId,
    CaseStatus,
    CaseSummary,
    FactValue,
    PageSource,
    PageText,
    Word,
)
from app.schedule import calendars
from app.schedule.deadlines import DeadlineRule, base_due_date, rule_for
from app.settings import text
from db.disclosures import DISCLOSURE_KIND
from db.store import Row, dumps

if TYPE_CHECKING:
    from app.holds.service import Holds
    from app.services import Desk

# The flag on a day of service nobody gave (intake stores it; older cases read it).
# The holiday calendars' fingerprint when period deadlines were last counted.
_CALENDARS_COUNTED = text("calendars_counted", __name__)
ASSUMED_RECEIVED = "assumed served the day it was taken in; correct it if it was served earlier"


class CasesMixin(Context):
    """The cases on this workstation and the facts each holds."""

    def _holds(self) -> Holds:
        """The preservation holds over this desk, for the steps of a case that touch them."""
        from app.holds.service import Holds  # app.holds builds on app.services

        # Only ``Desk`` is ever built from this class; the holds service takes the whole desk.
        return Holds(cast("Desk", self))

    def touch_case(self, case_id: CaseId, now: str, fields: Mapping[str, object] | None = None) -> None:
        """A reviewer worked on the case: stamp it, store ``fields``, and take a new case into review."""
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        changes: dict[str, object] = {**(fields or {}), "updated_at": now}
        if case["status"] == CaseStatus.NEW.value:
            changes["status"] = CaseStatus.IN_REVIEW.value
        self.store.update_case(case_id, changes)

    def _served_on(self, received: date | None) -> date:
        """The day of service: as given, or today; never a day that has not come yet."""
        today = self.clock().date()
        if received is None:
            return today
        if received > today:
            raise DeskError(f"The demand cannot have been received on {received}, after today ({today}).")
        return received

    def received(self, case_id: CaseId, values: dict[str, FactValue] | None = None) -> date:
        """The day the demand was served; a case taken in before it was recorded counts from intake."""
        values = values if values is not None else self.fact_map(case_id)
        if _as_date(values["received"].value) is None:
            case = self.store.get_case(case_id)
            if case is None:
                raise DeskError(f"No case {case_id}.")
            return _served(values, case["received_at"])
        return _served(values, "")

    # -- reading cases -------------------------------------------------------------------

    def resolve_case(self, ref: str) -> CaseId:
        if not ref.strip():
            raise DeskError("Name a case: its id (or the start of it) or its reference.")
        found = self.store.find_case_ids(ref.strip())
        if not found:
            raise DeskError(f"No case matches {ref!r}.")
        if len(found) > 1:
            raise DeskError(f"{ref!r} matches {len(found)} cases; give more of the id.")
        return CaseId(found[0])

    def cases(self) -> list[CaseSummary]:
        return [
            CaseSummary(
                case_id=CaseId(r["id"]),
                reference=r["reference"],
                received_at=r["received_at"],
                response_due=r["response_due"],
                country=r["country"],
                instrument=r["instrument"],
                status=CaseStatus(r["status"]),
                title=r["title"],
            )
            for r in self.store.list_cases()
        ]

    def search(self, text: str) -> list[CaseId]:
        """Cases whose text contains every word typed (prefix match on the last)."""
        terms = re.findall(r"\w+", text)
        if not terms:
            return []
        query = " ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*'
        return [CaseId(c) for c in self.store.search_cases(query.strip())]

    def document(self, case_id: CaseId) -> bytes:
        row = self.store.get_document(case_id)
        if row is None:
            raise DeskError("This case has no document.")
        return bytes(row["pdf"])

    def pages(self, case_id: CaseId) -> list[PageText]:
        return [
            PageText(
                page_no=r["page_no"],
                width=r["width"],
                height=r["height"],
                source=PageSource(r["source"]),
                text=r["text"],
                words=[_word(w) for w in json.loads(r["words"])],
            )
            for r in self.store.get_pages(case_id)
        ]

    def fact_values(self, case_id: CaseId) -> list[FactValue]:
        """The scalar facts in display order, unknown ones included as None."""
        stored = {r["key"]: r for r in self.store.get_facts(case_id)}

        def received_at() -> str | None:
            case = self.store.get_case(case_id)
            return case["received_at"] if case else None

        return _fact_values(stored, FACT_KEYS, received_at)

    def fact_maps(
        self, cases: Sequence[CaseSummary], keys: Sequence[str]
    ) -> dict[CaseId, dict[str, FactValue]]:
        """``fact_map`` of each of ``cases``, with only ``keys``: one query for them all (Today)."""
        stored: dict[str, dict[str, Row]] = {}
        for row in self.store.facts_of_all_cases(keys):
            stored.setdefault(row["case_id"], {})[row["key"]] = row
        wanted = [k for k in FACT_KEYS if k in keys]
        return {
            c.case_id: {
                f.key: f for f in _fact_values(stored.get(c.case_id, {}), wanted, _given(c.received_at))
            }
            for c in cases
        }

    def facts(self, case_id: CaseId) -> dict[str, Any]:
        """The Facts JSON of DESIGN.md: every key present, unknown values null."""
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        doc = self.store.get_document(case_id)
        pages = self.store.get_pages(case_id)
        scalar = {f.key: f.value for f in self.fact_values(case_id)}
        secrecy = self.store.get_secrecy_order(case_id)
        return {
            "case_id": case_id,
            "reference": case["reference"],
            "pages": doc["pages"] if doc else 0,
            "ocr_used": any(p["source"] == PageSource.OCR.value for p in pages),
            "instrument": scalar["instrument"],
            "issuing_authority": scalar["issuing_authority"],
            "country": scalar["country"],
            "date_issued": scalar["date_issued"],
            "signed": scalar["signed"],
            "addressee": scalar["addressee"],
            "file_number": scalar["file_number"],
            "identifiers": [
                {
                    "kind": r["kind"],
                    "value": r["value"],
                    "redacted": bool(r["redacted"]),
                    "page": r["page"],
                    "box": json.loads(r["box"]) if r["box"] else None,
                }
                for r in self.store.get_identifiers(case_id)
            ],
            "data_requested": [
                {
                    "category": r["category"],
                    "content": bool(r["content"]),
                    "text": r["text"],
                    "page": r["page"],
                    "box": json.loads(r["box"]) if r["box"] else None,
                }
                for r in self.store.get_data_requested(case_id)
            ],
            "requester_contacts": [
                {
                    "kind": r["kind"],
                    "value": r["value"],
                    "page": r["page"],
                    "box": json.loads(r["box"]) if r["box"] else None,
                }
                for r in self.store.get_identifiers(case_id, role="requester")
            ],
            "date_range": {"from": scalar["date_range_from"], "to": scalar["date_range_to"]},
            "response_due": scalar["response_due"],
            "response_period": scalar["response_period"],
            "received": scalar["received"] or case["received_at"][:10],
            "emergency": scalar["emergency"],
            "letterhead": scalar["letterhead"],
            "emergency_summary": scalar["emergency_summary"],
            "emergency_how_data_helps": scalar["emergency_how_data_helps"],
            "secrecy_order": {
                "present": bool(secrecy["present"]) if secrecy else None,
                "duration_days": secrecy["duration_days"] if secrecy else None,
                "expires": secrecy["expires"] if secrecy else None,
                "text": secrecy["text"] if secrecy else None,
                "page": secrecy["page"] if secrecy else None,
                "box": json.loads(secrecy["box"]) if secrecy and secrecy["box"] else None,
                "open_ended": bool(secrecy["open_ended"]) if secrecy else None,
                "statute": secrecy["statute"] if secrecy else None,
            },
        } | self._holds().facts_json(case_id)

    # -- correcting facts ----------------------------------------------------------------

    def correct_fact(self, case_id: CaseId, key: str, value: object, reason: str = "") -> FactValue:
        """A reviewer's correction: the new value wins, the first reading is kept beside it."""
        actor = self._actor()
        value = _coerce_fact(key, value)
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        if key == "instrument" and case["instrument"] == DISCLOSURE_KIND:
            raise DeskError(
                "This case is a disclosure made without legal process, not a demand: it has no instrument."
            )
        if key == "received":
            if value is None:
                raise DeskError("A case keeps the day it was received; give the right one (YYYY-MM-DD).")
            self._served_on(date.fromisoformat(str(value)))
        current = self.fact_map(case_id)[key]
        if current.value == value:
            return current
        original = current.original if current.source == "reviewer" else current.value
        now = iso(self.clock())
        with self.store.atomic():
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": key,
                    "value": dumps(value),
                    "page": current.page,
                    "box": dumps(list(current.box)) if current.box else None,
                    "confidence": None,
                    "source": "reviewer",
                    "flag": None,
                    "original_value": dumps(original) if original is not None else None,
                    "updated_by": actor,
                    "updated_at": now,
                }
            )
            # The queue shows these columns; keep them in step with the facts.
            mirrored = ("instrument", "country", "response_due")
            self.touch_case(case_id, now, {key: value} if key in mirrored else None)
            self._record(
                "fact.corrected",
                case_id,
                {"key": key, "from": current.value, "to": value, "reason": reason},
                actor=actor,
            )
            if key in ("date_issued", "country", "received"):
                # A period runs from issue or receipt and counts that country's holidays.
                self._recount_due(case_id, f"{key} corrected", actor)
        return self.fact_map(case_id)[key]

    # -- deadlines counted by a period ---------------------------------------------------

    def refresh_due_dates(self) -> list[CaseId]:
        """Count period deadlines again if any holiday calendar changed since they were counted.

        A deadline the demand gives as "within 10 business days" depends on the holidays of
        its country; when ``resources/calendars`` is updated those dates move, and the
        queue, today view and calendar export must move with them. Returns the cases whose
        due date changed (each with a ``deadline.recounted`` audit event).
        """
        current = calendars.fingerprint()
        if _CALENDARS_COUNTED.get(self.store) == current:
            return []
        actor = self.reviewer.name if self.reviewer else "demand-desk"
        changed = []
        with self.store.atomic():
            for case_id in self.store.cases_with_fact("response_period"):
                if self._recount_due(CaseId(case_id), "holiday calendar updated", actor):
                    changed.append(CaseId(case_id))
            _CALENDARS_COUNTED.put(self.store, current)
        return changed

    def fact_map(self, case_id: CaseId) -> dict[str, FactValue]:
        """``fact_values`` by key."""
        return {f.key: f for f in self.fact_values(case_id)}

    def period_rule(
        self, case_id: CaseId, values: dict[str, FactValue] | None = None, received_at: str | None = None
    ) -> DeadlineRule | None:
        """The rule the demand's response period stands for; None when it gave none that can be
        counted, or a reviewer set the due date (which then stands). ``values``: ``fact_map``;
        ``received_at``: the case's time of intake, when the caller has read the case already."""
        values = values if values is not None else self.fact_map(case_id)
        if received_at is None:
            case = self.store.get_case(case_id)
            if case is None:
                return None
            received_at = case["received_at"]
        if values["response_due"].source == "reviewer":
            return None
        return rule_for(
            values["response_period"].value,
            issued=_as_date(values["date_issued"].value),
            received=_served(values, received_at),
            country=values["country"].value,
        )

    def _recount_due(self, case_id: CaseId, why: str, actor: str) -> bool:
        """Count a period deadline from the current facts; a reviewer's own due date stands."""
        values = self.fact_map(case_id)
        due = values["response_due"]
        rule = self.period_rule(case_id, values)
        if rule is None:
            return False
        new = base_due_date(rule).isoformat()
        if new == due.value:
            return False
        now = iso(self.clock())
        with self.store.atomic():
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": "response_due",
                    "value": dumps(new),
                    "page": due.page,
                    "box": dumps(list(due.box)) if due.box else None,
                    "confidence": due.confidence,
                    "source": "auto",
                    # Counted from the day of service the reviewer gave: nothing left to check.
                    "flag": None if why == "received corrected" else due.flag,
                    "original_value": None,
                    "updated_by": None,
                    "updated_at": now,
                }
            )
            self.store.update_case(case_id, {"response_due": new, "updated_at": now})
            self._record(
                "deadline.recounted",
                case_id,
                {
                    "from": due.value,
                    "to": new,
                    "period": values["response_period"].value,
                    "why": why,
                    "calendar": calendars.calendar_version(rule.country),
                },
                actor=actor,
            )
        return True


def _word(stored: list[Any]) -> Word:
    # Older rows hold [text, x0, y0, x1, y1]; newer ones add confidence and line.
    confidence = float(stored[5]) if len(stored) > 5 else 100.0
    line = int(stored[6]) if len(stored) > 6 else 0
    return Word(stored[0], (stored[1], stored[2], stored[3], stored[4]), confidence, line)


def _as_date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _coerce_fact(key: str, value: object) -> bool | str | None:
    """Turn what a reviewer typed into the stored type, or refuse with a clear reason."""
    if key not in EDITABLE_FACTS:
        raise DeskError(f"{key!r} is not a fact that can be edited.")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = EDITABLE_FACTS[key]
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"yes", "true", "1", "y"}:
            return True
        if text in {"no", "false", "0", "n"}:
            return False
        raise DeskError(f"{key} is yes or no.")
    text = str(value).strip()
    if key in {"date_issued", "response_due", "date_range_from", "date_range_to", "received"}:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise DeskError(f"{key} must be a date written YYYY-MM-DD.") from None
    if key in ("instrument", "country"):
        chosen = fact_editors.parse_choice(key, text)
        if chosen is not None:
            return chosen
        if key == "instrument":
            words = ", ".join(f"{label} ({code})" for code, label in fact_editors.instrument_choices(ENGLISH))
            raise DeskError(f"Unknown instrument {text!r}; one of: {words}.")
        raise DeskError(f"Unknown country {text!r}: give its name (Germany) or ISO code (DE).")
    return text


# The facts ``fact_values`` gives, in display order.
FACT_KEYS = (*SCALAR_FACTS, "date_range_from", "date_range_to", *REVIEW_FACTS, *CASE_FACTS)
# A fact not read, shared: Today asks a few facts of every case, most of them unknown.
_UNKNOWN = {key: FactValue(key, None, "auto") for key in FACT_KEYS}


def _fact_values(
    stored: Mapping[str, Row], keys: Sequence[str], received_at: Callable[[], str | None]
) -> list[FactValue]:
    """``keys`` from the stored fact rows by key; ``received_at``: the case's time of intake
    (None: no such case), asked only when the day of service was not recorded."""
    values = []
    for key in keys:
        row = stored.get(key)
        if row is None and key == "received":
            # A case taken in before the day of service was recorded: the day it was taken in.
            at = received_at()
            taken_in = at[:10] if at is not None else None
            values.append(FactValue(key, taken_in, "auto", flag=ASSUMED_RECEIVED if at is not None else None))
            continue
        if row is None:
            values.append(_UNKNOWN.get(key) or FactValue(key, None, "auto"))
            continue
        values.append(
            FactValue(
                key=key,
                value=json.loads(row["value"]) if row["value"] is not None else None,
                source=row["source"],
                page=row["page"],
                box=tuple(json.loads(row["box"])) if row["box"] else None,
                confidence=row["confidence"],
                flag=row.get("flag"),
                original=json.loads(row["original_value"]) if row["original_value"] else None,
                updated_by=row["updated_by"],
            )
        )
    return values


def _given(value: str | None) -> Callable[[], str | None]:
    return lambda: value


def _served(values: Mapping[str, FactValue], received_at: str) -> date:
    """The day the demand was served; a case taken in before it was recorded counts from
    intake (``received_at``, the case's time of intake)."""
    served = _as_date(values["received"].value)
    return served if served is not None else date.fromisoformat(received_at[:10])
