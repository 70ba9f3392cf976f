"""The views of the main window, each following the bus (``ui.bus``) on its own.

A case view shows one aspect of the open case in a tab: it shows the case when the case is
opened, lets it go when the case is closed, and shows it again when the bus says one of the
aspects it shows changed for that case. The workstation views (the queue, Today, the
report, the status bar's reviewer) follow the notices that concern them. To add a tab, add
a view here and list it in ``case_views``: no action needs to know about it.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from app.changes import CASE_ASPECTS, Aspect, Changed
from app.disclosure.grounds import shown_label
from app.model import FactValue
from app.review.said import said_in
from ui.bus import Bus

if TYPE_CHECKING:
    from ui.shell.window import MainWindow

# Assessing a case runs on the GUI thread (measured: a few milliseconds); say so when it is slow.
SLOW_ASSESS_SECONDS = 0.05

log = logging.getLogger(__name__)


class CaseView:
    """One tab about the open case; shown again when one of ``aspects`` of that case changed."""

    aspects: frozenset[Aspect] = frozenset()

    def __init__(self, window: MainWindow, bus: Bus) -> None:
        self.window = window
        self.bus = bus
        bus.subscribe(self._on_changed)

    def _on_changed(self, changed: Changed) -> None:
        window = self.window
        if (
            window.desk is not None
            and window.case_id is not None
            and changed.touches(window.case_id, self.aspects)
        ):
            self.show()

    def show(self, facts: dict[str, Any] | None = None) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError


class FactsView(CaseView):
    """The Facts tab; its corrections are published on the bus for every other view."""

    aspects = frozenset({Aspect.TARGETS})

    def show(self, facts: dict[str, Any] | None = None) -> None:
        window, bus = self.window, self.bus
        if window.desk is None or window.case_id is None:
            return
        desk, case_id = window.desk, window.case_id

        def save(key: str, value: str | None, reason: str) -> FactValue:
            updated = window._services().corrections.set_fact(case_id, key, value, reason)
            # On the next turn: the Facts tab finishes showing its own row first.
            QTimer.singleShot(0, lambda: bus.publish(Changed.of(case_id, Aspect.FACTS)))
            return updated

        def correct(action: str, fields: dict[str, str]) -> None:
            # Raises DeskError with the refusal.
            getattr(window._services().corrections, action)(case_id, **fields)
            QTimer.singleShot(0, lambda: bus.publish(Changed.of(case_id, Aspect.TARGETS)))

        tab = window.facts_tab
        tab.show_case(facts or desk.facts(case_id), desk.fact_values(case_id), save)
        tab.correct = correct

    def clear(self) -> None:
        self.window.facts_tab.clear()


class ReviewView(CaseView):
    """The Checklist and Decision tabs: one assessment of the case shown in both."""

    aspects = frozenset({Aspect.FACTS, Aspect.TARGETS, Aspect.REVIEW, Aspect.DECISION})

    def show(self, facts: dict[str, Any] | None = None) -> None:
        window = self.window
        if window.desk is None or window.case_id is None:
            return
        case_id = window.case_id
        try:
            review = window._review_service()
            started = time.perf_counter()
            assessment = review.assess(case_id)
            elapsed = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - a pack that does not load must not stop the reading
            log.exception("The checklist could not be evaluated")
            message = QCoreApplication.translate(
                "views", "The checklist could not be evaluated: {error}"
            ).format(error=exc)
            window.checklist_tab.show_unavailable(message)
            window.decision_tab.show_unavailable(message)
            return
        if elapsed > SLOW_ASSESS_SECONDS:
            log.warning("Assessing the case took %.0f ms on the GUI thread", elapsed * 1000)
        window.checklist_tab.show_case(review, case_id, assessment)
        window.decision_tab.show_case(review, case_id, assessment, facts or window.desk.facts(case_id))

    def clear(self) -> None:
        self.window.checklist_tab.clear()
        self.window.decision_tab.clear()


class LettersView(CaseView):
    # What may be drafted follows the decision; a lifted or extended order changes which notices may leave.
    aspects = frozenset({Aspect.DECISION, Aspect.DATES})

    def show(self, facts: dict[str, Any] | None = None) -> None:
        window = self.window
        if window.desk is None or window.case_id is None:
            return
        try:
            letters = window._letters_service()
            reference = str((facts or window.desk.facts(window.case_id))["reference"])
            window.letters_tab.show_case(letters, window.case_id, reference)
        except Exception as exc:  # noqa: BLE001 - shown in the tab; the rest of the case still works
            log.exception("The letters could not be shown")
            window.letters_tab.show_unavailable(
                QCoreApplication.translate("views", "Letters are not available: {error}").format(error=exc)
            )

    def clear(self) -> None:
        self.window.letters_tab.clear()  # saves unsaved letter text while the store is still open


class DatesView(CaseView):
    # A corrected due date moves the deadline; a disclosing decision or an enterprise
    # customer changes the notice owed; the reconsideration cycle moves an order's next review.
    aspects = frozenset(
        {
            Aspect.FACTS,
            Aspect.TARGETS,
            Aspect.REVIEW,
            Aspect.DECISION,
            Aspect.DISCLOSURE,
            Aspect.DATES,
            Aspect.SETTINGS,
        }
    )

    def show(self, facts: dict[str, Any] | None = None) -> None:
        window = self.window
        if window.desk is None or window.case_id is None:
            return
        try:
            window.dates_tab.show_case(window._schedule_service(), window.case_id, window._services().holds)
        except Exception as exc:  # noqa: BLE001 - shown in the tab; the rest of the case still works
            log.exception("The case's dates could not be shown")
            window.dates_tab.show_unavailable(
                QCoreApplication.translate("views", "Dates are not available: {error}").format(error=exc)
            )

    def clear(self) -> None:
        self.window.dates_tab.clear()


class AuditView(CaseView):
    aspects = CASE_ASPECTS  # every change of a case is audited

    def show(self, facts: dict[str, Any] | None = None) -> None:
        window = self.window
        if window.desk is not None and window.case_id is not None:
            window.audit_tab.show_events(window.desk.audit_trail(window.case_id))

    def clear(self) -> None:
        self.window.audit_tab.clear()


class DisclosureView(CaseView):
    """A disclosure without legal process: its own tab instead of the checklist, decision and letters."""

    aspects = frozenset({Aspect.DISCLOSURE})

    def show(self, facts: dict[str, Any] | None = None) -> None:
        window = self.window
        if window.desk is None or window.case_id is None:
            return
        reference = str((facts or window.desk.facts(window.case_id))["reference"])
        service = window._services().disclosures
        tabs, disclosure_tab = window.tabs, window.disclosure_tab
        found = disclosure_tab.show_case(service, window.case_id)
        for tab in (window.checklist_tab, window.decision_tab, window.letters_tab):
            tabs.setTabVisible(tabs.indexOf(tab), not found)
        tabs.setTabVisible(tabs.indexOf(disclosure_tab), found)
        disclosure = service.get(window.case_id) if found else None
        if disclosure is None:
            return
        state = (
            QCoreApplication.translate("views", "approved")
            if disclosure.approved_by
            else QCoreApplication.translate("views", "awaiting approval")
        )
        window.case_title.setText(
            QCoreApplication.translate("views", "{reference} — {ground_label} ({state})").format(
                reference=reference,
                ground_label=shown_label(disclosure.ground, disclosure.ground_label),
                state=state,
            )
        )
        tabs.setCurrentWidget(disclosure_tab)
        if disclosure.flags:
            window.statusBar().showMessage(said_in(disclosure.flags[0]), 10000)

    def clear(self) -> None:
        self.window.disclosure_tab.clear()


def case_views(window: MainWindow, bus: Bus) -> list[CaseView]:
    """The views of the open case, in the order a case is shown (the disclosure last: it may
    hide the tabs of a demand and take the title)."""
    return [
        FactsView(window, bus),
        ReviewView(window, bus),
        LettersView(window, bus),
        DatesView(window, bus),
        AuditView(window, bus),
        DisclosureView(window, bus),
    ]


# The queue lists every case again when cases come or go, or a fact it mirrors changed
# (the date moving on recolours every due date); otherwise it updates the changed rows.
QUEUE_RELOAD = frozenset({Aspect.CASES, Aspect.FACTS, Aspect.TARGETS, Aspect.DISCLOSURE, Aspect.DAY})
QUEUE_ROWS = frozenset({Aspect.REVIEW, Aspect.DECISION, Aspect.DATES})


def follow_workstation(window: MainWindow, bus: Bus) -> None:
    """The views about more than one case subscribe, in this order: the queue first (a
    case received by a sync is shown again once the queue lists the store's copy)."""

    def queue(changed: Changed) -> None:
        if window.desk is None:
            return
        if changed.any_of(QUEUE_RELOAD) or (changed.any_of(QUEUE_ROWS) and changed.every_case):
            window._reload_queue()
        elif changed.any_of(QUEUE_ROWS):
            window._refresh_queue_rows(changed.case_ids)

    def today(changed: Changed) -> None:
        if not changed.aspects <= {Aspect.ROSTER}:
            window._refresh_today()  # only when Today is what the case panel shows

    def open_case(changed: Changed) -> None:
        # The store's copy replaced the open case: show it again from the store.
        current = window.case_id
        if window.desk is not None and current is not None and changed.touches(current, {Aspect.CASES}):
            window.letters_tab.clear()  # an unsaved letter text is kept before the case is shown again
            window.case_id = None
            window._on_case_selected(current)

    def report(changed: Changed) -> None:
        if window._report_window is not None and changed.any_of({Aspect.CASES}):
            window._report_window.records_changed()

    def roster(changed: Changed) -> None:
        if window.desk is None or not changed.any_of({Aspect.ROSTER}):
            return
        if window.desk.reviewer is None:  # removed on another workstation: nobody acts here now
            window.lock()
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "views", "The team's roster no longer lists you; the window is locked."
                )
            )
        else:
            window._show_reviewer()

    for handler in (queue, today, report, open_case, roster):
        bus.subscribe(handler)
