"""The Letters tab's list: a case's letters and revisions, final ones with a lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ui.common.table_model import RowsModel

if TYPE_CHECKING:
    from app.letters.service import Letter

Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    "rejection": QT_TRANSLATE_NOOP("Labels", "Rejection"),
    "narrowing": QT_TRANSLATE_NOOP("Labels", "Narrowing request"),
    "redirect": QT_TRANSLATE_NOOP("Labels", "Redirect to the enterprise customer"),
    "disclosure_cover": QT_TRANSLATE_NOOP("Labels", "Disclosure cover letter"),
    "user_notice": QT_TRANSLATE_NOOP("Labels", "User notice"),
    "delayed_notice": QT_TRANSLATE_NOOP("Labels", "Delayed notice"),
    "enterprise_notice": QT_TRANSLATE_NOOP("Labels", "Enterprise-customer notice"),
    "secrecy_challenge": QT_TRANSLATE_NOOP("Labels", "Secrecy-order challenge"),
    "emergency_response": QT_TRANSLATE_NOOP("Labels", "Emergency response"),
}


def kind_label(kind: str) -> str:
    if kind in KIND_LABELS:
        return QCoreApplication.translate("Labels", KIND_LABELS[kind])
    return kind.replace("_", " ").capitalize()


_LOCK_ICON: QIcon | None = None


def lock_icon() -> QIcon:
    """A small padlock, drawn here so that it looks the same with every icon theme."""
    global _LOCK_ICON
    if _LOCK_ICON is None:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#1e7b34")
        painter.setPen(QPen(colour, 3.2))
        shackle = QPainterPath(QPointF(10, 15))
        shackle.lineTo(10, 10)
        shackle.arcTo(QRectF(10, 3, 12, 14), 180, -180)
        shackle.lineTo(22, 15)
        painter.drawPath(shackle)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(6, 14, 20, 15), 3, 3)
        painter.end()
        _LOCK_ICON = QIcon(pixmap)
    return _LOCK_ICON


class LettersModel(RowsModel["Letter"]):
    """A case's letters, oldest first; a final letter carries a lock, a replaced one says so."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LettersModel", "Letter"),
        QT_TRANSLATE_NOOP("LettersModel", "Rev."),
        QT_TRANSLATE_NOOP("LettersModel", "Status"),
        QT_TRANSLATE_NOOP("LettersModel", "Title"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.superseded: set[int] = set()

    def set_letters(self, letters: list[Letter]) -> None:
        self.superseded = {x.supersedes for x in letters if x.supersedes is not None}
        self.set_rows(letters)

    def row_of(self, letter_id: int) -> int:
        return next((r for r, x in enumerate(self._rows) if x.id == letter_id), -1)

    def letters(self) -> list[Letter]:
        return list(self._rows)

    def status(self, letter: Letter) -> str:
        if not letter.final:
            return self.tr("Draft")
        return self.tr("Final · replaced") if letter.id in self.superseded else self.tr("Final")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        letter = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (kind_label(letter.kind), str(letter.revision), self.status(letter), letter.title)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and letter.final:
            return lock_icon()
        if role == Qt.ItemDataRole.ForegroundRole and letter.id in self.superseded:
            return QColor("#5f6368")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{kind_label(letter.kind)}, revision {letter.revision} ({letter.language})",
                self.tr("Drafted {replace} by {created_by}").format(
                    replace=letter.created_at[:16].replace("T", " "), created_by=letter.created_by
                ),
            ]
            if letter.final:
                lines.append(f"Final {(letter.finalised_at or '')[:16].replace('T', ' ')}")
                lines.append(f"SHA-256 {letter.sha256}")
            if letter.supersedes:
                lines.append(self.tr("Replaces an earlier final revision"))
            return "\n".join(lines)
        return None
