"""Typed settings: each key of the store's settings table declared once, by the module that
owns it, with the type of its value and how that value is written as text.

The owner reads and writes its key through its ``Setting`` and offers what others need as a
typed function or method (the report asks the letters module for the organisation's name;
it never reads the letterhead's key). ``tests/app/test_settings.py`` fails when a key is
declared twice, when a module holds another module's ``Setting``, or when a module reads the
table by a literal key.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from app.jsontypes import JsonObject

T = TypeVar("T")


class SettingsSource(Protocol):
    """A store the settings can be read from (the store, or the report's read-only connection)."""

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...


class SettingsSink(SettingsSource, Protocol):
    def set_setting(self, key: str, value: str) -> None: ...


class SettingDeclaredTwiceError(ValueError):
    """Two declarations of one key (or a key inside a family's prefix): they would share values."""


# key (or a family's prefix) -> the module that declared it
_DECLARED: dict[str, str] = {}


def _declare(key: str, owner: str, *, prefix: bool) -> None:
    for other, by in _DECLARED.items():
        if by == owner and other == (key + "*" if prefix else key):
            continue  # the same module imported again (a reload): still one owner
        family = other.endswith("*")
        if other == key or (prefix and other.startswith(key)) or (family and key.startswith(other[:-1])):
            raise SettingDeclaredTwiceError(f"settings key {key!r} of {owner} is already declared by {by}")
    _DECLARED[key + "*" if prefix else key] = owner


def declared() -> dict[str, str]:
    """Every declared key (a family as ``prefix*``) with the module that owns it."""
    return dict(_DECLARED)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key: ``decode`` turns the stored text into a value (ValueError when it is damaged),
    ``encode`` the value into the text stored, byte for byte what was stored before types."""

    key: str
    owner: str
    decode: Callable[[str], T]
    encode: Callable[[T], str]

    def __post_init__(self) -> None:
        _declare(self.key, self.owner, prefix=False)

    def get(self, source: SettingsSource) -> T | None:
        """The value; None when the key was never written (or holds nothing)."""
        raw = source.get_setting(self.key)
        return self.decode(raw) if raw else None

    def put(self, sink: SettingsSink, value: T) -> None:
        sink.set_setting(self.key, self.encode(value))


@dataclass(frozen=True)
class SettingFamily(Generic[T]):
    """Keys ``prefix + name``, one per name (a frozen report per period)."""

    prefix: str
    owner: str
    decode: Callable[[str], T]
    encode: Callable[[T], str]

    def __post_init__(self) -> None:
        _declare(self.prefix, self.owner, prefix=True)

    def get(self, source: SettingsSource, name: str) -> T | None:
        raw = source.get_setting(self.prefix + name)
        return self.decode(raw) if raw is not None else None

    def put(self, sink: SettingsSink, name: str, value: T) -> None:
        sink.set_setting(self.prefix + name, self.encode(value))


# -- codecs: how common kinds of value are written --------------------------------------


def text(key: str, owner: str) -> Setting[str]:
    return Setting(key, owner, str, str)


def integer(key: str, owner: str) -> Setting[int]:
    return Setting(key, owner, int, str)


def json_object(key: str, owner: str, encode: Callable[[JsonObject], str]) -> Setting[JsonObject]:
    """A JSON object; ``encode`` says how it was always written (separators, key order)."""
    return Setting(key, owner, json_object_of, encode)


def json_object_of(raw: str) -> JsonObject:
    """A stored JSON object; ValueError when the text is not one."""
    value = json.loads(raw)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value
