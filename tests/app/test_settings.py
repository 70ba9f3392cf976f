"""Each settings key is declared once, by the module that owns it, and read only through it:
no module reads the settings table by a literal key or holds another module's ``Setting``."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from app import settings
from app.services import Desk
from app.settings import Setting, SettingDeclaredTwiceError, SettingFamily

ROOT = Path(__file__).resolve().parents[2]
# The typed layer itself is the one place that calls the store's raw settings methods.
RAW_ACCESS_ALLOWED = {"app/settings.py"}
DECLARATION = re.compile(r"""\b(?:Setting|SettingFamily|text|integer|json_object)\(\s*["']([^"']+)["']""")


def _sources() -> list[Path]:
    return sorted([*(ROOT / "app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")])


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_no_module_reads_or_writes_a_setting_by_its_key() -> None:
    raw = [
        f"{_rel(path)}:{node.lineno} calls {node.func.attr}"
        for path in _sources()
        if _rel(path) not in RAW_ACCESS_ALLOWED
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("get_setting", "set_setting")
    ]
    assert raw == [], "read settings through the owner's typed Setting (app/settings.py)"


def test_every_key_is_declared_once_in_the_source() -> None:
    found: dict[str, list[str]] = {}
    for path in (ROOT / "app").rglob("*.py"):
        for key in DECLARATION.findall(path.read_text(encoding="utf-8")):
            found.setdefault(key, []).append(_rel(path))
    twice = {key: where for key, where in found.items() if len(where) > 1}
    assert twice == {}
    assert {"letterhead", "audit_head", "idle_lock_minutes", "report.frozen"} <= set(found)


def test_no_module_holds_another_modules_setting() -> None:
    strays = []
    for path in (ROOT / "app").rglob("*.py"):
        name = _module(path)
        if name == "app.settings" or name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, Setting | SettingFamily) and value.owner != name:
                strays.append(f"{name}.{attr} is {value.owner}'s")
    assert strays == []
    # Every key that was declared names a module that exists and holds it.
    assert all(owner.startswith("app.") for owner in settings.declared().values())


def test_a_key_declared_twice_is_refused() -> None:
    with pytest.raises(SettingDeclaredTwiceError, match="letterhead"):
        settings.text("letterhead", "app.somewhere_else")
    with pytest.raises(SettingDeclaredTwiceError, match="report.frozen.2026H1"):
        settings.text("report.frozen.2026H1", "app.somewhere_else")  # inside the frozen reports' family
    with pytest.raises(SettingDeclaredTwiceError):
        settings.SettingFamily("audit_", "app.somewhere_else", str, str)  # would hold audit_head


def test_values_are_stored_as_before(desk: Desk) -> None:
    """The text in the table is what the untyped code wrote: no migration is needed."""
    from app.letters.service import Letters

    desk.set_idle_lock_minutes(15)
    desk.set_provider_entities(["Example Ireland Ltd", " ", "Example Inc."])
    Letters(desk).set_letterhead(organisation="Example Ireland Ltd")
    store = desk.store
    assert store.get_setting("idle_lock_minutes") == "15"
    assert store.get_setting("provider_entities") == '["Example Ireland Ltd","Example Inc."]'
    assert store.get_setting("letterhead").startswith('{"organisation": "Example Ireland Ltd", ')
    seq, digest = store.get_setting("audit_head").split(":")
    assert int(seq) == len(desk.audit_trail()) and len(digest) == 64


def test_a_damaged_value_reads_as_the_default(desk: Desk) -> None:
    desk.store.set_setting("idle_lock_minutes", "ten")
    desk.store.set_setting("provider_entities", '{"not": "a list"}')
    assert desk.idle_lock_minutes() == 10
    assert desk.provider_entities() == ()
