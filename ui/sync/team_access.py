"""The team key as the sync controller opens it: unwrapped with the workstation passphrase
(asked for when the key is kept under it), offered when there is none yet, and the Team
key dialog that makes, joins, exports or rotates it.

A mixin of ``SyncController`` (ui/sync/controller.py): the key itself is the window's
``Services.team``, opened afresh when team.json changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from app.bundle.service import Bundles
from app.model import KeyStorage
from app.services import DeskError
from app.team import NoTeamKeyError, TeamError, TeamKey
from ui.dialogs.access import UnlockDialog
from ui.sync.team_dialog import TeamKeyDialog

if TYPE_CHECKING:
    from app.services import Desk, Services

# Shown here and in the sync settings: translated where it is shown (no_team_key()).
NO_TEAM_KEY = QT_TRANSLATE_NOOP(
    "TeamAccess",
    "This workstation has no team key yet. Make it on the first workstation (Sync ▸ Team key…), "
    "export a key file there, and join with that file on the others.",
)


def no_team_key() -> str:
    return QCoreApplication.translate("TeamAccess", NO_TEAM_KEY)


class TeamAccess:
    """What the controller gives it: its window, the open dialog (closed by locking), the
    window's services and the status-bar indicator."""

    window: QMainWindow
    dialog: QDialog | None
    offer: QMessageBox | None  # "No team key", asking what to do
    services: Services | None
    desk: Desk | None
    _set_indicator: Callable[..., None]  # (text, tip, *, warn)
    _show_idle: Callable[[], None]

    def _bundles(self, *, quiet: bool = False) -> Bundles | None:
        """The bundles service with the team key unlocked; None (after saying why) when it cannot be."""
        services = self.services
        if services is None:
            return None
        desk = services.desk
        try:
            list(services.team.identities())  # unwrapped here, once: workers never touch the keyring
            return services.bundles
        except NoTeamKeyError:
            if not quiet:
                self.offer_team_key()
            else:
                self._set_indicator(self.tr("Sync: no team key"), no_team_key(), warn=True)
            return None
        except TeamError as exc:
            if quiet or desk.config.key_storage is not KeyStorage.PASSPHRASE or services.team_passphrase:
                self._problem(self.tr("The team key cannot be used"), str(exc), quiet)
                return None
        before = services.team_passphrase

        def unlocks(passphrase: str) -> None:
            services.reopen_team(passphrase)
            try:
                list(services.team.identities())  # TeamError when the passphrase does not unwrap it
            except TeamError:
                services.reopen_team(before)
                raise

        passphrase = self._ask_passphrase(
            desk,
            self.tr("Unlock the team key"),
            self.tr("The team key is protected by the workstation passphrase."),
            unlocks,
        )
        if passphrase is None:
            return None
        return services.bundles

    def _ask_passphrase(
        self, desk: Desk, title: str, hint: str, check: Callable[[str], object]
    ) -> str | None:
        """The workstation passphrase, asked until ``check`` accepts it (refusals shown) or cancelled."""
        dialog = UnlockDialog(desk.workstation, hint, self.window)
        dialog.setWindowTitle(title)
        self.dialog = dialog
        try:
            while dialog.exec():
                if self.desk is not desk:
                    return None
                passphrase = dialog.passphrase.text()
                try:
                    check(passphrase)
                except (TeamError, DeskError) as exc:
                    dialog.show_error(str(exc))
                    continue
                return passphrase
        finally:
            self.dialog = None
        return None

    def _writable_team(self) -> TeamKey | None:
        """A team key that can store a new identity: with the workstation passphrase when it needs one."""
        services = self.services
        if services is None:
            return None
        desk = services.desk
        if desk.config.key_storage is KeyStorage.PASSPHRASE and not services.team_passphrase:
            passphrase = self._ask_passphrase(
                desk,
                self.tr("Workstation passphrase"),
                self.tr("The team key is kept under the workstation passphrase."),
                desk.check_passphrase,
            )
            if passphrase is None:
                return None
            services.reopen_team(passphrase)
        return services.team

    def offer_team_key(self) -> None:
        """Say there is no team key, with the way to make one here or join with a colleague's file."""
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("No team key"), no_team_key(), parent=self.window
        )
        make = box.addButton(self.tr("&Make a team key…"), QMessageBox.ButtonRole.AcceptRole)
        join = box.addButton(self.tr("&Join with a key file…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(make)
        self.offer = box  # closed by locking, like every dialog of the sync
        try:
            box.exec()
        finally:
            self.offer = None
        if box.clickedButton() is make:
            self.edit_team(then="make")
        elif box.clickedButton() is join:
            self.edit_team(then="join")

    def edit_team(self, then: str | None = None) -> None:
        """The Team key dialog; ``then`` ("make" or "join") starts that change as it opens."""
        desk = self.desk
        if desk is None:
            return
        dialog = TeamKeyDialog(desk, self._writable_team, self.window)
        dialog.desk_open = lambda: self.desk is desk
        self.dialog = dialog
        if then == "make":
            QTimer.singleShot(0, dialog.make_key)
        elif then == "join":
            QTimer.singleShot(0, lambda: dialog.join_file())
        try:
            dialog.exec()
        finally:
            self.dialog = None
        services = self.services
        if services is not None and services.desk is desk:
            # The next use reads team.json again: a new or rotated key counts.
            services.reopen_team(services.team_passphrase)
            self._show_idle()

    def _problem(self, title: str, text: str, quiet: bool) -> None:
        if quiet:
            self._set_indicator(self.tr("Sync failed"), text, warn=True)
        else:
            QMessageBox.warning(self.window, title, text)
