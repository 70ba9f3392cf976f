"""The main window: its layout (``window``), actions (``actions``), locking (``locking``),
the open case (``case``), intake (``intake``), tools (``tools``), and the views that
follow the bus (``views``)."""
