"""The application's look: calm, legible, few colours; errors in one red, warnings in one amber."""

STYLE_SHEET = """
QLabel#panelTitle { font-weight: 600; font-size: 11pt; padding: 2px 0; }
QLabel#muted { color: #5f6368; }
QLabel#error { color: #b3261e; }
QToolButton#syncIndicator[warn="true"] { color: #8a5300; font-weight: 600; }
QLabel#lockTitle { font-size: 18pt; font-weight: 600; }
QLabel#demoBanner { background: #fff4ce; color: #5c4400; padding: 4px 8px; }
QScrollArea#pageArea { background: #e8e8e8; }
QTableView { gridline-color: #e0e0e0; }
QStatusBar QLabel { padding: 0 6px; }
"""
