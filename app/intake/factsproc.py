"""Reading the facts in a process of its own: pages as JSON on stdin, facts as JSON on stdout.

Why a process, when extraction is our own pure Python:

- the window stays smooth. Extraction matches long phrase lists against the whole text
  of a demand, and one ``re`` search holds the interpreter lock for as long as it scans
  (12 ms and more on a 20-page demand, growing with its length); in a thread of the GUI
  process that is a stall of the window each time;
- the text is untrusted. A text layer built to make a pattern backtrack, or a file of
  a thousand pages of words, ends here in a time limit and a message, with the memory
  limit of the other readers, instead of a hung or swollen app.

``extract_isolated`` is the caller's side; ``main`` runs in the child (``python -m
app.intake.factsproc``, or ``demand-desk --worker app.intake.factsproc`` when frozen).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from app.intake.child import ChildCancelledError, ChildTimeoutError, exchange
from app.intake.facts import (
    DataRequestReading,
    ExtractedFacts,
    IdentifierReading,
    Reading,
    SecrecyReading,
)
from app.intake.pdf import IntakeCancelledError, IntakeError, reader_argv
from app.model import PageSource, PageText, Word

MODULE = "app.intake.factsproc"
# Seconds a demand may take to read, on top of a base: a 300-page demand reads in about
# ten seconds; this is the limit beyond which something is wrong with the text.
TIMEOUT_BASE_S = 30.0
TIMEOUT_PER_PAGE_S = 0.5


# ------------------------------------------------------------------------------ JSON


def pages_to_json(pages: Sequence[PageText]) -> list[dict[str, Any]]:
    return [
        {
            "page_no": p.page_no,
            "width": p.width,
            "height": p.height,
            "source": p.source.value,
            "text": p.text,
            "words": [[w.text, *w.box, w.confidence, w.line] for w in p.words],
        }
        for p in pages
    ]


def pages_from_json(data: list[dict[str, Any]]) -> list[PageText]:
    return [
        PageText(
            page_no=int(p["page_no"]),
            width=float(p["width"]),
            height=float(p["height"]),
            source=PageSource(p["source"]),
            text=str(p["text"]),
            words=[
                Word(str(w[0]), (float(w[1]), float(w[2]), float(w[3]), float(w[4])), float(w[5]), int(w[6]))
                for w in p["words"]
            ],
        )
        for p in data
    ]


def facts_to_json(facts: ExtractedFacts) -> dict[str, Any]:
    return asdict(facts)


def _box(value: Any) -> Any:
    return tuple(value) if value is not None else None


def facts_from_json(data: dict[str, Any]) -> ExtractedFacts:
    secrecy = data.get("secrecy_order")
    return ExtractedFacts(
        scalars={k: Reading(**{**v, "box": _box(v.get("box"))}) for k, v in data["scalars"].items()},
        identifiers=[IdentifierReading(**{**i, "box": _box(i.get("box"))}) for i in data["identifiers"]],
        requester_contacts=[
            IdentifierReading(**{**i, "box": _box(i.get("box"))}) for i in data.get("requester_contacts", [])
        ],
        data_requested=[
            DataRequestReading(**{**d, "box": _box(d.get("box"))}) for d in data["data_requested"]
        ],
        secrecy_order=SecrecyReading(**{**secrecy, "box": _box(secrecy.get("box"))}) if secrecy else None,
        language=data.get("language"),
    )


# ------------------------------------------------------------------------------ caller


def extract_isolated(
    pages: Sequence[PageText],
    *,
    today: date,
    cancelled: Callable[[], bool] | None = None,
    timeout: float | None = None,
) -> ExtractedFacts:
    """``extract_facts`` run in a child process; raises IntakeError if it fails or takes too long."""
    request = json.dumps({"today": today.isoformat(), "pages": pages_to_json(pages)}).encode("utf-8")
    limit = timeout if timeout is not None else TIMEOUT_BASE_S + TIMEOUT_PER_PAGE_S * len(pages)
    try:
        status, stdout = exchange(reader_argv(MODULE), request, timeout=limit, cancelled=cancelled)
    except ChildCancelledError:
        raise IntakeCancelledError("Reading the facts was cancelled.") from None
    except ChildTimeoutError:
        raise IntakeError(
            f"Reading the facts of this demand took longer than {limit:.0f} s; it was stopped."
        ) from None
    if status != 0:
        raise IntakeError("Reading the facts stopped on this demand (its text may be damaged or hostile).")
    try:
        return facts_from_json(json.loads(stdout))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise IntakeError("Reading the facts gave no answer for this demand.") from None


# ------------------------------------------------------------------------------ child


def main() -> int:
    from app.intake.extract import extract_facts
    from app.intake.pdfcheck import limit_resources

    limit_resources()
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the answer goes to the parent
    try:
        request = json.loads(sys.stdin.buffer.read())
        pages = pages_from_json(request["pages"])
        today = date.fromisoformat(request["today"])
    except (ValueError, KeyError, TypeError):
        return 2
    facts = extract_facts(pages, today=today)
    out.write(json.dumps(facts_to_json(facts), ensure_ascii=False).encode("utf-8"))
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
