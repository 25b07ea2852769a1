"""Real documents nobody here wrote: every file of ../shared/wide/docs parses, with the header fields it states.

The expected fields are those of the set's README table (number, issuer, date), written there from the
documents' own headers; signers are read off the signature blocks. A document that carries appendices or an
attached text after its signature still names its signer.
"""

from __future__ import annotations

import json

import pytest

from ingest.legal import build_registry
from ingest.pipeline import build_document
from tests.conftest import REPO

WIDE = REPO.parent / "shared" / "wide" / "docs"
EXPECTED = REPO / "tests" / "expected" / "wide"

pytestmark = pytest.mark.skipif(not WIDE.is_dir(), reason=f"{WIDE} is not beside this checkout (../shared/wide)")

# doc_id: (doc_type, number, issuer, date) as each header states them; tt-05's scrape lost its date line.
HEADERS = {
    "ct-010-ubnd-daklak-2025": ("Chỉ thị", "010/CT-UBND", "Ủy ban nhân dân tỉnh Đắk Lắk", "2025-11-17"),
    "ct-06-ubnd-quangtri-2025": ("Chỉ thị", "06/CT-UBND", "Ủy ban nhân dân tỉnh Quảng Trị", "2025-11-25"),
    "cv-5095-sgddt-hanoi-2025": ("Công văn", "5095/SGDĐT-CTTTHSSV", "Sở Giáo dục và Đào tạo", "2025-12-03"),
    "cv-5155-sgddt-hcm-2025": ("Công văn", "5155/SGDĐT-GDTXNNĐH", "Sở Giáo dục và Đào tạo", "2025-11-28"),
    "kh-0124-ubnd-daklak-2025": ("Kế hoạch", "0124/KH-UBND", "Ủy ban nhân dân tỉnh Đắk Lắk", "2025-11-18"),
    "kh-0134-ubnd-daklak-2025": ("Kế hoạch", "0134/KH-UBND", "Ủy ban nhân dân tỉnh Đắk Lắk", "2025-11-25"),
    "kh-0204-ubnd-camau-2025": ("Kế hoạch", "0204/KH-UBND", "Ủy ban nhân dân tỉnh Cà Mau", "2025-11-24"),
    "kh-141-ubnd-bacninh-2025": ("Kế hoạch", "141/KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh", "2025-11-20"),
    "kh-144-ubnd-bacninh-2025": ("Kế hoạch", "144/KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh", "2025-11-24"),
    "kh-153-ubnd-cantho-2025": ("Kế hoạch", "153/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ", "2025-11-17"),
    "kh-157-ubnd-cantho-2025": ("Kế hoạch", "157/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ", "2025-11-18"),
    "kh-159-ubnd-cantho-2025": ("Kế hoạch", "159/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ", "2025-11-19"),
    "kh-160-ubnd-cantho-2025": ("Kế hoạch", "160/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ", "2025-11-19"),
    "kh-172-ubnd-hcm-2025": ("Kế hoạch", "172/KH-UBND", "Ủy ban nhân dân thành phố Hồ Chí Minh", "2025-11-18"),
    "kh-179-ubnd-dongnai-2025": ("Kế hoạch", "179/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Nai", "2025-11-18"),
    "kh-308-ubnd-hanoi-2025": ("Kế hoạch", "308/KH-UBND", "Ủy ban nhân dân thành phố Hà Nội", "2025-11-17"),
    "kh-310-ubnd-hanoi-2025": ("Kế hoạch", "310/KH-UBND", "Ủy ban nhân dân thành phố Hà Nội", "2025-11-24"),
    "kh-552-ubnd-dongthap-2025": ("Kế hoạch", "552/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp", "2025-11-19"),
    "kh-556-ubnd-dongthap-2025": ("Kế hoạch", "556/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp", "2025-11-19"),
    "kh-597-ubnd-dongthap-2025": ("Kế hoạch", "597/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp", "2025-11-27"),
    "kh-982-ubnd-nghean-2025": ("Kế hoạch", "982/KH-UBND", "Ủy ban nhân dân tỉnh Nghệ An", "2025-11-19"),
    "luat-51-2024-qh15": ("Luật", "51/2024/QH15", "Quốc hội", "2024-11-27"),
    "luat-60-2024-qh15": ("Luật", "60/2024/QH15", "Quốc hội", "2024-11-30"),
    "luat-74-2025-qh15": ("Luật", "74/2025/QH15", "Quốc hội", "2025-06-16"),
    "luat-80-2025-qh15": ("Luật", "80/2025/QH15", "Quốc hội", "2025-06-24"),
    "nd-304-2025-cp": ("Nghị định", "304/2025/NĐ-CP", "Chính phủ", "2025-11-25"),
    "nq-20-2025-hdnd-vinhlong": ("Nghị quyết", "20/2025/NQ-HĐND", "Hội đồng nhân dân tỉnh Vĩnh Long", "2025-11-18"),
    "nq-22-2025-hdnd-vinhlong": ("Nghị quyết", "22/2025/NQ-HĐND", "Hội đồng nhân dân tỉnh Vĩnh Long", "2025-11-18"),
    "nq-380-cp-2025": ("Nghị quyết", "380/NQ-CP", "Chính phủ", "2025-11-25"),
    "nq-57-2025-hdnd-hanoi": ("Nghị quyết", "57/2025/NQ-HĐND", "Hội đồng nhân dân thành phố Hà Nội", "2025-11-26"),
    "nq-58-2025-hdnd-hanoi": ("Nghị quyết", "58/2025/NQ-HĐND", "Hội đồng nhân dân thành phố Hà Nội", "2025-11-27"),
    "nq-60-2025-hdnd-hanoi": ("Nghị quyết", "60/2025/NQ-HĐND", "Hội đồng nhân dân thành phố Hà Nội", "2025-11-27"),
    "nq-76-2025-hdnd-hanoi": ("Nghị quyết", "76/2025/NQ-HĐND", "Hội đồng nhân dân thành phố Hà Nội", "2025-11-27"),
    "nq-80-2025-hdnd-hanoi": ("Nghị quyết", "80/2025/NQ-HĐND", "Hội đồng nhân dân thành phố Hà Nội", "2025-11-27"),
    "qd-1147-btgdvtw-2025": ("Quyết định", "1147-QĐ/BTGDVTW", "Ban Tuyên giáo và Dân vận", "2025-12-01"),
    "qd-143-2025-ubnd-dongthap": ("Quyết định", "143/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp", "2025-12-02"),
    "qd-2500-ttg-2025": ("Quyết định", "2500/QĐ-TTg", "Thủ tướng Chính phủ", "2025-11-17"),
    "qd-2536-ttg-2025": ("Quyết định", "2536/QĐ-TTg", "Thủ tướng Chính phủ", "2025-11-20"),
    "qd-2553-ttg-2025": ("Quyết định", "2553/QĐ-TTg", "Thủ tướng Chính phủ", "2025-11-21"),
    "qd-2623-ttg-2025": ("Quyết định", "2623/QĐ-TTg", "Thủ tướng Chính phủ", "2025-11-29"),
    "qd-383-tw-2025": ("Quy định", "383-QĐ/TW", "Ban Bí thư", "2025-11-19"),
    "qd-384-tw-2025": ("Quy định", "384-QĐ/TW", "Ban Bí thư", "2025-11-19"),
    "qd-48-2025-ubnd-gialai": ("Quyết định", "48/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Gia Lai", "2025-11-25"),
    "qd-53-2025-ubnd-caobang": ("Quyết định", "53/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Cao Bằng", "2025-11-28"),
    "qd-96-2025-ubnd-quangninh": ("Quyết định", "96/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Quảng Ninh", "2025-11-19"),
    "tt-05-2025-bgddt": ("Thông tư", "05/2025/TT-BGDĐT", "Bộ Giáo dục và Đào tạo", None),
    "tt-109-2025-btc": ("Thông tư", "109/2025/TT-BTC", "Bộ Tài chính", "2025-11-18"),
    "tt-34-2025-bkhcn": ("Thông tư", "34/2025/TT-BKHCN", "Bộ Khoa học và Công nghệ", "2025-11-15"),
    "tt-69-2025-bnnmt": ("Thông tư", "69/2025/TT-BNNMT", "Bộ Nông nghiệp và Môi trường", "2025-11-28"),
}


def _parse(doc_id: str):
    return build_document(doc_id, (WIDE / f"{doc_id}.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wide_docs():
    return {p.stem: _parse(p.stem) for p in sorted(WIDE.glob("*.txt"))}


def test_every_wide_document_is_in_the_table() -> None:
    assert sorted(p.stem for p in WIDE.glob("*.txt")) == sorted(HEADERS)


@pytest.mark.parametrize("doc_id", sorted(HEADERS))
def test_header_fields_as_the_header_states_them(wide_docs, doc_id: str) -> None:
    doc = wide_docs[doc_id]
    assert (doc.doc_type, doc.number, doc.issuer, doc.date) == HEADERS[doc_id]
    assert doc.sections, "a body"


@pytest.mark.parametrize(
    ("doc_id", "signer", "managing_body", "place"),
    [
        # appendices follow the signature
        ("kh-0134-ubnd-daklak-2025", "Trương Công Thái", None, "Đắk Lắk"),
        ("nq-76-2025-hdnd-hanoi", "Phùng Thị Hồng Hà", None, "Hà Nội"),
        # an attached Quy chế / Quy định and blank forms with their own "XÁC NHẬN" blocks follow it
        ("qd-143-2025-ubnd-dongthap", "Huỳnh Minh Tuấn", None, "Đồng Tháp"),
        ("qd-96-2025-ubnd-quangninh", "Nguyễn Văn Công", None, "Quảng Ninh"),
        ("qd-1147-btgdvtw-2025", "Ngô Đông Hải", "Ban Chấp hành Trung ương", "Hà Nội"),
        # "Thành phố Hồ Chí" / "Minh, ngày …": the place wraps onto the date line
        ("kh-172-ubnd-hcm-2025", "Trần Thị Diệu Thúy", None, "Thành phố Hồ Chí Minh"),
        # "Cao" / "Bằng, ngày …"
        ("qd-53-2025-ubnd-caobang", "Lê Hải Hòa", None, "Cao Bằng"),
        # one-line header: "Luật số: 80/2025/QH15 | Hà Nội, ngày 24 tháng 6 năm 2025"
        ("luat-80-2025-qh15", "Trần Thanh Mẫn", None, "Hà Nội"),
        # Ban Bí thư signs "T/M BAN BÍ THƯ" under the Ban Chấp hành Trung ương's header
        ("qd-383-tw-2025", "Trần Cẩm Tú", "Ban Chấp hành Trung ương", "Hà Nội"),
        # the managing body above the issuer, its name split "UBND THÀNH PHỐ HÀ" / "NỘI"
        ("cv-5095-sgddt-hanoi-2025", "Nguyễn Quang Tuấn", "UBND thành phố Hà Nội", "Hà Nội"),
    ],
)
def test_signer_managing_body_and_place(wide_docs, doc_id, signer, managing_body, place) -> None:
    doc = wide_docs[doc_id]
    assert (doc.signer, doc.managing_body, doc.place) == (signer, managing_body, place)


def _pinned() -> list[str]:
    return sorted(p.name.removesuffix(".outline.json") for p in EXPECTED.glob("*.outline.json"))


@pytest.mark.parametrize("doc_id", _pinned())
def test_outline_as_a_reader_numbers_it(wide_docs, doc_id: str) -> None:
    """Pins written by reading each document (not from the parser): ids, levels, parents, heading openings."""
    expected = json.loads((EXPECTED / f"{doc_id}.outline.json").read_text(encoding="utf-8"))
    doc = wide_docs[doc_id]
    got = [(s.id, s.level, s.parent) for s in doc.sections]
    assert got == [(e["section"], e["level"], e["parent"]) for e in expected]
    for sec, e in zip(doc.sections, expected):
        assert sec.heading.startswith(e["heading"]), sec.id


def test_a_quoted_amendment_is_not_numbered_as_the_amending_law(wide_docs) -> None:
    """luat-51 amends another law: its Điều 1 has 35 khoản; the articles and clauses it quotes stay inside them."""
    doc = wide_docs["luat-51-2024-qh15"]
    assert [s.id for s in doc.sections if s.level == 1] == ["Điều 1", "Điều 2", "Điều 3"]
    assert [s.id for s in doc.children("Điều 1")] == [f"Điều 1.{k}" for k in range(1, 36)]
    assert "Điều 12. Đối tượng tham gia bảo hiểm y tế" in doc.section_text("Điều 1.10")


def test_a_ground_ends_where_the_enacting_clause_begins(wide_docs) -> None:
    """The last ground of a preamble runs into ", UBND tỉnh ban hành Kế hoạch … như sau:"; the citation string a
    drafter pastes stops before it (and a quoted plan title's closing mark is not the ground's)."""
    bac_ninh = {c.id: c.title for c in wide_docs["kh-141-ubnd-bacninh-2025"].citations if c.section == "preamble"}
    assert bac_ninh["66-NQ/TW"].endswith("đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới")
    ha_noi = [c.title for c in wide_docs["kh-308-ubnd-hanoi-2025"].citations if c.id == "214/NQ-CP" and c.title]
    assert all("như sau" not in t and not t.endswith("”") for t in ha_noi)


def test_a_pdf_wrap_among_many_short_lines_is_still_joined(wide_docs) -> None:
    """A decision whose header, short "Căn cứ" lines and form lines leave few lines at the wrap width, none past it:
    its wrapped sentences are still joined ("… trực thuộc" / "Bộ Công Thương; …" was two lines, the ministry apart
    from what it is the ministry of), and a parenthesised line stays a line of its own ("(Ký, ghi rõ họ tên)")."""
    lines = wide_docs["qd-2536-ttg-2025"].section_text("Điều 2").split("\n")
    assert any("cơ sở giáo dục đại học công lập trực thuộc Bộ Công Thương; có tư cách pháp nhân" in ln for ln in lines)
    assert wide_docs["qd-2553-ttg-2025"].section("Điều 1").heading.endswith("tại Ngân hàng Chính sách xã hội như sau")
    assert "(Ký, ghi rõ họ tên)" in wide_docs["qd-1147-btgdvtw-2025"].text.split("\n")


def test_two_parts_with_one_number_keep_it(wide_docs) -> None:
    doc = wide_docs["kh-153-ubnd-cantho-2025"]
    assert [s.id for s in doc.sections if s.level == 1] == ["I", "II", "III", "IV", "IV-2"]
    assert doc.section("IV-2").heading == "TỔ CHỨC THỰC HIỆN"


def test_attached_texts_and_appendices_are_their_own_parts(wide_docs) -> None:
    qc = wide_docs["qd-1147-btgdvtw-2025"]
    assert [s.id for s in qc.sections if s.level == 1] == [
        "Điều 1",
        "Điều 2",
        "Điều 3",
        "Quy chế",
        "Phụ lục I",
        "Phụ lục II",
        "Phụ lục",
    ]
    assert qc.section("Quy chế.Điều 3").parent == "Quy chế.Chương I"
    assert qc.section("Quy chế.Điều 3").heading == "Đối tượng, nội dung bồi dưỡng, giảng dạy"
    assert [p.id for p in qc.parts][-1] == "footnotes"
    fines = wide_docs["nq-76-2025-hdnd-hanoi"]
    assert [s.id for s in fines.children("Phụ lục")] == [f"Phụ lục.{n}" for n in range(1, 70)]
    assert fines.section_text("Phụ lục.1").startswith("1. Phạt tiền từ 1.500.000 đồng đến 4.500.000 đồng")


def test_the_registry_reads_laws_and_keeps_real_conflicts_only(wide_docs) -> None:
    registry = {e.id: e for e in build_registry(wide_docs.values())}
    # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" and "… ngày 16 tháng 6 năm 2025" are one law
    local = registry["72/2025/QH15"]
    assert local.type == "Luật" and local.title == "Luật Tổ chức chính quyền địa phương"
    assert "kh-179-ubnd-dongnai-2025" in local.citing_docs
    assert local.citation == "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
    # "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15": commas inside a law's name
    assert registry["55/2024/QH15"].title == "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"
    assert registry["Bộ luật Lao động 2019"].citation == "Bộ luật Lao động năm 2019"
    assert registry["Hiến pháp"].cited_by
    # kh-153 dates Nghị quyết 163/2024/QH15 "ngày 27 tháng 11 năm 2025": one document, two dates; the number's own
    # year gives the one its citation string pastes
    conflicts = {
        e.id: [(c.field, [v.value for v in c.values]) for c in e.conflicts] for e in registry.values() if e.conflicts
    }
    assert conflicts == {"163/2024/QH15": [("date", ["2024-11-27", "2025-11-27"])]}
    assert registry["163/2024/QH15"].date == "2024-11-27"


@pytest.mark.parametrize(
    ("doc_id", "preamble"),
    [
        ("nd-304-2025-cp", {"63/2025/QH15", "32/2024/QH15", "96/2025/QH15"}),
        ("tt-05-2025-bgddt", {"Luật Giáo dục 2019", "Bộ luật Lao động 2019", "37/2025/NĐ-CP", "84/2020/NĐ-CP"}),
        ("luat-74-2025-qh15", {"Hiến pháp", "203/2025/QH15"}),
        ("qd-1147-btgdvtw-2025", {"246-QĐ/TW", "360-QĐ/TW"}),
    ],
)
def test_what_a_preamble_cites(wide_docs, doc_id: str, preamble: set[str]) -> None:
    doc = wide_docs[doc_id]
    assert {c.id for c in doc.citations if c.section == "preamble"} == preamble


def test_a_units_heading_wrapped_after_its_first_word_is_read_whole(wide_docs) -> None:
    """ "6. Sở" / "Giáo dục và Đào tạo": the name goes on on the next line (a word that opens a unit's name never
    ends one); "1. Văn phòng" over its first task is a whole name and keeps its task as text."""
    doc = wide_docs["kh-153-ubnd-cantho-2025"]
    headings = {s.id: s.heading for s in doc.sections}
    assert (headings["IV.5"], headings["IV.6"], headings["IV.15"]) == (
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Giáo dục và Đào tạo",
        "Sở Nội vụ",
    )
    plan = build_document("kh-cdlc-laocai-2026", (REPO / "corpus" / "kh-cdlc-laocai-2026.txt").read_text("utf-8"))
    assert plan.section("IV.1").heading == "Văn phòng"


def test_a_heading_wrapped_before_its_last_word_so_keeps_its_first_item(wide_docs) -> None:
    """ "4. Phát triển nền tảng, ứng dụng" / "số" / "4.1. Ứng dụng hệ thống …": a lower-case "số" alone ends the
    heading, it does not mark a number, so item 4.1 is its own section."""
    doc = wide_docs["kh-597-ubnd-dongthap-2025"]
    assert doc.section("III.4").heading == "Phát triển nền tảng, ứng dụng số"
    first = doc.section("III.4.1")
    assert first is not None and first.heading.startswith("Ứng dụng hệ thống thông tin địa lý (GIS)")
    assert [s.id for s in doc.sections if s.parent == "III.4"] == [f"III.4.{i}" for i in range(1, 7)]


def test_a_point_left_inside_the_point_before_it_is_its_own(wide_docs) -> None:
    """ "e) Đào kênh … khi cần thiết. g) Các biện pháp chữa cháy khác.": the scrape kept the next letter's marker
    on the line before; after the sentence ends, it opens point g) of its own."""
    doc = wide_docs["qd-96-2025-ubnd-quangninh"]
    e = doc.section("Quy định.Điều 13.4.e")
    assert (
        doc.text[e.start : e.end].rstrip() == "e) Đào kênh, mương, rãnh để chống cháy ngầm và chữa cháy khi cần thiết."
    )
    g = doc.section("Quy định.Điều 13.4.g")
    assert g is not None and doc.text[g.start : g.end].rstrip() == "g) Các biện pháp chữa cháy khác."
    assert doc.section("Quy định.Điều 18.3.đ").heading.startswith("Lực lượng Quân đội có trách nhiệm phối hợp")


def test_an_amending_clause_is_headed_by_the_article_it_rewrites(wide_docs) -> None:
    """ "21. Sửa đổi, bổ sung Điều 26 như sau:" / '"Điều 26. Đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu': the
    clause's heading names the rewritten article's title, which is what readers look for and ask about; a clause
    rewriting part of an article ("Sửa đổi, bổ sung khoản 2 Điều 3 như sau") keeps its heading."""
    doc = wide_docs["luat-51-2024-qh15"]
    assert doc.section("Điều 1.21").heading == (
        "Sửa đổi, bổ sung Điều 26 như sau: Điều 26. Đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu"
    )
    assert doc.section("Điều 1.2").heading == "Sửa đổi, bổ sung khoản 2 Điều 3 như sau"
