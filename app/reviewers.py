"""Who may act: reviewer roles, the rules for names and PINs, and the wrong-PIN lockout.

Pure rules, no store: ``Desk`` (app/services.py) applies them when it enrols, signs in
and approves, so the window, the command line and sync all obey the same ones.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

from app.domain.enums import Role as Role  # defined with every stored code; imported from here too


class RosterError(ValueError):
    """A name or PIN the roster does not accept; the message says why."""


MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 32
MAX_NAME = 80

# Five wrong PINs in a row lock the reviewer; every further wrong PIN doubles the wait.
LOCK_AFTER = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=24)


def check_new_pin(pin: str) -> str:
    """A PIN is six or more digits (a short one falls to a few thousand guesses)."""
    if not re.fullmatch(rf"[0-9]{{{MIN_PIN_DIGITS},{MAX_PIN_DIGITS}}}", pin or ""):
        raise RosterError(f"A PIN is {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits (0-9), nothing else.")
    return pin


def normalise_name(name: str, what: str = "reviewer") -> str:
    """The name as stored: NFKC, trimmed; refused when it could mislead a reader.

    Control, format (zero-width, bidirectional override) and unassigned characters make
    two names look alike or reorder what an approval dialog shows, so none is allowed.
    """
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not name or len(name) > MAX_NAME:
        raise RosterError(f"The {what} needs a name of 1 to {MAX_NAME} characters.")
    bad = [c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp")]
    if bad:
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(bad))
        raise RosterError(
            f"The {what}'s name holds invisible or direction-changing characters ({codes}); "
            "type it again with letters, digits, spaces and punctuation only."
        )
    if "  " in name:
        raise RosterError(f"The {what}'s name has two spaces in a row.")
    return name


@cache
def _homoglyphs() -> dict[str, str]:
    """Each confusable character to the one that stands for its group (the lowest code point)."""
    data = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8")
    )
    # The data lists each character's look-alikes, not always both ways: join the groups.
    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for char, glyphs in data.items():
        # Right-to-left glyphs come wrapped in left-to-right marks; the mark is not the glyph.
        for other in (c for g in glyphs if len(c := g["c"].strip("\u200e")) == 1):
            a, b = root(char), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {c: root(c) for c in parent}


def skeleton(name: str) -> str:
    """What a name looks like: two names with one skeleton read the same to a person."""
    table = _homoglyphs()
    text = unicodedata.normalize("NFKC", name)
    # Before and after case folding: "I" looks like "l" while "i" does not.
    for _ in range(2):
        text = "".join(table.get(c, c) for c in text).casefold()
    return text


def confusable_with(name: str, existing: list[str]) -> str | None:
    """The existing name that ``name`` could be mistaken for, if any (a different spelling)."""
    mine = skeleton(name)
    for other in existing:
        if other.casefold() != name.casefold() and skeleton(other) == mine:
            return other
    return None


def same_person(a: str | None, b: str | None) -> bool:
    """Two recorded names stand for one reviewer (names are unique without case)."""
    if a is None or b is None:
        return False
    return unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()


def lock_for(failures: int) -> timedelta | None:
    """How long ``failures`` wrong PINs in a row lock a reviewer out (None: not locked)."""
    if failures < LOCK_AFTER:
        return None
    return min(FIRST_LOCK * (1 << (failures - LOCK_AFTER)), LONGEST_LOCK)


def locked_message(name: str, until: datetime, now: datetime) -> str:
    left = max(1, int((until - now).total_seconds() + 59) // 60)
    return (
        f"{name} is locked after {LOCK_AFTER} wrong PINs in a row; try again in {left} minute"
        f"{'s' if left != 1 else ''} ({until.strftime('%H:%M')} UTC). An administrator can see "
        "this in the audit trail."
    )
