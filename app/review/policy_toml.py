"""Reading one TOML file of the policy pack, with errors that name the file and the line.

tomllib gives line numbers only for syntax errors, so the line of a semantic error is
found in the file's text by ``_Lines`` (the table or key the error is about);
``PackFile`` gives typed access to the values, each failure a ``PolicyError``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from app.review.policy import PolicyError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*="""
)


def _key_parts(text: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_\-]+)""", text)
    return tuple(a or b or c for a, b, c in parts)


class _Lines:
    """Where each table and key of a TOML file starts, so that errors can name a line.

    Tables are addressed by their path with array-of-tables indices, e.g.
    ``("items", 3)``; keys by ``(table path, key)``.
    """

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str | int, ...], int] = {(): 1}
        self.keys: dict[tuple[tuple[str | int, ...], str], int] = {}
        counts: dict[tuple[str, ...], int] = {}
        current: tuple[str | int, ...] = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith("#"):
                name = _key_parts(header.group(2))
                if header.group(1) == "[[":
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                    current = (*name, index)
                else:
                    current = name
                self.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                parts = _key_parts(key.group(1))
                table = (*current, *parts[:-1])
                self.keys.setdefault((table, parts[-1]), number)
                for n in range(1, len(parts)):  # a dotted key also opens its tables
                    self.tables.setdefault((*current, *parts[:n]), number)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_multiline = quote

    def line(self, table: tuple[str | int, ...], key: str | None = None) -> int:
        """The line of ``key`` in ``table``, else of the table, else of what holds it."""
        while True:
            if key is not None and (table, key) in self.keys:
                return self.keys[(table, key)]
            if table in self.tables:
                return self.tables[table]
            if not table:
                return 1
            parent, last = table[:-1], table[-1]
            if isinstance(last, int):  # an inline array of tables: the array's key
                if not parent:
                    return 1
                table, key = parent[:-1], str(parent[-1])
            else:
                table, key = parent, last


# ------------------------------------------------------------------------------ reading


def _where(table: tuple[str | int, ...], key: str | None) -> str:
    out = ""
    for part in table:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    if key is not None:
        out = f"{out}.{key}" if out else key
    return out or "(top level)"


class PackFile:
    """One TOML file of the pack: its data and typed access whose errors name file and line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PolicyError(f"{path}:1: missing file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"{path}:1: cannot be read ({exc})") from exc
        try:
            self.data: dict[str, object] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"at line (\d+)", str(exc))
            line = found.group(1) if found else "1"
            raise PolicyError(f"{path}:{line}: not valid TOML ({exc})") from exc
        self.lines = _Lines(text)

    def fail(self, table: tuple[str | int, ...], key: str | None, message: str) -> PolicyError:
        return PolicyError(f"{self.path}:{self.lines.line(table, key)}: {_where(table, key)}: {message}")

    def only(
        self, data: Mapping[str, object], table: tuple[str | int, ...], allowed: tuple[str, ...]
    ) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(table, key, f"unknown key; known: {', '.join(allowed)}")

    def table(
        self, data: Mapping[str, object], table: tuple[str | int, ...], key: str, *, required: bool = True
    ) -> dict[str, object]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(table, None, f"missing table [{_where((*table, key), None)}]")
            return {}
        if not isinstance(value, dict):
            raise self.fail(table, key, "must be a table")
        return value

    def string(
        self,
        data: Mapping[str, object],
        table: tuple[str | int, ...],
        key: str,
        *,
        required: bool = True,
        empty: bool = False,
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(table, None, f"missing {key!r}")
            return ""
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(table, key, "must be a non-empty string")
        return value.strip()

    def boolean(self, data: Mapping[str, object], table: tuple[str | int, ...], key: str) -> bool:
        value = data.get(key)
        if value is None:
            raise self.fail(table, None, f"missing {key!r} (true or false)")
        if not isinstance(value, bool):
            raise self.fail(table, key, "must be true or false")
        return value

    def maybe_boolean(
        self, data: Mapping[str, object], table: tuple[str | int, ...], key: str
    ) -> bool | None:
        return None if data.get(key) is None else self.boolean(data, table, key)

    def number(
        self, data: Mapping[str, object], table: tuple[str | int, ...], key: str, low: int, high: int
    ) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail(table, key, f"must be a whole number from {low} to {high}")
        return value

    def strings(
        self,
        data: Mapping[str, object],
        table: tuple[str | int, ...],
        key: str,
        *,
        required: bool = True,
        allowed: tuple[str, ...] | None = None,
    ) -> list[str]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(table, None, f"missing list {key!r}")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(table, key, "must be a list of non-empty strings")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    raise self.fail(table, key, f"{v!r} is not one of {', '.join(allowed)}")
        if len(set(value)) != len(value):
            raise self.fail(table, key, "lists an entry twice")
        return [v.strip() for v in value]
