"""Letter templates: which kinds a decision allows, and drafting a letter from a case.

The templates are data (resources/letters/<language>/<kind>.toml, described in
resources/letters/README.md) so that rewording a letter or adding a language is a change
a reviewer can read. Each file is checked when it is loaded: a placeholder the template
may not use, a section left open, or a missing key raises ``TemplateError`` naming the
file, the line and the placeholder.

Placeholders, in the title and the body:

- ``{name}`` puts in a value, escaped so that it reads literally in the letter's
  Markdown subset (a requester called ``*Smith*`` stays ``*Smith*``);
- ``{#list}`` ... ``{/list}`` repeats what it encloses for each item of a list, with the
  item's fields as placeholders (``{#identifiers}- {identifier}{/identifiers}``);
- ``{?name}`` ... ``{/name}`` keeps what it encloses only if ``name`` is set (a non-empty
  text or list, or true), and ``{^name}`` ... ``{/name}`` only if it is not;
- ``{{`` and ``}}`` are literal braces.

A section tag alone on its line takes the line with it, so blocks can be laid out one
tag per line without leaving blank lines behind. ``PLACEHOLDERS``, ``FLAGS`` and
``LISTS`` (``app.letters.placeholders``, which parses and fills the templates) are what a
template may use; ``LetterContext`` documents where each comes from. The words the
letters of a language share are its labels (``app.letters.labels``).

Drafting is pure: ``draft(kind, ctx)`` returns the title and the body as the reviewer
will edit them, in the Markdown subset of ``app.letters.markdown``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.letters.labels import LETTERS_DIR as LETTERS_DIR
from app.letters.labels import RECIPIENTS, Labels, fill, language_code
from app.letters.labels import load_labels as load_labels
from app.letters.markdown import escape
from app.letters.placeholders import (
    Node,
    TemplateValue,
    key_line,
    parse,
    plain,
    read_toml,
    render,
    tidy,
)
from app.letters.placeholders import TemplateError as TemplateError
from app.review.model import DECISION_OUTCOMES as OUTCOMES
from app.review.model import DISCLOSING

KINDS: tuple[str, ...] = (
    "rejection",
    "narrowing",
    "redirect",
    "disclosure_cover",
    "user_notice",
    "delayed_notice",
    "enterprise_notice",
    "secrecy_challenge",
    "emergency_response",
    "hold",
    "hold_release",
    "reimbursement",
)
# In allowed_outcomes, "*" is any outcome a reviewer has decided on. An escalated case
# has not been decided yet: its letters wait for the senior reviewer.
ANY_DECIDED = "*"
UNDECIDED = ("escalate",)

_TEMPLATE_KEYS = {"title", "recipient", "allowed_outcomes", "emergency_only", "body"}


class KindNotAllowed(ValueError):
    """The decision on the case does not allow a letter of this kind."""


# ------------------------------------------------------------------------------ context


@dataclass(frozen=True)
class Reason:
    """A failed checklist item the decision rests on (resources/policy/checklist.toml).

    The letter words it from the language's labels.toml by ``id``; ``question`` and
    ``rule`` are the checklist's own and are used for an item the labels do not know.
    ``note`` is the reviewer's remark on the item, if it should go into the letter.
    """

    id: str
    question: str = ""
    rule: str = ""
    note: str = ""


@dataclass
class LetterContext:
    """Everything a letter may say, gathered from the case, its decision and the settings.

    Texts are plain (never Markdown); an empty text or list is "not known" and the
    templates leave out what depends on it. Dates are ISO (YYYY-MM-DD) and shown in the
    letter's language.
    """

    # -- the case
    reference: str  # the case reference, quoted on every page ("DEMO-2026-0005")
    date: str  # the date of the letter
    # -- the requesting authority
    requester_name: str = ""  # the authority ("Federal Bureau of Investigation, Newark Field Office")
    requester_address: list[str] = field(default_factory=list)  # its postal address, one line each
    addressee_name: str = ""  # the officer, agent or counsel who sent the demand, if named
    # -- the demand
    instrument: str = ""  # its kind as the pack codes it ("subpoena"): named from [demand_names]
    instrument_label: str = ""  # the instrument as the country names it ("Grand-jury subpoena")
    country: str = ""  # the issuing country's name
    date_issued: str | None = None
    demand_reference: str = ""  # the requester's own reference or case number
    emergency: bool = False  # the demand is an emergency request
    emergency_summary: str = ""  # the request's own account of the emergency
    # -- the decision
    outcome: str | None = None  # the decided outcome; when set, draft() refuses kinds it does not allow
    reasons: list[Reason] = field(default_factory=list)  # the failed items the decision rests on
    identifiers: list[str] = field(default_factory=list)  # in scope: disclosed, or acceptable if narrowed
    categories: list[str] = field(default_factory=list)  # in scope: category codes (app.review.model)
    date_from: str | None = None  # the date range in scope
    date_to: str | None = None
    excluded_identifiers: list[str] = field(default_factory=list)  # named by the demand, out of scope
    excluded_categories: list[str] = field(default_factory=list)  # asked for, out of scope
    # The instrument that could compel what is out of scope: an instrument kind (a value of
    # app.model.Instrument, worded by the language's labels) or a phrase used as it is.
    instrument_needed: str | None = None
    enclosures: list[str] = field(default_factory=list)  # the files produced, as named to the requester
    # -- notices
    user_name: str = ""  # the account holder, for user and delayed notices
    user_address: list[str] = field(default_factory=list)
    enterprise_customer: str | None = None  # the organisation that holds the accounts
    enterprise_contact: str = ""  # the person at the customer a notice goes to
    enterprise_address: list[str] = field(default_factory=list)
    secrecy_statute: str = ""  # the law a non-disclosure order was made under
    secrecy_expires: str | None = None  # when the non-disclosure order ends (its latest extension)
    # The day the order ended (expired, lifted or set aside on a challenge). A letter speaks
    # of the end in the past tense only when this is on or before its date; see _values.
    secrecy_ended: str | None = None
    secrecy_in_force: bool = False  # an order still forbids notice on the letter's date
    # -- a preservation hold (app/holds), for the hold and release letters
    held_identifiers: list[str] = field(default_factory=list)  # exactly what is kept
    hold_statute: str = ""  # the law the request was made under
    hold_since: str | None = None  # the day the request was served
    hold_until: str | None = None  # the hold's last day, as extended
    hold_ended: str | None = None  # the day it was released or otherwise ended
    # -- the organisation sending the letter (the same settings as the letterhead)
    organisation: str = ""
    legal_entity: str = ""
    contact: str = ""
    signature_name: str = ""
    signature_title: str = ""
    # -- cost recovery (the reimbursement letter; app/costs): amounts already formatted
    cost_items: list[dict[str, str]] = field(default_factory=list)  # task, hours, rate, amount
    cost_total: str = ""  # "USD 450.00"
    cost_statute: str = ""  # the law that lets the provider seek it
    payment_details: list[str] = field(default_factory=list)  # how to pay, one line each


@dataclass(frozen=True)
class Draft:
    """A drafted letter: ``body`` is Markdown-subset text for the reviewer to edit."""

    kind: str
    language: str  # the language of the template used (English when the one asked for lacks it)
    title: str  # plain text
    body: str
    recipient: str = "requester"  # one of RECIPIENTS
    addressee_lines: list[str] = field(default_factory=list)  # the address block for the PDF


@dataclass(frozen=True)
class Template:
    kind: str
    language: str
    title: str
    recipient: str
    allowed_outcomes: tuple[str, ...]
    emergency_only: bool
    body: str
    path: Path
    _title: tuple[Node, ...] = field(repr=False, compare=False)
    _body: tuple[Node, ...] = field(repr=False, compare=False)

    def allows(self, outcome: str, *, emergency: bool) -> bool:
        if self.emergency_only and not emergency:
            return False
        if outcome in self.allowed_outcomes:
            return True
        return ANY_DECIDED in self.allowed_outcomes and outcome in OUTCOMES and outcome not in UNDECIDED


def load_template(kind: str, language: str = "en", *, root: Path | None = None) -> Template:
    """The template for ``kind``, in ``language`` or in English when that language lacks it."""
    if kind not in KINDS:
        raise ValueError(f"unknown letter kind {kind!r}; the kinds are {', '.join(KINDS)}")
    return _load_template(kind, language_code(language), root or LETTERS_DIR)


def allowed_kinds(outcome: str, *, emergency: bool, root: Path | None = None) -> list[str]:
    """The kinds of letter a decision with ``outcome`` allows, in the order of KINDS."""
    return [k for k in KINDS if load_template(k, root=root).allows(outcome, emergency=emergency)]


def draft(kind: str, ctx: LetterContext, language: str = "en", *, root: Path | None = None) -> Draft:
    """The letter of ``kind`` for ``ctx``, filled in and ready for the reviewer to edit.

    Raises ``KindNotAllowed`` when ``ctx.outcome`` is set and does not allow ``kind``.
    """
    template = load_template(kind, language, root=root)
    english = load_template(kind, "en", root=root)
    # Whether a kind is allowed is the English template's to say, so a translation
    # cannot quietly widen it.
    if ctx.outcome is not None and not english.allows(ctx.outcome, emergency=ctx.emergency):
        allowed = allowed_kinds(ctx.outcome, emergency=ctx.emergency, root=root)
        raise KindNotAllowed(
            f"a decision to {ctx.outcome!r}{' on an emergency request' if ctx.emergency else ''} "
            f"does not allow a {kind} letter; it allows: {', '.join(allowed) or 'none'}"
        )
    labels = load_labels(template.language, root=root)
    values = _values(ctx, labels, template.recipient)
    title = " ".join(render(template._title, [values], plain).split())
    body = tidy(render(template._body, [values], escape))
    return Draft(
        kind, template.language, title, body, template.recipient, _addressee(ctx, template.recipient)
    )


# ------------------------------------------------------------------------------ templates


@functools.lru_cache(maxsize=128)
def _load_template(kind: str, language: str, root: Path) -> Template:
    path = root / language / f"{kind}.toml"
    if not path.is_file():
        if language == "en":
            raise TemplateError(path, f"no template for the {kind} letter")
        return _load_template(kind, "en", root)
    text, data = read_toml(path)
    unknown = sorted(set(data) - _TEMPLATE_KEYS)
    if unknown:
        raise TemplateError(path, f"unknown key {unknown[0]!r}", line=key_line(text, unknown[0]))
    for key in ("title", "recipient", "allowed_outcomes", "body"):
        if key not in data:
            raise TemplateError(path, f"missing key {key!r}")
    title, body, recipient = data["title"], data["body"], data["recipient"]
    if not isinstance(title, str) or not isinstance(body, str):
        raise TemplateError(path, "title and body must be text")
    if not isinstance(recipient, str) or recipient not in RECIPIENTS:
        raise TemplateError(
            path,
            f"recipient {recipient!r} is not one of {', '.join(RECIPIENTS)}",
            line=key_line(text, "recipient"),
        )
    outcomes = data["allowed_outcomes"]
    if not isinstance(outcomes, list) or not outcomes:
        raise TemplateError(
            path, "allowed_outcomes must be a non-empty list", line=key_line(text, "allowed_outcomes")
        )
    for outcome in outcomes:
        if outcome != ANY_DECIDED and outcome not in OUTCOMES:
            raise TemplateError(
                path,
                f"unknown outcome {outcome!r} in allowed_outcomes",
                line=key_line(text, "allowed_outcomes"),
            )
    emergency_only = data.get("emergency_only", False)
    if not isinstance(emergency_only, bool):
        raise TemplateError(
            path, "emergency_only must be true or false", line=key_line(text, "emergency_only")
        )
    return Template(
        kind=kind,
        language=language,
        title=title,
        recipient=recipient,
        allowed_outcomes=tuple(str(outcome) for outcome in outcomes),  # each one checked above
        emergency_only=emergency_only,
        body=body,
        path=path,
        _title=parse(title, path, key_line(text, "title") or 0, 0),
        _body=parse(body, path, key_line(text, "body") or 0, _body_offset(text)),
    )


def _body_offset(text: str) -> int:
    """1 when the body's first line is the line after ``body = '''`` (TOML drops that newline)."""
    match = re.search(r"^[ \t]*body[ \t]*=[ \t]*('''|\"\"\")[ \t]*\r?\n", text, re.MULTILINE)
    return 1 if match else 0


# ------------------------------------------------------------------------------ values


def _values(ctx: LetterContext, labels: Labels, recipient: str) -> dict[str, TemplateValue]:
    fmt = labels.format_date
    named = {
        "requester": ctx.addressee_name,
        "user": ctx.user_name,
        "enterprise_customer": ctx.enterprise_contact,
    }
    name = named.get(recipient, "").strip()
    salutation = fill(labels.salutation["named"], name=name) if name else labels.salutation[recipient]
    closing = labels.closing["named" if name else "generic"]
    outcome = ctx.outcome or ""

    def category(code: str) -> dict[str, str]:
        return {"category": labels.categories.get(code, code), "category_code": code}

    def reason(r: Reason) -> dict[str, str]:
        worded = labels.reasons.get(r.id)
        if worded:
            statement, rule = worded
        else:
            statement = fill(labels.reason_fallback, question=r.question or r.id)
            rule = r.rule
        return {"id": r.id, "question": r.question, "statement": statement, "rule": rule, "note": r.note}

    return {
        "reference": ctx.reference,
        "date": fmt(ctx.date),
        "salutation": salutation,
        "closing": closing,
        "requester_name": ctx.requester_name,
        "addressee_name": ctx.addressee_name,
        # The law's own name for it, else the kind in the letter's language, never a pick-list
        # label such as "Subpoena (or equivalent)".
        "demand": ctx.instrument_label or labels.demand_names.get(ctx.instrument) or labels.demand_generic,
        "instrument_label": ctx.instrument_label,
        "country": ctx.country,
        "date_issued": fmt(ctx.date_issued),
        "demand_reference": ctx.demand_reference,
        "emergency_summary": ctx.emergency_summary,
        "outcome_statement": labels.outcomes.get(outcome, ""),
        "date_from": fmt(ctx.date_from),
        "date_to": fmt(ctx.date_to),
        "date_range": labels.date_range(ctx.date_from, ctx.date_to),
        "instrument_needed": labels.instruments.get(ctx.instrument_needed or "", ctx.instrument_needed or ""),
        "user_name": ctx.user_name,
        "enterprise_customer": ctx.enterprise_customer or "",
        "enterprise_contact": ctx.enterprise_contact,
        "secrecy_statute": ctx.secrecy_statute,
        "secrecy_expires": fmt(ctx.secrecy_expires),
        # Never "ended on" a day still to come, whatever the caller passed.
        "secrecy_ended": fmt(ctx.secrecy_ended) if _on_or_before(ctx.secrecy_ended, ctx.date) else "",
        "organisation": ctx.organisation,
        "legal_entity": ctx.legal_entity,
        "contact": ctx.contact,
        "signature_name": ctx.signature_name,
        "signature_title": ctx.signature_title,
        "emergency": ctx.emergency,
        "disclosed": outcome in DISCLOSING,
        "rejected": outcome in ("reject", "challenge"),
        "redirected": outcome == "redirect",
        "challenged": outcome == "challenge",
        "secrecy_in_force": ctx.secrecy_in_force,
        "reasons": [reason(r) for r in ctx.reasons],
        "identifiers": [{"identifier": i} for i in ctx.identifiers],
        "excluded_identifiers": [{"identifier": i} for i in ctx.excluded_identifiers],
        "categories": [category(c) for c in ctx.categories],
        "excluded_categories": [category(c) for c in ctx.excluded_categories],
        "enclosures": [{"enclosure": e} for e in ctx.enclosures],
        "held_identifiers": [{"identifier": i} for i in ctx.held_identifiers],
        "hold_statute": ctx.hold_statute,
        "hold_since": fmt(ctx.hold_since),
        "hold_until": fmt(ctx.hold_until),
        "hold_ended": fmt(ctx.hold_ended),
        "cost_items": [dict(item) for item in ctx.cost_items],
        "cost_total": ctx.cost_total,
        "cost_statute": ctx.cost_statute,
        "payment_details": [{"line": line} for line in ctx.payment_details],
    }


def _on_or_before(day: str | None, letter_date: str) -> bool:
    try:
        return day is not None and date.fromisoformat(day[:10]) <= date.fromisoformat(letter_date[:10])
    except ValueError:
        return False


def _addressee(ctx: LetterContext, recipient: str) -> list[str]:
    if recipient == "user":
        lines = [ctx.user_name or (ctx.identifiers[0] if ctx.identifiers else ""), *ctx.user_address]
    elif recipient == "enterprise_customer":
        lines = [ctx.enterprise_contact, ctx.enterprise_customer or "", *ctx.enterprise_address]
    else:
        lines = [ctx.addressee_name, ctx.requester_name, *ctx.requester_address]
    return [line.strip() for line in lines if line and line.strip()]
