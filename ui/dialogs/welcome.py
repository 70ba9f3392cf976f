"""The first run of the demo: what is being set up, and how far it has got.

Shown while ``app.demo.create_demo`` reads the sample scans (about half a minute), so a
new user knows the wait is the demo being built, not the app hanging.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from app import demo


class WelcomeDialog(QDialog):
    """A welcome line, a progress bar over the samples, and which one is being read.
    It has no Cancel: half a demo is worse than waiting a few seconds."""

    def __init__(self, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Demand Desk"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome to Demand Desk"))
        title.setObjectName("lockTitle")
        layout.addWidget(title)
        self.what = QLabel(demo.WELCOME)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.bar = QProgressBar()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("%v of %m demands read"))
        self.bar.setAccessibleName(self.tr("Demo set-up progress"))
        layout.addWidget(self.bar)
        self.step = QLabel(self.tr("Creating the encrypted store…"))
        self.step.setObjectName("muted")
        layout.addWidget(self.step)
        hint = QLabel(
            self.tr(
                "When it opens, unlock with the passphrase “{DEMO_PASSPHRASE}” and sign in as "
                "{DEMO_REVIEWER} (PIN {DEMO_PIN}). The demo holds synthetic cases only."
            ).format(
                DEMO_PASSPHRASE=demo.DEMO_PASSPHRASE, DEMO_REVIEWER=demo.DEMO_REVIEWER, DEMO_PIN=demo.DEMO_PIN
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        layout.addWidget(hint)

    def on_progress(self, done: int, total: int, name: str) -> None:
        """``done``: the number of the sample now being read (1-based), as create_demo reports it."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(max(done - 1, 0))
        self.step.setText(
            self.tr("Reading demand {done} of {total} ({name}): OCR, then its facts…").format(
                done=done, total=total, name=name
            )
        )

    def finish(self) -> None:
        self.bar.setValue(self.bar.maximum())
        self.step.setText(self.tr("Ready."))

    def reject(self) -> None:  # Escape does not leave a half-made demo behind
        pass
