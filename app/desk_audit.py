"""The audit trail on the desk: reading it, and verifying it — the hash chain, this
workstation's anchor, the replay against the case tables and the signed heads."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace

from app import audit
from app.audit import ChainReport
from app.context import Context, audit_head, seq_hash, seq_hash_text
from app.model import AuditEvent, CaseId
from app.settings import Setting
from db.store import Row

# The chain head last seen whole (Desk._verify_chain).
_AUDIT_ANCHOR = Setting("audit_anchor", __name__, seq_hash, seq_hash_text)


class AuditMixin(Context):
    """The trail every change was recorded in (``Context.record``), read and checked."""

    def audit_trail(self, case_id: CaseId | None = None) -> list[AuditEvent]:
        return [
            AuditEvent(
                seq=r["seq"],
                at=r["at"],
                reviewer=r["reviewer"],
                workstation=r["workstation"],
                case_id=r["case_id"],
                action=r["action"],
                payload=json.loads(r["payload"]),
                prev_hash=r["prev_hash"],
                hash=r["hash"],
            )
            for r in self.store.audit_events(case_id)
        ]

    def verify_audit(self) -> ChainReport:
        """The chain, the anchor and the replay against the case tables (app/audit_replay.py).

        When the chain is whole and extends the anchor, its head becomes the new anchor.
        """
        from app import audit_replay  # reads every case table: loaded when verifying

        rows = list(self.store.audit_events())
        report = self._verify_chain(rows)
        problems = [audit.Problem(None, None, report.problem, report.first_bad_seq)] if report.problem else []
        problems += report.problems
        problems += audit_replay.replay(rows, audit_replay.read_tables(self.store))
        problems += self._head_problems(rows)
        if problems:
            report = replace(report, ok=False, problems=tuple(problems))
        return report

    def _head_problems(self, rows: list[Row]) -> list[audit.Problem]:
        """What the signed heads show (app/audit_heads.py): the chain must still pass through every
        head published of it, here or held by a colleague; and what sync found in colleagues' heads."""
        from app import audit_heads
        from db import audit_heads as head_rows

        hashes = dict(_place(r) for r in rows)
        claims = audit_heads.chain_claims(self.workstation, head_rows.heads(self.store))
        found = audit_heads.chain_problems(hashes, claims)
        for row in head_rows.findings(self.store):
            case = self.store.get_case(row["case_id"]) if row["case_id"] else None
            found.append(audit.Problem(row["case_id"], case["reference"] if case else None, row["what"]))
        return found

    def anchor_audit(self) -> bool:
        """Record the chain's head as this workstation's anchor if the chain is whole (after a
        sync); False when it is not, and the anchor stays where it was."""
        return self._verify_chain(list(self.store.audit_events())).ok

    def _verify_chain(self, rows: list[Row]) -> ChainReport:
        """The hash chain and its recorded head, then the anchor; a whole chain is anchored.

        The anchor (settings ``audit_anchor``: seq and hash) is kept apart from the events
        and from the head every event updates: it moves only here, at a verify or a sync
        that found the chain whole, so a tail cut or a re-chain after it is caught even when
        the recorded head was moved back to match (app/audit.py ``check_anchor`` says what
        it does not catch).
        """
        try:
            head = audit_head(self.store)
        except ValueError:
            return ChainReport(False, 0, None, "the chain's head record is damaged")
        report = audit.verify_chain(rows, head)
        try:
            anchor = _AUDIT_ANCHOR.get(self.store)
        except ValueError:
            damaged = audit.Problem(None, None, "this workstation's anchor of the trail is damaged")
            return replace(report, ok=False, problems=(damaged,))
        found = audit.check_anchor(rows, anchor) if anchor else None
        if found is not None:
            return replace(report, ok=False, problems=(found,))
        if report.ok and rows:
            with self.store.atomic():
                _AUDIT_ANCHOR.put(self.store, _place(rows[-1]))
        return report


def _place(row: Mapping[str, object]) -> tuple[int, str]:
    """A stored event's place in the chain: (seq, hash)."""
    seq, digest = row["seq"], row["hash"]
    if not isinstance(seq, int) or not isinstance(digest, str):
        raise ValueError(f"an audit event's seq {seq!r} or hash is damaged")
    return seq, digest
