"""Replaying the audit trail against the case tables: every row that matters has its event.

The hash chain (app/audit.py) proves the events were not edited; it cannot prove the
tables agree with them. Whoever holds the store key can change a decision, approve it
or delete it with no event at all, or wipe the events and re-chain nothing. So
``audit verify`` also walks the events and the tables side by side, and names, case by
case, every row without its event and every event whose row is gone or differs:

- every case has its ``case.intake`` event, and no events speak of a case that is gone;
- every decision (each revision) has its ``decision.made``/``decision.revised`` event
  with the same outcome, reasons, scope, policy version, decider and override, and each
  such event has its decision;
- an approval (``approved_by``) has its ``decision.approved`` event by that reviewer for
  that revision, and an approval event finds its revision approved by them;
- every final letter has its ``letter.finalised`` event with its SHA-256, and its stored
  PDF still hashes to it; every finalised event has its final letter;
- a fact a reviewer set holds the value of its latest ``fact.corrected`` event (or the
  day of service given at intake), and the latest correction of a fact is what it holds;
- targets and categories of data a reviewer added or removed are there, or not, as their
  latest event says, and a target or category a reviewer added has its event;
- every letter has its ``letter.drafted``/``letter.edited`` event, and its text hashes to
  what the latest of them recorded (events that record the text's SHA-256);
- a checklist answer a reviewer gave holds what its latest ``checklist.answered`` event
  gave, and an answer given or cleared by an event is there, or not, as it says;
- every notice given or withheld, every deadline extension and pause, and every resumption,
  matches an event that recorded it, and each such event finds its row; a due date the
  app recounted (``deadline.recounted``) is the fact's value unless a correction followed.

Letters are matched by hash or by kind and revision, decisions by revision, targets by
value, notices and deadline changes by what they say: local row ids
differ between workstations, and a case received by sync carries its events with it
(app/bundle/events.py), so the same replay holds for it. Events a store received for a
conflict that was settled (``case.conflict_resolved``) describe the side not kept as
well: before the settling, an event whose row is gone or differs is not a problem, but
every row still needs an event of its own.

Not checked: what a reviewer established about a case, secrecy orders, facts read at
intake, settings and reviewers (the roster has its own log). Older events that lack a field
are compared on the fields they have (a draft's text, before its events recorded its hash).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.audit import Problem
from app.jsontypes import JsonObject, JsonValue
from db import audit_rows
from db.store import Row, Store

DECIDED = ("decision.made", "decision.revised")
# A notice as the table and its event both say it: (case, kind, recipient, sent on or
# exception, how or reason, who decided).
_NoticeKey = tuple[str, str, object, object, object, str]
# A deadline change likewise: (case, kind, starts, reason, who).
_ChangeKey = tuple[str, str, object, object, str]
ADDED_BY_REVIEWER = "added by the reviewer:"  # app/corrections.py: add_category's text


@dataclass(frozen=True)
class Tables:
    cases: list[Row]
    decisions: list[Row]
    final_letters: list[Row]
    facts: list[Row]
    targets: list[Row]
    categories: list[Row]
    letters: list[Row]
    answers: list[Row]
    notices: list[Row]
    deadline_changes: list[Row]


def read_tables(store: Store) -> Tables:
    return Tables(
        cases=audit_rows.cases(store),
        decisions=audit_rows.decisions(store),
        final_letters=list(audit_rows.final_letters(store)),
        facts=audit_rows.facts(store),
        targets=audit_rows.targets(store),
        categories=audit_rows.categories(store),
        letters=list(audit_rows.letters(store)),
        answers=audit_rows.answers(store),
        notices=audit_rows.notices(store),
        deadline_changes=audit_rows.deadline_changes(store),
    )


@dataclass(frozen=True)
class _Event:
    seq: int
    at: str
    reviewer: str
    case_id: str
    action: str
    payload: JsonObject
    first_seq: int = 0  # its number in the chain where it was made

    @property
    def order(self) -> tuple[str, int]:
        """When it was made. Imported events join this chain in (time, identity) order, so within
        one second only the number in their own chain says which came first."""
        return (self.at, self.first_seq or self.seq)


def replay(rows: Iterable[Row], tables: Tables) -> list[Problem]:
    """Every disagreement between the events (stored rows, in sequence order) and the tables."""
    return _Replay(_events(rows), tables).run()


def _events(rows: Iterable[Row]) -> list[_Event]:
    events = []
    for row in rows:
        if row["case_id"] is None:
            continue
        try:
            payload = json.loads(row["payload"])
        except (TypeError, ValueError):
            continue  # the chain check names an unreadable payload
        if isinstance(payload, dict):
            events.append(
                _Event(
                    int(row["seq"]),
                    row["at"],
                    row["reviewer"],
                    row["case_id"],
                    row["action"],
                    payload,
                    int(row.get("origin_seq") or row["seq"]),
                )
            )
    return events


def _json(text: object) -> object:
    """A stored JSON text as the value it holds; anything else (or unreadable text) as it is."""
    try:
        return json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return text


class _Replay:
    def __init__(self, events: list[_Event], tables: Tables) -> None:
        self.events = events
        self.tables = tables
        self.references = {r["id"]: r["reference"] for r in tables.cases}
        self.problems: list[Problem] = []
        # The last time each case's conflict was settled: events up to then may describe the
        # side that was not kept.
        self.settled: dict[str, str] = {}
        for e in events:
            if e.action == "case.conflict_resolved":
                self.settled[e.case_id] = max(self.settled.get(e.case_id, ""), e.at)
        self.by_action: dict[str, list[_Event]] = defaultdict(list)
        for e in events:
            self.by_action[e.action].append(e)

    def run(self) -> list[Problem]:
        self._cases()
        self._decisions()
        self._approvals()
        self._letters()
        self._facts()
        self._targets()
        self._categories()
        self._drafts()
        self._answers()
        self._notices()
        self._deadlines()
        return self.problems

    def _say(self, case_id: str, what: str, seq: int | None = None) -> None:
        self.problems.append(Problem(case_id, self.references.get(case_id), what, seq))

    def _excused(self, event: _Event) -> bool:
        settled = self.settled.get(event.case_id)
        return settled is not None and event.at <= settled

    # -- cases ---------------------------------------------------------------------------

    def _cases(self) -> None:
        taken_in = {e.case_id for e in self.by_action["case.intake"]}
        for case_id in self.references:
            if case_id not in taken_in:
                self._say(case_id, "the case has no intake event")
        gone: dict[str, _Event] = {}
        for e in self.events:
            if e.case_id not in self.references and e.case_id not in gone:
                gone[e.case_id] = e
        for case_id, first in gone.items():
            self._say(
                case_id, f"the trail records this case ({first.action}) but the case is gone", first.seq
            )

    # -- decisions and approvals ------------------------------------------------------------

    def _decisions(self) -> None:
        made: dict[tuple[str, int], list[_Event]] = defaultdict(list)
        for action in DECIDED:
            for e in self.by_action[action]:
                revision = e.payload.get("revision")
                if isinstance(revision, int):
                    made[(e.case_id, revision)].append(e)
        rows = {(r["case_id"], r["revision"]): r for r in self.tables.decisions}
        for key, row in rows.items():
            case_id, revision = key
            candidates = made.get(key, [])
            if not candidates:
                self._say(case_id, f"decision revision {revision} ({row['outcome']}) has no event")
                continue
            differences = [_decision_differences(row, e) for e in candidates]
            if all(differences):
                last = candidates[-1]
                self._say(
                    case_id,
                    f"decision revision {revision} differs from its event: {'; '.join(differences[-1])}",
                    last.seq,
                )
        for key, events in made.items():
            if key not in rows and key[0] in self.references:
                for e in events:
                    if not self._excused(e):
                        self._say(
                            e.case_id,
                            f"the event records decision revision {key[1]} ({e.payload.get('outcome')}) "
                            "but the table has no such decision",
                            e.seq,
                        )

    def _approvals(self) -> None:
        approvals: dict[tuple[str, int], list[_Event]] = defaultdict(list)
        for e in self.by_action["decision.approved"]:
            revision = e.payload.get("revision")
            if isinstance(revision, int):
                approvals[(e.case_id, revision)].append(e)
        rows = {(r["case_id"], r["revision"]): r for r in self.tables.decisions}
        for key, row in rows.items():
            case_id, revision = key
            if row["approved_by"] is None:
                continue
            events = approvals.get(key, [])
            if not any(e.reviewer.casefold() == row["approved_by"].casefold() for e in events):
                self._say(
                    case_id,
                    f"decision revision {revision} is approved by {row['approved_by']} in the table "
                    "with no approval event by them",
                    events[-1].seq if events else None,
                )
        for key, events in approvals.items():
            approved = rows.get(key)
            if key[0] not in self.references:
                continue
            for e in events:
                if self._excused(e):
                    continue
                if approved is None:
                    self._say(
                        e.case_id,
                        f"{e.reviewer} approved decision revision {key[1]}, which the table does not have",
                        e.seq,
                    )
                elif (
                    approved["approved_by"] is None
                    or approved["approved_by"].casefold() != e.reviewer.casefold()
                ):
                    by = approved["approved_by"]
                    now = f"approved by {by}" if by else "not approved"
                    self._say(
                        e.case_id,
                        f"{e.reviewer} approved decision revision {key[1]} but the table shows it {now}",
                        e.seq,
                    )

    # -- letters -------------------------------------------------------------------------

    def _letters(self) -> None:
        finalised: dict[str, dict[str, _Event]] = defaultdict(dict)
        for e in self.by_action["letter.finalised"]:
            digest = e.payload.get("sha256")
            if isinstance(digest, str):
                finalised[e.case_id][digest] = e
        held: dict[str, set[str]] = defaultdict(set)
        for row in self.tables.final_letters:
            case_id, digest = row["case_id"], row["sha256"]
            name = f"final letter {row['kind']} (revision {row['revision']})"
            held[case_id].add(digest)
            if digest not in finalised.get(case_id, {}):
                self._say(case_id, f"{name} has no finalised event with its SHA-256")
            if row["pdf_sha256"] != digest:
                self._say(case_id, f"{name}: its stored PDF no longer matches its SHA-256")
        for case_id, by_digest in finalised.items():
            if case_id not in self.references:
                continue
            for digest, e in by_digest.items():
                if digest not in held[case_id] and not self._excused(e):
                    self._say(
                        case_id,
                        f"a letter was finalised (SHA-256 {digest[:12]}…) but no final letter has that hash",
                        e.seq,
                    )

    # -- facts, targets and categories ---------------------------------------------------------

    def _facts(self) -> None:
        # What set each (case, fact) last: corrections, and the day of service given at intake.
        set_by: dict[tuple[str, str], list[tuple[_Event, JsonValue]]] = defaultdict(list)
        for e in self.events:
            fact = e.payload.get("key")
            if e.action == "fact.corrected" and isinstance(fact, str) and "to" in e.payload:
                set_by[(e.case_id, fact)].append((e, e.payload["to"]))
            elif e.action == "case.intake" and e.payload.get("received_given") is True:
                set_by[(e.case_id, "received")].append((e, e.payload.get("received")))
            elif e.action == "deadline.recounted" and "to" in e.payload:
                set_by[(e.case_id, "response_due")].append((e, e.payload["to"]))
        rows = {(r["case_id"], r["key"]): r for r in self.tables.facts}
        for key, row in rows.items():
            case_id, name = key
            setters = sorted(set_by.get(key, []), key=lambda pair: pair[0].order)
            value = _json(row["value"]) if row["value"] is not None else None
            if not setters:
                if row["source"] == "reviewer":
                    self._say(case_id, f"fact {name} was set by a reviewer ({value!r}) with no event")
                continue
            last, wanted = setters[-1]
            if value == wanted:
                continue
            if case_id in self.settled and any(value == v for _, v in setters):
                continue
            self._say(
                case_id,
                f"fact {name} holds {value!r} but its last correction set {wanted!r}",
                last.seq,
            )
        for key, setters in set_by.items():
            if key not in rows and key[0] in self.references:
                last, wanted = setters[-1]
                if not self._excused(last):
                    self._say(
                        key[0], f"fact {key[1]} was set to {wanted!r} but is not in the table", last.seq
                    )

    def _targets(self) -> None:
        latest: dict[tuple[str, str], _Event] = {}
        for e in self.events:
            if e.action in ("fact.identifier_added", "fact.identifier_removed"):
                value = e.payload.get("value")
                if isinstance(value, str):
                    key = (e.case_id, value.casefold())
                    if key not in latest or e.order >= latest[key].order:
                        latest[key] = e
        present: dict[tuple[str, str], Row] = {}
        for row in self.tables.targets:
            if row["normalized"]:
                present.setdefault((row["case_id"], row["normalized"]), row)
                if row["source"] == "reviewer":
                    added = latest.get((row["case_id"], row["normalized"]))
                    if added is None or added.action != "fact.identifier_added":
                        self._say(row["case_id"], f"target {row['value']} was added with no event")
        for (case_id, value), e in latest.items():
            if case_id not in self.references or self._excused(e):
                continue
            there = (case_id, value) in present
            if e.action == "fact.identifier_added" and not there:
                self._say(case_id, f"target {e.payload['value']} was added but is not in the table", e.seq)
            elif e.action == "fact.identifier_removed" and there:
                self._say(case_id, f"target {e.payload['value']} was removed but is in the table", e.seq)

    def _categories(self) -> None:
        latest: dict[tuple[str, str], _Event] = {}
        for e in self.events:
            if e.action in ("fact.category_added", "fact.category_removed"):
                category = e.payload.get("category")
                if isinstance(category, str):
                    latest[(e.case_id, category)] = max(
                        (x for x in (latest.get((e.case_id, category)), e) if x is not None),
                        key=lambda x: x.order,
                    )
        present = {(r["case_id"], r["category"]) for r in self.tables.categories}
        for row in self.tables.categories:
            if str(row["text"] or "").startswith(ADDED_BY_REVIEWER):
                added = latest.get((row["case_id"], row["category"]))
                if added is None or added.action != "fact.category_added":
                    self._say(row["case_id"], f"data asked for ({row['category']}) was added with no event")
        for (case_id, category), e in latest.items():
            if case_id not in self.references or self._excused(e):
                continue
            there = (case_id, category) in present
            if e.action == "fact.category_added" and not there:
                self._say(case_id, f"data asked for ({category}) was added but is not in the table", e.seq)
            elif e.action == "fact.category_removed" and there:
                self._say(case_id, f"data asked for ({category}) was removed but is in the table", e.seq)

    # -- letters' texts, checklist answers, notices and deadlines ------------------------------

    def _drafts(self) -> None:
        written: dict[tuple[str, str, int], list[_Event]] = defaultdict(list)
        legacy: dict[str, set[object]] = defaultdict(set)  # events from before they named kind and revision
        for e in self.events:
            if e.action not in ("letter.drafted", "letter.edited"):
                continue
            kind, revision = e.payload.get("kind"), e.payload.get("revision")
            if isinstance(kind, str) and isinstance(revision, int):
                written[(e.case_id, kind, revision)].append(e)
            else:
                legacy[e.case_id] |= {e.payload.get("letter"), kind}
        held = set()
        for row in self.tables.letters:
            case_id, key = row["case_id"], (row["case_id"], row["kind"], row["revision"])
            held.add(key)
            name = f"{row['status']} letter {row['kind']} (revision {row['revision']})"
            events = sorted(written.get(key, []), key=lambda e: e.order)
            if not events:
                if not {row["id"], row["kind"]} & legacy[case_id]:
                    self._say(case_id, f"{name} has no drafted or edited event")
                continue
            recorded = [e for e in events if isinstance(e.payload.get("body_sha256"), str)]
            if recorded and recorded[-1].payload["body_sha256"] != row["body_sha256"]:
                self._say(
                    case_id, f"{name}: its text is not the one its last edit recorded", recorded[-1].seq
                )
        for key, events in written.items():
            if key not in held and key[0] in self.references:
                last = events[-1]
                if not self._excused(last):
                    self._say(
                        key[0],
                        f"the event records letter {key[1]} (revision {key[2]}) but the table has no "
                        "such letter",
                        last.seq,
                    )

    def _answers(self) -> None:
        latest: dict[tuple[str, str], _Event] = {}
        for e in self.events:
            item = e.payload.get("item")
            if e.action in ("checklist.answered", "checklist.cleared") and isinstance(item, str):
                key = (e.case_id, item)
                if key not in latest or e.order >= latest[key].order:
                    latest[key] = e
        rows = {(r["case_id"], r["item_id"]): r for r in self.tables.answers}
        for key, row in rows.items():
            case_id, item = key
            given = latest.get(key)
            name = f"checklist answer {item} ({row['answer']})"
            if given is None:
                self._say(case_id, f"{name} was given with no event")
            elif given.action == "checklist.cleared":
                if not self._excused(given):
                    self._say(case_id, f"{name} is in the table, but its last event cleared it", given.seq)
            else:
                found = []
                if given.payload.get("answer") != row["answer"]:
                    found.append(f"the event gave {given.payload.get('answer')}")
                if "reason" in given.payload and given.payload["reason"] != (row["reason"] or ""):
                    found.append("its reason differs")
                if given.reviewer.casefold() != str(row["reviewer"] or "").casefold():
                    found.append(f"given by {row['reviewer']} in the table, by {given.reviewer} in the event")
                if found and not self._excused(given):
                    self._say(case_id, f"{name} differs from its event: {'; '.join(found)}", given.seq)
        for key, e in latest.items():
            if key in rows or key[0] not in self.references or self._excused(e):
                continue
            if e.action == "checklist.answered":
                self._say(
                    key[0],
                    f"checklist item {key[1]} was answered {e.payload.get('answer')} but the table "
                    "has no answer",
                    e.seq,
                )

    def _notices(self) -> None:
        def said(kind: str, recipient: object, what: object) -> str:
            return f"notice to {recipient or 'user'} {'given' if kind == 'given' else 'withheld'} ({what})"

        rows: Counter[_NoticeKey] = Counter()
        for r in self.tables.notices:
            what = r["sent_at"] if r["kind"] == "given" else r["exception_kind"]
            detail = r["how"] if r["kind"] == "given" else r["reason"]
            rows[
                (r["case_id"], r["kind"], r["recipient"], what, detail, str(r["decided_by"]).casefold())
            ] += 1
        events: Counter[_NoticeKey] = Counter()
        last: dict[tuple[object, ...], _Event] = {}
        for e in self.events:
            if e.action not in ("notice.given", "notice.withheld"):
                continue
            p = e.payload
            given = e.action == "notice.given"
            key: _NoticeKey = (
                e.case_id,
                "given" if given else "exception",
                p.get("recipient"),
                p.get("sent_at") if given else p.get("exception_kind"),
                p.get("how") if given else p.get("reason"),
                e.reviewer.casefold(),
            )
            events[key] += 1
            last[key] = e
        for key in rows - events:
            self._say(key[0], f"{said(key[1], key[2], key[3])} has no event that records it as it stands")
        for key in events - rows:
            e = last[key]
            if key[0] in self.references and not self._excused(e):
                self._say(
                    key[0],
                    f"{said(key[1], key[2], key[3])} was recorded but the table does not hold it",
                    e.seq,
                )

    def _deadlines(self) -> None:
        words = {"extension": "deadline extended to", "pause": "deadline paused on"}
        rows: Counter[_ChangeKey] = Counter()
        ends: Counter[tuple[str, object]] = Counter()
        for r in self.tables.deadline_changes:
            rows[(r["case_id"], r["kind"], r["starts"], r["reason"], str(r["reviewer"]).casefold())] += 1
            if r["kind"] == "pause" and r["ends"] is not None:
                ends[(r["case_id"], r["ends"])] += 1
        events: Counter[_ChangeKey] = Counter()
        resumed: Counter[tuple[str, object]] = Counter()
        last: dict[tuple[object, ...], _Event] = {}
        for e in self.events:
            if e.action in ("deadline.extended", "deadline.paused"):
                kind = "extension" if e.action == "deadline.extended" else "pause"
                key: _ChangeKey = (
                    e.case_id,
                    kind,
                    e.payload.get("on"),
                    e.payload.get("reason"),
                    e.reviewer.casefold(),
                )
                events[key] += 1
                last[key] = e
            elif e.action == "deadline.resumed":
                ended = (e.case_id, e.payload.get("on"))
                resumed[ended] += 1
                last[ended] = e
        for key in rows - events:
            self._say(
                key[0], f"{words[key[1]]} {key[2]} ({key[3]}) has no event that records it as it stands"
            )
        for key in events - rows:
            if key[0] in self.references and not self._excused(last[key]):
                self._say(
                    key[0],
                    f"{words[key[1]]} {key[2]} was recorded but the table does not hold it",
                    last[key].seq,
                )
        for pause in ends - resumed:
            self._say(pause[0], f"a deadline pause ends on {pause[1]} in the table with no event resuming it")
        for pause in resumed - ends:
            if pause[0] in self.references and not self._excused(last[pause]):
                self._say(
                    pause[0],
                    f"the deadline was resumed on {pause[1]}, but no pause in the table ends then",
                    last[pause].seq,
                )


def _decision_differences(row: Row, event: _Event) -> list[str]:
    """How a decision row differs from the event that recorded it; empty when they agree."""
    p = event.payload
    found = []
    if "outcome" in p and p["outcome"] != row["outcome"]:
        found.append(f"outcome {row['outcome']} in the table, {p['outcome']} in the event")
    if "reasons" in p and p["reasons"] != _json(row["reasons"]):
        found.append("its reasons differ")
    if "scope" in p and p["scope"] != _json(row["scope"]):
        found.append("its scope differs")
    if "policy_version" in p and p["policy_version"] != row["policy_version"]:
        found.append(f"policy {row['policy_version']} in the table, {p['policy_version']} in the event")
    if event.reviewer.casefold() != str(row["decided_by"]).casefold():
        found.append(f"decided by {row['decided_by']} in the table, by {event.reviewer} in the event")
    override = p.get("override")
    if isinstance(override, dict):
        if override.get("reason") != row["override_reason"]:
            found.append("its override differs")
    elif row["override_reason"]:
        found.append("the table records an override its event does not")
    return found
