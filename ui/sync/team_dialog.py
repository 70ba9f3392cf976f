"""The team key, from the window: make it, join with a key file, export it, rotate it, and
admit a workstation that asked to join (app/admission.py decides; this only asks and shows).

The key file is protected by a passphrase of its own (age's scrypt mode, seconds of
work on purpose), so making and opening one runs on a worker thread; the audit event
is recorded here, on the GUI thread, once the work is done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import admission
from app.services import DeskError
from app.signing import SigningError, SigningKey
from app.team import NoTeamKeyError, TeamError, TeamInfo, TeamKey
from ui.common.worker import Task, start
from ui.dialogs.access import MIN_PASSPHRASE_LENGTH, buttons_for, error_label

if TYPE_CHECKING:
    from app.services import Desk

KEY_FILES = QT_TRANSLATE_NOOP("TeamKeyDialog", "Team key files (*.key);;All files (*)")


class KeyFilePassphraseDialog(QDialog):
    """The key file's own passphrase: typed twice when a file is made, once when one is opened."""

    def __init__(self, making: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.making = making
        self.setWindowTitle(self.tr("Key file passphrase"))
        text = (
            self.tr(
                "Choose a passphrase for the key file. Tell it to your colleague another way than "
                "the file travels."
            )
            if making
            else self.tr("The passphrase the key file was made with.")
        )
        note = QLabel(text)
        note.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Key file passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setPlaceholderText(self.tr("again"))
        self.again.setAccessibleName(self.tr("Key file passphrase again"))
        self.again.setVisible(making)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.again)
        layout.addWidget(self.error)
        layout.addWidget(
            buttons_for(self, self.tr("Make the file") if making else self.tr("Open"), self._check)
        )

    def _check(self) -> None:
        text = self.passphrase.text()
        if self.making and len(text) < MIN_PASSPHRASE_LENGTH:
            self._error(self.tr("Use at least {count} characters.").format(count=MIN_PASSPHRASE_LENGTH))
        elif self.making and text != self.again.text():
            self._error(self.tr("The two passphrases differ."))
        elif not text:
            self._error(self.tr("Type the passphrase."))
        else:
            self.accept()

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class AdmitDialog(QDialog):
    """The workstations waiting to be admitted, each with its key's fingerprint to compare."""

    def __init__(self, requests: list[admission.Request], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Admit a workstation"))
        self.setMinimumWidth(560)
        note = QLabel(
            self.tr(
                "A workstation asks to join with its first sync. Before admitting it, ask its user to read "
                "out the fingerprint it shows (Sync ▸ Team key…, or `team show`) by phone or in person, "
                "and compare it with the one below: someone holding only the team key could ask under "
                "the same name."
            )
        )
        note.setWordWrap(True)
        self.requests = requests
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Workstations asking to join"))
        self.choices.setSpacing(4)
        for request in requests:
            # Two lines each, so the fingerprint and a clash are seen whole, without scrolling.
            lines = [
                self.tr("{workstation} — first asked {when}").format(
                    workstation=request.workstation, when=request.first_seen
                )
            ]
            lines.append(self.tr("fingerprint  {fingerprint}").format(fingerprint=request.fingerprint))
            if request.admitted_key:
                lines.append(self.tr("CLASHES with the key already admitted under this name: do not admit"))
            item = QListWidgetItem("\n".join(lines))
            if request.admitted_key:
                item.setForeground(QColor("#b00020"))
            self.choices.addItem(item)
        if requests:
            self.choices.setCurrentRow(0)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.admit_button = box.addButton(self.tr("&Admit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.admit_button.setEnabled(bool(requests))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.choices)
        layout.addWidget(box)

    def chosen(self) -> admission.Request | None:
        row = self.choices.currentRow()
        return self.requests[row] if 0 <= row < len(self.requests) else None


class TeamKeyDialog(QDialog):
    """Shows the team key and changes it. ``team_for`` gives a TeamKey able to write (or None)."""

    def __init__(
        self, desk: Desk, team_for: Callable[[], TeamKey | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.team_for = team_for
        self.desk_open: Callable[[], bool] = lambda: True
        self.task: Task | None = None
        self.child: QDialog | None = None
        self.setWindowTitle(self.tr("Team key"))
        self.setMinimumWidth(560)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain = QLabel(
            self.tr(
                "Case bundles are encrypted for the team key. The first workstation makes it; the "
                "others join with a key file carried on removable media. Rotating makes a new key for "
                "new bundles; older bundles still open."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("muted")
        self.create_button = QPushButton(self.tr("&Make a team key"))
        self.join_button = QPushButton(self.tr("&Join with a key file…"))
        self.export_button = QPushButton(self.tr("E&xport a key file…"))
        self.rotate_button = QPushButton(self.tr("&Rotate…"))
        self.admit_button = QPushButton(self.tr("&Admit…"))
        self.admit_button.setToolTip(self.tr("Admit a workstation that asked to join the team's roster"))
        self.create_button.clicked.connect(self.make_key)
        self.join_button.clicked.connect(lambda: self.join_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        self.rotate_button.clicked.connect(self.rotate_key)
        self.admit_button.clicked.connect(lambda: self.admit_workstation())
        row = QHBoxLayout()
        buttons = (
            self.create_button,
            self.join_button,
            self.export_button,
            self.rotate_button,
            self.admit_button,
        )
        for button in buttons:
            button.setAutoDefault(False)
            row.addWidget(button)
        self.working = QLabel()
        self.error = error_label()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.working)
        layout.addWidget(self.error)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.refresh()

    def info(self) -> TeamInfo | None:
        try:
            return TeamKey(self.desk.data_dir, self.desk.config).info()
        except NoTeamKeyError:
            return None
        except TeamError as exc:
            self.show_error(str(exc))
            return None

    def refresh(self) -> None:
        info = self.info()
        busy = self.task is not None
        if info is None:
            text = self.tr("<b>No team key yet.</b>")
        else:
            older = len(info.recipients) - 1
            text = self.tr("<b>Team key</b> {key}").format(key=info.current)
            if older:
                kept = (
                    self.tr("1 older key kept for older bundles.")
                    if older == 1
                    else self.tr("{count} older keys kept for older bundles.").format(count=older)
                )
                text += "<br>" + kept
        admitted = {a.workstation for a in admission.admitted(self.desk)}
        try:
            fingerprint = SigningKey(self.desk.data_dir, self.desk.config).fingerprint()
        except SigningError:
            fingerprint = self.tr("none (unlock with the passphrase once to make one)")
        here = self.desk.workstation
        text += "<br>" + self.tr(
            "<b>{workstation}</b>'s signing key fingerprint: <tt>{fingerprint}</tt>"
        ).format(workstation=here, fingerprint=fingerprint)
        if here not in admitted and info is not None:
            text += "<br>" + self.tr(
                "Not admitted to the team roster yet: an "
                "administrator on another workstation admits {workstation} after its first sync."
            ).format(workstation=here)
        waiting = len(admission.requests(self.desk))
        if waiting:
            text += "<br>" + (
                self.tr("1 workstation asks to join: Admit…")
                if waiting == 1
                else self.tr("{count} workstations ask to join: Admit…").format(count=waiting)
            )
        self.status.setText(text)
        self.create_button.setEnabled(info is None and not busy)
        self.join_button.setEnabled(not busy)
        self.export_button.setEnabled(info is not None and not busy)
        self.rotate_button.setEnabled(info is not None and not busy)
        self.admit_button.setEnabled(info is not None and here in admitted and not busy)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # -- the four changes --------------------------------------------------------------

    def make_key(self) -> None:
        desk = self.desk
        self._run(
            self.tr("Making the team key…"),
            lambda team: team.init(),
            "team.created",
            lambda i: {"recipient": i.current},
            # The first workstation admits itself: the roster every key file carries starts here.
            after=lambda team, _info: admission.found(desk, team.signing()),
        )

    def admit_workstation(self, choose: admission.Request | None = None) -> None:
        """Admit a workstation that asked to join; ``choose`` answers the dialog (tests)."""
        self.error.hide()
        requests = admission.requests(self.desk)
        if choose is None:
            if not requests:
                self.working.setText(
                    self.tr("No workstation asks to join. A new one asks with its first sync; sync here.")
                )
                return
            dialog = AdmitDialog(requests, self)
            self.child = dialog
            try:
                choose = dialog.chosen() if dialog.exec() else None
            finally:
                self.child = None
            if choose is None:
                return
        team = self.team_for()
        if team is None:
            return
        try:
            done = admission.admit(self.desk, team.signing(), choose.workstation, choose.fingerprint)
        except (DeskError, SigningError) as exc:
            self.show_error(str(exc))
            return
        self.working.setText(
            self.tr(
                "Admitted {workstation} (fingerprint {fingerprint}); the other workstations accept "
                "its bundles once this one's next sync publishes the roster."
            ).format(workstation=done.workstation, fingerprint=done.fingerprint)
        )
        self.refresh()

    def rotate_key(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Rotate the team key"),
            self.tr(
                "Make a new team key? New bundles will be encrypted for it only: export a key file and "
                "give it to every other workstation. Older bundles still open everywhere."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(
                self.tr("Making the new key…"),
                lambda team: team.rotate(),
                "team.rotated",
                lambda i: {"recipient": i.current, "keys": len(i.recipients)},
            )

    def export_file(self, out: Path | None = None, file_passphrase: str | None = None) -> None:
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the team key file"), "team.key", self.tr(KEY_FILES)
            )
            if not name:
                return
            out = Path(name)
        if file_passphrase is None:
            file_passphrase = self._ask(making=True)
            if file_passphrase is None:
                return
        target, secret = out, file_passphrase
        team = self.team_for()
        if team is None:
            return
        try:
            # Read from the store here, on its thread: the worker only seals and writes.
            line = admission.roster_for_key_file(self.desk, team.signing())
        except SigningError as exc:
            self.show_error(str(exc))
            return
        self._run(
            self.tr("Protecting the key file (a few seconds)…"),
            lambda team: team.export(target, secret, line),
            "team.exported",
            lambda i: {"file": target.name, "keys": len(i.recipients)},
            done=self.tr("Wrote the team key file {file}.").format(file=target),
            team=team,
        )

    def join_file(self, path: Path | None = None, file_passphrase: str | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Join with a team key file"), "", self.tr(KEY_FILES)
            )
            if not name:
                return
            path = Path(name)
        if file_passphrase is None:
            file_passphrase = self._ask(making=False)
            if file_passphrase is None:
                return
        source, secret = path, file_passphrase
        desk = self.desk
        self._run(
            self.tr("Opening the key file (a few seconds)…"),
            lambda team: team.import_file(source, secret),
            "team.imported",
            lambda i: {"file": source.name, "current": i.current},
            done=self.tr(
                "Joined the team. Other workstations accept this one's bundles once an administrator "
                "admits it, after its first sync."
            ),
            after=lambda _team, info: admission.take_key_file_roster(desk, info.carried or ""),
        )

    def _ask(self, *, making: bool) -> str | None:
        dialog = KeyFilePassphraseDialog(making, self)
        self.child = dialog
        try:
            return dialog.passphrase.text() if dialog.exec() else None
        finally:
            self.child = None

    def _run(
        self,
        label: str,
        change: Callable[[TeamKey], TeamInfo],
        action: str,
        payload: Callable[[TeamInfo], dict[str, Any]],
        *,
        done: str = "",
        team: TeamKey | None = None,
        after: Callable[[TeamKey, TeamInfo], object] | None = None,
    ) -> None:
        team = team or self.team_for()
        if team is None:
            return
        self.error.hide()
        task = Task(lambda _progress, _cancelled: change(team))
        self.task = task
        self.working.setText(label)
        self.refresh()
        desk = self.desk

        def finished(info: TeamInfo) -> None:
            if self.desk_open():  # locked meanwhile: the change stands, the store is closed
                desk.record(action, None, payload(info))
                if after is not None:
                    try:
                        after(team, info)
                    except (DeskError, SigningError) as exc:
                        self.show_error(str(exc))
            self.working.setText(done or self.tr("Done."))

        def failed(exc: BaseException) -> None:
            self.working.setText("")
            self.show_error(
                str(exc) if isinstance(exc, TeamError | OSError) else f"{type(exc).__name__}: {exc}"
            )

        def over() -> None:
            self.task = None
            self.refresh()

        task.signals.done.connect(finished)
        task.signals.failed.connect(failed)
        task.signals.finished.connect(over)
        start(task)

    def reject(self) -> None:
        if self.child is not None:
            self.child.reject()
        super().reject()
