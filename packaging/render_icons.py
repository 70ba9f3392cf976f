"""Render the app icon (resources/icons/demand-desk.svg) for the desktop, at build time.

    python packaging/render_icons.py OUT_DIR

writes OUT_DIR/hicolor/<N>x<N>/apps/demand-desk.png for the usual hicolor sizes,
OUT_DIR/hicolor/scalable/apps/demand-desk.svg, and OUT_DIR/demand-desk.ico (Windows)
and OUT_DIR/demand-desk.icns (macOS) for the specs. Qt's own SVG renderer does the work
(QtSvg ships in PySide6-Essentials), so no rsvg-convert or ImageMagick is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "demand-desk.svg"
NAME = "demand-desk"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Qt's ico and icns writers store one image each; Windows and macOS scale it down well.
ICO_SIZE = 256
ICNS_SIZE = 512


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: cannot read {SVG}", file=sys.stderr)
        return 1

    def image(size: int) -> QImage:
        img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        return img

    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image(size).save(str(target), "PNG"):
            print(f"render_icons: cannot write {target}", file=sys.stderr)
            return 1
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    if not image(ICO_SIZE).save(str(out / f"{NAME}.ico"), "ICO"):
        print("render_icons: no ICO writer (Qt imageformats plugin); skipped", file=sys.stderr)
    if not image(ICNS_SIZE).save(str(out / f"{NAME}.icns"), "ICNS"):
        print("render_icons: no ICNS writer (Qt imageformats plugin); skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
