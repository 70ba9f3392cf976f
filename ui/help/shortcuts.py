"""Help ▸ Keyboard shortcuts: every shortcut, read from the window's actions themselves.

Nothing is listed by hand, so the list cannot drift from the keys that work: an action
given a shortcut anywhere in the window (its menus, a tab's own keys) shows up here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, order=True)
class Shortcut:
    where: str  # the menu it sits in, or the tab whose keys it is
    what: str
    keys: str


def _words(text: str) -> str:
    # A menu item numbered for its accelerator ("&2 Checklist tab") is listed by its words.
    text = re.sub(r"^&\d+\s+", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _where(action: QAction, window: QWidget, tabs: QTabWidget | None) -> str:
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu) and m.title()]
    if menus:
        return QCoreApplication.translate("shortcuts", "{menu} menu").format(menu=_words(menus[0].title()))
    owner = action.parent()
    while isinstance(owner, QWidget) and owner is not window:
        if tabs is not None and (index := tabs.indexOf(owner)) >= 0:
            tab = _words(tabs.tabText(index))
            return QCoreApplication.translate("shortcuts", "{tab} tab").format(tab=tab)
        owner = owner.parentWidget()
    return QCoreApplication.translate("shortcuts", "Window")


def shortcuts(window: QWidget, tabs: QTabWidget | None = None) -> list[Shortcut]:
    """One row per action that has a shortcut, in the window and every widget inside it."""
    found: set[Shortcut] = set()
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys or not action.text():
            continue
        native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        found.add(Shortcut(_where(action, window, tabs), _words(action.text()), native))
    return sorted(found)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 600)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does"), self.tr("Where")])
        for row in rows:
            items = [QStandardItem(row.keys), QStandardItem(row.what), QStandardItem(row.where)]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        layout = QVBoxLayout(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
