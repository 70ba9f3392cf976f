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
``LISTS`` below are what a template may use; ``LetterContext`` documents where each
comes from.

Drafting is pure: ``draft(kind, ctx)`` returns the title and the body as the reviewer
will edit them, in the Markdown subset of ``app.letters.markdown``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.letters.markdown import escape
from app.review.model import DECISION_OUTCOMES as OUTCOMES
from app.review.model import DISCLOSING

LETTERS_DIR = Path(__file__).resolve().parents[2] / "resources" / "letters"

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
RECIPIENTS = ("requester", "user", "enterprise_customer")
# In allowed_outcomes, "*" is any outcome a reviewer has decided on. An escalated case
# has not been decided yet: its letters wait for the senior reviewer.
ANY_DECIDED = "*"
UNDECIDED = ("escalate",)

# What a template may put in. Each is plain text; those that are dates are formatted
# in the letter's language.
PLACEHOLDERS = frozenset(
    {
        "reference",
        "date",
        "salutation",
        "closing",
        "requester_name",
        "addressee_name",
        "demand",
        "instrument_label",
        "country",
        "date_issued",
        "demand_reference",
        "emergency_summary",
        "outcome_statement",
        "date_from",
        "date_to",
        "date_range",
        "instrument_needed",
        "user_name",
        "enterprise_customer",
        "enterprise_contact",
        "secrecy_statute",
        "secrecy_expires",
        "secrecy_ended",
        "organisation",
        "legal_entity",
        "contact",
        "signature_name",
        "signature_title",
        "hold_statute",
        "hold_since",
        "hold_until",
        "hold_ended",
        "cost_total",
        "cost_statute",
    }
)
# Yes/no facts, for {?flag} and {^flag} only.
FLAGS = frozenset({"emergency", "disclosed", "rejected", "redirected", "challenged", "secrecy_in_force"})
# Lists for {#list}...{/list}, with the fields each item offers.
LISTS: Mapping[str, frozenset[str]] = {
    "reasons": frozenset({"statement", "rule", "note", "question", "id"}),
    "identifiers": frozenset({"identifier"}),
    "excluded_identifiers": frozenset({"identifier"}),
    "categories": frozenset({"category", "category_code"}),
    "excluded_categories": frozenset({"category", "category_code"}),
    "enclosures": frozenset({"enclosure"}),
    "held_identifiers": frozenset({"identifier"}),
    "cost_items": frozenset({"task", "hours", "rate", "amount"}),
    "payment_details": frozenset({"line"}),
}
_TEMPLATE_KEYS = {"title", "recipient", "allowed_outcomes", "emergency_only", "body"}
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")


class TemplateError(Exception):
    """A template or labels file is missing, malformed, or uses a placeholder it may not.

    The message names the file, and the line and placeholder when there is one.
    """

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None, placeholder: str = ""):
        self.path = str(path)
        self.line = line
        self.placeholder = placeholder
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


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


# ------------------------------------------------------------------------------ templates


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _Var:
    name: str


@dataclass(frozen=True)
class _Section:
    mode: str  # "#" repeat, "?" if set, "^" if not set
    name: str
    children: tuple[_Node, ...]


_Node = _Text | _Var | _Section


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
    _title: tuple[_Node, ...] = field(repr=False, compare=False)
    _body: tuple[_Node, ...] = field(repr=False, compare=False)

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
    return _load_template(kind, _language(language), root or LETTERS_DIR)


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
    title = " ".join(_render(template._title, [values], _plain).split())
    body = _tidy(_render(template._body, [values], escape))
    return Draft(
        kind, template.language, title, body, template.recipient, _addressee(ctx, template.recipient)
    )


def _language(language: str) -> str:
    if not _LANGUAGE.fullmatch(language):
        raise ValueError(f"not a language code: {language!r}")
    return language


@functools.lru_cache(maxsize=128)
def _load_template(kind: str, language: str, root: Path) -> Template:
    path = root / language / f"{kind}.toml"
    if not path.is_file():
        if language == "en":
            raise TemplateError(path, f"no template for the {kind} letter")
        return _load_template(kind, "en", root)
    text, data = _read_toml(path)
    unknown = sorted(set(data) - _TEMPLATE_KEYS)
    if unknown:
        raise TemplateError(path, f"unknown key {unknown[0]!r}", line=_key_line(text, unknown[0]))
    for key in ("title", "recipient", "allowed_outcomes", "body"):
        if key not in data:
            raise TemplateError(path, f"missing key {key!r}")
    title, body, recipient = data["title"], data["body"], data["recipient"]
    if not isinstance(title, str) or not isinstance(body, str):
        raise TemplateError(path, "title and body must be text")
    if recipient not in RECIPIENTS:
        raise TemplateError(
            path,
            f"recipient {recipient!r} is not one of {', '.join(RECIPIENTS)}",
            line=_key_line(text, "recipient"),
        )
    outcomes = data["allowed_outcomes"]
    if not isinstance(outcomes, list) or not outcomes:
        raise TemplateError(
            path, "allowed_outcomes must be a non-empty list", line=_key_line(text, "allowed_outcomes")
        )
    for outcome in outcomes:
        if outcome != ANY_DECIDED and outcome not in OUTCOMES:
            raise TemplateError(
                path,
                f"unknown outcome {outcome!r} in allowed_outcomes",
                line=_key_line(text, "allowed_outcomes"),
            )
    emergency_only = data.get("emergency_only", False)
    if not isinstance(emergency_only, bool):
        raise TemplateError(
            path, "emergency_only must be true or false", line=_key_line(text, "emergency_only")
        )
    return Template(
        kind=kind,
        language=language,
        title=title,
        recipient=recipient,
        allowed_outcomes=tuple(outcomes),
        emergency_only=emergency_only,
        body=body,
        path=path,
        _title=_parse(title, path, _key_line(text, "title") or 0, 0),
        _body=_parse(body, path, _key_line(text, "body") or 0, _body_offset(text)),
    )


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(path, f"cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(path, f"is not valid TOML: {exc}") from exc


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _body_offset(text: str) -> int:
    """1 when the body's first line is the line after ``body = '''`` (TOML drops that newline)."""
    match = re.search(r"^[ \t]*body[ \t]*=[ \t]*('''|\"\"\")[ \t]*\r?\n", text, re.MULTILINE)
    return 1 if match else 0


# ------------------------------------------------------------------------------ placeholders

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_TAG = re.compile(r"([#?^/]?)([a-z_][a-z0-9_]*)")
_STANDALONE = re.compile(r"[ \t]*\{([#?^/])([a-z_][a-z0-9_]*)\}[ \t]*\r?\n?")


def _parse(text: str, path: Path, key_line: int, offset: int) -> tuple[_Node, ...]:
    """The placeholder tree of a title or body, checked against what templates may use."""
    # Each frame: (mode, name, children, line it opened on, item fields in scope).
    root: list[_Node] = []
    stack: list[tuple[str, str, list[_Node], int, frozenset[str]]] = [("", "", root, 0, frozenset())]

    def fail(problem: str, line: int, placeholder: str = "") -> TemplateError:
        return TemplateError(path, problem, line=key_line + offset + line - 1, placeholder=placeholder)

    def tag(mode: str, name: str, line: int) -> None:
        fields = stack[-1][4]
        shown = "{" + mode + name + "}"
        if mode == "/":
            if len(stack) == 1 or stack[-1][1] != name:
                expected = f"; {{/{stack[-1][1]}}} is still open" if len(stack) > 1 else ""
                raise fail(f"{shown} closes no open section{expected}", line, name)
            opened_mode, opened_name, children, _, _ = stack.pop()
            stack[-1][2].append(_Section(opened_mode, opened_name, tuple(children)))
            return
        known = name in PLACEHOLDERS or name in FLAGS or name in LISTS or name in fields
        if not known:
            raise fail(f"unknown placeholder {shown}", line, name)
        if mode == "":
            if name in LISTS and name not in fields:
                raise fail(f"{shown} is a list: repeat it with {{#{name}}}...{{/{name}}}", line, name)
            if name in FLAGS:
                raise fail(f"{shown} is a yes/no flag: use {{?{name}}}...{{/{name}}}", line, name)
            stack[-1][2].append(_Var(name))
            return
        if mode == "#":
            if name not in LISTS:
                raise fail(f"{shown} repeats over a list, and {name} is not one", line, name)
            fields = fields | LISTS[name]
        stack.append((mode, name, [], line, fields))

    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        standalone = _STANDALONE.fullmatch(line)
        if standalone:
            tag(standalone.group(1), standalone.group(2), number)
            continue
        pos = 0
        for match in _TOKEN.finditer(line):
            if match.start() > pos:
                stack[-1][2].append(_Text(line[pos : match.start()]))
            pos = match.end()
            token = match.group(0)
            if token in ("{{", "}}"):
                stack[-1][2].append(_Text(token[0]))
            elif match.group(1) is None:
                raise fail(f"stray {token!r}: write {token * 2} for a literal brace", number)
            else:
                parsed = _TAG.fullmatch(match.group(1))
                if not parsed:
                    raise fail(f"malformed placeholder {token}", number, match.group(1))
                tag(parsed.group(1), parsed.group(2), number)
        if pos < len(line):
            stack[-1][2].append(_Text(line[pos:]))
    if len(stack) > 1:
        mode, name, _, opened, _ = stack[-1]
        raise fail(f"section {{{mode}{name}}} is never closed", opened, name)
    return tuple(root)


def _render(
    nodes: Sequence[_Node],
    scopes: list[Mapping[str, Any]],
    quote: Callable[..., str],
    line_start: bool = True,
) -> str:
    """The text of ``nodes``; ``line_start`` says whether it begins at the start of a line."""
    out: list[str] = []

    def at_line_start() -> bool:
        last = next((s for s in reversed(out) if s), None)
        return line_start if last is None else last.endswith("\n")

    for node in nodes:
        if isinstance(node, _Text):
            out.append(node.text)
        elif isinstance(node, _Var):
            out.append(quote(str(_lookup(scopes, node.name) or ""), line_start=at_line_start()))
        elif node.mode == "#":
            for item in _lookup(scopes, node.name) or ():
                out.append(_render(node.children, [*scopes, item], quote, at_line_start()))
        elif bool(_lookup(scopes, node.name)) == (node.mode == "?"):
            out.append(_render(node.children, scopes, quote, at_line_start()))
    return "".join(out)


def _lookup(scopes: list[Mapping[str, Any]], name: str) -> Any:
    for scope in reversed(scopes):
        if name in scope:
            return scope[name]
    return None


def _plain(text: str, *, line_start: bool = True) -> str:
    return " ".join(text.split())


def _tidy(body: str) -> str:
    """Sections left out leave blank lines and doubled spaces behind; close them up."""
    lines = [re.sub(r"(?<=\S)[ \t]{2,}", " ", line.rstrip()) for line in body.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# ------------------------------------------------------------------------------ labels


@dataclass(frozen=True)
class Labels:
    """The words a language's letters share (resources/letters/<language>/labels.toml)."""

    language: str
    date_format: str
    months: tuple[str, ...]
    range_both: str
    range_from: str
    range_to: str
    demand_generic: str
    reason_fallback: str
    salutation: Mapping[str, str]
    closing: Mapping[str, str]
    pdf: Mapping[str, str]
    categories: Mapping[str, str]
    outcomes: Mapping[str, str]
    instruments: Mapping[str, str]
    demand_names: Mapping[str, str]  # instrument kind -> what {demand} says when no local name is known
    reasons: Mapping[str, tuple[str, str]]  # item id -> (statement, rule)

    def format_date(self, iso: str | None) -> str:
        """``iso`` in this language ("14 March 2026"); text that is not an ISO date as it is."""
        if not iso:
            return ""
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            return iso
        return _fill(self.date_format, day=str(day.day), month=self.months[day.month - 1], year=str(day.year))

    def date_range(self, start: str | None, end: str | None) -> str:
        first, last = self.format_date(start), self.format_date(end)
        if first and last:
            return _fill(self.range_both, **{"from": first, "to": last})
        if first:
            return _fill(self.range_from, **{"from": first})
        if last:
            return _fill(self.range_to, to=last)
        return ""

    def page(self, page: int, pages: int) -> str:
        return _fill(self.pdf["page"], page=str(page), pages=str(pages))


# The placeholders each label may contain.
_LABEL_FIELDS = {
    "date_format": {"day", "month", "year"},
    "range_both": {"from", "to"},
    "range_from": {"from"},
    "range_to": {"to"},
    "salutation.named": {"name"},
    "reason_fallback": {"question"},
    "pdf.page": {"page", "pages"},
}
_FIELD = re.compile(r"\{([^{}]*)\}")


def _fill(text: str, **values: str) -> str:
    return _FIELD.sub(lambda m: values[m.group(1)], text)


def load_labels(language: str = "en", *, root: Path | None = None) -> Labels:
    """The labels of ``language``, each one it lacks taken from English."""
    return _load_labels(_language(language), root or LETTERS_DIR)


_LABEL_TEXTS = ("date_format", "range_both", "range_from", "range_to", "demand_generic", "reason_fallback")
_LABEL_TABLES = ("salutation", "closing", "pdf", "categories", "outcomes", "instruments", "demand_names")
# What the English labels must have; another language takes what it lacks from them.
_LABEL_REQUIRED = {
    "salutation": ("named", *RECIPIENTS),
    "closing": ("named", "generic"),
    "pdf": ("our_reference", "your_reference", "date", "page"),
}


@functools.lru_cache(maxsize=32)
def _load_labels(language: str, root: Path) -> Labels:
    english_path = root / "en" / "labels.toml"
    english = _read_labels(english_path, required=True)
    for key in (*_LABEL_TEXTS, "months", *_LABEL_TABLES, "reasons"):
        if key not in english:
            raise TemplateError(english_path, f"missing key {key!r}")
    for table, keys in _LABEL_REQUIRED.items():
        for key in keys:
            if key not in english[table]:
                raise TemplateError(english_path, f"missing {table}.{key}")
    own = _read_labels(root / language / "labels.toml", required=False) if language != "en" else {}
    data: dict[str, Any] = {**english, **own}
    for table in (*_LABEL_TABLES, "reasons"):
        data[table] = {**english[table], **own.get(table, {})}
    return Labels(
        language=language,
        date_format=data["date_format"],
        months=tuple(data["months"]),
        range_both=data["range_both"],
        range_from=data["range_from"],
        range_to=data["range_to"],
        demand_generic=data["demand_generic"],
        reason_fallback=data["reason_fallback"],
        salutation=data["salutation"],
        closing=data["closing"],
        pdf=data["pdf"],
        categories=data["categories"],
        outcomes=data["outcomes"],
        instruments=data["instruments"],
        demand_names=data["demand_names"],
        reasons={k: (v["statement"], v["rule"]) for k, v in data["reasons"].items()},
    )


def _read_labels(path: Path, *, required: bool) -> dict[str, Any]:
    """A labels file, checked for shape: every key known, every value text, each in its place."""
    if not path.is_file():
        if required:
            raise TemplateError(path, "the English labels are missing")
        return {}
    text, data = _read_toml(path)

    def fail(problem: str, key: str, placeholder: str = "") -> TemplateError:
        return TemplateError(path, problem, line=_key_line(text, key), placeholder=placeholder)

    for key, value in data.items():
        if key in _LABEL_TEXTS:
            if not isinstance(value, str):
                raise fail(f"{key} must be text", key)
        elif key == "months":
            if not (isinstance(value, list) and len(value) == 12 and all(isinstance(m, str) for m in value)):
                raise fail("months must list the 12 month names", key)
        elif key in _LABEL_TABLES:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise TemplateError(path, f"[{key}] must hold text values")
        elif key == "reasons":
            for item, worded in value.items() if isinstance(value, dict) else ():
                if not (
                    isinstance(worded, dict)
                    and all(isinstance(worded.get(k), str) for k in ("statement", "rule"))
                ):
                    raise TemplateError(path, f'[reasons."{item}"] needs a statement and a rule, both text')
        else:
            raise fail(f"unknown key {key!r}", key)
    for dotted, allowed in _LABEL_FIELDS.items():
        table, _, key = dotted.rpartition(".")
        value = data.get(table, {}).get(key) if table else data.get(key)
        for name in _FIELD.findall(value or ""):
            if name not in allowed:
                raise fail(f"unknown placeholder {{{name}}} in {dotted}", key, name)
    return data


# ------------------------------------------------------------------------------ values


def _values(ctx: LetterContext, labels: Labels, recipient: str) -> dict[str, Any]:
    fmt = labels.format_date
    named = {
        "requester": ctx.addressee_name,
        "user": ctx.user_name,
        "enterprise_customer": ctx.enterprise_contact,
    }
    name = named.get(recipient, "").strip()
    salutation = _fill(labels.salutation["named"], name=name) if name else labels.salutation[recipient]
    closing = labels.closing["named" if name else "generic"]
    outcome = ctx.outcome or ""

    def category(code: str) -> dict[str, str]:
        return {"category": labels.categories.get(code, code), "category_code": code}

    def reason(r: Reason) -> dict[str, str]:
        worded = labels.reasons.get(r.id)
        if worded:
            statement, rule = worded
        else:
            statement = _fill(labels.reason_fallback, question=r.question or r.id)
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
