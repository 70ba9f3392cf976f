"""The day the demands being opened were served: asked once for the files chosen together.

Staleness and every period "from receipt" count from this day (app/services.py, Desk.intake);
it defaults to today and stays correctable in the Facts tab.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class ReceivedDialog(QDialog):
    """One date field, today by default and never later than today."""

    def __init__(self, parent: QWidget | None, today: date, files: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open demand"))
        layout = QFormLayout(self)
        explain = QLabel(
            (
                self.tr(
                    "The day this demand was served on us (post, fax, courier). Staleness and periods “from "
                    "receipt” count from it; you can correct it later in the Facts tab."
                )
                if files == 1
                else self.tr(
                    "The day these {files} demands were served on us (post, fax, courier). Staleness and "
                    "periods “from receipt” count from it; you can correct it later in the Facts tab."
                )
            ).format(files=files)
        )
        explain.setWordWrap(True)
        layout.addRow(explain)
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date.setAccessibleName(self.tr("Received"))
        layout.addRow(self.tr("&Received:"), self.date)
        choice = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(choice.Ok | choice.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def received(self) -> date:
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())


def ask_received(parent: QWidget | None, today: date, files: int = 1) -> date | None:
    """The day of service the reviewer chose, or None when they cancelled opening."""
    dialog = ReceivedDialog(parent, today, files)
    return dialog.received() if dialog.exec() == QDialog.DialogCode.Accepted else None
