"""The workstation's own settings on the desk: the provider's legal entities, the idle lock
and the OCR time per page. Each is read through a typed method and changed with an audit event."""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.context import Context, DeskError
from app.intake.limits import OCR_SECONDS_PER_PAGE, OCR_SECONDS_PER_PAGE_RANGE
from app.settings import Setting, SettingsSink, integer
from db.store import dumps

DEFAULT_IDLE_LOCK_MINUTES = 10


def _entities(raw: str) -> tuple[str, ...]:
    names = json.loads(raw)
    if not isinstance(names, list):
        raise ValueError("not a list of names")
    return tuple(str(n) for n in names if isinstance(n, str))


def _entities_text(names: tuple[str, ...]) -> str:
    return dumps(list(names))


_PROVIDER_ENTITIES = Setting("provider_entities", __name__, _entities, _entities_text)
_IDLE_LOCK_MINUTES = integer("idle_lock_minutes", __name__)
_OCR_SECONDS_PER_PAGE = integer("ocr_seconds_per_page", __name__)


def first_settings(sink: SettingsSink) -> None:
    """A new workstation's settings: the idle lock starts at its default."""
    _IDLE_LOCK_MINUTES.put(sink, DEFAULT_IDLE_LOCK_MINUTES)


class SettingsMixin(Context):
    """This workstation's settings, each key read and written here only."""

    def provider_entities(self) -> tuple[str, ...]:
        """The provider's legal entities a demand may be addressed to (checklist: addressed_to_provider)."""
        try:
            return _PROVIDER_ENTITIES.get(self.store) or ()
        except ValueError:
            return ()

    def set_provider_entities(self, names: Sequence[str]) -> None:
        cleaned = [n.strip() for n in names if n.strip()]
        actor = self._actor()
        with self.store.atomic():
            _PROVIDER_ENTITIES.put(self.store, tuple(cleaned))
            self._record("settings.provider_entities", None, {"entities": cleaned}, actor=actor)

    def idle_lock_minutes(self) -> int:
        try:
            value = _IDLE_LOCK_MINUTES.get(self.store)
            return max(1, value) if value is not None else DEFAULT_IDLE_LOCK_MINUTES
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, minutes: int) -> None:
        if not 1 <= minutes <= 240:
            raise DeskError("Auto-lock must be between 1 and 240 minutes.")
        with self.store.atomic():
            _IDLE_LOCK_MINUTES.put(self.store, minutes)
            self._record("settings.changed", None, {"idle_lock_minutes": minutes})

    def ocr_seconds_per_page(self) -> int:
        """The OCR time budget's allowance per page on this workstation (``limits.ocr_budget``)."""
        low, high = OCR_SECONDS_PER_PAGE_RANGE
        try:
            value = _OCR_SECONDS_PER_PAGE.get(self.store)
            return min(high, max(low, value)) if value is not None else int(OCR_SECONDS_PER_PAGE)
        except ValueError:
            return int(OCR_SECONDS_PER_PAGE)

    def set_ocr_seconds_per_page(self, seconds: int) -> None:
        low, high = OCR_SECONDS_PER_PAGE_RANGE
        if not low <= seconds <= high:
            raise DeskError(f"The OCR time per page must be between {low} and {high} seconds.")
        with self.store.atomic():
            _OCR_SECONDS_PER_PAGE.put(self.store, seconds)
            self._record("settings.changed", None, {"ocr_seconds_per_page": seconds})
