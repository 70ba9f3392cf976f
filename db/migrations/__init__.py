"""Ordered schema migrations: ``NNNN_name.sql`` files applied in number order.

Each file runs in one transaction together with the bump of ``PRAGMA user_version``.
Never edit a migration that has shipped; add the next number instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def _load() -> tuple[Migration, ...]:
    found = []
    for entry in resources.files(__name__).iterdir():
        if entry.name.endswith(".sql"):
            number, _, _ = entry.name.partition("_")
            found.append(Migration(int(number), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    numbers = [m.version for m in found]
    # Numbers are handed out to work done side by side, so a branch may hold a later number
    # before the earlier ones are merged; two files with one number are still refused.
    if len(set(numbers)) != len(numbers) or (numbers and numbers[0] != 1):
        raise RuntimeError(f"migrations are not numbered 1, 2, …: {[m.name for m in found]}")
    return tuple(found)


MIGRATIONS = _load()
LATEST = MIGRATIONS[-1].version
