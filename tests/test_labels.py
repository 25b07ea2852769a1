"""Labels: one name per document that every door shows and resolves back; legal bases found as people type them."""

from __future__ import annotations

import pytest

from core.errors import AmbiguousDocument, DocumentNotFound, DocumentsNotFound
from core.text import show_date
from retrieval.labels import DocRow, Labels, ref_key

LABELS = {
    "kh-08-cdcd-soctrang-2026": "08/KH-CĐCĐ",
    "kh-cdlc-laocai-2026": "KH-CDLC Lào Cai 2025",
    "kh-pgddt-camranh-2023": "KH-PGDĐT Cam Ranh 2023",
    "kh-pgddt-mytu-2025": "Kế hoạch Mỹ Tú 2025",
    "kh-ubnd-kienhai-2026": "KH-UBND Kiên Hải 2026",
}


def test_every_plan_has_a_label_that_resolves_back(corpus_engine) -> None:
    labels = corpus_engine.labels().all()
    assert {d: labels[d] for d in LABELS} == LABELS
    for doc_id, label in LABELS.items():
        assert corpus_engine.resolve(label) == doc_id
        assert corpus_engine.resolve(doc_id) == doc_id
        assert corpus_engine.document(label).doc_id == doc_id


@pytest.mark.parametrize(
    ("ref", "doc_id"),
    [
        ("KH-CDLC", "kh-cdlc-laocai-2026"),  # what the sources used to show
        ("/KH-CDLC", "kh-cdlc-laocai-2026"),
        ("kh cdlc lao cai 2025", "kh-cdlc-laocai-2026"),
        ("08/KH-CDCD", "kh-08-cdcd-soctrang-2026"),
        ("8/kh-cđcđ", "kh-08-cdcd-soctrang-2026"),
        ("kế hoạch 08", "kh-08-cdcd-soctrang-2026"),
        ("ke hoach my tu 2025", "kh-pgddt-mytu-2025"),
    ],
)
def test_labels_ids_and_numbers_resolve_alike(corpus_engine, ref: str, doc_id: str) -> None:
    assert corpus_engine.resolve(ref) == doc_id


def test_unknown_and_ambiguous_references_are_named(corpus_engine) -> None:
    with pytest.raises(DocumentNotFound, match="unknown document: nope"):
        corpus_engine.document("nope")
    with pytest.raises(DocumentsNotFound) as err:
        corpus_engine.resolve_all(["nope", "KH-CDLC", "zz"])
    assert (
        str(err.value) == "unknown documents: nope, zz" and err.value.message_vi == "Không tìm thấy văn bản: nope, zz."
    )
    twins = Labels(
        [
            DocRow("kh-01-a", "Kế hoạch", "01/KH-UBND", "Hà Nội", "UBND A", 2025, "2025-01-02"),
            DocRow("kh-01-b", "Kế hoạch", "01/KH-UBND", "Huế", "UBND B", 2025, "2025-03-04"),
        ]
    )
    assert twins.all() == {"kh-01-a": "01/KH-UBND Hà Nội", "kh-01-b": "01/KH-UBND Huế"}
    with pytest.raises(AmbiguousDocument) as amb:
        twins.resolve("01/KH-UBND")
    assert amb.value.labels == ["01/KH-UBND Hà Nội", "01/KH-UBND Huế"]
    assert twins.resolve("01/KH-UBND Huế") == "kh-01-b"


def test_citations_carry_the_label(corpus_engine) -> None:
    answer = corpus_engine.ask("Phòng Công tác sinh viên phải làm gì?")
    assert [(c.doc_id, c.doc_label) for c in answer.citations][:2] == [
        ("kh-08-cdcd-soctrang-2026", "08/KH-CĐCĐ"),
        ("kh-cdlc-laocai-2026", "KH-CDLC Lào Cai 2025"),
    ]
    scoped = corpus_engine.ask("Phòng Công tác sinh viên phải làm gì?", doc_ids=["KH-CDLC Lào Cai 2025"])
    assert {c.doc_id for c in scoped.citations} == {"kh-cdlc-laocai-2026"}


@pytest.mark.parametrize(
    ("topic", "ids"),
    [
        ("thông tư 124", ["124/2021/TT-BCA"]),
        ("chi thi 09", ["09-CT/TW"]),
        ("ct 09", ["09-CT/TW"]),
        ("09/CT-TW", ["09-CT/TW"]),
        ("124", ["124/2021/TT-BCA"]),
        ("03", ["03/CT-BCA-V28", "03/CTr-BCA-V05", "03/QCPH/CAT-SGDĐT"]),
        ("ban bi thu", ["09-CT/TW", "34/KH-UBND", "44-KL/TW"]),
    ],
)
def test_legal_bases_are_found_as_people_type_them(corpus_engine, topic: str, ids: list[str]) -> None:
    assert sorted(e.id for e in corpus_engine.find_legal_bases(topic)) == sorted(ids)


def test_overview_says_what_the_documents_cover(corpus_engine) -> None:
    ov = corpus_engine.overview()
    assert ov.covers().startswith("Các văn bản đang có (5 kế hoạch")
    assert "nói về phong trào toàn dân bảo vệ an ninh Tổ quốc." in ov.covers()
    assert ov.examples[0] == "Phòng Quản trị phải làm gì?" and len(ov.examples) == 3


def test_keys_and_dates() -> None:
    assert ref_key("Thông tư số 124/2021/TT-BCA") == "thong tu 124 2021 tt bca"
    assert show_date("2011-12-01") == "01/12/2011" and show_date(None) == "" and show_date("12/2025") == "12/2025"
