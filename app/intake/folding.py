"""Folding: the one form every phrase, label and stop word is matched in.

Kept apart from ``extract_text`` (and free of ``app.model``) because the OCR worker process
folds words too, to tell a page's language, and pays for every module it imports.
It folds more than ``app.textfold.fold`` on purpose: scans need OCR's and typesetting's variants read alike.
"""

from __future__ import annotations

import unicodedata

# Characters OCR and typesetting use for the same thing.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\u00df": "ss",
        "\u00e6": "ae",
        "\u0153": "oe",
        "\u00f8": "o",
        "\u0142": "l",
        # Capital Ł and Turkish dotless ı have no decomposition: without these, "ŁÓDŹ" would
        # fold to "łodz" beside "łódź" -> "lodz", and "KASIM" to "kasim" beside "Kasım" -> "kasım".
        "\u0141": "l",
        "\u0131": "i",
        "\u2022": "*",
        "\u00b7": "*",
        # Arabic-Indic, Persian and Devanagari digits read as 0-9: one character for one, so
        # dates, phone numbers and file numbers written with them are read like any other.
        **{chr(zero + n): str(n) for zero in (0x0660, 0x06F0, 0x0966) for n in range(10)},
    }
)


def fold(text: str) -> str:
    """Lower case, no accents, plain quotes and dashes: the form phrases are matched in."""
    out = []
    for char in text.translate(_PLAIN):
        if "\uac00" <= char <= "\ud7a3":
            # A Hangul syllable has no accent to drop; decomposed it would be jamo, which
            # neither the phrases (written in syllables) nor the date patterns (년 월 일) are.
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)).casefold())
    return "".join(out)
