"""PyInstaller entry point: the frozen app starts exactly like `demand-desk`.

Before that it points Tesseract at what the build bundled: the language data in
``_internal/tessdata`` (through TESSDATA_PREFIX, unless that is set already) and, on
Windows builds that carry one, the Tesseract binary in ``_internal/tesseract``. On macOS
an app started from the Finder does not see the shell's PATH, so Homebrew's folders are
added after it.
"""

import multiprocessing
import os
import sys
from pathlib import Path


def _point_at_bundled_tesseract() -> None:
    bundle = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))
    tessdata = bundle / "tessdata"
    if tessdata.is_dir() and not os.environ.get("TESSDATA_PREFIX"):
        os.environ["TESSDATA_PREFIX"] = str(tessdata)
    before = [str(bundle / "tesseract")] if (bundle / "tesseract").is_dir() else []
    homebrew = ("/opt/homebrew/bin", "/usr/local/bin") if sys.platform == "darwin" else ()
    after = [d for d in homebrew if Path(d).is_dir()]
    if before or after:
        path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p]
        os.environ["PATH"] = os.pathsep.join([*before, *path, *(d for d in after if d not in path)])


if __name__ == "__main__":
    # A frozen app has no python to spawn: worker processes re-enter this binary.
    multiprocessing.freeze_support()
    _point_at_bundled_tesseract()
    from app.cli import main

    raise SystemExit(main())
