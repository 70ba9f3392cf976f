"""Words, not codes (issue 20): every audit event the core records has a sentence, and the
sentences read as a reviewer would say them."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from app.labels import audit_details, audit_sentence, labels, outcome
from app.model import AuditEvent
from app.review.model import OUTCOMES
from app.review.policy import load_pack
from app.review.said import NOTES_FILE

ROOT = Path(__file__).resolve().parents[2]
ACTION = re.compile(r"[a-z_]+\.[a-z_]+")
NOT_ACTIONS = {"checklist.blocking_open"}  # a refusal's code (app/review/limits.py), never recorded
FILE_SUFFIXES = ("json", "jsonl", "toml", "csv", "txt", "pdf", "ics", "db", "com", "org", "net", "md", "sql")


def _recorded_actions() -> set[str]:
    """Actions passed to ``record``/``_record``, and dotted names of the same groups elsewhere
    (the schedule passes its actions through helpers: "secrecy.lifted", "notice.given")."""
    direct: set[str] = set()
    dotted: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and ACTION.fullmatch(node.value)
            ):
                if node.value.rsplit(".", 1)[1] not in FILE_SUFFIXES:
                    dotted.add(node.value)
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                first = node.args[0]
                branches = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                if name in ("record", "_record"):
                    direct |= {
                        b.value for b in branches if isinstance(b, ast.Constant) and isinstance(b.value, str)
                    }
    groups = {a.split(".")[0] for a in direct}
    return (direct | {a for a in dotted if a.split(".")[0] in groups}) - NOT_ACTIONS - _note_keys()


def _note_keys() -> set[str]:
    """The checklist's note templates ("checklist.applies_unknown"): dotted like actions, never recorded."""
    with NOTES_FILE.open("rb") as f:
        notes = tomllib.load(f)
    return {f"{table}.{key}" for table, entries in notes.items() for key in entries}


def test_every_recorded_action_has_a_sentence():
    missing = sorted(_recorded_actions() - set(labels().audit))
    assert missing == []


def test_every_outcome_and_checklist_item_has_words():
    assert [o for o in OUTCOMES if o not in labels().outcomes] == []
    assert [i.id for i in load_pack().items if not i.label or "_" in i.label] == []


def _event(action: str, **payload: object) -> AuditEvent:
    return AuditEvent(1, "2026-12-07T10:00:00Z", "Ada", "ws", "c1", action, dict(payload), "0", "1")


def test_sentences_name_facts_outcomes_and_items_in_words():
    assert (
        audit_sentence(
            _event("fact.corrected", key="date_issued", **{"from": None, "to": "2026-03-04"}, reason="scan")
        )
        == "Corrected date issued from — to 2026-03-04: scan"
    )
    assert (
        audit_sentence(_event("decision.made", outcome="disclose_noncontent"))
        == "Decided: Disclose non-content only"
    )
    assert (
        audit_sentence(_event("checklist.answered", item="validity.signed", answer="fail"))
        == "Answered Signed: fail"
    )
    assert outcome("not_a_data_demand").startswith("Not a data demand")


def test_an_event_missing_a_value_or_unknown_to_the_table_still_reads():
    assert audit_sentence(_event("letter.exported")) == "Exported a letter to"[: len("Exported a letter to")]
    assert audit_sentence(_event("hold.made_up")) == "Hold made up"
    assert ("SHA-256", "abc") in audit_details(_event("case.intake", sha256="abc"))
