"""How often an open-ended secrecy order comes back to be reconsidered (team policy): the
setting, owned here; ``Schedule.set_reconsider_days`` checks and audits a change."""

from __future__ import annotations

from app.schedule.notices import DEFAULT_CYCLE_DAYS
from app.settings import SettingsSink, SettingsSource, integer

_RECONSIDER_DAYS = integer("secrecy_reconsider_days", __name__)


def reconsider_days(source: SettingsSource) -> int:
    try:
        days = _RECONSIDER_DAYS.get(source)
        return max(1, days) if days is not None else DEFAULT_CYCLE_DAYS
    except ValueError:
        return DEFAULT_CYCLE_DAYS


def set_reconsider_days(sink: SettingsSink, days: int) -> None:
    _RECONSIDER_DAYS.put(sink, days)
