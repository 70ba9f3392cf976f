"""Dialogs of the Decision tab: confirm what leaves, override a refusal, approve with the summary beside.

They only show what ``Review`` worked out (``leaving``, ``approval_summary``, the
refusal's text); whether a decision may be recorded or approved is the service's to say.
Every value shown may have been typed by someone, so labels are plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QInputDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui.dialogs.access import SignInDialog

if TYPE_CHECKING:
    from app.review.summary import ApprovalSummary, Leaving


def _plain(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def confirm_disclosure(parent: QWidget, outcome_words: str, leaving: Leaving) -> bool:
    """Ask before recording a disclosure, listing exactly what would leave; Cancel changes nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("approval", "Record a disclosure?"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate(
            "approval", "{outcome_words}. Once a second reviewer approves, this leaves:\n\n"
        ).format(outcome_words=outcome_words)
        + "\n".join(f"  • {line}" for line in leaving.lines())
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("approval", "Record for approval")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Ok


def ask_override(parent: QWidget, message: str) -> str:
    """Show a refusal to a senior reviewer with "Override with a reason…"; the reason, or "" to leave it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("approval", "Decision not recorded"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "approval", "As a senior reviewer you may record it anyway; the reason is audited."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("approval", "Override with a reason…")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if box.exec() != QMessageBox.StandardButton.Ok:
        return ""
    reason, ok = QInputDialog.getMultiLineText(
        parent,
        QCoreApplication.translate("approval", "Override with a reason"),
        QCoreApplication.translate("approval", "Why this decision stands despite the refusal (audited):"),
    )
    return reason.strip() if ok else ""


class ApprovalDialog(SignInDialog):
    """The approver's name and PIN, under what they approve: what leaves, what is open, the recommendation."""

    def __init__(
        self,
        summary: ApprovalSummary,
        outcome_words: Mapping[str, str],
        reviewers: list[str],
        default: str | None,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            reviewers,
            default,
            hint,
            parent,
            title=QCoreApplication.translate("ApprovalDialog", "Approve decision"),
            ok_text=QCoreApplication.translate("ApprovalDialog", "Approve"),
        )
        words = outcome_words
        box = QGroupBox(self.tr("Revision {revision}").format(revision=summary.revision))
        layout = QVBoxLayout(box)
        self.outcome_label = _plain(
            self.tr("Decision: {get} (by {decided_by})\nRecommended: {get2}").format(
                get=words.get(summary.outcome, summary.outcome),
                decided_by=summary.decided_by,
                get2=words.get(summary.recommendation, summary.recommendation),
            ),
            "approvalOutcome",
        )
        layout.addWidget(self.outcome_label)
        self.leaving_label = _plain(
            self.tr("What leaves:\n") + "\n".join(f"  • {line}" for line in summary.leaving.lines()),
            "approvalLeaving",
        )
        layout.addWidget(self.leaving_label)
        if summary.open_items:
            lines = [
                f"  • {i.id}"
                + (f" — {i.question}" if i.question else "")
                + (" (blocking)" if i.effect == "blocks" else "")
                for i in summary.open_items
            ]
            open_text = self.tr("Still unknown ({len}):\n").format(len=len(summary.open_items)) + "\n".join(
                lines
            )
        else:
            open_text = self.tr("No checklist item is still unknown.")
        self.open_label = _plain(open_text, "approvalOpenItems")
        layout.addWidget(self.open_label)
        if summary.override:
            rules = ", ".join(summary.override.get("rules", []))
            self.override_label = _plain(
                self.tr("Overridden by {decided_by} ({rules}): {get}").format(
                    decided_by=summary.decided_by, rules=rules, get=summary.override.get("reason", "")
                ),
                "approvalOverride",
            )
            self.override_label.setStyleSheet("color: #8a5a00;")
            layout.addWidget(self.override_label)
        for warning in summary.warnings:
            layout.addWidget(_plain(warning))
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):
            outer.insertWidget(0, box)
