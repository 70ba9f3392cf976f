"""The one form text is compared in: lower case, no accents, plain quotes and dashes.

The policy's phrases, the directory's authority names and domains, the search in a
document's words and the sorting of country names all compare in it, so "Österreich"
sorts with the O's and "Müller" finds "muller". The intake's readers fold more (OCR's
look-alikes, ligatures, other scripts' digits) in ``app.intake.folding``.
"""

from __future__ import annotations

import unicodedata

_PLAIN = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def fold(text: str) -> str:
    """Lower case without accents and with plain quotes and dashes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
