"""The find bar over the viewer: type, Enter for the next match, Shift+Enter for the previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    #: the text to find changed (str).
    query_changed = Signal(str)
    #: go to the next (+1) or previous (-1) match.
    step = Signal(int)
    #: the bar was closed.
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(placeholderText=self.tr("Find in document (OCR text)…"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Find in document"))
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.count.setMinimumWidth(70)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for text, tip, direction in (
            ("▲", self.tr("Previous match (Shift+Enter)"), -1),
            ("▼", self.tr("Next match (Enter)"), 1),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, d=direction: self.step.emit(d))
            layout.addWidget(button)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.field.textChanged.connect(self.query_changed)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int, searched: bool) -> None:
        if not searched:
            self.count.clear()
        elif total == 0:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(self.tr("{current} of {total}").format(current=current + 1, total=total))

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step.emit(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return False
