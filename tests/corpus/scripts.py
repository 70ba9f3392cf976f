"""Synthetic scans of demands in scripts the PDF standard fonts cannot set (Cyrillic, Han).

``scan.py`` typesets with the standard-14 faces, which hold Latin letters only. Here the
lines are drawn with a TrueType/OpenType font straight onto the page bitmap, then the
page goes through the same scanner damage (``scan.degrade``) and is wrapped as an
image-only PDF (``scan.assemble``). Everything stays in memory.
"""

from __future__ import annotations

import random
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4

from tests.corpus.scan import ScanSettings, assemble, degrade, encode_jpeg

ROOT = Path(__file__).resolve().parents[2]
# DejaVu (shipped in resources/fonts) sets Latin and Cyrillic.
CYRILLIC_FONT = ROOT / "resources" / "fonts" / "DejaVuSerif.ttf"


@cache
def cjk_font() -> Path | None:
    """A font with Chinese characters (Debian's fonts-noto-cjk), or None where there is none."""
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "Noto Sans CJK SC:lang=zh-cn"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return None
    return Path(found) if found and "CJK" in found and Path(found).is_file() else None


def scan_lines(
    lines: Sequence[str], font: Path, settings: ScanSettings | None = None, size_pt: float = 12
) -> bytes:
    """One A4 page of ``lines`` (an empty string leaves a blank line), scanned: image-only PDF bytes."""
    settings = settings or ScanSettings(dpi=300)
    scale = settings.dpi / 72
    width, height = round(A4[0] * scale), round(A4[1] * scale)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(str(font), round(size_pt * scale))
    y = 72 * scale
    for line in lines:
        draw.text((72 * scale, y), line, font=face, fill=0)
        y += size_pt * 1.6 * scale
    damaged = degrade(page, settings, random.Random(settings.seed))
    return assemble([encode_jpeg(damaged, settings.jpeg_quality)], A4)
