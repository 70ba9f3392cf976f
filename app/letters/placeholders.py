"""The placeholder language of letter templates: what a template may use, and filling it in.

``parse`` turns a template's title or body into a tree of text, placeholders and sections,
checked against ``PLACEHOLDERS``, ``FLAGS`` and ``LISTS`` (a placeholder the template may
not use, or a section left open, raises ``TemplateError`` naming the file, the line and the
placeholder); ``render`` fills the tree in from the values of a letter
(``app.letters.templates``). The template files and the labels files are read with
``read_toml`` and ``key_line``, so that their errors name the line too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

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
# A value a template fills in: a text, a yes/no flag, or a list whose items' fields are texts.
TemplateValue: TypeAlias = str | bool | list[dict[str, str]]


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
    children: tuple[Node, ...]


Node = _Text | _Var | _Section


# ------------------------------------------------------------------------------ files


def read_toml(path: Path) -> tuple[str, dict[str, object]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(path, f"cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(path, f"is not valid TOML: {exc}") from exc


def key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


# ------------------------------------------------------------------------------ placeholders

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_TAG = re.compile(r"([#?^/]?)([a-z_][a-z0-9_]*)")
_STANDALONE = re.compile(r"[ \t]*\{([#?^/])([a-z_][a-z0-9_]*)\}[ \t]*\r?\n?")


def parse(text: str, path: Path, key_line: int, offset: int) -> tuple[Node, ...]:
    """The placeholder tree of a title or body, checked against what templates may use."""
    # Each frame: (mode, name, children, line it opened on, item fields in scope).
    root: list[Node] = []
    stack: list[tuple[str, str, list[Node], int, frozenset[str]]] = [("", "", root, 0, frozenset())]

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


def render(
    nodes: Sequence[Node],
    scopes: list[Mapping[str, TemplateValue]],
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
            out.append(quote(str(lookup(scopes, node.name) or ""), line_start=at_line_start()))
        elif node.mode == "#":
            items = lookup(scopes, node.name)
            for item in items if isinstance(items, list) else ():  # parse allows lists only
                out.append(render(node.children, [*scopes, item], quote, at_line_start()))
        elif bool(lookup(scopes, node.name)) == (node.mode == "?"):
            out.append(render(node.children, scopes, quote, at_line_start()))
    return "".join(out)


def lookup(scopes: list[Mapping[str, TemplateValue]], name: str) -> TemplateValue | None:
    for scope in reversed(scopes):
        if name in scope:
            return scope[name]
    return None


def plain(text: str, *, line_start: bool = True) -> str:
    return " ".join(text.split())


def tidy(body: str) -> str:
    """Sections left out leave blank lines and doubled spaces behind; close them up."""
    lines = [re.sub(r"(?<=\S)[ \t]{2,}", " ", line.rstrip()) for line in body.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
