"""Scanned PDFs: kh-08-cdcd-soctrang-2026 printed to page images (DejaVu Serif, two-column header, a red stamp and
a blue signature over the signature block), saved as an image-only PDF, read back by OCR, over the CLI path and
as an HTTP upload job. Tests that need Tesseract skip, saying why, where it is absent."""

from __future__ import annotations

import io
import time
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.errors import NoTextLayer, OcrUnavailable
from core.text import fold
from ingest import ocr
from ingest.loaders import extract_text, scanned_pages
from ingest.pipeline import parse_bytes
from tests.builders import make_image_pdf, make_pdf
from tests.conftest import CORPUS, make_settings
from tests.file_builders import scan_pdf

PLAN = "kh-08-cdcd-soctrang-2026"
ADMIN = {"Authorization": "Bearer admin-secret-token"}
needs_tesseract = pytest.mark.skipif(
    ocr.missing() is not None, reason=f"OCR unavailable: {ocr.missing()} (scripts/test.sh installs it as root)"
)


@cache
def _raw() -> str:
    return (CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8")


@cache
def _scan() -> bytes:
    return scan_pdf(_raw(), dpi=200)  # five A4 pages, 200 dpi: an ordinary office scan


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def char_error_rate(reference: str, hypothesis: str) -> float:
    """Character edits (whitespace runs as one space) over the reference length.

    The texts are aligned on their common stretches first (difflib) and each differing stretch is counted by
    exact Levenshtein distance: never less than the true distance, equal to it for OCR's scattered errors, and
    seconds instead of minutes for a 14,000-character plan."""
    from difflib import SequenceMatcher

    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    edits = sum(
        _levenshtein(ref[i1:i2], hyp[j1:j2])
        for op, i1, i2, j1, j2 in SequenceMatcher(None, ref, hyp, autojunk=False).get_opcodes()
        if op != "equal"
    )
    return edits / len(ref)


def words_found(reference: str, hypothesis: str) -> float:
    """Share of the reference's words (with multiplicity) that the hypothesis has."""
    have = Counter(hypothesis.split())
    found = 0
    for word in reference.split():
        if have[word] > 0:
            have[word] -= 1
            found += 1
    return found / len(reference.split())


@needs_tesseract
@pytest.mark.slow
def test_scanned_plan_gives_the_txt_outline_and_its_words(
    record_property: pytest.RecordProperty, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _scan()
    assert scanned_pages(f"{PLAN}.pdf", data) == 5
    seen: list[tuple[int, int]] = []
    started = time.perf_counter()
    with ocr.reporting(lambda name, done, total: seen.append((done, total))):
        text = extract_text(f"{PLAN}.pdf", data)
    seconds = time.perf_counter() - started
    cer, found = char_error_rate(_raw(), text), words_found(_raw(), text)
    record_property("cer", round(cer, 4))
    record_property("words_found", round(found, 4))
    record_property("pages_per_minute", round(5 / seconds * 60, 1))
    with capsys.disabled():  # reported in every run's output, not only on failure
        print(
            f"\n[ocr] {PLAN} scanned at 200 dpi: CER {cer:.4f}, words found {found:.4f}, {5 / seconds * 60:.1f} pages/min"
        )
    assert found >= 0.95
    assert cer <= 0.02
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)

    typed = parse_bytes(f"{PLAN}.txt", _raw().encode("utf-8"))
    scanned = parse_bytes(f"{PLAN}.pdf", data)
    assert [o["section"] for o in scanned.outline()] == [o["section"] for o in typed.outline()]
    # the two-column header, the stamp and the signature do not scramble the header fields
    header = ("doc_type", "number", "date", "issuer", "place", "title", "sections")
    assert {k: scanned.fields()[k] for k in header} == {k: typed.fields()[k] for k in header}
    assert scanned.managing_body == typed.managing_body and scanned.signer_title == typed.signer_title
    # the signer's name is found where it is; under the JPEG-smeared stamp ring its letters may carry an OCR
    # error in a diacritic (measured: "Đỉnh" for "Đinh" at 200 dpi, exact at 300 dpi)
    assert fold(scanned.signer or "") == fold(typed.signer or "")


@needs_tesseract
def test_only_the_scanned_page_of_a_mixed_pdf_is_read_by_ocr() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for source in (
        make_pdf("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Trang có lớp chữ của văn bản."),
        scan_pdf(_raw(), pages=slice(0, 1)),
    ):
        for page in PdfReader(io.BytesIO(source)).pages:
            writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    calls: list[tuple[int, int]] = []
    with ocr.reporting(lambda _n, done, total: calls.append((done, total))):
        text = extract_text("mixed.pdf", buf.getvalue())
    assert calls[-1] == (1, 1)  # one page of two went through Tesseract
    assert "Trang có lớp chữ của văn bản." in text
    assert "TRƯỜNG CAO ĐẲNG CỘNG ĐỒNG" in text and "Căn cứ Chỉ thị số 07/CT-BCA-V28" in text


@needs_tesseract
def test_a_scan_with_nothing_legible_is_refused_by_name() -> None:
    with pytest.raises(NoTextLayer, match=r"scan\.pdf: PDF has no text layer and OCR found no text"):
        extract_text("scan.pdf", make_image_pdf())


def test_without_tesseract_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_version", lambda: None)
    with pytest.raises(OcrUnavailable) as info:
        extract_text("scan.pdf", make_image_pdf())
    message = str(info.value)
    assert message.startswith("scan.pdf: PDF has no text layer (a scan) and needs OCR")
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in message
    assert isinstance(info.value, NoTextLayer)


def test_columns_are_read_one_after_the_other() -> None:
    """Tesseract's words of a header line cut at the column gap; a line across the gap ends the columns."""
    words = {
        "text": [],
        "conf": [],
        "left": [],
        "top": [],
        "width": [],
        "height": [],
        "block_num": [],
        "par_num": [],
        "line_num": [],
    }

    def word(text: str, left: int, line: int, block: int = 1) -> None:
        for key, value in zip(words, (text, 95, left, line * 40, 20 * len(text), 30, block, 1, line)):
            words[key].append(value)

    word("UBND", 100, 1), word("TỈNH", 220, 1), word("CỘNG", 1000, 1), word("HÒA", 1120, 1)
    word("TRƯỜNG", 100, 2), word("Độc", 1000, 2), word("lập", 1080, 2)
    word("Số:", 100, 3), word("08/KH", 180, 3)
    word("KẾ", 550, 4, block=2), word("HOẠCH", 610, 4, block=2)
    assert ocr._lines_from_data(words, ocr.POLICY).split("\n") == [
        "UBND TỈNH",
        "TRƯỜNG",
        "Số: 08/KH",
        "CỘNG HÒA",
        "Độc lập",
        "",
        "KẾ HOẠCH",
    ]


def test_coloured_ink_is_whitened_and_black_text_under_it_kept() -> None:
    from PIL import Image

    page = Image.new("RGB", (4, 1), "white")
    page.putpixel((0, 0), (0, 0, 0))  # text
    page.putpixel((1, 0), (210, 40, 50))  # red stamp
    page.putpixel((2, 0), (30, 50, 170))  # blue signature
    page.putpixel((3, 0), (40, 8, 10))  # text under the stamp: dark, stays
    gray = ocr.whiten_coloured_ink(page)
    assert [gray.getpixel((x, 0)) for x in range(4)] == [0, 255, 255, gray.getpixel((3, 0))]
    assert gray.getpixel((3, 0)) < 60


# ---------------------------------------------------------------- HTTP: the upload is a job


@pytest.fixture
def api(tmp_path: Path):
    from api.app import create_app
    from retrieval.engine import build_engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    engine = build_engine(
        make_settings(tmp_path / "data", corpus_dir=corpus, admin_token="admin-secret-token"), embedder=None
    )
    with TestClient(create_app(engine)) as client:
        client.engine = engine  # type: ignore[attr-defined]
        client.corpus = corpus  # type: ignore[attr-defined]
        yield client
    engine.close()


def _wait(api: TestClient, url: str, timeout: float = 600) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        body = api.get(url, headers=ADMIN).json()
        if body["status"] in ("done", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.5)


@needs_tesseract
@pytest.mark.slow
def test_uploading_the_scanned_plan_returns_a_job_that_completes_with_the_outline(api: TestClient) -> None:
    r = api.post("/documents", headers=ADMIN, files={"file": (f"{PLAN}.pdf", _scan(), "application/pdf")})
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] in ("queued", "running") and job["pages_total"] == 5 and job["file"] == f"{PLAN}.pdf"
    assert r.headers["location"] == f"/jobs/{job['id']}"
    assert api.get(f"/jobs/{job['id']}").status_code == 401  # admin only
    done = _wait(api, f"/jobs/{job['id']}")
    assert done["status"] == "done", done
    assert done["pages_done"] == 5 and done["upload_status"] == "added"
    typed = parse_bytes(f"{PLAN}.txt", _raw().encode("utf-8"))
    assert [o["section"] for o in done["document"]["outline"]] == [o["section"] for o in typed.outline()]
    assert api.get(f"/documents/{PLAN}").json()["number"] == "08/KH-CĐCĐ"
    assert (api.corpus / f"{PLAN}.pdf").read_bytes() == _scan()  # type: ignore[attr-defined]


@needs_tesseract
def test_a_failed_job_says_why_and_changes_nothing(api: TestClient) -> None:
    r = api.post("/documents", headers=ADMIN, files={"file": ("scan.pdf", make_image_pdf(), "application/pdf")})
    assert r.status_code == 202
    failed = _wait(api, f"/jobs/{r.json()['id']}")
    assert failed["status"] == "failed"
    assert failed["error"]["error"] == "NoTextLayer" and "no text layer" in failed["error"]["message"]
    assert failed["error"]["message_vi"]
    assert api.get("/documents").json() == [] and list(api.corpus.iterdir()) == []  # type: ignore[attr-defined]
    assert api.get("/jobs/0123", headers=ADMIN).status_code == 404


def test_a_scan_upload_without_tesseract_is_503_saying_how_to_install_it(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "tesseract_version", lambda: None)
    r = api.post("/documents", headers=ADMIN, files={"file": ("scan.pdf", make_image_pdf(), "application/pdf")})
    assert r.status_code == 503
    body = r.json()
    assert body["error"] == "OcrUnavailable" and "apt-get install tesseract-ocr tesseract-ocr-vie" in body["message"]
    assert "Tesseract" in body["message_vi"]


def test_the_cli_shows_a_bar_per_scanned_file() -> None:
    from rich.console import Console
    from rich.progress import Progress

    from cli import _ocr_bar

    with Progress(console=Console(file=io.StringIO())) as progress:
        update = _ocr_bar(progress)
        update("a/scan.pdf", 0, 3)
        (task,) = progress.tasks
        assert task.description == "OCR scan.pdf (pages)" and task.total == 3
        update("a/scan.pdf", 2, 3)
        assert progress.tasks[0].completed == 2
        update("a/scan.pdf", 3, 3)
        assert progress.tasks == []
