"""The six-monthly transparency report: periods, figures, checks, freezing, exports (no Qt).

The window and the command line use ``Reports(desk)`` (``app.report.service``); the
figures are computed by ``app.report.figures`` from rows read by ``db.report_rows``.
"""
