"""Measure how cancu reads scanned PDFs and .doc files (the figures in the README's Performance section).

    .venv/bin/python scripts/measure_reading.py [--dpi 200 300] [--repeat 3]

OCR: kh-08-cdcd-soctrang-2026 printed to an image-only PDF exactly as tests/test_ocr.py does, read back with one
Tesseract process and with one per core: pages per minute, character error rate, words found, whether the
outline equals the .txt's. .doc: the plan as a .doc written by LibreOffice (typed numbers, and Word's automatic
numbering), read by antiword, catdoc and LibreOffice (→ .docx → cancu's reader): seconds per file (median) and
whether the outline equals the .txt's. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from core.errors import CancuError  # noqa: E402
from ingest import legacy_doc, ocr  # noqa: E402
from ingest.loaders import extract_text  # noqa: E402
from ingest.pipeline import build_document  # noqa: E402
from tests.builders import make_docx  # noqa: E402
from tests.file_builders import numbered_docx, scan_pdf  # noqa: E402
from tests.test_doc import _to_doc  # noqa: E402
from tests.test_ocr import char_error_rate, words_found  # noqa: E402

PLAN = "kh-08-cdcd-soctrang-2026"


def _ids(text: str) -> list[str]:
    try:
        return [o["section"] for o in build_document(PLAN, text).outline()]
    except CancuError:  # no numbered sections at all: the numbering was lost
        return []


def _cpu() -> float:
    """CPU seconds of this process (rendering) and its finished children (Tesseract)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_ocr(raw: str, dpis: list[int]) -> None:
    reference = _ids(raw)
    print(
        "| scan dpi | pages | Tesseract processes | wall s | pages/min (wall) | CPU s per page | "
        "pages/min from CPU time | CER | words found | outline = .txt |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for dpi in dpis:
        data = scan_pdf(raw, dpi=dpi)
        for workers in (1, os.cpu_count() or 1):
            policy = dataclasses.replace(ocr.POLICY, workers=workers)
            n = len(PdfReader(io.BytesIO(data)).pages)
            cpu_before = _cpu()
            started = time.perf_counter()
            read = ocr.read_pages("scan.pdf", data, list(range(n)), policy)
            text = "\n".join(read[i] for i in range(n))
            seconds = time.perf_counter() - started
            per_page = (_cpu() - cpu_before) / n
            # what `workers` otherwise idle cores give: CPU time is what the other load on a shared machine
            # leaves untouched, wall time is not
            from_cpu = 60 / per_page * workers
            print(
                f"| {dpi} | {n} | {workers} | {seconds:.1f} | {n / seconds * 60:.1f} | {per_page:.2f} | {from_cpu:.1f} "
                f"| {char_error_rate(raw, text):.4f} | {words_found(raw, text):.4f} "
                f"| {'yes' if _ids(text) == reference else 'no'} |"
            )


def _timed(run, repeat: int) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), out


def measure_doc(raw: str, repeat: int) -> None:
    reference = _ids(raw)
    docs = {"typed numbers": _to_doc(make_docx(raw)), "automatic numbering": _to_doc(numbered_docx(raw))}
    print("| converter | .doc | seconds per file (median) | outline = .txt |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, data in docs.items():
            path = Path(tmp) / "plan.doc"
            path.write_bytes(data)
            tools = {
                "antiword -m UTF-8.txt": ["antiword", "-m", "UTF-8.txt", str(path)],
                "catdoc -d utf-8": ["catdoc", "-d", "utf-8", "-w", str(path)],
            }
            for name, command in tools.items():
                if shutil.which(command[0]) is None:
                    print(f"| {name} | {label} | not installed | – |")
                    continue
                seconds, text = _timed(
                    lambda c=command: subprocess.run(c, capture_output=True, text=True).stdout, repeat
                )
                ids = _ids(text)
                verdict = "yes" if ids == reference else f"no ({len(ids)} of {len(reference)} sections)"
                print(f"| {name} | {label} | {seconds:.3f} | {verdict} |")
            if legacy_doc.missing() is None:
                seconds, text = _timed(lambda d=data: extract_text("plan.doc", d), repeat)
                print(
                    f"| LibreOffice → .docx (cancu) | {label} | {seconds:.3f} | {'yes' if _ids(text) == reference else 'no'} |"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="*", default=[200, 300])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-ocr", action="store_true")
    args = parser.parse_args()
    raw = (ROOT / "corpus" / f"{PLAN}.txt").read_text(encoding="utf-8")
    print(f"{os.cpu_count()} CPUs, Tesseract {ocr.tesseract_version()}, {time.strftime('%Y-%m-%d')}\n")
    if not args.skip_ocr:
        measure_ocr(raw, args.dpi)
        print()
    measure_doc(raw, args.repeat)


if __name__ == "__main__":
    main()
