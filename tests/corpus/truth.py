"""Check and summarise a generated corpus's truth files.

    python -m tests.corpus.truth OUTDIR

Prints the counts per instrument, language and country and every problem found:
a key missing or extra, a value outside the vocabulary, a date that is not ISO, an
identifier that is not normalised, a secrecy order whose expiry does not follow
from its length, or an identifier that two documents share.
"""

from __future__ import annotations

import ipaddress
import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.corpus.kit import CATEGORIES, INSTRUMENTS

KEYS = {
    "instrument",
    "issuing_authority",
    "country",
    "date_issued",
    "signed",
    "addressee",
    "identifiers",
    "data_requested",
    "date_range",
    "response_due",
    "emergency",
    "secrecy_order",
    "language",
    "notes",
}
KINDS = {"email", "phone", "account_id", "username", "gamertag", "ip", "url", "other"}
LANGUAGES = {"en", "de", "fr", "es"}
_E164 = re.compile(r"\+[1-9]\d{7,14}")


def _iso(value: Any) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(value)


def validate(truth: dict[str, Any]) -> list[str]:
    """Every way ``truth`` breaks the schema of tests/corpus/README.md."""
    problems: list[str] = []
    if set(truth) != KEYS:
        problems.append(f"keys: missing {sorted(KEYS - set(truth))}, extra {sorted(set(truth) - KEYS)}")
        return problems
    if truth["instrument"] not in INSTRUMENTS:
        problems.append(f"instrument {truth['instrument']!r}")
    if not re.fullmatch(r"[A-Z]{2}", truth["country"]):
        problems.append(f"country {truth['country']!r}")
    if truth["language"] not in LANGUAGES:
        problems.append(f"language {truth['language']!r}")
    for key in ("signed", "emergency"):
        if not isinstance(truth[key], bool):
            problems.append(f"{key} is not a bool")
    try:
        issued = _iso(truth["date_issued"])
        _iso(truth["response_due"])
        _iso(truth["date_range"]["from"])
        _iso(truth["date_range"]["to"])
    except (TypeError, ValueError, KeyError) as exc:
        problems.append(f"date: {exc}")
        issued = None
    for ident in truth["identifiers"]:
        kind, value, redacted = ident.get("kind"), ident.get("value"), ident.get("redacted")
        if set(ident) != {"kind", "value", "redacted"} or kind not in KINDS:
            problems.append(f"identifier {ident}")
        elif redacted:
            if value is not None:
                problems.append(f"redacted identifier with a value: {ident}")
        elif kind == "email" and (value != value.lower() or "@" not in value):
            problems.append(f"e-mail not normalised: {value}")
        elif kind == "phone" and not _E164.fullmatch(value):
            problems.append(f"phone not E.164: {value}")
        elif kind == "ip" and str(ipaddress.ip_address(value)) != value:
            problems.append(f"IP not canonical: {value}")
    for entry in truth["data_requested"]:
        category = entry.get("category")
        if category not in CATEGORIES or entry.get("content") != (category == "content"):
            problems.append(f"data_requested {entry}")
    if truth["instrument"] in ("preservation_request", "other") and truth["data_requested"]:
        problems.append("a preservation request or takedown asks for data")
    secrecy = truth["secrecy_order"]
    if set(secrecy) != {"present", "duration_days", "expires", "open_ended"}:
        problems.append(f"secrecy_order keys {sorted(secrecy)}")
    elif not secrecy["present"]:
        if secrecy["duration_days"] or secrecy["expires"] or secrecy["open_ended"]:
            problems.append("absent secrecy order with a length")
    elif secrecy["open_ended"]:
        if secrecy["duration_days"] is not None or secrecy["expires"] is not None:
            problems.append("open-ended secrecy order with a length")
    elif issued is not None:
        expected = issued + timedelta(days=secrecy["duration_days"])
        if secrecy["expires"] != expected.isoformat():
            problems.append(f"secrecy expires {secrecy['expires']}, expected {expected}")
    return problems


def load(outdir: Path) -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(".truth.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(Path(outdir).glob("*.truth.json"))
    }


def check(outdir: Path) -> list[str]:
    """Problems over the whole corpus, each prefixed with the document's name."""
    truths = load(outdir)
    problems = [f"{name}: {p}" for name, truth in truths.items() for p in validate(truth)]
    owners: dict[tuple[str, str], str] = {}
    for name, truth in truths.items():
        if not (Path(outdir) / f"{name}.pdf").exists():
            problems.append(f"{name}: no PDF")
        for ident in truth["identifiers"]:
            if ident["value"] is None:
                continue
            key = (ident["kind"], ident["value"])
            if key in owners and owners[key] != name:
                problems.append(f"{name}: identifier {ident['value']} also in {owners[key]}")
            owners[key] = name
    return problems


def summary(outdir: Path) -> dict[str, Counter[str]]:
    truths = load(outdir).values()
    return {
        "instrument": Counter(t["instrument"] for t in truths),
        "language": Counter(t["language"] for t in truths),
        "country": Counter(t["country"] for t in truths),
        "secrecy": Counter(
            "open-ended"
            if t["secrecy_order"]["open_ended"]
            else f"{t['secrecy_order']['duration_days']} days"
            if t["secrecy_order"]["present"]
            else "none"
            for t in truths
        ),
        "signed": Counter(str(t["signed"]).lower() for t in truths),
        "identifiers": Counter(
            "redacted" if i["redacted"] else i["kind"] for t in truths for i in t["identifiers"]
        ),
        "data": Counter(d["category"] for t in truths for d in t["data_requested"]),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = Path(args[0])
    for field, counts in summary(outdir).items():
        print(f"{field:11s} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    problems = check(outdir)
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
