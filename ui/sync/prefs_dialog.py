"""Sync settings: the shared folder and how often to sync with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.bundle.prefs import MAX_EVERY_MINUTES, SyncPrefs
from ui.dialogs.access import buttons_for, error_label

DEFAULT_EVERY_MINUTES = 15


class SyncPrefsDialog(QDialog):
    """The caller saves what was chosen and, on a refusal, shows it with ``show_error`` and execs again."""

    def __init__(self, current: SyncPrefs, team_line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync settings"))
        self.setMinimumWidth(520)
        self.folder = QLineEdit(str(current.folder) if current.folder else "")
        self.folder.setPlaceholderText("/mnt/team-share")
        self.folder.setAccessibleName(self.tr("Shared folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.auto = QCheckBox(self.tr("Sync &automatically every"))
        self.every = QSpinBox()
        self.every.setRange(1, MAX_EVERY_MINUTES)
        self.every.setSuffix(self.tr(" min"))
        self.every.setValue(current.every_minutes or DEFAULT_EVERY_MINUTES)
        self.auto.setChecked(current.every_minutes > 0)
        self.every.setEnabled(self.auto.isChecked())
        self.auto.toggled.connect(self.every.setEnabled)
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto)
        auto_row.addWidget(self.every)
        auto_row.addStretch(1)

        note = QLabel(
            self.tr(
                "Cases travel encrypted with the team key as one file per version under "
                "<i>demand-desk/cases/</i> in this folder. Automatic sync runs only while the "
                "folder is reachable and the workstation is unlocked."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        team = QLabel(team_line)
        team.setWordWrap(True)

        form = QFormLayout()
        folder_label = QLabel(self.tr("Shared &folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow("", auto_row)
        form.addRow(self.tr("Team key:"), team)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Save"), self.accept))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Shared folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen_folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def chosen_every(self) -> int:
        return self.every.value() if self.auto.isChecked() else 0

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
