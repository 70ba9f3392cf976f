"""PyInstaller entry point: the frozen app starts exactly like `demand-desk`."""

import multiprocessing

from app.cli import main

if __name__ == "__main__":
    # A frozen app has no python to spawn: worker processes re-enter this binary.
    multiprocessing.freeze_support()
    raise SystemExit(main())
