"""The layers hold (DESIGN.md, docs/ARCHITECTURE.md): read from the source, so a change that
breaks them fails here, not in review. ``app/`` imports no Qt and no ``ui``; ``ui/`` imports
no ``db``; only ``db/`` opens the database or writes SQL."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(
    r"^\s*(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)"
    r"|PRAGMA\s+\w+|ALTER\s+TABLE)\b",
    re.S,
)
DATABASE_MODULES = ("sqlite3", "sqlcipher3", "sqlite_utils")
# The one way from the core to the window: `demand-desk gui` imports it when asked.
ALLOWED = {("app/cli/main.py", "ui.main")}


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def _top(name: str) -> str:
    return name.split(".")[0]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _breaches(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{_rel(path)} imports {name}"
        for path in _modules(package)
        for name in _imports(path)
        if _top(name) in forbidden and (_rel(path), name) not in ALLOWED
    ]


def test_the_core_imports_no_qt_and_no_window():
    assert _breaches("app", ("PySide6", "shiboken6", "ui")) == []
    assert _breaches("db", ("PySide6", "shiboken6", "ui", "app")) == []


def test_the_window_reaches_the_database_only_through_the_core():
    assert _breaches("ui", ("db", *DATABASE_MODULES)) == []


@pytest.mark.parametrize("package", ["app", "ui"])
def test_only_db_speaks_sql(package):
    found = []
    for path in _modules(package):
        if any(_top(n) in DATABASE_MODULES for n in _imports(path)):
            found.append(f"{_rel(path)} opens the database itself")
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                found.append(f"{_rel(path)}:{node.lineno} holds SQL: {node.value.strip()[:40]!r}")
    assert found == []


def test_the_checks_above_can_fail(tmp_path):
    # A module that breaks each rule is caught: the checks are not vacuous.
    bad = tmp_path / "bad.py"
    bad.write_text('import PySide6.QtCore\nfrom db import store\nQ = "SELECT * FROM cases"\n')
    assert [_top(n) for n in _imports(bad)] == ["PySide6", "db"]
    assert SQL.match("SELECT * FROM cases") and SQL.match("  INSERT INTO audit VALUES (?)")
    assert not SQL.match("Select the demand you want") and not SQL.match("UPDATE the facts first")
