"""Tools ▸ Language…: English, German, or the desktop's language, from the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.common.language import SYSTEM, save_language, saved_language


class LanguageDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Language"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Language of the window"))
        self.choice.addItem(self.tr("The desktop's language"), SYSTEM)
        # Each language is named in itself, so that it can be found by someone who cannot read the other.
        self.choice.addItem(self.tr("English"), "en")
        self.choice.addItem(self.tr("Deutsch"), "de")
        self.choice.setCurrentIndex(max(0, self.choice.findData(saved_language(settings))))
        note = QLabel(
            self.tr(
                "The window shows the new language from the next start. "
                "Letters keep the language chosen for each letter."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.choice)
        layout.addRow(label, self.choice)
        layout.addRow(note)
        layout.addRow(buttons)

    def accept(self) -> None:
        save_language(self.settings, str(self.choice.currentData()))
        super().accept()
