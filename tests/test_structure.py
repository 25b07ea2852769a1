"""The parser's model of each document: exact outlines, header fields and parts of the five plans and TT 124."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.pipeline import build_document
from tests.conftest import CORPUS, REPO

EXPECTED_OUTLINES: dict[str, list[tuple[str, str, int]]] = {
    "kh-08-cdcd-soctrang-2026": [
        ("I", "MỤC ĐÍCH - YÊU CẦU", 1),
        ("I.1", "Mục đích", 2),
        ("I.2", "Yêu cầu", 2),
        ("II", "NỘI DUNG, BIỆN PHÁP THỰC HIỆN", 1),
        ("II.1", "Công tác tham mưu, lãnh đạo chỉ đạo", 2),
        ("II.2", "Công tác tuyên truyền", 2),
        ("II.3", "Công tác bảo vệ chính trị nội bộ, bảo vệ bí mật Nhà nước", 2),
        ("II.4", "Công tác xây dựng phong trào, Nhà trường đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2026", 2),
        ("II.5", "Công tác phòng, chống cháy nồ", 2),
        (
            "II.6",
            "Công tác phòng, chống các tệ nạn xã hội xâm nhập vào Nhà trường, chấp hành luật giao thông đường bộ",
            2,
        ),
        ("II.7", "Công tác bảo vệ các ngày Lễ, Tết", 2),
        (
            "II.8",
            "Công tác phối hợp giữa Nhà trường với các cơ quan, doanh nghiệp và địa phương trong phong trào toàn dân bảo vệ an ninh tổ quốc",
            2,
        ),
        (
            "II.9",
            "Công tác xây dựng lực lương bảo vệ cơ quan và xây dựng các điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh tố quốc",
            2,
        ),
        ("III", "TỔ CHỨC THỰC HIỆN", 1),
        ("III.1", "Phòng Quản trị", 2),
        ("III.2", "Phòng Công tác sinh viên, sinh viên", 2),
        ("III.3", "Các đơn vị liên quan, các tổ chức đoàn thể", 2),
    ],
    "kh-cdlc-laocai-2026": [
        ("I", "MỤC ĐÍCH, YÊU CẦU", 1),
        ("I.1", "Mục đích", 2),
        ("I.2", "Yêu cầu", 2),
        ("II", "CÔNG TÁC CHỈ ĐẠO VÀ TUYÊN TRUYỀN, VẬN ĐỘNG", 1),
        ("II.1", "Công tác chỉ đạo", 2),
        ("II.2", "Công tác tuyên truyền, vận động", 2),
        ("III", "NỘI DUNG CỦA PHONG TRÀO THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", 1),
        ("III.1", "Nội dung của phong trào thi đua", 2),
        (
            "III.1.1",
            "Thi đua xây dựng Nhà trường an toàn về an ninh, trật tự gắn với duy trì, nâng cao hiệu quả các mô hình tự quản",
            3,
        ),
        ("III.1.2", "Thi đua phòng, chống tội phạm, tệ nạn xã hội và phòng cháy, chữa cháy", 3),
        ("III.1.3", "Thi đua ứng dụng công nghệ thông tin, chuyển đổi số", 3),
        ("III.2", "Hình thức khen thưởng", 2),
        ("IV", "TỔ CHỨC THỰC HIỆN", 1),
        ("IV.1", "Văn phòng", 2),
        ("IV.2", "Phòng Công tác sinh viên và Quản lý chất lượng", 2),
        ("IV.3", "Các phòng, khoa, trung tâm", 2),
        ("V", "CHẾ ĐỘ BÁO CÁO", 1),
    ],
    "kh-pgddt-camranh-2023": [
        ("I", "MỤC ĐÍCH, YÊU CẦU", 1),
        ("I.1", "Mục tiêu", 2),
        ("I.2", "Yêu cầu", 2),
        ("II", "NHIỆM VỤ TRỌNG TÂM", 1),
        (
            "II.1",
            "Quán triệt, thực hiện nghiêm túc, có hiệu quả các nghị quyết, chỉ thị của Đảng, Nhà nước và Bộ Công an về công tác xây dựng phong trào toàn dân bảo vệ ANTQ",
            2,
        ),
        (
            "II.2",
            "Nâng cao hiệu quả công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc phù hợp với địa bàn dân cư, nhà trường, cơ quan",
            2,
        ),
        ("II.3", "Tiếp tục kiện toàn, nâng cao chất lượng hoạt động của lực lượng Bảo vệ trường học, cơ quan", 2),
        (
            "II.4",
            "Tiếp tục tổ chức thực hiện nghiêm túc Quy chế phối hợp số 984/QCPH-PGDĐT-CATP ngày 14/11/2016 giữa…",
            2,
        ),
        (
            "II.5",
            "Tuyên truyền, vận động cán bộ, công chức, giáo viên, học sinh tham gia mạnh mẽ phong trào toàn dân bảo vệ ANTQ",
            2,
        ),
        ("III", "TỔ CHỨC THỰC HIỆN", 1),
    ],
    "kh-pgddt-mytu-2025": [
        ("I", "MỤC ĐÍCH, YÊU CẦU", 1),
        ("I.1", "Tham mưu, đề xuất với cấp ủy Đảng, lãnh đạo chỉ đạo các đơn vị trực thuộc triển khai các văn bản…", 2),
        (
            "I.2",
            "Đổi mới, nâng cao chất lượng nội dung, hình thức, biện pháp tuyên truyền phát động phong trào toàn dân bảo vệ ANTQ",
            2,
        ),
        (
            "I.3",
            "Tổ chức triển khai, thực hiện nghiêm túc, có hiệu quả phong trào toàn dân bảo vệ ANTQ trong từng CB, CC, GV, NV, NLĐ, HS",
            2,
        ),
        ("II", "CÔNG TÁC TRỌNG TÂM", 1),
        ("II.1", "Đẩy mạnh công tác tuyên truyền, phổ biến các chủ trương, đường lối, Nghị quyết của Đảng, chính…", 2),
        ("II.2", "Các cơ sở giáo dục chủ động phối hợp với cơ quan, ban ngành, đoàn thể có liên quan trên địa bàn…", 2),
        ("II.3", "Vận động toàn thể CB, CC, GV, NV, NLĐ, HS tham gia phòng ngừa, phát hiện, tố giác và đấu tranh…", 2),
        (
            "II.4",
            "Các mô hình “Tự quản về ANTT” tốt thì nhân rộng và phát huy, loại bỏ những mô hình hoạt động hình thức và không hiệu quả",
            2,
        ),
        (
            "II.5",
            "Phối hợp các ban ngành, đoàn thể và cấp ủy, chính quyền địa phương quan quan tâm phối hợp và chỉ…",
            2,
        ),
        (
            "II.6",
            "Tiếp tục triển khai thực hiện Quy chế phối hợp số 03/QCPH/CAT-SGDĐT ngày 24/3/2016 giữa Công an tỉnh và Sở GDĐT",
            2,
        ),
        ("III", "NHIỆM VỤ CỤ THỂ", 1),
        (
            "III.1",
            "Thực hiện nghiêm túc, có hiệu quả nghị quyết chuyên đề riêng hoặc lồng ghép công tác bảo đảm an…",
            2,
        ),
        (
            "III.2",
            "Triển khai, thực hiện đầy đủ các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước…",
            2,
        ),
        ("III.3", "Không để xảy ra hoạt động tuyên tuyền, phát triển tín ngưỡng, tôn giáo trái pháp luật", 2),
        (
            "III.4",
            "Xây dựng lực lượng bảo vệ chuyên trách và bán chuyên trách trong sạch, vững mạnh, hoàn thành tốt…",
            2,
        ),
        ("IV", "TỔ CHỨC THỰC HIỆN", 1),
    ],
    "kh-ubnd-kienhai-2026": [
        ("I", "MỤC ĐÍCH YÊU CẦU", 1),
        ("II", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", 1),
        ("II.1", "Tổ chức quán triệt, tuyên truyền, phổ biến pháp luật", 2),
        ("II.2", "Thực hiện tiêu chuẩn “Cơ sở giáo dục đạt chuẩn An toàn về ANTT”", 2),
        ("II.3", "Phòng ngừa, đấu tranh với các loại tội phạm trong học đường", 2),
        ("II.4", "Phối hợp tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc", 2),
        ("II.5", "Công tác dân vận và xây dựng lực lượng nòng cốt", 2),
        ("II.6", "Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số", 2),
        ("III", "TỔ CHỨC THỰC HIỆN", 1),
        ("III.1", "Phòng Văn hóa – Xã hội", 2),
        ("III.2", "Các cơ sở giáo dục trực thuộc", 2),
        ("IV", "KINH PHÍ THỰC HIỆN", 1),
        ("V", "CHẾ ĐỘ BÁO CÁO", 1),
    ],
}

EXPECTED_FIELDS = {
    "kh-08-cdcd-soctrang-2026": {
        "doc_type": "Kế hoạch",
        "number": "08/KH-CĐCĐ",
        "date": "2026-01-06",
        "issuer": "Trường Cao đẳng Cộng đồng Sóc Trăng",
        "place": "Cần Thơ",
        "title": "Đảm bảo an ninh, trật tự và xây dựng phong trào “Toàn dân bảo vệ An ninh Tổ quốc” năm 2026",
        "signer": "Đinh Thị Thái Hà",
        "sections": 17,
    },
    "kh-cdlc-laocai-2026": {
        "doc_type": "Kế hoạch",
        "number": "/KH-CDLC",
        "date": None,
        "issuer": "Trường Cao đẳng Lào Cai",
        "place": "Lào Cai",
        "title": "Triển khai thực hiện Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” năm 2026",
        "signer": "Trần Xuân Trường",
        "sections": 17,
    },
    "kh-pgddt-camranh-2023": {
        "doc_type": "Kế hoạch",
        "number": "/KH-PGDĐT",
        "date": None,
        "issuer": "Phòng Giáo dục và Đào tạo Cam Ranh",
        "place": "Cam Ranh",
        "title": "Thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 của Phòng Giáo dục và Đào tạo",
        "signer": "Nguyễn Văn Du",
        "sections": 10,
    },
    "kh-pgddt-mytu-2025": {
        "doc_type": "Kế hoạch",
        "number": None,
        "date": "2025-03-31",
        "issuer": "Phòng Giáo dục và Đào tạo",
        "place": "Mỹ Tú",
        "title": "Thực hiện công tác đảm bảo an ninh, trật tự và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025",
        "signer": "Nguyễn Thành Tuấn",
        "sections": 17,
    },
    "kh-ubnd-kienhai-2026": {
        "doc_type": "Kế hoạch",
        "number": "/KH-UBND",
        "date": None,
        "issuer": "Ủy ban nhân dân đặc khu Kiên Hải",
        "place": "Kiên Hải",
        "title": "Thực hiện công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026 trong các cơ sở giáo dục trên địa bàn đặc khu Kiên Hải",
        "signer": "Lê Minh Trị",
        "sections": 13,
    },
}


def _parse(path: Path):
    return build_document(path.stem, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_OUTLINES))
def test_plan_outline_is_exact(doc_id: str) -> None:
    doc = _parse(CORPUS / f"{doc_id}.txt")
    got = [(o["section"], o["heading"], o["level"]) for o in doc.outline()]
    assert got == EXPECTED_OUTLINES[doc_id]


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_FIELDS))
def test_plan_header_fields(doc_id: str) -> None:
    doc = _parse(CORPUS / f"{doc_id}.txt")
    fields = doc.fields()
    assert fields.pop("doc_id") == doc_id
    assert fields == EXPECTED_FIELDS[doc_id]


def test_directive_outline_is_exact(tt124_path: Path) -> None:
    doc = _parse(tt124_path)
    expected = json.loads((REPO / "tests/expected/tt-124-2021-bca.outline.json").read_text(encoding="utf-8"))
    assert doc.outline() == expected
    # every article, khoản and điểm of the twelve articles, nothing invented
    assert [s.id for s in doc.sections if s.level == 1] == [f"Điều {n}" for n in range(1, 13)]
    assert [s.id for s in doc.children("Điều 8.2")] == ["Điều 8.2.a", "Điều 8.2.b"]
    assert [s.id for s in doc.children("Điều 6.3")] == [f"Điều 6.3.{c}" for c in "abcdđegh"]


def test_directive_header_fields(tt124_path: Path) -> None:
    doc = _parse(tt124_path)
    assert doc.kind == "normative"
    assert doc.fields() | {"title": None} == {
        "doc_id": "tt-124-2021-bca",
        "doc_type": "Thông tư",
        "number": "124/2021/TT-BCA",
        "date": "2021-12-28",
        "issuer": "Bộ Công an",
        "place": "Hà Nội",
        "title": None,
        "signer": "Tô Lâm",
        "sections": 83,
    }
    assert doc.title.startswith("QUY ĐỊNH KHU DÂN CƯ, XÃ, PHƯỜNG")
    assert doc.signer_title == "BỘ TRƯỞNG"


def test_heading_that_runs_into_its_body_is_still_a_heading() -> None:
    doc = _parse(CORPUS / "kh-08-cdcd-soctrang-2026.txt")
    sec = doc.section("II.4")
    assert (
        sec.heading == "Công tác xây dựng phong trào, Nhà trường đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2026"
    )
    assert "Tiếp tục đăng ký thực hiện tiêu chuẩn" in doc.section_text("II.4")


def test_an_issuer_in_capitals_keeps_its_abbreviations() -> None:
    text = "UBND HUYỆN MỸ TÚ\nTRƯỜNG PTDTBT TH VÀ THCS QUẢNG NGHĨA\nSố: 12/KH-THCS\nKẾ HOẠCH\nAn ninh trường học\nI. MỤC ĐÍCH\n1. Bảo đảm an toàn."
    doc = build_document("kh-quang-nghia", text)
    assert (doc.managing_body, doc.issuer) == ("UBND huyện Mỹ Tú", "Trường PTDTBT TH và THCS Quảng Nghĩa")


@pytest.mark.parametrize(
    ("masthead", "managing", "issuer"),
    [
        # the right column's "ĐOÀN TNCS HỒ CHÍ MINH" is the union's motto, as "CỘNG HÒA …" is the state's
        (
            "THÀNH ĐOÀN HẢI PHÒNG\nBCH ĐOÀN TRƯỜNG ĐẠI HỌC\nHÀNG HẢI\n***\nĐOÀN TNCS HỒ CHÍ MINH",
            "Thành đoàn Hải Phòng",
            "BCH Đoàn trường Đại học Hàng Hải",
        ),
        # … but a body named after it keeps its whole name
        (
            "BCH ĐOÀN TNCS HỒ CHÍ MINH\nTỈNH HƯNG YÊN\n***\nĐOÀN TNCS HỒ CHÍ MINH",
            None,
            "BCH Đoàn TNCS Hồ Chí Minh tỉnh Hưng Yên",
        ),
        # the motto wrapped over two lines after the separator is still the motto
        (
            "TỈNH ĐOÀN NGHỆ AN\nBCH ĐOÀN XÃ NAM ĐÀN\n***\nĐOÀN TNCS HỒ\nCHÍ MINH",
            "Tỉnh đoàn Nghệ An",
            "BCH Đoàn xã Nam Đàn",
        ),
        # one in the middle of a body's name is part of it
        (
            "BAN CHẤP HÀNH\nĐOÀN TNCS HỒ CHÍ MINH\nTỈNH HƯNG YÊN\n***",
            "Ban Chấp hành",
            "Đoàn TNCS Hồ Chí Minh tỉnh Hưng Yên",
        ),
    ],
)
def test_a_youth_unions_motto_is_no_issuer(masthead: str, managing: str | None, issuer: str) -> None:
    text = f"{masthead}\nSố: 27-KH/ĐTN\nHải Phòng, ngày 12 tháng 5 năm 2026\nKẾ HOẠCH\nTình nguyện hè\nI. MỤC ĐÍCH\n1. Rèn luyện."
    doc = build_document("kh-doan", text)
    assert (doc.managing_body, doc.issuer) == (managing, issuer)


def test_unnumbered_bullets_belong_to_the_section_above() -> None:
    doc = _parse(CORPUS / "kh-ubnd-kienhai-2026.txt")
    own = doc.section_text("III.2", own=True)
    assert own.startswith("2. Các cơ sở giáo dục trực thuộc\n- Xây dựng kế hoạch chi tiết")
    assert own.endswith("Báo cáo sơ kết 6 tháng (trước 15/6/2026) và tổng kết năm (trước 15/11/2026).")
    assert doc.children("III.2") == []


def test_spans_nest_and_parts_are_not_sections() -> None:
    doc = _parse(CORPUS / "kh-cdlc-laocai-2026.txt")
    for s in doc.sections:
        assert s.start < s.body_end <= s.end
        if s.parent:
            parent = doc.section(s.parent)
            assert parent.start < s.start and s.end <= parent.end
    assert [p.id for p in doc.parts] == ["header", "preamble", "closing", "recipients", "signature"]
    assert doc.section_text("preamble").startswith("Căn cứ Quyết định số 2447/QĐ-TTg")
    assert doc.section_text("signature") == "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nTrần Xuân Trường"
    assert doc.section_text("closing").startswith("Trên đây là kế hoạch")
    assert all(not o["section"].startswith(("preamble", "header")) for o in doc.outline())


def test_pdf_extraction_is_rejoined() -> None:
    """kh-08 is a PDF extraction: wrapped lines split by blank lines, numbers glued to words."""
    doc = _parse(CORPUS / "kh-08-cdcd-soctrang-2026.txt")
    text = doc.section_text("III.2", own=True)
    assert text == (
        "2. Phòng Công tác sinh viên, sinh viên\n"
        "- Tham mưu cho Đảng ủy, Ban Giám hiệu nhà trường xây dựng kế hoạch và tổ chức thực hiện tốt công tác đảm bảo "
        "an ninh trật tự, công tác quản lý nội trú, ngoại trú cho học sinh sinh viên.\n"
        "- Kiện toàn Ban Quản lý Ký túc xá, các đội tự quản. Thường xuyên duy trì và tổ chức hoạt động đảm bảo an ninh "
        "trật tự khu nội trú.\n"
        "- Phối hợp với lực lượng Bảo vệ thực hiện tốt công tác bảo vệ an toàn về tính mạng và tài sản của Nhà trường "
        "và khu nội trú."
    )
    mytu = _parse(CORPUS / "kh-pgddt-mytu-2025.txt")
    assert "Căn cứ Thông tư số 124/2021/TT-BCA, ngày 28/12/2021" in mytu.text  # "số124/2021/TT-BCA,ngày"
    assert "Chỉ thị số 46/CT-TW ngày 22/6/2015" in mytu.text  # a number cut at the wrap: "46/CT-\n\nTW"


# ---------------------------------------------------------------- what real documents do to their numbering

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nAn Giang, ngày 3 tháng 4 năm 2025\nKẾ HOẠCH\nVề việc thử\n"


def _ids(text: str) -> list[str]:
    return [s.id for s in build_document("t", text).sections]


def test_a_body_opening_at_part_two_keeps_its_numbers() -> None:
    text = HEAD + "II. NHIỆM VỤ\n1. Tuyên truyền.\n2. Kiểm tra.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\n"
    assert _ids(text) == ["II", "II.1", "II.2", "III", "III.1"]


def test_a_list_that_lost_its_first_item_or_skips_one() -> None:
    text = HEAD + "I. NỘI DUNG\n2. Tuyên truyền.\n3. Kiểm tra.\n5. Báo cáo.\n"
    assert _ids(text) == ["I", "I.2", "I.3", "I.5"]


def test_points_without_dd_and_in_latin_order_are_one_list() -> None:
    viet = HEAD + "I. NỘI DUNG\n1. Việc:\na) một;\nb) hai;\nc) ba;\nd) bốn;\ne) năm.\n"
    assert _ids(viet)[-5:] == ["I.1.a", "I.1.b", "I.1.c", "I.1.d", "I.1.e"]
    latin = HEAD + "I. NỘI DUNG\n1. Việc:\n" + "".join(f"{c}) mục {c};\n" for c in "abcdefghijk")
    assert _ids(latin)[2:] == [f"I.1.{c}" for c in "abcdefghijk"]


def test_a_part_printed_twice_keeps_its_number() -> None:
    text = HEAD + "I. MỤC ĐÍCH\n1. Một.\nIV. KINH PHÍ\n1. Hai.\nIV. TỔ CHỨC THỰC HIỆN\n1. Ba.\n"
    assert _ids(text) == ["I", "I.1", "IV", "IV.1", "IV-2", "IV-2.1"]


def test_long_lists_keep_every_item() -> None:
    articles = "NGHỊ QUYẾT\nVề mức chi\nĐiều 1. Mức chi\n" + "".join(f"{k}. Khoản thứ {k}.\n" for k in range(1, 128))
    ids = _ids(articles)
    assert ids[-1] == "Điều 1.127" and len(ids) == 128
    letters = "abcdđeghiklmnopqrstuvxy" + "z"
    points = HEAD + "I. DANH MỤC\n1. Gồm:\n" + "".join(f"{c}) điểm {c};\n" for c in letters)
    assert _ids(points)[2:] == [f"I.1.{c}" for c in letters]


def test_markers_and_headings_split_by_hard_wraps_are_joined() -> None:
    text = (
        "CHÍNH\nPHỦ\nSố:\n304/2025/NĐ-CP\nHà Nội, ngày 25\ntháng 11 năm 2025\nNGHỊ ĐỊNH\nQUY\nĐỊNH ĐIỀU KIỆN\n"
        "Chương\nI\nQUY ĐỊNH\nCHUNG\nĐiều\n1. Phạm vi điều chỉnh\nNghị định này quy định điều kiện.\n"
        "Điều 2. Đối tượng\n1.\nTổ chức tín dụng.\n"
    )
    doc = build_document("t", text)
    assert (doc.number, doc.date, doc.issuer, doc.title) == (
        "304/2025/NĐ-CP",
        "2025-11-25",
        "Chính phủ",
        "QUY ĐỊNH ĐIỀU KIỆN",
    )
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("Chương I", "QUY ĐỊNH CHUNG"),
        ("Điều 1", "Phạm vi điều chỉnh"),
        ("Điều 2", "Đối tượng"),
        ("Điều 2.1", "Tổ chức tín dụng"),
    ]
    plan = (
        HEAD + "II. NỘI\nDUNG\n2. Các sở\n2.1. Sở Tài chính\n- Bố trí kinh phí.\n2.2. Sở\nY tế\n- Chủ trì kiểm tra.\n"
    )
    assert [(s.id, s.heading) for s in build_document("t", plan).sections] == [
        ("II", "NỘI DUNG"),
        ("II.2", "Các sở"),
        ("II.2.1", "Sở Tài chính"),
        ("II.2.2", "Sở Y tế"),
    ]


def test_a_cong_van_without_numbers_is_a_header_and_one_body_section() -> None:
    text = (
        "UBND THÀNH PHỐ HÀ NỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 50/SGDĐT-VP\nV/v nghỉ học do mưa lớn\n"
        "Hà Nội, ngày 3 tháng 12 năm 2025\nKính gửi:\n- Các trường học.\n"
        "Thực hiện Công văn số 63/UBND-NNMT ngày 01/12/2025 của UBND Thành phố;\n"
        "Sở đề nghị các trường cho học sinh nghỉ học ngày 4/12/2025.\n- Thông báo cho cha mẹ học sinh.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
    )
    doc = build_document("t", text)
    assert (doc.doc_type, doc.title, doc.issuer, doc.managing_body) == (
        "Công văn",
        "nghỉ học do mưa lớn",
        "Sở Giáo dục và Đào tạo",
        "UBND thành phố Hà Nội",
    )
    assert [s.id for s in doc.sections] == ["body"]
    assert doc.section_text("body").startswith("Sở đề nghị các trường cho học sinh nghỉ học")
    assert doc.section_text("preamble").startswith("Thực hiện Công văn số 63/UBND-NNMT")
    assert (doc.signer, [p.id for p in doc.parts]) == (
        "Nguyễn Văn An",
        ["header", "preamble", "recipients", "signature"],
    )


def test_party_documents_of_one_number_and_two_years_stay_apart() -> None:
    """Mỹ Tú cites Chỉ thị 46 of 2015; a later plan cites the Chỉ thị 46 of 2025, another document."""
    from ingest.legal import build_registry

    older = HEAD + (
        "Căn cứ Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với "
        "công tác bảo đảm an ninh, trật tự trong tình hình mới;\nI. NỘI DUNG\n1. Thực hiện.\n"
    )
    newer = HEAD.replace("12/KH", "13/KH") + (
        "Căn cứ Chỉ thị số 46-CT/TW ngày 14/5/2025 của Ban Bí thư về nâng cao hiệu quả chuyển đổi số trong "
        "các cơ quan đảng;\nI. NỘI DUNG\n1. Thực hiện.\n"
    )
    typo = HEAD.replace("12/KH", "14/KH") + (
        "Căn cứ Chỉ thị số 46-CT/TW ngày 22/6/2016 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với "
        "công tác bảo đảm an ninh, trật tự trong tình hình mới;\nI. NỘI DUNG\n1. Thực hiện.\n"
    )
    registry = build_registry([build_document(n, t) for n, t in (("a", older), ("b", newer), ("c", typo))])
    entries = {e.id: e for e in registry}
    assert sorted(entries) == ["46-CT/TW (2015)", "46-CT/TW (2025)"]
    assert entries["46-CT/TW (2025)"].citing_docs == ["b"] and not entries["46-CT/TW (2025)"].conflicts
    # the same title a year apart is one document whose date is cited two ways
    same = entries["46-CT/TW (2015)"]
    assert same.citing_docs == ["a", "c"]
    assert [(c.field, [v.value for v in c.values]) for c in same.conflicts] == [("date", ["2015-06-22", "2016-06-22"])]


@pytest.mark.parametrize(
    ("last_item", "closing", "closes"),
    [
        (
            "2. Các sở, ngành báo cáo kết quả thực hiện trước ngày 15 hằng tháng.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Sở Tư pháp để "
            "tổng hợp, báo cáo./.",
            True,
        ),
        (
            "2. Các sở, ngành phối hợp triển khai thực hiện có hiệu quả Chỉ thị này.",
            "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường thực hiện nghiêm túc Chỉ "
            "thị này./.",
            True,
        ),
        (
            "2. Các sở, ngành báo cáo kết quả thực hiện trước ngày 15 hằng tháng.",
            "Kế hoạch này có hiệu lực kể từ ngày ký đến hết ngày 31 tháng 12 năm 2026. Trong quá trình thực hiện, "
            "nếu có vướng mắc, các đơn vị trao đổi bằng văn bản./.",
            True,
        ),
        (
            "2. Sở Tài chính",
            "Bố trí kinh phí thực hiện Kế hoạch này theo quy định./.",
            False,
        ),
    ],
)
def test_a_last_unnumbered_closing_paragraph_is_the_closing_not_the_last_item(
    last_item: str, closing: str, closes: bool
) -> None:
    """A plan's or directive's last paragraph, unnumbered and ending with "./.", that opens with a closing formula,
    asks those it is sent to to carry the text out or says the text takes effect, is its closing, not a task of the
    last numbered item (it was read as that item's last line, and answered for it); a task line that only ends the
    text is kept."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 12/KH-UBND\nBắc Ninh, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "Triển khai công tác pháp chế năm 2026\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp chủ trì, theo dõi, đôn đốc "
        f"các đơn vị triển khai Kế hoạch.\n{last_item}\n{closing}\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    )
    doc = build_document("kh-12", text)
    own = doc.section_text("I.2", own=True)
    if closes:
        assert own == last_item and doc.section_text("closing") == closing
    else:
        assert own == f"{last_item}\n{closing}" and doc.section("closing") is None


def test_a_text_two_bodies_sign_keeps_both_signatures_out_of_its_last_item() -> None:
    """A cooperation programme signed by a school and the commune police prints their signatures side by side,
    which the text reads one after the other, each under its body's name in capitals: both belong to the signature
    block, none to the last numbered item (its quoted text ended on "TRƯỜNG THCS … / HIỆU TRƯỞNG / <name> / CÔNG AN
    XÃ …"); the signer is the last."""
    text = (
        "CÔNG AN XÃ HÒA AN\nTRƯỜNG THCS LÊ LỢI\nSố: 03/CTPH-CAX-THCS\nHòa An, ngày 05 tháng 9 năm 2026\n"
        "CHƯƠNG TRÌNH PHỐI HỢP\nBảo đảm an ninh, trật tự trường học năm học 2026 - 2027\n"
        "I. NỘI DUNG PHỐI HỢP\n1. Tuyên truyền pháp luật cho học sinh mỗi học kỳ một lần.\n"
        "2. Giao ban hằng quý vào tuần cuối của quý, luân phiên tại trụ sở Công an xã và nhà trường.\n"
        "Chương trình phối hợp này có hiệu lực kể từ ngày ký./.\n"
        "TRƯỜNG THCS LÊ LỢI\nHIỆU TRƯỞNG\nNguyễn Thị Lan\nCÔNG AN XÃ HÒA AN\nTRƯỞNG CÔNG AN XÃ\n"
        "Thiếu tá Trần Văn Bình\nNơi nhận:\n- UBND xã Hòa An;\n- Lưu: VT.\n"
    )
    doc = build_document("ctph-03", text)
    assert doc.section_text("I.2", own=True) == (
        "2. Giao ban hằng quý vào tuần cuối của quý, luân phiên tại trụ sở Công an xã và nhà trường."
    )
    assert doc.section_text("closing") == "Chương trình phối hợp này có hiệu lực kể từ ngày ký./."
    assert doc.section_text("signature").splitlines() == [
        "TRƯỜNG THCS LÊ LỢI",
        "HIỆU TRƯỞNG",
        "Nguyễn Thị Lan",
        "CÔNG AN XÃ HÒA AN",
        "TRƯỞNG CÔNG AN XÃ",
        "Thiếu tá Trần Văn Bình",
    ]
    assert doc.signer == "Trần Văn Bình"


@pytest.mark.parametrize(
    ("tail", "last_item", "signature_first"),
    [
        (  # a lead's answer in capitals, then titles that name their body: the line is the item's
            "2. Ngày 29/01/2026\nĐơn vị trực:\nBAN CHỈ HUY QUÂN SỰ XÃ\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình\n",
            ["2. Ngày 29/01/2026 Đơn vị trực:", "BAN CHỈ HUY QUÂN SỰ XÃ"],
            "TM. ỦY BAN NHÂN DÂN",
        ),
        (  # recipients in capitals before the titles: their last line is no body's name
            "2. Trực ban ngày 29/01/2026 tại trụ sở Ủy ban nhân dân xã theo lịch đã phân công.\nNơi nhận:\n"
            "NHƯ TRÊN;\nLƯU VT, VP.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n",
            ["2. Trực ban ngày 29/01/2026 tại trụ sở Ủy ban nhân dân xã theo lịch đã phân công."],
            "KT. GIÁM ĐỐC",
        ),
        (  # a table after the signature naming a body of secretaries is no signature
            "2. Trực ban ngày 29/01/2026 tại trụ sở Ủy ban nhân dân xã theo lịch đã phân công.\nHIỆU TRƯỞNG\n"
            "Lê Văn Nam\nPHÂN CÔNG NHIỆM VỤ\nTỔ THƯ KÝ\nTrần Thị Hoa\n",
            ["2. Trực ban ngày 29/01/2026 tại trụ sở Ủy ban nhân dân xã theo lịch đã phân công."],
            "HIỆU TRƯỞNG",
        ),
    ],
)
def test_a_signature_block_takes_no_line_of_the_text_above_it(
    tail: str, last_item: list[str], signature_first: str
) -> None:
    """Only a body's name in capitals after a sentence, above titles that do not name their body, opens a signature
    block: not an item's answer after a lead ("Đơn vị trực:" / "BAN CHỈ HUY QUÂN SỰ XÃ" above "TM. ỦY BAN NHÂN
    DÂN"), nor recipients in capitals; and "THƯ KÝ" signs only as a line it opens, not within "TỔ THƯ KÝ"."""
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA AN\nSố: 15/KH-UBND\nHòa An, ngày 20 tháng 01 năm 2026\nKẾ HOẠCH\n"
        "Trực Tết Nguyên đán năm 2026\nI. LỊCH TRỰC\n1. Ngày 28/01/2026 trực tại trụ sở Ủy ban nhân dân xã.\n" + tail
    )
    doc = build_document("kh-15", text)
    assert doc.section_text("I.2", own=True).splitlines() == last_item
    assert doc.section_text("signature").splitlines()[0] == signature_first


def test_a_body_under_tm_signing_second_keeps_both_signatures_and_the_closing() -> None:
    """A school and the commune youth union sign a programme, the union "TM. BAN THƯỜNG VỤ" under its name: both
    signatures are the signature block and the sentence on taking effect the closing (the union's name, kept out
    because its titles name a body, left the school's signature and the closing in the last item)."""
    text = (
        "XÃ ĐOÀN HÒA AN\nTRƯỜNG THCS NGUYỄN DU\nSố: 05/CTPH-XĐ-THCS\nHòa An, ngày 05 tháng 9 năm 2026\n"
        "CHƯƠNG TRÌNH PHỐI HỢP\nTổ chức hoạt động Đội năm học 2026 - 2027\nI. NỘI DUNG\n"
        "1. Xã đoàn cử cán bộ phụ trách các hoạt động tình nguyện của học sinh trong năm học.\n"
        "2. Trường THCS Nguyễn Du bố trí thời gian, địa điểm tổ chức các hoạt động của học sinh.\n"
        "Chương trình phối hợp này có hiệu lực kể từ ngày ký./.\nTRƯỜNG THCS NGUYỄN DU\nHIỆU TRƯỞNG\nNguyễn Văn An\n"
        "XÃ ĐOÀN HÒA AN\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Thị Bình\nNơi nhận:\n- Đảng ủy xã;\n- Lưu: VT.\n"
    )
    doc = build_document("ctph-05", text)
    assert doc.section_text("I.2", own=True) == (
        "2. Trường THCS Nguyễn Du bố trí thời gian, địa điểm tổ chức các hoạt động của học sinh."
    )
    assert doc.section_text("closing") == "Chương trình phối hợp này có hiệu lực kể từ ngày ký./."
    assert doc.section_text("signature").splitlines()[:4] == [
        "TRƯỜNG THCS NGUYỄN DU",
        "HIỆU TRƯỞNG",
        "Nguyễn Văn An",
        "XÃ ĐOÀN HÒA AN",
    ]
    assert doc.signer == "Trần Thị Bình"


def test_a_meeting_record_signed_thu_ky_hoi_nghi_and_chu_toa_hoi_nghi_has_a_signer() -> None:
    """ "THƯ KÝ HỘI NGHỊ" / "CHỦ TỌA HỘI NGHỊ" open their lines: they sign the record (read only whole, they did not)."""
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA AN\nSố: 03/BB-UBND\nHòa An, ngày 10 tháng 3 năm 2026\nBIÊN BẢN\n"
        "Họp Tổ công tác chuyển đổi số xã quý I năm 2026\nI. NỘI DUNG\n"
        "1. Đánh giá kết quả thực hiện chuyển đổi số quý I năm 2026 của các bộ phận.\n"
        "2. Thống nhất nhiệm vụ quý II năm 2026, hoàn thành trước ngày 30/6/2026.\n"
        "THƯ KÝ HỘI NGHỊ\nTrần Thị Bích\nCHỦ TỌA HỘI NGHỊ\nNguyễn Văn An\n"
    )
    doc = build_document("bb-03", text)
    assert (
        doc.section_text("I.2", own=True) == "2. Thống nhất nhiệm vụ quý II năm 2026, hoàn thành trước ngày 30/6/2026."
    )
    assert (doc.signer, doc.signer_title) == ("Nguyễn Văn An", "CHỦ TỌA HỘI NGHỊ")


def test_a_sentence_on_taking_effect_after_an_article_is_the_articles() -> None:
    """A decision's last article, then an unnumbered "Quyết định này có hiệu lực …./.": the sentence is the
    article's last paragraph, not a closing apart from it."""
    text = (
        "TRƯỜNG THPT HÒA PHÚ\nSố: 45/QĐ-THPTHP\nHòa Phú, ngày 02 tháng 01 năm 2026\nQUYẾT ĐỊNH\n"
        "Về việc thành lập Tổ tư vấn học đường\nĐiều 1. Thành lập Tổ tư vấn học đường năm học 2025 - 2026.\n"
        "Điều 2. Tổ tư vấn có nhiệm vụ tư vấn tâm lý cho học sinh theo kế hoạch của nhà trường.\n"
        "Điều 3. Các Phó Hiệu trưởng, tổ trưởng chuyên môn và các thành viên có tên tại Điều 1 chịu trách nhiệm thi "
        "hành Quyết định này.\nQuyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-THPTHP./.\n"
        "HIỆU TRƯỞNG\nLê Văn Nam\n"
    )
    doc = build_document("qd-45", text)
    assert doc.section("closing") is None
    assert doc.section_text("Điều 3", own=True).splitlines()[-1].startswith("Quyết định này có hiệu lực")


def test_a_meeting_record_is_a_bien_ban_signed_by_its_secretary_and_chair() -> None:
    """A biên bản is typed so (not a letter), and its two signatures, the secretary's and the chair's, are its
    signature block, not lines of the last item."""
    text = (
        "TRƯỜNG TIỂU HỌC AN BÌNH\nSố: 05/BB-THAB\nAn Bình, ngày 28 tháng 11 năm 2026\nBIÊN BẢN\n"
        "Họp Hội đồng sư phạm tháng 11 năm 2026\nI. NỘI DUNG\n1. Đánh giá nhiệm vụ tháng 11.\n"
        "2. Biểu quyết\nHội đồng biểu quyết thông qua toàn bộ nội dung cuộc họp.\n"
        "THƯ KÝ\n(Đã ký)\nNông Thị Hằng\nCHỦ TỌA\nHIỆU TRƯỞNG\n(Đã ký)\nHoàng Văn Thịnh\n"
    )
    doc = build_document("bb-05", text)
    assert doc.doc_type == "Biên bản"
    assert doc.section_text("I.2", own=True).splitlines() == [
        "2. Biểu quyết",
        "Hội đồng biểu quyết thông qua toàn bộ nội dung cuộc họp.",
    ]
    assert doc.section_text("signature").splitlines()[0] == "THƯ KÝ"
    assert (doc.signer, doc.signer_title) == ("Hoàng Văn Thịnh", "CHỦ TỌA HIỆU TRƯỞNG")


def test_a_monthly_work_calendar_is_typed_so_not_as_a_letter() -> None:
    """A commune's "LỊCH CÔNG TÁC" numbered "07/LCT-UBND" is a work calendar, not a công văn."""
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA AN\nSố: 07/LCT-UBND\nHòa An, ngày 27 tháng 02 năm 2026\nLỊCH CÔNG TÁC\n"
        "Tháng 3 năm 2026 của Ủy ban nhân dân xã\nI. LỊCH CÔNG TÁC THEO TUẦN\n"
        "1. Tuần thứ nhất\nThứ Hai, 02/3: họp giao ban Thường trực Ủy ban nhân dân xã.\n"
    )
    doc = build_document("lct-07", text)
    assert (doc.doc_type, doc.number) == ("Lịch công tác", "07/LCT-UBND")


def test_attached_rules_titled_noi_quy_keep_their_articles() -> None:
    """A decision issuing a dormitory's rules ("NỘI QUY / KÝ TÚC XÁ … / (Ban hành kèm theo …)") keeps the rules'
    chapters and articles as sections of their own (they were in no section at all)."""
    text = (
        "TRƯỜNG CAO ĐẲNG CÔNG NGHỆ AN PHÚ\nSố: 88/QĐ-CĐCN\nAn Phú, ngày 10 tháng 8 năm 2026\nQUYẾT ĐỊNH\n"
        "Ban hành Nội quy ký túc xá\nĐiều 1. Ban hành kèm theo Quyết định này Nội quy ký túc xá.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
        "HIỆU TRƯỞNG\nLê Văn Nam\nNỘI QUY\nKÝ TÚC XÁ TRƯỜNG CAO ĐẲNG CÔNG NGHỆ AN PHÚ\n"
        "(Ban hành kèm theo Quyết định số 88/QĐ-CĐCN ngày 10 tháng 8 năm 2026)\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Đối tượng\nHọc sinh, sinh viên đang học tại Trường.\n"
        "Điều 2. Giờ giấc\n1. Ký túc xá mở cửa từ 05 giờ 00.\n2. Ký túc xá đóng cửa lúc 22 giờ 30.\n"
    )
    doc = build_document("qd-88", text)
    ids = [s.id for s in doc.sections]
    assert ids[:2] == ["Điều 1", "Điều 2"]
    assert ids[2:] == [
        "Nội quy",
        "Nội quy.Chương I",
        "Nội quy.Điều 1",
        "Nội quy.Điều 2",
        "Nội quy.Điều 2.1",
        "Nội quy.Điều 2.2",
    ]
    assert doc.section_text("Nội quy.Điều 2.2", own=True) == "2. Ký túc xá đóng cửa lúc 22 giờ 30."


def test_an_attached_plan_whose_title_is_in_ordinary_case_keeps_its_outline() -> None:
    """A decision's attached plan titled as the main text's summary is ("KẾ HOẠCH / Số hóa hồ sơ … / (Kèm theo
    …)"), not in capitals, is a part of its own with its numbered sections, not lines of the signature block."""
    decision = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 310/QĐ-TTg\nHà Nội, ngày 03 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch số hóa hồ sơ hành chính năm 2026\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ hành chính năm 2026.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Nơi nhận:\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT.\nTHỦ TƯỚNG\nNguyễn Văn An\n"
        "KẾ HOẠCH\nSố hóa hồ sơ hành chính năm 2026\n"
        "(Kèm theo Quyết định số 310/QĐ-TTg ngày 03 tháng 3 năm 2026 của Thủ tướng Chính phủ)\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nHoàn thành số hóa hồ sơ hành chính của các bộ, ngành.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Bộ Tài chính\nBố trí kinh phí số hóa hồ sơ.\n2. Bộ Nội vụ\nHướng dẫn lập danh mục hồ sơ.\n"
    )
    doc = build_document("t", decision)
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ hành chính năm 2026"),
        ("Điều 2", "Quyết định này có hiệu lực kể từ ngày ký"),
        ("Kế hoạch", "Số hóa hồ sơ hành chính năm 2026"),
        ("Kế hoạch.I", "MỤC ĐÍCH, YÊU CẦU"),
        ("Kế hoạch.II", "TỔ CHỨC THỰC HIỆN"),
        ("Kế hoạch.II.1", "Bộ Tài chính"),
        ("Kế hoạch.II.2", "Bộ Nội vụ"),
    ]
    assert doc.signer == "Nguyễn Văn An"


def test_a_letter_opening_on_its_own_words_after_kinh_gui_has_a_body() -> None:
    """A công văn whose text opens on its own words ("Sở đề nghị …"), with no "Căn cứ"/"Thực hiện" clause, is
    read: its header, then its body, not refused as all header."""
    letter = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 45/SGDĐT-VP\nV/v tổ chức kiểm tra học kỳ I\nHà Nội, ngày 10 tháng 12 năm 2025\n"
        "Kính gửi: Các trường trung học phổ thông\n"
        "Sở đề nghị các trường tổ chức kiểm tra học kỳ I nghiêm túc, đúng quy chế.\n"
        "Báo cáo kết quả về Sở trước ngày 15/01/2026./.\n"
    )
    doc = build_document("t", letter)
    assert (doc.doc_type, doc.number, doc.title) == ("Công văn", "45/SGDĐT-VP", "tổ chức kiểm tra học kỳ I")
    assert [s.id for s in doc.sections] == ["body"]
    assert doc.section_text("body").startswith("Sở đề nghị các trường tổ chức kiểm tra học kỳ I")


@pytest.mark.parametrize(
    "chapter, article",
    [
        ("Chương I: NHỮNG QUY ĐỊNH CHUNG", "Điều 1: Phạm vi điều chỉnh"),
        ("Chương I:\nNHỮNG QUY ĐỊNH CHUNG", "Điều 1 .\nPhạm vi điều chỉnh"),
    ],
)
def test_chapters_and_articles_written_with_a_colon_or_alone_on_their_line_keep_their_headings(
    chapter: str, article: str
) -> None:
    """ "Điều 1:" as "Điều 1.", and a chapter or article marker alone on its line with its heading on the next."""
    law = (
        "QUỐC HỘI\nSố: 5/2025/QH15\nLUẬT\nVIỆC LÀM\n"
        f"{chapter}\n{article}\n1. Luật này quy định về việc làm.\n2. Luật này áp dụng với người lao động.\n"
        f"{article.replace('1', '2').replace('Phạm vi điều chỉnh', 'Giải thích từ ngữ')}\nViệc làm là hoạt động lao động.\n"
    )
    doc = build_document("t", law)
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("Chương I", "NHỮNG QUY ĐỊNH CHUNG"),
        ("Điều 1", "Phạm vi điều chỉnh"),
        ("Điều 1.1", "Luật này quy định về việc làm"),
        ("Điều 1.2", "Luật này áp dụng với người lao động"),
        ("Điều 2", "Giải thích từ ngữ"),
    ]


@pytest.mark.parametrize(
    "number, summary",
    [
        ("Số: 45/SGDĐT-VP", "v/v"),
        ("Số: 45/SGDĐT-VP", "V/V"),
        ("Số: 45/SGDĐT-VP", "Về việc"),
        ("SỐ: 45/SGDĐT-VP", "V/v"),
    ],
)
def test_a_letters_number_and_summary_are_read_however_their_words_are_cased(number: str, summary: str) -> None:
    """ "SỐ:" in a header typed in capitals, and the summary line as "v/v", "V/V" or "Về việc"."""
    letter = (
        f"ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n{number}\n{summary} tổ chức kiểm tra học kỳ I\n"
        "Hà Nội, ngày 10 tháng 12 năm 2025\nKính gửi: Các trường trung học phổ thông\n"
        "Thực hiện Kế hoạch năm học 2025-2026 của Sở;\n"
        "Sở đề nghị các trường tổ chức kiểm tra học kỳ I nghiêm túc./.\n"
    )
    doc = build_document("t", letter)
    assert (doc.doc_type, doc.number, doc.title, doc.issuer) == (
        "Công văn",
        "45/SGDĐT-VP",
        "tổ chức kiểm tra học kỳ I",
        "Sở Giáo dục và Đào tạo",
    )


def test_a_letter_of_one_paragraph_opening_with_thuc_hien_is_its_body() -> None:
    """A công văn whose only paragraph opens as a ground would ("Thực hiện …, Sở đề nghị …") is that paragraph."""
    letter = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 45/SGDĐT-VP\nV/v tổ chức kiểm tra học kỳ I\nHà Nội, ngày 10 tháng 12 năm 2025\n"
        "Kính gửi: Các trường trung học phổ thông\n"
        "Thực hiện kế hoạch năm học, Sở đề nghị các trường tổ chức kiểm tra học kỳ I nghiêm túc./.\n"
    )
    doc = build_document("t", letter)
    assert [s.id for s in doc.sections] == ["body"]
    assert doc.section_text("body").startswith("Thực hiện kế hoạch năm học, Sở đề nghị các trường")


def test_parts_items_and_points_numbered_with_a_slash_keep_their_outline() -> None:
    """A school's plan numbering "I/", "1/", "a/" is read as "I.", "1.", "a)"."""
    plan = (
        "UBND XÃ AN PHÚ\nTRƯỜNG TIỂU HỌC AN PHÚ\nSố: 12/KH-THAP\nAn Phú, ngày 05 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số năm học 2025-2026\nI/ MỤC ĐÍCH, YÊU CẦU\n1/ Mục đích\nNâng cao hiệu quả quản lý.\n2/ Yêu cầu\n"
        "Bám sát nhiệm vụ.\nII/ NHIỆM VỤ\n1/ Tổ chuyên môn\na/ Rà soát học liệu số.\n"
        "b/ Báo cáo kết quả trước ngày 30/5/2026.\n2/ Văn phòng\nCập nhật hồ sơ điện tử.\n"
    )
    doc = build_document("t", plan)
    assert doc.title == "Chuyển đổi số năm học 2025-2026"
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("I.1", "Mục đích"),
        ("I.2", "Yêu cầu"),
        ("II", "NHIỆM VỤ"),
        ("II.1", "Tổ chuyên môn"),
        ("II.1.a", "Rà soát học liệu số"),
        ("II.1.b", "Báo cáo kết quả trước ngày 30/5/2026"),
        ("II.2", "Văn phòng"),
    ]


@pytest.mark.parametrize("between", ["Đã ký", "3"])
def test_a_signers_name_is_read_past_a_bare_signed_mark_or_page_number(between: str) -> None:
    """ "Đã ký" without brackets (a web copy) or a page number a PDF left between the signing titles and the name."""
    plan = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nAn Giang, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\nChuyển đổi số\n"
        "I. MỤC ĐÍCH\nNâng cao hiệu quả./.\nNơi nhận:\n- Các sở;\n- Lưu: VT.\n"
        f"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{between}\nNguyễn Văn An\n"
    )
    doc = build_document("t", plan)
    assert doc.signer == "Nguyễn Văn An"
    assert [p.id for p in doc.parts] == ["header", "recipients", "signature"]


@pytest.mark.parametrize("recipients", ["", "Nơi nhận:\n- Các sở;\n- Lưu: VT.\n"])
def test_a_signing_prefix_cut_from_the_body_it_signs_for_is_the_signatures_not_the_last_articles(
    recipients: str,
) -> None:
    """A scrape that puts "TM." on a line of its own above "ỦY BAN NHÂN DÂN": both are the signature's titles, not
    lines of the last article (quoted as its text) or of the recipients."""
    decision = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/2025/QĐ-UBND\nAn Giang, ngày 05 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
        "Ban hành Quy định về phòng cháy\nỦY BAN NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Lâm nghiệp;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định về phòng cháy.\n"
        "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này./.\n"
        f"{recipients}TM.\nỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    )
    doc = build_document("t", decision)
    assert doc.signer == "Nguyễn Văn An"
    assert doc.signer_title == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    last = doc.section("Điều 2")
    assert doc.text[last.start : last.end].rstrip().endswith("thi hành Quyết định này./.")
    if recipients:
        r = doc.section("recipients")
        assert doc.text[r.start : r.end].rstrip().endswith("- Lưu: VT.")


def test_words_second_level_bullets_stay_lines_of_their_item() -> None:
    """Word's "o" bullets under an item stay its lines, not glued to its heading."""
    plan = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nAn Giang, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\nChuyển đổi số\n"
        "I. MỤC ĐÍCH\n1. Yêu cầu\no Bám sát nhiệm vụ được giao.\no Bảo đảm tiến độ.\n2. Sở Nội vụ\no Hướng dẫn lập danh mục.\n"
    )
    doc = build_document("t", plan)
    assert [(s.id, s.heading) for s in doc.sections] == [("I", "MỤC ĐÍCH"), ("I.1", "Yêu cầu"), ("I.2", "Sở Nội vụ")]
    assert doc.section_text("I.1").splitlines() == ["1. Yêu cầu", "o Bám sát nhiệm vụ được giao.", "o Bảo đảm tiến độ."]


def test_sub_items_numbered_with_a_bracket_keep_their_outline() -> None:
    """ "1.1)" is read as "1.1."."""
    plan = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nAn Giang, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\nChuyển đổi số\n"
        "I. MỤC ĐÍCH\n1. Mục tiêu\n1.1) Mục tiêu chung\nNâng cao hiệu quả.\n1.2) Mục tiêu cụ thể\n"
        "Đến năm 2026 có 100% hồ sơ số.\n2. Yêu cầu\nBám sát nhiệm vụ.\n"
    )
    assert [(s.id, s.heading) for s in build_document("t", plan).sections] == [
        ("I", "MỤC ĐÍCH"),
        ("I.1", "Mục tiêu"),
        ("I.1.1", "Mục tiêu chung"),
        ("I.1.2", "Mục tiêu cụ thể"),
        ("I.2", "Yêu cầu"),
    ]


@pytest.mark.parametrize(
    "kind, body, sections",
    [
        ("Kế hoạch", "I. MỤC ĐÍCH\n1. Mục đích\nNâng cao hiệu quả.", ["I", "I.1"]),
        ("Nghị định", "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định điều kiện.", ["Điều 1"]),
    ],
)
def test_a_type_line_in_ordinary_case_is_the_documents_kind(kind: str, body: str, sections: list[str]) -> None:
    """A type line that lost Word's capitals ("Kế hoạch" alone on its line) is the kind; its title and the
    issuer above it are read as from "KẾ HOẠCH"."""
    text = (
        f"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nSố: 12/KH-UBND\nĐồng Nai, ngày 05 tháng 01 năm 2026\n{kind}\n"
        f"TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ\n{body}\n"
    )
    doc = build_document("t", text)
    assert (doc.doc_type, doc.title, doc.issuer) == (
        kind,
        "TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ",
        "Ủy ban nhân dân tỉnh Đồng Nai",
    )
    assert [s.id for s in doc.sections] == sections


@pytest.mark.parametrize(
    "date, recipients",
    [("ngày 05-01-2026", "Nơi nhận:"), ("ngày 05.01.2026", "Nơi nhận:"), ("ngày 05 tháng 01 năm 2026", "Nơi gửi:")],
)
def test_a_header_date_with_dashes_or_dots_and_recipients_headed_noi_gui_are_read(date: str, recipients: str) -> None:
    plan = (
        f"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nSố: 12/KH-UBND\nĐồng Nai, {date}\nKẾ HOẠCH\nChuyển đổi số\nI. MỤC ĐÍCH\n"
        f"Nâng cao hiệu quả./.\n{recipients}\n- Các sở;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    )
    doc = build_document("t", plan)
    assert (doc.date, doc.place, doc.signer) == ("2026-01-05", "Đồng Nai", "Nguyễn Văn An")
    assert [p.id for p in doc.parts] == ["header", "recipients", "signature"]


def test_a_chapter_numbered_with_a_dash_before_its_title_has_the_title_alone() -> None:
    """ "Chương I - QUY ĐỊNH CHUNG", "Chương III – ĐIỀU KHOẢN THI HÀNH", as some offices type them: the chapter's
    heading is its title, as after "Chương II:" (it kept the dash: "- QUY ĐỊNH CHUNG")."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH AN\nSố: 09/2026/NQ-HĐND\nBình An, ngày 10 tháng 7 năm 2026\nNGHỊ QUYẾT\n"
        "Quy định mức học phí\nChương I - QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nNghị quyết này quy định mức "
        "học phí.\nChương II: MỨC HỌC PHÍ\nĐiều 2. Mức học phí\nMức học phí trung học cơ sở là 90.000 đồng.\n"
        "Chương III – ĐIỀU KHOẢN THI HÀNH\nĐiều 3. Hiệu lực thi hành\nNghị quyết này có hiệu lực từ ngày 01/9/2026.\n"
    )
    doc = build_document("nq-09", text)
    chapters = [(s.id, s.heading) for s in doc.sections if s.id.startswith("Chương")]
    assert chapters == [
        ("Chương I", "QUY ĐỊNH CHUNG"),
        ("Chương II", "MỨC HỌC PHÍ"),
        ("Chương III", "ĐIỀU KHOẢN THI HÀNH"),
    ]


def test_a_plan_in_parts_keeps_its_parts_and_what_each_holds() -> None:
    """A plan divided into "PHẦN I. …", "PHẦN II. …" (Roman items and numbered ones inside): each part is a section
    holding its own items ("Phần II.II.1"), not lost before the body with the second part's numbering read as a
    repeat of the first's ("1-2")."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 44/KH-UBND\nBình An, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n"
        "Phát triển thương mại điện tử năm 2026\nPHẦN I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nĐưa sản phẩm lên sàn.\n"
        "2. Yêu cầu\nBảo đảm hiệu quả.\nPHẦN II. NHIỆM VỤ\nI. NHIỆM VỤ CHUNG\nThúc đẩy thương mại điện tử.\n"
        "II. NHIỆM VỤ CỤ THỂ\n1. Sở Công Thương\nChủ trì tập huấn kỹ năng bán hàng.\n2. Ủy ban nhân dân xã\n"
        "Vận động hợp tác xã tham gia.\n"
    )
    doc = build_document("kh-44", text)
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("Phần I", "MỤC ĐÍCH, YÊU CẦU"),
        ("Phần I.1", "Mục đích"),
        ("Phần I.2", "Yêu cầu"),
        ("Phần II", "NHIỆM VỤ"),
        ("Phần II.I", "NHIỆM VỤ CHUNG"),
        ("Phần II.II", "NHIỆM VỤ CỤ THỂ"),
        ("Phần II.II.1", "Sở Công Thương"),
        ("Phần II.II.2", "Ủy ban nhân dân xã"),
    ]
    assert doc.title == "Phát triển thương mại điện tử năm 2026"


def test_a_type_line_spaced_out_letter_by_letter_is_the_kind_and_the_title_follows() -> None:
    """ "K Ế H O Ạ C H", spaced out for show as some offices print it: the kind, and the line after it the title
    (the title was lost)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 44/KH-UBND\nBình An, ngày 05 tháng 02 năm 2026\nK Ế H O Ạ C H\n"
        "Phát triển thương mại điện tử năm 2026\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nĐưa sản phẩm nông sản lên sàn.\n"
    )
    doc = build_document("kh-44", text)
    assert (doc.doc_type, doc.title) == ("Kế hoạch", "Phát triển thương mại điện tử năm 2026")
    assert [s.id for s in doc.sections] == ["I", "I.1"]


def test_a_guidance_in_lettered_parts_keeps_each_part_and_what_it_holds() -> None:
    """A guidance divided into "A. NHIỆM VỤ TRỌNG TÂM", "B. …" (Roman items inside B), "C. TỔ CHỨC THỰC HIỆN": each
    part is a section ("Phần B.I.1", "Phần C.2"), not the lettered headings read as text, with the preamble
    swallowing part A and part C's units hung under B's last Roman item as repeats ("VI.2-2")."""
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/HD-SGDĐT\nBình An, ngày 05 tháng 9 năm 2025\nHƯỚNG DẪN\n"
        "Thực hiện nhiệm vụ giáo dục mầm non năm học 2025 - 2026\nCăn cứ Luật Giáo dục năm 2019;\n"
        "Sở hướng dẫn như sau:\nA. NHIỆM VỤ TRỌNG TÂM\n1. Bảo đảm an toàn cho trẻ\n2. Nâng cao chất lượng\n"
        "B. NHIỆM VỤ CỤ THỂ\nI. AN TOÀN CHO TRẺ\n1. Kiểm tra cơ sở vật chất\nKiểm tra hằng tháng.\n"
        "II. CHẤT LƯỢNG GIÁO DỤC\n1. Thực hiện chương trình\nKhông dạy trước chương trình lớp 1.\n"
        "C. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo\nHướng dẫn, kiểm tra.\n2. UBND các xã, phường\n"
        "Bố trí đủ giáo viên.\nD. CHẾ ĐỘ BÁO CÁO\n1. Báo cáo đầu năm\nGửi Sở trước ngày 10 tháng 10 năm 2025.\n"
    )
    doc = build_document("hd-12", text)
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("Phần A", "NHIỆM VỤ TRỌNG TÂM"),
        ("Phần A.1", "Bảo đảm an toàn cho trẻ"),
        ("Phần A.2", "Nâng cao chất lượng"),
        ("Phần B", "NHIỆM VỤ CỤ THỂ"),
        ("Phần B.I", "AN TOÀN CHO TRẺ"),
        ("Phần B.I.1", "Kiểm tra cơ sở vật chất"),
        ("Phần B.II", "CHẤT LƯỢNG GIÁO DỤC"),
        ("Phần B.II.1", "Thực hiện chương trình"),
        ("Phần C", "TỔ CHỨC THỰC HIỆN"),
        ("Phần C.1", "Sở Giáo dục và Đào tạo"),
        ("Phần C.2", "UBND các xã, phường"),
        ("Phần D", "CHẾ ĐỘ BÁO CÁO"),
        ("Phần D.1", "Báo cáo đầu năm"),
    ]


def test_lettered_lines_inside_a_roman_item_or_in_lower_case_open_no_part() -> None:
    """ "A. …" under a Roman item (a list in it), after numbered items or under "PHẦN I", and "A. Nguyễn Văn An" (a
    name, not in capitals), open no part: the plan's outline stays as it is."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 44/KH-UBND\nBình An, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n"
        "Tổ chức hội thi năm 2026\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTôn vinh giáo viên.\nA. NỘI DUNG THI VIẾT\n"
        "B. NỘI DUNG THI GIẢNG\nII. BAN TỔ CHỨC\nA. Nguyễn Văn An, Trưởng ban\n1. Phân công\nTheo quyết định.\n"
    )
    doc = build_document("kh-44", text)
    assert [s.id for s in doc.sections] == ["I", "I.1", "II", "II.1"]
    # nor after numbered items ("1. …", "2. …"), nor under parts "PHẦN I": the plan's own outline stays
    head = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 44/KH-UBND\nBình An, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nHội thi năm 2026\n"
    numbered = "1. MỤC ĐÍCH\nTôn vinh.\n2. NỘI DUNG\nA. THI VIẾT\nB. THI GIẢNG\n3. TỔ CHỨC THỰC HIỆN\nThực hiện.\n"
    assert [s.id for s in build_document("kh-44", head + numbered).sections] == ["1", "2", "3"]
    parted = (
        "PHẦN I. ĐÁNH GIÁ\nI. KẾT QUẢ\nA. GIÁO DỤC MẦM NON\nTốt.\nB. GIÁO DỤC PHỔ THÔNG\nKhá.\nII. HẠN CHẾ\nCòn thiếu.\n"
        "PHẦN II. NHIỆM VỤ\nI. CHUNG\nLàm tốt.\n"
    )
    assert [s.id for s in build_document("kh-44", head + parted).sections] == [
        "Phần I",
        "Phần I.I",
        "Phần I.II",
        "Phần II",
        "Phần II.I",
    ]


def test_a_form_line_of_dots_heads_nothing() -> None:
    """A blank form's "1.1 ……" line, longer than a heading: no heading of dots shown in citations («……»)."""
    dots = "." * 130
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 44/KH-UBND\nBình An, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n"
        f"Tổ chức lớp học năm 2026\nI. TÀI LIỆU\n1. Tài liệu bắt buộc\n1.1 {dots} 1.2 {dots}\n"
    )
    doc = build_document("kh-44", text)
    form = doc.section("I.1.1")
    assert form is not None and form.heading == ""


def test_a_party_plan_numbering_items_with_a_dash_keeps_its_outline_and_kind() -> None:
    """A Tỉnh ủy's plan numbers parts "I-" and items "1-" (a range cut at the wrap, "3- 5%", "3- 6 tháng", opens
    none); its number "21-KH/TU" carries its kind, and its title runs on from "KẾ HOẠCH" in ordinary case."""
    plan = (
        "ĐẢNG BỘ TỈNH AN GIANG\nTỈNH ỦY\n*\nSố 21-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\n"
        "An Giang, ngày 24 tháng 10 năm 2025\n\nKẾ HOẠCH\n\nthực hiện Nghị quyết số 72-NQ/TW của Bộ Chính trị\n-----\n\n"
        "Thực hiện Nghị quyết số 72-NQ/TW, ngày 09/9/2025 của Bộ Chính trị về một số giải pháp đột phá,\n"
        "tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân; căn cứ Nghị quyết Đại hội đại biểu\n"
        "Đảng bộ tỉnh nhiệm kỳ 2025 - 2030, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:\n\n"
        "I- MỤC ĐÍCH, YÊU CẦU\n1- Mục đích\n- Quán triệt sâu sắc Nghị quyết.\n2- Yêu cầu\n- Có lộ trình rõ ràng.\n"
        "II- NHIỆM VỤ\n1- Phát triển y tế cơ sở\na) Kiện toàn trạm y tế xã, phường.\n"
        "b) Tỷ lệ trạm đạt chuẩn tăng từ\n3- 5% mỗi năm.\n2- Chuyển đổi số\n- Triển khai bệnh án điện tử trong\n"
        "3- 6 tháng đầu năm.\n"
    )
    doc = build_document("t", plan)
    assert (doc.doc_type, doc.title) == ("Kế hoạch", "thực hiện Nghị quyết số 72-NQ/TW của Bộ Chính trị")
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("I.1", "Mục đích"),
        ("I.2", "Yêu cầu"),
        ("II", "NHIỆM VỤ"),
        ("II.1", "Phát triển y tế cơ sở"),
        ("II.1.a", "Kiện toàn trạm y tế xã, phường"),
        ("II.1.b", "Tỷ lệ trạm đạt chuẩn tăng từ 3- 5% mỗi năm"),
        ("II.2", "Chuyển đổi số"),
    ]


def test_a_decisions_article_approving_a_text_in_roman_parts_keeps_the_parts_under_it() -> None:
    """ "Điều 1. Phê duyệt Đề án … với những nội dung sau:" then "I. QUAN ĐIỂM, MỤC TIÊU", "1.", "a)": the parts of
    what it approves hang under the article, and the next article closes them."""
    decision = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/QĐ-TTg\nHà Nội, ngày 26 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
        "Phê duyệt Đề án thử\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt Đề án thử với những nội dung chủ yếu sau đây:\nI. QUAN ĐIỂM, MỤC TIÊU\n1. Quan điểm\n"
        "a) Lấy phòng bệnh là chính.\nb) Ưu tiên vùng khó khăn.\n2. Mục tiêu\nĐến năm 2030 đạt chuẩn.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện thể chế\na) Rà soát quy định.\nIII. TỔ CHỨC THỰC HIỆN\n1. Bộ Y tế\n"
        "Chủ trì hướng dẫn.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Các Bộ trưởng chịu trách nhiệm thi hành Quyết định này.\n1. Bộ Y tế theo dõi.\n"
    )
    assert _ids(decision) == [
        "Điều 1",
        "Điều 1.I",
        "Điều 1.I.1",
        "Điều 1.I.1.a",
        "Điều 1.I.1.b",
        "Điều 1.I.2",
        "Điều 1.II",
        "Điều 1.II.1",
        "Điều 1.II.1.a",
        "Điều 1.III",
        "Điều 1.III.1",
        "Điều 2",
        "Điều 3",
        "Điều 3.1",
    ]


def test_a_list_of_names_attached_to_a_decision_is_its_own_unit_not_the_signature() -> None:
    """ "DANH SÁCH … (Kèm theo Quyết định số …)" after the signature is an attached unit "Danh sách", its rows in it;
    they ran into the signature, in no section."""
    decision = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 16/QĐ-SGDĐT\nAn Giang, ngày 19 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
        "Công nhận giáo viên dạy giỏi cấp tỉnh\nCăn cứ Thông tư số 22/2019/TT-BGDĐT;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Công nhận 2 giáo viên có tên trong danh sách kèm theo đạt danh hiệu Giáo viên dạy giỏi cấp tỉnh.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nGIÁM ĐỐC\n"
        "Nguyễn Văn An\nDANH SÁCH\nGIÁO VIÊN ĐƯỢC CÔNG NHẬN GIÁO VIÊN DẠY GIỎI CẤP TỈNH\n"
        "(Kèm theo Quyết định số 16/QĐ-SGDĐT ngày 19/12/2025 của Giám đốc Sở Giáo dục và Đào tạo)\n"
        "STT\nHọ và tên\nĐơn vị công tác\n1\nTrần Thị Bình\nTrường THPT Long Xuyên\n"
    )
    doc = build_document("t", decision)
    assert [(s.id, s.heading) for s in doc.sections][-1] == (
        "Danh sách",
        "GIÁO VIÊN ĐƯỢC CÔNG NHẬN GIÁO VIÊN DẠY GIỎI CẤP TỈNH",
    )
    assert "Trần Thị Bình" in doc.section_text("Danh sách")
    assert doc.signer == "Nguyễn Văn An"


def test_an_article_heading_cut_after_a_comma_goes_on_to_the_next_line() -> None:
    """ "Điều 3. Bộ trưởng," / "Thủ trưởng cơ quan ngang bộ, …": the wrap cut the heading at a comma; the capital
    of the next line opens no new paragraph (the heading was "Bộ trưởng,")."""
    decision = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/QĐ-TTg\nHà Nội, ngày 26 tháng 12 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt Đề án thử\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt Đề án thử.\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
        "Điều 3. Bộ trưởng,\nThủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành"
        " Quyết định này./.\n"
    )
    doc = build_document("t", decision)
    assert doc.sections[-1].heading.startswith("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân")


def test_a_numbered_heading_ending_on_a_function_word_stops_at_a_blank_line() -> None:
    """ "1- Kết quả đạt được", a blank line, "Giai đoạn 2021 - 2025, được …": in a text whose blank lines mark
    paragraphs, the heading ends there ("được" closes it), though a wrapped phrase may end on such a word."""
    body = "\n".join(["Giai đoạn 2021 - 2025, được sự quan tâm của cấp ủy, chính quyền, các chỉ tiêu đều đạt."] * 3)
    plan = HEAD + f"I. ĐÁNH GIÁ\n\n1. Kết quả đạt được\n\n{body}\n\n2. Hạn chế\n\nMột số chỉ tiêu chưa đạt.\n"
    doc = build_document("t", plan)
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("I", "ĐÁNH GIÁ"),
        ("I.1", "Kết quả đạt được"),
        ("I.2", "Hạn chế"),
    ]
    assert doc.section_text("I.1", own=True).splitlines()[1].startswith("Giai đoạn 2021 - 2025, được sự quan tâm")


def test_a_timetables_month_cell_is_not_glued_to_the_row_before() -> None:
    """A timetable flattened one cell a line that the table reader does not rebuild ("Người phụ trách" / "9/2025" /
    "- Khai giảng …"): the month opens its own line, not the end of the row before ("… giáo viên chủ nhiệm
    10/2025"), so a month's tasks follow their month (a school plan of the ninth unseen set's development
    documents)."""
    path = REPO / "evals" / "unseen9" / "docs" / "kh-112-thpthoangvanthu-2025.txt"
    lines = build_document(path.stem, path.read_text(encoding="utf-8")).section_text("Phần V", own=True).splitlines()
    at = lines.index("10/2025")
    assert lines[at - 1] == "Hiệu trưởng; các Phó Hiệu trưởng; giáo viên chủ nhiệm"
    assert lines[at + 1].startswith("- Phê duyệt kế hoạch giáo dục nhà trường")


def test_a_wrapped_date_and_a_heading_cut_at_a_page_break_stay_whole() -> None:
    """What the timetable-month and blank-line rules leave alone: a date wrapped before its month ("… trước ngày
    15 tháng" / "12/2025 …") and a heading cut on a word that closes no phrase ("1. Trách nhiệm của", a blank line,
    "Sở Tư pháp")."""
    body = "\n".join(["Các đơn vị tổ chức thực hiện nghiêm túc, báo cáo kết quả về Ủy ban nhân dân tỉnh."] * 3)
    plan = (
        HEAD + "I. TIẾN ĐỘ\n1. Hoàn thành báo cáo trước ngày 15 tháng\n12/2025 để tổng hợp.\n"
        f"II. TỔ CHỨC\n\n1. Trách nhiệm của\n\nSở Tư pháp\n\n- Chủ trì thẩm định.\n\n2. Sở Y tế\n\n{body}\n"
    )
    doc = build_document("t", plan)
    assert [(s.id, s.heading) for s in doc.sections] == [
        ("I", "TIẾN ĐỘ"),
        ("I.1", "Hoàn thành báo cáo trước ngày 15 tháng 12/2025 để tổng hợp"),
        ("II", "TỔ CHỨC"),
        ("II.1", "Trách nhiệm của Sở Tư pháp"),
        ("II.2", "Sở Y tế"),
    ]


def test_a_procedures_list_numbered_on_through_its_parts_keeps_every_procedure() -> None:
    """A decision publishing administrative procedures: an appendix in "PHẦN I" / "PHẦN II", each in lettered parts
    ("A. … CẤP TỈNH", "B. … CẤP XÃ") and Roman fields, the procedures numbered 1, 2, 3 … on through the fields. Each
    procedure is a section with its own points ("3.d", not the points of 3 under field II and procedure 4 inside
    3's last point); the part's heading is no line of the appendix's title; the list's table keeps its header
    cell "Căn cứ pháp lý" (a ground's words) and its rows under a part of its own (a thirteenth unseen set's
    development document)."""
    appendix = (
        "PHỤ LỤC\nDANH MỤC THỦ TỤC HÀNH CHÍNH\n(Kèm theo Quyết định số 27/QĐ-UBND)\nPHẦN I. DANH MỤC THỦ\nTỤC\n"
        "A. THỦ TỤC CẤP TỈNH\nSTT\nTên thủ tục\nThời hạn\nCăn cứ pháp lý\nI\nLĩnh vực Giáo dục trung học\n1\n"
        "Chuyển trường\n03 ngày\nThông tư số 50/2021/TT-BGDĐT\nII\nLĩnh vực Giáo dục thường xuyên\n2\n"
        "Cho phép trung tâm hoạt động\n15 ngày\nNghị định số 125/2024/NĐ-CP\n3\nCho phép hoạt động trở lại\n10 ngày\n"
        "Nghị định số 125/2024/NĐ-CP\nB. THỦ TỤC CẤP XÃ\nSTT\nTên thủ tục\nThời hạn\nCăn cứ pháp lý\nI\n"
        "Lĩnh vực Giáo dục mầm non\n4\nCho phép trường mầm non hoạt động\n15 ngày\nNghị định số 125/2024/NĐ-CP\n"
        "PHẦN II. NỘI DUNG\nA. THỦ TỤC CẤP TỈNH\nI. LĨNH VỰC GIÁO DỤC TRUNG HỌC\n1. Thủ tục chuyển trường\n"
        "a) Trình tự thực hiện: nộp hồ sơ.\nb) Thời hạn giải quyết: 03 ngày.\nII. LĨNH VỰC GIÁO DỤC THƯỜNG XUYÊN\n"
        "2. Thủ tục cho phép trung tâm hoạt động\na) Trình tự thực hiện: gửi hồ sơ.\nb) Thời hạn giải quyết: 15 ngày.\n"
        "3. Thủ tục cho phép hoạt động trở lại\na) Trình tự thực hiện: gửi báo cáo khắc phục.\n"
        "b) Thời hạn giải quyết: 10 ngày.\nB. THỦ TỤC CẤP XÃ\nI. LĨNH VỰC GIÁO DỤC MẦM NON\n"
        "4. Thủ tục cho phép trường mầm non hoạt động\na) Trình tự thực hiện: nộp hồ sơ.\n"
        "b) Thời hạn giải quyết: 15 ngày.\n"
    )
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 27/QĐ-UBND\nAn Giang, ngày 3 tháng 4 năm 2025\nQUYẾT ĐỊNH\n"
        "Công bố danh mục thủ tục hành chính\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Công bố danh mục thủ tục kèm theo.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n" + appendix
    )
    doc = build_document("qd-27", text)
    ids = [s.id for s in doc.sections]
    assert ids == [
        "Điều 1",
        "Điều 2",
        "Phụ lục",
        "Phụ lục.Phần I",
        "Phụ lục.Phần I.A",
        "Phụ lục.Phần I.A.I",
        "Phụ lục.Phần I.A.II",
        "Phụ lục.Phần I.B",
        "Phụ lục.Phần I.B.I",
        "Phụ lục.Phần II",
        "Phụ lục.Phần II.A",
        "Phụ lục.Phần II.A.I",
        "Phụ lục.Phần II.A.I.1",
        "Phụ lục.Phần II.A.I.1.a",
        "Phụ lục.Phần II.A.I.1.b",
        "Phụ lục.Phần II.A.II",
        "Phụ lục.Phần II.A.II.2",
        "Phụ lục.Phần II.A.II.2.a",
        "Phụ lục.Phần II.A.II.2.b",
        "Phụ lục.Phần II.A.II.3",
        "Phụ lục.Phần II.A.II.3.a",
        "Phụ lục.Phần II.A.II.3.b",
        "Phụ lục.Phần II.B",
        "Phụ lục.Phần II.B.I",
        "Phụ lục.Phần II.B.I.4",
        "Phụ lục.Phần II.B.I.4.a",
        "Phụ lục.Phần II.B.I.4.b",
    ]
    assert doc.section_text("Phụ lục.Phần II.A.II.3.b", own=True).strip() == "b) Thời hạn giải quyết: 10 ngày."
    assert doc.section_text("Phụ lục.Phần I.A", own=True).strip().splitlines()[1:] == [
        "STT Tên thủ tục Thời hạn Căn cứ pháp lý"
    ]
    assert doc.section_text("Phụ lục.Phần I.B.I", own=True).strip().splitlines() == [
        "I",
        "Lĩnh vực Giáo dục mầm non",
        "4 Cho phép trường mầm non hoạt động 15 ngày Nghị định số 125/2024/NĐ-CP",
    ]


def test_an_item_cut_inside_a_name_the_document_writes_whole_is_one_line() -> None:
    """ "c) Phối hợp với Thư viện thành phố" / "Đà Nẵng tổ chức xe thư viện …" in a text wrapped at 80 characters:
    the item's first line ends inside a name the document writes unbroken elsewhere ("thành phố Đà Nẵng"), so the
    next line goes on with it, not a body under a heading cut short (a thirteenth unseen set's development
    document)."""
    path = REPO / "evals" / "unseen13" / "docs" / "da-263-ubnd-danang-2025.txt"
    doc = build_document(path.stem, path.read_text(encoding="utf-8"))
    assert doc.section("Phần III.6.c").heading.startswith("Phối hợp với Thư viện thành phố Đà Nẵng tổ chức")
    assert doc.section_text("Phần III.6.c", own=True).strip().splitlines() == [
        "c) Phối hợp với Thư viện thành phố Đà Nẵng tổ chức xe thư viện lưu động phục vụ học sinh các xã miền núi,"
        " vùng khó khăn, tối thiểu 40 lượt/năm."
    ]


def test_a_line_numbered_on_in_lower_case_under_the_next_part_is_text_not_an_item() -> None:
    """Items numbered on through parts are headings ("3. Thủ tục …"); a sentence that happens to open with the next
    number under the next part ("4. tháng 9 tổ chức khai giảng; …") is text, and the part's own list "1.", "2."
    keeps its items (a review's finding)."""
    text = (
        HEAD + "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng.\n2. Yêu cầu\nBám sát nhiệm vụ.\n3. Chỉ tiêu\n"
        "Tỷ lệ lên lớp 99%.\nII. NHIỆM VỤ\nNăm học này tiếp tục các nhiệm vụ sau:\n"
        "4. tháng 9 tổ chức khai giảng; tháng 10 kiểm tra nề nếp.\n1. Nâng cao chất lượng dạy học\nĐổi mới phương pháp.\n"
        "2. Phát triển đội ngũ\nBồi dưỡng thường xuyên.\n"
    )
    assert _ids(text) == ["I", "I.1", "I.2", "I.3", "II", "II.1", "II.2"]


def test_a_contests_rules_are_a_the_le_of_the_body_over_its_board() -> None:
    """ "THỂ LỆ" under a Sở's masthead, signed "TM. BAN TỔ CHỨC": a Thể lệ (by its title line: "TL" in a number is
    as often an office's code, "7436/BNV-TL"); the board signing issues it, the Sở over it manages it."""
    text = (
        "UBND TỈNH CÀ MAU\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 08/TL-SNNMT\nCà Mau, ngày 16 tháng 3 năm 2026\nTHỂ LỆ\n"
        "CUỘC THI ẢNH VỀ RỪNG NĂM 2026\nCăn cứ Luật Lâm nghiệp số 16/2017/QH14 ngày 15 tháng 11 năm 2017;\n"
        "Ban Tổ chức Cuộc thi ban hành Thể lệ Cuộc thi như sau:\nĐiều 1. Đối tượng dự thi\nHọc sinh trong tỉnh.\n"
        "Điều 2. Giải thưởng\n01 giải Nhất.\nTM. BAN TỔ CHỨC\nTRƯỞNG BAN\nNguyễn Văn A\n"
    )
    doc = build_document("tl-08", text)
    assert (doc.doc_type, doc.number, doc.title) == ("Thể lệ", "08/TL-SNNMT", "CUỘC THI ẢNH VỀ RỪNG NĂM 2026")
    assert (doc.issuer, doc.managing_body) == ("Ban Tổ chức", "Sở Nông nghiệp và Môi trường")
