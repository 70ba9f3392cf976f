"""The command line (``demand-desk``): ``main`` is the entry point (pyproject.toml, packaging/entry.py).

``main.py`` holds the parser and runs a command; ``common.py`` what every command shares;
each other module one group of commands, adding its own to the parser.
"""

from app.cli.main import main

__all__ = ["main"]
