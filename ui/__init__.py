"""The Qt desktop window. Holds no business rules and no SQL."""

from ui.common.refcounts import guard_singletons

guard_singletons()  # before any Qt call: see ui/common/refcounts.py
