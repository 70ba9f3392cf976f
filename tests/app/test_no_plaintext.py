"""No plaintext copy of case data on disk: not in the data directory, not in temp files.

Each demand carries strings that exist nowhere else (a canary and an e-mail address);
after intake no file may contain them, nor any 32-byte stretch of the PDF itself.
"""

from __future__ import annotations

import pytest

from app import services


def needles(pdf: bytes, *strings: str, windows: int = 12, size: int = 32) -> list[bytes]:
    found = [s.encode(enc) for s in strings for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    step = (len(pdf) - size) // (windows - 1)
    found += [pdf[i * step : i * step + size] for i in range(windows)]
    return found


@pytest.mark.parametrize("which", ["canary_pdf", "scanned_pdf"])
def test_intake_leaves_no_plaintext_in_data_dir_or_temp(
    request, which, desk, data_dir, passphrase, canary, private_tempdir, find_leaks
):
    pdf = request.getfixturevalue(which)
    case_id = desk.intake(pdf, f"{canary.text}.pdf")
    desk.close()

    look_for = needles(pdf, canary.text, canary.email)
    assert data_dir.store_path.stat().st_size > len(pdf)  # the demand is in there somewhere
    assert find_leaks(look_for, data_dir.root, private_tempdir) == []

    reopened = services.unlock(data_dir, passphrase=passphrase)
    try:
        assert reopened.document(case_id) == pdf  # stored, just not readable from outside
        assert reopened.verify_audit().ok
        if which == "canary_pdf":
            assert reopened.search(canary.text) == [case_id]
    finally:
        reopened.close()
    assert find_leaks(look_for, data_dir.root, private_tempdir) == []


def test_intake_leaves_the_temp_folder_empty(desk, canary_pdf, private_tempdir):
    desk.intake(canary_pdf, "demand.pdf")
    assert list(private_tempdir.iterdir()) == []


def test_leak_finder_finds_a_plaintext_copy(tmp_path, canary_pdf, canary, find_leaks):
    # The check above can fail: a stray copy of a window of the PDF is found.
    (tmp_path / "cache.bin").write_bytes(b"header" + canary_pdf[len(canary_pdf) // 3 :])
    assert find_leaks(needles(canary_pdf, "not in the file"), tmp_path)
