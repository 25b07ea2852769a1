"""Answers as a teacher or a drafter reads them: complete task lists, exact citations, refusals, legal bases."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evals.gold import load_gold
from retrieval.answer import REFUSAL
from retrieval.generate import check_markers
from tests.conftest import CORPUS, REPO, TT124, make_settings
from tests.fakes import FakeOpenAI

SOCTRANG_CTSV = [
    "Tham mưu cho Đảng ủy, Ban Giám hiệu nhà trường xây dựng kế hoạch và tổ chức thực hiện tốt công tác đảm bảo an ninh trật tự, công tác quản lý nội trú, ngoại trú cho học sinh sinh viên.",
    "Kiện toàn Ban Quản lý Ký túc xá, các đội tự quản. Thường xuyên duy trì và tổ chức hoạt động đảm bảo an ninh trật tự khu nội trú.",
    "Phối hợp với lực lượng Bảo vệ thực hiện tốt công tác bảo vệ an toàn về tính mạng và tài sản của Nhà trường và khu nội trú.",
]
LAOCAI_CTSV = [
    "Tham mưu xây dựng kế hoạch và tổ chức thực hiện tốt công tác bảo đảm an ninh, trật tự; quản lý học sinh, sinh viên nội trú, ngoại trú.",
    "Kiên toàn Ban Quản lý Ký túc xá, các đội tự quản. Thường xuyên duy trì và tổ chức hoạt động bảo đảm an ninh trật tự khu nội trú.",
    "Phối hợp với lực lượng Bảo vệ thực hiện tốt công tác bảo vệ an toàn về tính mạng và tài sản của Nhà trường và khu nội trú.",
    "Phối hợp chặt chẽ với công an địa phương để giải quyết các vụ việc phát sinh.",
]


def test_duties_of_a_unit_are_the_complete_list_grouped_by_plan(corpus_engine) -> None:
    ans = corpus_engine.ask("Phòng Công tác sinh viên phải làm gì?")
    assert ans.found
    assert [(c.n, c.doc_id, c.doc_number, c.section, c.heading) for c in ans.citations] == [
        (1, "kh-08-cdcd-soctrang-2026", "08/KH-CĐCĐ", "III.2", "Phòng Công tác sinh viên, sinh viên"),
        (2, "kh-cdlc-laocai-2026", "/KH-CDLC", "IV.2", "Phòng Công tác sinh viên và Quản lý chất lượng"),
    ]
    lines = ans.answer.split("\n")
    assert lines[0] == "Theo Kế hoạch 08/KH-CĐCĐ của Trường Cao đẳng Cộng đồng Sóc Trăng (Cần Thơ):"
    assert [f"- {t} [1]" for t in SOCTRANG_CTSV] == [ln for ln in lines if ln.endswith("[1]")]
    assert [f"- {t} [2]" for t in LAOCAI_CTSV] == [ln for ln in lines if ln.endswith("[2]")]
    assert "Theo Kế hoạch của Trường Cao đẳng Lào Cai, tháng 12/2025:" in lines


def test_unit_without_diacritics_or_with_an_abbreviation(corpus_engine) -> None:
    plain = corpus_engine.ask("phong cong tac sinh vien phai lam gi")
    assert [(c.doc_id, c.section) for c in plain.citations] == [
        ("kh-08-cdcd-soctrang-2026", "III.2"),
        ("kh-cdlc-laocai-2026", "IV.2"),
    ]
    abbr = corpus_engine.ask("P. CTSV trường CĐ Lào Cai phụ trách gì?")
    assert [(c.doc_id, c.section) for c in abbr.citations] == [("kh-cdlc-laocai-2026", "IV.2")]


def test_a_unit_gets_its_tasks_from_every_section_that_assigns_them(corpus_engine) -> None:
    ans = corpus_engine.ask("Văn phòng Trường Cao đẳng Lào Cai có trách nhiệm gì?")
    assert [(c.section, c.heading) for c in ans.citations] == [("IV.1", "Văn phòng"), ("V", "CHẾ ĐỘ BÁO CÁO")]
    assert "- Phân công lực lượng bảo vệ trực 24/24 giờ tại các cơ sở." in ans.answer
    assert "trước ngày 15/11/2026" in ans.answer


def test_every_quote_is_a_verbatim_substring_of_its_section(corpus_engine) -> None:
    indexed = {d.doc_id for d in corpus_engine.documents()}
    gold = [g for g in load_gold(REPO / "evals" / "gold.jsonl") if g.doc_ids <= indexed]
    cited = 0
    for g in gold:
        ans = corpus_engine.ask(g.question)
        for c in ans.citations:
            doc = corpus_engine.document(c.doc_id)
            assert c.quote and c.quote in doc.section_text(c.section), (g.id, c.section)
            cited += 1
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
        assert markers <= {c.n for c in ans.citations}, g.id
    assert cited > 150


@pytest.mark.parametrize(
    "question",
    [
        "Dự báo thời tiết Cần Thơ ngày mai thế nào?",
        "Cách nấu phở bò ngon?",
        "Học phí năm 2026 của Trường Cao đẳng Lào Cai là bao nhiêu?",
        "Xe buýt số mấy đi qua trường?",  # "số mấy" asks a document's number only of a document
        "Ai là chủ tịch nước Việt Nam?",  # a head is asked of a named document only
        "Có bao nhiêu vụ bạo lực học đường ở Kiên Hải năm 2025?",  # "100% cơ sở giáo dục" is not that number
        "Mức phạt vi phạm nội quy ký túc xá?",  # a sum of money, which no plan states
        "tien luong giao vien kien hai",
        "Camera giám sát giá bao nhiêu?",  # a price is a sum of money too
        "Trường Lào Cai có bao nhiêu sinh viên?",  # a census: "phấn đấu 100% … sinh viên" is a target, no count
        "Bao nhiêu vụ trộm cắp xảy ra ở trường Sóc Trăng năm 2025?",  # "05/CT-TW", "24/24h" count nothing
        "Phòng Công tác sinh viên Sóc Trăng ở tầng mấy?",  # the unit is all the plans know of the question
        "Ai là giám đốc Công an tỉnh Lào Cai?",  # the plans mention the role, they name no holder
        "gvcn lớp em là ai",  # nor a homeroom teacher
        "sv dc mang xe máy vào trường ko",  # "xe cộ" is traffic in the plans; a motorbike's rules are not there
        "ke hoach co quy dinh gio gioi nghiem ky tuc xa khong",  # "gioi" is "giới", not "giỏi"
        "Mua bình cứu hỏa ở đâu rẻ?",  # buying advice: the plans name no shop
        "Camera giám sát hiệu nào tốt?",  # nor a brand
        "Pháo hoa tết năm nay bắn ở đâu?",  # a fireworks show is not the "pháo nổ" the plans forbid
        "Giấy chứng nhận tốt nghiệp nhận ở đâu?",  # a diploma, not the "Giấy công nhận" of a safe school
        "Giáo viên giỏi cấp tỉnh năm 2025 là ai?",  # a title and its holders, which no plan lists
        "Xe cộ đậu ở đâu khi đi họp phụ huynh?",  # parking: "xe cộ" alone is not the plans' traffic rules
        "Đánh bạc bị phạt bao nhiêu năm tù?",  # a prison term, which no plan states
        "Gác cổng trường Lào Cai mấy giờ đóng cửa?",  # a closing time: "trực 24/24 giờ" is none
        "dem nay troi co mua khong",  # a bare "đêm" is no night watch ("ban đêm", "trực đêm" are)
        "",
    ],
)
def test_out_of_scope_is_refused_plainly(corpus_engine, question: str) -> None:
    ans = corpus_engine.ask(question)
    assert not ans.found
    assert ans.citations == [] and ans.legal_bases == []
    assert ans.answer.startswith(REFUSAL)
    assert "Các văn bản hiện có:" in ans.answer or not question


def test_legal_bases_of_a_plan_are_ready_to_paste(corpus_engine) -> None:
    ans = corpus_engine.ask("Kế hoạch 08/KH-CĐCĐ căn cứ những văn bản nào?")
    assert [b.id for b in ans.legal_bases] == ["07/CT-BCA-V28", "124/2021/TT-BCA"]
    assert [(c.doc_id, c.section) for c in ans.citations] == [("kh-08-cdcd-soctrang-2026", "preamble")]
    assert (
        "Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an quy định về khu dân cư, xã, phường, thị trấn, "
        "cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự” [1]"
    ) in ans.answer


def test_a_named_kind_from_a_named_body_is_a_plan_basis(corpus_engine) -> None:
    # "Sở GDĐT Sóc Trăng" names the cited plan's issuer, not the Sóc Trăng college's plan
    ans = corpus_engine.ask("Phòng GDĐT Mỹ Tú căn cứ kế hoạch nào của Sở GDĐT Sóc Trăng?")
    assert [b.id for b in ans.legal_bases] == ["870/KH-SGDĐT"]
    assert {c.doc_id for c in ans.citations} == {"kh-pgddt-mytu-2025"}
    implemented = corpus_engine.ask("Kế hoạch Kiên Hải triển khai kế hoạch nào của Sở Giáo dục An Giang?")
    assert [b.id for b in implemented.legal_bases] == ["1156/KH-SGDĐT"]
    assert [(c.doc_id, c.section) for c in implemented.citations] == [("kh-ubnd-kienhai-2026", "preamble")]
    grounds = corpus_engine.ask("Kế hoạch của Phòng GDĐT Mỹ Tú được xây dựng trên cơ sở những văn bản nào?")
    assert [b.id for b in grounds.legal_bases] == [
        "09-CT/TW", "11-CTr/TU", "34/KH-UBND", "124/2021/TT-BCA", "510/QĐ-BCA-V05", "870/KH-SGDĐT"
    ]  # fmt: skip
    minister = corpus_engine.ask("Trường Sóc Trăng căn cứ chỉ thị nào của Bộ trưởng Bộ Công an?")
    assert [b.id for b in minister.legal_bases] == ["07/CT-BCA-V28"]


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_which_document_regulates_is_found_by_title_and_in_force(corpus_engine) -> None:
    ans = corpus_engine.ask("Thông tư nào quy định cơ sở giáo dục đạt tiêu chuẩn An toàn về an ninh, trật tự?")
    assert [b.id for b in ans.legal_bases] == ["124/2021/TT-BCA"]  # not 23/2012/TT-BCA, which it replaced
    assert ans.answer.startswith("Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an quy định về khu dân cư")
    untitled = corpus_engine.ask("Văn bản nào quy định giờ mở cửa thư viện?")
    assert untitled.legal_bases == []


def test_the_preamble_named_as_a_part_and_bases_issued_under(corpus_engine) -> None:
    part = corpus_engine.ask("Phần căn cứ của kế hoạch Cam Ranh gồm những văn bản nào?")
    assert [b.id for b in part.legal_bases] == ["846/KH-SGDĐT"]
    assert [(c.doc_id, c.section) for c in part.citations] == [("kh-pgddt-camranh-2023", "preamble")]
    under = corpus_engine.ask("kế hoạch cam ranh ban hành theo văn bản nào của sở giáo dục")
    assert [b.id for b in under.legal_bases] == ["846/KH-SGDĐT"]


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_a_directive_s_own_grounds_and_what_it_replaces(corpus_engine) -> None:
    replaced = corpus_engine.ask("thong tu 124 thay the thong tu nao")
    assert [b.id for b in replaced.legal_bases] == ["23/2012/TT-BCA"]
    assert [(c.doc_id, c.section) for c in replaced.citations] == [("tt-124-2021-bca", "Điều 11")]
    grounds = corpus_engine.ask("Căn cứ ban hành Thông tư 124/2021/TT-BCA là gì?")
    assert len(grounds.legal_bases) == 4 and grounds.legal_bases[-1].id == "01/2018/NĐ-CP"
    laws = corpus_engine.ask("Thông tư 124 ban hành căn cứ những luật nào?")
    assert [b.type for b in laws.legal_bases] == ["Luật", "Luật", "Luật"]  # not the Nghị định beside them


def test_an_abbreviated_subject_does_not_drown_the_question(corpus_engine) -> None:
    # "cán bộ giáo viên" used to count seven times over (cb, gv, cbgv and their bigrams); "ký cam kết" is asked
    ans = corpus_engine.ask("Cán bộ giáo viên Sóc Trăng phải ký cam kết gì?")
    assert ("kh-08-cdcd-soctrang-2026", "II.4") in [(c.doc_id, c.section) for c in ans.citations[:3]]
    assert "ký cam kết xây dựng cơ quan, doanh nghiệp, trường học" in ans.answer


def test_school_levels_and_permission_questions(corpus_engine) -> None:
    # "trường MN, TH, THCS" in the plan: "TH" is "tiểu học"
    level = corpus_engine.ask("Hiệu trưởng trường tiểu học ở Cam Ranh phải làm gì?")
    assert (level.citations[0].doc_id, level.citations[0].section) == ("kh-pgddt-camranh-2023", "III")
    assert "Hiệu trưởng các trường MN, TH, TH&THCS, THCS, PTDTNT căn cứ nội dung kế hoạch này" in level.answer
    # "có cho phép … không" frames the question; it is not a word the plans must contain
    allowed = corpus_engine.ask("Mỹ Tú có cho phép cá nhân bị kỷ luật không?")
    assert (allowed.citations[0].doc_id, allowed.citations[0].section) == ("kh-pgddt-mytu-2025", "III.4")
    assert "không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên" in allowed.answer
    assert not corpus_engine.ask("Giáo viên có được phép dạy thêm không?").found


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_a_question_about_schools_gets_the_article_on_schools(corpus_engine) -> None:
    # Điều 4-7 repeat their criteria for khu dân cư, xã, cơ quan and cơ sở giáo dục: "trường" means Điều 7
    share = corpus_engine.ask(
        "Bao nhiêu phần trăm khoa phòng phải đạt tập thể lao động tiên tiến để trường đạt chuẩn an toàn?"
    )
    assert (share.citations[0].doc_id, share.citations[0].section) == ("tt-124-2021-bca", "Điều 7.6")
    first = corpus_engine.ask("Trường học muốn đạt an toàn an ninh trật tự thì đầu năm đảng bộ phải làm gì?")
    assert first.citations[0].section in ("Điều 7", "Điều 7.1")
    assert "Quý I hằng năm, tổ chức Đảng có nghị quyết chuyên đề riêng" in first.answer
    cases = corpus_engine.ask("Những trường hợp nào khiến trường không được công nhận an toàn về an ninh trật tự?")
    assert cases.citations[0].section.startswith("Điều 7")  # "trường hợp" is no school; "khiến" no content
    folded = corpus_engine.ask("nhung truong hop nao khien truong khong duoc cong nhan an toan ve an ninh trat tu")
    assert folded.citations[0].section.startswith("Điều 7")  # unaccented: "khien truong" is the school
    family = corpus_engine.ask("Nhà trường phối hợp với gia đình học sinh ra sao?")
    assert ("kh-ubnd-kienhai-2026", "III.2") in [(c.doc_id, c.section) for c in family.citations]  # no rival: no lift
    commune = corpus_engine.ask("Xã muốn đạt chuẩn an toàn thì Đảng ủy phải làm gì vào quý I?")
    assert commune.citations[0].section.startswith("Điều 5")  # another place named: no school article


def test_a_unit_s_deadline_comes_from_the_line_that_dates_it(corpus_engine) -> None:
    # Văn phòng's own section (IV.1) states no date; "V. Chế độ báo cáo" gives it the report due 15/11/2026
    ans = corpus_engine.ask("Văn phòng trường Lào Cai phải nộp báo cáo kết quả phong trào trước ngày nào?")
    assert (ans.citations[0].doc_id, ans.citations[0].section) == ("kh-cdlc-laocai-2026", "V")
    assert "trước ngày 15/11/2026" in ans.answer
    duties = corpus_engine.ask("Văn phòng trường Lào Cai phải làm gì?")
    assert duties.citations[0].section == "IV.1"


def test_a_day_and_month_must_be_one_to_be_a_date() -> None:
    from retrieval.extract import has_date

    assert not has_date("Phân công lực lượng bảo vệ trực 24/24 giờ tại các cơ sở.")
    assert has_date("gửi về Công an tỉnh Lào Cai trước ngày 15/11/2026") and has_date("ngày 31/12")


def test_a_cited_plan_named_by_its_issuer(corpus_engine) -> None:
    ans = corpus_engine.ask("Kế hoạch của Sở GDĐT Khánh Hòa mà Cam Ranh thực hiện có số hiệu là gì?")
    assert [b.id for b in ans.legal_bases] == ["846/KH-SGDĐT"]
    assert ans.answer.startswith("Kế hoạch số 846/KH-SGDĐT ngày 24/03/2023 của Sở Giáo dục và Đào tạo Khánh Hòa")
    own = corpus_engine.ask("Kế hoạch của Phòng GDĐT Cam Ranh có số hiệu là gì?")
    assert own.legal_bases == [] and own.citations[0].section == "header"  # the plan itself, from its header


def test_which_plan_requires_and_which_document_is_described(corpus_engine) -> None:
    # "kế hoạch nào yêu cầu …": the verb, not the plans' "Yêu cầu" headings
    guard = corpus_engine.ask("Kế hoạch nào yêu cầu trực bảo vệ 24/24?")
    assert (guard.citations[0].doc_id, guard.citations[0].section) == ("kh-cdlc-laocai-2026", "IV.1")
    described = corpus_engine.ask("Chương trình phòng chống HIV ma túy mại dâm năm 2023 của Khánh Hòa là văn bản nào?")
    assert [b.id for b in described.legal_bases] == ["846/KH-SGDĐT"]


def test_a_teachers_phan_dau_reaches_the_plans_dang_ky(corpus_engine) -> None:
    # the Sóc Trăng plan never says "phấn đấu": it "đăng ký thực hiện tiêu chuẩn"
    ans = corpus_engine.ask("Sóc Trăng phấn đấu đạt tiêu chuẩn gì?")
    assert (ans.citations[0].doc_id, ans.citations[0].section) == ("kh-08-cdcd-soctrang-2026", "II.4")
    assert "đăng ký thực hiện tiêu chuẩn “An toàn về an ninh, trật tự”" in ans.answer


@pytest.mark.parametrize(
    ("question", "section", "quoted"),
    [
        # a teacher's word, the plan's word
        ("Kiên Hải có chương trình gì cho học sinh bị khủng hoảng tâm lý?", "II.5", "tư vấn tâm lý học đường"),
        ("Kiên Hải kiểm tra chấm điểm phong trào thế nào?", "II.2", "kiểm tra, đánh giá, phân loại phong trào"),
        ("Tiền đâu để Kiên Hải làm phong trào?", "IV", "dự toán ngân sách được giao năm 2026"),
        ("Kiên Hải dạy học sinh tự bảo vệ bản thân thế nào?", "III.2", "kỹ năng tự bảo vệ cho học sinh"),
        ("Học sinh Kiên Hải đi học an toàn giao thông được tuyên truyền thế nào?", "II.1", "an toàn giao thông"),
        ("hoc sinh kien hai di hoc an toan giao thong duoc tuyen truyen the nao", "II.1", "an toàn giao thông"),
        ("kinh phi thuc hien ke hoach kien hai lay tu nguon nao", "IV", "nguồn xã hội hóa hợp pháp"),
    ],
)
def test_paraphrases_reach_the_plans_words(corpus_engine, question: str, section: str, quoted: str) -> None:
    ans = corpus_engine.ask(question)
    assert (ans.citations[0].doc_id, ans.citations[0].section) == ("kh-ubnd-kienhai-2026", section)
    assert quoted in ans.answer


@pytest.mark.parametrize(
    ("question", "doc_id", "section", "quoted"),
    [
        (
            "Cam Ranh củng cố đội bảo vệ trường học ra sao?",
            "kh-pgddt-camranh-2023",
            "II.3",
            "lực lượng Bảo vệ trường học",
        ),
        ("Lào Cai đối phó với tin đồn thất thiệt trên mạng thế nào?", "kh-cdlc-laocai-2026", "III.1.3", "sai sự thật"),
        ("Trường Sóc Trăng có kiểm tra người lạ ra vào không?", "kh-08-cdcd-soctrang-2026", "II.9", "nội quy ra vào"),
    ],
)
def test_colloquial_questions_find_the_section(
    corpus_engine, question: str, doc_id: str, section: str, quoted: str
) -> None:
    ans = corpus_engine.ask(question)
    assert (ans.citations[0].doc_id, ans.citations[0].section) == (doc_id, section)
    assert quoted in ans.answer


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
@pytest.mark.parametrize(
    ("question", "sections"),
    [
        (
            "Ai ký quyết định công nhận trường đạt an toàn về an ninh trật tự?",
            {"Điều 10", *(f"Điều 10.{k}" for k in range(1, 5))},
        ),
        ("Trường có học sinh đánh nhau gây thương tích thì có được công nhận an toàn không?", {"Điều 7.4"}),
        ("Thời gian tính kết quả an toàn an ninh trật tự của trường học bắt đầu từ khi nào?", {"Điều 8.2.b"}),
        ("Trường bị cháy lớn thì có được công nhận an toàn không?", {"Điều 7.3", "Điều 6.3.g"}),
    ],
)
def test_a_directive_answers_questions_in_plain_words(corpus_engine, question: str, sections: set[str]) -> None:
    ans = corpus_engine.ask(question)
    assert ans.citations[0].doc_id == "tt-124-2021-bca"  # not the plans' signatures, not a refusal
    assert ans.citations[0].section in sections


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_who_proposed_a_directive_is_in_its_preamble(corpus_engine) -> None:
    for question in ("Ai đề nghị ban hành Thông tư 124?", "Cơ quan nào soạn thảo Thông tư 124/2021/TT-BCA?"):
        ans = corpus_engine.ask(question)
        assert [(c.doc_id, c.section) for c in ans.citations] == [("tt-124-2021-bca", "preamble")]
        assert "Theo đề nghị của Cục trưởng Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc" in ans.answer


def test_a_header_fact_the_header_lacks_is_a_refusal(corpus_engine) -> None:
    # the Lào Cai plan names no body above the college; its "đơn vị trực thuộc" are its own departments
    assert not corpus_engine.ask("Trường CĐ Lào Cai trực thuộc cơ quan nào?").found
    stated = corpus_engine.ask("Trường Sóc Trăng trực thuộc cơ quan nào?")
    assert "UBND THÀNH PHỐ CẦN THƠ" in stated.answer or "UBND thành phố Cần Thơ" in stated.answer


@pytest.mark.parametrize(
    ("question", "doc_id", "section"),
    [
        ("Nhiệm vụ của phòng QT trường Sóc Trăng?", "kh-08-cdcd-soctrang-2026", "III.1"),
        ("phòng vh-xh kiên hải có trách nhiệm gì", "kh-ubnd-kienhai-2026", "III.1"),
        ("Cán bộ công chức phòng GD Cam Ranh làm gì?", "kh-pgddt-camranh-2023", "III"),  # "… cơ quan Phòng GDĐT"
    ],
)
def test_unit_abbreviations_teachers_type(corpus_engine, question: str, doc_id: str, section: str) -> None:
    ans = corpus_engine.ask(question)
    assert [(c.doc_id, c.section) for c in ans.citations][:1] == [(doc_id, section)]


def test_bullying_is_school_violence(corpus_engine) -> None:
    ans = corpus_engine.ask("Ở Kiên Hải, làm sao để học sinh không bị bắt nạt ở trường?")
    assert ("kh-ubnd-kienhai-2026", "II.3") in [(c.doc_id, c.section) for c in ans.citations[:3]]


def test_a_conflicting_date_is_pointed_out(corpus_engine) -> None:
    ans = corpus_engine.ask("Chỉ thị 09-CT/TW của Ban Bí thư ban hành ngày nào?")
    assert ans.legal_bases[0].id == "09-CT/TW"
    assert "Chỉ thị 09-CT/TW ban hành ngày 01/12/2011" in ans.answer
    assert "ngày ban hành khác nhau cho Chỉ thị 09-CT/TW: 01/12/2011" in ans.answer
    assert "01/12/2012 (Kế hoạch Mỹ Tú, phần căn cứ)" in ans.answer
    assert ans.legal_bases[0].conflicts[0].field == "date"


def test_whether_a_plan_cites_a_document_carries_the_dates_it_writes_and_the_warning(corpus_engine) -> None:
    dated = corpus_engine.ask("Mỹ Tú căn cứ Chỉ thị 09 ngày nào?")
    assert (
        "Kế hoạch của Phòng Giáo dục và Đào tạo (Mỹ Tú), ngày 31/03/2025 ghi Chỉ thị 09-CT/TW ngày 01/12/2011 "
        "(phần căn cứ, mục II.1) và 01/12/2012 (phần căn cứ) [1]." in dated.answer
    )
    assert "Lưu ý: các văn bản ghi ngày ban hành khác nhau cho Chỉ thị 09-CT/TW" in dated.answer
    yes = corpus_engine.ask("Kế hoạch Cam Ranh có căn cứ Chỉ thị 09 không?")
    assert "Có. Kế hoạch của Phòng Giáo dục và Đào tạo Cam Ranh, tháng 3/2023 trích dẫn Chỉ thị 09-CT/TW" in yes.answer
    assert "01/12/2012 (Kế hoạch Mỹ Tú, phần căn cứ)" in yes.answer  # the other plan's date, for the drafter


def test_a_drafter_gets_bases_ranked_by_use_and_recency(corpus_engine) -> None:
    ans = corpus_engine.ask(
        "Tôi soạn kế hoạch phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2027, nên căn cứ văn bản nào?"
    )
    assert [b.id for b in ans.legal_bases] == ["124/2021/TT-BCA", "510/QĐ-BCA-V05", "07/CT-BCA-V28", "09-CT/TW"]
    assert "được 4/5 kế hoạch căn cứ hoặc trích dẫn" in ans.answer
    assert "Lưu ý: các văn bản ghi ngày ban hành khác nhau cho Chỉ thị 09-CT/TW" in ans.answer
    assert set(ans.legal_bases[0].model_dump()) >= {"id", "type", "date", "issuer", "title"}


def test_a_drafter_naming_a_kind_of_body_gets_the_bases_plans_of_that_kind_use(corpus_engine) -> None:
    college = corpus_engine.ask("Tôi soạn kế hoạch phong trào năm 2027 cho trường cao đẳng thì nên căn cứ văn bản nào?")
    assert [b.id for b in college.legal_bases] == ["124/2021/TT-BCA"]  # the one both colleges cite
    assert "(2 kế hoạch của trường cao đẳng)" in college.answer and "được 2/2 kế hoạch" in college.answer
    office = corpus_engine.ask("Soạn kế hoạch an ninh trật tự cho phòng giáo dục thì căn cứ văn bản nào?")
    assert [b.id for b in office.legal_bases] == ["124/2021/TT-BCA", "09-CT/TW"]  # Cam Ranh and Mỹ Tú both cite
    none = corpus_engine.ask("Soạn kế hoạch cho trường đại học nên căn cứ văn bản nào?")
    assert "Chưa có kế hoạch nào của trường đại học trong kho" in none.answer and none.legal_bases
    issuer = corpus_engine.ask("Soạn kế hoạch thì căn cứ văn bản nào của UBND tỉnh?")  # the cited body, not ours
    assert [b.id for b in issuer.legal_bases] == ["195/KH-UBND", "34/KH-UBND"]


def test_a_drafter_asking_for_one_kind_or_the_most_used(corpus_engine) -> None:
    kind = corpus_engine.ask("Soạn kế hoạch thì căn cứ chỉ thị nào của Bộ Công an?")
    assert [b.id for b in kind.legal_bases] == ["07/CT-BCA-V28"]
    circular = corpus_engine.ask("Xây dựng kế hoạch phong trào thì phải căn cứ thông tư nào?")
    assert [b.id for b in circular.legal_bases] == ["124/2021/TT-BCA"]
    most = corpus_engine.ask("Căn cứ nào hay được dùng nhất trong các kế hoạch phong trào?")
    assert [b.id for b in most.legal_bases] == ["124/2021/TT-BCA"]  # "các kế hoạch" are the citing plans


def test_plans_picked_by_issuer_and_outline_and_missing_recipients(corpus_engine) -> None:
    ubnd = corpus_engine.ask("Kế hoạch nào do UBND ban hành?")
    assert {c.doc_id for c in ubnd.citations} == {"kh-ubnd-kienhai-2026"}  # Sóc Trăng's college only answers to one
    offices = corpus_engine.ask("Những kế hoạch nào của Phòng GDĐT?")
    assert {c.doc_id for c in offices.citations} == {"kh-pgddt-camranh-2023", "kh-pgddt-mytu-2025"}
    outline = corpus_engine.ask("Kế hoạch Lào Cai có mấy mục lớn?")
    assert "V. CHẾ ĐỘ BÁO CÁO" in outline.answer or "CHẾ ĐỘ BÁO CÁO" in outline.answer


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_recipients_a_directive_text_lacks_are_a_refusal(corpus_engine) -> None:
    assert not corpus_engine.ask("Thông tư 124 gửi tới những ai?").found


@pytest.mark.parametrize(
    ("message", "doc_id", "section"),
    [
        ("ad ơi kế hoạch mỹ tú căn cứ vb nào vậy", "kh-pgddt-mytu-2025", "preamble"),
        ("cảm ơn. thế còn hạn báo cáo tổng kết năm của Mỹ Tú?", "kh-pgddt-mytu-2025", "IV"),
        ("hỏi nhanh: tt 124 có hiệu lực từ bao giờ?", "tt-124-2021-bca", "Điều 11"),
        ("cho em hỏi kế hoạch Sóc Trăng có yêu cầu gì về lễ tết ko ạ", "kh-08-cdcd-soctrang-2026", "II.7"),  # "ko"
        ("bc 6 thang kien hai han bao nhieu", "kh-ubnd-kienhai-2026", "III.2"),  # "bc"; "hạn bao nhiêu" is a deadline
        ("P.QT Sóc Trăng nhiệm vụ", "kh-08-cdcd-soctrang-2026", "III.1"),  # "P." is a Phòng
        ("Đoàn TN ở Kiên Hải làm gì trong phong trào?", "kh-ubnd-kienhai-2026", "II.5"),
        ("gvcn ở lào cai có vai trò gì", "kh-cdlc-laocai-2026", "III.1.1"),  # giáo viên chủ nhiệm
        # "tệ nạn xã hội" names no xã: the article on schools (Điều 7), not on khu dân cư (Điều 4)
        ("nếu trường có người mắc tệ nạn xã hội thì có được công nhận an toàn không", "tt-124-2021-bca", "Điều 7.4"),
        # unaccented "bao luc" is "bạo lực", not the question words "bao" (bao nhiêu) and "lúc"
        ("truong hoc bi mat diem neu co bao luc hoc duong khong", "tt-124-2021-bca", "Điều 7.4"),
    ],
)
def test_chat_messages_are_read_as_questions(corpus_engine, message: str, doc_id: str, section: str) -> None:
    if doc_id.startswith("tt-") and not TT124.exists():
        pytest.skip("../shared/directives is not beside this checkout")
    ans = corpus_engine.ask(message)
    assert ans.question == message  # the answer echoes what was typed
    assert (ans.citations[0].doc_id, ans.citations[0].section) == (doc_id, section)


def test_normalize_question_keeps_document_numbers() -> None:
    from retrieval.intents import normalize_question

    assert normalize_question("tt 124 thay thế tt nào") == "Thông tư 124 thay thế tt nào"
    assert normalize_question("Kế hoạch 08/KH-CĐCĐ căn cứ vb nào?") == "Kế hoạch 08/KH-CĐCĐ căn cứ văn bản nào?"
    assert normalize_question("Cảm ơn!") == "Cảm ơn!"  # nothing left: the message stays as typed
    assert normalize_question("đc ko") == "được không"
    from retrieval.intents import strip_legal_mentions

    assert strip_legal_mentions("ke hoach so 08 cua truong nao") == "cua truong nao"  # "so" is "số" unaccented
    assert normalize_question("doan tn lam gi") == "doan thanh nien lam gi"  # unaccented stays unaccented
    assert normalize_question("(để b/c) điểm k") == "(để b/c) điểm k"  # "b/c" and a điểm's letter are no shorthand


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("Ai lo vụ camera?", True),
        ("Ở Lào Cai ai phụ trách camera?", True),
        ("Lào Cai có giao ai đăng bài không?", True),
        ("Cam Ranh khen thưởng ai trong phòng chống tội phạm?", False),  # "ai" the object: whom
        ("Giấy khen dành cho ai?", False),
        ("Kế hoạch này của ai?", False),
    ],
)
def test_asks_who_reads_ai_as_the_subject_only(question: str, who: bool) -> None:
    from retrieval.intents import asks_who

    assert asks_who(question) is who


def test_header_facts(corpus_engine) -> None:
    ans = corpus_engine.ask("Ai ký kế hoạch của Phòng GDĐT Mỹ Tú?")
    assert (
        ans.answer
        == "Kế hoạch của Phòng Giáo dục và Đào tạo (Mỹ Tú), ngày 31/03/2025 do Nguyễn Thành Tuấn (KT. TRƯỞNG PHÒNG PHÓ TRƯỞNG PHÒNG) ký [1]."
    )
    assert [(c.section, c.quote) for c in ans.citations] == [
        ("signature", "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nNguyễn Thành Tuấn")
    ]
    dated = corpus_engine.ask("Kế hoạch của Trường Cao đẳng Lào Cai ban hành ngày nào?")
    assert "ban hành tháng 12/2025 (văn bản để trống ngày)" in dated.answer


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_directive_questions_cite_down_to_khoan(corpus_engine) -> None:
    ans = corpus_engine.ask("Khoản 2 Điều 8 Thông tư 124 quy định gì?")
    assert [(c.doc_id, c.section) for c in ans.citations] == [("tt-124-2021-bca", "Điều 8.2")]
    assert (
        "Đối với xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục: Mốc thời gian đánh giá từ ngày 16 tháng 11 năm trước"
        in ans.answer
    )
    criteria = corpus_engine.ask(
        "Cơ sở giáo dục được công nhận đạt tiêu chuẩn An toàn về an ninh, trật tự khi đạt những tiêu chí nào?"
    )
    assert criteria.citations[0].section == "Điều 7"
    assert "Không để xảy ra bạo lực học đường" in criteria.answer
    one = corpus_engine.ask("Trường học bị bạo lực học đường thì có được công nhận an toàn không?")
    assert one.citations[0].section == "Điều 7.4"  # the one criterion asked about, not the whole list
    outline = corpus_engine.ask("Thông tư 124 có bao nhiêu chương?")
    assert outline.answer.startswith("Thông tư 124/2021/TT-BCA của Bộ Công an (Hà Nội) gồm 12 điều; 10 điều đầu:")


def test_a_follow_up_keeps_the_plan_in_focus(corpus_engine) -> None:
    first = corpus_engine.ask("Phòng Công tác sinh viên trường CĐ Lào Cai làm gì?")
    assert {c.doc_id for c in first.citations} == {"kh-cdlc-laocai-2026"}
    follow = corpus_engine.ask(
        "còn Văn phòng thì sao?", context={"doc_ids": ["kh-cdlc-laocai-2026"], "unit": "Phòng Công tác sinh viên"}
    )
    assert [(c.doc_id, c.section) for c in follow.citations][:1] == [("kh-cdlc-laocai-2026", "IV.1")]


def test_answer_json_contract(corpus_engine) -> None:
    data = corpus_engine.ask("Kiên Hải dùng phần mềm gì?", qid="q1").model_dump(mode="json")
    assert set(data) == {"id", "question", "found", "answer", "citations", "legal_bases", "took_ms"}
    assert data["id"] == "q1" and data["took_ms"] > 0
    assert set(data["citations"][0]) == {
        "n",
        "doc_id",
        "doc_number",
        "doc_title",
        "section",
        "heading",
        "quote",
        "score",
    }


def test_ask_jsonl_echoes_ids(tmp_path: Path) -> None:
    from tests.test_cli import run

    data = tmp_path / "data"
    assert run(["ingest", str(CORPUS)], data).returncode == 0
    lines = '{"id": "a", "question": "Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?"}\n{"id": 7, "question": "Giá vàng hôm nay?"}\n'
    out = run(["ask", "--jsonl", "-"], data, stdin=lines)
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [(r["id"], r["found"]) for r in rows] == [("a", True), (7, False)]
    assert rows[0]["citations"][0]["section"] == "IV"
    text = run(["ask", "Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?"], data).stdout
    assert "Nguồn:\n[1] KH-UBND · IV KINH PHÍ THỰC HIỆN" in text


# ---------------------------------------------------------------- optional generation


def test_marker_rules() -> None:
    assert check_markers("Phòng CTSV kiện toàn Ban Quản lý Ký túc xá [1]. Trực 24/24 giờ [2].", {1, 2}) is not None
    assert check_markers("Kiện toàn Ban Quản lý Ký túc xá [1] [9].", {1}) == "Kiện toàn Ban Quản lý Ký túc xá [1]."
    assert check_markers("Kiện toàn Ban Quản lý Ký túc xá [1]. Văn phòng trực 24/24 giờ [9].", {1}) is None
    assert check_markers("Một câu không có nguồn nào cả.", {1}) is None


@pytest.mark.slow
def test_generator_rewrites_within_the_rules_and_falls_back(tmp_path: Path) -> None:
    from retrieval.engine import build_engine

    with FakeOpenAI.serve() as llm:
        settings = make_settings(tmp_path / "data", llm_base_url=llm.url, llm_model="vi-test", llm_timeout=1.5)
        engine = build_engine(settings, embedder=None)
        try:
            engine.ingest([CORPUS])
            q = "Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?"
            llm.enqueue("Kiên Hải dùng dự toán ngân sách được giao năm 2026 [1] và nguồn xã hội hóa hợp pháp [1] [4].")
            good = engine.ask(q)
            assert (
                good.answer
                == "Kiên Hải dùng dự toán ngân sách được giao năm 2026 [1] và nguồn xã hội hóa hợp pháp [1]."
            )
            assert llm.history[-1]["body"]["model"] == "vi-test"
            assert "dự toán ngân sách được giao năm 2026" in json.dumps(llm.history[-1]["body"], ensure_ascii=False)
            engine.generator, saved = None, engine.generator  # what the engine says without the model
            extractive = engine.ask(q)
            engine.generator = saved
            llm.enqueue("Kiên Hải được tỉnh cấp 5 tỷ đồng.")  # an uncited claim
            assert engine.ask(q).answer == extractive.answer
            llm.enqueue("ok", status=500)
            assert engine.ask(q).answer == extractive.answer
            llm.enqueue("chậm quá [1].", delay=3)  # longer than the 1.5 s time-out
            assert engine.ask(q).answer == extractive.answer
            refused = engine.ask("Giá vàng hôm nay?")
            assert not refused.found and len(llm.history) == 4  # refusals never reach the model
        finally:
            engine.close()


def test_cli_ask_needs_a_question(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "cli", "ask"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"CANCU_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 1 and out.stderr.strip() == "cancu: error: give a question or --jsonl FILE"


def test_several_header_facts_in_one_question_and_the_distribution_list(corpus_engine) -> None:
    both = corpus_engine.ask("Kế hoạch Sóc Trăng số mấy, ngày nào?")
    assert both.answer.split("\n") == [
        "Số hiệu: 08/KH-CĐCĐ [1].",
        "Kế hoạch 08/KH-CĐCĐ của Trường Cao đẳng Cộng đồng Sóc Trăng (Cần Thơ) ban hành ngày 06/01/2026 [1].",
    ]
    assert [(c.section, c.quote) for c in both.citations] == [
        ("header", "Số: 08 /KH-CĐCĐ Cần Thơ, ngày 06 tháng 01 năm 2026")
    ]
    sent = corpus_engine.ask("Kế hoạch Sóc Trăng được gửi tới những nơi nào?")
    assert [c.section for c in sent.citations] == ["recipients"]
    assert "- Lãnh đạo các đơn vị (thực hiện); [1]" in sent.answer.split("\n")
    body = corpus_engine.ask("Trường CĐCĐ Sóc Trăng trực thuộc cơ quan nào?")
    assert body.answer.startswith("Kế hoạch 08/KH-CĐCĐ của Trường Cao đẳng Cộng đồng Sóc Trăng (Cần Thơ) thuộc UBND")


def test_place_title_and_outline_of_a_named_document(corpus_engine) -> None:
    place = corpus_engine.ask("Kế hoạch Cam Ranh được ban hành ở đâu?")
    assert place.answer == "Kế hoạch của Phòng Giáo dục và Đào tạo Cam Ranh, tháng 3/2023 ban hành tại Cam Ranh [1]."
    assert [c.section for c in place.citations] == ["header"]
    title = corpus_engine.ask("Tên kế hoạch 08/KH-CĐCĐ là gì?")  # named by its number
    assert title.answer.endswith(
        "Đảm bảo an ninh, trật tự và xây dựng phong trào “Toàn dân bảo vệ An ninh Tổ quốc” năm 2026 [1]."
    )
    outline = corpus_engine.ask("bo cuc ke hoach kien hai")
    assert outline.answer.split("\n")[:2] == [
        "Kế hoạch của Ủy ban nhân dân đặc khu Kiên Hải, tháng 3/2026 gồm 5 phần:",
        "I. MỤC ĐÍCH YÊU CẦU [1]",
    ]
    assert [c.section for c in outline.citations] == ["I", "II", "III", "IV", "V"]
    targets = corpus_engine.ask("Kế hoạch Kiên Hải có mấy mục tiêu?")  # "mấy" is a question word, like "bao nhiêu"
    assert targets.found and targets.citations[0].section == "I"
    who = corpus_engine.ask("Việc tổng hợp báo cáo ở Lào Cai do đơn vị nào chủ trì?")  # a task, not the issuer
    assert (who.citations[0].doc_id, who.citations[0].section) == ("kh-cdlc-laocai-2026", "V")
    unnamed = corpus_engine.ask("Bố cục của kế hoạch gồm những phần nào?")
    assert unnamed.answer.startswith("Hãy nêu tên văn bản để xem bố cục của nó. Hiện có")


def test_a_question_about_the_catalog_lists_the_documents(corpus_engine) -> None:
    ans = corpus_engine.ask("Có bao nhiêu kế hoạch trong hệ thống?")
    n = len(corpus_engine.documents())
    assert ans.answer.startswith(f"Hiện có {n} văn bản (5 kế hoạch, {n - 5} văn bản khác):")
    assert [c.section for c in ans.citations] == ["header"] * n
    topical = corpus_engine.ask("Có những kế hoạch nào nói về camera giám sát?")
    assert {c.section for c in topical.citations} != {"header"}  # a topic makes it a content question


@pytest.mark.parametrize(
    ("question", "doc_id", "section"),
    [
        ("Yêu cầu của kế hoạch phòng GD Cam Ranh năm 2023?", "kh-pgddt-camranh-2023", "I.2"),  # "phòng GD" names it
        (
            "Lực lượng bảo vệ trường học ở Cam Ranh được yêu cầu gì?",
            "kh-pgddt-camranh-2023",
            "II.3",
        ),  # a verb, not "Yêu cầu"
        (
            "Mục đích của phong trào thi đua năm 2026 ở CĐ Lào Cai?",
            "kh-cdlc-laocai-2026",
            "I.1",
        ),  # heading + plan title
        ("Lào Cai đặt chỉ tiêu gì cho kế hoạch năm 2026?", "kh-cdlc-laocai-2026", "III.1.2"),  # "chỉ tiêu" = "phấn đấu"
        ("Kiên Hải dùng tiết chào cờ để làm gì?", "kh-ubnd-kienhai-2026", "II.1"),  # "sinh hoạt dưới cờ"
        ("Mỹ Tú nộp báo cáo giữa năm lúc nào?", "kh-pgddt-mytu-2025", "IV"),  # "giữa năm" = "06 tháng"
        ("bao cao nam cua my tu han cuoi ngay nao", "kh-pgddt-mytu-2025", "IV"),  # "hạn cuối", unaccented
        ("Vật liệu dễ cháy ở Sóc Trăng được quản lý thế nào?", "kh-08-cdcd-soctrang-2026", "II.5"),  # "gây cháy nổ"
        ("Trường mình có cần lập đội phòng cháy không?", "kh-cdlc-laocai-2026", "III.1.2"),  # "mình" is no topic
        ("Các cơ sở giáo dục trực thuộc Kiên Hải phải làm gì?", "kh-ubnd-kienhai-2026", "III.2"),  # a unit, not a fact
        ("bao cao tong ket nam cua kien hai han chot khi nao", "kh-ubnd-kienhai-2026", "III.2"),  # "bao" of "báo cáo"
        ("tien de lam ke hoach kien hai lay o dau", "kh-ubnd-kienhai-2026", "IV"),  # funding in plain words
        ("Kiên Hải tuyên truyền qua những kênh nào?", "kh-ubnd-kienhai-2026", "II.1"),  # "kênh": cổng thông tin
        ("Mô hình bốn tự ở trường học Cam Ranh là gì?", "kh-pgddt-camranh-2023", "II.2"),  # tự quản, tự phòng …
        ("Uống rượu bia rồi lái xe thì kế hoạch Sóc Trăng nói sao?", "kh-08-cdcd-soctrang-2026", "II.6"),  # "rồi"
        ("Báo cáo của Kiên Hải gửi cho ai?", "kh-ubnd-kienhai-2026", "V"),  # a report's destination, not "Nơi nhận"
        ("Sinh viên phát hiện người lạ khả nghi thì báo cho ai?", "kh-cdlc-laocai-2026", "III.1.1"),  # "dấu hiệu"
        ("Cuối năm Kiên Hải phải báo cáo trước ngày nào?", "kh-ubnd-kienhai-2026", "III.2"),  # the dated line, not V
        ("Tóm tắt mục đích kế hoạch Kiên Hải", "kh-ubnd-kienhai-2026", "I"),  # a request, not a word to find
        ("Kể tên các mô hình ở Kiên Hải", "kh-ubnd-kienhai-2026", "II.3"),
        ("ke hoach so 08 cua truong nao", "kh-08-cdcd-soctrang-2026", "header"),  # as its accented twin
        # "trường nào" asks which plan, not the directive's criteria
        ("Trường nào đặt mục tiêu không có sinh viên mắc tệ nạn?", "kh-cdlc-laocai-2026", "III.1.2"),
        # "Các đơn vị liên quan, các tổ chức đoàn thể" is the unit "đoàn thể" too
        ("Đoàn thể trường Sóc Trăng có nhiệm vụ gì?", "kh-08-cdcd-soctrang-2026", "III.3"),
        # "của ai" of a model, not of a document: the plan that runs it, not every plan's issuer
        ("Trường học xanh sạch đẹp an toàn hạnh phúc là mô hình của ai?", "kh-cdlc-laocai-2026", "III.1.1"),
        # everyday words for what the plans say administratively
        ("Trường Lào Cai có gác cổng ban đêm không?", "kh-cdlc-laocai-2026", "IV.1"),  # "tuần tra canh gác"
        ("Sóc Trăng có cấm bắn pháo không?", "kh-08-cdcd-soctrang-2026", "II.7"),  # "đốt pháo nổ"
        ("Trường Sóc Trăng có dạy sinh viên dùng bình cứu hỏa không?", "kh-08-cdcd-soctrang-2026", "II.5"),
        ("Nhà trường Lào Cai có đăng tin tốt việc tốt lên báo không?", "kh-cdlc-laocai-2026", "II.2"),
        # "ký cam kết" signs a pledge: the text, not the plan's signature
        ("Ai ký cam kết xây dựng trường học an toàn ở Sóc Trăng?", "kh-08-cdcd-soctrang-2026", "II.4"),
        # "ai lo …" asks who: the unit under "Tổ chức thực hiện", not the part headed "Công tác tuyên truyền"
        ("Lào Cai có giao ai lo vụ đăng bài tuyên truyền không?", "kh-cdlc-laocai-2026", "IV.1"),
        ("ai lo vụ camera ở Lào Cai", "kh-cdlc-laocai-2026", "III.1.3"),  # "lo vụ" frames, "camera" is asked
        # a chat's everyday words: one unknown word need not make the question strange
        ("Trường Sóc Trăng có bảo vệ trực suốt ngày đêm không?", "kh-08-cdcd-soctrang-2026", "III.1"),  # 24/24
        ("Ở Sóc Trăng ai coi ký túc xá?", "kh-08-cdcd-soctrang-2026", "III.2"),  # "coi" = quản lý
        ("Kiên Hải có gắn camera ở trường không?", "kh-ubnd-kienhai-2026", "II.6"),
        ("Mỹ Tú có chấm thi đua lao động tiên tiến không?", "kh-pgddt-mytu-2025", "III.4"),
        ("Trường Sóc Trăng có canh thi cử không?", "kh-08-cdcd-soctrang-2026", "II.3"),  # "an toàn kỳ thi"
        ("Kiên Hải có dạy kỹ năng dùng facebook an toàn không?", "kh-ubnd-kienhai-2026", "II.3"),  # mạng xã hội
        ("Kiên Hải có khen thưởng giáo viên giỏi về an ninh không?", "kh-ubnd-kienhai-2026", "II.4"),  # xuất sắc
        ("Ở Mỹ Tú trường nào cũng phải báo cáo à?", "kh-pgddt-mytu-2025", "IV"),  # "à" a particle
        ("Các trường Cam Ranh làm kế hoạch riêng không?", "kh-pgddt-camranh-2023", "III"),  # kế hoạch triển khai
        ("Mỹ Tú có đưa an ninh vào nghị quyết hằng năm không?", "kh-pgddt-mytu-2025", "III.1"),  # "lồng ghép"
        ("Mấy giờ bảo vệ phải trực ở trường Lào Cai?", "kh-cdlc-laocai-2026", "IV.1"),  # "24/24 giờ" answers
        pytest.param(
            "viec cong nhan an toan ve an ninh trat tu thuc hien may lan mot nam",  # "may lan" is "mấy lần"
            "tt-124-2021-bca",
            "Điều 3.1",
            marks=pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout"),
        ),
    ],
)
def test_paraphrases_find_their_section(corpus_engine, question: str, doc_id: str, section: str) -> None:
    ans = corpus_engine.ask(question)
    assert (ans.citations[0].doc_id, ans.citations[0].section) == (doc_id, section)


def test_a_plan_named_but_silent_on_the_subject_is_a_refusal(corpus_engine) -> None:
    assert not corpus_engine.ask("Lương giáo viên Lào Cai năm 2026 là bao nhiêu?").found
    assert not corpus_engine.ask("Tiền điện của trường lấy ở đâu?").found  # "lấy ở đâu" alone is not funding
    bases = corpus_engine.ask("Kế hoạch Cam Ranh thực hiện theo kế hoạch nào của Sở GDĐT Khánh Hòa?")
    assert bases.found and "846/KH-SGDĐT" in bases.answer


def test_a_teachers_word_widens_a_question_but_the_plans_word_does_not() -> None:
    from retrieval.thesaurus import alternatives

    assert "6 thang" in alternatives("nộp báo cáo giữa năm")["giua nam"]
    assert "6 thang" not in alternatives("nộp báo cáo 6 tháng")  # one-way: "6 tháng" is already the plans' word


def test_the_head_of_a_school_is_whoever_signed_and_a_directive_has_its_own_header(corpus_engine) -> None:
    head = corpus_engine.ask("Ai là hiệu trưởng Trường Cao đẳng Cộng đồng Sóc Trăng?")
    assert [(c.doc_id, c.section) for c in head.citations] == [("kh-08-cdcd-soctrang-2026", "signature")]
    assert "Đinh Thị Thái Hà (HIỆU TRƯỞNG)" in head.answer
    deputy = corpus_engine.ask("Phó chủ tịch Kiên Hải tên gì?")  # signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert "Lê Minh Trị" in deputy.answer
    assert not corpus_engine.ask("Chủ tịch Kiên Hải tên gì?").found  # signed for, not by, the chairman


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_a_directive_named_by_number_answers_from_its_header_with_its_citation(corpus_engine) -> None:
    dated = corpus_engine.ask("Thông tư 124/2021/TT-BCA ngày bao nhiêu?")
    assert "ban hành ngày 28/12/2021" in dated.answer
    assert [b.id for b in dated.legal_bases] == ["124/2021/TT-BCA"]
    effective = corpus_engine.ask("Thông tư 124 có hiệu lực từ ngày nào?")  # its text, not its header
    assert (effective.citations[0].doc_id, effective.citations[0].section) == ("tt-124-2021-bca", "Điều 11")


def test_grounds_come_from_the_preamble_and_the_most_cited_are_ranked(corpus_engine) -> None:
    grounds = corpus_engine.ask("Kế hoạch Cam Ranh thực hiện theo văn bản nào?")
    assert [b.id for b in grounds.legal_bases] == ["846/KH-SGDĐT"]
    implements = corpus_engine.ask("Kế hoạch Kiên Hải thực hiện kế hoạch nào của Sở Giáo dục An Giang?")
    assert [b.id for b in implements.legal_bases] == ["1156/KH-SGDĐT"]
    ranked = corpus_engine.ask("Những văn bản nào được nhiều kế hoạch trích dẫn nhất?")
    assert ranked.legal_bases[0].id == "124/2021/TT-BCA"
    assert "được 4/5 kế hoạch căn cứ hoặc trích dẫn" in ranked.answer


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_a_defined_term_gets_its_definition_and_a_directive_its_gist(corpus_engine) -> None:
    for question, section in [
        ("Cơ quan là gì theo Thông tư 124?", "Điều 2.2"),
        ("Theo Thông tư 124, cơ sở giáo dục được hiểu là gì?", "Điều 2.4"),
        ("Khu dân cư là gì?", "Điều 2.1"),
    ]:
        ans = corpus_engine.ask(question)
        assert [(c.doc_id, c.section) for c in ans.citations] == [("tt-124-2021-bca", section)], question
    criteria = corpus_engine.ask("Tiêu chí công nhận cơ quan là gì?")  # the term is not what is asked
    assert criteria.citations[0].section == "Điều 6"
    gist = corpus_engine.ask("Thông tư 124 quy định những gì?")
    assert [c.section for c in gist.citations] == ["header", "Điều 1"]
    assert "Thông tư này quy định về nguyên tắc, tiêu chí, trình tự" in gist.answer


def test_a_year_picks_the_plan_when_none_is_named(corpus_engine) -> None:
    signed = corpus_engine.ask("Kế hoạch nào ban hành năm 2023?")
    assert [(c.doc_id, c.section) for c in signed.citations] == [("kh-pgddt-camranh-2023", "header")]
    whose = corpus_engine.ask("Kế hoạch phong trào năm 2025 là của đơn vị nào?")  # the plan for 2025, by its title
    assert [c.doc_id for c in whose.citations] == ["kh-pgddt-mytu-2025"]
    assert "Phòng Giáo dục và Đào tạo (Mỹ Tú)" in whose.answer
    body = corpus_engine.ask("Trường CĐCĐ Sóc Trăng thuộc UBND nào?")
    assert "thuộc UBND thành phố Cần Thơ (cơ quan chủ quản)" in body.answer


def test_a_header_cue_about_another_document_reads_the_text(corpus_engine) -> None:
    # "số mấy" of the coordination rules the plan cites, not the plan's own (blank) number
    rules = corpus_engine.ask("Quy chế phối hợp giữa Phòng GD Cam Ranh và Công an thành phố là số mấy?")
    assert [(c.doc_id, c.section) for c in rules.citations] == [("kh-pgddt-camranh-2023", "II.4")]
    assert "984/QCPH-PGDĐT-CATP ngày 14/11/2016" in rules.answer
    own = corpus_engine.ask("Kế hoạch Mỹ Tú gửi những đâu?")
    assert [(c.doc_id, c.section) for c in own.citations] == [("kh-pgddt-mytu-2025", "recipients")]


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_the_item_holding_the_question_answers_alone_not_its_whole_list(corpus_engine) -> None:
    violence = corpus_engine.ask("Trường học bị mất điểm nếu có bạo lực học đường không?")
    assert (violence.citations[0].doc_id, violence.citations[0].section) == ("tt-124-2021-bca", "Điều 7.4")
    assert "Không để xảy ra bạo lực học đường" in violence.answer
    criteria = corpus_engine.ask("Tiêu chí công nhận cơ sở giáo dục an toàn về an ninh trật tự gồm những gì?")
    assert criteria.citations[0].section == "Điều 7"  # the list itself, every item


@pytest.mark.skipif(not TT124.exists(), reason="../shared/directives is not beside this checkout")
def test_who_issues_the_certificate_is_the_article_on_authority(corpus_engine) -> None:
    # "giấy chứng nhận" is the directive's "Giấy công nhận"; "ai cấp giấy" asks whose authority it is
    ans = corpus_engine.ask("Ai cấp giấy chứng nhận trường an toàn về an ninh trật tự?")
    assert ans.found
    assert {c.section for c in ans.citations} == {"Điều 10.1", "Điều 10.2", "Điều 10.3"}
    assert "Ủy ban nhân dân cấp tỉnh xét duyệt, ra quyết định công nhận và cấp Giấy công nhận" in ans.answer
    # "ký giấy công nhận" is no plan's signature: the same authority
    signs = corpus_engine.ask("Ai ký giấy công nhận an toàn cho trường cao đẳng?")
    assert signs.citations[0].section == "Điều 10.3" and "signature" not in {c.section for c in signs.citations}
    # gambling is a "tệ nạn xã hội": the criterion that a school's staff must not have it
    gambling = corpus_engine.ask("Giáo viên đánh bạc bị cảnh cáo thì trường có đạt an toàn không?")
    assert (gambling.citations[0].doc_id, gambling.citations[0].section) == ("tt-124-2021-bca", "Điều 7.4")
