"""Helpers for tests that decide a disclosure about something other than the checklist."""

from __future__ import annotations

from app.review.service import Review

CHECKED = "checked against the served original"


def answer_blocking_pass(review: Review, case_id: str) -> list[str]:
    """Answer every blocking item still unknown or failed ``pass`` (with a reason), as a reviewer
    who checked them would; returns their ids. A disclosure is refused while any is open."""
    opened = [
        a.id
        for a in review.assess(case_id).answers
        if a.effect == "blocks" and a.answer in ("unknown", "fail")
    ]
    for item_id in opened:
        review.answer(case_id, item_id, "pass", CHECKED)
    return opened
