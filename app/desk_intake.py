"""Storing a demand that was read as a new case: the case, its document and pages, the facts
read from it, the day it was served, and the deadlines counted on intake — all in one
transaction with its audit event. (Reading the PDF is ``app.services.read_demand``.)"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from app.context import iso
from app.desk_cases import ASSUMED_RECEIVED, CasesMixin
from app.intake import pipeline
from app.intake.facts import ExtractedFacts, Reading
from app.intake.pipeline import ReadDemand
from app.model import CaseId, CaseStatus, PageText
from app.schedule.deadlines import base_due_date, emergency_due_at, emergency_start, rule_for
from db.store import dumps

# The review's validity.readable says the same in its own words (poor_reading): the
# case goes to senior review until someone enters the facts from the served original.
NOTHING_READ = (
    "nothing could be read from the document (no text layer, and OCR found no text): "
    "read the served original and enter its facts"
)


class IntakeMixin(CasesMixin):
    """A demand read off the window's thread, stored as a new case on it."""

    def store_intake(
        self, untrusted_pdf: bytes, filename: str, read: ReadDemand, *, received: date | None = None
    ) -> CaseId:
        """The second half of intake, for callers that ran ``read_demand`` off their own thread."""
        actor = self._actor()
        now = self.clock()
        served = self._served_on(received)
        case_id = CaseId(secrets.token_hex(8))
        name = Path(filename).name or "demand.pdf"
        digest = hashlib.sha256(untrusted_pdf).hexdigest()
        _count_due(read.facts, now, served, received)
        at = iso(now)
        with self.store.atomic():
            reference = self._next_reference(now)
            self._insert_case(case_id, reference, name, read.facts, actor, at)
            doc_id = self.store.insert_document(
                {
                    "case_id": case_id,
                    "filename": name,
                    "sha256": digest,
                    "size": len(untrusted_pdf),
                    "pages": len(read.pages),
                    "pdf": untrusted_pdf,
                    "added_at": at,
                }
            )
            self.store.insert_pages(doc_id, [_page_row(p) for p in read.pages])
            self._store_facts(case_id, read.facts, at)
            self._store_received(case_id, served, actor if received is not None else None, at)
            if read.nothing_read:
                self._flag_nothing_read(case_id, at)
            self.store.index_case_text(
                case_id, reference, Path(name).stem + " " + " ".join(p.text for p in read.pages)
            )
            self._record(
                "case.intake",
                case_id,
                {
                    "reference": reference,
                    "filename": name,
                    "sha256": digest,
                    "pages": len(read.pages),
                    "ocr_used": read.ocr_used,
                    "received": served.isoformat(),
                    "received_given": received is not None,
                },
                actor=actor,
            )
            self._holds().on_intake(case_id, actor)  # a preservation request's hold, a demand's link
        return case_id

    def _insert_case(
        self, case_id: CaseId, reference: str, name: str, facts: ExtractedFacts, actor: str, at: str
    ) -> None:
        """The case row, with the facts the queue shows as its columns."""
        scalar = {key: reading.value for key, reading in facts.scalars.items()}
        self.store.insert_case(
            {
                "id": case_id,
                "reference": reference,
                "title": Path(name).stem[:120],
                "received_at": at,
                "response_due": scalar.get("response_due"),
                "country": scalar.get("country"),
                "instrument": scalar.get("instrument"),
                "status": CaseStatus.NEW.value,
                "created_by": actor,
                "updated_at": at,
                "version_id": uuid.uuid4().hex,
                "parent_version_id": None,
            }
        )

    def _store_received(self, case_id: CaseId, served: date, given_by: str | None, at: str) -> None:
        """The day of service: given by the reviewer who took it in (``given_by``); otherwise
        assumed, and flagged to check."""
        self.store.upsert_fact(
            {
                "case_id": case_id,
                "key": "received",
                "value": dumps(served.isoformat()),
                "page": None,
                "box": None,
                "confidence": None,
                "source": "reviewer" if given_by is not None else "auto",
                "original_value": None,
                "flag": None if given_by is not None else ASSUMED_RECEIVED,
                "updated_by": given_by,
                "updated_at": at,
            }
        )

    def _flag_nothing_read(self, case_id: CaseId, at: str) -> None:
        # Flagged where the reviewer looks first: the instrument row of the Facts tab.
        self.store.upsert_fact(
            {
                "case_id": case_id,
                "key": "instrument",
                "value": None,
                "page": None,
                "box": None,
                "confidence": None,
                "source": "auto",
                "original_value": None,
                "flag": NOTHING_READ,
                "updated_by": None,
                "updated_at": at,
            }
        )

    def intake_warnings(self, case_id: CaseId) -> list[str]:
        """What the reviewer must know about how the demand was read (the intake's warnings)."""
        if any(pipeline.has_text(p) for p in self.pages(case_id)):
            return self._holds().intake_notes(case_id)
        return [
            "Nothing could be read from the document (no text layer, and OCR found no text): "
            "the review recommends escalating it until its facts are entered from the served original."
        ]

    def _store_facts(self, case_id: CaseId, facts: ExtractedFacts, now: str) -> None:
        for key, reading in facts.scalars.items():
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": key,
                    "value": dumps(reading.value) if reading.value is not None else None,
                    "page": reading.page,
                    "box": dumps(list(reading.box)) if reading.box else None,
                    "confidence": reading.confidence,
                    "source": "auto",
                    "original_value": None,
                    "flag": reading.flagged,
                    "updated_by": None,
                    "updated_at": now,
                }
            )
        self.store.insert_identifiers(
            [
                {
                    "case_id": case_id,
                    "kind": i.kind,
                    "value": i.value,
                    "normalized": i.value.casefold() if i.value else None,
                    "redacted": int(i.redacted),
                    "page": i.page,
                    "box": dumps(list(i.box)) if i.box else None,
                    "source": "auto",
                    "role": role,
                }
                for role, found in (("target", facts.identifiers), ("requester", facts.requester_contacts))
                for i in found
            ]
        )
        self.store.insert_data_requested(
            [
                {
                    "case_id": case_id,
                    "category": d.category,
                    "content": int(d.content),
                    "text": d.text,
                    "page": d.page,
                    "box": dumps(list(d.box)) if d.box else None,
                }
                for d in facts.data_requested
            ]
        )
        secrecy = facts.secrecy_order
        if secrecy is not None:
            self.store.set_secrecy_order(
                {
                    "case_id": case_id,
                    "present": int(secrecy.present),
                    "statute": secrecy.statute,
                    "duration_days": secrecy.duration_days,
                    "issued": facts.scalars["date_issued"].value if "date_issued" in facts.scalars else None,
                    "expires": secrecy.expires,
                    "open_ended": int(secrecy.open_ended),
                    "text": secrecy.text,
                    "page": secrecy.page,
                    "box": dumps(list(secrecy.box)) if secrecy.box else None,
                }
            )

    def next_reference(self, now: datetime) -> str:
        """The next case reference (WS-2026-0001); call inside the transaction that inserts the case."""
        return self._next_reference(now)

    def _next_reference(self, now: datetime) -> str:
        code = re.sub(r"[^A-Z0-9]", "", self.workstation.upper())[:6] or "WS"
        prefix = f"{code}-{now.year}-"
        return f"{prefix}{self.store.references_with_prefix(prefix) + 1:04d}"


def _count_due(facts: ExtractedFacts, now: datetime, served: date, received: date | None) -> None:
    """Set the response due date intake can count: an emergency's hours, or a period from receipt."""
    given = received is not None
    due = _emergency_due(facts, now, received) or _counted_from_receipt(facts, served, given=given)
    if due is not None:
        facts.scalars["response_due"] = due


def _page_row(page: PageText) -> dict[str, object]:
    return {
        "page_no": page.page_no,
        "width": page.width,
        "height": page.height,
        "source": page.source.value,
        "text": page.text,
        "words": dumps([[w.text, *w.box, w.confidence, w.line] for w in page.words]),
    }


def _counted_from_receipt(facts: ExtractedFacts, received: date, *, given: bool) -> Reading | None:
    """A deadline that runs from receipt, counted from the day the demand was served.

    The demand cannot say when it reached the provider. Unless the reviewer gave the day
    of service, the day it is taken in is the best known start, and the flag asks the
    reviewer to correct it when it was served earlier.
    """
    due, period = facts.scalars.get("response_due"), facts.scalars.get("response_period")
    if due is None or due.value is not None or period is None:
        return None
    country = facts.scalars.get("country")
    rule = rule_for(period.value, issued=None, received=received, country=country.value if country else None)
    if rule is None or rule.count_from != "received":
        return None
    if given:  # the extractor's "if received on the date issued" estimate is moot
        return replace(due, value=base_due_date(rule).isoformat(), flagged=None)
    return replace(
        due,
        value=base_due_date(rule).isoformat(),
        flagged=f"{period.value}, counted from the day it was taken in ({received.isoformat()}); "
        "correct it if the demand was served earlier",
    )


def _emergency_due(facts: ExtractedFacts, now: datetime, served: date | None) -> Reading | None:
    """An emergency request is due hours after it was received (the pack says how many):
    when it was taken in, or from the start of an earlier day of service the reviewer gave.

    The date is the local day of that moment (the Facts JSON keeps a date); the Today view
    and the queue show the hour, from ``Schedule.emergencies``. A date the demand states
    stands when it is earlier.
    """
    from app.review.evaluators import is_emergency
    from app.review.policy import load_pack

    if not is_emergency({key: reading.value for key, reading in facts.scalars.items()}):
        return None
    hours = load_pack().emergency_response_hours
    start = emergency_start(now, served)
    at = emergency_due_at(start, hours).astimezone()
    stated = facts.scalars.get("response_due")
    if stated is not None and isinstance(stated.value, str) and stated.value <= at.date().isoformat():
        return None
    return Reading(
        value=at.date().isoformat(),
        flagged=f"emergency request: due {hours} hours after it was "
        + ("taken in" if start == now else f"served (from the start of {served}; the hour is not known)")
        + f", at {at:%H:%M}",
    )
