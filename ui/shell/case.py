"""The queue and the open case: opening and closing a case, Today, and the services the
case views use (built once per unlocked store)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app import services
from app.changes import Aspect, Changed
from app.model import CaseId, CaseSummary
from app.review.service import Review

if TYPE_CHECKING:
    from app.letters.service import Letters
    from app.schedule.service import EmergencyDue, Schedule

# The Letters tab shows an editor and a preview side by side: it asks the queue and the
# viewer for this much room while it is shown (and gives it back when left untouched).
LETTERS_PANEL_WIDTH = 780
_ANY_TAB = "*"  # the panes a tab starts with that has none of its own

log = logging.getLogger(__name__)


class CaseMixin:
    """Mixed into ``MainWindow``."""

    # -- queue -----------------------------------------------------------------------

    def _full_text_search(self, text: str) -> set[str]:
        if self.desk is None:
            return set()
        try:
            return set(self.desk.search(text))
        except Exception:  # noqa: BLE001 - a query the index cannot parse just finds nothing
            return set()

    def refresh_queue(self, select: str | None = None) -> None:
        """List the cases again (selecting ``select``, else the open case) and recompute Today."""
        if self.desk is None:
            return
        self._reload_queue(select)
        self._refresh_today()

    def _reload_queue(self, select: str | None = None) -> None:
        if self.desk is None:
            return
        cases, paused = self._queue_cases()
        self.queue.model.set_conflicts(frozenset(c["case_id"] for c in self.sync.conflicts()))
        self.queue.set_cases(
            cases, select=select or self.case_id, paused=paused, emergencies=self._queue_emergencies()
        )

    def _refresh_queue_rows(self, case_ids: Iterable[str]) -> None:
        """The queue rows of these cases show their status, decision and deadline again."""
        if self.desk is None:
            return
        wanted = {str(c) for c in case_ids}
        cases, paused = self._queue_cases()
        emergencies = self._queue_emergencies()
        for summary in cases:
            if summary.case_id in wanted:
                self.queue.update_case(summary, paused, emergencies)

    def _queue_cases(self) -> tuple[list[CaseSummary], frozenset[str]]:
        """The queue's rows, with an extended or paused deadline's own date in place of the demand's."""
        assert self.desk is not None
        cases = self.desk.cases()
        try:
            moved = self._schedule_service().moved_deadlines()
        except Exception:  # noqa: BLE001 - the queue still shows the demands' own dates
            log.exception("Extended and paused deadlines could not be computed")
            return cases, frozenset()
        cases = [
            replace(c, response_due=moved[c.case_id][0].isoformat()) if c.case_id in moved else c
            for c in cases
        ]
        return cases, frozenset(cid for cid, (_, paused) in moved.items() if paused)

    def _queue_emergencies(self) -> dict[str, EmergencyDue]:
        """Undecided emergency requests, which the queue keeps on top with their hours left."""
        try:
            return {str(cid): due for cid, due in self._schedule_service().emergencies().items()}
        except Exception:  # noqa: BLE001 - the queue still lists them, by date
            log.exception("Emergency requests' due times could not be computed")
            return {}

    # -- the open case ---------------------------------------------------------------

    def _on_case_selected(self, case_id: str) -> None:
        if self.desk is None or not case_id:
            return
        if case_id == self.case_id:
            return
        self.case_id = CaseId(case_id)
        facts = self.desk.facts(self.case_id)
        self.case_title.setText(facts["reference"])
        self.case_stack.setCurrentWidget(self.tabs)
        try:
            pdf: bytes | None = self.desk.document(self.case_id)
        except services.DeskError:
            pdf = None  # a disclosure without legal process may have no document behind it
        if pdf is None:
            self.viewer.unload()
        elif not self.viewer.load(pdf):
            self.statusBar().showMessage(self.tr("This document cannot be shown."), 5000)
        self.viewer.set_words({p.page_no - 1: p.words for p in self.desk.pages(self.case_id)})
        for view in self.case_views:
            view.show(facts)

    def _clear_case_views(self) -> None:
        """Every tab about a case lets it go (the Letters tab saves unsaved text first)."""
        for view in self.case_views:
            view.clear()

    def _show_letters(self) -> None:
        self.letters_view.show()

    def _publish(self, *aspects: Aspect, message: str = "") -> None:
        """An action on the open case changed these aspects of it; ``message`` for the status bar."""
        if self.desk is not None and self.case_id is not None:
            self.bus.publish(Changed.of(self.case_id, *aspects))
        if message:
            self.statusBar().showMessage(message, 8000)

    def _cases_received(self, case_ids: list[str]) -> None:
        """Cases received or settled by a sync: the queue and the open case show the store's copy."""
        if self.desk is not None and case_ids:
            self.bus.publish(Changed.cases(case_ids, Aspect.CASES))

    def _show_checklist_item(self, item_id: str) -> None:
        self.tabs.setCurrentWidget(self.checklist_tab)
        self.checklist_tab.select_item(item_id)
        self.checklist_tab.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_tab(self, index: int) -> None:
        if not self.tabs.isTabVisible(index):  # a disclosure case has no checklist, decision or letters
            return
        self.tabs.setCurrentIndex(index)
        widget = self.tabs.currentWidget()
        if widget is not None and widget.focusProxy() is not None:  # the tab's main view takes the keys
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_search(self) -> None:
        self.queue.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.queue.search.selectAll()

    def _draft_from_dates(self, kind: str) -> None:
        self.tabs.setCurrentWidget(self.letters_tab)
        self.letters_tab.draft(kind)

    # Each tab keeps the pane widths the reviewer last left it with (remembered across
    # sessions): the Letters tab wants room for an editor beside its preview, the others
    # for the scan.

    def _pane_key(self, index: int | None = None) -> str:
        widget = self.tabs.widget(self.tabs.currentIndex() if index is None else index)
        return type(widget).__name__ if widget is not None else ""

    def _keep_pane_sizes(self) -> None:
        """Remember the panes as they are for the tab they are kept for (and, but for
        Letters, as the start of a tab that has none of its own)."""
        if not self._pane_tab:
            return
        sizes = self.splitter.sizes()
        self._pane_sizes[self._pane_tab] = sizes
        if self._pane_tab != type(self.letters_tab).__name__:
            self._pane_sizes[_ANY_TAB] = sizes

    def _on_tab_changed(self, index: int) -> None:
        self._keep_pane_sizes()  # the tab left keeps its panes as they were
        self._pane_tab = self._pane_key(index)
        self._show_pane_sizes()

    def _show_pane_sizes(self) -> None:
        letters = self.tabs.currentWidget() is self.letters_tab
        remembered = self._pane_sizes.get(self._pane_tab)
        if remembered is None and not letters:
            remembered = self._pane_sizes.get(_ANY_TAB)
        if remembered and len(remembered) == len(self.splitter.sizes()):
            self.splitter.setSizes(remembered)
        elif letters:
            self._make_room_for_letters()

    def _make_room_for_letters(self) -> None:
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or sizes[2] >= LETTERS_PANEL_WIDTH:
            return
        # From the scan first (down to its controls), then the queue (down to its reference and due date).
        need = LETTERS_PANEL_WIDTH - sizes[2]
        from_viewer = min(need, max(0, sizes[1] - max(380, self.viewer.minimumSizeHint().width())))
        from_queue = min(
            need - from_viewer, max(0, sizes[0] - max(240, self.queue.minimumSizeHint().width()))
        )
        if from_queue or from_viewer:
            self.splitter.setSizes(
                [sizes[0] - from_queue, sizes[1] - from_viewer, sizes[2] + from_queue + from_viewer]
            )

    # -- services --------------------------------------------------------------------

    # Each is built on first use (app.services.Services): loading the policy pack raises if
    # the pack is broken, and a broken letters module or template must not stop the reading
    # and reviewing of demands.

    def _services(self) -> services.Services:
        assert self.services is not None, "no service while locked"
        return self.services

    def _review_service(self) -> Review:
        return self._services().review

    def _schedule_service(self) -> Schedule:
        return self._services().schedule

    def _letters_service(self) -> Letters:
        return self._services().letters

    @property
    def _review(self) -> Review | None:
        return self.services.review if self.services is not None else None

    @property
    def _letters(self) -> Letters | None:
        return self.services.letters if self.services is not None else None

    # -- today -----------------------------------------------------------------------

    def show_today(self) -> None:
        """Close the open case (if any) and show what needs the reviewer today in the case panel."""
        if self.desk is None:
            return
        self._close_case()
        self.today_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_case(self) -> None:
        """No case open: the viewer and the tabs let it go, the case panel shows Today.
        The focus stays where it is (the reviewer may be typing a search)."""
        if self.desk is None:
            return
        self.queue.table.selectionModel().clearCurrentIndex()
        self.queue.table.clearSelection()
        self.case_id = None
        self.viewer.unload()
        self._clear_case_views()
        self.case_title.setText(self.tr("Today"))
        self.case_title.setToolTip("")
        self.case_stack.setCurrentWidget(self.today_view)
        self._refresh_today()

    def _refresh_today(self) -> None:
        """Recompute the Today view if it is what the case panel shows (it is recomputed when shown)."""
        if self.desk is None or self.case_stack.currentWidget() is not self.today_view:
            return
        try:
            today = self._schedule_service().today()
        except Exception as exc:  # noqa: BLE001 - shown in the view; cases can still be opened from the queue
            log.exception("The Today view could not be computed")
            self.today_view.show_unavailable(
                self.tr("Today's list is not available: {error}").format(error=exc)
            )
            return
        self.today_view.show_today(today, today.today)

    def _open_from_today(self, case_id: str) -> None:
        if case_id == self.case_id:
            self.case_stack.setCurrentWidget(self.tabs)
        else:
            self.queue.reveal_case(case_id)  # selecting it in the queue opens it
        if self.case_id == case_id:
            self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def _arm_midnight(self) -> None:
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        self._midnight.start(int((midnight - now).total_seconds() * 1000) + 1000)

    def _at_midnight(self) -> None:
        if self.desk is None:
            return
        self.bus.publish(Changed.everywhere(Aspect.DAY))  # the queue's due colours and Today follow the date
        self._arm_midnight()
