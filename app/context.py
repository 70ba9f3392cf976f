"""The infrastructure half of ``Desk``: the unlocked store, the signed-in reviewer, the clock
and the audit trail every change is recorded in.

``Context`` is what each use case stands on. Every change goes through ``Context.record``
inside the same transaction as the change, so the audit trail and the data never disagree.
The use cases themselves are grouped by area (``app/desk_*.py``) and joined into ``Desk`` in
``app/services.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from app import audit, keys, worklock
from app.datadir import DataDir, WorkstationConfig
from app.model import Reviewer
from app.settings import Setting, SettingsSink, SettingsSource
from db import Store
from db.store import dumps

Clock = Callable[[], datetime]


def seq_hash(raw: str) -> tuple[int, str]:
    """A stored "seq:hash" (an audit event's place in the chain); ValueError when it is damaged."""
    seq, _, digest = raw.partition(":")
    if not digest:
        raise ValueError(raw)
    return int(seq), digest


def seq_hash_text(value: tuple[int, str]) -> str:
    return f"{value[0]}:{value[1]}"


# The chain's last event, moved by every event appended (here and by a sync's import).
_AUDIT_HEAD = Setting("audit_head", __name__, seq_hash, seq_hash_text)


def audit_head(source: SettingsSource) -> tuple[int, str] | None:
    """The recorded head of the audit chain; ValueError when the record is damaged."""
    return _AUDIT_HEAD.get(source)


def set_audit_head(sink: SettingsSink, seq: int, digest: str) -> None:
    _AUDIT_HEAD.put(sink, (seq, digest))


class DeskError(Exception):
    """A user action that cannot be done; the message says why and what to do."""


class NotSignedInError(DeskError):
    pass


class WrongPinError(DeskError):
    pass


class WorkstationInUseError(DeskError):
    """Another Demand Desk (process) has this data directory open; nothing was changed."""


def take_lock(data_dir: DataDir) -> worklock.Hold:
    """The data directory's one-writer lock (app/worklock.py), or a refusal naming the holder."""
    try:
        return worklock.acquire(data_dir.root)
    except worklock.WorkstationInUse as exc:
        raise WorkstationInUseError(str(exc)) from None
    except OSError as exc:
        raise DeskError(f"{data_dir.root}: {exc.strerror or exc}; nothing was changed.") from None


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class Context:
    """The unlocked store, who acts on it, the clock, and the audit event each change records."""

    def __init__(self, data_dir: DataDir, config: WorkstationConfig, store: Store, clock: Clock) -> None:
        self.data_dir = data_dir
        self.config = config
        self.store = store
        self.clock = clock
        self.reviewer: Reviewer | None = None
        # The data directory's one-writer lock, when this desk took it (set_up, unlock).
        self.hold: worklock.Hold | None = None

    @property
    def workstation(self) -> str:
        return self.config.workstation

    def close(self) -> None:
        try:
            self.store.close()
        finally:
            self.reviewer = None
            if self.hold is not None:
                self.hold.release()

    def check_passphrase(self, passphrase: str) -> None:
        """Raise DeskError unless ``passphrase`` is this workstation's (it unwraps the store's key)."""
        if not self.data_dir.key_path.exists():
            raise DeskError("This workstation keeps its key in the keyring only: it has no passphrase.")
        try:
            keys.unwrap_key(keys.read_key_file(self.data_dir.key_path), passphrase)
        except keys.KeyError_ as exc:
            raise DeskError(str(exc)) from exc

    def is_senior(self) -> bool:
        return self.reviewer is not None and self.reviewer.senior

    def actor(self) -> str:
        """The signed-in reviewer's name; raises NotSignedInError when nobody is."""
        return self._actor()

    def now(self) -> str:
        return iso(self.clock())

    def record(
        self, action: str, case_id: str | None, payload: Mapping[str, object], *, actor: str | None = None
    ) -> None:
        """Append one audit event (joining the caller's transaction), for the app's other services."""
        self._record(action, case_id, payload, actor=actor)

    def _actor(self) -> str:
        if self.reviewer is None:
            raise NotSignedInError("Sign in as a reviewer first.")
        return self.reviewer.name

    def _record(
        self, action: str, case_id: str | None, payload: Mapping[str, object], *, actor: str | None = None
    ) -> None:
        """Append one audit event; joins the caller's transaction when there is one."""
        actor = actor or self._actor()
        with self.store.atomic():
            last = self.store.audit_last()
            seq = (last["seq"] if last else 0) + 1
            prev_hash = last["hash"] if last else audit.GENESIS
            at = iso(self.clock())
            digest = audit.event_hash(
                seq=seq,
                at=at,
                reviewer=actor,
                workstation=self.workstation,
                case_id=case_id,
                action=action,
                payload=payload,
                prev_hash=prev_hash,
            )
            self.store.insert_audit(
                {
                    "seq": seq,
                    "at": at,
                    "reviewer": actor,
                    "workstation": self.workstation,
                    "case_id": case_id,
                    "action": action,
                    "payload": dumps(payload),
                    "prev_hash": prev_hash,
                    "hash": digest,
                }
            )
            set_audit_head(self.store, seq, digest)
