"""The letterhead every letter shares: organisation, address, contact, signature, page size, logo.

The dialog edits the values ``Letters.letterhead_settings()`` gives and hands them back to
``Letters.set_letterhead``, which checks them; a refusal is shown in the dialog and
nothing is stored.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.fsutil import UnreadableFile, read_regular_file
from app.services import DeskError
from ui.dialogs.access import buttons_for, error_label

if TYPE_CHECKING:
    from app.letters.service import Letters

MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = QSize(3000, 3000)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TEXT_FIELDS = (
    ("organisation", QT_TRANSLATE_NOOP("Labels", "Organisation")),
    ("legal_entity", QT_TRANSLATE_NOOP("Labels", "Legal entity")),
    ("contact", QT_TRANSLATE_NOOP("Labels", "Contact")),
    ("signature_name", QT_TRANSLATE_NOOP("Labels", "Signed by")),
    ("signature_title", QT_TRANSLATE_NOOP("Labels", "Signatory's title")),
)


def read_logo(path: Path) -> bytes:
    """A PNG small enough for a letterhead; checked for size and type before Qt decodes it."""
    try:
        # Non-blocking and bounded: a pipe chosen as the logo would hang a plain read, and the window with it.
        data = read_regular_file(path, MAX_LOGO_BYTES)
    except UnreadableFile as exc:
        if exc.errno == errno.EFBIG:
            too_big = QCoreApplication.translate(
                "letterhead", "{name} is larger than {value} KB; use a smaller logo."
            ).format(name=path.name, value=MAX_LOGO_BYTES // 1024)
            raise DeskError(too_big) from None
        raise DeskError(f"{exc.strerror}.") from None
    if not data.startswith(PNG_MAGIC):
        raise DeskError(
            QCoreApplication.translate("letterhead", "{name} is not a PNG image.").format(name=path.name)
        )
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    size = QImageReader(buffer, b"png").size()
    buffer.close()
    if (
        not size.isValid()
        or size.width() > MAX_LOGO_PIXELS.width()
        or size.height() > MAX_LOGO_PIXELS.height()
    ):
        raise DeskError(
            QCoreApplication.translate(
                "letterhead", "{name} is not a PNG of at most {width} pixels a side."
            ).format(name=path.name, width=MAX_LOGO_PIXELS.width())
        )
    if QImage.fromData(data).isNull():
        raise DeskError(
            QCoreApplication.translate("letterhead", "{name} cannot be read as a PNG image.").format(
                name=path.name
            )
        )
    return data


def lines_edit(
    lines: list[str] | tuple[str, ...], name: str, placeholder: str, rows: int = 4
) -> QPlainTextEdit:
    """A few lines of plain text (an address, a list of names); Tab moves on rather than typing a tab."""
    edit = QPlainTextEdit("\n".join(lines))
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 14)
    return edit


def edited_lines(edit: QPlainTextEdit) -> list[str]:
    """The non-empty lines typed, trimmed."""
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class LetterheadDialog(QDialog):
    def __init__(self, values: dict[str, Any], folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letterhead"))
        self.folder = folder  # where the logo was last chosen from
        note = QLabel(
            self.tr("Shared by every letter. Changes show in the preview and in letters drafted from now on.")
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in TEXT_FIELDS[:2]:
            form.addRow(QCoreApplication.translate("Labels", label), self._line(key, values))
        self.address = lines_edit(
            values.get("address_lines") or [], self.tr("Address"), self.tr("One line per line of the address")
        )
        form.addRow(self.tr("Address"), self.address)
        for key, label in TEXT_FIELDS[2:]:
            form.addRow(QCoreApplication.translate("Labels", label), self._line(key, values))
        self.page_size = QComboBox()
        self.page_size.setAccessibleName(self.tr("Page size"))
        self.page_size.addItem(self.tr("US Letter"), "Letter")
        self.page_size.addItem(self.tr("A4"), "A4")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(values.get("page_size") or "Letter")))
        form.addRow(self.tr("Page size"), self.page_size)

        logo = values.get("logo_png")
        self.logo: bytes | None = bytes.fromhex(logo) if isinstance(logo, str) and logo else None
        self.logo_view = QLabel()
        self.logo_view.setMinimumSize(140, 48)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setStyleSheet("QLabel { border: 1px solid #dadce0; background: white; }")
        choose = QPushButton(self.tr("Choose PNG…"))
        choose.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove"))
        self.remove_logo.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_view)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.remove_logo)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo"), logo_row)
        self._set_logo(self.logo)

        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Save"), self.accept))
        self.resize(520, self.sizeHint().height())

    def _line(self, key: str, values: dict[str, Any]) -> QLineEdit:
        field = QLineEdit(str(values.get(key) or ""))
        field.setAccessibleName(key.replace("_", " ").capitalize())
        self.fields[key] = field
        return field

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose logo"), self.folder, self.tr("PNG images (*.png)")
        )
        if not name:
            return
        path = Path(name)
        self.folder = str(path.parent)
        try:
            self._set_logo(read_logo(path))
        except (DeskError, OSError) as exc:
            self.show_error(str(exc))

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        self.remove_logo.setEnabled(data is not None)
        if data is None:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText(self.tr("No logo"))
            return
        pixmap = QPixmap.fromImage(QImage.fromData(data))
        self.logo_view.setPixmap(
            pixmap.scaled(
                QSize(136, 44), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: field.text().strip() for key, field in self.fields.items()}
        values["address_lines"] = edited_lines(self.address)
        values["page_size"] = self.page_size.currentData()
        values["logo_png"] = self.logo.hex() if self.logo else ""
        return values

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def edit_letterhead(
    parent: QWidget,
    letters: Letters,
    settings: QSettings | None = None,
    opened: Callable[[QDialog | None], None] | None = None,
) -> bool:
    """Show the dialog until the service takes the values or the reviewer cancels; True if stored.

    ``opened`` is told the dialog while it is open (and None after), so that locking can close it.
    """
    folder = (
        str(settings.value("logo_folder", str(Path.home()))) if settings is not None else str(Path.home())
    )
    try:
        values = letters.letterhead_settings()
    except DeskError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("letterhead", "Letterhead"), str(exc))
        return False
    dialog = LetterheadDialog(values, folder, parent)
    if opened is not None:
        opened(dialog)
    try:
        while dialog.exec():
            try:
                letters.set_letterhead(**dialog.values())
            except DeskError as exc:
                dialog.show_error(str(exc))
                continue
            if settings is not None and dialog.folder != folder:
                settings.setValue("logo_folder", dialog.folder)
            return True
        return False
    finally:
        if opened is not None:
            opened(None)
        dialog.deleteLater()
