"""Adding or removing a target or a kind of data asked for, with the reason from the served
original. The rules (what a target may be, that a reason is given) are in app/corrections.py;
this only collects what they need and shows a refusal."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.corrections import IDENTIFIER_KINDS
from app.review.model import CATEGORIES
from ui.dialogs.access import buttons_for, error_label

KIND_LABELS = {
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail address"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone number"),
    "account_id": QT_TRANSLATE_NOOP("Labels", "Account id"),
    "username": QT_TRANSLATE_NOOP("Labels", "User name"),
    "gamertag": QT_TRANSLATE_NOOP("Labels", "Gamertag"),
    "ip": QT_TRANSLATE_NOOP("Labels", "IP address"),
    "url": QT_TRANSLATE_NOOP("Labels", "URL"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other identifier"),
}


class CorrectionDialog(QDialog):
    """One correction: ``what`` is "target", "category" or "remove" (``removing`` names the row)."""

    def __init__(
        self,
        what: str,
        category_labels: dict[str, str],
        removing: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        titles = {
            "target": self.tr("Add a target"),
            "category": self.tr("Add data asked for"),
            "remove": f"Remove {removing}",
        }
        self.setWindowTitle(titles[what])
        self.setMinimumWidth(480)
        self.kind = QComboBox()
        for kind in IDENTIFIER_KINDS:
            self.kind.addItem(QCoreApplication.translate("Labels", KIND_LABELS.get(kind, kind)), kind)
        self.kind.setAccessibleName(self.tr("Kind of target"))
        self.value = QLineEdit(placeholderText=self.tr("as the served original writes it"))
        self.value.setAccessibleName(self.tr("Target"))
        self.category = QComboBox()
        for category in CATEGORIES:
            self.category.addItem(category_labels.get(category, category), category)
        self.category.setAccessibleName(self.tr("Data asked for"))
        self.reason = QLineEdit(placeholderText=self.tr("what the served original shows, and where"))
        self.reason.setAccessibleName(self.tr("Reason"))
        form = QFormLayout()
        if what == "target":
            form.addRow(self.tr("Kind"), self.kind)
            form.addRow(self.tr("Target"), self.value)
        elif what == "category":
            form.addRow(self.tr("Data asked for"), self.category)
        else:
            form.addRow(
                QLabel(
                    self.tr("{removing} will no longer count as part of the demand.").format(
                        removing=removing
                    )
                )
            )
        form.addRow(self.tr("Reason"), self.reason)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(
            buttons_for(self, self.tr("Remove") if what == "remove" else self.tr("Add"), self.accept)
        )
        (self.value if what == "target" else self.reason).setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
