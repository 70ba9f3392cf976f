"""The Letters tab's actions: save, draft, finalise, export, the response package and the
letterhead (``LettersTab`` mixes this in, from ``ui.case.letters``).

Each asks ``Letters`` and shows its refusal; a dialog about the case is closed by locking
(``_ask``), and counts then as cancelled.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QMessageBox

from app.services import DeskError
from ui.case.letters_model import kind_label
from ui.dialogs.letterhead import edit_letterhead

if TYPE_CHECKING:
    from app.letters.service import Letter, Letters

log = logging.getLogger(__name__)

FOLDER_KEY = "letters_folder"  # where letters were last exported to (ui.ini, never case data)


def _file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "letter"


class LetterActionsMixin:
    """Mixed into ``LettersTab``: what the reviewer does with the letter in the editor."""

    def flush(self, *, interactive: bool) -> bool:
        """Save unsaved text before the editor moves on; False if that was refused."""
        if not self.is_dirty():
            return True
        return self.save(interactive=interactive)

    def save(self, *, interactive: bool = True) -> bool:
        """Store the editor's text as the draft (a new revision when it was a final letter's)."""
        letter, letters = self._current, self._letters
        if letter is None or letters is None or not self.is_dirty():
            return True
        if letter.final and not self._revising:
            return True
        body = self.editor.toPlainText()
        title = self.title_edit.text().strip() or None
        try:
            saved = letters.edit(letter.id, body, title)
        except DeskError as exc:
            if interactive:
                QMessageBox.warning(self, self.tr("Letter not saved"), str(exc))
            else:
                log.warning("A letter's unsaved text could not be saved: %s", exc)
            return False
        self.editor.document().setModified(False)
        self.title_edit.setModified(False)
        self._current, self._revising = saved, False
        if interactive:  # not when locking: nothing about the case stays in the status bar
            self.message.emit(
                self.tr("Saved as revision {revision}; final revision {revision2} stays as it was.").format(
                    revision=saved.revision, revision2=letter.revision
                )
                if saved.id != letter.id
                else self.tr("Saved revision {revision} of the {lower}.").format(
                    revision=saved.revision, lower=kind_label(saved.kind).lower()
                )
            )
        if self._case_id is not None:
            self._reload(select=saved.id, show=False)
        self.editor.setReadOnly(False)
        self.title_edit.setReadOnly(False)
        self._show_final(saved)
        self._update_state()
        self.changed.emit()
        return True

    def draft(self, kind: str) -> Letter | None:
        """Draft ``kind`` in the chosen language; the service's refusal is shown and nothing is stored."""
        if self._letters is None or self._case_id is None:
            return None
        if not self.flush(interactive=True):
            return None
        try:
            letter = self._letters.draft(self._case_id, kind, str(self.language.currentData()))
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Letter not drafted"), str(exc))
            return None
        self._reload(select=letter.id)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.emit(
            self.tr("Drafted the {lower} (revision {revision}).").format(
                lower=kind_label(kind).lower(), revision=letter.revision
            )
        )
        self.changed.emit()
        return letter

    def finalise_interactively(self) -> Letter | None:
        letter = self._current
        if letter is None or self._letters is None or (letter.final and not self._revising):
            return None
        doubts = self._letters.recipient_doubts(letter.id)
        box = QMessageBox(
            QMessageBox.Icon.Warning if doubts else QMessageBox.Icon.Question,
            self.tr("Finalise letter"),
            self.tr(
                "Finalise the {lower}?\n\nIt will be locked: its PDF and SHA-256 are stored, and any later "
                "change becomes a new revision."
            ).format(lower=kind_label(letter.kind).lower())
            + (self.tr("\n\nYour unsaved changes are saved first.") if self.is_dirty() else ""),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        if doubts:  # the address block may carry a misreading: the reviewer checks it first
            box.setInformativeText(
                self.tr("Check the recipient first:\n") + "\n".join(f"• {d}" for d in doubts)
            )
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Finalise"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if not self._ask(box) or self._current is not letter:
            return None
        return self.finalise()

    def finalise(self) -> Letter | None:
        """Save, then lock the letter in the editor; a refusal is shown and it stays a draft."""
        if not self.save():
            return None
        letter, letters = self._current, self._letters
        if letter is None or letters is None:
            return None
        if letter.final:  # a new revision was opened but nothing changed
            QMessageBox.information(
                self, self.tr("Finalise letter"), self.tr("Nothing was changed: this revision is final.")
            )
            return None
        try:
            final = letters.finalise(letter.id)
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Letter not finalised"), str(exc))
            return None
        self._reload(select=final.id)
        self.message.emit(
            self.tr("Finalised revision {revision}; SHA-256 {value}…").format(
                revision=final.revision, value=(final.sha256 or "")[:16]
            )
        )
        self.changed.emit()
        return final

    def export_interactively(self) -> Path | None:
        letter = self._current
        if letter is None or self._letters is None or not self.flush(interactive=True):
            return None
        letter = self._current
        assert letter is not None
        name = f"{_file_part(self._reference)}-{letter.kind}-r{letter.revision}"
        name += ".pdf" if letter.final else "-draft.pdf"
        path = self._ask_path(
            self.tr("Export letter") if letter.final else self.tr("Export draft (not final)"), name
        )
        if path is None:
            return None
        return self.export(path)

    def export(self, path: Path) -> Path | None:
        """Write the letter in the editor to ``path``; errors are shown and nothing is remembered."""
        letter, letters = self._current, self._letters
        if letter is None or letters is None:
            return None
        try:
            written = letters.export(letter.id, path)
        except (DeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Letter not exported"), str(exc))
            return None
        self._remember_folder(written)
        self.message.emit(self.tr("Exported to {written}").format(written=written))
        self.changed.emit()
        return written

    def export_package(self) -> Path | None:
        """Ask whether the demand goes in, and where to; write the response package."""
        letters, case_id = self._letters, self._case_id
        if letters is None or case_id is None or not self.flush(interactive=True):
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Response package"),
            self.tr(
                "One PDF with the case's final letters (the latest final revision of each), every page "
                "stamped with the case reference and numbered."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Choose file…"))
        with_demand = QCheckBox(self.tr("Include the demand itself, after the letters"))
        box.setCheckBox(with_demand)
        included = with_demand.isChecked
        if not self._ask(box) or self._case_id != case_id:
            return None
        path = self._ask_path(
            self.tr("Save response package"), f"{_file_part(self._reference)}-response-package.pdf"
        )
        if path is None:
            return None
        return self.package(path, with_demand=included())

    def package(self, path: Path, *, with_demand: bool = False) -> Path | None:
        letters, case_id = self._letters, self._case_id
        if letters is None or case_id is None:
            return None
        try:
            written = letters.package(case_id, path, with_demand=with_demand)
        except (DeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Package not written"), str(exc))
            return None
        self._remember_folder(written)
        self.message.emit(self.tr("Response package written to {written}").format(written=written))
        self.changed.emit()
        return written

    def edit_letterhead(self, letters: Letters | None = None) -> bool:
        """The letterhead dialog (from this tab or the Tools menu); the preview follows a change."""
        letters = letters or self._letters
        if letters is None:
            return False

        def opened(dialog: QDialog | None) -> None:
            self._dialog = dialog

        if not edit_letterhead(self, letters, self.settings, opened):
            return False
        self.message.emit(self.tr("Letterhead saved: drafts show it now, final letters keep theirs."))
        self.changed.emit()
        if self._case_id is not None:
            self._reload(select=self._current.id if self._current else None, show=False)
            self._update_state()
        if self._current is not None and not self._current.final:
            self._request_preview(delay=False)
        return True

    def _ask(self, dialog: QDialog) -> bool:
        """Run a dialog about the case; locking closes it (and then it counts as cancelled)."""
        case_id = self._case_id
        self._dialog = dialog
        try:
            result = dialog.exec()
            if isinstance(dialog, QMessageBox):  # its result is the button pressed
                accepted = dialog.clickedButton() is dialog.button(QMessageBox.StandardButton.Ok)
            else:
                accepted = result == QDialog.DialogCode.Accepted
        finally:
            self._dialog = None
        return accepted and self._case_id == case_id and self._case_id is not None

    def _ask_path(self, title: str, name: str) -> Path | None:
        """A file to write, starting in the folder letters were last written to."""
        folder = Path.home()
        if self.settings is not None:
            folder = Path(str(self.settings.value(FOLDER_KEY, str(folder))))
        dialog = QFileDialog(self, title, str(folder), self.tr("PDF documents (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(name)
        try:
            if not self._ask(dialog) or not dialog.selectedFiles():
                return None
            path = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _remember_folder(self, path: Path) -> None:
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))
