"""The application's look: calm, legible, few colours; errors in one red, warnings in one amber;
every focusable control shows a blue ring while it has the keyboard."""

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
/* A focus ring the eye finds at once: the keyboard's place in the window (issue 20). */
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus,
QAbstractItemView:focus, QScrollArea:focus { border: 2px solid #1a73e8; }
/* No more padding than the native button has: focus must not cut the button's words. */
QPushButton:focus { border: 2px solid #1a73e8; border-radius: 4px; background: #e8f0fe; padding: 0 2px; }
QToolButton:focus { border: 2px solid #1a73e8; border-radius: 4px; background: #e8f0fe; padding: 0; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid #1a73e8; border-radius: 3px; padding: 1px; }
/* A label takes the keyboard only for its links: tinted, since a border would move its words. */
QLabel:focus { background: #d2e3fc; }
/* A button that opens a menu keeps room for its arrow, or the arrow covers the last letter. */
QToolButton[popupMode="2"], QToolButton[popupMode="2"]:focus { padding-right: 14px; }
"""
