"""The HTTP API through FastAPI's TestClient: every endpoint, bad input, uploads that change nothing when they fail."""

from __future__ import annotations

import errno
import io
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.builders import make_docx, make_pdf, make_pdf_with_unknown_encryption
from tests.conftest import CORPUS, make_settings

ADMIN = {"Authorization": "Bearer admin-secret-token"}


@pytest.fixture
def api(tmp_path: Path):
    """An app over a fresh index of the five plans, with its own corpus folder for uploads."""
    from retrieval.engine import build_engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in CORPUS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    engine = build_engine(
        make_settings(tmp_path / "data", corpus_dir=corpus, admin_token="admin-secret-token"), embedder=None
    )
    engine.ingest([corpus])
    with TestClient(create_app(engine)) as client:
        client.engine = engine  # type: ignore[attr-defined]
        client.corpus = corpus  # type: ignore[attr-defined]
        yield client
    engine.close()


def test_health_and_readiness(api: TestClient) -> None:
    assert api.get("/healthz").json() == {"status": "ok", "documents": 5, "mode": "lexical"}
    assert api.get("/readyz").status_code == 200


def test_readiness_fails_until_the_index_is_loaded(tmp_path: Path) -> None:
    app = create_app(settings=make_settings(tmp_path / "data"))  # not started: the lifespan has not loaded the index
    with TestClient(app, raise_server_exceptions=False) as client:
        pass
    client = TestClient(app)
    app.state.engine = None
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").json()["status"] == "starting"
    assert client.post("/ask", json={"question": "x"}).status_code == 503


def test_ask_returns_the_answer_object(api: TestClient) -> None:
    r = api.post("/ask", json={"question": "Phòng Công tác sinh viên phải làm gì?"})
    assert r.status_code == 200
    body = r.json()
    assert body["found"] is True and body["id"] is None
    assert [(c["doc_id"], c["section"]) for c in body["citations"]] == [
        ("kh-08-cdcd-soctrang-2026", "III.2"),
        ("kh-cdlc-laocai-2026", "IV.2"),
    ]
    scoped = api.post(
        "/ask",
        json={"question": "Phòng Công tác sinh viên phải làm gì?", "doc_ids": ["kh-cdlc-laocai-2026"], "top_k": 3},
    ).json()
    assert [c["doc_id"] for c in scoped["citations"]] == ["kh-cdlc-laocai-2026"]
    refused = api.post("/ask", json={"question": "Giá vàng hôm nay bao nhiêu?"}).json()
    assert refused["found"] is False and refused["citations"] == []


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "question: thiếu trường bắt buộc"),
        ({"question": ""}, "question: cần ít nhất 1 ký tự"),
        ({"question": "x" * 2001}, "question: tối đa 2000 ký tự"),
        ({"question": "a", "top_k": 0}, "top_k: phải lớn hơn hoặc bằng 1"),
        ({"question": "a", "colour": "red"}, "colour: trường này không được phép"),
        # read as documented (strict): JSON true is not 1, "3" is not 3 (lax pydantic took both; schemathesis)
        ({"question": "a", "top_k": True}, "top_k: phải là số nguyên"),
        ({"question": "a", "top_k": "3"}, "top_k: phải là số nguyên"),
        ({"question": "a", "id": False}, "phải là số nguyên"),
    ],
)
def test_validation_errors_are_422_in_vietnamese_and_english(api: TestClient, body: dict, fragment: str) -> None:
    r = api.post("/ask", json=body)
    assert r.status_code == 422
    err = r.json()
    assert err["error"] == "validation_error" and fragment in err["message_vi"] and err["message"]


def test_malformed_and_oversized_bodies(api: TestClient) -> None:
    bad = api.post("/ask", content=b"{not json", headers={"Content-Type": "application/json"})
    assert bad.status_code == 422
    huge = api.post(
        "/ask", content=b'{"question": "' + b"a" * 300_000 + b'"}', headers={"Content-Type": "application/json"}
    )
    assert huge.status_code == 413 and huge.json()["error"] == "payload_too_large"


def test_search(api: TestClient) -> None:
    body = api.get("/search", params={"q": "camera giám sát", "k": 2}).json()
    assert body["query"] == "camera giám sát" and len(body["hits"]) == 2
    assert set(body["hits"][0]) == {"doc_id", "section", "heading", "text", "score"}
    scoped = api.get("/search", params={"q": "camera", "doc": "kh-ubnd-kienhai-2026"}).json()
    assert {h["doc_id"] for h in scoped["hits"]} == {"kh-ubnd-kienhai-2026"}
    assert api.get("/search", params={"q": "camera", "doc": "nope"}).status_code == 404
    assert api.get("/search").status_code == 422
    assert api.get("/search", params={"q": "x", "k": 99}).status_code == 422


def test_documents_outline_and_sections(api: TestClient) -> None:
    docs = api.get("/documents").json()
    assert [d["doc_id"] for d in docs] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    detail = api.get("/documents/kh-cdlc-laocai-2026").json()
    assert detail["number"] == "/KH-CDLC" and detail["kind"] == "plan"
    assert detail["outline"][0] == {"section": "I", "heading": "MỤC ĐÍCH, YÊU CẦU", "level": 1}
    assert detail["parts"] == ["header", "preamble", "closing", "recipients", "signature"]
    assert set(detail["legal_bases"]) == {"2447/QĐ-TTg", "195/KH-UBND", "124/2021/TT-BCA"}
    sec = api.get("/documents/kh-cdlc-laocai-2026/sections/IV.1").json()
    assert sec["heading"] == "Văn phòng" and sec["text"].startswith("1. Văn phòng\nTham mưu cho Đảng ủy")
    assert (
        api.get("/documents/kh-cdlc-laocai-2026/sections/preamble")
        .json()["text"]
        .startswith("Căn cứ Quyết định số 2447")
    )
    assert api.get("/documents/kh-cdlc-laocai-2026/sections/IX.9").status_code == 404
    assert api.get("/documents/nope").status_code == 404


def test_legal_bases(api: TestClient) -> None:
    items = api.get("/legal-bases").json()["items"]
    assert items[0]["id"] == "124/2021/TT-BCA"
    found = api.get("/legal-bases", params={"q": "ban bi thu"}).json()["items"]
    assert {e["id"] for e in found} == {
        "09-CT/TW",
        "44-KL/TW",
        "34/KH-UBND",
    }  # 34/KH-UBND: "về thực hiện Chỉ thị … của Ban Bí thư"
    one = api.get("/legal-bases/09/CT-TW").json()  # a variant finds the canonical entry
    assert one["id"] == "09-CT/TW" and one["conflicts"][0]["field"] == "date"
    assert api.get("/legal-bases/999/2099/TT-XYZ").status_code == 404


def test_metrics(api: TestClient) -> None:
    api.post("/ask", json={"question": "Phòng Quản trị trường Sóc Trăng làm gì?"})
    api.post("/ask", json={"question": "Giá vàng hôm nay?"})
    text = api.get("/metrics").text
    assert 'cancu_http_requests_total{method="POST",route="/ask",status="200"} 2.0' in text
    assert 'cancu_answers_total{found="true"} 1.0' in text and 'cancu_answers_total{found="false"} 1.0' in text
    api.post("/ask", json={"question": "cảm ơn bạn"})  # thanks: no refusal
    text = api.get("/metrics").text
    assert 'cancu_answers_total{found="false"} 1.0' in text and "cancu_small_talk_total 1.0" in text
    assert 'cancu_http_request_seconds_bucket{le="0.005",route="/ask"}' in text


def test_openapi_is_the_contract(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/ask", "/search", "/documents", "/documents/{doc_id}", "/documents/{doc_id}/sections/{section}", "/legal-bases",
            "/legal-bases/{legal_id}", "/reindex", "/healthz", "/readyz", "/metrics"} <= paths  # fmt: skip
    assert "telegram" not in str(paths)


# ---------------------------------------------------------------- admin


def _snapshot(api: TestClient) -> tuple[dict[str, str], int, list[str]]:
    engine = api.engine  # type: ignore[attr-defined]
    return (
        {d.doc_id: d.content_hash for d in engine.documents()},
        engine.store.count_units(),
        sorted(p.name for p in api.corpus.iterdir()),
    )  # type: ignore[attr-defined]


def test_admin_endpoints_refuse_without_the_token(api: TestClient, tmp_path: Path) -> None:
    files = {"file": ("x.txt", b"KE HOACH", "text/plain")}
    assert api.post("/documents", files=files).status_code == 401
    assert api.post("/documents", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert api.delete("/documents/kh-ubnd-kienhai-2026", headers={"Authorization": "Basic YWRtaW4="}).status_code == 401
    assert api.post("/reindex").status_code == 401
    r = api.post("/reindex", headers={"Authorization": "Bearer guess-123"})
    assert "admin-secret-token" not in r.text and "guess-123" not in r.text


def test_upload_docx_then_pdf_then_delete(api: TestClient) -> None:
    raw = (CORPUS / "kh-ubnd-kienhai-2026.txt").read_text(encoding="utf-8").replace("Kiên Hải", "Phú Quốc")
    r = api.post(
        "/documents",
        headers=ADMIN,
        files={"file": ("../../etc/KH Phú Quốc 2026.docx", make_docx(raw), "application/octet-stream")},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["doc_id"] == "kh-phu-quoc-2026" and body["place"] == "Phú Quốc"
    assert [o["section"] for o in body["outline"]][:3] == ["I", "II", "II.1"]
    assert (api.corpus / "kh-phu-quoc-2026.docx").exists()  # type: ignore[attr-defined]
    assert (
        api.post("/ask", json={"question": "Phòng Văn hóa – Xã hội Phú Quốc làm gì?"}).json()["citations"][0]["doc_id"]
        == "kh-phu-quoc-2026"
    )
    again = api.post(
        "/documents",
        headers=ADMIN,
        files={"file": ("KH Phú Quốc 2026.docx", make_docx(raw), "application/octet-stream")},
    )
    assert again.status_code == 200 and again.headers["X-Cancu-Status"] == "unchanged"
    as_pdf = api.post(
        "/documents", headers=ADMIN, files={"file": ("KH Phú Quốc 2026.pdf", make_pdf(raw), "application/pdf")}
    )
    assert as_pdf.status_code == 200 and as_pdf.headers["X-Cancu-Status"] == "updated"
    assert not (api.corpus / "kh-phu-quoc-2026.docx").exists() and (api.corpus / "kh-phu-quoc-2026.pdf").exists()  # type: ignore[attr-defined]
    assert api.delete("/documents/kh-phu-quoc-2026", headers=ADMIN).status_code == 204
    assert not (api.corpus / "kh-phu-quoc-2026.pdf").exists()  # type: ignore[attr-defined]
    assert api.get("/documents/kh-phu-quoc-2026").status_code == 404
    assert api.delete("/documents/kh-phu-quoc-2026", headers=ADMIN).status_code == 404


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"0" * (300 * 1024 * 1024))
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "status", "words"),
    [
        ("empty.txt", lambda: b"", 422, "empty"),
        ("program.pdf", lambda: b"MZ\x90\x00" + b"\x00" * 4000, 415, "Windows executable"),
        ("notes.odt", lambda: b"PK\x03\x04", 415, "unsupported file type .odt"),
        ("truncated.docx", lambda: make_docx("KẾ HOẠCH\nI. MỤC ĐÍCH")[:900], 422, "corrupt or truncated"),
        ("bomb.docx", _zip_bomb, 422, "inflates to"),
        ("kh-encrypted.pdf", make_pdf_with_unknown_encryption, 422, "encrypted in a way that cannot be read"),
        ("no-structure.txt", lambda: "Một đoạn văn không có mục nào.".encode(), 422, "no numbered sections"),
        ("big.txt", lambda: b"a" * (11 * 1024 * 1024), 413, "over the 10 MB limit"),
        ("phone-scan.pdf", lambda: b"%PDF-1.7\n" + b"\x00" * (50 * 1024 * 1024), 413, "over the 10 MB limit"),
    ],
)
def test_failed_uploads_are_refused_and_change_nothing(
    api: TestClient, name: str, make, status: int, words: str
) -> None:
    before = _snapshot(api)
    r = api.post("/documents", headers=ADMIN, files={"file": (name, make(), "application/octet-stream")})
    assert r.status_code == status, r.text
    assert words in r.json()["message"]
    assert r.json()["message_vi"]
    assert _snapshot(api) == before


def test_an_upload_whose_name_reduces_to_another_files_id_is_409_and_replaces_nothing(api: TestClient) -> None:
    """Issue 22: "KH 08.txt" and then a different plan as "KH_08.txt", both document "kh-08"."""
    mytu = (CORPUS / "kh-pgddt-mytu-2025.txt").read_bytes()
    first = api.post("/documents", headers=ADMIN, files={"file": ("KH 08.txt", mytu, "text/plain")})
    assert first.status_code == 201 and first.json()["doc_id"] == "kh-08"
    before = _snapshot(api), (api.corpus / "kh-08.txt").read_bytes()  # type: ignore[attr-defined]
    kienhai = (CORPUS / "kh-ubnd-kienhai-2026.txt").read_bytes()
    r = api.post("/documents", headers=ADMIN, files={"file": ("KH_08.txt", kienhai, "text/plain")})
    assert r.status_code == 409
    assert r.json()["error"] == "NameConflict" and r.json()["message"] == (  # the upload's own name is the request's
        "document 'kh-08' was read from 'KH 08.txt', another file; rename this one, or delete that document first "
        "(DELETE /documents/kh-08)"
    )
    assert r.json()["message_vi"].startswith("Đã có một văn bản khác mang mã này")
    assert (_snapshot(api), (api.corpus / "kh-08.txt").read_bytes()) == before == (_snapshot(api), mytu)  # type: ignore[attr-defined]
    assert api.get("/documents/kh-08").json()["place"] == "Mỹ Tú"
    # under the id itself (as the corpus folder stores uploads) the file is that document's: it replaces
    again = api.post("/documents", headers=ADMIN, files={"file": ("kh-08.txt", kienhai, "text/plain")})
    assert again.status_code == 200 and again.headers["X-Cancu-Status"] == "updated"
    assert api.get("/documents/kh-08").json()["place"] == "Kiên Hải"


def test_a_readme_upload_is_refused_and_the_same_name_respelled_replaces(api: TestClient) -> None:
    """Issue 22: README is a folder's description (a rebuild skips it), whatever its case; "KH My Tu Moi.txt"
    after "kh-my-tu-moi.txt" is the same document, updated."""
    before = _snapshot(api)
    plan = (CORPUS / "kh-pgddt-mytu-2025.txt").read_bytes()
    for name in ("README.txt", "Readme.TXT"):
        r = api.post("/documents", headers=ADMIN, files={"file": (name, plan, "text/plain")})
        assert r.status_code == 422 and r.json()["error"] == "ReservedName"
        assert r.json()["message"] == "README is the name of a folder's description; rename the file"
    assert _snapshot(api) == before
    assert api.post("/documents", headers=ADMIN, files={"file": ("kh-my-tu-moi.txt", plan)}).status_code == 201
    changed = plan.replace("Mỹ Tú".encode(), "Mỹ Tú mới".encode(), 1)
    again = api.post("/documents", headers=ADMIN, files={"file": ("KH My Tu Moi.txt", changed)})
    assert again.status_code == 200 and again.headers["X-Cancu-Status"] == "updated"
    assert (api.corpus / "kh-my-tu-moi.txt").read_bytes() == changed  # type: ignore[attr-defined]


class FullDisk:
    """The corpus folder's disk with ``free`` bytes left: a file opened for writing takes that much, then its
    ``write`` fails with ENOSPC as the kernel's does (a stand-in for ``open`` in ``retrieval.corpus_folder``)."""

    def __init__(self, free: int) -> None:
        self.free = free
        self.refused = 0

    def __call__(self, path: Path, mode: str = "r") -> Any:
        f = open(path, mode)  # noqa: SIM115 - closed by the caller's with
        return _FillingWriter(f, self) if "w" in mode else f


class _FillingWriter:
    def __init__(self, f: BinaryIO, disk: FullDisk) -> None:
        self.f, self.disk = f, disk

    def write(self, data: bytes) -> int:
        if len(data) > self.disk.free:
            self.f.write(data[: self.disk.free])
            self.disk.free, self.disk.refused = 0, self.disk.refused + 1
            raise OSError(errno.ENOSPC, "No space left on device")
        self.disk.free -= len(data)
        return self.f.write(data)

    def flush(self) -> None:
        self.f.flush()

    def fileno(self) -> int:
        return self.f.fileno()

    def __enter__(self) -> _FillingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.f.close()


def test_an_upload_to_a_full_corpus_disk_is_507_and_loses_nothing(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22: the upload is parsed, then its file cannot be kept: 507 naming the folder, no temporary file
    left, the index and the folder as they were; once space is freed the same upload goes in."""
    raw = (CORPUS / "kh-ubnd-kienhai-2026.txt").read_text(encoding="utf-8").replace("Kiên Hải", "Phú Quốc")
    upload = {"file": ("KH Phú Quốc 2026.docx", make_docx(raw), "application/octet-stream")}
    before = _snapshot(api)
    stored = {p.name: p.read_bytes() for p in api.corpus.iterdir()}  # type: ignore[attr-defined]
    disk = FullDisk(free=4096)
    monkeypatch.setattr("retrieval.corpus_folder.open", disk, raising=False)
    r = api.post("/documents", headers=ADMIN, files=upload)
    assert r.status_code == 507 and disk.refused == 1
    assert r.json()["error"] == "StorageFull" and r.json()["message"] == (
        f"no space left to keep the upload in {api.corpus}: No space left on device"  # type: ignore[attr-defined]
    )
    assert _snapshot(api) == before
    assert {p.name: p.read_bytes() for p in api.corpus.iterdir()} == stored  # type: ignore[attr-defined]
    assert api.get("/documents/kh-phu-quoc-2026").status_code == 404
    monkeypatch.undo()  # space freed
    assert api.post("/documents", headers=ADMIN, files=upload).status_code == 201


def test_reindex(api: TestClient) -> None:
    before = api.post("/ask", json={"question": "Phòng Công tác sinh viên phải làm gì?"}).json()["citations"]
    assert api.post("/reindex", headers=ADMIN).json() == {"documents": 5}
    assert api.post("/ask", json={"question": "Phòng Công tác sinh viên phải làm gì?"}).json()["citations"] == before


def test_admin_is_refused_when_no_token_is_configured(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path / "data"), embedder=None)
    try:
        with TestClient(create_app(engine)) as client:
            r = client.post("/reindex", headers={"Authorization": "Bearer anything"})
            assert r.status_code == 403 and "CANCU_ADMIN_TOKEN is not set" in r.json()["message"]
    finally:
        engine.close()


def test_errors_never_leak_a_stack_trace(api: TestClient) -> None:
    engine = api.engine  # type: ignore[attr-defined]
    original = engine.search
    engine.search = lambda *a, **k: (_ for _ in ()).throw(ValueError("secret internals /etc/passwd"))
    try:
        r = TestClient(api.app, raise_server_exceptions=False).get("/search", params={"q": "x"})
    finally:
        engine.search = original
    assert r.status_code == 500
    assert r.json() == {
        "error": "internal_error",
        "message": "internal error; it has been logged",
        "message_vi": "Lỗi hệ thống; sự cố đã được ghi lại.",
    }


def test_the_page_is_served(api: TestClient) -> None:
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in page.text and 'id="question"' in page.text
    assert api.get("/static/app.js").status_code == 200


# ---------------------------------------------------------------- conversations, labels, validation, votes


def test_a_conversation_id_is_returned_and_a_follow_up_stays_in_its_plan(api: TestClient) -> None:
    first = api.post("/ask", json={"question": "Phòng Công tác sinh viên trường CĐ Lào Cai làm gì?", "id": "q1"})
    body = first.json()
    assert first.status_code == 200 and body["id"] == "q1"
    conversation = body["conversation_id"]
    assert conversation and body["answer_id"].isdigit()
    follow = api.post("/ask", json={"question": "còn Văn phòng thì sao?", "conversation_id": conversation}).json()
    assert follow["conversation_id"] == conversation
    assert ("kh-cdlc-laocai-2026", "IV.1") in [(c["doc_id"], c["section"]) for c in follow["citations"]]
    assert {c["doc_id"] for c in follow["citations"]} == {"kh-cdlc-laocai-2026"}
    fresh = api.post("/ask", json={"question": "còn Văn phòng thì sao?"}).json()  # no id: a new conversation
    assert fresh["conversation_id"] != conversation
    mine = api.post("/ask", json={"question": "Kiên Hải dùng phần mềm gì?", "conversation_id": "my-app.user-7"})
    assert mine.json()["conversation_id"] == "my-app.user-7"
    bad = api.post("/ask", json={"question": "a", "conversation_id": "không hợp lệ"})
    assert bad.status_code == 422 and "conversation_id: chứa ký tự không được phép" in bad.json()["message_vi"]


def test_small_talk_and_english_get_a_line_of_their_own_and_the_conversation_goes_on(api: TestClient) -> None:
    """What the bot says to "xin chào", "cảm ơn" and a question in English, the web page and the API say too: a
    greeting is not answered from a plan's "chào mừng …" line, and thanks between two questions do not end the
    conversation."""
    first = api.post("/ask", json={"question": "Phòng Công tác sinh viên trường CĐ Lào Cai làm gì?"}).json()
    conversation = first["conversation_id"]
    hello = api.post("/ask", json={"question": "xin chào", "conversation_id": conversation}).json()
    assert (hello["found"], hello["citations"]) == (False, [])
    assert hello["answer"].startswith("Chào bạn! Bạn cứ gửi câu hỏi về các văn bản, ví dụ: «")
    thanks = api.post("/ask", json={"question": "cảm ơn ad nhé", "conversation_id": conversation}).json()
    assert (thanks["found"], thanks["answer"]) == (False, "Không có gì ạ! Cần gì bạn cứ hỏi tiếp nhé.")
    assert (hello["small_talk"], thanks["small_talk"], first["small_talk"]) == ("greeting", "thanks", None)
    follow = api.post("/ask", json={"question": "còn Văn phòng thì sao?", "conversation_id": conversation}).json()
    assert ("kh-cdlc-laocai-2026", "IV.1") in [(c["doc_id"], c["section"]) for c in follow["citations"]]
    english = api.post("/ask", json={"question": "What must the Student Affairs Office do?"}).json()
    assert english["answer"].startswith(
        "Mình trả lời bằng tiếng Việt, theo các văn bản tiếng Việt. / I answer in Vietnamese"
    )


def test_unknown_documents_are_404_naming_them_and_a_blank_question_is_422(api: TestClient) -> None:
    r = api.post(
        "/ask", json={"question": "Phòng Công tác sinh viên phải làm gì?", "doc_ids": ["nope", "KH-CDLC", "zz"]}
    )
    assert r.status_code == 404
    assert r.json() == {
        "error": "DocumentsNotFound",
        "message": "unknown documents: nope, zz",
        "message_vi": "Không tìm thấy văn bản: nope, zz.",
    }
    blank = api.post("/ask", json={"question": " \n\t "})
    assert blank.status_code == 422
    assert blank.json()["message_vi"] == "Yêu cầu không hợp lệ: question: không được để trống (chỉ có khoảng trắng)"


def test_labels_round_trip_through_every_endpoint(api: TestClient) -> None:
    docs = api.get("/documents").json()
    labels = {d["doc_id"]: d["label"] for d in docs}
    assert (
        labels["kh-cdlc-laocai-2026"] == "KH-CDLC Lào Cai 2025" and labels["kh-08-cdcd-soctrang-2026"] == "08/KH-CĐCĐ"
    )
    for doc_id, label in labels.items():
        detail = api.get(f"/documents/{label}")
        assert detail.status_code == 200 and detail.json()["doc_id"] == doc_id, label
    answer = api.post("/ask", json={"question": "Văn phòng trường Cao đẳng Lào Cai làm gì?"}).json()
    cited = answer["citations"][0]
    assert cited["doc_label"] == "KH-CDLC Lào Cai 2025"
    section = api.get(f"/documents/{cited['doc_label']}/sections/{cited['section']}").json()
    assert section["doc_id"] == "kh-cdlc-laocai-2026" and cited["quote"] in section["text"]
    assert api.get("/documents/KH-CDLC").json()["doc_id"] == "kh-cdlc-laocai-2026"  # what sources used to show
    assert api.get("/documents/08%2FKH-C%C4%90C%C4%90").json()["doc_id"] == "kh-08-cdcd-soctrang-2026"
    scoped = api.get("/search", params={"q": "camera", "doc": "KH-UBND Kiên Hải 2026"}).json()
    assert {h["doc_id"] for h in scoped["hits"]} == {"kh-ubnd-kienhai-2026"}
    assert {e["id"] for e in api.get("/legal-bases", params={"doc": "KH-CDLC"}).json()["items"]} == {
        "2447/QĐ-TTg",
        "195/KH-UBND",
        "124/2021/TT-BCA",
    }
    missing = api.get("/documents/KH-XYZ")
    assert missing.status_code == 404 and missing.json()["message_vi"] == "Không tìm thấy văn bản: KH-XYZ."


def test_votes_on_the_page_are_stored_with_the_bots(api: TestClient) -> None:
    from core.feedback import FeedbackStore

    answer = api.post("/ask", json={"question": "Giá vàng hôm nay bao nhiêu?"}).json()
    assert answer["found"] is False
    assert api.post("/feedback", json={"answer_id": answer["answer_id"], "vote": 1}).status_code == 200
    r = api.post("/feedback", json={"answer_id": answer["answer_id"], "vote": -1, "reason": "nên trả lời được"})
    assert r.json() == {"answer_id": answer["answer_id"], "vote": -1}
    assert api.post("/feedback", json={"answer_id": "42", "vote": 1}).status_code == 404
    assert api.post("/feedback", json={"answer_id": answer["answer_id"], "vote": 2}).status_code == 422
    yes = api.post("/feedback", json={"answer_id": answer["answer_id"], "vote": True})  # true is not 1
    assert yes.status_code == 422 and yes.json()["message_vi"] == "Yêu cầu không hợp lệ: vote: phải là một trong 1, -1"
    store = FeedbackStore(api.engine.settings.feedback_path)  # type: ignore[attr-defined]
    try:
        (row,) = store.rows()
    finally:
        store.close()
    assert (row["vote"], row["question"], row["reason"]) == (-1, "Giá vàng hôm nay bao nhiêu?", "nên trả lời được")
