"""How fast are case bundles and shared-drive sync?

Run:  .venv/bin/python bench/sync.py [--cases N]      (default 1000)

1. Export: a case whose demand PDF is 50 MB, exported as a bundle (read from the
   encrypted store, hashed, zipped in memory, age-encrypted, written and fsynced),
   against `cp` of the same 50 MB (and `cp` + `sync`, which also waits for the disk).
   Target: export throughput >= 0.5 x cp's.
2. Sync: workstation A with N cases already published, one of them changed; A's sync
   (what it writes to the share, how long it takes) and B's sync that imports it.
   Targets: bytes written to the share <= 1.1 x that case's bundle, A's sync <= 2 s.

Everything lives in a temporary folder that is deleted afterwards. Prints the
figures; exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app import services
from app.bundle.service import Bundles
from app.datadir import DataDir
from app.model import KeyStorage
from app.team import TeamKey
from db import case_copy

PASSPHRASE = "bench passphrase"
TEAM_PASSPHRASE = "bench team passphrase"
PDF_MB = 50
TARGET_EXPORT_RATIO = 0.5
TARGET_BYTES_RATIO = 1.1
TARGET_SYNC_S = 2.0


def small_pdf(n: int) -> bytes:
    from reportlab.pdfgen import canvas

    path_buf = io.BytesIO()
    pdf = canvas.Canvas(path_buf)
    pdf.drawString(72, 720, "SUBPOENA TO PRODUCE DOCUMENTS")
    pdf.drawString(72, 700, f"Produce the subscriber information for user{n}@example.com")
    pdf.showPage()
    pdf.save()
    return path_buf.getvalue()


def station(root: Path, name: str) -> tuple[services.Desk, Bundles]:
    desk = services.set_up(
        DataDir(root),
        workstation=name,
        reviewer="Ada",
        pin="246813",
        passphrase=PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
    )
    team = TeamKey(desk.data_dir, desk.config, PASSPHRASE)
    return desk, Bundles(desk, team)


def share_bytes(share: Path) -> int:
    return sum(p.stat().st_size for p in share.rglob("*") if p.is_file())


def bench_export(tmp: Path) -> bool:
    desk, bundles = station(tmp / "X", "wsX")
    bundles.team.init()
    case_id = desk.intake(small_pdf(0), "demand.pdf")
    big = b"%PDF-1.7\n" + secrets.token_bytes(PDF_MB * 1_000_000)
    doc = desk.store.get_document(case_id)
    desk.store.db.table("documents").update(
        doc["id"], {"pdf": big, "size": len(big), "sha256": hashlib.sha256(big).hexdigest()}
    )
    src = tmp / "src.bin"  # random bytes of the bench's own, not case data
    src.write_bytes(big)

    def cp(with_sync: bool) -> float:
        dst = tmp / "dst.bin"
        dst.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run(["cp", str(src), str(dst)], check=True)
        if with_sync:
            subprocess.run(["sync", str(dst)], check=True)
        return time.perf_counter() - start

    def export() -> float:
        out = tmp / "out"
        shutil.rmtree(out, ignore_errors=True)
        desk.record("bench.touch", case_id, {})  # a change, so each run makes a new version
        start = time.perf_counter()
        bundles.export_case(case_id, out)
        return time.perf_counter() - start

    cp(False), export()  # warm the page cache and the code paths
    t_cp = min(cp(False) for _ in range(3))
    t_cp_sync = min(cp(True) for _ in range(3))
    t_export = min(export() for _ in range(3))
    mb = len(big) / 1e6
    ratio = t_cp / t_export
    print(f"export of a case with {mb:.0f} MB of PDF: {t_export * 1000:.0f} ms ({mb / t_export:.0f} MB/s)")
    print(f"cp of the same bytes:                 {t_cp * 1000:.0f} ms ({mb / t_cp:.0f} MB/s)")
    print(f"cp + sync (to disk, as export does):  {t_cp_sync * 1000:.0f} ms ({mb / t_cp_sync:.0f} MB/s)")
    print(
        f"export / cp throughput: {ratio:.2f} (target >= {TARGET_EXPORT_RATIO}); vs cp + sync: "
        f"{t_cp_sync / t_export:.2f}"
    )
    desk.close()
    return ratio >= TARGET_EXPORT_RATIO


def bench_sync(tmp: Path, count: int) -> bool:
    a, bundles_a = station(tmp / "A", "wsA")
    b, bundles_b = station(tmp / "B", "wsB")
    bundles_a.team.init()
    bundles_a.team.export(tmp / "team.key", TEAM_PASSPHRASE)
    bundles_b.team.import_file(tmp / "team.key", TEAM_PASSPHRASE)
    share = tmp / "share"
    share.mkdir()

    start = time.perf_counter()
    first = a.intake(small_pdf(0), "demand-0.pdf")
    template = case_copy.read_case(a.store, first)
    for n in range(1, count):
        # Copies of one real case under new ids: intake's OCR is not what is measured here.
        case_id = secrets.token_hex(8)
        rows = {
            name: [dict(r, case_id=case_id) if "case_id" in r else dict(r) for r in table]
            for name, table in template.items()
        }
        rows["cases"] = [
            dict(
                template["cases"][0],
                id=case_id,
                reference=f"WSA-BENCH-{n:05d}",
                version_id=secrets.token_hex(16),
            )
        ]
        with a.store.atomic():
            case_copy.replace_case(a.store, case_id, rows)
            a.record("case.intake", case_id, {"reference": f"WSA-BENCH-{n:05d}"})
    print(f"\n{count} cases made in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    first_sync = bundles_a.sync(share)
    print(
        f"first sync of A publishes {len(first_sync.pushed)} bundles in {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    pulled = bundles_b.sync(share)
    print(f"first sync of B imports {len(pulled.pulled)} cases in {time.perf_counter() - start:.1f} s")

    a.correct_fact(first, "issuing_authority", "District Court", "read again")
    before = share_bytes(share)
    start = time.perf_counter()
    report = bundles_a.sync(share)
    t_a = time.perf_counter() - start
    written = share_bytes(share) - before
    [case_dir] = [share / "demand-desk" / "cases" / first]
    newest = max(case_dir.iterdir(), key=lambda p: p.stat().st_mtime_ns)
    bundle_size = newest.stat().st_size
    start = time.perf_counter()
    report_b = bundles_b.sync(share)
    t_b = time.perf_counter() - start
    assert report.pushed == [first] and report_b.pulled == [first], (report, report_b)
    print(f"sync of A with {count} cases, one changed: {t_a * 1000:.0f} ms (target <= {TARGET_SYNC_S:.0f} s)")
    print(
        f"  bytes written to the share: {written} for a bundle of {bundle_size} "
        f"({written / bundle_size:.2f} x, target <= {TARGET_BYTES_RATIO})"
    )
    print(f"sync of B importing that change: {t_b * 1000:.0f} ms")
    a.close()
    b.close()
    return t_a <= TARGET_SYNC_S and written <= TARGET_BYTES_RATIO * bundle_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    os.umask(0o077)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        tmp = Path(folder)
        export_ok = bench_export(tmp)
        sync_ok = bench_sync(tmp, args.cases)
    return 0 if export_ok and sync_ok else 1


if __name__ == "__main__":
    sys.exit(main())
