"""The report window's way out: the format and columns of an export, Export, Print and Preview
(``ReportWindow`` mixes this in, from ``ui.report.view``). Both take the figures out of the
store, so both are audited by ``Reports`` and both are off while the figures do not reconcile."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
)

from app.report.figures import ReportError
from app.services import DeskError
from ui.common.busy import busy_cursor

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

FORMATS = (
    ("csv", QT_TRANSLATE_NOOP("ExportMixin", "CSV (spreadsheet)")),
    ("json", QT_TRANSLATE_NOOP("ExportMixin", "JSON (data)")),
    ("pdf", QT_TRANSLATE_NOOP("ExportMixin", "PDF (to read or print)")),
)
# Translated where they are shown (QT_TRANSLATE_NOOP marks them for lupdate).
LAYOUTS = (
    ("ours", QT_TRANSLATE_NOOP("ExportMixin", "our columns")),
    ("google", QT_TRANSLATE_NOOP("ExportMixin", "like Google's")),
    ("apple", QT_TRANSLATE_NOOP("ExportMixin", "like Apple's")),
)
FOLDER_KEY = "report/last_folder"


class ExportMixin:
    """Mixed into ``ReportWindow``: builds its footer and writes or prints the report shown."""

    def _build_footer(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("muted")
        # Its width is what the footer leaves it: a new text ("Counting 100,000 cases…") then
        # repaints the label alone, not the whole window beside the count (issue 20, point 8).
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setWordWrap(False)
        self.format = QComboBox()
        for key, text in FORMATS:
            self.format.addItem(QCoreApplication.translate("ExportMixin", text), key)
        self.layout_choice = QComboBox()
        for key, text in LAYOUTS:
            self.layout_choice.addItem(QCoreApplication.translate("ExportMixin", text), key)
        format_label = QLabel(self.tr("&Format:"))
        format_label.setBuddy(self.format)
        self.layout_label = QLabel(self.tr("&Columns:"))
        self.layout_label.setBuddy(self.layout_choice)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.clicked.connect(self.export_interactively)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the report as its PDF export shows it (Ctrl+P; audited)"))
        self.print_button.clicked.connect(lambda: self.print_report())
        self.preview_button = QPushButton(self.tr("Pre&view…"))
        self.preview_button.setToolTip(self.tr("See the printed pages first"))
        self.preview_button.clicked.connect(lambda: self.print_report(preview=True))
        print_action = QAction(self.tr("Print"), self)
        print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        print_action.triggered.connect(lambda: self.print_report())
        self.addAction(print_action)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        # Enter belongs to the tables (list a figure's cases, open a case), never to a button.
        for button in (self.export_button, self.print_button, self.preview_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.status, 1)
        for widget in (format_label, self.format, self.layout_label, self.layout_choice, self.export_button,
                       self.print_button, self.preview_button, self.close_button):  # fmt: skip
            self.footer.addWidget(widget)

    def _allow_leaving(self, allowed: bool, why: str) -> None:
        """Export and print go together: both take the figures out of the store."""
        self.export_button.setEnabled(allowed)
        self.export_button.setToolTip(why)
        for button in (self.print_button, self.preview_button):
            button.setEnabled(allowed)

    def _on_format_changed(self) -> None:
        csv = self.format.currentData() == "csv"
        self.layout_choice.setEnabled(csv)
        self.layout_label.setEnabled(csv)

    def suggested_name(self) -> str:
        fmt = self.format.currentData()
        label = self.report.period.label.replace("..", "_to_") if self.report else "report"
        layout = self.layout_choice.currentData()
        suffix = f"-{layout}" if fmt == "csv" and layout != "ours" else ""
        return f"transparency-report-{label}{suffix}.{fmt}"

    def export_interactively(self) -> Path | None:
        if self.report is None or not self.report.consistent:
            return None
        path = self._ask_path(self.suggested_name())
        if path is None:
            return None
        return self.export_to(path)

    def export_to(self, path: Path, fmt: str | None = None, layout: str | None = None) -> Path | None:
        """Write the report shown to ``path`` (audited); a failure is shown and leaves no file."""
        report, reports = self.report, self.reports
        if report is None or reports is None:
            return None
        fmt = fmt or str(self.format.currentData())
        layout = layout or str(self.layout_choice.currentData())
        try:
            with busy_cursor():
                reports.export(report, fmt, path, layout=layout)
        except ReportError as exc:
            QMessageBox.critical(self, self.tr("Report not exported"), str(exc))
            return None
        except OSError as exc:
            reason = exc.strerror or str(exc)
            QMessageBox.critical(
                self,
                self.tr("Report not exported"),
                self.tr(
                    "The report could not be written to {path}:\n{reason}.\n\nNothing was written there; "
                    "choose another folder (one you can write to, on a disk with room)."
                ).format(path=path, reason=reason),
            )
            return None
        except DeskError as exc:
            QMessageBox.critical(self, self.tr("Report not exported"), str(exc))
            return None
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))
        self.status.setText(
            self.tr("Wrote the {label} report ({format}) to {path}.").format(
                label=report.period.label, format=fmt.upper(), path=path
            )
        )
        self.exported.emit(path)
        return path

    def print_report(self, *, preview: bool = False, printer: QPrinter | None = None) -> bool:
        """Print the report shown, as its PDF export (audited); ``printer``: a test's PDF printer."""
        report, reports = self.report, self.reports
        if report is None or reports is None or not report.consistent:
            return False
        from ui.common import printing

        prints = self._services.prints
        try:
            with busy_cursor():
                printout = prints.report(reports, report)
        except (ReportError, DeskError) as exc:
            QMessageBox.critical(self, self.tr("Report not printed"), str(exc))
            return False
        run = printing.preview if preview else printing.print_interactively
        if not run(self, prints, printout, printer, self._print_opened):
            return False
        self.status.setText(self.tr("Printed the {label} report.").format(label=report.period.label))
        return True

    def _print_opened(self, dialog: QDialog | None) -> None:
        self._print_dialog = dialog  # closed by locking (shut)

    def _ask_path(self, name: str) -> Path | None:
        folder = str(Path.home())
        if self.settings is not None:
            folder = str(self.settings.value(FOLDER_KEY, folder))
        fmt = str(self.format.currentData())
        dialog = QFileDialog(
            self, self.tr("Export the transparency report"), folder, f"{fmt.upper()} files (*.{fmt})"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(fmt)
        dialog.selectFile(name)
        self._dialog = dialog
        try:
            if not dialog.exec() or not dialog.selectedFiles() or self.reports is None:
                return None
            path = Path(dialog.selectedFiles()[0])
        finally:
            self._dialog = None
            dialog.deleteLater()
        return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")
