"""The legal-basis registry: canonical ids, exact sets per plan, merged variants, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.legal_ids import canonical_id, id_key
from core.types import Document
from ingest.legal import build_registry, cased_title
from ingest.pipeline import build_document
from tests.conftest import CORPUS

EXPECTED_BASES = {
    "kh-08-cdcd-soctrang-2026": {"07/CT-BCA-V28", "124/2021/TT-BCA", "510/QĐ-BCA-V05", "05-CT/TW"},
    "kh-cdlc-laocai-2026": {"2447/QĐ-TTg", "195/KH-UBND", "124/2021/TT-BCA"},
    "kh-pgddt-camranh-2023": {
        "846/KH-SGDĐT", "44-KL/TW", "09-CT/TW", "03/CT-BCA-V28", "04/CT-BCA-V28", "07/CT-BCA-V28",
        "124/2021/TT-BCA", "984/QCPH-PGDĐT-CATP",
    },
    "kh-pgddt-mytu-2025": {
        "09-CT/TW", "11-CTr/TU", "34/KH-UBND", "124/2021/TT-BCA", "510/QĐ-BCA-V05", "870/KH-SGDĐT", "46-CT/TW",
        "12-CT/TU", "03/CTr-BCA-V05", "03/QCPH/CAT-SGDĐT", "578/SGDĐT-GDTrH", "06/2015/TTLT-BGDĐT-BCA",
    },
    "kh-ubnd-kienhai-2026": {"1156/KH-SGDĐT"},
}  # fmt: skip
PREAMBLE_BASES = {
    "kh-08-cdcd-soctrang-2026": {"07/CT-BCA-V28", "124/2021/TT-BCA"},
    "kh-cdlc-laocai-2026": {"2447/QĐ-TTg", "195/KH-UBND", "124/2021/TT-BCA"},
    "kh-pgddt-camranh-2023": {"846/KH-SGDĐT"},
    "kh-pgddt-mytu-2025": {"09-CT/TW", "11-CTr/TU", "34/KH-UBND", "124/2021/TT-BCA", "510/QĐ-BCA-V05", "870/KH-SGDĐT"},
    "kh-ubnd-kienhai-2026": {"1156/KH-SGDĐT"},
}


@pytest.fixture(scope="module")
def docs():
    return {p.stem: build_document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="module")
def registry(docs):
    return {e.id: e for e in build_registry(docs.values())}


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("124/2021/TT-BCA", "124/2021/TT-BCA"),
        ("09/CT-TW", "09-CT/TW"),
        ("05/CT/TW", "05-CT/TW"),
        ("12/CT-TU", "12-CT/TU"),
        ("11-CTr/TU", "11-CTr/TU"),
        ("44-KL/TW", "44-KL/TW"),
        ("06/2015/TTLT/ BGDĐT-BCA", "06/2015/TTLT-BGDĐT-BCA"),
        ("510/QĐ-BCA-V05", "510/QĐ-BCA-V05"),
        ("2447/QĐ-TTg", "2447/QĐ-TTg"),
        # a youth union's, a Party committee's office: numbered as the Party's, kept so ("14/CTr-TWĐTN-PTTN" was none)
        ("14-CTr/TWĐTN-PTTN", "14-CTr/TWĐTN-PTTN"),
        ("31-KH/HSV", "31-KH/HSV"),
        ("38-HD/BTCTW", "38-HD/BTCTW"),
    ],
)
def test_canonical_ids(printed: str, canonical: str) -> None:
    assert canonical_id(printed) == canonical
    assert id_key(printed) == id_key(canonical)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_BASES))
def test_legal_basis_set_per_plan(docs, doc_id: str) -> None:
    doc = docs[doc_id]
    assert {c.id for c in doc.citations} == EXPECTED_BASES[doc_id]
    assert {c.id for c in doc.citations if c.section == "preamble"} == PREAMBLE_BASES[doc_id]


def test_variants_merge_into_one_entry(registry) -> None:
    assert registry["09-CT/TW"].variants == ["09-CT/TW", "09/CT-TW"]
    assert registry["05-CT/TW"].variants == ["05/CT/TW"]
    assert registry["12-CT/TU"].variants == ["12/CT-TU"]
    assert registry["46-CT/TW"].variants == ["46/CT-TW"]
    assert registry["06/2015/TTLT-BGDĐT-BCA"].variants == ["06/2015/TTLT/ BGDĐT-BCA"]
    tt = registry["124/2021/TT-BCA"]
    assert sorted(tt.citing_docs) == [
        "kh-08-cdcd-soctrang-2026",
        "kh-cdlc-laocai-2026",
        "kh-pgddt-camranh-2023",
        "kh-pgddt-mytu-2025",
    ]
    assert (tt.type, tt.number, tt.year, tt.issuer_code, tt.issuer, tt.date) == (
        "Thông tư",
        "124",
        2021,
        "BCA",
        "Bộ Công an",
        "2021-12-28",
    )
    assert not tt.conflicts  # "Bộ trưởng Bộ Công an" and "Bộ Công an" are the same issuer


def test_date_conflict_of_chi_thi_09(registry) -> None:
    entry = registry["09-CT/TW"]
    assert entry.date == "2011-12-01"
    assert len(entry.conflicts) == 1
    conflict = entry.conflicts[0]
    assert conflict.field == "date"
    values = {v.value: {(c.doc_id, c.section) for c in v.cited_by} for v in conflict.values}
    assert values == {
        "2011-12-01": {
            ("kh-pgddt-camranh-2023", "II.1"),
            ("kh-pgddt-mytu-2025", "preamble"),
            ("kh-pgddt-mytu-2025", "II.1"),
        },
        "2012-12-01": {("kh-pgddt-mytu-2025", "preamble")},
    }
    assert [e.id for e in registry.values() if e.conflicts] == ["09-CT/TW"]


def test_a_numbers_own_year_gives_its_date_over_a_date_of_another_year() -> None:
    """ "163/2024/QH15" was passed in 2024: the date of that year is the entry's, though more lines give a date of
    2025 (a typing slip), and the disagreement is still pointed out."""
    text = """ỦY BAN NHÂN DÂN
THÀNH PHỐ BÌNH AN
Số: 70/KH-UBND
Bình An, ngày 02 tháng 4 năm 2026

KẾ HOẠCH
Phòng, chống ma túy năm 2026

Căn cứ Nghị quyết số 163/2024/QH15 ngày 27/11/2025 của Quốc hội;
Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:

I. MỤC ĐÍCH
1. Triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2025 của Quốc hội.
2. Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư Chương trình.
"""
    entry = {e.id: e for e in build_registry([build_document("kh-70-ubnd-binhan-2026", text)])}["163/2024/QH15"]
    assert entry.date == "2024-11-27"
    assert entry.citation.startswith("Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội")
    assert [v.value for v in entry.conflicts[0].values] == ["2024-11-27", "2025-11-27"]


def test_citation_strings_are_ready_to_paste(registry) -> None:
    assert registry["124/2021/TT-BCA"].citation == (
        "Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an quy định về khu dân cư, xã, phường, thị trấn, "
        "cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”"
    )
    assert registry["46-CT/TW"].citation == (
        "Chỉ thị số 46-CT/TW ngày 22/06/2015 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác "
        "bảo đảm an ninh, trật tự trong tình hình mới"
    )
    assert registry["11-CTr/TU"].citation == "Chương trình hành động số 11-CTr/TU ngày 06/02/2012 của Tỉnh ủy Sóc Trăng"


def _citations(kind: str, number: str, body: str) -> dict[str, str]:
    """The registry's citation strings of what one document of province Z cites in ``body``."""
    text = f"ỦY BAN NHÂN DÂN\nTỈNH Z\nSố: {number}\nZ, ngày 01 tháng 10 năm 2025\n\n{kind}\nVề số\n\n{body}"
    return {e.id: e.citation for e in build_registry([build_document("z-1", text)])}


def test_a_citations_title_ends_before_what_the_citing_text_calls_it() -> None:
    """ "Căn cứ Nghị quyết số 57-NQ/TW … về đột phá … quốc gia (sau đây gọi tắt là Nghị quyết số 57-NQ/TW);": the
    parenthesis is the plan's own short name for it, not the resolution's title, so a drafter's citation string
    ends before it, and before what follows it ("… (sau đây gọi tắt là …) và tình hình thực tế …")."""
    citations = _citations(
        "KẾ HOẠCH",
        "1/KH-UBND",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ "
        "(sau đây gọi tắt là Nghị quyết số 57-NQ/TW);\nCăn cứ Nghị quyết số 48/NQ-CP ngày 03/04/2023 của Chính "
        "phủ về việc phê duyệt Chiến lược biển (sau đây viết tắt là Nghị quyết số 48/NQ-CP) và tình hình thực tế "
        "trên địa bàn tỉnh, UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC TIÊU\n1. Phát triển.\n",
    )
    assert citations == {
        "57-NQ/TW": "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ",
        "48/NQ-CP": "Nghị quyết số 48/NQ-CP ngày 03/04/2023 của Chính phủ về việc phê duyệt Chiến lược biển",
    }


def test_a_decision_cited_for_the_rules_it_issued_is_named_by_them() -> None:
    """ "Căn cứ Quy chế làm việc của Ủy ban nhân dân xã … ban hành kèm theo Quyết định số 12/QĐ-UBND …;": the decision
    is cited for the rules it issued, so its citation string names them (it read "Quyết định số 12/QĐ-UBND ngày … của
    Ủy ban nhân dân xã", the rules lost); a task's "… theo mẫu ban hành kèm theo Quyết định số …" names no text."""
    citations = _citations(
        "KẾ HOẠCH",
        "3/KH-UBND",
        "Căn cứ Quy chế làm việc của Ủy ban nhân dân xã Hòa An ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 04 "
        "tháng 7 năm 2025 của Ủy ban nhân dân xã;\nỦy ban nhân dân xã ban hành Kế hoạch như sau:\n\nI. NHIỆM VỤ\n"
        "1. Các trường ghi sổ kiểm thực theo mẫu ban hành kèm theo Quyết định số 1246/QĐ-BYT của Bộ Y tế.\n",
    )
    assert citations == {
        "12/QĐ-UBND": "Quyết định số 12/QĐ-UBND ngày 04/07/2025 của Ủy ban nhân dân xã ban hành Quy chế làm việc của "
        "Ủy ban nhân dân xã Hòa An",
        "1246/QĐ-BYT": "Quyết định số 1246/QĐ-BYT của Bộ Y tế",
    }
    # a name holding a number is an article of the text or another ground: no title
    citations = _citations(
        "QUYẾT ĐỊNH",
        "4/QĐ-UBND",
        "Căn cứ Điều 12 Quy chế làm việc của Ủy ban nhân dân xã ban hành kèm theo Quyết định số 19/QĐ-UBND ngày 05 "
        "tháng 7 năm 2025 của Ủy ban nhân dân xã;\nCăn cứ Nghị định số 24/2014/NĐ-CP ngày 04/4/2014 của Chính phủ, "
        "Quy chế phối hợp ban hành kèm theo Quyết định số 30/QĐ-UBND ngày 01/8/2025 của Ủy ban nhân dân xã;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\n",
    )
    assert citations["19/QĐ-UBND"] == "Quyết định số 19/QĐ-UBND ngày 05/07/2025 của Ủy ban nhân dân xã"
    assert citations["30/QĐ-UBND"] == "Quyết định số 30/QĐ-UBND ngày 01/08/2025 của Ủy ban nhân dân xã"


def test_a_citations_title_and_issuer_end_where_the_citing_sentence_goes_on() -> None:
    """What the citing text says after a cited document is not its title or its body: "… hết hiệu lực kể từ ngày
    …" (it is repealed), a figure ("… của Chính phủ khoảng 21 tỷ đồng"), "… thì chỉ được hưởng …", the next line."""
    citations = _citations(
        "QUYẾT ĐỊNH",
        "2/2025/QĐ-UBND",
        "Điều 1. Quyết định số 78/2016/QĐ-UBND ngày 21/12/2016 của Ủy ban nhân dân tỉnh Z quy định mức hỗ trợ nấu ăn "
        "hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.\n"
        "Điều 2. Kinh phí thực hiện Nghị định số 87/2025/NĐ-CP ngày 11/04/2025 của Chính phủ khoảng 21 tỷ đồng.\n"
        "Điều 3. Theo Thông tư số 53/2024/TT-BGTVT của Bộ Giao thông vận tải quy định về phân loại phương tiện:\n"
        "“Xe cơ giới thân thiện môi trường là …”\n",
    )
    assert citations == {
        "78/2016/QĐ-UBND": "Quyết định số 78/2016/QĐ-UBND ngày 21/12/2016 của Ủy ban nhân dân tỉnh Z quy định mức hỗ trợ "
        "nấu ăn",
        "87/2025/NĐ-CP": "Nghị định số 87/2025/NĐ-CP ngày 11/04/2025 của Chính phủ",
        "53/2024/TT-BGTVT": "Thông tư số 53/2024/TT-BGTVT của Bộ Giao thông vận tải quy định về phân loại phương tiện",
    }


def test_each_number_one_kind_word_introduces_is_a_ground_with_the_runs_date() -> None:
    """ "Căn cứ các Thông tư số 11/2019/TT-BGDĐT, số 12/2019/TT-BGDĐT ngày 26 tháng 8 năm 2019 …": two grounds, not
    the first alone, each dated as the run is; a drafter pasting the grounds needs both."""
    citations = _citations(
        "KẾ HOẠCH",
        "3/KH-SGDĐT",
        "Căn cứ các Thông\ntư số 11/2019/TT-BGDĐT, số 12/2019/TT-BGDĐT ngày 26 tháng 8 năm 2019 và\ncác Thông tư số "
        "17/2019/TT-BGDĐT và 18/2019/TT-BGDĐT ngày 01 tháng 11 năm\n2019 của Bộ trưởng Bộ Giáo dục và Đào tạo ban "
        "hành Chương trình bồi dưỡng;\n\nI. MỤC ĐÍCH\n1. Bồi dưỡng.\n",
    )
    assert citations == {
        "11/2019/TT-BGDĐT": "Thông tư số 11/2019/TT-BGDĐT ngày 26/08/2019",
        "12/2019/TT-BGDĐT": "Thông tư số 12/2019/TT-BGDĐT ngày 26/08/2019",
        "17/2019/TT-BGDĐT": "Thông tư số 17/2019/TT-BGDĐT ngày 01/11/2019 của Bộ Giáo dục và Đào tạo ban hành "
        "Chương trình bồi dưỡng",
        "18/2019/TT-BGDĐT": "Thông tư số 18/2019/TT-BGDĐT ngày 01/11/2019 của Bộ Giáo dục và Đào tạo ban hành "
        "Chương trình bồi dưỡng",
    }


def test_a_kind_named_with_words_more_is_a_ground_when_its_number_is_coded_of_that_kind() -> None:
    """ "Căn cứ Quy chế làm việc số 02-QC/ĐU …", "Kế hoạch hành động số 469-KH/TU …": the rules and the plan are
    grounds; "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW" cites the resolution, not a plan numbered 57."""
    citations = _citations(
        "CHƯƠNG TRÌNH",
        "05-CTr/ĐU",
        "- Căn cứ Quy chế làm việc số 02-QC/ĐU ngày 25/9/2025 của Ban Chấp hành Đảng bộ xã;\n- Căn cứ Kế hoạch hành "
        "động số 469-KH/TU ngày 16/5/2025 của Tỉnh ủy;\n- Căn cứ Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày "
        "22/12/2024 của Bộ Chính trị;\n\nI. NHIỆM VỤ\n1. Lãnh đạo.\n",
    )
    assert sorted(citations) == ["02-QC/ĐU", "469-KH/TU", "57-NQ/TW"]
    assert citations["02-QC/ĐU"].startswith("Quy chế số 02-QC/ĐU ngày 25/09/2025")


def test_a_run_of_numbers_holds_those_of_its_kind_and_no_earlier_date() -> None:
    """A number of another kind after a comma is no text of the kind word ("Quyết định số 15/QĐ-UBND, 20/KH-UBND"),
    and a number of a run is not dated by a date earlier than its own year."""
    citations = _citations(
        "KẾ HOẠCH",
        "4/KH-UBND",
        "Căn cứ Quyết định số 15/QĐ-UBND, 20/KH-UBND ngày 10/01/2025 của UBND tỉnh;\nCăn cứ các Nghị định số "
        "24/2021/NĐ-CP, số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;\n\nI. MỤC ĐÍCH\n1. Thực hiện.\n",
    )
    assert sorted(citations) == ["13/2023/NĐ-CP", "15/QĐ-UBND", "24/2021/NĐ-CP"]
    assert citations["24/2021/NĐ-CP"] == "Nghị định số 24/2021/NĐ-CP của Chính phủ"
    assert citations["13/2023/NĐ-CP"].startswith("Nghị định số 13/2023/NĐ-CP ngày 17/04/2023")


def test_a_joint_plans_numbers_in_its_header_are_its_own_not_grounds() -> None:
    """A joint plan heads one "Số: …" line per issuer and names both when it says what an appendix goes with: it
    cites neither."""
    text = (
        "SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 317/KH-SYT\nSố: 2846/KH-SGDĐT\nZ, ngày 19 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH LIÊN NGÀNH\nTiêm chủng\n\nCăn cứ Thông tư số 1/2025/TT-BYT ngày 02/01/2025 của Bộ Y tế;\n\n"
        "I. MỤC ĐÍCH\n1. Tiêm chủng.\n\nPhụ lục I\n(Kèm theo Kế hoạch số 317/KH-SYT, số 2846/KH-SGDĐT ngày "
        "19/9/2025)\n1. Danh sách.\n"
    )
    assert [e.id for e in build_registry([build_document("z-2", text)])] == ["1/2025/TT-BYT"]


def test_a_cited_documents_title_is_the_one_most_citers_give() -> None:
    """Two plans cite 57-NQ/TW by its title; a third runs its own words on after it ("… trên địa bàn tỉnh Z", in a
    programme carrying it out) and closes with the end mark: the registry keeps the title the two give."""

    def plan(n: int, tail: str) -> Document:
        return build_document(
            f"kh-{n}-z",
            f"ỦY BAN NHÂN DÂN\nTỈNH Z\nSố: {n}/KH-UBND\nZ, ngày 01 tháng 10 năm 2025\n\nKẾ HOẠCH\nVề số\n\n"
            f"I. NHIỆM VỤ\n1. Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
            f"triển khoa học, công nghệ{tail}\n",
        )

    entry = build_registry([plan(1, "."), plan(2, ";"), plan(3, " trên địa bàn tỉnh Z./")])[0]
    assert entry.citation == (
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ"
    )
    assert build_registry([plan(3, " trên địa bàn tỉnh Z./")])[0].title.endswith("trên địa bàn tỉnh Z")


@pytest.mark.parametrize(
    ("title", "text", "cased"),
    [
        (  # as the text writes the words mid-sentence; a kind of document and a statute's first word capitalised
            "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT BẢO VỆ DỮ LIỆU CÁ NHÂN",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân.",
            "ban hành Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân",
        ),
        (  # a place written capitalised in the text; not the sentence's first word "Chuyển"
            "VỀ VIỆC CHUYỂN TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI",
            "Điều 1. Chuyển Trường Đại học Công nghiệp Hà Nội thành đại học. Việc chuyển Trường Đại học Công nghiệp Hà "
            "Nội …",
            "về việc chuyển Trường Đại học Công nghiệp Hà Nội",
        ),
        (
            "PHÁT TRIỂN GIAI ĐOẠN 2021 - 2025",
            "GIAI ĐOẠN 2021 - 2025\nphát triển giai đoạn 2021",
            "phát triển giai đoạn 2021 - 2025",
        ),
        ("CÔNG CHỨC VÀ CÁN BỘ", "về công chức. Và cán bộ thì", "công chức và cán bộ"),  # "Và" opens a sentence
        ("VỀ VIỆC THI HÀNH PHÁP LUẬT VỀ ĐẤT ĐAI", "", "về việc thi hành pháp luật về đất đai"),  # "pháp luật": no law
        ("Quy định chế độ làm việc", "", "Quy định chế độ làm việc"),  # not in capitals: as written
    ],
)
def test_a_title_in_capitals_is_cased_as_a_citation_writes_it(title: str, text: str, cased: str) -> None:
    assert cased_title(title, text) == cased


def test_directive_bases_and_link_to_corpus(docs, tt124_path: Path) -> None:
    tt = build_document(tt124_path.stem, tt124_path.read_text(encoding="utf-8"))
    assert {c.id for c in tt.citations} == {
        "01/2018/NĐ-CP",
        "23/2012/TT-BCA",
        "Luật Ban hành văn bản quy phạm pháp luật 2015",
        "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật 2020",
        "Luật Công an nhân dân 2018",
    }
    entries = {e.id: e for e in build_registry([*docs.values(), tt])}
    assert entries["124/2021/TT-BCA"].doc_id == "tt-124-2021-bca"
    assert entries["23/2012/TT-BCA"].cited_by[0].section == "Điều 11"


def test_a_cited_plan_of_another_year_is_not_the_stored_plan_of_its_number() -> None:
    """ "Kế hoạch số 310/KH-UBND ngày 21/08/2024 của UBND tỉnh" cited by one province's plan is not the stored plan
    310/KH-UBND of 2025 of another body (numbers without a year repeat): the entry links to no stored document;
    cited with the stored plan's year, it does."""
    held = build_document(
        "kh-310-x",
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ X\nSố: 310/KH-UBND\nX, ngày 05 tháng 9 năm 2025\n\nKẾ HOẠCH\nVề hạ tầng số\n\nI. MỤC TIÊU\n1. Phát triển hạ tầng số.\n",
    )
    other = build_document(
        "kh-556-y",
        "ỦY BAN NHÂN DÂN\nTỈNH Y\nSố: 556/KH-UBND\nY, ngày 01 tháng 10 năm 2025\n\nKẾ HOẠCH\nVề thủy sản\n\n"
        "I. NHIỆM VỤ\n1. Tiếp tục triển khai Kế hoạch số 310/KH-UBND ngày 21/08/2024 của Ủy ban nhân dân tỉnh.\n",
    )
    assert held.date and held.date.startswith("2025")
    entry = next(e for e in build_registry([held, other]) if e.number == "310")
    assert entry.doc_id is None and entry.citing_docs == ["kh-556-y"]
    same_year = build_document(
        "kh-600-y",
        "ỦY BAN NHÂN DÂN\nTỈNH Y\nSố: 600/KH-UBND\nY, ngày 01 tháng 10 năm 2025\n\nKẾ HOẠCH\nVề số\n\n"
        "I. NHIỆM VỤ\n1. Triển khai Kế hoạch số 310/KH-UBND ngày 05/9/2025 của Ủy ban nhân dân thành phố X.\n",
    )
    assert next(e for e in build_registry([held, same_year]) if e.number == "310").doc_id == "kh-310-x"


def test_the_issuer_naming_a_plan_does_not_filter_its_grounds() -> None:
    """ "Kế hoạch … của UBND thành phố Hà Nội … thực hiện những văn bản nào?": the issuer names the plan, so a
    ground the plan's own body issued ("UBND Thành phố", as the plan calls itself) does not become the only one
    asked for; a body the question names as the grounds' issuer still filters."""
    from core.types import LegalBasis
    from retrieval.answers.question import parse
    from retrieval.answers.registry import asked_for

    def entry(eid: str, issuer: str) -> LegalBasis:
        return LegalBasis(
            id=eid,
            type="Quyết định",
            number=eid.split("/")[0],
            issuer=issuer,
            citation=eid,
            variants=[eid],
            cited_by=[],
        )

    entries = [entry("214/NQ-CP", "Chính phủ"), entry("1229/QĐ-UBND", "UBND Thành phố")]
    own = ("Ủy ban nhân dân thành phố Hà Nội",)
    q = parse("Kế hoạch 308/KH-UBND của UBND thành phố Hà Nội được ban hành để thực hiện những văn bản nào?")
    assert [e.id for e in asked_for(q, entries, own)] == ["214/NQ-CP", "1229/QĐ-UBND"]
    q = parse("Kế hoạch 308/KH-UBND của Hà Nội căn cứ những văn bản nào của Chính phủ?")
    assert [e.id for e in asked_for(q, entries, own)] == ["214/NQ-CP"]


def test_a_ground_cited_without_its_issuer_is_of_the_body_its_number_codes() -> None:
    """ "… căn cứ thông tư nào của Bộ Nội vụ": a circular the preamble names only as amending another ("…, được
    sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BNV ngày …;") is the Ministry's too, by the code its number
    shares with the Ministry's other circular; a text of another code, issuer unknown, is not."""
    from retrieval.answers.question import parse
    from retrieval.answers.registry import asked_for, own_bodies

    doc = build_document(
        "hd-12-x",
        "SỞ NỘI VỤ\nTỈNH X\nSố: 12/HD-SNV\nX, ngày 01 tháng 12 năm 2025\n\nHƯỚNG DẪN\nXét nâng bậc lương\n\n"
        "Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14 tháng 12 năm 2004 của Chính phủ về chế độ tiền lương;\n"
        "Căn cứ Thông tư số 08/2013/TT-BNV ngày 31 tháng 7 năm 2013 của Bộ trưởng Bộ Nội vụ hướng dẫn thực hiện\n"
        "chế độ nâng bậc lương, được sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BNV ngày 29 tháng 6 năm 2021;\n"
        "Căn cứ Thông tư số 05/2020/TT-BTC ngày 02 tháng 3 năm 2020;\n\n"
        "I. NỘI DUNG\n1. Đối tượng xét nâng bậc lương.\n",
    )
    entries = build_registry([doc])
    q = parse("hd 12 sở nội vụ căn cứ thông tư nào của bộ nội vụ")
    assert sorted(e.id for e in asked_for(q, entries, own_bodies(doc, q))) == ["03/2021/TT-BNV", "08/2013/TT-BNV"]
    # a code two bodies' texts carry ("TW": the Politburo's and the Secretariat's) says not whose an unnamed one is
    party = build_document(
        "kh-20-x",
        "ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 20/KH-UBND\nX, ngày 01 tháng 12 năm 2025\n\nKẾ HOẠCH\nVề chuyển đổi số\n\n"
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về chuyển đổi số;\n"
        "Căn cứ Kết luận số 12-KL/TW ngày 05 tháng 3 năm 2025 của Ban Bí thư về chuyển đổi số;\n"
        "Căn cứ Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025;\n\n"
        "I. MỤC ĐÍCH\n1. Triển khai chuyển đổi số.\n",
    )
    q = parse("kh 20 căn cứ văn bản nào của bộ chính trị")
    assert [e.id for e in asked_for(q, build_registry([party]), own_bodies(party, q))] == ["57-NQ/TW"]


def test_a_letter_cited_as_van_ban_is_a_ground_of_the_kind_its_number_codes() -> None:
    """ "Căn cứ Văn bản số 1582/UBND-KT ngày 12/11/2025 của Ủy ban nhân dân tỉnh về việc …": a text cited by the
    general word is one of the grounds (it was left out of the registry), of the kind its number codes: a letter
    when it codes none, a plan for "…/KH-UBND"."""
    doc = build_document(
        "bc-12-x",
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nTỈNH X\nSố: 12/BC-SNNMT\nX, ngày 01 tháng 12 năm 2025\n\nBÁO CÁO\n"
        "Tổng kết Chương trình năm 2025\n\n"
        "Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ;\n"
        "Căn cứ Văn bản số 1582/UBND-KT ngày 12/11/2025 của Ủy ban nhân dân tỉnh về việc tổng kết Chương trình;\n"
        "Căn cứ văn bản số 412/KH-UBND ngày 08/12/2025 của Ủy ban nhân dân tỉnh;\n\n"
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Đã công nhận 72 sản phẩm.\n",
    )
    entries = {e.id: e for e in build_registry([doc])}
    assert sorted(entries) == ["148/QĐ-TTg", "1582/UBND-KT", "412/KH-UBND"]
    assert entries["1582/UBND-KT"].citation.startswith("Công văn số 1582/UBND-KT ngày 12/11/2025 của Ủy ban nhân")
    assert entries["412/KH-UBND"].type == "Kế hoạch"


def test_the_managing_body_names_the_document_unless_the_question_asks_its_grounds() -> None:
    """A Sở's plan under "UBND TỈNH X": "… của Sở GDĐT căn cứ văn bản nào của UBND tỉnh?" asks the province's
    texts only; the managing body named as the document's own ("… của UBND tỉnh X, Sở GDĐT …") filters nothing."""
    from retrieval.answers.question import parse
    from retrieval.answers.registry import asked_for, own_bodies

    doc = build_document(
        "kh-15-sgddt-x",
        "UBND TỈNH X\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 15/KH-SGDĐT\nX, ngày 01 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
        "Kiểm tra đầu năm học\n\n"
        "Căn cứ Quyết định số 2045/QĐ-BGDĐT ngày 31 tháng 7 năm 2025 của Bộ Giáo dục và Đào tạo về khung kế hoạch;\n"
        "Căn cứ Quyết định số 1917/QĐ-UBND ngày 15 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh X về kế hoạch năm học;\n\n"
        "I. MỤC ĐÍCH\n1. Kiểm tra việc chuẩn bị năm học.\n",
    )
    assert doc.managing_body
    entries = build_registry([doc])
    q = parse("Kế hoạch 15/KH-SGDĐT của Sở GDĐT tỉnh X căn cứ văn bản nào của UBND tỉnh?")
    assert [e.id for e in asked_for(q, entries, own_bodies(doc, q))] == ["1917/QĐ-UBND"]
    q = parse("Kế hoạch kiểm tra đầu năm học của UBND tỉnh X, Sở GDĐT căn cứ những văn bản nào?")
    assert sorted(e.id for e in asked_for(q, entries, own_bodies(doc, q))) == ["1917/QĐ-UBND", "2045/QĐ-BGDĐT"]
