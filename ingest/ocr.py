"""Text of scanned pages: PDFium renders each page, Tesseract reads it in Vietnamese.

Only pages without a text layer are read this way, so a mixed PDF keeps the text it has. Before Tesseract
sees a page, bright coloured ink is whitened (a red stamp, a blue signature), so a stamp over the signature does
not become words. Tesseract reads the header's two columns as one line ("UBND THÀNH PHỐ … CỘNG HÒA XÃ HỘI …"),
so its word boxes are regrouped: a line is cut where the space between two words is a column gap, and a run of
such lines is read column by column (issuing body and "Số:", then motto and place-date), as a .txt of the
document has them. Parts Tesseract barely recognises (mean word confidence under ``POLICY.min_line_conf``:
specks, the remains of a stamp) are dropped, and a line-opening "II." is recounted from its strokes.

Pages are read in parallel, one Tesseract process per core, each limited to one OpenMP thread (Tesseract's
documentation advises this when several instances run at once). Long jobs report progress through
``reporting``: the CLI shows a bar, an HTTP upload job counts pages.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import ContextVar, copy_context
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.errors import OcrUnavailable, UnreadableFile

logger = logging.getLogger(__name__)

#: progress(file name, pages done, pages to read)
Progress = Callable[[str, int, int], None]
_PROGRESS: ContextVar[Progress | None] = ContextVar("ocr_progress", default=None)

INSTALL_HINT = (
    "install Tesseract with its Vietnamese data: `apt-get install tesseract-ocr tesseract-ocr-vie` "
    "(Debian/Ubuntu; scripts/run.sh does it when run as root)"
)
INSTALL_HINT_VI = (
    "Tệp PDF này là bản quét và cần Tesseract để nhận dạng chữ: cài `tesseract-ocr` và `tesseract-ocr-vie`."
)


@dataclass(frozen=True)
class Policy:
    """Tunables of OCR, measured on kh-08-cdcd-soctrang-2026 rendered as a 200-dpi scan (tests/test_ocr.py)."""

    #: rendering resolution: 300 dpi is Tesseract's recommendation for 10-12 pt text
    dpi: int = 300
    #: Tesseract's language data
    lang: str = "vie"
    #: a page with fewer characters of its own text layer than this is read by OCR
    min_page_chars: int = 20
    #: lines whose words Tesseract is on average less sure of than this (0-100) are dropped
    min_line_conf: float = 40.0
    #: a space between two words of a line wider than this many word heights, and than this share of the
    #: page width, is a gap between columns
    column_gap_heights: float = 3.0
    column_gap_page: float = 0.04
    #: a pixel this saturated (HSV S, 0-255) and this bright (V) is coloured ink: stamp or signature; a darker
    #: reddish pixel is black text under the stamp's ink and is kept (at V 60 the letters under the ring broke)
    ink_saturation: int = 80
    ink_value: int = 120
    #: Tesseract processes at once (None: one per core)
    workers: int | None = None
    #: seconds one page may take before it is given up
    page_timeout: float = 180.0


POLICY = Policy()


@contextlib.contextmanager
def reporting(progress: Progress | None) -> Iterator[None]:
    """Within the block, OCR calls ``progress(name, done, total)`` as pages are read."""
    token = _PROGRESS.set(progress)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def current_progress() -> Progress | None:
    """The callback ``reporting`` installed here, if any (a reading process relays progress to it)."""
    return _PROGRESS.get()


@cache
def tesseract_version() -> str | None:
    """Tesseract's version, or None when it is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = (out.stdout or out.stderr).strip().splitlines()
    return first[0].split()[-1] if first else "unknown"


@cache
def tesseract_languages() -> frozenset[str]:
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:] if line.strip())


def missing(policy: Policy = POLICY) -> str | None:
    """Why OCR cannot run here (with how to fix it), or None when it can."""
    try:
        import pypdfium2  # noqa: F401
        import pytesseract  # noqa: F401
    except ImportError as exc:  # pragma: no cover - both are dependencies of the package
        return f"the Python package {exc.name} is not installed; reinstall cancu"
    if tesseract_version() is None:
        return f"Tesseract is not installed; {INSTALL_HINT}"
    if policy.lang not in tesseract_languages():
        return f"Tesseract has no '{policy.lang}' language data; {INSTALL_HINT}"
    return None


def require(name: str, policy: Policy = POLICY) -> None:
    """Raise ``OcrUnavailable`` naming the file and saying how to install what is missing."""
    why = missing(policy)
    if why is not None:
        raise OcrUnavailable(
            name, f"PDF has no text layer (a scan) and needs OCR, but {why}", message_vi=INSTALL_HINT_VI
        )


# ---------------------------------------------------------------- pages


def read_pages(name: str, data: bytes, pages: list[int], policy: Policy = POLICY) -> dict[int, str]:
    """OCR text of the given pages (0-based) of a PDF, reporting progress as each page is done."""
    require(name, policy)
    if not pages:
        return {}
    progress = _PROGRESS.get()
    total, done = len(pages), 0
    if progress:
        progress(name, 0, total)
    workers = max(1, min(policy.workers or os.cpu_count() or 1, total))
    results: dict[int, str] = {}
    # PDFium is not thread-safe: pages are rendered here, one at a time; Tesseract runs in parallel.
    with _one_thread_per_tesseract(), _open_pdf(name, data) as pdf, ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[Future[str], int]] = deque()

        def collect() -> None:
            nonlocal done
            future, index = pending.popleft()
            try:
                results[index] = future.result()
            except RuntimeError as exc:  # pytesseract's TesseractError and its timeout
                raise UnreadableFile(name, f"OCR failed on page {index + 1}: {exc}") from exc
            done += 1
            if progress:
                progress(name, done, total)

        for index in pages:  # at most two rendered pages per worker wait in memory (a 300-dpi page is 26 MB)
            if len(pending) >= 2 * workers:
                collect()
            image = _render(pdf, index, policy)
            pending.append((pool.submit(copy_context().run, read_image, image, policy), index))
            del image
        while pending:
            collect()
    return results


@contextlib.contextmanager
def _open_pdf(name: str, data: bytes) -> Iterator[Any]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(name, f"corrupt PDF: {exc}") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _render(pdf: Any, index: int, policy: Policy) -> Any:
    page = pdf[index]
    try:
        return page.render(scale=policy.dpi / 72, grayscale=False).to_pil()
    finally:
        page.close()


def whiten_coloured_ink(image: Any, policy: Policy = POLICY) -> Any:
    """Grayscale page with saturated (red, blue) ink turned white: stamps and signatures are not text."""
    from PIL import Image

    if image.mode not in ("RGB", "RGBA"):
        return image.convert("L")
    rgb = image.convert("RGB")
    _, sat, val = rgb.convert("HSV").split()
    sat_mask = sat.point(lambda s: 255 if s >= policy.ink_saturation else 0)
    val_mask = val.point(lambda v: 255 if v >= policy.ink_value else 0)
    mask = Image.composite(sat_mask, Image.new("L", rgb.size, 0), val_mask)
    gray = rgb.convert("L")
    gray.paste(255, mask=mask)
    return gray


def read_image(image: Any, policy: Policy = POLICY) -> str:
    """Text of one page image: blocks in Tesseract's reading order, one line per printed line."""
    import pytesseract

    gray = whiten_coloured_ink(image, policy)
    data = pytesseract.image_to_data(
        gray,
        lang=policy.lang,
        config=f"--psm 3 --dpi {policy.dpi}",
        output_type=pytesseract.Output.DICT,
        timeout=policy.page_timeout,
    )
    _recount_roman_ones(gray, data)
    return _lines_from_data(data, policy)


_ONLY_I = re.compile(r"^I[Il|]{0,3}\.$")


def _recount_roman_ones(image: Any, data: dict[str, list[Any]]) -> None:
    """A line-opening "II." whose strokes the image says are three becomes "III.".

    Tesseract's Vietnamese model sees few Roman numerals and miscounts a run of bold serif "I"s (their serifs
    touch), which breaks the outline (III read as II is not next in sequence). For a first word made only of
    I-like strokes and a dot, the stems are counted in the middle third of its box, where serifs and the dot
    are not.
    """
    seen: set[tuple[int, int, int]] = set()
    gray = image.convert("L")
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        if key in seen:
            continue
        seen.add(key)
        if not _ONLY_I.match(word):
            continue
        x, y, w, h = (int(data[k][i]) for k in ("left", "top", "width", "height"))
        stems = _count_stems(gray.crop((x, y + h // 3, x + w, y + 2 * h // 3)))
        if 1 <= stems <= 4:
            data["text"][i] = "I" * stems + "."


def _count_stems(band: Any) -> int:
    """Runs of dark columns in a strip of the page (vertical strokes crossing it)."""
    width, height = band.size
    pixels = band.load()
    runs, inside = 0, False
    for cx in range(width):
        dark = any(pixels[cx, cy] < 128 for cy in range(height))
        if dark and not inside:
            runs += 1
        inside = dark
    return runs


@dataclass
class _Segment:
    """Words of one printed line that sit together: a line of the header's left column, say."""

    words: list[tuple[str, float]]
    x0: int
    x1: int

    @property
    def text(self) -> str:
        return " ".join(w for w, _ in self.words)

    @property
    def conf(self) -> float:
        return sum(c for _, c in self.words) / len(self.words)


def _lines_from_data(data: dict[str, list[Any]], policy: Policy) -> str:
    """Tesseract's words as text: one line per printed line, columns side by side read one after the other."""
    grouped: dict[tuple[int, int, int], list[tuple[int, int, int, str, float]]] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        left, width, height = int(data["left"][i]), int(data["width"][i]), int(data["height"][i])
        grouped.setdefault(key, []).append((left, left + width, height, word, float(data["conf"][i])))
    page_width = max((int(w) + int(x) for w, x in zip(data["width"], data["left"])), default=1)
    lines: list[tuple[int, list[_Segment]]] = []
    for key in sorted(grouped):
        segments = _split_at_gaps(grouped[key], page_width, policy)
        if segments:
            lines.append((key[0], segments))
    return "\n".join(_read_columns(lines))


def _split_at_gaps(words: list[tuple[int, int, int, str, float]], page_width: int, policy: Policy) -> list[_Segment]:
    """A line cut where the space between two words is far wider than a word space (a column gap)."""
    words = sorted(words)
    heights = sorted(h for _, _, h, _, _ in words)
    gap = max(policy.column_gap_heights * heights[len(heights) // 2], policy.column_gap_page * page_width)
    segments: list[_Segment] = []
    for x0, x1, _, text, conf in words:
        if segments and x0 - segments[-1].x1 <= gap:
            segments[-1].words.append((text, conf))
            segments[-1].x1 = x1
        else:
            segments.append(_Segment([(text, conf)], x0, x1))
    return [s for s in segments if s.conf >= policy.min_line_conf]


def _read_columns(lines: list[tuple[int, list[_Segment]]]) -> list[str]:
    """Text in reading order: a run of lines cut into columns (the header, "Nơi nhận" beside the signature)
    is read column by column; lines of a single segment inside such a run join the column they sit in."""
    out: list[str] = []
    last_block: int | None = None
    i = 0
    while i < len(lines):
        block, segments = lines[i]
        if last_block is not None and block != last_block:
            out.append("")
        last_block = block
        if len(segments) < 2:
            out.append(segments[0].text)
            i += 1
            continue
        split = (segments[0].x1 + segments[1].x0) // 2
        left: list[str] = []
        right: list[str] = []
        while i < len(lines):
            block, segments = lines[i]
            if len(segments) >= 2:
                cut = (segments[0].x1 + segments[1].x0) // 2
                if not any(s.x0 < split < s.x1 for s in segments):
                    cut = split
                left.extend(s.text for s in segments if s.x1 <= cut)
                right.extend(s.text for s in segments if s.x1 > cut)
            elif segments[0].x1 < split:
                left.append(segments[0].text)
            elif segments[0].x0 > split:
                right.append(segments[0].text)
            else:
                break  # a line across the gap ends the columns
            last_block = block
            i += 1
        out.extend(left)
        out.extend(right)
    return out


def needs_ocr(page_texts: list[str], policy: Policy = POLICY) -> list[int]:
    """Pages (0-based) whose text layer is too thin to be the page's text."""
    return [i for i, text in enumerate(page_texts) if len("".join(text.split())) < policy.min_page_chars]


@contextlib.contextmanager
def _one_thread_per_tesseract() -> Iterator[None]:
    """OMP_THREAD_LIMIT=1 for the Tesseract processes started in the block (pytesseract passes os.environ to
    them): pages in parallel use the cores better than OpenMP threads inside one Tesseract. Set only while OCR
    runs, so that no other library of the process (torch's OpenMP) is limited by it; a value the user set stays."""
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OMP_THREAD_LIMIT", None)
