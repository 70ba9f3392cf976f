"""A long value shown cut in the middle, whole in its tooltip, with a Copy button.

For hashes and fingerprints: both ends are what people compare by eye, so the middle is
what gives way when the pane is narrow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget


class _MiddleElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = ""
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # It may shrink below the value's width: the middle gives way, not the layout.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 12)

    def show_value(self, value: str) -> None:
        self.value = value
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.value, Qt.TextElideMode.ElideMiddle, self.width()))


class ElidedValue(QWidget):
    """``setText``/``text`` hold the whole value; the label shows what fits."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.label = _MiddleElidedLabel()
        self.label.setAccessibleName(what)
        self.copy_action = QAction(self.tr("Copy {what}").format(what=what), self)
        self.copy_action.triggered.connect(self.copy)
        self.copy_button = QToolButton()
        self.copy_button.setDefaultAction(self.copy_action)
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the whole {what} to the clipboard").format(what=what))
        self.copy_button.setAutoRaise(True)
        self.label.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.label.addAction(self.copy_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        self.setText("")

    def setText(self, value: str) -> None:  # noqa: N802 - reads like the QLineEdit it replaces
        self.label.show_value(value)
        self.label.setToolTip(value)
        self.copy_action.setEnabled(bool(value))
        self.copy_button.setText(self.tr("Copy"))

    def text(self) -> str:
        return self.label.value

    def shown(self) -> str:
        """What the reviewer sees now (cut in the middle when the pane is narrow)."""
        return self.label.text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.label.value)
