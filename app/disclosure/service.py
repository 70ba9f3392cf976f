"""Recording a disclosure made without legal process, and its second reviewer's approval.

``Disclosures(desk)`` is what the window and the command line call. A disclosure is a case
of its own kind (``cases.instrument`` is ``DISCLOSURE_INSTRUMENT``; no demand behind it):
the ground from the pack (``app.disclosure.grounds``), what left (identifiers,
categories), to whom, on which day, the justification in words, and who approved it.

Four eyes, as for a decision that discloses (``app.review.approval`` holds the rule): a
second reviewer approves. Only a ground the pack marks ``after_the_fact`` (a genuine
emergency) may go out before that approval; such a disclosure is approved afterwards and
stays flagged, in the case and in the report. Notice to the user follows the usual rules
(``app.schedule``), except where the ground carries one of the policy's exceptions, which
is recorded as such when the disclosure is.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.corrections import IDENTIFIER_KINDS, reviewer_target
from app.disclosure.grounds import Ground, Grounds, shipped_grounds
from app.jsontypes import JsonObject
from app.model import CaseId, CaseStatus
from app.review import approval
from app.review.model import CATEGORIES
from app.review.said import Said
from app.schedule.notices import EXCEPTION_LABELS, exception_word
from app.services import Desk, DeskError, WrongPinError
from db import disclosures as rows

# The queue's and the report's mark of a disclosure case; not an ``Instrument`` (no demand
# was served), so no fact correction or intake can give a demand this kind.
DISCLOSURE_INSTRUMENT = rows.DISCLOSURE_KIND
MAX_TEXT = 4000  # a justification or a recipient is words, not a document


class DisclosureRefused(DeskError):
    """The disclosure cannot be recorded or approved as asked; nothing was changed."""


@dataclass(frozen=True)
class Disclosure:
    case_id: CaseId
    reference: str
    ground: str
    ground_label: str
    recipient: str
    recipient_country: str | None
    disclosed_on: str
    justification: str
    identifiers: list[dict[str, str]]
    categories: list[str]
    emergency: bool
    made_before_approval: bool
    recorded_by: str
    recorded_at: str
    approved_by: str | None
    approved_at: str | None
    notice: str  # how notice to the user stands: withheld by an exception, or the usual rules
    document: str | None  # the supporting document's file name, if one was attached

    # What app.review.approval reads of a decision: who made it, when, who approved it.
    @property
    def decided_by(self) -> str:
        return self.recorded_by

    @property
    def decided_at(self) -> str:
        return self.recorded_at

    @property
    def awaiting_approval(self) -> bool:
        return self.approved_by is None

    @property
    def flags(self) -> list[str]:
        """What a reader of the case must not miss."""
        found: list[str] = []
        if self.made_before_approval:
            approved = (
                Said("disclosure.approved_afterwards", by=self.approved_by, on=self.approved_at[:10])
                if self.approved_by and self.approved_at
                else Said("disclosure.not_yet_approved")
            )
            found.append(Said("disclosure.made_early", approved=approved))
        elif self.approved_by is None:
            found.append(Said("disclosure.awaiting_approval"))
        return found

    def to_json(self) -> JsonObject:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "kind": DISCLOSURE_INSTRUMENT,
            "ground": self.ground,
            "ground_label": self.ground_label,
            "emergency": self.emergency,
            "recipient": self.recipient,
            "recipient_country": self.recipient_country,
            "disclosed_on": self.disclosed_on,
            "identifiers": [dict(i) for i in self.identifiers],
            "categories": list(self.categories),
            "justification": self.justification,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
            "approved_by": self.approved_by,
            "approved_at": self.approved_at,
            "awaiting_approval": self.awaiting_approval,
            "made_before_approval": self.made_before_approval,
            "notice": self.notice,
            "document": self.document,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class _Checked:
    """A disclosure as ``Disclosures.record`` checked it, before anything is written."""

    ground: Ground
    recipient: str
    targets: list[tuple[str, str]]
    kinds: list[str]
    why: str
    day: date
    today: date
    where: str | None
    made_before_approval: bool
    pdf: tuple[str, bytes, int] | None


class Disclosures:
    def __init__(self, desk: Desk, grounds: Grounds | None = None) -> None:
        self.desk = desk
        self.store = desk.store
        self.grounds = grounds or shipped_grounds()

    # -- recording -----------------------------------------------------------------------

    def record(
        self,
        ground: str | None,
        recipient: str,
        *,
        identifiers: Sequence[str] = (),
        categories: Sequence[str] = (),
        justification: str = "",
        disclosed_on: date | None = None,
        country: str | None = None,
        made_before_approval: bool = False,
        document: tuple[str, bytes] | None = None,
    ) -> CaseId:
        """Store the disclosure as a new case awaiting a second reviewer's approval.

        Everything is checked before anything is written: a ground the pack does not list,
        an unknown category, a malformed identifier, a day not yet come, a missing
        justification or an early disclosure on a ground that must wait all refuse, and
        nothing changes. ``document`` is (file name, bytes) of a supporting PDF, stored
        encrypted in the case like a demand.
        """
        actor = self.desk.actor()
        checked = self._check(
            ground,
            recipient,
            identifiers,
            categories,
            justification,
            disclosed_on,
            country,
            made_before_approval,
            document,
        )
        return self._write(checked, actor)

    def _check(
        self,
        ground: str | None,
        recipient: str,
        identifiers: Sequence[str],
        categories: Sequence[str],
        justification: str,
        disclosed_on: date | None,
        country: str | None,
        made_before_approval: bool,
        document: tuple[str, bytes] | None,
    ) -> _Checked:
        """Every check of ``record``, before anything is written."""
        chosen = self._ground(ground)
        recipient = _words(recipient, "Say to whom the data was disclosed (--to AUTHORITY).")
        targets = [_identifier(i) for i in identifiers]
        if len({v.casefold() for _, v in targets}) != len(targets):
            raise DisclosureRefused("An identifier is listed twice.")
        kinds = list(dict.fromkeys(_category(c) for c in categories))
        why = " ".join((justification or "").split())
        if len(why) > MAX_TEXT:
            raise DisclosureRefused(f"The justification is longer than {MAX_TEXT} characters.")
        if not why and not chosen.mandatory:
            raise DisclosureRefused(
                f"Say why the data had to leave without legal process ({chosen.label.lower()}): "
                "the justification is kept with the case."
            )
        today = self.desk.clock().date()
        day = disclosed_on or today
        if day > today:
            raise DisclosureRefused(f"A disclosure is recorded on or after the day it is made, not {day}.")
        if made_before_approval and not chosen.after_the_fact:
            raise DisclosureRefused(
                f"{chosen.label} is not an emergency: it waits for a second reviewer's approval "
                "before anything is disclosed. Record it without --made-before-approval."
            )
        where = (country or chosen.recipient_country or "").strip().upper() or None
        if where is not None and (len(where) != 2 or not where.isalpha()):
            raise DisclosureRefused(f"A country is a two-letter ISO code (US, IE, DE), not {country!r}.")
        if chosen.countries and where not in chosen.countries:
            raise DisclosureRefused(
                f"{chosen.label} applies in {', '.join(chosen.countries)} only, "
                f"not {where or 'an unnamed country'}."
            )
        pdf = self._document(document)
        return _Checked(chosen, recipient, targets, kinds, why, day, today, where, made_before_approval, pdf)

    def _write(self, checked: _Checked, actor: str) -> CaseId:
        """The checked disclosure as a new case, its record and audit event, in one transaction."""
        chosen, recipient, targets, kinds, why = (
            checked.ground, checked.recipient, checked.targets, checked.kinds, checked.why
        )  # fmt: skip
        day, today, where, pdf = checked.day, checked.today, checked.where, checked.pdf
        made_before_approval = checked.made_before_approval
        now = self.desk.clock()
        stamp = self.desk.now()
        case_id = CaseId(secrets.token_hex(8))
        # The report counts a case in the period it arrived: a disclosure, on the day it was made.
        received_at = stamp if day == today else f"{day.isoformat()}T00:00:00+00:00"
        with self.store.atomic():
            reference = self.desk.next_reference(now)
            self._insert(case_id, reference, checked, actor, stamp, received_at)
            self.store.insert_identifiers([reviewer_target(case_id, kind, value) for kind, value in targets])
            if pdf is not None:
                self._store_document(case_id, pdf, stamp)
            self.store.index_case_text(case_id, reference, f"{chosen.label} {recipient} {why}")
            self.desk.record(
                "disclosure.recorded",
                case_id,
                {
                    "reference": reference,
                    "ground": chosen.key,
                    "recipient": recipient,
                    "country": where,
                    "disclosed_on": day.isoformat(),
                    "identifiers": [v for _, v in targets],
                    "categories": kinds,
                    "justification": why,
                    "made_before_approval": made_before_approval,
                    "document": pdf[0] if pdf else None,
                    "pack_version": self.grounds.version,
                },
                actor=actor,
            )
            if chosen.notice_exception:
                self._withhold_notice(case_id, chosen, actor, stamp)
        return case_id

    def _insert(
        self, case_id: CaseId, reference: str, checked: _Checked, actor: str, stamp: str, received_at: str
    ) -> None:
        """The case row of the disclosure and its own record."""
        chosen, recipient, where, why = checked.ground, checked.recipient, checked.where, checked.why
        day, kinds, made_before_approval = checked.day, checked.kinds, checked.made_before_approval
        self.store.insert_case(
            {
                "id": case_id,
                "reference": reference,
                "title": f"{chosen.label} to {recipient}"[:120],
                "received_at": received_at,
                "response_due": None,
                "country": where,
                "instrument": DISCLOSURE_INSTRUMENT,
                "status": CaseStatus.AWAITING_APPROVAL.value,
                "created_by": actor,
                "updated_at": stamp,
                "version_id": uuid.uuid4().hex,
                "parent_version_id": None,
            }
        )
        rows.insert_disclosure(
            self.store,
            {
                "case_id": case_id,
                "ground": chosen.key,
                "recipient": recipient,
                "recipient_country": where,
                "disclosed_on": day.isoformat(),
                "justification": why,
                "categories": json.dumps(kinds),
                "emergency": int(chosen.emergency),
                "made_before_approval": int(made_before_approval),
                "recorded_by": actor,
                "recorded_at": stamp,
                "approved_by": None,
                "approved_at": None,
                "pack_version": self.grounds.version,
            },
        )

    def _ground(self, key: str | None) -> Ground:
        listed = ", ".join(self.grounds.keys)
        if not key or not key.strip():
            raise DisclosureRefused(f"Name the ground the policy allows this disclosure on: one of {listed}.")
        found = self.grounds.get(key.strip().lower())
        if found is None:
            raise DisclosureRefused(
                f"{key!r} is not a ground the policy pack lists for a disclosure without legal process; "
                f"one of {listed}."
            )
        return found

    def _document(self, document: tuple[str, bytes] | None) -> tuple[str, bytes, int] | None:
        """(name, bytes, pages) of a supporting PDF, checked in a reader process like a demand."""
        if document is None:
            return None
        from app.intake.pdf import IntakeError
        from app.services import read_pdf

        name, untrusted_pdf = document
        try:
            probed = read_pdf(untrusted_pdf)
        except IntakeError as exc:
            raise DisclosureRefused(f"The supporting document was not stored: {exc}") from None
        return Path(name).name or "document.pdf", untrusted_pdf, len(probed.pages)

    def _store_document(self, case_id: CaseId, pdf: tuple[str, bytes, int], stamp: str) -> None:
        name, data, pages = pdf
        self.store.insert_document(
            {
                "case_id": case_id,
                "filename": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "pages": pages,
                "pdf": data,
                "added_at": stamp,
            }
        )

    def _withhold_notice(self, case_id: CaseId, ground: Ground, actor: str, stamp: str) -> None:
        kind = ground.notice_exception or ""
        reason = f"Policy exception for a disclosure on the ground '{ground.key}': {EXCEPTION_LABELS[kind]}."
        row = {
            "kind": "exception",
            "recipient": "user",
            "status": "withheld",
            "exception_kind": kind,
            "reason": reason,
        }
        self.store.insert_notice({"case_id": case_id, "decided_by": actor, "recorded_at": stamp, **row})
        self.desk.record(
            "notice.withheld", case_id, {k: v for k, v in row.items() if k != "status"}, actor=actor
        )

    # -- approving -----------------------------------------------------------------------

    def approve(self, case_id: CaseId, reviewer: str, pin: str) -> Disclosure:
        """A second reviewer, with their own PIN, approves the disclosure (four eyes)."""
        try:
            approver = self.desk.check_pin(reviewer, pin)
        except WrongPinError as exc:
            raise DeskError(str(exc)) from None
        return self._approve(case_id, approver.name)

    def approve_signed_in(self, case_id: CaseId) -> Disclosure:
        """Approve as the reviewer signed in (with their PIN) on this desk."""
        return self._approve(case_id, self.desk.actor())

    def _approve(self, case_id: CaseId, approver: str) -> Disclosure:
        current = self.get(case_id)
        if current is None:
            raise DeskError("The case is not a disclosure without legal process.")
        if current.approved_by is not None:
            raise DeskError(f"The disclosure is already approved by {current.approved_by}.")
        try:  # the same four-eyes rule as a decision that discloses
            flags = approval.check_approver(self.desk, current, approver)
        except approval.ApprovalRefused as exc:
            raise DisclosureRefused(str(exc)) from None
        now = self.desk.now()
        with self.store.atomic():
            rows.approve_disclosure(self.store, case_id, approver, now)
            self.store.update_case(case_id, {"status": CaseStatus.DECIDED.value, "updated_at": now})
            self.desk.record(
                "disclosure.approved",
                case_id,
                {
                    "ground": current.ground,
                    "after_the_fact": current.made_before_approval,
                    "flags": flags,
                },
                actor=approver,
            )
        approved = self.get(case_id)
        assert approved is not None  # noqa: S101 - just written
        return approved

    # -- reading -------------------------------------------------------------------------

    def get(self, case_id: CaseId) -> Disclosure | None:
        """The disclosure recorded as this case; None for a case that is a demand."""
        row = rows.get_disclosure(self.store, case_id)
        if row is None:
            return None
        case = self.store.get_case(case_id)
        ground = self.grounds.get(row["ground"])
        document = self.store.get_document(case_id)
        withheld = [n for n in self.store.get_notices(case_id) if n["status"] == "withheld"]
        kind = withheld[-1]["exception_kind"] if withheld else None
        notice = (
            Said("disclosure.notice_withheld", exception=exception_word(kind))
            if kind
            else Said("disclosure.notice_owed")
        )
        return Disclosure(
            case_id=case_id,
            reference=case["reference"] if case else "",
            ground=row["ground"],
            ground_label=ground.label if ground else Said("disclosure.ground_gone", key=row["ground"]),
            recipient=row["recipient"],
            recipient_country=row["recipient_country"],
            disclosed_on=row["disclosed_on"],
            justification=row["justification"],
            identifiers=[
                {"kind": r["kind"], "value": r["value"]} for r in self.store.get_identifiers(case_id)
            ],
            categories=json.loads(row["categories"]),
            emergency=bool(row["emergency"]),
            made_before_approval=bool(row["made_before_approval"]),
            recorded_by=row["recorded_by"],
            recorded_at=row["recorded_at"],
            approved_by=row["approved_by"],
            approved_at=row["approved_at"],
            notice=notice,
            document=document["filename"] if document else None,
        )


def _words(text: str | None, refusal: str) -> str:
    words = " ".join((text or "").split())
    if not words:
        raise DisclosureRefused(refusal)
    if len(words) > MAX_TEXT:
        raise DisclosureRefused(f"{words[:40]}… is longer than {MAX_TEXT} characters.")
    return words


def _identifier(text: str) -> tuple[str, str]:
    """KIND=VALUE (or a bare e-mail address) as (kind, value); refused when not well formed."""
    kind, sep, value = text.partition("=")
    if not sep:
        kind, value = ("email", text) if "@" in text else ("", text)
    kind, value = kind.strip().lower(), " ".join(value.split())
    if kind not in IDENTIFIER_KINDS:
        raise DisclosureRefused(
            f"Give an identifier as KIND=VALUE with KIND one of {', '.join(IDENTIFIER_KINDS)} (not {text!r})."
        )
    if not value or len(value) > 320:
        raise DisclosureRefused(f"An identifier needs a value of 1 to 320 characters (not {text!r}).")
    if kind == "email" and (value.count("@") != 1 or not all(value.split("@"))):
        raise DisclosureRefused(f"{value!r} is not an e-mail address.")
    if kind == "ip":
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise DisclosureRefused(f"{value!r} is not an IP address or block.") from None
    return kind, value


def _category(category: str) -> str:
    found = category.strip().lower()
    if found not in CATEGORIES:
        raise DisclosureRefused(f"A category is one of {', '.join(CATEGORIES)} (not {category!r}).")
    return found
