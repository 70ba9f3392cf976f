"""A case's letters: drafted from its decision, edited, finalised, exported and packaged.

``Letters(desk)`` is what the window and the command line call; the templates and the PDF
are ``templates``, ``pdf`` and ``package`` (pure). A draft is edited in place; a final
letter is never changed: its PDF and SHA-256 are stored (encrypted, like everything in
the store), and editing it makes a new revision that supersedes it. Writing a PDF out of
the store (export, the response package) is the reviewer's explicit act and is audited.

What may not leave yet is decided here, in ``held`` and ``package_held``, so that the
window, the command line and anything else that calls these methods obey the same rules:

- a notice to a customer waits while a secrecy order covering them holds
  (``app.schedule.notices.notice_held``): it may be drafted to prepare it, but not
  finalised, exported or packaged;
- nothing that discloses leaves before the disclosure is approved: the disclosure cover
  (and an emergency response) is neither finalised nor exported, and no package is made,
  while the decision awaits its second reviewer;
- on a real workstation (not the demo) a final letter leaves only on the organisation's
  own letterhead, not the example one it is set up with.

A refusal is a ``DeskError`` with one line naming the rule, raised before anything is
stored, written or audited. Drafts that leave carry a DRAFT mark (``pdf.render``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app import labels
from app.audit import text_digest
from app.display_language import ENGLISH
from app.fsutil import write_atomic
from app.holds.service import Holds
from app.letters import letterhead, pdf, templates
from app.letters import package as packaging
from app.letters.context import REIMBURSEMENT, letter_context
from app.letters.letterhead import LetterheadValue as LetterheadValue
from app.letters.model import Letter as Letter
from app.letters.model import letter_from_row
from app.letters.packageproc import package_isolated
from app.model import CaseId
from app.review.evaluators import doubtful
from app.schedule.notices import Recipient, notice_held
from app.schedule.service import read_order
from app.services import Desk, DeskError

if TYPE_CHECKING:
    from app.costs.service import Costs
    from app.review.service import Review


# The facts a letter's address block is built from.
RECIPIENT_FACTS = ("issuing_authority", "addressee")
DEFAULT_LETTERHEAD: dict[str, LetterheadValue] = {
    "organisation": "Example Online Services",
    "legal_entity": "Example Online Services LLC",
    "address_lines": ["500 Example Parkway", "Redwood City, CA 94063", "United States"],
    "contact": "Law Enforcement Response Team · lert@example.com",
    "signature_name": "Law Enforcement Response Team",
    "signature_title": "Legal Department",
    "page_size": "Letter",
    # How a letter quotes the case: {reference} (the case's), {year}, {kind}.
    "reference_format": "{reference}",
    # How a reimbursement request (app/costs) is paid: account name, bank, account number …
    "payment_lines": [],
}
LETTERHEAD_FIELDS = (*DEFAULT_LETTERHEAD, "logo_png")
# Who is identified by the letterhead: while these are the example's, a letter would go
# out in the name of a company that does not exist.
IDENTITY_FIELDS = ("organisation", "legal_entity")

# The letters that tell a customer about the demand, and whom each tells (None: the
# case's own recipient as well as the user, for the delayed notice).
NOTICE_KINDS: dict[str, tuple[Recipient, ...] | None] = {
    "user_notice": ("user",),
    "enterprise_notice": ("enterprise",),
    "delayed_notice": None,
}
# The letters that go with the data disclosed: they wait for the disclosure's approval.
DISCLOSING_KINDS = ("disclosure_cover", "emergency_response")


class Letters:
    def __init__(self, desk: Desk, review: Review | None = None) -> None:
        """``review``: the one the other services share (``app.services.Services``)."""
        from app.review.service import Review  # the review is read to phrase the reasons

        self.desk = desk
        self.store = desk.store
        self.review = review if review is not None else Review(desk)

    # -- settings ------------------------------------------------------------------------

    def letterhead_settings(self) -> dict[str, LetterheadValue]:
        stored = letterhead.stored(self.store)
        return {**DEFAULT_LETTERHEAD, **{k: v for k, v in stored.items() if k in LETTERHEAD_FIELDS}}

    def set_letterhead(self, **values: LetterheadValue) -> dict[str, LetterheadValue]:
        unknown = sorted(set(values) - set(LETTERHEAD_FIELDS))
        if unknown:
            raise DeskError(
                f"Unknown letterhead setting {', '.join(unknown)}; known: {', '.join(LETTERHEAD_FIELDS)}."
            )
        if "page_size" in values and values["page_size"] not in ("A4", "Letter"):
            raise DeskError("The page size is A4 or Letter.")
        if "reference_format" in values:
            _check_reference_format(str(values["reference_format"]))
        if values.get("logo_png"):
            try:
                pdf.check_logo(bytes.fromhex(str(values["logo_png"])))
            except ValueError as exc:
                raise DeskError(f"The letterhead was not changed: {exc}.") from None
        actor = self.desk.actor()
        merged = {**self.letterhead_settings(), **values}
        with self.store.atomic():
            letterhead.store(self.store, merged)
            shown = {k: v for k, v in values.items() if k != "logo_png"}
            self.desk.record("settings.letterhead", None, shown, actor=actor)
        return merged

    def our_reference(self, case_reference: str, *, kind: str, when: str | None = None) -> str:
        """The reference the letters quote, in the letterhead's reference-number format."""
        fmt = str(self.letterhead_settings().get("reference_format") or "{reference}")
        year = (when or self.desk.now())[:4]
        try:
            return fmt.format(reference=case_reference, year=year, kind=kind.replace("_", "-"))
        except (KeyError, IndexError, ValueError):
            return case_reference  # checked when set; an older store may hold anything

    def letterhead(self) -> pdf.Letterhead:
        values = self.letterhead_settings()
        logo = values.get("logo_png")

        def text(key: str) -> str:
            value = values.get(key)
            return value if isinstance(value, str) else ""

        return pdf.Letterhead(
            organisation=text("organisation"),
            legal_entity=text("legal_entity"),
            address_lines=list(values.get("address_lines") or []),
            contact=text("contact"),
            signature_name=text("signature_name"),
            signature_title=text("signature_title"),
            logo_png=bytes.fromhex(logo) if isinstance(logo, str) and logo else None,
            # set_letterhead lets no other size in
            page_size="A4" if values.get("page_size") == "A4" else "Letter",
        )

    # -- reading -------------------------------------------------------------------------

    def letters(self, case_id: CaseId) -> list[Letter]:
        return [letter_from_row(r) for r in self.store.get_letters(case_id)]

    def letter(self, letter_id: int) -> Letter:
        row = self.store.get_letter(letter_id)
        if row is None:
            raise DeskError(f"No letter {letter_id}.")
        return letter_from_row(row)

    def allowed_kinds(self, case_id: CaseId) -> list[str]:
        decision = self.review.decision(case_id)
        if decision is None:
            return []
        facts = self.desk.facts(case_id)
        emergency = bool(facts.get("emergency")) or facts.get("instrument") == "emergency_request"
        kinds = list(templates.allowed_kinds(decision.outcome, emergency=emergency))
        if REIMBURSEMENT in kinds and self._invoice_refusal(case_id) is not None:
            kinds.remove(REIMBURSEMENT)
        return Holds(self.desk).letter_kinds(case_id, kinds)  # hold letters only for a case with a hold

    def context(self, case_id: CaseId, kind: str | None = None) -> templates.LetterContext:
        """What the templates fill in (``app.letters.context``)."""
        return letter_context(self, case_id, kind)

    # -- what may leave ------------------------------------------------------------------

    def held(self, case_id: CaseId, kind: str, *, final: bool, leaving: bool) -> str | None:
        """Why a letter of ``kind`` may not become final (``final``) or be written out of the
        store (``leaving``) now, or None when it may. The one place these rules live."""
        if not (final or leaving):
            return None  # a draft kept in the store prepares the letter; it tells no one
        reason = self._notice_held(case_id, kind)
        if reason is None and kind in DISCLOSING_KINDS:
            reason = self._approval_held(case_id)
        if reason is None and final and leaving:
            reason = self._letterhead_held()
        return reason

    def package_held(self, case_id: CaseId) -> str | None:
        """Why the response package may not be made now, or None when it may."""
        approval = self._approval_held(case_id)
        if approval is not None:
            return approval
        for letter in self._current_finals(case_id):
            notice = self._notice_held(case_id, letter.kind)
            if notice is not None:
                return f"The package would hold the {letter.kind.replace('_', ' ')}. {notice}"
        return self._letterhead_held()

    def _notice_held(self, case_id: CaseId, kind: str) -> str | None:
        if kind not in NOTICE_KINDS:
            return None
        order = read_order(self.desk, case_id)
        if order is None:
            return None
        named = NOTICE_KINDS[kind]
        recipients: tuple[Recipient, ...]
        if named is not None:
            recipients = named
        elif self.review.context(case_id).enterprise_customer:
            recipients = ("user", "enterprise")
        else:
            recipients = ("user",)
        today = self.desk.clock().date()
        for recipient in recipients:
            reason = notice_held(order, recipient, today)
            if reason is not None:
                return reason
        return None

    def _approval_held(self, case_id: CaseId) -> str | None:
        decision = self.review.decision(case_id)
        if decision is None or not decision.needs_approval:
            return None
        return (
            f"Nothing leaves before approval: the decision to {decision.outcome.replace('_', ' ')} "
            f"(revision {decision.revision}, by {decision.decided_by}) awaits a second reviewer's approval."
        )

    def _letterhead_held(self) -> str | None:
        if self.desk.config.demo:
            return None  # the demo's letters are examples by design
        settings = self.letterhead_settings()
        example = [
            k.replace("_", " ")
            for k in IDENTITY_FIELDS
            if not str(settings.get(k) or "").strip() or settings[k] == DEFAULT_LETTERHEAD[k]
        ]
        if not example:
            return None
        return (
            f"A final letter leaves only on your own letterhead, and its {' and '.join(example)} "
            f"{'is' if len(example) == 1 else 'are'} still the example company's: set yours in "
            "Tools ▸ Letterhead… or with demand-desk letterhead --set organisation=… --set legal_entity=…"
        )

    def costs(self) -> Costs:
        from app.costs.service import Costs  # the rate tables load only for a reimbursement request

        return Costs(self.desk)

    def _invoice_refusal(self, case_id: CaseId) -> str | None:
        """Why no reimbursement request may be drafted (app/costs owns the rule), or None."""
        refusal = self.costs().invoice_refusal(case_id)
        if refusal is None and not self.letterhead_settings().get("payment_lines"):
            refusal = (
                "A reimbursement request needs the payment details it asks the requester to use: "
                "set them in Tools ▸ Organisation… or with demand-desk letterhead --set payment_lines=…|…"
            )
        return refusal

    def _refuse(self, reason: str | None) -> None:
        if reason is not None:
            raise DeskError(reason)

    def _current_finals(self, case_id: CaseId) -> list[Letter]:
        """The latest final revision of each letter: what a package holds."""
        rows = self.letters(case_id)
        superseded = {x.supersedes for x in rows if x.supersedes}
        return [x for x in rows if x.final and x.id not in superseded]

    # -- writing -------------------------------------------------------------------------

    def draft(self, case_id: CaseId, kind: str, language: str = "en") -> Letter:
        """A new draft of ``kind``, filled from the case; refused when the decision does not allow it."""
        actor = self.desk.actor()
        self._check_kind(case_id, kind)
        try:
            drafted = templates.draft(kind, self.context(case_id, kind), language)
        except templates.TemplateError as exc:
            raise DeskError(str(exc)) from None
        now = self.desk.now()
        earlier = [x for x in self.letters(case_id) if x.kind == kind]
        revision = (max(x.revision for x in earlier) + 1) if earlier else 1
        with self.store.atomic():
            letter_id = self.store.insert_letter(
                {
                    "case_id": case_id,
                    "kind": kind,
                    "title": drafted.title,
                    "language": drafted.language,
                    "body": drafted.body,
                    "status": "draft",
                    "recipient": drafted.recipient,
                    "addressee": json.dumps(list(drafted.addressee_lines)),
                    "revision": revision,
                    "created_by": actor,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            # Kind, revision and the text's SHA-256 let `audit verify` hold the draft to its event
            # (app/audit_replay.py); the local row id differs on every workstation.
            self.desk.record(
                "letter.drafted",
                case_id,
                {
                    "letter": letter_id,
                    "kind": kind,
                    "revision": revision,
                    "body_sha256": text_digest(drafted.body),
                },
                actor=actor,
            )
        return self.letter(letter_id)

    def _check_kind(self, case_id: CaseId, kind: str) -> None:
        if kind not in templates.KINDS:
            raise DeskError(f"A letter kind is one of {', '.join(templates.KINDS)}, not {kind!r}.")
        if kind == REIMBURSEMENT:  # first: an emergency is never charged, whatever is decided
            self._refuse(self._invoice_refusal(case_id))
        decision = self.review.decision(case_id)
        if decision is None:
            raise DeskError("Record a decision first: the letter is drafted from it.")
        allowed = self.allowed_kinds(case_id)
        self._refuse(Holds(self.desk).letter_refusal(case_id, kind))
        if kind not in allowed:
            raise DeskError(
                f"A {kind} letter does not answer a decision to {decision.outcome}; "
                f"this case allows: {', '.join(allowed) or 'none'}."
            )

    def issue(self, case_id: CaseId, kind: str, path: Path, *, language: str = "en", final: bool) -> Letter:
        """Draft ``kind``, finalise it if ``final``, and write it to ``path`` (the command line's
        ``letter``). Every refusal comes before anything is stored, so a refused letter
        leaves no draft, no final letter, no file and no audit event."""
        self.desk.actor()
        self._check_kind(case_id, kind)
        self._refuse(self.held(case_id, kind, final=final, leaving=True))
        letter = self.draft(case_id, kind, language)
        if final:
            letter = self.finalise(letter.id)
        self.export(letter.id, path)
        return letter

    def edit(self, letter_id: int, body: str, title: str | None = None) -> Letter:
        """Change a draft; a final letter stays as it is and the change becomes a new revision."""
        actor = self.desk.actor()
        current = self.letter(letter_id)
        now = self.desk.now()
        with self.store.atomic():
            if not current.final:
                self.store.update_letter(
                    letter_id, {"body": body, "title": title or current.title, "updated_at": now}
                )
                target, revision = letter_id, current.revision
            else:
                revisions = [
                    x.revision for x in self.letters(CaseId(current.case_id)) if x.kind == current.kind
                ]
                revision = max(revisions) + 1
                target = self.store.insert_letter(
                    {
                        "case_id": current.case_id,
                        "kind": current.kind,
                        "title": title or current.title,
                        "language": current.language,
                        "body": body,
                        "status": "draft",
                        "recipient": current.recipient,
                        "addressee": json.dumps(current.addressee_lines),
                        "revision": revision,
                        "supersedes": letter_id,
                        "created_by": actor,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            self.desk.record(
                "letter.edited",
                current.case_id,
                {
                    "letter": target,
                    "revision_of": letter_id,
                    "kind": current.kind,
                    "revision": revision,
                    "body_sha256": text_digest(body),
                },
                actor=actor,
            )
        return self.letter(target)

    def render(self, letter: Letter, body: str | None = None, *, draft_mark: bool | None = None) -> bytes:
        """The letter as PDF: the stored one when final, else rendered now (a preview).

        A letter that is not final is marked DRAFT on every page and in its metadata,
        unless ``draft_mark`` says otherwise (finalising renders the final PDF).
        """
        if letter.final and body is None:
            row = self.store.get_letter(letter.id)
            assert row is not None  # noqa: S101 - it was just read
            return bytes(row["pdf"])
        facts = self.desk.facts(CaseId(letter.case_id))
        return pdf.render(
            letter.title,
            letter.body if body is None else body,
            reference=self.our_reference(facts["reference"], kind=letter.kind, when=letter.created_at),
            date=(letter.finalised_at or letter.created_at)[:10],
            addressee_lines=letter.addressee_lines,
            letterhead=self.letterhead(),
            author=letter.created_by,
            subject=f"{letter.kind.replace('_', ' ')} · {facts['reference']}",
            language=letter.language,
            draft=not letter.final if draft_mark is None else draft_mark,
        )

    def recipient_doubts(self, letter_id: int) -> list[str]:
        """What in the letter's address block OCR read with low confidence and no reviewer
        has corrected, in sentences: for the reviewer to check against the demand before the
        letter is finalised (a misread authority's name would go out as it is)."""
        letter = self.letter(letter_id)
        facts = self.review.facts(CaseId(letter.case_id))
        block = "\n".join(letter.addressee_lines)
        doubts = []
        for key in RECIPIENT_FACTS:
            value = facts.scalar(key)
            why = doubtful(facts, key, self.review.pack)
            if isinstance(value, str) and value and value in block and why:
                named = labels.fact(key, ENGLISH).lower()  # a sentence of the core: English
                doubts.append(
                    f"“{value}” ({named}) was {why}: check it against the demand, "
                    "and correct the fact if it is wrong."
                )
        return doubts

    def finalise(self, letter_id: int) -> Letter:
        """Lock a draft: its PDF and SHA-256 are stored; any later change is a new revision."""
        actor = self.desk.actor()
        letter = self.letter(letter_id)
        if letter.final:
            raise DeskError(f"Letter {letter_id} is already final; edit it to make a new revision.")
        self._refuse(self.held(CaseId(letter.case_id), letter.kind, final=True, leaving=False))
        now = self.desk.now()
        finalised = Letter(**{**letter.__dict__, "finalised_at": now})
        data = self.render(finalised, draft_mark=False)
        digest = hashlib.sha256(data).hexdigest()
        with self.store.atomic():
            self.store.update_letter(
                letter_id,
                {"status": "final", "pdf": data, "sha256": digest, "finalised_at": now, "updated_at": now},
            )
            self.desk.record(
                "letter.finalised", letter.case_id, {"letter": letter_id, "sha256": digest}, actor=actor
            )
        return self.letter(letter_id)

    def export(self, letter_id: int, path: Path) -> Path:
        """Write the letter's PDF where the reviewer asked (audited: case data leaves the store)."""
        actor = self.desk.actor()
        letter = self.letter(letter_id)
        self._refuse(self.held(CaseId(letter.case_id), letter.kind, final=letter.final, leaving=True))
        data = self.render(letter)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        self.desk.record(
            "letter.exported",
            letter.case_id,
            {"letter": letter_id, "file": path.name, "sha256": hashlib.sha256(data).hexdigest()},
            actor=actor,
        )
        return path

    def package(self, case_id: CaseId, path: Path, *, with_demand: bool = False) -> Path:
        """The final letters (and the demand) in one PDF, every page stamped with the reference."""
        actor = self.desk.actor()
        finals = self._current_finals(case_id)
        if not finals:
            raise DeskError("The case has no final letter to package; finalise one first.")
        self._refuse(self.package_held(case_id))
        reference = self.desk.facts(case_id)["reference"]
        demand = self.desk.document(case_id) if with_demand else None
        last = self.store.audit_last()
        head = (int(last["seq"]), str(last["hash"])) if last else None
        try:
            # In a child process: the demand came from outside (see packageproc). The head
            # goes as JSON, so it arrives as a [seq, hash] list.
            data = package_isolated([self.render(x) for x in finals], demand, reference, chain_head=head)
        except packaging.PackageError as exc:
            raise DeskError(str(exc)) from None
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        self.desk.record(
            "letters.packaged",
            case_id,
            {
                "letters": [x.id for x in finals],
                "demand": with_demand,
                "file": path.name,
                # The head printed on the package: the event before this one.
                "audit_head": {"seq": head[0], "hash": head[1]} if head else None,
                "sha256": hashlib.sha256(data).hexdigest(),
            },
            actor=actor,
        )
        return path


def _check_reference_format(fmt: str) -> None:
    try:
        fmt.format(reference="R", year="2026", kind="k")
    except (KeyError, IndexError, ValueError) as exc:
        raise DeskError(
            f"The reference format {fmt!r} may use {{reference}}, {{year}} and {{kind}} only ({exc})."
        ) from None
    if "{reference}" not in fmt:
        raise DeskError("The reference format must contain {reference}, so a letter names its case.")
