"""The main window's tools: the audit check, settings, reviewers, printing, the report,
the organisation and letterhead, costs, a new disclosure, and help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app import keys, services
from app.about import about
from app.changes import Aspect, Changed
from app.services import DeskError
from ui.dialogs.access import ChangePassphraseDialog
from ui.help.about import AboutDialog
from ui.help.guide import GuideWindow
from ui.help.shortcuts import ShortcutsDialog, shortcuts
from ui.report.view import ReportWindow

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.printing import Printout


class ToolsMixin:
    """Mixed into ``MainWindow``."""

    def verify_audit(self) -> None:
        if self.desk is None:
            return
        report = self.desk.verify_audit()
        if report.ok:
            QMessageBox.information(
                self,
                self.tr("Audit trail"),
                self.tr(
                    "The audit trail is whole: {events} events, every hash checks, and every decision, "
                    "approval, final letter and correction in the cases has its event."
                ).format(events=report.events),
            )
            return
        lines = report.lines()
        shown = "\n".join(f"• {x}" for x in lines[:20])
        more = (
            self.tr("\n… and {count} more (demand-desk audit verify lists them all).").format(
                count=len(lines) - 20
            )
            if len(lines) > 20
            else ""
        )
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Audit trail does not verify"), "", parent=self)
        box.setText(
            (
                self.tr(
                    "The audit trail and the cases disagree in 1 place. Tell your security team before "
                    "changing anything else."
                )
                if len(lines) == 1
                else self.tr(
                    "The audit trail and the cases disagree in {count} places. Tell your security team "
                    "before changing anything else."
                )
            ).format(count=len(lines))
        )
        box.setInformativeText(shown + more)
        box.exec()

    def choose_auto_lock(self) -> None:
        if self.desk is None:
            return
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Auto-lock"),
            self.tr("Lock after this many minutes without input:"),
            self.desk.idle_lock_minutes(),
            1,
            240,
        )
        if ok:
            try:
                self.desk.set_idle_lock_minutes(minutes)
            except services.DeskError as exc:
                QMessageBox.warning(self, self.tr("Auto-lock"), str(exc))
                return
            self.idle.start(minutes)
            self.lock_label.setText(self.tr("Auto-lock: {minutes} min").format(minutes=minutes))

    def choose_reconsider_cycle(self) -> None:
        if self.desk is None:
            return
        schedule = self._schedule_service()
        days, ok = QInputDialog.getInt(
            self,
            self.tr("Secrecy order review cycle"),
            self.tr("Bring an open-ended secrecy order back for reconsideration every (days):"),
            schedule.reconsider_days,
            7,
            365,
        )
        if not ok or days == schedule.reconsider_days:
            return
        try:
            schedule.set_reconsider_days(days)
        except services.DeskError as exc:
            QMessageBox.warning(self, self.tr("Secrecy order review cycle"), str(exc))
            return
        self.statusBar().showMessage(
            self.tr("Open-ended secrecy orders come back every {days} days.").format(days=days), 8000
        )
        self.bus.publish(Changed.everywhere(Aspect.SETTINGS))

    def manage_reviewers(self) -> None:
        """Tools ▸ Reviewers…: the roster; enrolling and removing need an administrator's PIN."""
        if self.desk is None:
            return
        from ui.dialogs.reviewers import ReviewersDialog

        ReviewersDialog(self.desk, self).exec()
        if self.desk is not None and self.desk.reviewer is None:
            self.lock()  # the signed-in reviewer was removed: nobody may go on acting
            return
        if self.desk is not None:
            self._show_reviewer()

    def change_passphrase(self) -> None:
        if self.desk is None:
            return
        if not self.data_dir.key_path.exists():
            QMessageBox.information(
                self,
                self.tr("Passphrase"),
                self.tr("This workstation keeps its key in the OS keyring and has no passphrase."),
            )
            return
        dialog = ChangePassphraseDialog(self)
        while dialog.exec():
            try:
                services.change_passphrase(self.data_dir, dialog.current.text(), dialog.new.text())
            except services.DeskError as exc:
                dialog.show_error(str(exc))
                continue
            self.sync.passphrase_changed(dialog.new.text())
            self.statusBar().showMessage(self.tr("Passphrase changed."), 5000)
            return

    def choose_language(self) -> None:
        """Tools ▸ Language…: kept in ui.ini and applied at the next start (the dialog says so)."""
        from ui.dialogs.language import LanguageDialog

        LanguageDialog(self.settings, self).exec()

    def switch_reviewer(self) -> None:
        if self.desk is not None and self._sign_in(self.desk):
            self._show_reviewer()

    def _about(self) -> None:
        keyring_state = self.tr("available") if keys.keyring_available() else self.tr("not available")
        dialog = AboutDialog(about(), str(self.data_dir.root), keyring_state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_guide(self) -> GuideWindow:
        """The user guide, one window however often F1 is pressed; it needs no unlocked store."""
        if self._guide is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()
        return self._guide

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(shortcuts(self, self.tabs), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_report(self) -> ReportWindow | None:
        """Open the transparency report window (or bring it forward); its cases open here."""
        if self.desk is None:
            return None
        if self._report_window is None:
            window = ReportWindow(self._services(), self.settings, self)
            window.case_activated.connect(self._open_from_report)
            window.destroyed.connect(lambda: setattr(self, "_report_window", None))
            window.finished.connect(lambda: setattr(self, "_report_window", None))
            self._report_window = window
        self._report_window.show()
        self._report_window.raise_()
        self._report_window.activateWindow()
        return self._report_window

    def _open_from_report(self, case_id: str) -> None:
        self._open_from_today(case_id)
        self.raise_()
        self.activateWindow()

    # -- printing --------------------------------------------------------------------

    def printout(self) -> Printout | None:
        """What File ▸ Print prints: the letter selected on the Letters tab, else the case summary.

        None (with the reason shown) when there is nothing to print or it may not leave the store.
        """
        if self.desk is None or self.case_id is None:
            self.statusBar().showMessage(
                self.tr("Open a case to print its summary or one of its letters."), 8000
            )
            return None
        try:
            on_letters = self.tabs.currentWidget() is self.letters_tab
            if on_letters and self.letters_tab.current_letter() is not None:
                if not self.letters_tab.flush(interactive=True):  # print what the editor shows
                    return None
                letter = self.letters_tab.current_letter()
                assert letter is not None
                return self._services().prints.letter(letter.id)
            return self._services().prints.case_summary(self.case_id)
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Nothing was printed"), str(exc))
            return None

    def print_interactively(self, _checked: bool = False, printer: QPrinter | None = None) -> bool:
        """File ▸ Print…: Qt's print dialog for the printout (``printer``: a test's PDF printer)."""
        printout = self.printout()
        if printout is None or self.desk is None:
            return False
        from ui.common.printing import print_interactively

        if not print_interactively(self, self._services().prints, printout, printer, self._print_opened):
            return False
        self.statusBar().showMessage(self.tr("Printed {title}.").format(title=printout.title), 8000)
        self._publish(Aspect.AUDIT)
        return True

    def _print_opened(self, dialog: QDialog | None) -> None:
        self._print_dialog = dialog  # closed by locking: a preview shows the case's pages

    def print_preview(self, _checked: bool = False, printer: QPrinter | None = None) -> bool:
        printout = self.printout()
        if printout is None or self.desk is None:
            return False
        from ui.common.printing import preview

        if not preview(self, self._services().prints, printout, printer, self._print_opened):
            return False
        self.statusBar().showMessage(self.tr("Printed {title}.").format(title=printout.title), 8000)
        self._publish(Aspect.AUDIT)
        return True

    def edit_organisation(self) -> None:
        if self.desk is None:
            return
        from ui.dialogs.organisation import edit_organisation

        def opened(dialog: QDialog | None) -> None:
            self._organisation_dialog = dialog

        if edit_organisation(self, self.desk, opened=opened):
            self.statusBar().showMessage(
                self.tr("Organisation saved: letters drafted from now on show it."), 8000
            )

    def new_disclosure(self) -> None:
        """File ▸ New disclosure…: a disclosure made without legal process, as a case of its own."""
        if self.desk is None:
            return
        from ui.dialogs.disclosure import new_disclosure

        def opened(dialog: QDialog | None) -> None:
            self._disclosure_dialog = dialog

        case_id = new_disclosure(self, self._services().disclosures, self.desk.clock().date(), opened=opened)
        if case_id is None or self.desk is None:
            return
        self.refresh_queue(select=case_id)
        self._on_case_selected(case_id)  # its title and status bar show what is still to be done

    def edit_costs(self) -> None:
        """Tools ▸ Cost recovery…: the open case's cost record (ui/dialogs/cost.py)."""
        if self.desk is None or self.case_id is None:
            self.statusBar().showMessage(self.tr("Open a case first: costs are kept per case."), 5000)
            return
        from ui.dialogs.cost import CostDialog

        try:
            costs = self._services().costs
        except services.DeskError as exc:
            QMessageBox.warning(self, self.tr("Cost recovery"), str(exc))
            return
        case_id = self.case_id
        dialog = CostDialog(costs, case_id, self.desk.facts(case_id)["reference"], self)
        dialog.exec()
        dialog.deleteLater()
        self.bus.publish(Changed.of(case_id, Aspect.COSTS))

    def edit_letterhead(self) -> None:
        if self.desk is None:
            return
        try:
            letters = self._letters_service()
        except Exception as exc:  # noqa: BLE001 - the same failure the Letters tab shows
            QMessageBox.warning(
                self, self.tr("Letterhead"), self.tr("Letters are not available: {error}").format(error=exc)
            )
            return
        self.letters_tab.edit_letterhead(letters)
