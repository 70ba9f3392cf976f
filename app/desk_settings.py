"""The workstation's own settings on the desk: the provider's legal entities, the idle lock
and the OCR time per page. Each is read through a typed method and changed with an audit event."""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.context import Context, DeskError
from app.intake.limits import OCR_SECONDS_PER_PAGE, OCR_SECONDS_PER_PAGE_RANGE
from db.store import dumps

DEFAULT_IDLE_LOCK_MINUTES = 10


class SettingsMixin(Context):
    """This workstation's settings, each key read and written here only."""

    def provider_entities(self) -> tuple[str, ...]:
        """The provider's legal entities a demand may be addressed to (checklist: addressed_to_provider)."""
        raw = self.store.get_setting("provider_entities")
        try:
            names = json.loads(raw) if raw else []
        except ValueError:
            return ()
        return tuple(str(n) for n in names if isinstance(n, str))

    def set_provider_entities(self, names: Sequence[str]) -> None:
        cleaned = [n.strip() for n in names if n.strip()]
        actor = self._actor()
        with self.store.atomic():
            self.store.set_setting("provider_entities", dumps(cleaned))
            self._record("settings.provider_entities", None, {"entities": cleaned}, actor=actor)

    def idle_lock_minutes(self) -> int:
        value = self.store.get_setting("idle_lock_minutes")
        try:
            return max(1, int(value)) if value else DEFAULT_IDLE_LOCK_MINUTES
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, minutes: int) -> None:
        if not 1 <= minutes <= 240:
            raise DeskError("Auto-lock must be between 1 and 240 minutes.")
        with self.store.atomic():
            self.store.set_setting("idle_lock_minutes", str(minutes))
            self._record("settings.changed", None, {"idle_lock_minutes": minutes})

    def ocr_seconds_per_page(self) -> int:
        """The OCR time budget's allowance per page on this workstation (``limits.ocr_budget``)."""
        low, high = OCR_SECONDS_PER_PAGE_RANGE
        value = self.store.get_setting("ocr_seconds_per_page")
        try:
            return min(high, max(low, int(value))) if value else int(OCR_SECONDS_PER_PAGE)
        except ValueError:
            return int(OCR_SECONDS_PER_PAGE)

    def set_ocr_seconds_per_page(self, seconds: int) -> None:
        low, high = OCR_SECONDS_PER_PAGE_RANGE
        if not low <= seconds <= high:
            raise DeskError(f"The OCR time per page must be between {low} and {high} seconds.")
        with self.store.atomic():
            self.store.set_setting("ocr_seconds_per_page", str(seconds))
            self._record("settings.changed", None, {"ocr_seconds_per_page": seconds})
