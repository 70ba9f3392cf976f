"""Help ▸ About: what this is, its version, the policy pack's version and date, the licences."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.about import About


def licence_table(about: About) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{escape(c.version)}</td>"
        f"<td>{escape(c.licence)}</td><td>{escape(c.use)}</td></tr>"
        for c in about.components
    )
    return (
        "<table cellspacing=0 cellpadding=3 width='100%'>"
        "<tr><th align=left>Component</th><th align=left>Version</th>"
        "<th align=left>Licence</th><th align=left>Used for</th></tr>"
        f"{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, about: About, where: str, keyring: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Demand Desk"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        # Two whole texts, with and without the pack's date, so a translation can place the date.
        summary = (
            self.tr(
                "<p><b style='font-size:14pt'>Demand Desk {version}</b><br>Review government demands for "
                "customer data, offline.</p><p>Policy pack <b>{policy}</b>, made {date}<br>Data directory: "
                "<code>{folder}</code><br>OS keyring: {keyring}</p>"
            )
            if about.policy_date
            else self.tr(
                "<p><b style='font-size:14pt'>Demand Desk {version}</b><br>Review government demands for "
                "customer data, offline.</p><p>Policy pack <b>{policy}</b><br>Data directory: "
                "<code>{folder}</code><br>OS keyring: {keyring}</p>"
            )
        )
        self.summary = QLabel(
            summary.format(
                version=escape(about.version),
                policy=escape(about.policy_version),
                date=escape(str(about.policy_date or "")),
                folder=escape(where),
                keyring=escape(keyring),
            )
        )
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        heading = QLabel(self.tr("Shipped with, under these licences:"))
        layout.addWidget(heading)
        self.licences = QTextBrowser()
        self.licences.setOpenLinks(False)
        self.licences.setAccessibleName(self.tr("Licences of the shipped fonts and libraries"))
        self.licences.setHtml(licence_table(about))
        heading.setBuddy(self.licences)
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
