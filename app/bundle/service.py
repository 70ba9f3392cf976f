"""Bundles and sync as use cases: export, import, sync with a shared folder, conflicts.

Versions. Each bundle is one version of a case; it names its parent (the version it was
edited from), the versions it merged (after a conflict) and all its ancestors. A store
remembers, per case, the version its copy stands on (``base``) and the newest audit
event that version holds: a later event of the case is a change not yet published.

Receiving a version V of a case:

- the case is new here: it is added;
- V descends from our base and we have no unpublished change: V replaces our copy
  (a fast-forward), after checking it holds every audit event we hold for the case;
- V is one of our base's ancestors: nothing to do;
- otherwise (two versions with the same parent, or our unpublished change against V):
  a *conflict*. Nothing is overwritten; V is kept whole inside the store until a
  reviewer keeps mine or theirs. The resolution is a new version whose parent is the
  side kept and which merges the other, so every workstation that sees it knows both
  sides are settled. Audit events are always merged as a union; the case's data
  (facts, decision, letters…) comes whole from one side, never mixed.

Sync is written as steps (``sync_steps``): a generator that does the store's work
itself and hands out, as ``Io``, the work that touches only the share and the
cryptography, with a ``Step`` between cases. ``sync`` runs the steps in line (the
command line); the window runs each ``Io`` on a worker thread and the rest on the GUI
thread, so the store is only ever used from one thread and a slow or dead shared drive
never freezes the window. Cancelling stops between cases.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from pathlib import Path

import pyrage

from app import audit_heads, roster, roster_log
from app.bundle import head_sync, share
from app.bundle import pack as bundle_pack
from app.bundle.conflict_view import ConflictView, OpenConflict, differences
from app.bundle.events import append_new
from app.bundle.format import MAX_BUNDLE_BYTES, BundleError, Manifest, file_name
from app.bundle.pack import Bundle
from app.bundle.pdfs import check_pdfs
from app.bundle.roster_sync import roster_steps
from app.bundle.sync_report import Refusal, SyncReport
from app.bundle.trust import authorship_problem
from app.fsutil import UnreadableFile, read_regular_file, write_atomic
from app.model import CaseId
from app.services import Desk, DeskError
from app.steps import Cancelled, Io, Progress, Step, Steps, drive
from app.team import TeamKey
from db import Store, StoreError, case_copy, sync_state
from db import audit_heads as head_rows
from db.store import Row


class Keep(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


class Received(StrEnum):
    ADDED = "added"  # a case new to this workstation
    UPDATED = "updated"  # a newer version of a case we had
    CONFLICT = "conflict"
    ALREADY = "already"  # known, or older than what we have


def read_bundle(
    path: Path,
    identities: Iterable[pyrage.x25519.Identity],
    local_schema: int,
    trusted: Mapping[str, str],
) -> Bundle:
    """Read, decrypt and check a bundle file: its signature against ``trusted`` (workstation ->
    public key), then its PDFs as intake would; touches no store. Raises BundleError with the reason."""
    try:
        untrusted = read_regular_file(path, MAX_BUNDLE_BYTES)
    except UnreadableFile as exc:
        raise BundleError(str(exc.strerror)) from None
    except OSError as exc:
        raise BundleError(f"it cannot be read ({share.describe(exc)})") from None
    plain = bundle_pack.decrypt(untrusted, identities)
    bundle = bundle_pack.unpack(plain, local_schema, trusted=trusted)
    # Before ``receive`` stores anything, and here rather than in it: a reader process may
    # take seconds, and ``receive`` runs on the thread that owns the store (the window's).
    check_pdfs(bundle)
    return bundle


def _write_bundle(out: Path, sealed: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, sealed)


def _scan_reachable(shared: Path) -> list[share.Published]:
    share.check_reachable(shared)
    return share.scan(shared)


def _noop_progress(done: int, total: int, message: str) -> None:
    return None


def _never() -> bool:
    return False


class Bundles:
    def __init__(self, desk: Desk, team: TeamKey) -> None:
        self.desk = desk
        self.store = desk.store
        self.team = team

    # -- making a version ----------------------------------------------------------------

    def _ancestry(self, version_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for vid in version_ids:
            found.add(vid)
            row = sync_state.get_version(self.store, vid)
            if row:
                found.update(row["ancestors"])
        return found

    def _mint(self, case_id: str) -> tuple[Manifest, bytes]:
        """The version to publish for the case now: a new one when it changed, else its base again."""
        store = self.store
        case = store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        actor = self.desk.actor()
        last_seq = sync_state.case_last_seq(store, case_id)
        state = sync_state.case_state(store, case_id)
        base = sync_state.get_version(store, state["base_version"]) if state else None
        changed = state is None or last_seq > state["synced_seq"] or bool(state["pending_merge"])
        if not changed and base is not None:
            # Unchanged since its version (made here or imported): the same version again.
            version_id, parent = base["version_id"], base["parent_version_id"]
            merged: list[str] = []
            ancestors, created = set(base["ancestors"]), base["created"]
            author, workstation = base["author"], base["workstation"]
        else:
            known = sync_state.get_version(store, case["version_id"])
            # A case's first version keeps the id intake gave it.
            version_id = case["version_id"] if state is None and known is None else uuid.uuid4().hex
            parent = state["base_version"] if state else None
            merged = list(state["pending_merge"]) if state else []
            ancestors = self._ancestry([*([parent] if parent else []), *merged])
            created, author, workstation = self.desk.now(), actor, self.desk.workstation
        with store.atomic():
            sync_state.add_version(
                store,
                {
                    "version_id": version_id,
                    "case_id": case_id,
                    "parent_version_id": parent,
                    "ancestors": sorted(ancestors),
                    "origin": "local",
                    "author": author,
                    "workstation": workstation,
                    "created": created,
                    "published": 0,
                },
            )
            sync_state.set_case_state(store, case_id, base_version=version_id, synced_seq=last_seq)
            store.update_case(case_id, {"version_id": version_id, "parent_version_id": parent})
            snap = bundle_pack.snapshot(store, case_id)
            _holds(store, version_id, (e.id for e in snap.events))
        signer = self.team.signing()
        return bundle_pack.pack(
            snap,
            {
                "case_id": case_id,
                "version_id": version_id,
                "parent_version_id": parent,
                "merged_version_ids": sorted(merged),
                "ancestors": sorted(ancestors),
                "author": author,
                "workstation": workstation,
                "created": created,
                "schema": store.schema_version(),
            },
            signer.sign,
            signer=self.desk.workstation,
            fingerprint=signer.fingerprint(),
        )

    def export_case(self, case_id: CaseId, to_dir: Path) -> Path:
        """Write the case's current version to ``to_dir`` as ``<case id>_<version>.ddb``."""
        _, out = drive(self.export_steps(case_id, to_dir), _noop_progress, _never)
        return Path(out)

    def export_steps(self, case_id: CaseId, to_dir: Path) -> Steps:
        """``export_case`` as steps: sealing and writing the file are ``Io``."""
        recipient = self.team.current_recipient()  # before minting: no team key, no new version
        manifest, plain = self._mint(case_id)
        sealed = yield Io(functools.partial(bundle_pack.seal, plain, recipient), f"Sealing {case_id}")
        out = to_dir / f"{case_id}_{file_name(manifest.version_id)}"
        yield Io(functools.partial(_write_bundle, out, sealed), f"Writing {out.name}")
        self.desk.record(
            "bundle.exported", None, {"case_id": case_id, "version": manifest.version_id, "file": out.name}
        )
        return out

    def opener(self, path: Path) -> Callable[[], Bundle]:
        """Reading and checking the file, as work that touches no store (for another thread)."""
        schema = self.store.schema_version()
        identities = self.team.identities()
        return functools.partial(read_bundle, path, identities, schema, self.trusted())

    def trusted(self) -> dict[str, str]:
        """Whose bundles this workstation accepts: the roster's admitted workstations, and itself."""
        found = roster_log.admitted(self.store)
        found[self.desk.workstation] = self.team.signing().public()
        return found

    def open_file(self, path: Path) -> Bundle:
        """Decrypt and check a bundle file; raises BundleError with the reason."""
        return self.opener(path)()

    def import_file(self, path: Path) -> tuple[Bundle, Received]:
        """Import one bundle file: all of it in one transaction, or nothing (BundleError says why)."""
        bundle = self.open_file(path)
        return bundle, self.receive(bundle)

    def receive(self, bundle: Bundle) -> Received:
        """Apply a checked bundle: add, fast-forward, or keep it as a conflict."""
        self.desk.actor()
        m = bundle.manifest
        store = self.store
        case_id = m.case_id
        if sync_state.get_version(store, m.version_id) is not None:
            return Received.ALREADY
        state = sync_state.case_state(store, case_id)
        exists = store.get_case(case_id) is not None
        try:
            # Every row as this store would hold it, before any is kept (also as a conflict's side).
            case_copy.check_rows(store, bundle.snapshot.tables)
            # Then who may have written it (also before a conflict keeps it: keeping theirs takes it).
            team = roster.fold(roster_log.events(store))
            problem = authorship_problem(bundle, self._events_known(case_id), team)
            if problem:
                raise BundleError(problem)
            # And that it holds every event a colleague's signed head already listed for it.
            behind = head_sync.bundle_problem(store, bundle)
            if behind:
                head_sync.keep_bundle_problem(self.desk, behind[0], case_id, behind[1])
                raise BundleError(behind[1])
            with store.atomic():
                if not exists:
                    self._replace(bundle)
                    outcome = Received.ADDED
                else:
                    outcome = self._receive_existing(bundle, state)
                if outcome is not Received.ALREADY:
                    self.desk.record(
                        "bundle.imported" if outcome is not Received.CONFLICT else "sync.conflict_found",
                        None,
                        {"case_id": case_id, "version": m.version_id, "from": m.workstation},
                    )
        except StoreError as exc:
            raise BundleError(f"its case data does not fit this workstation's store ({exc})") from None
        return outcome

    def _events_known(self, case_id: str) -> set[str]:
        """The case's events this workstation has checked already: its own, and the other side
        of an open conflict (checked when it came; a resolution made elsewhere carries it)."""
        known = sync_state.case_event_ids(self.store, case_id)
        if sync_state.get_conflict(self.store, case_id) is not None:
            known |= {e.id for e in self._their_bundle(case_id).snapshot.events}
        return known

    def _receive_existing(self, bundle: Bundle, state: Row | None) -> Received:
        m = bundle.manifest
        store = self.store
        case_id = m.case_id
        base = state["base_version"] if state else None
        if base and m.version_id in self._ancestry([base]):
            self._remember(m, bundle)
            return Received.ALREADY
        dirty = state is None or (
            sync_state.case_last_seq(store, case_id) > state["synced_seq"] or bool(state["pending_merge"])
        )
        conflict = sync_state.get_conflict(store, case_id)
        if base in m.ancestors and not dirty:
            held = sync_state.case_event_ids(store, case_id)
            missing = held - {e.id for e in bundle.snapshot.events}
            if missing:
                raise BundleError(
                    f"it leaves out {len(missing)} audit event(s) this workstation holds for the case"
                )
            self._replace(bundle)
            if conflict is not None and conflict["their_version"] in m.ancestors:
                sync_state.delete_conflict(store, case_id)  # settled on another workstation
            return Received.UPDATED
        if conflict is not None and conflict["their_version"] not in m.ancestors:
            # A third line of work: it waits (unread, unrecorded) until this conflict is settled.
            return Received.CONFLICT
        sync_state.set_conflict(store, case_id, m.version_id, bundle.plain, self.desk.now())
        self._remember(m, bundle)
        return Received.CONFLICT

    def _remember(self, m: Manifest, bundle: Bundle) -> None:
        sync_state.add_version(
            self.store,
            {
                "version_id": m.version_id,
                "case_id": m.case_id,
                "parent_version_id": m.parent_version_id,
                "ancestors": m.ancestors,
                "origin": "imported",
                "author": m.author,
                "workstation": m.workstation,
                "created": m.created,
                "published": 1,
            },
        )
        _holds(self.store, m.version_id, (e.id for e in bundle.snapshot.events))

    def _replace(self, bundle: Bundle) -> None:
        """Make the bundle's version this store's copy of the case (caller's transaction)."""
        m = bundle.manifest
        store = self.store
        case = bundle.snapshot.tables["cases"][0]
        if case_copy.reference_taken(store, m.case_id, case["reference"]):
            raise BundleError(f"another case here already has the reference {case['reference']}")
        case_copy.replace_case(store, m.case_id, bundle.snapshot.tables)
        append_new(store, bundle.snapshot.events)
        self._remember(m, bundle)
        sync_state.set_case_state(
            store,
            m.case_id,
            base_version=m.version_id,
            synced_seq=sync_state.case_last_seq(store, m.case_id),
        )

    # -- sync -----------------------------------------------------------------------------

    def sync(
        self, shared: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> SyncReport:
        """Publish what changed here, then import what others published. Safe to repeat.

        Raises share.ShareError when the folder is not there at all; a share that fails
        part way (read-only, full, gone) ends up in ``errors`` with nothing half-done.
        """
        report = SyncReport()
        finished, _ = drive(self.sync_steps(shared, report), progress or _noop_progress, cancelled or _never)
        report.cancelled = not finished
        return report

    def sync_steps(self, shared: Path, report: SyncReport) -> Steps:
        """``sync`` as steps for a driver (see the module's docstring); fills ``report``."""
        yield Io(functools.partial(share.check_reachable, shared), "Looking for the shared folder")
        self.team.info()  # no team key: say so before anything else
        # The roster first: an approval in a case read below then finds its approver known.
        yield from roster_steps(self.desk, self.team, shared, report.roster)
        report.refused += [Refusal(file, reason) for file, reason in report.roster.refused]
        report.errors += report.roster.errors
        # Then the colleagues' audit heads: a case read below is held to what they listed.
        yield from head_sync.read_steps(self.desk, self.team, shared, report.heads)
        report.refused += [Refusal(file, reason) for file, reason in report.heads.refused]
        report.heads.refused.clear()
        report.errors += report.heads.errors
        report.heads.errors.clear()
        to_push = sync_state.cases_to_publish(self.store)
        recipient = self.team.current_recipient() if to_push else None
        known = sync_state.known_version_ids(self.store)
        try:
            on_share = yield Io(functools.partial(share.scan, shared), "Reading the shared folder")
        except share.ShareError:
            on_share = []
        to_pull = [p for p in on_share if p.version_id not in known]
        total = len(to_push) + len(to_pull)
        done = 0
        yield Step(done, total, "Publishing changed cases" if to_push else "Reading the shared folder")
        if recipient is not None:
            done = yield from self._publish_all(shared, to_push, recipient, report, total)
        # Another workstation may have published while we pushed: look again.
        try:
            fresh = yield Io(functools.partial(_scan_reachable, shared), "Reading the shared folder")
        except share.ShareError as exc:
            report.errors.append(str(exc))
            return
        known = sync_state.known_version_ids(self.store)
        to_pull = [p for p in fresh if p.version_id not in known]
        total = done + len(to_pull)
        # Parents before children: a descendant has more ancestors than any of its ancestors,
        # but that is only known after decrypting, so order within a case after opening.
        opened: list[tuple[share.Published, Bundle]] = []
        for item in to_pull:
            try:
                bundle = yield Io(self.opener(item.path), f"Reading {item.path.name}")
                if (bundle.manifest.case_id, bundle.manifest.version_id) != (item.case_id, item.version_id):
                    raise BundleError("its name on the share does not match its manifest")
                opened.append((item, bundle))
            except BundleError as exc:
                report.refused.append(Refusal(share.shown(shared, item.path), str(exc)))
                done += 1
            yield Step(done, total, f"Checked {item.path.name}")
        opened.sort(key=lambda pair: (pair[1].manifest.case_id, len(pair[1].manifest.ancestors)))
        try:
            yield from self._receive_all(shared, opened, report, done, total)
        finally:
            # Also when cancelled: the report names every conflict open now.
            report.conflicts = sorted(set(report.conflicts) | {c["case_id"] for c in self.conflicts()})
        head_sync.check_withheld(self.desk, (p.version_id for p in fresh), report.heads)
        if report.errors:
            # The local anchor still moves to the trail's head, if whole; the signed head waits for
            # a sync that published everything it would list.
            self.desk.anchor_audit()
            return
        yield from head_sync.publish_steps(self.desk, self.team, shared, report.heads)
        report.errors += report.heads.errors

    def _publish_all(
        self,
        shared: Path,
        to_push: list[Row],
        recipient: pyrage.x25519.Recipient,
        report: SyncReport,
        total: int,
    ) -> Steps:
        """Mint, seal and publish each changed case (steps); how many were published."""
        done = 0
        for row in to_push:
            case_id = row["case_id"]
            manifest, plain = self._mint(case_id)
            try:
                sealed = yield Io(functools.partial(bundle_pack.seal, plain, recipient), f"Sealing {case_id}")
                path = yield Io(
                    functools.partial(share.publish, shared, case_id, manifest.version_id, sealed),
                    f"Publishing {case_id}",
                )
            except (OSError, share.ShareError) as exc:
                reason = share.reason(exc)
                report.errors.append(
                    f"Could not publish case {case_id}: {reason}. "
                    "Nothing was half-published; sync again later."
                )
                break  # the share is not writable now; the rest would fail the same way
            with self.store.atomic():
                sync_state.mark_published(self.store, manifest.version_id)
                self.desk.record(
                    "bundle.published",
                    None,
                    {"case_id": case_id, "version": manifest.version_id, "file": path.name},
                )
            report.pushed.append(case_id)
            report.bytes_written += len(sealed)
            done += 1
            yield Step(done, total, f"Published {case_id}")
        return done

    def _receive_all(
        self,
        shared: Path,
        opened: list[tuple[share.Published, Bundle]],
        report: SyncReport,
        done: int,
        total: int,
    ) -> Steps:
        for item, bundle in opened:
            try:
                outcome = self.receive(bundle)
            except BundleError as exc:
                report.refused.append(Refusal(share.shown(shared, item.path), str(exc)))
                outcome = None
            if outcome in (Received.ADDED, Received.UPDATED):
                report.pulled.append(item.case_id)
            elif outcome is Received.CONFLICT:
                report.conflicts.append(item.case_id)
            done += 1
            yield Step(done, total, f"Read {item.path.name}")

    # -- conflicts -------------------------------------------------------------------------

    def conflicts(self) -> list[OpenConflict]:
        """The open conflicts, oldest first."""
        return [
            {
                "case_id": row["case_id"],
                "reference": row["reference"],
                "their_version": row["their_version"],
                "my_version": row["my_version"],
                "found_at": row["found_at"],
            }
            for row in sync_state.list_conflicts(self.store)
        ]

    def _their_bundle(self, case_id: str) -> Bundle:
        row = sync_state.get_conflict(self.store, case_id)
        if row is None:
            raise DeskError(f"Case {case_id} has no open conflict.")
        # Checked, signature and all, when it arrived; it may even predate signing.
        return bundle_pack.unpack(bytes(row["bundle"]), self.store.schema_version(), trusted=None)

    def conflict_view(self, case_id: CaseId) -> ConflictView:
        """Both sides field by field, for the reviewer to choose between."""
        theirs = self._their_bundle(case_id)
        mine = bundle_pack.snapshot(self.store, case_id)
        state = sync_state.case_state(self.store, case_id)
        base = sync_state.get_version(self.store, state["base_version"]) if state else None
        m = theirs.manifest
        mine_ids = {e.id for e in mine.events}
        their_ids = {e.id for e in theirs.snapshot.events}
        last_seq = sync_state.case_last_seq(self.store, case_id)
        return ConflictView(
            case_id=case_id,
            reference=mine.tables["cases"][0]["reference"],
            mine={
                "version": base["version_id"] if base else None,
                "workstation": base["workstation"] if base else self.desk.workstation,
                "author": base["author"] if base else None,
                "created": base["created"] if base else None,
                "unpublished_changes": state is None or last_seq > state["synced_seq"],
            },
            theirs={
                "version": m.version_id,
                "workstation": m.workstation,
                "author": m.author,
                "created": m.created,
            },
            differences=differences(mine.tables, theirs.snapshot.tables),
            events_only_mine=len(mine_ids - their_ids),
            events_only_theirs=len(their_ids - mine_ids),
        )

    def resolve(self, case_id: CaseId, keep: Keep) -> None:
        """Settle a conflict: one side's case data whole, both sides' audit events.

        The result is a new version (published on the next sync) whose parent is the side
        kept and which merges the other.
        """
        actor = self.desk.actor()
        theirs = self._their_bundle(case_id)
        m = theirs.manifest
        store = self.store
        state = sync_state.case_state(store, case_id)
        base = state["base_version"] if state else None
        pending = set(state["pending_merge"]) if state else set()
        with store.atomic():
            self._remember(m, theirs)
            if keep is Keep.THEIRS:
                case = theirs.snapshot.tables["cases"][0]
                if case_copy.reference_taken(store, case_id, case["reference"]):
                    raise DeskError(f"Another case here already has the reference {case['reference']}.")
                case_copy.replace_case(store, case_id, theirs.snapshot.tables)
                new_base, pending = m.version_id, pending | ({base} if base else set())
            else:
                new_base, pending = base or m.version_id, pending | {m.version_id}
            append_new(store, theirs.snapshot.events)
            sync_state.set_case_state(
                store,
                case_id,
                base_version=new_base,
                synced_seq=state["synced_seq"] if state else 0,
                pending_merge=pending - {new_base},
            )
            sync_state.delete_conflict(store, case_id)
            # A case event: the case now has a change to publish, the resolution itself.
            self.desk.record(
                "case.conflict_resolved",
                case_id,
                {"kept": keep.value, "mine": base, "theirs": m.version_id},
                actor=actor,
            )


def _holds(store: Store, version_id: str, event_ids: Iterable[str]) -> None:
    """Remember how many audit events a version holds, and which (for this workstation's head)."""
    ids = set(event_ids)
    head_rows.version_events(store, version_id, len(ids), audit_heads.events_digest(ids))
