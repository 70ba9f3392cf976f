"""What a reviewer prints, and the record that it was printed.

Printing takes case data out of the store as an export does, so it obeys the same
rules and is audited the same way: a letter prints only when it may be exported
(``Letters.held``), a report only when its figures reconcile, and every print is
recorded with what was printed (its SHA-256), how many pages and where it went. A
preview on screen prints nothing and records nothing.

What is printed is made here, headless: a letter's or report's PDF (in memory), and the
case summary (``CaseSheet``: facts, targets, data asked for, the checklist as answered,
the decision and the dates) in the words of ``resources/print/case_summary.toml``. The
window lays a sheet out and drives the printer (``ui/common/printing.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app import labels
from app.display_language import chosen, words
from app.fact_editors import choice_words
from app.jsontypes import JsonValue
from app.model import CaseId
from app.services import Desk, DeskError

if TYPE_CHECKING:
    from app.letters.service import Letters
    from app.report.figures import Report
    from app.report.service import Reports
    from app.review.service import Review
    from app.schedule.service import Schedule

WORDS_FILE = Path(__file__).resolve().parents[1] / "resources" / "print" / "case_summary.toml"
Words = Mapping[str, Mapping[str, str]]
PrintKind = Literal["letter", "case_summary", "report"]
# The audit event of each kind of print (named like the exports: letter.exported, report.exported).
ACTIONS: Mapping[str, str] = {
    "letter": "letter.printed",
    "case_summary": "case.summary_printed",
    "report": "report.printed",
}


@dataclass(frozen=True)
class SheetSection:
    title: str
    rows: tuple[tuple[str, str], ...]  # (what, value), in words
    empty: str = "None."  # shown when there are no rows


@dataclass(frozen=True)
class CaseSheet:
    """One case on paper: its reference, when it was printed and by whom, and its sections."""

    reference: str
    title: str
    printed_at: str
    printed_by: str
    policy_version: str
    sections: tuple[SheetSection, ...]
    heading: str = ""  # "Case summary · REF", in the sheet's language
    byline: str = ""  # "Printed … by … · policy …"

    def text(self) -> str:
        """The sheet as plain lines: what is hashed for the audit trail (and easy to check)."""
        lines = [self.heading, self.title, self.byline]
        for section in self.sections:
            lines.append("")
            lines.append(section.title)
            lines += [f"{what}: {value}" for what, value in section.rows] or [section.empty]
        return "\n".join(lines)


@dataclass(frozen=True)
class Printout:
    """Something to print: a PDF (a letter, a report) or a case sheet, and what its audit event says."""

    kind: PrintKind
    title: str  # the print job's name
    case_id: CaseId | None
    pdf: bytes | None = None
    sheet: CaseSheet | None = None
    details: Mapping[str, JsonValue] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        data = self.pdf if self.pdf is not None else (self.sheet.text() if self.sheet else "").encode()
        return hashlib.sha256(data).hexdigest()


class Prints:
    """Make printouts and record prints; ``letters``, ``review`` and ``schedule`` as the window has them."""

    def __init__(
        self,
        desk: Desk,
        *,
        letters: Letters | None = None,
        review: Review | None = None,
        schedule: Schedule | None = None,
    ) -> None:
        self.desk = desk
        self._letters = letters
        self._review = review
        self._schedule = schedule

    # -- what is printed -------------------------------------------------------------------

    def letter(self, letter_id: int) -> Printout:
        """A letter's PDF as export writes it; refused (DeskError) when it may not leave the store."""
        letters = self.letters()
        letter = letters.letter(letter_id)
        reason = letters.held(CaseId(letter.case_id), letter.kind, final=letter.final, leaving=True)
        if reason is not None:
            raise DeskError(reason)
        reference = self.desk.facts(CaseId(letter.case_id))["reference"]
        draft = "" if letter.final else " (draft)"
        return Printout(
            kind="letter",
            title=f"{reference} · {letter.title} · revision {letter.revision}{draft}",
            case_id=CaseId(letter.case_id),
            pdf=letters.render(letter),
            details={"letter": letter.id, "revision": letter.revision, "final": letter.final},
        )

    def report(self, reports: Reports, report: Report) -> Printout:
        """The report's PDF as export writes it; ``ReportError`` (naming the cases) if the figures
        do not reconcile."""
        return Printout(
            kind="report",
            title=f"Transparency report {report.period.label}",
            case_id=None,
            pdf=reports.render(report, "pdf"),
            details={"period": report.period.label, "frozen": report.frozen is not None},
        )

    def case_summary(self, case_id: CaseId, language: str | None = None) -> Printout:
        """The case summary, in the window's display language unless ``language`` is given."""
        sheet = self.case_sheet(case_id, language)
        return Printout(
            kind="case_summary",
            title=_words(chosen(language))["words"]["job"].format(reference=sheet.reference),
            case_id=case_id,
            sheet=sheet,
            details={"policy_version": sheet.policy_version},
        )

    def case_sheet(self, case_id: CaseId, language: str | None = None) -> CaseSheet:
        """The case summary: facts, accounts, data asked for, the checklist as answered, the
        decision and the dates, each in words (``resources/print/case_summary.toml`` and its
        overlay of ``language``; None: the display language)."""
        language = chosen(language)
        words = _words(language)
        w = words["words"]
        facts = self.desk.facts(case_id)
        case = self.desk.store.get_case(case_id)
        review = self.review()
        assessment = review.assess(case_id)
        questions = {item.id: review.pack.item_text(item.id, language).question for item in review.pack.items}
        sections = (
            self._facts_section(case_id, words, language),
            SheetSection(
                words["sections"]["targets"],
                tuple(
                    (labels.kind(i["kind"], language), w["blacked_out"] if i["redacted"] else str(i["value"]))
                    for i in facts["identifiers"]
                ),
                w["none"],
            ),
            SheetSection(
                words["sections"]["data_requested"],
                tuple(
                    (
                        words["categories"].get(d["category"], d["category"]),
                        " ".join(x for x in (d["text"] or "", w["content"] if d["content"] else "") if x),
                    )
                    for d in facts["data_requested"]
                ),
                w["none"],
            ),
            SheetSection(
                words["sections"]["checklist"],
                tuple(
                    (
                        questions.get(a.id, a.id),
                        "; ".join(
                            x
                            for x in (
                                words["answers"].get(a.answer, a.answer),
                                words["sources"].get(a.source, a.source),
                                a.note,
                            )
                            if x
                        ),
                    )
                    for a in assessment.answers
                ),
                w["none"],
            ),
            self._decision_section(case_id, words, questions),
            self._dates_section(case_id, words, language),
        )
        reference = str(facts["reference"])
        printed_at, printed_by = self.desk.now(), self.desk.actor()
        return CaseSheet(
            reference=reference,
            title=str(case["title"] or "") if case else "",
            printed_at=printed_at,
            printed_by=printed_by,
            policy_version=assessment.policy_version,
            sections=sections,
            heading=w["heading"].format(reference=reference),
            byline=w["byline"].format(at=printed_at, by=printed_by, policy=assessment.policy_version),
        )

    def _facts_section(self, case_id: CaseId, words: Words, language: str) -> SheetSection:
        w = words["words"]
        rows = []
        for fact in self.desk.fact_values(case_id):
            value = w["not_known"] if fact.value is None else _fact_words(fact.key, fact.value, language)
            if fact.source == "reviewer":
                value += " " + w["corrected_by"].format(by=fact.updated_by)
            rows.append((words["facts"].get(fact.key, fact.key.replace("_", " ")), value))
        return SheetSection(words["sections"]["facts"], tuple(rows), w["none"])

    def _decision_section(self, case_id: CaseId, words: Words, questions: Mapping[str, str]) -> SheetSection:
        w = words["words"]
        decision = self.review().decision(case_id)
        title = words["sections"]["decision"]
        if decision is None:
            return SheetSection(title, (), empty=w["not_decided"])
        outcome = words["outcomes"].get(decision.outcome, decision.outcome.replace("_", " "))
        decided = w["decided_value"].format(
            at=decision.decided_at, by=decision.decided_by, revision=decision.revision
        )
        rows = [(w["outcome"], outcome), (w["decided"], decided), (w["policy"], decision.policy_version)]
        rows += [(w["reason"], questions.get(r, r)) for r in decision.reasons]
        if decision.approved_by:
            rows.append(
                (w["approved"], w["approved_value"].format(at=decision.approved_at, by=decision.approved_by))
            )
        elif decision.needs_approval:
            rows.append((w["approved"], w["awaiting_approval"]))
        if decision.override:
            rows.append((w["over_refusal"], str(decision.override.get("reason", ""))))
        return SheetSection(title, tuple(rows), w["none"])

    def _dates_section(self, case_id: CaseId, words: Words, language: str) -> SheetSection:
        w = words["words"]
        schedule = self.schedule().case_schedule(case_id, language=language)
        received = self.desk.fact_map(case_id)["received"].value
        rows = [(words["facts"]["received"], str(received) if received else w["not_known"])]
        if schedule.due is None:
            rows.append((w["response_due"], w["no_deadline"]))
        else:
            due = schedule.due.due.isoformat()
            if schedule.due_status is not None and schedule.due_status.label:
                due += f" ({schedule.due_status.label})"
            rows.append((w["response_due"], due))
            if schedule.due.extension_reason:
                rows.append((w["extended"], schedule.due.extension_reason))
        if schedule.period:
            rows.append((w["response_period"], schedule.period))
        rows += [
            (
                w.get(c.kind, c.kind.capitalize()),
                f"{c.starts} – {c.ends or w['open']}: {c.reason}".strip(": "),
            )
            for c in schedule.changes
        ]
        order = schedule.order
        if order is not None and order.present:
            rows.append((w["secrecy_issued"], order.issued.isoformat() if order.issued else w["not_known"]))
            expiry = schedule.order_expiry.isoformat() if schedule.order_expiry else w["open_ended"]
            rows.append((w["secrecy_expires"], expiry))
            if order.lifted_on:
                rows.append((w["secrecy_lifted"], order.lifted_on.isoformat()))
            if schedule.reconsider_by:
                rows.append((w["secrecy_reconsider"], schedule.reconsider_by.isoformat()))
        if schedule.notice is not None:
            notice = schedule.notice.due_on.isoformat() if schedule.notice.due_on else w["not_yet"]
            rows.append(
                (
                    w["notice_to"].format(recipient=schedule.recipient),
                    f"{notice}: {schedule.notice.reason}".strip(": "),
                )
            )
        rows += [
            (
                w["notice_status"].format(status=n.status, recipient=n.recipient),
                f"{n.on or ''} {n.how} {n.reason}".strip(),
            )
            for n in schedule.notices
        ]
        return SheetSection(words["sections"]["dates"], tuple(rows), w["none"])

    # -- the record ------------------------------------------------------------------------

    def printed(self, printout: Printout, *, pages: int, destination: str) -> None:
        """Record a print (audited, as an export is): what was printed, its pages and where it went.

        ``destination`` is the printer's name, or the name (not the folder) of the file printed to.
        """
        actor = self.desk.actor()
        self.desk.record(
            ACTIONS[printout.kind],
            printout.case_id,
            {**printout.details, "pages": pages, "to": destination, "sha256": printout.sha256},
            actor=actor,
        )

    # -- services --------------------------------------------------------------------------

    def letters(self) -> Letters:
        if self._letters is None:
            from app.letters.service import Letters

            self._letters = Letters(self.desk)
        return self._letters

    def review(self) -> Review:
        if self._review is None:
            from app.review.service import Review

            self._review = Review(self.desk)
        return self._review

    def schedule(self) -> Schedule:
        if self._schedule is None:
            from app.schedule.service import Schedule

            self._schedule = Schedule(self.desk)
        return self._schedule


def _fact_words(key: str, value: object, language: str) -> str:
    if isinstance(value, bool):
        return _words(language)["words"]["yes" if value else "no"]
    listed = choice_words(key, language)
    if isinstance(value, str) and value in listed:
        return f"{listed[value]} ({value})" if key == "country" else listed[value]
    return str(value)


def _words(language: str) -> Words:
    return words(WORDS_FILE, language)
