"""The letter's text as the reviewer types it: exactly the Markdown subset it is stored in.

A plain-text editor, not QTextEdit's Markdown mode. QTextEdit's round trip
(``setMarkdown`` then ``toMarkdown``) rewraps every paragraph at 80 columns, drops the
second of two escapes (``a\\*b\\*c`` comes back as ``a\\*b*c``, which the letter renderer reads
differently), renumbers and re-indents lists and adds blank lines of its own: what would
be stored is not what the reviewer wrote, and every save would show as a change. Here the
stored body is the typed text, character for character (the subset is in
``app/letters/markdown.py``); a highlighter shows **bold**, *emphasis*, list markers and
escapes, and the PDF preview beside the editor shows the letter as it will be sent.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

# Close to app/letters/markdown.py's rules, for colouring only: a marker followed by a space
# does not open, one after a space does not close, a backslash escapes punctuation.
BOLD = re.compile(r"(?<!\\)\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*")
EMPHASIS = re.compile(r"(?<![\\*])\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*(?!\*)")
ITEM = re.compile(r"^\s*(-|\d{1,9}\.)[ \t]+")
ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
MARKER_COLOUR = QColor("#9aa0a6")


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (they differ past U+FFFF)."""
    return len(text[:index].encode("utf-16-le")) // 2


class MarkdownHighlighter(QSyntaxHighlighter):
    """Bold and emphasis shown as such, their markers and the bullet dashes greyed."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.marker = QTextCharFormat()
        self.marker.setForeground(MARKER_COLOUR)
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.emphasis = QTextCharFormat()
        self.emphasis.setFontItalic(True)
        self.bullet = QTextCharFormat()
        self.bullet.setForeground(QColor("#1a73e8"))
        self.bullet.setFontWeight(QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        def span(start: int, end: int, fmt: QTextCharFormat) -> None:
            first = _utf16(text, start)
            self.setFormat(first, _utf16(text, end) - first, fmt)

        item = ITEM.match(text)
        if item:
            span(item.start(1), item.end(1), self.bullet)
        for match in ESCAPE.finditer(text):
            span(match.start(), match.start() + 1, self.marker)
        for pattern, fmt, width in ((BOLD, self.bold, 2), (EMPHASIS, self.emphasis, 1)):
            for match in pattern.finditer(text):
                span(match.start(1), match.end(1), fmt)
                span(match.start(), match.start() + width, self.marker)
                span(match.end() - width, match.end(), self.marker)


class LetterEditor(QPlainTextEdit):
    """The body of a letter, with bold (Ctrl+B), emphasis (Ctrl+I) and bullets as actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Letter text"))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.highlighter = MarkdownHighlighter(self.document())
        self.bold_action = self._action(
            "B", self.tr("Bold"), "**bold**", QKeySequence.StandardKey.Bold, self.toggle_bold
        )
        self.italic_action = self._action(
            "I", self.tr("Italic"), "*emphasis*", QKeySequence.StandardKey.Italic, self.toggle_italic
        )
        self.bullet_action = self._action(
            self.tr("• List"), self.tr("Bullets"), "- a bullet", "Ctrl+Shift+8", self.toggle_bullets
        )
        self.format_actions = [self.bold_action, self.italic_action, self.bullet_action]

    def _action(
        self, text: str, name: str, example: str, shortcut: QKeySequence.StandardKey | str, slot: object
    ) -> QAction:
        # Named in words (read by screen readers and Help ▸ Keyboard shortcuts); the toolbar
        # shows the short glyph, a tool button's text being the action's icon text.
        action = QAction(name, self)
        action.setIconText(text)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(
            self.tr("{name} ({keys}) — written {example}").format(name=name, keys=keys, example=example)
        )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        super().setReadOnly(read_only)
        for action in getattr(self, "format_actions", []):
            action.setEnabled(not read_only)

    # -- formatting ----------------------------------------------------------------------

    def toggle_bold(self) -> None:
        self.toggle_emphasis(2)

    def toggle_italic(self) -> None:
        self.toggle_emphasis(1)

    def toggle_emphasis(self, stars: int) -> None:
        """Wrap the selection in ``stars`` asterisks, or unwrap it when it already is."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.insertText("*" * stars * 2)
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, stars)
            self.setTextCursor(cursor)
            return
        doc = self.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()

        def is_star(pos: int) -> bool:
            return 0 <= pos < doc.characterCount() - 1 and doc.characterAt(pos) == "*"

        def run(pos: int, step: int, limit: int) -> int:
            count = 0
            while count < 3 and pos != limit and is_star(pos):
                count += 1
                pos += step
            return count

        inside_before = run(start, 1, end)
        inside_after = run(end - 1, -1, start + inside_before - 1)
        outside_before = run(start - 1, -1, -1)
        outside_after = run(end, 1, doc.characterCount())
        before, after = inside_before + outside_before, inside_after + outside_after
        core_start, core_end = start + inside_before, end - inside_after
        if core_start >= core_end or before != after:  # nothing but stars, or unbalanced: just wrap
            before = after = 0
            core_start, core_end, region_start, region_end = start, end, start, end
        else:
            region_start, region_end = start - outside_before, end + outside_after
        present = before in (stars, 3)
        if present:
            new = before - stars
        elif before + stars <= 3:
            new = before + stars
        else:
            new, region_start, region_end, core_start, core_end = stars, start, end, start, end
        core = QTextCursor(doc)
        core.setPosition(core_start)
        core.setPosition(core_end, QTextCursor.MoveMode.KeepAnchor)
        text = core.selectedText().replace("\u2029", "\n")
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        edit.setPosition(region_start)
        edit.setPosition(region_end, QTextCursor.MoveMode.KeepAnchor)
        edit.insertText("*" * new + text + "*" * new)
        edit.endEditBlock()
        selected = QTextCursor(doc)
        selected.setPosition(region_start + new)
        selected.setPosition(region_start + new + (core_end - core_start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(selected)

    def toggle_bullets(self) -> None:
        """Make the selected lines bullets ("- "), or plain lines again when they all are."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        if cursor.hasSelection() and last.position() == cursor.selectionEnd() and last != first:
            last = last.previous()  # a selection that ends at the start of a line leaves that line alone
        blocks: list[QTextBlock] = []
        block = first
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        targets = [b for b in blocks if b.text().strip()] or blocks
        remove = all(b.text().startswith("- ") for b in targets)
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for block in targets:
            line = QTextCursor(block)
            if remove:
                line.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 2)
                line.removeSelectedText()
            elif not block.text().startswith("- "):
                line.insertText("- ")
        edit.endEditBlock()
