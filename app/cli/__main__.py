"""``python -m app.cli``: the same as the ``demand-desk`` command."""

from app.cli import main

raise SystemExit(main())
