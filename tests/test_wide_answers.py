"""Answers over real documents of the kinds a deployment holds (../shared/wide/docs, development documents of the
wide gold set): general behaviours, each shown on a document nobody tuned a rule for."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.conftest import REPO, make_settings

WIDE = REPO.parent / "shared" / "wide" / "docs"

pytestmark = pytest.mark.skipif(not WIDE.is_dir(), reason=f"{WIDE} is not beside this checkout (../shared/wide)")


@pytest.fixture(scope="module")
def wide_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(tmp_path_factory.mktemp("wide") / "data"), embedder=None)
    report = engine.ingest([WIDE])
    assert not report.errors, report.errors
    yield engine
    engine.close()


def test_a_plan_named_by_its_issuer_lists_all_its_grounds(wide_engine) -> None:
    """The issuer that names the plan ("của UBND thành phố Hà Nội") is not read as the issuer of the grounds
    asked for, so the plan's decision of its own body is not the only ground listed."""
    answer = wide_engine.ask(
        "Kế hoạch 308/KH-UBND ngày 17/11/2025 của UBND thành phố Hà Nội được ban hành để thực hiện những văn bản nào?"
    )
    assert answer.answer.startswith("Kế hoạch 308/KH-UBND của Ủy ban nhân dân thành phố Hà Nội căn cứ 4 văn bản:")
    assert [b.id for b in answer.legal_bases] == ["214/NQ-CP", "278/2025/NĐ-CP", "1229/QĐ-UBND", "142/QĐ-TTg"]


def test_documents_of_every_kind_asked_beside_one_kind_list_every_ground(wide_engine) -> None:
    """ "những nghị quyết và văn bản nào", "những văn bản nào, nhất là nghị định nào": "văn bản" asks every
    kind, so the plan's four grounds are listed, not only its one resolution or its one decree."""
    for question in (
        "Kế hoạch 308/KH-UBND của Hà Nội căn cứ vào những nghị quyết và văn bản nào?",
        "Kế hoạch 308 Hà Nội được ban hành căn cứ những văn bản nào, nhất là nghị định nào?",
    ):
        answer = wide_engine.ask(question)
        assert answer.answer.startswith("Kế hoạch 308/KH-UBND của Ủy ban nhân dân thành phố Hà Nội căn cứ 4 văn bản:")
        assert [b.id for b in answer.legal_bases] == ["214/NQ-CP", "278/2025/NĐ-CP", "1229/QĐ-UBND", "142/QĐ-TTg"]


def test_a_count_stated_a_few_words_after_its_noun_answers(wide_engine) -> None:
    """ "bao nhiêu điểm": "Tổng số điểm đạt được từ 85 đến 100" states the number of points, three words on."""
    answer = wide_engine.ask("trung tam hoc tap cong dong bao nhieu diem thi xep loai tot")
    assert answer.found
    assert "Loại tốt: Tổng số điểm đạt được từ 85 đến 100" in answer.answer
    assert answer.citations[0].doc_id == "cv-5155-sgddt-hcm-2025"


def test_a_year_no_document_found_mentions_is_refused(wide_engine) -> None:
    """The resolution sets fees for 2025-2026; a question about 2026-2027 is not answered from it."""
    asked = wide_engine.ask("Mức học phí trường mầm non công lập ở Vĩnh Long năm học 2026-2027 là bao nhiêu?")
    assert not asked.found and asked.citations == []
    same_year = wide_engine.ask("Mức học phí trường mầm non công lập ở Vĩnh Long năm học 2025-2026 là bao nhiêu?")
    assert same_year.found and same_year.citations[0].doc_id == "nq-20-2025-hdnd-vinhlong"


def test_a_preambles_account_of_losses_sets_no_sum_and_yields_to_the_body(wide_engine) -> None:
    """A resolution's preamble recounts the floods ("… nhà bị sập, cuốn trôi …", losses in tỷ đồng): searched since
    it recounts, it sets no support a question asks ("hỗ trợ bao nhiêu tiền", refused: no article sets it), and its
    story does not come before the clause that sets the rate asked."""
    asked = wide_engine.ask(
        "nha toi o Dak Lak bi lu cuon troi hoan toan, theo nghi quyet cua chinh phu ve khac phuc thien tai mien trung "
        "thi duoc ho tro bao nhieu tien de xay lai nha"
    )
    assert not asked.found and asked.citations == [], asked.answer
    rate = wide_engine.ask(
        "Nhà tôi ở Khánh Hòa vay vốn hộ cận nghèo ở Ngân hàng Chính sách xã hội, đợt lũ tháng 11/2025 làm nhà và vườn "
        "hư hại nặng. Theo Nghị quyết 380/NQ-CP thì khoản vay được giảm lãi suất bao nhiêu?"
    )
    assert rate.found and (rate.citations[0].doc_id, rate.citations[0].section) == ("nq-380-cp-2025", "II.3.đ")


def test_an_amount_typed_without_diacritics_after_shorthand_is_refused_where_none_is_stated(wide_engine) -> None:
    """ "qd 48 …" is written out "Quyết định 48": the question stays one typed without diacritics, so "bn 1 thang"
    asks an amount, which the decision on personal items for boarding pupils never states (a meal allowance)."""
    asked = wide_engine.ask("qd 48 gia lai hs dan toc noi tru dc cap tien an bn 1 thang")
    assert not asked.found and asked.citations == []


@pytest.mark.parametrize(
    "question",
    [
        "Thành phố Đà Nẵng có kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân không, giao cơ quan nào chủ trì?",
        "tinh lam dong co ke hoach trien khai luat bao ve du lieu ca nhan ko, co quan nao chu tri",
    ],
)
def test_a_province_asked_whether_it_has_a_plan_is_not_answered_by_a_national_one(wide_engine, question: str) -> None:
    """ "Tỉnh X có kế hoạch … không": the province's own plan is asked (as of "UBND tỉnh X"); the Prime
    Minister's plan for the whole country is not it, and no document of that province is held."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []
    assert "Không văn bản nào về" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Công an tỉnh Đắk Lắk có nhiệm vụ gì trong kế hoạch phát triển 5G và IoT khu công nghiệp?",
        "Sở Nội vụ Cần Thơ phải làm gì theo kế hoạch thi đua chào mừng Đại hội XIV?",
        # the section holding most of it is a third place's, titled less alike: the one titled alike decides
        "UBND xã phải làm gì trong kế hoạch chuyển đổi số giao thông của Nghệ An?",
    ],
)
def test_a_units_duties_in_a_plan_only_another_province_has_are_refused(wide_engine, question: str) -> None:
    """A unit of the place named, in a plan whose topic only another province's plan has (Hà Nội's 5G plan, Đắk
    Lắk's and Nghệ An's emulation drives): the place's plans on other topics that give the unit tasks do not
    answer; the reader is told where the like is found."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []
    assert "Điều tương tự có ở" in answer.answer


def test_a_deadline_asked_of_a_plan_named_by_the_resolution_it_carries_out_is_the_plans(wide_engine) -> None:
    """ "… kế hoạch nq 214 … chậm nhất ngày nào?": the report's deadline in the plan carrying out Nghị quyết 214 is
    asked, not the date of the resolution (which the plans citing it were listed for)."""
    answer = wide_engine.ask(
        "ubnd phuong ha noi bao cao ket qua thuc hien ke hoach nq 214 ve so khcn cham nhat ngay nao? bao cao qua dau"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", "III.2")
    assert "thông qua Sở Khoa học và Công nghệ trước ngày 15 hằng tháng" in answer.answer


def test_which_task_of_a_unit_is_asked_though_the_plan_title_names_it(wide_engine) -> None:
    """ "Sở Y tế … chủ trì tiểu dự án nào?": the plan's title names its "dự án, tiểu dự án", yet the question asks
    which one the unit leads: that item of the unit's section answers first, then the whole list."""
    answer = wide_engine.ask("Sở Y tế Cần Thơ được giao chủ trì tiểu dự án nào trong chương trình phòng chống ma túy?")
    assert [(c.doc_id, c.section) for c in answer.citations[:2]] == [
        ("kh-153-ubnd-cantho-2025", "IV.3.d"),
        ("kh-153-ubnd-cantho-2025", "IV.3"),
    ]
    assert "Chủ trì triển khai, thực hiện các nhiệm vụ được giao tại Dự án 6" in answer.answer


def test_a_tables_bare_figures_are_quoted_with_the_heading_giving_their_unit(wide_engine) -> None:
    """ "354 người/ngày" is 354,000 đồng only by the table's column heading "Mức chi/ Tiền công (1.000đ)": an amount
    quoted from a row of the table is quoted with that heading."""
    answer = wide_engine.ask(
        "Vĩnh Long tuyển sinh lớp 10: ủy viên, thư ký, giám thị coi thi được chi bao nhiêu một ngày?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-22-2025-hdnd-vinhlong", "Phụ lục II")
    first = answer.answer.split("\nMục ")[1]  # the first section's quote
    assert "Mức chi/ Tiền công (1.000đ)" in first
    assert "Ủy viên là thư ký, giám thị/cán bộ coi thi, giám sát 354 người/ngày" in first


def test_a_phone_number_told_in_a_story_is_not_asked(wide_engine) -> None:
    """ "Tôi đã cung cấp họ tên và số điện thoại … . … tôi có quyền yêu cầu họ xóa dữ liệu không?": the sentence
    that asks asks a right, not a phone number nor a name, so the law's article answers (it states neither)."""
    answer = wide_engine.ask(
        "Tôi đã cung cấp họ tên và số điện thoại cho một cửa hàng điện máy. Theo Luật Dữ liệu, tôi có quyền yêu cầu "
        "họ xóa dữ liệu của mình không?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-60-2024-qh15", "Điều 26.1")


def test_what_a_place_lacks_is_asked_not_framed(wide_engine) -> None:
    """ "… bao nhiêu phần trăm xã phường không có ma túy": "không có" names what the communes lack (the target
    "50% số xã, phường … không có ma túy"), not the frame of a yes/no question; the sibling target on communes
    that have addicts ("70% xã, phường có người nghiện ma túy") does not answer first."""
    answer = wide_engine.ask("tp can tho toi nam 2030 se co bao nhieu phan tram xa phuong khong co ma tuy vay")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-153-ubnd-cantho-2025", "I.4.a")
    assert "ít nhất 50% số xã, phường trên toàn thành phố không có ma túy" in answer.answer


def test_a_city_named_with_its_level_word_keeps_a_national_law_that_applies_there(wide_engine) -> None:
    """ "Ở thành phố Đà Nẵng, …" names a place, not the city's body: the law applies there and answers (only a clause
    asking whether the place issued a document, "Thành phố Đà Nẵng có kế hoạch … không", asks its own document)."""
    answer = wide_engine.ask("Ở thành phố Đà Nẵng, Luật Dữ liệu được áp dụng từ ngày nào?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-60-2024-qh15", "Điều 45")
    assert "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025" in answer.answer


def test_the_issuer_of_a_cited_decision_named_by_number_is_answered(wide_engine) -> None:
    """ "Quyết định 142/QĐ-TTg của cơ quan nào?": a weak cue asks the cited decision's issuer, as a plan cites it
    (only a day asked after a deadline's word, "chậm nhất ngày nào", is the text's own deadline)."""
    answer = wide_engine.ask("Quyết định 142/QĐ-TTg của cơ quan nào?")
    assert "Quyết định số 142/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ" in answer.answer


def test_a_unit_asked_for_a_list_of_its_parts_gets_its_whole_list_first(wide_engine) -> None:
    """ "phụ trách những mảng nào": a list is asked, not which one; the unit's whole section answers first."""
    answer = wide_engine.ask("Sở Y tế Cần Thơ phụ trách những mảng nào trong kế hoạch 153?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-153-ubnd-cantho-2025", "IV.3")


@pytest.mark.parametrize(
    "question",
    [
        "cho mình hỏi hoc sinh dan toc noi tru gia lai duoc cap tien an bao nhieu 1 thang",
        "Em hỏi về tiền ăn của học sinh nội trú Gia Lai, bao nhiêu một tháng?",
    ],
)
def test_an_amount_asked_after_a_courtesy_or_a_topic_clause_is_still_asked(wide_engine, question: str) -> None:
    """A courtesy typed with diacritics ("cho mình hỏi") leaves the question one typed without them, and a first
    clause naming the topic ("Em hỏi về tiền ăn …,") is part of what is asked: the decision on personal items for
    boarding pupils states no meal allowance, so neither is answered from it."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []


def test_rows_of_a_table_split_into_parts_come_with_the_heading_above_them(wide_engine) -> None:
    """The appendix's parts are the table's row groups ("Phụ lục I.II.1 Hội đồng/Ban Coi thi"); the column heading
    giving the unit, "Mức chi/ Tiền công (1.000đ)", is in the appendix's own text: it is quoted after the rows,
    cited to the appendix, once."""
    answer = wide_engine.ask(
        "nq 22 vinh long: can bo coi thi chon hoc sinh gioi cap tinh duoc boi duong bao nhieu 1 ngay"
    )
    sections = [(c.doc_id, c.section) for c in answer.citations]
    assert sections[0] == ("nq-22-2025-hdnd-vinhlong", "Phụ lục I.II.1")
    assert sections.count(("nq-22-2025-hdnd-vinhlong", "Phụ lục I")) == 1
    assert answer.answer.rstrip().endswith("- Mức chi/ Tiền công (1.000đ) [" + str(len(sections)) + "]")


def test_how_often_is_answered_by_a_recurrence_not_by_one_date(wide_engine) -> None:
    """ "bao lâu một lần": the plan's "Hằng năm hoặc đột xuất báo cáo kết quả … về Bộ Công an" answers, not the
    one-off "gửi kết quả rà soát về Bộ Công an trước ngày 15 tháng 12 năm 2025" (lexicon ``frequency``); a
    recurrence written "01 lần/01 cấp học" is one too, so the personal items given once a school level still
    answer for them, not the supplies given each school year."""
    answer = wide_engine.ask(
        "Theo kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân của Thủ tướng, UBND tỉnh phải báo cáo Bộ Công an bao lâu"
        " một lần?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-2623-ttg-2025", "Kế hoạch.IV.2")
    assert "Hằng năm hoặc đột xuất báo cáo" in answer.answer
    items = wide_engine.ask("hs dan toc noi tru gia lai duoc cap chan man dem bao lau 1 lan")
    assert (items.citations[0].doc_id, items.citations[0].section) == ("qd-48-2025-ubnd-gialai", "Điều 2.1")


def test_a_choice_between_years_asks_one_of_them(wide_engine) -> None:
    """ "năm 2030 hay 2035?": the plan states its 2035 target where it answers and never 2030 there; one year of
    a choice is asked, so the answer is not refused for the other."""
    answer = wide_engine.ask(
        "dong thap ke hoach doi moi cong nghe: kinh te so dat bao nhieu % GRDP, nam 2030 hay 2035?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-552-ubnd-dongthap-2025", "II.2.2")
    assert "Quy mô kinh tế số đạt 40% GRDP" in answer.answer


def test_a_year_a_plan_names_only_elsewhere_is_refused(wide_engine) -> None:
    """Cần Thơ's plan on drugs sets a share of communes free of drugs by 2030; 2024 is only in the number of the
    resolution it carries out, so the share in 2024 is refused (it was answered with the 2030 target)."""
    for asked in (
        "kh 153 can tho: nam 2024 ty le xa phuong khong co ma tuy la bao nhieu %?",
        "Đến năm 2024, Cần Thơ có bao nhiêu phần trăm số xã, phường không có ma túy?",
    ):
        answer = wide_engine.ask(asked)
        assert not answer.found and answer.citations == [], asked
    target = wide_engine.ask("Cần Thơ phấn đấu đến năm 2030 bao nhiêu phần trăm số xã, phường không có ma túy?")
    assert target.found and target.citations[0].doc_id == "kh-153-ubnd-cantho-2025"
    assert "ít nhất 50% số xã, phường" in target.answer


def test_kilograms_asked_need_a_number_of_kilograms(wide_engine) -> None:
    """ "bao nhiêu kg gạo": Gia Lai's decision lists items given once per level of school, no kilograms of rice,
    so it is refused ("kg" was read as chat for "không", and the list was the answer)."""
    answer = wide_engine.ask("hoc sinh dan toc noi tru o gia lai duoc nha nuoc cho bao nhieu kg gao/thang")
    assert not answer.found and answer.citations == []


def test_a_unit_of_several_plans_is_answered_from_the_plan_asked_about_first(wide_engine) -> None:
    """Four Cần Thơ plans give "UBND xã, phường" tasks; asked about communication on poverty, the plan on it comes
    first, not the plan whose id sorts first (the plan on cashless payments answered)."""
    answer = wide_engine.ask(
        "Mình làm ở UBND phường ở Cần Thơ, lo mảng truyền thông giảm nghèo. Theo kế hoạch của thành phố thì UBND "
        "phường phải làm gì, báo cáo gửi ai?"
    )
    assert answer.citations[0].doc_id == "kh-159-ubnd-cantho-2025"


def test_laws_asked_as_grounds_include_a_code_in_the_preambles_order(wide_engine) -> None:
    """ "căn cứ những luật nào": a Bộ luật is a law, so "Bộ luật Lao động" is listed (it was left out), and the
    grounds come in the order the preamble gives them."""
    answer = wide_engine.ask("thong tu 05/2025 ve che do lam viec cua giao vien pho thong can cu nhung luat nao")
    assert [b.id for b in answer.legal_bases] == ["43/2019/QH14", "Bộ luật Lao động 2019"]
    assert "- Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019" in answer.answer


def test_who_was_chosen_asks_a_persons_name(wide_engine) -> None:
    """Hà Nội's plan says a chief architect of digital transformation is to be chosen, and names nobody: "ai được
    chọn làm …", "chọn ai làm …" ask a person's name, so they are refused (the task was quoted as the answer)."""
    for asked in (
        "Theo kế hoạch 308 của Hà Nội, ai được chọn làm kiến trúc sư trưởng về chuyển đổi số?",
        "kh 308 ha noi chon ai lam kien truc su truong chuyen doi so vay",
    ):
        answer = wide_engine.ask(asked)
        assert not answer.found and answer.citations == [], asked


def test_a_plan_named_by_kind_and_number_without_diacritics(wide_engine) -> None:
    """ "ke hoach 141 …": two plans of one province share the title's words; the number names the one asked."""
    answer = wide_engine.ask("ke hoach 141 ubnd bac ninh thuc hien nghi quyet nao cua bo chinh tri")
    assert answer.answer.startswith("Kế hoạch 141/KH-UBND của Ủy ban nhân dân tỉnh Bắc Ninh căn cứ 1 văn bản:")
    assert [b.id for b in answer.legal_bases] == ["66-NQ/TW"]
    assert {(c.doc_id, c.section) for c in answer.citations} == {("kh-141-ubnd-bacninh-2025", "preamble")}


def test_a_unit_given_its_task_in_one_numbered_paragraph(wide_engine) -> None:
    """ "6. Giao Sở Tư pháp theo dõi, đôn đốc …; tham mưu sơ kết, tổng kết …": one paragraph under "Tổ chức thực
    hiện" is the unit's whole task; it is the answer, not a section found by its words."""
    answer = wide_engine.ask("Sở Tư pháp tỉnh Bắc Ninh được giao nhiệm vụ gì khi tổ chức thực hiện kế hoạch?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-141-ubnd-bacninh-2025", "IV.6")
    assert "theo dõi, đôn đốc các cơ quan, đơn vị" in answer.answer and "tham mưu sơ kết, tổng kết" in answer.answer


def test_a_units_lettered_points_are_its_tasks(wide_engine) -> None:
    """A unit's section whose tasks are its points a), b), c) (a Quy định's "3. Bộ Chỉ huy quân sự tỉnh")."""
    answer = wide_engine.ask("bo chi huy quan su tinh quang ninh co nhiem vu gi trong pccc rung")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "qd-96-2025-ubnd-quangninh",
        "Quy định.Điều 18.3",
    )
    assert "Tổ chức trực tổng đài 112" in answer.answer


def test_an_article_headed_by_a_units_name_is_its_task_list(wide_engine) -> None:
    """A decision without chapters: "Điều 2. Sở Giáo dục và Đào tạo" lists the unit's tasks as its clauses; it
    answers first and whole, before a clause of "Điều 3. Tổ chức thực hiện" that only names the unit."""
    answer = wide_engine.ask("Sở Giáo dục và Đào tạo Cao Bằng được giao những nhiệm vụ nào?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-53-2025-ubnd-caobang", "Điều 2")
    assert "tuyển dụng, tiếp nhận, điều động, biệt phái" in answer.answer
    assert "thay đổi chức danh nghề nghiệp" in answer.answer


def test_one_task_of_a_units_own_article_answers_first_though_another_clause_names_the_unit(wide_engine) -> None:
    """ "Điều 2. Sở Giáo dục và Đào tạo" lists the department's tasks as clauses, and "Điều 3.1" names it again
    (its report); asked about one task, the clause holding it answers first, then the article whole."""
    answer = wide_engine.ask("Sở GD&ĐT Cao Bằng có phải chủ trì việc biệt phái giáo viên không?")
    assert [c.section for c in answer.citations[:2]] == ["Điều 2.1", "Điều 2"]
    assert answer.citations[0].doc_id == "qd-53-2025-ubnd-caobang"
    police = wide_engine.ask("Công an thành phố Cần Thơ có nhiệm vụ gì với địa bàn trọng điểm, phức tạp về ma túy?")
    assert (police.citations[0].doc_id, police.citations[0].section) == ("kh-153-ubnd-cantho-2025", "IV.1.g")


def test_a_question_naming_two_units_is_answered_with_both_the_first_named_first(wide_engine) -> None:
    """ "Sở Tài chính phối hợp với Công an thành phố …": the longer name used to win alone, so the police's list
    answered; both are named, the department first. After a story told first, the unit the sentence that asks names
    is the one asked, not the asker's own."""
    answer = wide_engine.ask("Sở Tài chính phối hợp với Công an thành phố làm gì trong kế hoạch 153 Cần Thơ?")
    assert [(c.doc_id, c.section) for c in answer.citations[:2]] == [
        ("kh-153-ubnd-cantho-2025", "IV.2"),
        ("kh-153-ubnd-cantho-2025", "IV.1"),
    ]
    told = wide_engine.ask("Tôi công tác tại Sở Y tế. Vậy Sở Tư pháp được giao gì trong kế hoạch 153 Cần Thơ?")
    assert [(c.doc_id, c.section) for c in told.citations] == [("kh-153-ubnd-cantho-2025", "IV.4")]


def test_the_askers_own_body_told_of_first_does_not_choose_the_section(wide_engine) -> None:
    """ "Tôi công tác ở UBND xã …. Văn bản góp ý … không nêu rõ … thì coi là thế nào?": the commune is who asks, not
    what is asked; the directive's rule on appraisal letters answers, not the communes' own item. A sentence that
    asks of the body itself ("bên thuế …", "xã mình phải …") is still answered from its item."""
    answer = wide_engine.ask(
        "Tôi công tác ở UBND xã tại Đắk Lắk, hay được lấy ý kiến thẩm định chủ trương đầu tư dự án. Văn bản góp ý mà"
        " không nêu rõ có thống nhất hay không thì sẽ được coi là thế nào?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.1.d")
    assert "xem như thống nhất chủ trương đầu tư" in answer.answer
    tax = wide_engine.ask(
        "Mình làm ở Thuế tỉnh Đắk Lắk. Theo chỉ thị 010, bên thuế cho ý kiến thẩm định những nội dung nào?"
    )
    assert (tax.citations[0].doc_id, tax.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.e")
    # … nor does one asking what the asker's own body must do ("xã mình phải …")
    own = wide_engine.ask(
        "Tôi làm ở UBND xã tại Đắk Lắk. Theo chỉ thị 010, xã mình phải đánh giá những nội dung gì khi thẩm định?"
    )
    assert (own.citations[0].doc_id, own.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.g")
    # a word of the body's name read whole ("nội dung" does not name "Sở Xây dựng"), and "chúng tôi phải …" asks its own
    rule = wide_engine.ask("Tôi làm ở Sở Xây dựng Đắk Lắk. Văn bản thẩm định phải nêu rõ những nội dung nào?")
    assert (rule.citations[0].doc_id, rule.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.1.d")
    ours = wide_engine.ask(
        "Tôi làm ở Sở Xây dựng Đắk Lắk. Khi được lấy ý kiến thẩm định, chúng tôi phải đánh giá những nội dung gì?"
    )
    assert (ours.citations[0].doc_id, ours.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.b")


def test_a_section_whose_heading_holds_the_question_answers_whole(wide_engine) -> None:
    """Every content word of "Điều kiện để đăng ký dự tuyển công chức gồm những gì?" is in the heading of clause 1
    of "Điều 19. Điều kiện đăng ký dự tuyển công chức": that clause answers, with all its points, before the
    points that matched the question's words best one by one."""
    answer = wide_engine.ask("Điều kiện để đăng ký dự tuyển công chức gồm những gì?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 19.1")
    for point in ("Có 01 quốc tịch là quốc tịch Việt Nam", "Đang cư trú tại Việt Nam", "Đủ 18 tuổi trở lên"):
        assert point in answer.answer


def test_a_count_asked_is_quoted_from_the_line_that_states_it(wide_engine) -> None:
    """ "bao nhiêu doanh nghiệp": "Hình thành ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa
    học công nghệ" states the count with no unit (%, đồng, người) that marks an amount; among a target list full of
    percentages it is the line quoted."""
    answer = wide_engine.ask("Đồng Tháp đặt mục tiêu có bao nhiêu doanh nghiệp khoa học công nghệ vào năm 2030?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-552-ubnd-dongthap-2025", "II.2.1")
    assert "50 doanh nghiệp khoa học công nghệ" in answer.answer


def test_the_plan_named_by_its_title_answers_when_the_plans_found_by_text_do_not(wide_engine) -> None:
    """Two plans of Đồng Tháp: another one's text holds more of "báo cáo … khi nào", and its sections do not
    answer; the plan whose title the question names ("đổi mới công nghệ") gets its turn, and states the date."""
    answer = wide_engine.ask("hạn nộp báo cáo của kế hoạch đổi mới công nghệ Đồng Tháp là khi nào")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-552-ubnd-dongthap-2025", "VI.2")
    assert "trước ngày 20/11" in answer.answer


def test_the_symbol_of_a_plans_number_names_no_issuer(wide_engine) -> None:
    """The "UBND" of "141/KH-UBND" is not the "UBND tỉnh" of a plan it cites: the signer and the date asked are
    the plan's own."""
    signer = wide_engine.ask("Ai ký Kế hoạch 141/KH-UBND?")
    assert [(c.doc_id, c.section) for c in signer.citations] == [("kh-141-ubnd-bacninh-2025", "signature")]
    assert "Phạm Văn Thịnh" in signer.answer
    dated = wide_engine.ask("Kế hoạch 141/KH-UBND ban hành ngày nào?")
    assert [(c.doc_id, c.section) for c in dated.citations] == [("kh-141-ubnd-bacninh-2025", "header")]
    assert "20/11/2025" in dated.answer


def test_a_count_asked_puts_the_section_that_counts_it_first(wide_engine) -> None:
    """ "tối thiểu bao nhiêu học viên": "mỗi lớp tối thiểu 25 học viên" comes before "tối thiểu 80% số tiết"."""
    answer = wide_engine.ask("lop boi duong o trung tam chinh tri xa phuong toi thieu bao nhieu hoc vien")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-1147-btgdvtw-2025", "Quy chế.Điều 5.3")
    assert "mỗi lớp tối thiểu 25 học viên" in answer.answer.split("\n", 3)[2]


def test_a_sum_asked_puts_the_section_that_states_money_first(wide_engine) -> None:
    """ "bao nhiêu tiền 1 tháng": the article with "4.960.000 đồng/người/tháng" answers, not one whose figures are
    years or counts; without it the answer was a refusal."""
    answer = wide_engine.ask("cong an xa o ha noi dc ho tro bao nhieu tien 1 thang")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.1")
    assert "4.960.000 đồng/người/tháng" in answer.answer


def test_a_question_joining_two_clauses_headings_is_answered_by_their_article(wide_engine) -> None:
    """ "Nội dung và trách nhiệm …": clause 1 of the article is the content, clause 2 the responsibilities; the
    article answers whole, and its points are not cited again beside it."""
    answer = wide_engine.ask("Nội dung và trách nhiệm quản lý nhà nước về dữ liệu gồm những gì?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-60-2024-qh15", "Điều 8")
    assert "Nội dung quản lý nhà nước về dữ liệu bao gồm:" in answer.answer
    assert "Trách nhiệm quản lý nhà nước về dữ liệu được quy định như sau:" in answer.answer
    assert not any(c.section.startswith("Điều 8.") for c in answer.citations)


def test_an_amending_clause_is_known_by_the_title_of_the_article_it_quotes(wide_engine) -> None:
    """ "16. Sửa đổi, bổ sung Điều 21 như sau:" quotes "Điều 21. Phạm vi được hưởng …": asked by that title, the
    clause answers whole, from its first clause on."""
    answer = wide_engine.ask("người tham gia bảo hiểm y tế được hưởng trong phạm vi nào")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-51-2024-qh15", "Điều 1.16")
    assert "Người tham gia bảo hiểm y tế được quỹ bảo hiểm y tế thanh toán các chi phí sau đây:" in answer.answer


def test_a_bare_head_word_or_a_verb_phrase_names_no_unit(wide_engine) -> None:
    """ "b) Cơ quan thực hiện:" (a task's label) and "Tổ chức thực hiện" start like units' names but name no one:
    "Cơ quan phối hợp …" is answered from the clause about it, not from a section on another "Cơ quan"."""
    names = {m.name for m in wide_engine.answerer.units().find("cơ quan thực hiện tổ chức thực hiện báo cáo")}
    assert not names & {"Cơ quan thực hiện", "Tổ chức thực hiện", "Báo cáo"}
    answer = wide_engine.ask(
        "Theo chỉ thị 010 của Đắk Lắk, cơ quan phối hợp trả lời ý kiến thẩm định chậm quá thời hạn thì xử lý thế nào?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("ct-010-ubnd-daklak-2025", "II.4")


def test_a_lead_in_that_announces_a_list_is_quoted_with_its_items(wide_engine) -> None:
    """ "Biện pháp xử lý hành vi chậm đóng bảo hiểm y tế bao gồm:" matches best; its items a), b), c) are the answer,
    the last of them too though it shares no word with the question."""
    answer = wide_engine.ask("doanh nghiep cham dong bhyt cho nguoi lao dong bi ap dung bien phap xu ly gi")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-51-2024-qh15", "Điều 1.34")
    assert "Biện pháp xử lý hành vi chậm đóng bảo hiểm y tế bao gồm:" in answer.answer
    assert "Xử phạt vi phạm hành chính theo quy định của pháp luật;" in answer.answer
    assert "Không xem xét danh hiệu thi đua, hình thức khen thưởng." in answer.answer


def test_when_a_legal_text_takes_effect_is_its_own_article_on_it(wide_engine) -> None:
    """ "… có hiệu lực từ ngày nào?": the clause "<kind> này có hiệu lực …" of the document's own body (not a
    section of the regulation it attaches), cited to that clause and quoted with its short article's other clauses
    (what it replaces, too)."""
    decision = wide_engine.ask("quyet dinh 96/2025 ve phong chay chua chay rung quang ninh co hieu luc tu khi nao")
    assert (decision.citations[0].doc_id, decision.citations[0].section) == ("qd-96-2025-ubnd-quangninh", "Điều 2.2")
    assert "Quyết định này có hiệu lực thi hành kể từ ngày 30 tháng 11 năm 2025." in decision.answer
    assert "Quyết định này thay thế Quyết định số 29/2020/QĐ-UBND" in decision.answer
    resolution = wide_engine.ask("Nghị quyết 22/2025/NQ-HĐND tỉnh Vĩnh Long bắt đầu có hiệu lực từ bao giờ?")
    assert [(c.doc_id, c.section) for c in resolution.citations] == [("nq-22-2025-hdnd-vinhlong", "Điều 4.4")]
    assert "thi hành từ ngày 01 tháng 01 năm 2026" in resolution.answer


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("thông tư số 05 có hiệu lực khi nào", ("tt-05-2025-bgddt", "Điều 15.1")),
        ("nghị quyết số 80 có hiệu lực khi nào", ("nq-80-2025-hdnd-hanoi", "Điều 5.1")),
        ("quyết định số 96 có hiệu lực khi nào", ("qd-96-2025-ubnd-quangninh", "Điều 2.2")),
    ],
)
def test_so_before_the_number_of_the_text_asked_is_no_word_of_the_question(wide_engine, question, clause) -> None:
    """ "thông tư số 05": "số" only marks the number. Read as a word it matched the clause citing another text
    ("Thông tư này thay thế Thông tư số 28/2009/TT-BGDĐT …") ahead of the one on entry into force."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == clause
    assert "có hiệu lực" in answer.answer.split("\n", 2)[1]


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Mục đích của kế hoạch 141 là gì?", ("kh-141-ubnd-bacninh-2025", "I.1")),
        ("kế hoạch số 0124 quy định mục đích như thế nào", ("kh-0124-ubnd-daklak-2025", "I.1")),
        ("kh 0124 to chuc thuc hien la gi vay ad", ("kh-0124-ubnd-daklak-2025", "IV")),
        ("Mục tiêu của kế hoạch 310 là gì?", ("kh-310-ubnd-hanoi-2025", "II")),
        ("kế hoạch số 157 quy định sở y tế như thế nào", ("kh-157-ubnd-cantho-2025", "V.1")),
    ],
)
def test_a_part_asked_by_its_heading_of_a_document_named_by_number(wide_engine, question, section) -> None:
    """ "Mục đích của kế hoạch 141": the section headed "Mục đích" answers whole; the plan's kind and number are no
    words its heading must hold (they made "Yêu cầu", shorter and matching "kế hoạch này", answer first). An item's
    opening sentence naming the words in passing ("Doanh nghiệp … thực hiện các mục tiêu …") is no such heading."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == section


def test_a_part_named_by_its_heading_and_quoted_in_part_says_so(wide_engine) -> None:
    """ "Tổ chức thực hiện kế hoạch 597": the whole part V is the answer, too long for a phone: the answer says how
    many of its lines are left unquoted, as it does for a unit's task list."""
    answer = wide_engine.ask("Tổ chức thực hiện kế hoạch 597 như thế nào")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-597-ubnd-dongthap-2025", "V")
    assert re.search(r"Mục V còn \d+ dòng nữa: mở mục này để đọc đủ\.", answer.answer)


def test_a_whole_article_quoted_keeps_its_clauses_numbers(wide_engine) -> None:
    """An article quoted whole shows each khoản with its number, the part a reader cites ("khoản 2 Điều 13")."""
    answer = wide_engine.ask("Hiệu lực thi hành của nghị quyết 57")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-57-2025-hdnd-hanoi", "Điều 13")
    assert "- 1. Nghị quyết này có hiệu lực thi hành từ ngày 10 tháng 12 năm 2025. [1]" in answer.answer
    assert "- 2. Nghị quyết số 47/2024/NQ-HĐND ngày 12 tháng 12 năm 2024" in answer.answer


@pytest.mark.parametrize(
    ("first", "then", "section"),
    [
        (
            "Kế hoạch 308/KH-UBND Hà Nội triển khai Nghị quyết 214/NQ-CP có nhiệm vụ gì về nền tảng số?",
            "còn về an toàn thông tin thì sao?",
            ("kh-308-ubnd-hanoi-2025", "II.3.a"),  # "Về đảm bảo an toàn thông tin: a) Nhiệm vụ", not I.2's aims
        ),
        (
            "hình thức kỷ luật đối với công chức theo luật 80/2025",
            "còn đối với cán bộ",
            ("luat-80-2025-qh15", "Điều 35.1.b"),
        ),
    ],
)
def test_a_follow_ups_own_words_count_more_than_the_last_questions(wide_engine, first: str, then: str, section) -> None:
    """ "còn X thì sao?" is asked as X before the last question; the last question's words count half
    (``follow_weight``), so what X names is found, not the last answer's section again (the officials' article 36
    for "còn đối với cán bộ", whose article is 35)."""
    wide_engine.ask(first, conversation=f"fw:{then}")
    answer = wide_engine.ask(then, conversation=f"fw:{then}")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == section


def test_a_follow_up_naming_another_unit_stays_with_the_plan(wide_engine) -> None:
    """After a unit's tasks in one directive: "còn Sở Văn hóa, Thể thao và Du lịch thì sao?" (seven words) and
    "vậy sở Nông nghiệp và Môi trường phải làm gì" (a question of its own whose unit shares its words with a
    ministry that issued a circular) are that directive's units, not other documents'."""
    wide_engine.ask("Chỉ thị 010 giao Sở Khoa học và Công nghệ những nhiệm vụ gì?", conversation="t:1")
    long = wide_engine.ask("còn Sở Văn hóa, Thể thao và Du lịch thì sao?", conversation="t:1")
    assert (long.citations[0].doc_id, long.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.d")
    own = wide_engine.ask("vậy sở Nông nghiệp và Môi trường phải làm gì", conversation="t:1")
    assert (own.citations[0].doc_id, own.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.a")
    # the plan's unit, but a topic another text rules: that text ("Sở Tài chính" of the e-mail rules)
    wide_engine.ask("Kế hoạch 310 giao Sở Tài chính nhiệm vụ gì?", conversation="t:10")
    mail = wide_engine.ask("Sở Tài chính có trách nhiệm gì đối với hệ thống thư điện tử công vụ?", conversation="t:10")
    assert (mail.citations[0].doc_id, mail.citations[0].section) == ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 14")
    # a body the plan asks rather than directs ("Đề nghị Chi cục Hải quan khu vực XIX"), named without "Đề nghị"
    wide_engine.ask("Kế hoạch 153 giao Sở Giáo dục và Đào tạo những nhiệm vụ gì?", conversation="t:6")
    asked = wide_engine.ask("còn Chi cục Hải quan khu vực XIX thì sao?", conversation="t:6")
    assert asked.answer.startswith("Hiểu là: Kế hoạch 153 giao Chi cục Hải quan khu vực XIX những nhiệm vụ gì?")
    assert [(c.doc_id, c.section) for c in asked.citations][:1] == [("kh-153-ubnd-cantho-2025", "IV.11")]
    wide_engine.ask("Kế hoạch 552 giao Ủy ban nhân dân xã, phường những nhiệm vụ gì?", conversation="t:2")
    then = wide_engine.ask("còn Hiệp hội Doanh nghiệp thì sao?", conversation="t:2")
    assert then.answer.startswith("Hiểu là: Kế hoạch 552 giao Hiệp hội Doanh nghiệp những nhiệm vụ gì?")
    assert (then.citations[0].doc_id, then.citations[0].section) == ("kh-552-ubnd-dongthap-2025", "V.10")


def test_a_question_naming_nothing_stays_with_the_document_only_if_it_answers_as_well(wide_engine) -> None:
    """In a conversation, "kinh phí lấy từ đâu?" after a decision's answer is its article on funds (another
    province's plan matched the words as well); "giáo viên THCS dạy bao nhiêu tiết 1 tuần?" after a resolution on
    fees is still the circular that says it: the resolution's quote holds fewer of the question's words."""
    wide_engine.ask("Quyết định 48 Gia Lai cấp đồ dùng gì cho học sinh nội trú?", conversation="t:7")
    funds = wide_engine.ask("kinh phí lấy từ đâu?", conversation="t:7")
    assert [(c.doc_id, c.section) for c in funds.citations][:1] == [("qd-48-2025-ubnd-gialai", "Điều 2.3")]
    alone = wide_engine.ask("giáo viên THCS dạy bao nhiêu tiết 1 tuần?")
    wide_engine.ask("Nghị quyết 22 Vĩnh Long có hiệu lực từ ngày nào?", conversation="t:8")
    other = wide_engine.ask("giáo viên THCS dạy bao nhiêu tiết 1 tuần?", conversation="t:8")
    assert alone.citations[0].doc_id == "tt-05-2025-bgddt"
    assert [(c.doc_id, c.section) for c in other.citations] == [(c.doc_id, c.section) for c in alone.citations]
    # what a term means is the text defining it, whatever was asked before ("Cổng dữ liệu mở" is in the plan)
    wide_engine.ask("Kế hoạch 597 Đồng Tháp phát triển dữ liệu số thế nào?", conversation="t:9")
    term = wide_engine.ask("dữ liệu mở là gì?", conversation="t:9")
    assert (term.citations[0].doc_id, term.citations[0].section) == ("luat-60-2024-qh15", "Điều 3.4")


def test_a_deadline_asked_by_the_word_han_is_answered_by_the_day_stated(wide_engine) -> None:
    """ "hạn báo cáo là khi nào?": "hạn" asks the day, which the plan states without the word ("… định kỳ báo cáo …
    chậm nhất ngày 17 tháng 12 …"); it was refused while "báo cáo trước ngày nào?" was answered."""
    answer = wide_engine.ask("kế hoạch 556 hạn báo cáo là khi nào?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "VI.4")
    assert "17 tháng 12" in answer.answer
    # and in a conversation about the plan, the plan's answer is weighed with the same words
    wide_engine.ask("Kế hoạch 556 giao Sở Nông nghiệp và Môi trường những nhiệm vụ gì?", conversation="t:11")
    then = wide_engine.ask("hạn báo cáo là khi nào?", conversation="t:11")
    assert (then.citations[0].doc_id, then.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "VI.4")


def test_a_follow_up_naming_another_document_by_kind_and_number_asks_it_the_same(wide_engine) -> None:
    """ "Kế hoạch 308 căn cứ những văn bản nào?" then "còn kế hoạch 310 thì sao?": plan 310's grounds, the plan
    named by kind and number taking 308's place (it was read as words put before the whole first question)."""
    wide_engine.ask("Kế hoạch 308 căn cứ những văn bản nào?", conversation="t:3")
    then = wide_engine.ask("còn kế hoạch 310 thì sao?", conversation="t:3")
    assert then.answer.startswith("Hiểu là: kế hoạch 310 căn cứ những văn bản nào?")
    assert (then.citations[0].doc_id, then.citations[0].section) == ("kh-310-ubnd-hanoi-2025", "preamble")
    # the place that went with the first document's number goes with it ("… 96 Quảng Ninh …": not asked of Gia Lai's)
    wide_engine.ask("Quyết định 96 Quảng Ninh hiệu lực từ khi nào", conversation="t:5")
    other = wide_engine.ask("còn quyết định 48 thì sao?", conversation="t:5")
    assert other.answer.startswith("Hiểu là: quyết định 48 hiệu lực từ khi nào")
    assert (other.citations[0].doc_id, other.citations[0].section) == ("qd-48-2025-ubnd-gialai", "Điều 3.1")
    wide_engine.ask("mục đích của luật 60 là gì", conversation="t:4")
    law = wide_engine.ask("thế còn luật 80?", conversation="t:4")
    assert law.answer.startswith("Hiểu là: mục đích của luật 80 là gì")
    # a number with letters after its digits ("1147-QĐ/BTGDVTW") is named by them too, either way round
    wide_engine.ask("nghị quyết 80 căn cứ những văn bản nào?", conversation="t:11")
    party = wide_engine.ask("còn quyết định 1147-QĐ thì sao?", conversation="t:11")
    assert party.answer.startswith("Hiểu là: quyết định 1147-QĐ căn cứ những văn bản nào?")
    assert (party.citations[0].doc_id, party.citations[0].section) == ("qd-1147-btgdvtw-2025", "preamble")
    # a question refused is still what was asked: the next names another document to ask it of
    wide_engine.ask("kế hoạch 982 có hiệu lực từ ngày nào", conversation="t:12")
    law = wide_engine.ask("thế còn luật 51?", conversation="t:12")
    assert law.answer.startswith("Hiểu là: luật 51 có hiệu lực từ ngày nào")
    assert (law.citations[0].doc_id, law.citations[0].section) == ("luat-51-2024-qh15", "Điều 3.1")
    # named by a kind's chat shorthand ("kh 153"), the first document's name is replaced all the same
    wide_engine.ask("kh 153 can tho bao cao ket qua dinh ky truoc ngay nao", conversation="t:14")
    short = wide_engine.ask("thế còn kế hoạch 159?", conversation="t:14")
    assert short.answer.startswith("Hiểu là: kế hoạch 159 bao cao ket qua dinh ky truoc ngay nao")
    back = wide_engine.ask("còn quyết định 143 thì sao?", conversation="t:11")
    assert back.answer.startswith("Hiểu là: quyết định 143 căn cứ những văn bản nào?")
    assert (back.citations[0].doc_id, back.citations[0].section) == ("qd-143-2025-ubnd-dongthap", "preamble")


def test_a_section_too_long_to_quote_whole_keeps_the_line_that_answers(wide_engine) -> None:
    """A duty asked of a section that is mostly a table: the sentence giving the duty comes after the table, past
    where a whole section is cut; it is quoted (with the other best lines), not the table's first rows alone."""
    answer = wide_engine.ask(
        "Ở Gia Lai, ai có trách nhiệm mua và cấp đồ dùng cá nhân, học phẩm cho học sinh trường dân tộc nội trú?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-48-2025-ubnd-gialai", "Điều 2.2")
    assert "Hiệu trưởng các trường phổ thông dân tộc nội trú chịu trách nhiệm trong việc mua" in answer.answer


def test_what_a_document_replaces_is_the_clause_of_its_own_body_that_says_so(wide_engine) -> None:
    """ "… thay thế kế hoạch nào?" asks what the plan itself says ("Kế hoạch này thay thế Kế hoạch số 371/KH-UBND
    …"), not which plans cite another."""
    answer = wide_engine.ask("ke hoach 556 dong thap ve chien luoc bien thay the ke hoach nao")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "VI.5")
    assert "Kế hoạch này thay thế Kế hoạch số 371/KH-UBND ngày 31/7/2023" in answer.answer


def test_a_when_answer_quotes_what_the_date_is_for(wide_engine) -> None:
    """ "bao giờ có trợ lý AI …": the dated line ("Thời gian thực hiện: Tháng 12/2025") and the line that says what
    is due then ("Ra mắt AI pháp luật hỗ trợ …"), though that one states no date."""
    answer = wide_engine.ask("bac ninh bao gio co tro ly ai ve phap luat cho can bo cong chuc")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-141-ubnd-bacninh-2025", "III.7")
    assert "Thời gian thực hiện: Tháng 12/2025" in answer.answer
    assert "Ra mắt AI pháp luật hỗ trợ cho cán bộ, công chức, viên chức" in answer.answer


def test_a_task_item_whose_label_names_its_lead_unit_is_that_units_task(wide_engine) -> None:
    """ "3. Về đảm bảo an toàn thông tin — a) Nhiệm vụ: … b) Cơ quan thực hiện: - Đơn vị chủ trì: Công an Thành phố.":
    the whole item answers what Công an Thành phố leads, after any section of the unit's own."""
    answer = wide_engine.ask(
        "Trong kế hoạch 308/KH-UBND của Hà Nội về tạo lập dữ liệu, Công an Thành phố chủ trì nhiệm vụ nào?"
    )
    assert [(c.doc_id, c.section) for c in answer.citations] == [("kh-308-ubnd-hanoi-2025", "II.3")]
    assert "kịp thời ứng cứu sự cố" in answer.answer and "Đơn vị chủ trì: Công an Thành phố." in answer.answer
    own_first = wide_engine.ask(
        "Sở Tư pháp tỉnh Bắc Ninh được giao nhiệm vụ gì trong kế hoạch 141 về cán bộ xây dựng chính sách, pháp luật?"
    )
    assert (own_first.citations[0].doc_id, own_first.citations[0].section) == ("kh-141-ubnd-bacninh-2025", "IV.6")


def test_a_plan_named_by_kind_and_bare_number_is_the_one_asked(wide_engine) -> None:
    """ "… trong kế hoạch 308 của Hà Nội": one stored plan has number 308, so the question is about it (another
    Hà Nội text about Công an took it before, and the answer was a refusal)."""
    answer = wide_engine.ask("Công an Thành phố chủ trì nhiệm vụ gì trong kế hoạch 308 của Hà Nội?")
    assert answer.found and answer.citations[0].doc_id == "kh-308-ubnd-hanoi-2025"
    assert "Đơn vị chủ trì: Công an Thành phố." in answer.answer


def test_documents_listed_by_the_signer_the_question_names(wide_engine) -> None:
    """A signer's name is no header field the header match reads; the question naming every word of it lists
    the documents that person signed, each cited to its signature line, of the kind asked."""
    answer = wide_engine.ask("Ông Huỳnh Minh Tuấn đã ký những văn bản nào?")
    assert answer.answer.startswith("Có 2 văn bản phù hợp:")
    assert {(c.doc_id, c.section) for c in answer.citations} == {
        ("kh-552-ubnd-dongthap-2025", "signature"),
        ("qd-143-2025-ubnd-dongthap", "signature"),
    }
    assert "do Huỳnh Minh Tuấn ký" in answer.answer
    plans = wide_engine.ask("Những kế hoạch nào do Phó Chủ tịch Huỳnh Minh Tuấn ký?")
    assert [(c.doc_id, c.section) for c in plans.citations] == [("kh-552-ubnd-dongthap-2025", "signature")]


def test_a_unit_glued_to_its_number_is_the_unit_asked(wide_engine) -> None:
    """ "500MB/hộp thư", "20MB": the rule writes the unit glued to the number; "bao nhiêu MB" asks for it, and is
    neither refused as a question about a word no document writes nor answered from elsewhere."""
    answer = wide_engine.ask("tep dinh kem thu cong vu o dong thap toi da bao nhieu MB")
    assert answer.found
    assert answer.citations[0].doc_id == "qd-143-2025-ubnd-dongthap"
    assert "kích cỡ các tệp gửi kèm tối đa 20MB/hộp thư điện tử" in answer.answer


def test_grounds_several_plans_share_when_none_is_named_alone(wide_engine) -> None:
    """Two provinces' plans for the same emulation drive: the question is about both alike, so neither is its
    one target; the ground both cite is the answer, cited to each plan's preamble."""
    answer = wide_engine.ask(
        "Kế hoạch thi đua chào mừng Đại hội XIV của Đắk Lắk và của Nghệ An cùng căn cứ văn bản nào của Thủ tướng?"
    )
    assert answer.answer.startswith("Cả 2 văn bản cùng căn cứ:")
    assert [b.id for b in answer.legal_bases] == ["2437/QĐ-TTg"]
    assert {(c.doc_id, c.section) for c in answer.citations} == {
        ("kh-0124-ubnd-daklak-2025", "preamble"),
        ("kh-982-ubnd-nghean-2025", "preamble"),
    }


def test_documents_of_a_kind_that_state_the_day_asked(wide_engine) -> None:
    """ "Những luật nào … từ 1/7/2025?": which documents is what is asked, so every law stating that day answers,
    each at the clause that states it with the question's other words (not one saying "01 tháng 7 năm 2027")."""
    answer = wide_engine.ask("nhung luat nao co hieu luc tu 1/7/2025")
    assert {(c.doc_id, c.section) for c in answer.citations} == {
        ("luat-51-2024-qh15", "Điều 3.1"),
        ("luat-60-2024-qh15", "Điều 45"),
        ("luat-80-2025-qh15", "Điều 44.1"),
    }
    assert "năm 2027" not in answer.answer
    reports = wide_engine.ask("Kế hoạch nào yêu cầu báo cáo kết quả trước ngày 15 tháng 12 hằng năm?")
    assert {(c.doc_id, c.section) for c in reports.citations} == {
        ("kh-153-ubnd-cantho-2025", "IV-2.1.b"),
        ("kh-556-ubnd-dongthap-2025", "VI.4"),
    }
    assert not wide_engine.ask("Những kế hoạch nào yêu cầu báo cáo trước ngày 31 tháng 2?").found  # none states it


def test_what_a_document_is_about_is_its_scope_article_else_its_title(wide_engine) -> None:
    """ "… quy định về vấn đề gì?", "… nói về gì": a scope article answers; a resolution without one ("I. QUAN
    ĐIỂM, PHẠM VI VÀ ĐỐI TƯỢNG HỖ TRỢ") is about what its title says; a question asking what a unit appraises
    ("… thẩm định nội dung gì") is no question about the document."""
    scope = wide_engine.ask("Thông tư 109 quy định về vấn đề gì?")
    assert [(c.doc_id, c.section) for c in scope.citations] == [("tt-109-2025-btc", "Điều 1")]
    titled = wide_engine.ask("nghi quyet 380 noi ve gi")
    assert [(c.doc_id, c.section) for c in titled.citations] == [("nq-380-cp-2025", "header")]
    assert "KHẮC PHỤC HẬU QUẢ THIÊN TAI, PHỤC HỒI SẢN XUẤT" in titled.answer
    duty = wide_engine.ask("chi thi 010 dak lak thue tinh tham dinh noi dung gi")
    assert duty.citations[0].section == "I.2.2.e"


def test_a_decision_whose_effect_clause_opens_its_article(wide_engine) -> None:
    """ "Điều 2. Quyết định này có hiệu lực thi hành từ ngày ký ban hành.": the article number opens the clause
    on its line; the date it takes effect is still the document's own clause, not "không ghi"."""
    answer = wide_engine.ask("Quyết định 2623 có hiệu lực khi nào?")
    assert answer.found
    assert [(c.doc_id, c.section) for c in answer.citations] == [("qd-2623-ttg-2025", "Điều 2")]
    assert "có hiệu lực thi hành từ ngày ký ban hành" in answer.answer


def test_a_number_naming_the_document_itself_does_not_open_its_header(wide_engine) -> None:
    """ "kh 310 …": the number names the plan asked about, not a document it cites, so its header stays out of the
    text answer (it was quoted whole: "CỘNG HÒA XÃ", "Số: 310/KH-UBND", …); its preamble stays in (the proposer of
    a text is there: "Ai đề nghị ban hành Thông tư 124?")."""
    answer = wide_engine.ask("kh 310 ha noi 5g ai chu tri")
    assert answer.found and answer.citations[0].doc_id == "kh-310-ubnd-hanoi-2025"
    assert "header" not in {c.section for c in answer.citations}
    assert "CỘNG HÒA XÃ" not in answer.answer


def test_grounds_are_quoted_as_the_preamble_writes_them(wide_engine) -> None:
    """A law cited by name and date ("Căn cứ Luật … ngày 26 tháng 6 năm 2025;") is pasted as the preamble writes
    it, with the words its line opens with ("Căn cứ": a drafter pastes the line as it stands), not shortened to the
    registry's "Luật … năm 2025"; a text the line cites alone, the same."""
    answer = wide_engine.ask("qd 2623 ttg thi hanh luat bao ve du lieu ca nhan can cu nhung van ban nao")
    assert answer.answer.splitlines()[1:] == [
        "- Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025 [1]",
        "- Căn cứ Luật Bảo vệ dữ liệu cá nhân ngày 26 tháng 6 năm 2025 [1]",
    ]
    assert {(c.doc_id, c.section) for c in answer.citations} == {("qd-2623-ttg-2025", "preamble")}


def test_when_a_law_applies_is_cited_to_its_clause_with_the_rest_of_its_article(wide_engine) -> None:
    """ "bắt đầu áp dụng từ ngày nào" asks when the text takes effect: the clause that says so is the first
    citation (not its whole article), and the article's other clauses follow, each cited to itself (here the part
    that applies later)."""
    answer = wide_engine.ask("luat 80/2025 bat dau ap dung tu ngay nao")
    assert [(c.doc_id, c.section) for c in answer.citations[:2]] == [
        ("luat-80-2025-qh15", "Điều 44.1"),
        ("luat-80-2025-qh15", "Điều 44.2"),
    ]
    assert "có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025" in answer.answer
    assert "được thực hiện từ ngày 01 tháng 01 năm 2026" in answer.answer


def test_a_question_asking_whether_asks_a_rule_not_a_sum(wide_engine) -> None:
    """ "… có được nhận cả hai mức hỗ trợ không?" names an amount ("mức hỗ trợ") but asks whether: the rule that
    answers it states no sum, and the clause stating the sums is not put first for holding one."""
    answer = wide_engine.ask(
        "chiến sỹ công an xã ở Hà Nội thuộc đối tượng của cả hai nghị quyết hỗ trợ thì có được nhận cả hai mức hỗ trợ"
        " không?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.2")
    assert "chỉ được hưởng 01 mức hỗ trợ cao nhất" in answer.answer


def test_asking_whether_a_text_states_a_sum_still_asks_the_sum(wide_engine) -> None:
    """ "… có nói mức phạt là bao nhiêu không?" asks whether, and with "bao nhiêu" asks the sum too: the plan for
    the data protection law states no fine, so it is refused (its sections on the law's content were quoted)."""
    answer = wide_engine.ask("Kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân có nói mức phạt là bao nhiêu không?")
    assert not answer.found and answer.citations == []


def test_a_length_of_time_asked_needs_a_section_stating_one(wide_engine) -> None:
    """ "trong mấy ngày", "mấy năm": a length of time is answered by a section stating one ("05 năm"); the
    directive on appraisal states no number of days for the departments' opinions, so that is refused."""
    days = wide_engine.ask("chi thi 10 dak lak: cac so nganh phai gop y tham dinh du an dau tu trong may ngay?")
    assert not days.found and days.citations == []
    years = wide_engine.ask("thoi hieu xu ly ky luat khien trach doi voi cong chuc la may nam")
    assert (years.citations[0].doc_id, years.citations[0].section) == ("luat-80-2025-qh15", "Điều 37.1.a")
    assert "05 năm đối với hành vi vi phạm đến mức phải kỷ luật bằng hình thức khiển trách" in years.answer


def test_chat_words_that_fold_to_content_do_not_refuse_a_question(wide_engine) -> None:
    """Typed without diacritics, "k" (không), "r" (rồi), "minh" (mình) may be no content at all: a section that
    does not hold them still answers ("… cũ có còn làm việc không" is the decision's own transition article)."""
    answer = wide_engine.ask("dh cong nghiep ha noi len dai hoc r thi hoi dong truong cu con lam viec k")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-2536-ttg-2025", "Điều 4")


def test_an_amount_asked_of_a_noun_the_title_holds_still_needs_a_sum(wide_engine) -> None:
    """ "học phí … là bao nhiêu": the resolution's title holds "học phí", yet "bao nhiêu" asks the sum; the only
    section naming Bến Tre repeals its old resolution and states none, so that is refused. Asked how a sum is set
    ("mức chi … tính ra sao"), the title's noun only names the resolution, as before: a share answers."""
    asked = wide_engine.ask("hoc phi mam non cong lap o ben tre nam hoc 2024-2025 la bao nhieu")
    assert not asked.found and asked.citations == []
    how = wide_engine.ask("mức chi cho hội thi cấp xã ở Vĩnh Long được tính ra sao so với cấp tỉnh")
    assert (how.citations[0].doc_id, how.citations[0].section) == ("nq-22-2025-hdnd-vinhlong", "Điều 2.5")
    assert "Mức chi bằng 80% mức chi tương ứng" in how.answer


def test_a_header_fact_of_a_place_no_document_is_about_is_refused(wide_engine) -> None:
    """ "Nghị quyết … của Đà Nẵng có hiệu lực từ ngày nào?": the words match Hà Nội's resolution on the same
    measure, but the question names another city: not answered with Hà Nội's date."""
    answer = wide_engine.ask("Nghị quyết về vùng phát thải thấp của Đà Nẵng có hiệu lực từ ngày nào?")
    assert not answer.found and answer.citations == []
    assert "Đà Nẵng" in answer.answer


def test_when_a_measure_starts_is_not_when_its_text_takes_effect(wide_engine) -> None:
    """ "… bắt đầu áp dụng vùng phát thải thấp từ ngày nào?" names no kind of document: it asks when the
    measure applies (the pilot's own article), not the resolution's effective date (Điều 13.1)."""
    answer = wide_engine.ask("Hà Nội bắt đầu áp dụng vùng phát thải thấp từ ngày nào?")
    assert answer.citations[0].doc_id == "nq-57-2025-hdnd-hanoi"
    assert answer.citations[0].section.startswith("Điều 11")


def test_who_is_appointed_needs_a_person_named(wide_engine) -> None:
    """ "Ai được bổ nhiệm …" asks a person's name: the decision names the post ("Giám đốc Đại học Công nghiệp
    Hà Nội … chịu trách nhiệm thi hành") and bodies ("Bộ Công Thương"), no one, so it is refused."""
    answer = wide_engine.ask("Ai được bổ nhiệm giữ chức giám đốc Đại học Công nghiệp Hà Nội?")
    assert not answer.found and answer.citations == []


def test_the_number_of_a_ground_named_by_its_title(wide_engine) -> None:
    """ "… căn cứ Luật Phí và lệ phí số mấy?": the ground the question names by its whole title, out of the
    fourteen the circular stands on, with its number; a ground whose title cites another text is quoted whole."""
    answer = wide_engine.ask("thong tu 109 btc can cu luat phi va le phi so may")
    assert answer.answer.splitlines() == [
        "Trong 14 văn bản Thông tư 109/2025/TT-BTC của Bộ Tài chính căn cứ, văn bản được hỏi:",
        "- Căn cứ Luật Phí và lệ phí số 97/2015/QH13 [1]",
    ]
    every = wide_engine.ask("thông tư 109/2025/TT-BTC căn cứ những văn bản nào")
    assert (
        "- Nghị định số 166/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị"
        " định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính phủ" in every.answer
    )


def test_an_items_labels_between_two_quoted_lines_are_quoted_with_them(wide_engine) -> None:
    """A task item and its labels: the task and its time answer "khi nào", and the lead unit's label between them
    is quoted too (it answers "đơn vị nào chủ trì")."""
    answer = wide_engine.ask("bac ninh ra mat AI phap luat cho can bo cong chuc vao thoi gian nao, don vi nao chu tri")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-141-ubnd-bacninh-2025", "III.7")
    assert (
        "- Ra mắt AI pháp luật hỗ trợ cho cán bộ, công chức, viên chức trên địa bàn tỉnh. [1]\n"
        "- Đơn vị chủ trì tham mưu thực hiện: Sở Khoa học và Công nghệ. [1]\n"
        "- Đơn vị phối hợp thực hiện: Sở Tư pháp. [1]\n"
        "- Thời gian thực hiện: Tháng 12/2025. [1]"
    ) in answer.answer


def test_an_ordinal_or_a_count_of_other_things_asks_no_sum(wide_engine) -> None:
    """ "… mức chi hỗ trợ … kỳ họp thứ mấy": the resolution's title holds "mức chi"; "thứ mấy" asks which
    session, not a sum, so the closing line that says it answers."""
    answer = wide_engine.ask("nghị quyết hđnd hà nội về mức chi hỗ trợ công an cấp xã thông qua ở kỳ họp thứ mấy")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "closing")
    assert "kỳ họp thứ 28" in answer.answer


def test_a_units_duties_in_a_province_no_document_is_about_are_refused(wide_engine) -> None:
    """ "Sở Nội vụ tỉnh Thanh Hóa …": every province has a Sở Nội vụ and a plan for the same emulation drive, but
    none stored is Thanh Hóa's: its duties are not answered from Đắk Lắk's plan; named as Đắk Lắk's, they are."""
    asked = "Sở Nội vụ tỉnh {} được giao nhiệm vụ gì trong kế hoạch thi đua chào mừng Đại hội XIV của Đảng?"
    elsewhere = wide_engine.ask(asked.format("Thanh Hóa"))
    assert not elsewhere.found and elsewhere.citations == []
    assert "Thanh Hóa" in elsewhere.answer
    here = wide_engine.ask(asked.format("Đắk Lắk"))
    assert [(c.doc_id, c.section) for c in here.citations[:1]] == [("kh-0124-ubnd-daklak-2025", "IV.4")]


@pytest.mark.parametrize(
    ("question", "section", "said"),
    [
        # an item's time label, no day or month: "- Thời gian thực hiện: năm 2026 - 2027"
        (
            "Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân được xây dựng trong thời gian nào?",
            ("qd-2623-ttg-2025", "Kế hoạch.II.6"),
            "Thời gian thực hiện: năm 2026 - 2027",
        ),
        # a length of time written out beside its figure: "45 (bốn mươi lăm) ngày"
        (
            "Không đăng nhập hộp thư công vụ Đồng Tháp trong bao lâu thì bị tạm khóa?",
            ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 9.3.a"),
            "45 (bốn mươi lăm) ngày",
        ),
    ],
)
def test_a_section_saying_when_without_a_date_answers_a_when_question_first(
    wide_engine, question: str, section: tuple[str, str], said: str
) -> None:
    """A "when" question is answered by the best section when it says when without naming a day (a period, a
    time label, a length of time): a runner-up stating a day ("Định kỳ 03 tháng", "trước ngày …") is not put
    before it."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == section
    assert said in answer.answer


def test_a_share_of_a_fee_is_a_sum_of_money(wide_engine) -> None:
    """ "… học trực tuyến thì phải đóng học phí bao nhiêu?": the clause "bằng 75% mức học phí quy định tại khoản
    1" states the fee asked; it is not put after the clause listing the fees in đồng."""
    answer = wide_engine.ask(
        "Học sinh trường phổ thông công lập ở Vĩnh Long học trực tuyến thì phải đóng học phí bao nhiêu?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-20-2025-hdnd-vinhlong", "Điều 2.2")
    assert "bằng 75% mức học phí" in answer.answer


def test_a_tables_rows_are_amounts_when_its_columns_give_the_unit(wide_engine) -> None:
    """The prize table's columns read "Mức chi đạt giải cấp tỉnh (1.000đ)" and its rows "- Giải nhì 2.160 1.728
    1.296 Giải": asked how much a prize pays, the row is quoted (it states no đồng of its own)."""
    answer = wide_engine.ask("hs vinh long dat giai nhi hoc sinh gioi cac mon van hoa thi duoc thuong bao nhieu tien")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-22-2025-hdnd-vinhlong", "Phụ lục V")
    assert "Giải nhì 2.160 1.728 1.296" in answer.answer


def test_a_story_told_before_the_question_does_not_refuse_it(wide_engine) -> None:
    """A parent writes two sentences of story, then asks. The story's words ("lớp 6", "mấy hôm nay") are not what is
    asked: neither the coverage check nor the present-day check reads them; the question sentence is answered from
    the Sở's letter. A story before a question no document answers still gets a refusal."""
    answer = wide_engine.ask(
        "Con tôi học lớp 6 ở Hà Nội. Mấy hôm nay không khí ô nhiễm nặng. "
        "Chỉ số AQI bao nhiêu thì trường được cho học sinh nghỉ?"
    )
    assert [(c.doc_id, c.section) for c in answer.citations[:1]] == [("cv-5095-sgddt-hanoi-2025", "body")]
    assert "VN_AQI ≥ 301" in answer.answer
    refused = wide_engine.ask(
        "Tôi dạy tiểu học ở Vĩnh Long đã 12 năm, lương hiện nay khá thấp. "
        "Phụ cấp thâm niên nhà giáo của tôi mỗi tháng được bao nhiêu?"
    )
    assert not refused.found and refused.citations == []


def test_whether_a_text_is_sent_to_a_body_is_answered_by_its_recipients(wide_engine) -> None:
    """ "… có gửi cho Công an tỉnh không?" asks the "Nơi nhận" list (lexicon fact cues), not the sections that
    give Công an tỉnh tasks."""
    answer = wide_engine.ask("kh 141 bac ninh co gui cho cong an tinh khong")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("kh-141-ubnd-bacninh-2025", "recipients")]
    assert "Công an tỉnh; Bộ Chỉ huy quân sự tỉnh" in answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Thông tư 109 của Bộ Tài chính do thứ trưởng nào ký?", "do THỨ TRƯỞNG Cao Anh Tuấn ký"),
        ("kh 141 bac ninh lanh dao nao ky", "do PHÓ CHỦ TỊCH Phạm Văn Thịnh ký"),
        # the law's "(Đã ký)" between title and name marks the signing: not a title the signer signs with
        ("luật 51 do ai ký?", "do CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn ký"),
    ],
)
def test_which_official_signed_asks_the_signer(wide_engine, question: str, said: str) -> None:
    """ "… do thứ trưởng nào ký?", "lãnh đạo nào ký": a title then "nào ký" asks the signature (lexicon signer
    cues), not the sections that mention a Thứ trưởng or the preamble."""
    answer = wide_engine.ask(question)
    assert [c.section for c in answer.citations] == ["signature"]
    assert said in answer.answer


def test_a_slip_in_a_word_typed_with_diacritics_is_corrected(wide_engine) -> None:
    """ "phườngg": no document holds "phuongg", so it is read as the word one edit away the store knows
    ("phuong"), as a word typed without diacritics is; the question was refused for an unknown word."""
    answer = wide_engine.ask("Cần Thơ phấn đấu tới 2030 bao nhiêu % xã phườngg không có ma tuý?")
    assert answer.citations[0].doc_id == "kh-153-ubnd-cantho-2025"
    assert answer.citations[0].section == "I.4.a"
    assert "đạt ít nhất 50% số xã, phường" in answer.answer


@pytest.mark.parametrize(
    ("question", "doc_id", "ground"),
    [
        (
            "KH chuyển đổi số hạ tầng giao thông Đồng Tháp căn cứ QĐ nào của Bộ Xây dựng?",
            "kh-597-ubnd-dongthap-2025",
            "Quyết định số 1644/QĐ-BXD ngày 30/9/2025",
        ),
        ("nghi quyet hoc phi vinh long can cu nd nao cua chinh phu", "nq-20-2025-hdnd-vinhlong", "238/2025/NĐ-CP"),
    ],
)
def test_a_kind_typed_as_its_shorthand_before_nao_asks_the_grounds(
    wide_engine, question: str, doc_id: str, ground: str
) -> None:
    """ "căn cứ QĐ nào", "căn cứ nd nào": the shorthand of a kind reads as the kind before "nào" as before a number
    (lexicon kind_shorthand_before), so the question asks the grounds and is answered from the preamble."""
    answer = wide_engine.ask(question)
    assert [(c.doc_id, c.section) for c in answer.citations] == [(doc_id, "preamble")]
    assert ground in answer.answer


def test_an_administrative_abbreviation_names_the_unit(wide_engine) -> None:
    """ "bo chqs tinh": "CHQS" is "chỉ huy quân sự" (lexicon abbreviations, general administrative language), so
    the question names the Bộ Chỉ huy Quân sự tỉnh and gets its duties in the forest-fire rules."""
    answer = wide_engine.ask("qd 96 quang ninh: bo chqs tinh co nhiem vu gi trong chua chay rung?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "qd-96-2025-ubnd-quangninh",
        "Quy định.Điều 18.3",
    )


def test_a_deadline_after_a_documents_number_is_not_its_issue_date(wide_engine) -> None:
    """ "… Nghị quyết 214 trước ngày nào hằng tháng": "trước ngày nào" after a number asks a deadline, not the day the
    numbered text was issued (lexicon dated_patterns leave out trước/sau/từ/đến/hạn/chậm); it was answered with
    the resolution's date from the preamble."""
    answer = wide_engine.ask("Hà Nội: các sở báo cáo tiến độ thực hiện Nghị quyết 214 trước ngày nào hằng tháng?")
    cited = [(c.doc_id, c.section) for c in answer.citations]
    assert ("kh-308-ubnd-hanoi-2025", "III.2") in cited and ("kh-308-ubnd-hanoi-2025", "preamble") not in cited
    assert "trước ngày 15 hằng tháng" in answer.answer


def test_hn_names_ha_noi(wide_engine) -> None:
    """ "HN" is how people type Hà Nội (places.json aliases): a question about Hà Nội that no document answers is
    refused, and not from Vĩnh Long's exam fees: it was answered from them, then refused naming them."""
    answer = wide_engine.ask("HN trả tiền công coi thi tuyển sinh lớp 10 bao nhiêu một buổi?")
    assert not answer.found and "Vĩnh Long" not in answer.answer


def test_phep_nam_is_the_laws_nghi_hang_nam(wide_engine) -> None:
    """ "phép năm" is what the law calls "nghỉ hằng năm" (lexicon thesaurus): the clause on pay for unused days
    covers the question; it was refused for coverage 0.49 < 0.5."""
    answer = wide_engine.ask("Công chức không nghỉ hết phép năm thì có được thanh toán tiền không?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 11.1")
    assert "thanh toán thêm một khoản tiền bằng tiền lương" in answer.answer


def test_chat_words_no_document_writes_do_not_refuse(wide_engine) -> None:
    """ "hôm nào", "chị ấy": everyday words (lexicon question_words_exact) are not content a document must hold,
    nor unknown words that raise the coverage needed; the question was refused for "hom" unknown."""
    answer = wide_engine.ask("Hôm nào chỉ số AQI xấu thì các trường ở Hà Nội phải làm gì ạ?")
    assert ("cv-5095-sgddt-hanoi-2025", "body") in [(c.doc_id, c.section) for c in answer.citations]


def test_hn_in_a_question_is_ha_noi_not_an_unknown_word(wide_engine) -> None:
    """ "HN" is written out as "Hà Nội" (lexicon abbreviations), so it is not an unknown word raising the coverage
    needed: the question about Hà Nội's support for commune police was refused."""
    answer = wide_engine.ask("Công an xã ở HN có được nhận cùng lúc hỗ trợ của hai nghị quyết không?")
    assert answer.found and answer.citations[0].doc_id == "nq-80-2025-hdnd-hanoi"
    assert "chỉ được hưởng 01 mức hỗ trợ cao nhất" in answer.answer


def test_a_date_is_not_an_amount(wide_engine) -> None:
    """ "ngày 10 tháng 12 năm 2024" states no amount: for "hỗ trợ bao nhiêu một tháng" the clause with the sum
    ("4.960.000 đồng/người/tháng") answers first, not the one citing a resolution of that date."""
    answer = wide_engine.ask("cán bộ công an xã HN hưởng hỗ trợ bao nhiêu một tháng")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.1")
    assert "4.960.000 đồng/người/tháng" in answer.answer


def test_a_reporting_period_is_not_a_signer_asked(wide_engine) -> None:
    """ "… ngày nào, kỳ báo cáo …" folds to "nao ky", the signer's cue "nào ký"; typed with diacritics it asks
    the signer only when spelt so (lexicon accented_cues). It was answered with the plan's signature."""
    answer = wide_engine.ask(
        "Kế hoạch 556 Đồng Tháp về biển và hải đảo: báo cáo hằng năm gửi Sở chậm nhất ngày nào, kỳ báo cáo tính ra sao?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "VI.4")
    assert "chậm nhất ngày 17 tháng 12" in answer.answer


def test_the_date_of_a_cited_document_does_not_say_when(wide_engine) -> None:
    """A line citing "Tờ trình số … ngày …" states when that text was issued, not until when anything runs
    (extract.says_when): the transition article, the council and rector going on until new ones are named,
    answers "đến khi nào" first, ahead of a clause whose only date is that of a cited submission ("Tờ trình số
    1930/TTr-BGDĐT ngày 03 tháng 11 năm 2025")."""
    answer = wide_engine.ask(
        "Hiệu trưởng Trường ĐH Công nghiệp Hà Nội còn giữ nhiệm vụ đến khi nào sau khi trường thành đại học?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-2536-ttg-2025", "Điều 4")


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Kế hoạch 308 của Hà Nội: sở ngành báo cáo định kỳ lúc nào?", "III.2"),
        ("kế hoạch 308 hà nội ký lúc nào?", "header"),
    ],
)
def test_dinh_ky_luc_nao_asks_no_date_of_signing(wide_engine, question: str, section: str) -> None:
    """ "định kỳ lúc nào" folds to "… ky luc nao", the cue of "ký lúc nào"; typed with diacritics, the date cues
    with "ký" ask only when spelt so (lexicon accented_cues). It was answered with the plan's date. The sở ngành
    report by the 15th of each month (III.2; III.1 came first while the plan's closing paragraph was read as part of
    III.2)."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", section)


def test_a_ride_hailing_motorbike_on_petrol_is_the_resolutions_fossil_fuel_app_vehicle(wide_engine) -> None:
    """ "xe ôm công nghệ", "chạy xăng": the resolution says "kinh doanh trên nền tảng phần mềm ứng dụng hỗ trợ kết
    nối vận tải" and "nhiên liệu hóa thạch" (lexicon thesaurus, one-way); the question was refused."""
    answer = wide_engine.ask("đi xe ôm công nghệ chạy xăng thì có được vào vùng phát thải thấp ở Hà Nội không?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-57-2025-hdnd-hanoi", "Điều 10.3.c")
    assert "cấm lưu thông trong vùng phát thải thấp" in answer.answer


def test_bao_nhiu_still_asks_an_amount(wide_engine) -> None:
    """ "bao nhiu" is chat's "bao nhiêu" (lexicon chat.shorthand): the question asks a sum of money, and no section
    states a fine, so it is refused; read as a typo only, it asked nothing and was answered with the ban itself
    once "chạy xăng" reached the resolution's words."""
    answer = wide_engine.ask("Xe máy chạy xăng vào vùng phát thải thấp ở Hà Nội giờ cấm thì bị phạt bao nhiu tiền?")
    assert not answer.found


@pytest.mark.parametrize(
    ("question", "doc_id", "ground"),
    [
        (
            "Em đang soạn kế hoạch truyền thông giảm nghèo cho phường. Kế hoạch 159 của Cần Thơ căn cứ những văn bản nào?",
            "kh-159-ubnd-cantho-2025",
            "06/2022/TT-BTTTT",
        ),
        (
            "đang soạn kế hoạch về biển đảo, muốn tham khảo kế hoạch 556 của Đồng Tháp: nó căn cứ văn bản nào?",
            "kh-556-ubnd-dongthap-2025",
            "48/NQ-CP",
        ),
    ],
)
def test_a_drafter_consulting_one_plan_gets_its_grounds(wide_engine, question: str, doc_id: str, ground: str) -> None:
    """A drafter who names the plan they consult asks that plan's grounds ("Kế hoạch 159 … căn cứ những văn bản
    nào?" after telling they draft, or "muốn tham khảo kế hoạch 556: …", lexicon intents.consults), not what every
    plan cites most; both were answered with the ranking over all plans."""
    answer = wide_engine.ask(question)
    assert [(c.doc_id, c.section) for c in answer.citations] == [(doc_id, "preamble")]
    assert ground in answer.answer


@pytest.mark.parametrize(
    ("question", "doc_id", "ground"),
    [
        # one sentence: the drafting told in its first clause, the document named by number in the clauses asking
        (
            "Đang soạn tờ trình bên Sở Tư pháp, cho mình hỏi quyết định 143/2025 của Đồng Tháp về thư điện tử công vụ"
            " được ban hành căn cứ những văn bản nào?",
            "qd-143-2025-ubnd-dongthap",
            "Luật An toàn thông tin mạng số 86/2015/QH13",
        ),
        # the plan named in the story, asked after it by the texts it carries out, each kind with its issuer
        (
            "Em đang soạn kế hoạch chuyển đổi số cho phường, muốn dẫn căn cứ giống kế hoạch của UBND tỉnh Đồng Tháp về"
            " hạ tầng giao thông. Kế hoạch đó thực hiện theo nghị quyết của Bộ Chính trị và nghị quyết nào của Chính phủ?",
            "kh-597-ubnd-dongthap-2025",
            "Nghị quyết số 71/NQ-CP",
        ),
    ],
)
def test_a_drafter_asking_of_the_document_they_name_gets_its_grounds(
    wide_engine, question: str, doc_id: str, ground: str
) -> None:
    """A drafter naming the document they consult in the clauses after the one telling the drafting, or asking the
    texts it carries out ("thực hiện theo nghị quyết của Bộ Chính trị và nghị quyết nào …", lexicon
    intents.legal_bases_patterns), asks that document's grounds; both got what every plan cites most. Drafting on a
    text named in the drafting clause itself still gets the plans' ranking."""
    answer = wide_engine.ask(question)
    assert {(c.doc_id, c.section) for c in answer.citations} == {(doc_id, "preamble")}
    assert ground in answer.answer
    ranked = wide_engine.ask("Soạn kế hoạch triển khai Nghị quyết 57-NQ/TW ở xã, nên căn cứ văn bản nào?")
    assert re.match(r"\d+ văn bản hiện có căn cứ 57-NQ/TW; các văn bản chúng căn cứ", ranked.answer)


@pytest.mark.parametrize(
    "question",
    [
        "Lệ phí dự thi sát hạch để được cấp chứng chỉ hành nghề môi giới bất động sản hiện nay là bao nhiêu?",
        "Con mình vào lớp 10 trường THPT công lập ở một phường của tỉnh Vĩnh Long. Năm học 2025-2026 học phí mỗi "
        "tháng là bao nhiêu vậy mọi người?",
    ],
)
def test_a_question_typed_with_no_break_spaces_is_answered_as_typed_with_spaces(wide_engine, question: str) -> None:
    """A phone keyboard or a pasted text may put no-break spaces between the words: the question is the same one
    (``core.text.composed`` reads every kind of space as a plain one, as the documents are read); the first was
    answered, with a fee it does not ask, and the second cited other sections."""
    typed = wide_engine.ask(question)
    nbsp = wide_engine.ask(question.replace(" ", "\u00a0"))
    assert (nbsp.found, nbsp.answer, nbsp.citations) == (typed.found, typed.answer, typed.citations)


@pytest.mark.parametrize(
    ("question", "doc_id", "section"),
    [
        (
            "ubnd phường ở cần thơ làm gì trong kế hoạch truyền thông giảm nghèo đa chiều?",
            "kh-159-ubnd-cantho-2025",
            "V.6",
        ),
        (
            "Kế hoạch thi đua chi trả không dùng tiền mặt Cần Thơ: UBND cấp xã làm gì?",
            "kh-157-ubnd-cantho-2025",
            "V.5",
        ),
    ],
)
def test_a_commune_level_unit_is_named_by_any_of_its_levels_forms(
    wide_engine, question: str, doc_id: str, section: str
) -> None:
    """ "UBND phường", "UBND cấp xã": the plans' "Ủy ban nhân dân cấp xã" and "Ủy ban nhân dân xã, phường" are one
    level of local government (lexicon units.levels), so the question names the unit and gets its section; both
    were answered from other sections."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (doc_id, section)


def test_so_gd_is_the_department_of_education(wide_engine) -> None:
    """ "sở gd": "Sở Giáo dục và Đào tạo" is also named by the initials of its first part, as people type it."""
    answer = wide_engine.ask("sở gd đồng tháp làm gì trong kế hoạch về biển và hải đảo?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "IV.8")


def test_cau_ay_is_a_chat_word_not_content(wide_engine) -> None:
    """ "cậu ấy" (a pronoun, lexicon question_words_exact) is no word a section must hold nor an unknown word that
    raises the coverage needed; the question was refused for "cau" unknown."""
    answer = wide_engine.ask(
        "Con trai tôi từng bị kết án nhưng chưa được xóa án tích. Theo Luật Cán bộ, công chức mới, cậu ấy có được"
        " đăng ký thi công chức không?"
    )
    assert ("luat-80-2025-qh15", "Điều 19.3.b") in [(c.doc_id, c.section) for c in answer.citations]
    assert "mà chưa được xóa án tích" in answer.answer


def test_daklak_glued_is_dak_lak(wide_engine) -> None:
    """ "daklak" is how people type Đắk Lắk in one word (lexicon abbreviations): not an unknown word raising the
    coverage needed, so the question is answered from the province's directive; it was refused."""
    answer = wide_engine.ask(
        "chi thi 010 daklak: ubnd xa phuong khi duoc lay y kien tham dinh thi danh gia noi dung gi"
    )
    assert answer.found and {c.doc_id for c in answer.citations} == {"ct-010-ubnd-daklak-2025"}


def test_a_unit_named_with_an_abbreviation_and_cac_is_found_as_typed_in_full(wide_engine) -> None:
    """The directive heads a point "UBND các xã, phường"; a question typing "UBND xã, phường" (written out as
    "ủy ban nhân dân xã phường") names it, so its duties answer alone: it was answered by four sections."""
    answer = wide_engine.ask("chỉ thị 010 Đắk Lắk: UBND xã, phường phải làm gì khi thẩm định dự án?")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("ct-010-ubnd-daklak-2025", "I.2.2.g")]


def test_amount_words_that_only_name_the_resolution_ask_no_amount(wide_engine) -> None:
    """ "nq 22 … về mức chi tổ chức kỳ thi: … thì hưởng thế nào?": "mức chi" is in the resolution's title and no
    amount word asks one, so the rule for a person with several tasks in a day answers, not the fee tables of the
    appendix (which came first, for stating sums)."""
    answer = wide_engine.ask(
        "nq 22 vĩnh long về mức chi tổ chức kỳ thi: một người kiêm nhiều nhiệm vụ trong một ngày thì hưởng thế nào?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-22-2025-hdnd-vinhlong", "Điều 2.8")
    assert "chỉ được hưởng một mức thù lao cao nhất" in answer.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Theo Chỉ thị 010 của Đắk Lắk, Thuế tỉnh có ý kiến thẩm định về những nội dung nào?", "I.2.2.e"),
        (
            "Chỉ thị 010 Đắk Lắk: khi được lấy ý kiến thẩm định, UBND xã, phường cho ý kiến về những nội dung gì?",
            "I.2.2.g",
        ),
    ],
)
def test_a_unit_named_in_a_what_question_answers_from_its_section(wide_engine, question: str, section: str) -> None:
    """A question naming a unit its document gives a section of its own ("Thuế tỉnh Đắk Lắk", named without the
    province in that province's directive; "UBND các xã, phường"), without asking its duties in so many words
    ("có ý kiến về những nội dung nào"): that section answers first; other clauses on appraisal came first."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("ct-010-ubnd-daklak-2025", section)


def test_a_moment_in_a_question_naming_its_text_is_the_askers_situation(wide_engine) -> None:
    """ "hôm nay …" ties a question to the day it is asked (a weather forecast, a price: refused), but a question
    naming the kind of text it asks about ("quy định của Quảng Ninh", "qd …") asks what that text says: the day is
    the asker's situation, and the rule answers. It was refused: no section speaks of "hôm nay"."""
    answer = wide_engine.ask(
        "Hôm nay xã em có dự báo nguy cơ cháy rừng cấp V, theo quy định phòng cháy rừng của Quảng Ninh thì "
        "nhà em có được đốt dọn thực bì không?"
    )
    assert answer.found
    assert answer.citations[0].section == "Quy định.Điều 10.5.b"
    assert "Không đốt vào những ngày có dự báo nguy cơ cháy rừng ở cấp IV, cấp V" in answer.answer
    weather = wide_engine.ask("Hôm nay Quảng Ninh có nguy cơ cháy rừng cao không, trời có mưa không?")
    assert not weather.found


def test_a_count_asked_is_not_a_sum_for_a_money_word_in_its_condition(wide_engine) -> None:
    """ "tối đa mấy nhiệm vụ …, có phụ cấp rồi thì …": the question counts tasks; "phụ cấp" (a money word) is
    in its condition and asks no sum. It was refused for lack of a sum of money in the clause that answers."""
    answer = wide_engine.ask(
        "giao vien pho thong duoc kiem nhiem toi da bao nhieu nhiem vu theo thong tu 05, co phu cap roi thi co duoc "
        "giam dinh muc tiet day ko"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("tt-05-2025-bgddt", "Điều 3.3")
    assert "không kiêm nhiệm quá 02 nhiệm vụ" in answer.answer


def test_a_document_named_by_its_own_number_is_asked_what_it_says(wide_engine) -> None:
    """ "nghị quyết 80/2025 của HĐND Hà Nội …", "kh 982 nghe an …": the number names the document itself, so its
    preamble (read when a question cites another text's number, for the lines citing it) is not searched for what
    the document sets; the preamble's words came first (and the resolution's question was refused)."""
    answer = wide_engine.ask("nghị quyết 80/2025 của HĐND Hà Nội hỗ trợ lực lượng công an xã bao nhiêu tiền một tháng")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.1")
    assert "4.960.000 đồng/người/tháng" in answer.answer
    plan = wide_engine.ask("kh 982 nghe an ve thi dua chao mung dai hoi dang lan thu 14 co nhung noi dung thi dua nao")
    assert (plan.citations[0].doc_id, plan.citations[0].section) == ("kh-982-ubnd-nghean-2025", "II")
    assert "preamble" not in {c.section for c in plan.citations}


def test_who_proposed_a_document_is_its_preambles_proposal_line(wide_engine) -> None:
    """ "do cơ quan nào đề nghị ban hành?": the preamble's "Theo đề nghị của …" line answers, alone (a header fact,
    lexicon facts.proposer); it came with two articles that share the question's words."""
    answer = wide_engine.ask("Quyết định 2536 về Đại học Công nghiệp Hà Nội do cơ quan nào đề nghị ban hành?")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("qd-2536-ttg-2025", "preamble")]
    assert "Theo đề nghị của Bộ trưởng Bộ Giáo dục và Đào tạo tại Tờ trình số 1930/TTr-BGDĐT" in answer.answer


@pytest.mark.parametrize(
    ("question", "opening", "bases"),
    [
        (
            "Quyết định 2536 của Thủ tướng về Đại học Công nghiệp Hà Nội dựa trên các văn bản pháp luật nào?",
            "Quyết định 2536/QĐ-TTg của Thủ tướng Chính phủ căn cứ 4 văn bản:",
            4,
        ),
        (
            "Kế hoạch 310 của Hà Nội làm theo văn bản nào của Chính phủ?",
            "Kế hoạch 310/KH-UBND của Ủy ban nhân dân thành phố Hà Nội căn cứ 2 văn bản:",
            2,
        ),
        (
            "nghi quyet 57 hdnd ha noi ban hanh dua tren nhung van ban nao",
            "Nghị quyết 57/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội căn cứ 10 văn bản:",
            10,
        ),
    ],
)
def test_grounds_asked_in_other_words_are_listed(wide_engine, question: str, opening: str, bases: int) -> None:
    """ "dựa trên các văn bản pháp luật nào" asks grounds of every kind ("pháp luật" names no kind "luật": the decree
    was left out), "làm theo văn bản nào" asks grounds (it was answered from another plan's sections), and "nghị
    quyết 57" naming the resolution itself is not also a cited 57-NQ/TW it was said not to cite ("Không: …")."""
    answer = wide_engine.ask(question)
    assert answer.answer.startswith(opening)
    assert len(answer.legal_bases) == bases
    assert {c.section for c in answer.citations} == {"preamble"}


def test_a_units_task_under_a_heading_naming_responsibility_is_its_own(wide_engine) -> None:
    """A plan's implementation part headed "Trách nhiệm thực hiện" (not "Tổ chức thực hiện"; lexicon
    units.implementation) gives each unit named at a line's opening its task: the Sở Nội vụ's line alone answers,
    not the closing paragraph and another section that mention the department."""
    answer = wide_engine.ask("Kế hoạch 982 của Nghệ An: Sở Nội vụ có nhiệm vụ gì trong đợt thi đua?")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("kh-982-ubnd-nghean-2025", "V.2")]
    assert "Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua" in answer.answer
    assert "Sở Văn hóa" not in answer.answer


def test_whose_asked_of_a_thing_the_document_sets_is_not_its_issuer(wide_engine) -> None:
    """ "… chịu sự quản lý nhà nước về lãnh thổ của cơ quan nào?" asks what the decision sets; "của cơ quan nào"
    asks the issuer only when the question's other words just name the document (lexicon weak_facts.issuer). The
    header's issuer was the answer."""
    answer = wide_engine.ask(
        "Theo quyết định 2536, Đại học Công nghiệp Hà Nội chịu sự quản lý nhà nước về lãnh thổ của cơ quan nào?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-2536-ttg-2025", "Điều 2")
    assert "chịu sự quản lý nhà nước về lãnh thổ của Ủy ban nhân dân thành phố Hà Nội" in answer.answer
    issuer = wide_engine.ask("Quyết định 2536/QĐ-TTg là của cơ quan nào?")
    assert issuer.answer.startswith("Cơ quan ban hành: Thủ tướng Chính phủ")


def test_an_article_stating_a_rule_before_its_clauses_answers_first(wide_engine) -> None:
    """ "Điều 2. Đại học Công nghiệp Hà Nội là đơn vị sự nghiệp công lập, … có tư cách pháp nhân …" states the rule
    itself before its clauses 1-3, which share the question's names: the article answers first, not a clause."""
    answer = wide_engine.ask("dai hoc cong nghiep ha noi co tu cach phap nhan khong, la don vi gi")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-2536-ttg-2025", "Điều 2")
    assert "có tư cách pháp nhân, con dấu và tài khoản riêng" in answer.answer


def test_a_task_wrapped_before_a_capitalised_name_is_quoted_whole(wide_engine) -> None:
    """kh-982's bullets are indented: "- Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban" / "Tuyên giáo và Dân vận
    Tỉnh ủy tiếp tục chỉ đạo …" is one task (the answer quoted its first line alone)."""
    answer = wide_engine.ask("Kế hoạch 982 Nghệ An giao Sở Văn hóa, Thể thao và Du lịch việc gì?")
    assert answer.citations[0].doc_id == "kh-982-ubnd-nghean-2025"
    assert (
        "Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy tiếp tục chỉ đạo các cơ quan "
        "truyền thông"
    ) in answer.answer


def test_a_month_and_its_year_is_no_document_number(wide_engine) -> None:
    """ "tháng 12/2025" is a month: it is no legal number the question cites, so the header and preamble are not
    searched for the lines citing it (the header came first, then the preamble, then the tasks)."""
    answer = wide_engine.ask(
        "Công văn tháng 12/2025 của Sở GD Hà Nội về ô nhiễm không khí yêu cầu trường học làm những gì?"
    )
    assert [(c.doc_id, c.section) for c in answer.citations] == [("cv-5095-sgddt-hanoi-2025", "body")]
    assert "Hạn chế các hoạt động ngoài trời cho học sinh" in answer.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        (
            "Công văn 5095 của Sở Giáo dục Hà Nội được ban hành để thực hiện công văn nào của UBND Thành phố?",
            "Công văn 5095/SGDĐT-CTTTHSSV của Sở Giáo dục và Đào tạo (Hà Nội) căn cứ 1 văn bản:",
        ),
        (
            "chi thi 06 quang tri ve lan chiem dat lam nghiep duoc ban hanh de thuc hien nhung chi thi, ke hoach nao",
            "Chỉ thị 06/CT-UBND của Ủy ban nhân dân tỉnh Quảng Trị căn cứ 4 văn bản:",
        ),
    ],
)
def test_grounds_asked_as_the_texts_it_carries_out(wide_engine, question: str, opening: str) -> None:
    """ "để thực hiện công văn nào", "… những chỉ thị, kế hoạch nào" ask the grounds (lexicon legal_bases_patterns:
    kinds listed, "công văn", "phương án"); they were answered from the body's sections."""
    answer = wide_engine.ask(question)
    assert answer.answer.startswith(opening)
    assert {c.section for c in answer.citations} == {"preamble"}


def test_a_plan_number_typed_with_its_leading_zero_names_it_and_its_grounds_paste_as_written(wide_engine) -> None:
    """ "kế hoạch 0124 …" names the plan numbered 0124/KH-UBND, not its neighbour 0134 (the kind and number were
    matched without the zero); its ground, cited on a "Thực hiện …" line, is pasted as the plan writes it, to the end
    of its sentence (lexicon grounds_openings), with the words its line opens with, not the next sentence's "Để tiếp
    tục đẩy mạnh …"."""
    answer = wide_engine.ask("kế hoạch 0124 đắk lắk căn cứ văn bản nào")
    assert answer.answer.startswith("Kế hoạch 0124/KH-UBND của Ủy ban nhân dân tỉnh Đắk Lắk căn cứ 1 văn bản:")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("kh-0124-ubnd-daklak-2025", "preamble")]
    assert (
        "- Thực hiện Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai"
        in answer.answer
    )
    assert "nhiệm vụ Nghị quyết đại hội lần thứ XIII của Đảng [1]" in answer.answer
    assert "Để tiếp tục" not in answer.answer


def test_a_fee_for_something_the_circular_never_prices_is_refused(wide_engine) -> None:
    """The circular sets the fee of the real-estate broker's certificate; the architect's certificate it never
    speaks of is not priced from it, though every other word of the question is there."""
    other = wide_engine.ask("Theo Thông tư 109/2025/TT-BTC, lệ phí cấp chứng chỉ hành nghề kiến trúc là bao nhiêu?")
    assert not other.found and other.citations == []
    own = wide_engine.ask("le phi cap chung chi hanh nghe moi gioi bat dong san theo thong tu 109 het bao nhieu tien")
    assert own.found
    assert ("tt-109-2025-btc", "Điều 4.1") in {(c.doc_id, c.section) for c in own.citations}


def test_when_a_part_of_a_law_applies_the_clause_dating_that_part_answers_first(wide_engine) -> None:
    """ "đánh giá công chức áp dụng từ ngày nào": the clause that dates the rules on assessment, before the law's
    own entry into force."""
    answer = wide_engine.ask("luat can bo cong chuc 2025 danh gia cong chuc ap dung tu ngay nao")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 44.2")
    assert "từ ngày 01 tháng 01 năm 2026" in answer.answer.split("\n")[1]


def test_asked_at_what_moment_is_asked_when(wide_engine) -> None:
    """ "vào thời điểm nào": a when-question, answered by the clause that states the days of the report."""
    answer = wide_engine.ask(
        "thu dien tu cong vu dong thap: so khcn bao cao ubnd tinh tinh hinh su dung vao thoi diem nao"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "qd-143-2025-ubnd-dongthap",
        "Quy chế.Điều 12.3",
    )
    assert "trước ngày 30/6 của năm" in answer.answer


def test_a_fee_asked_per_a_unit_the_resolution_never_uses_is_refused(wide_engine) -> None:
    """The resolution sets school fees per month; "bao nhiêu một tín chỉ" asks a fee per credit it never sets."""
    per_credit = "Học phí trung học phổ thông công lập ở Vĩnh Long năm học 2025-2026 là bao nhiêu một tín chỉ?"
    asked = wide_engine.ask(per_credit)
    assert not asked.found and asked.citations == []
    per_month = wide_engine.ask(per_credit.replace("một tín chỉ", "một tháng"))
    assert per_month.found and per_month.citations[0].doc_id == "nq-20-2025-hdnd-vinhlong"


def test_a_unit_named_only_by_its_plans_title_words_is_not_asked(wide_engine) -> None:
    """ "… khu công nghiệp: Sở Tài chính có nhiệm vụ gì": "khu công nghiệp" names the plan (its title), though it
    is also a part of another unit's name; the duties asked are the finance department's alone."""
    answer = wide_engine.ask(
        "KH 310 Ha Noi ve 5G, IoT o khu cong nghe cao, khu cong nghiep: So Tai chinh co nhiem vu gi"
    )
    assert [(c.doc_id, c.section) for c in answer.citations] == [("kh-310-ubnd-hanoi-2025", "V.3")]


def test_who_leads_a_task_is_answered_by_the_line_naming_its_lead(wide_engine) -> None:
    """ "… thì đơn vị nào chủ trì": the task's lines match best, but its sibling "Cơ quan thực hiện" names the
    lead ("Đơn vị chủ trì: Công an Thành phố") and answers first."""
    answer = wide_engine.ask(
        "ke hoach 308 ha noi: phoi hop voi bo cong an ung cuu su co cho ha tang ky thuat thi don vi nao chu tri"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", "II.3.b")
    assert "Đơn vị chủ trì: Công an Thành phố" in answer.answer


def test_a_drafter_telling_their_work_in_a_first_clause_gets_the_named_plans_grounds(wide_engine) -> None:
    """ "mình đang soạn văn bản triển khai, kế hoạch 552 … căn cứ những văn bản nào": the drafting is told in the
    first clause; what is asked is the grounds of the plan named, not what every plan cites most."""
    answer = wide_engine.ask("minh dang soan van ban trien khai, ke hoach 552 dong thap can cu nhung van ban nao")
    assert answer.answer.startswith("Kế hoạch 552/KH-UBND của Ủy ban nhân dân tỉnh Đồng Tháp căn cứ 5 văn bản:")
    assert {(c.doc_id, c.section) for c in answer.citations} == {("kh-552-ubnd-dongthap-2025", "preamble")}


def test_grounds_asked_by_their_numbers_are_the_named_plans_grounds(wide_engine) -> None:
    """ "… căn cứ những nghị quyết số nào?", "… căn cứ vào những thông tư, quyết định số mấy?": the kinds of the
    named plan's grounds asked by their numbers (lexicon legal_bases_patterns, asked_kinds), not a refusal nor, after
    the drafter's story, what every plan cites most."""
    kinds = wide_engine.ask("Kế hoạch 552 của Đồng Tháp căn cứ những nghị quyết số nào?")
    assert kinds.answer.startswith("Kế hoạch 552/KH-UBND của Ủy ban nhân dân tỉnh Đồng Tháp căn cứ 2 văn bản:")
    assert "Nghị quyết số 71/NQ-CP" in kinds.answer and "Nghị quyết số 57-NQ/TW" in kinds.answer
    drafting = wide_engine.ask(
        "minh dang soan ke hoach truyen thong cho phuong, ke hoach 159 can tho can cu vao nhung thong tu, quyet dinh so may?"
    )
    assert drafting.answer.startswith("Kế hoạch 159/KH-UBND của Ủy ban nhân dân thành phố Cần Thơ căn cứ")
    assert {(c.doc_id, c.section) for c in drafting.citations} == {("kh-159-ubnd-cantho-2025", "preamble")}
    assert "Thông tư số 06/2022/TT-BTTTT" in drafting.answer


@pytest.mark.parametrize(
    ("question", "doc_id", "opening"),
    [
        ("kế hoạch 310 căn cứ những văn bản nào?", "kh-310-ubnd-hanoi-2025", "Kế hoạch 310/KH-UBND"),
        ("căn cứ pháp lý của kế hoạch 308 là gì?", "kh-308-ubnd-hanoi-2025", "Kế hoạch 308/KH-UBND"),
        ("nghị quyết số 57 được ban hành dựa trên những căn cứ nào?", "nq-57-2025-hdnd-hanoi", "Nghị quyết 57/2025"),
        ("kế hoạch 308/2025 căn cứ gì", "kh-308-ubnd-hanoi-2025", "Kế hoạch 308/KH-UBND"),  # its year after "/"
        # its full number, which another province's plan 310 of 2024, cited by a stored plan, also has
        ("Kế hoạch số 310/KH-UBND căn cứ những văn bản nào?", "kh-310-ubnd-hanoi-2025", "Kế hoạch 310/KH-UBND"),
    ],
)
def test_a_document_named_by_kind_and_number_alone_gets_its_own_grounds(
    wide_engine, question: str, doc_id: str, opening: str
) -> None:
    """A document named only by its kind and number ("số" or not), whose other words ("căn cứ", "văn bản") every
    plan shares: the one stored document of that kind and number is asked, and its preamble answers, not another
    plan's, a section saying "căn cứ Kế hoạch này", or a refusal."""
    answer = wide_engine.ask(question)
    assert answer.answer.startswith(opening)
    assert {(c.doc_id, c.section) for c in answer.citations} == {(doc_id, "preamble")}


@pytest.mark.parametrize(
    "question",
    [
        "kế hoạch triển khai nghị quyết 57 căn cứ những gì",  # a plan carrying out NQ 57-NQ/TW is asked
        "theo nghị quyết 57 thì cần căn cứ những văn bản nào",  # a ground named, not a document asked
        "Nghị quyết 57 của Bộ Chính trị căn cứ những văn bản nào",  # 57-NQ/TW, cited here, not stored
        "Kế hoạch 552 năm 2023 căn cứ những văn bản nào?",  # the stored plan 552 is of 2025
        "kế hoạch 552/2023 căn cứ những văn bản nào",  # the year typed with the number
    ],
)
def test_a_number_naming_another_document_than_the_stored_one_does_not_get_its_grounds(
    wide_engine, question: str
) -> None:
    """The stored document of a kind and number is not the one asked about when another kind is named before it
    in its clause, a word before it makes it a ground, the question's words describe a document stored ones cite
    instead (the Politburo's 57-NQ/TW beside the Hà Nội council's resolution 57), or it gives another year."""
    answer = wide_engine.ask(question)
    assert ("nq-57-2025-hdnd-hanoi", "preamble") not in {(c.doc_id, c.section) for c in answer.citations}
    assert ("kh-552-ubnd-dongthap-2025", "preamble") not in {(c.doc_id, c.section) for c in answer.citations}


@pytest.mark.parametrize(
    "question",
    [
        "soan ke hoach thuc hien nghi quyet 57 nen can cu van ban nao",
        "Soạn kế hoạch triển khai Nghị quyết 57-NQ/TW thì căn cứ những văn bản nào?",
    ],
)
def test_a_drafter_carrying_out_a_text_only_cited_here_gets_it_then_what_its_carriers_stand_on(
    wide_engine, question: str
) -> None:
    """A plan carrying out the Politburo's 57-NQ/TW, which no stored document is but five stored plans stand on
    (their preambles cite it): the resolution first, then what those five plans' grounds share, most shared first (the Government's
    programme 71/NQ-CP, which all five cite), each cited to one of them; not the corpus's most-cited list, which
    named neither."""
    answer = wide_engine.ask(question)
    heads = wide_engine.index.heads()
    entry = next(e for e in wide_engine.registry() if e.id == "57-NQ/TW")
    carriers = {c.doc_id for c in entry.cited_by if c.section == "preamble" and heads[c.doc_id].kind == "plan"}
    assert answer.answer.startswith(f"{len(carriers)} văn bản hiện có căn cứ 57-NQ/TW; ")
    assert [b.id for b in answer.legal_bases][:2] == ["57-NQ/TW", "71/NQ-CP"]
    assert {c.doc_id for c in answer.citations} <= carriers and carriers
    assert "nq-57-2025-hdnd-hanoi" not in {c.doc_id for c in answer.citations}


@pytest.mark.parametrize(
    ("question", "doc_id", "first"),
    [
        (  # the council's resolution 57, named by its body, though five plans stand on the Politburo's 57-NQ/TW
            "soạn kế hoạch thực hiện nghị quyết 57 của HĐND Hà Nội nên căn cứ văn bản nào",
            "nq-57-2025-hdnd-hanoi",
            "57/2025/NQ-HĐND",
        ),
        (  # the held decision 48, not Bình Định's 48/2020 which it repeals (cited in its body, in no one's grounds)
            "soạn kế hoạch triển khai Quyết định 48 nên căn cứ văn bản nào",
            "qd-48-2025-ubnd-gialai",
            "48/2025/QĐ-UBND",
        ),
    ],
)
def test_a_drafter_naming_a_held_text_by_number_gets_it_unless_others_stand_on_another(
    wide_engine, question: str, doc_id: str, first: str
) -> None:
    answer = wide_engine.ask(question)
    assert answer.legal_bases[0].id == first
    assert {(c.doc_id, c.section) for c in answer.citations} == {(doc_id, "header"), (doc_id, "preamble")}


def test_a_drafters_text_named_by_title_is_named_whole_and_a_scope_is_kept(wide_engine) -> None:
    """ "luật dữ liệu cá nhân" is not Luật Dữ liệu (the words after it go on the name); a caller's one-document
    scope is the text carried out, whatever the question names."""
    personal = wide_engine.ask("soạn kế hoạch triển khai luật dữ liệu cá nhân nên căn cứ văn bản nào")
    assert "luat-60-2024-qh15" not in {c.doc_id for c in personal.citations}
    scoped = wide_engine.ask(
        "soạn kế hoạch triển khai Quyết định 2536 nên căn cứ văn bản nào", doc_ids=["luat-80-2025-qh15"]
    )
    assert {c.doc_id for c in scoped.citations} == {"luat-80-2025-qh15"}
    assert scoped.answer.splitlines()[1] == "- Luật Cán bộ, công chức số 80/2025/QH15 [1]"


@pytest.mark.parametrize(
    ("question", "doc_id", "first"),
    [
        (  # by kind and number; no stored document cites it, and the search leads to plans on the same words
            "soạn kế hoạch triển khai Quyết định 2536 nên căn cứ văn bản nào",
            "qd-2536-ttg-2025",
            "Quyết định số 2536/QĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ về việc chuyển Trường Đại học Công "
            "nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội",
        ),
        (  # by kind and title, typed without diacritics; its header writes the title in capitals
            "soan ke hoach thuc hien luat can bo cong chuc nen can cu nhung van ban nao",
            "luat-80-2025-qh15",
            "Luật Cán bộ, công chức số 80/2025/QH15",
        ),
    ],
)
def test_a_drafter_carrying_out_a_held_text_named_by_number_or_title_gets_it_cased_as_a_citation(
    wide_engine, question: str, doc_id: str, first: str
) -> None:
    """The text carried out first, its citation string written as a citation writes it (not "CÁN BỘ, CÔNG CHỨC số
    80/2025/QH15" nor "VỀ VIỆC CHUYỂN TRƯỜNG …"), then its own grounds; not the corpus's most-cited list."""
    answer = wide_engine.ask(question)
    assert answer.answer.splitlines()[1] == f"- {first} [1]"
    assert {(c.doc_id, c.section) for c in answer.citations} == {(doc_id, "header"), (doc_id, "preamble")}


def test_a_kind_named_in_a_clause_before_the_numbered_document_leaves_it_asked(wide_engine) -> None:
    """ "Em đang làm kế hoạch cho xã, kế hoạch 153 …": the asker's own plan is told in a clause of its own; plan
    153 is the one asked about."""
    answer = wide_engine.ask("Em đang làm kế hoạch cho xã, kế hoạch 153 của Cần Thơ căn cứ những văn bản nào ạ?")
    assert answer.answer.startswith("Kế hoạch 153/KH-UBND của Ủy ban nhân dân thành phố Cần Thơ căn cứ 1 văn bản:")
    assert {(c.doc_id, c.section) for c in answer.citations} == {("kh-153-ubnd-cantho-2025", "preamble")}


def test_a_text_cited_asked_by_its_title_alone_is_answered_yes_no_and_by_who_cites_it(wide_engine) -> None:
    """ "… có căn cứ Luật Tổ chức chính quyền địa phương không?", "những văn bản nào căn cứ …" with a law's title and
    no number (lexicon titles_asked): yes with the preamble's line, no with the document's grounds, and every
    document citing it; a year typed after the title picks that year's law."""
    yes = wide_engine.ask("Nghị quyết 57 của HĐND Hà Nội có căn cứ Luật Tổ chức chính quyền địa phương không?")
    assert yes.answer.startswith(
        "Có: Nghị quyết 57/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội căn cứ Luật Tổ chức chính quyền địa "
        "phương số 72/2025/QH15"
    )
    assert {(c.doc_id, c.section) for c in yes.citations} == {("nq-57-2025-hdnd-hanoi", "preamble")}
    no = wide_engine.ask("kế hoạch 308 có căn cứ luật tổ chức chính quyền địa phương không")
    assert no.answer.startswith("Không: Kế hoạch 308/KH-UBND của Ủy ban nhân dân thành phố Hà Nội không căn cứ 72/2025")
    year = wide_engine.ask("Nghị quyết 20 của HĐND tỉnh Vĩnh Long có căn cứ Luật Ngân sách nhà nước năm 2025 không?")
    assert year.answer.startswith("Không: Nghị quyết 20/2025/NQ-HĐND")  # it cites the law of 2015
    who = wide_engine.ask("những văn bản nào căn cứ luật tổ chức chính quyền địa phương")
    assert "văn bản căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15:" in who.answer.splitlines()[0]
    assert ("nq-57-2025-hdnd-hanoi", "preamble") in {(c.doc_id, c.section) for c in who.citations}


def test_a_title_not_asked_as_a_text_cited_is_not_read_as_one(wide_engine) -> None:
    """A longer title than the one cited ("Luật Giáo dục nghề nghiệp" is not "Luật Giáo dục"), a title describing
    the text asked ("Văn bản nào quy định chi tiết Luật Dữ liệu?": the decree, not who cites the law), a kind no
    citing document is ("Có kế hoạch nào căn cứ Luật Thủ đô không?": the resolutions that do are not plans)."""
    longer = wide_engine.ask("Những nghị quyết nào căn cứ Luật Giáo dục nghề nghiệp?")
    assert "Luật Giáo dục số 43/2019/QH14" not in longer.answer
    decree = wide_engine.ask("Văn bản nào quy định chi tiết Luật Dữ liệu?")
    assert "Nghị định số 165/2025/NĐ-CP" in decree.answer
    plans = wide_engine.ask("Có kế hoạch nào căn cứ Luật Thủ đô không?")
    assert not plans.found
    assert "Không kế hoạch nào hiện có căn cứ Luật Thủ đô số 39/2024/QH15." in plans.answer


@pytest.mark.parametrize(
    "question",
    ["Văn bản nào triển khai nghị quyết 57?", "Nghị quyết 57 được những văn bản nào căn cứ?"],
)
def test_who_cites_a_text_named_by_kind_and_number_lists_the_documents_citing_it(wide_engine, question: str) -> None:
    """ "Những … nào căn cứ / triển khai nghị quyết 57": the number names the text cited (57-NQ/TW), not the stored
    council resolution of that number the search leads to; every document citing it is listed at its preamble."""
    answer = wide_engine.ask(question)
    assert answer.answer.splitlines()[0].endswith(
        "văn bản căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ "
        "Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng "
        "tạo và chuyển đổi số quốc gia:"  # the title five citers give, not what one calls it after it
    )
    assert ("kh-310-ubnd-hanoi-2025", "preamble") in {(c.doc_id, c.section) for c in answer.citations}
    assert "nq-57-2025-hdnd-hanoi" not in {c.doc_id for c in answer.citations}


def test_whether_a_plan_named_by_number_cites_another_named_by_number(wide_engine) -> None:
    """ "Kế hoạch 310 có căn cứ Nghị quyết 57 không?": the number before "có căn cứ" names the plan asked, the one
    after it the text cited (even when the search leads to neither); a text named in a plan's body is mentioned,
    not a ground ("Kế hoạch 556 … nhắc đến Kế hoạch số 310/KH-UBND ngày 21/08/2024", another province's plan)."""
    yes = wide_engine.ask("Kế hoạch 310 có căn cứ Nghị quyết 57 không?")
    assert yes.answer.startswith(
        "Có: Kế hoạch 310/KH-UBND của Ủy ban nhân dân thành phố Hà Nội căn cứ Nghị quyết số 57-NQ/TW"
    )
    assert {(c.doc_id, c.section) for c in yes.citations} == {("kh-310-ubnd-hanoi-2025", "preamble")}
    body = wide_engine.ask("Kế hoạch 556 có nhắc đến kế hoạch 310 không?")
    assert body.answer.startswith(
        "Có: Kế hoạch 556/KH-UBND của Ủy ban nhân dân tỉnh Đồng Tháp nhắc đến Kế hoạch số 310/KH-UBND ngày 21/08/2024"
    )


def test_who_cites_a_text_named_with_its_year_lists_only_that_years_citers(wide_engine) -> None:
    """Two texts share a number ("Thông tư 69" of 2017 and of 2021; plans 310/KH-UBND of 2024 and, stored, of 2025):
    the year typed with the number or after it names one, and only its citers are listed."""
    circular = wide_engine.ask("văn bản nào căn cứ thông tư 69/2021/TT-BTC")
    assert circular.answer.splitlines()[0].startswith("1 văn bản căn cứ Thông tư số 69/2021/TT-BTC ngày 11/08/2021")
    assert {c.doc_id for c in circular.citations} == {"nq-22-2025-hdnd-vinhlong"}
    plan = wide_engine.ask("những văn bản nào căn cứ kế hoạch 310/KH-UBND năm 2024")
    assert plan.answer.splitlines()[0].startswith("1 văn bản nhắc đến Kế hoạch số 310/KH-UBND ngày 21/08/2024")
    assert {(c.doc_id, c.section) for c in plan.citations} == {("kh-556-ubnd-dongthap-2025", "IV.1")}


def test_a_units_tasks_under_a_law_named_by_number_come_from_it_or_plans_carrying_it_out(wide_engine) -> None:
    """ "luật 60 giao sở tài chính làm gì": the law gives the department no task and no stored plan carrying it out
    does, so it is refused, not answered with the task list a province's directive on another matter gives it."""
    answer = wide_engine.ask("luật 60 giao sở tài chính làm gì")
    assert not answer.found and answer.citations == []
    assert "Luật 60/2024/QH15 của Quốc hội không giao riêng việc gì cho Sở Tài chính." in answer.answer


def test_a_table_row_is_quoted_with_its_name_beside_its_figure(wide_engine) -> None:
    """The decision's table comes one cell a line; its rows are read back whole, so the quantity quoted says what it
    counts ("8 Ghế nhựa Cái 02", not "Cái 02 8" under the wrong name)."""
    answer = wide_engine.ask("Quyết định 48 của Gia Lai: mỗi học sinh nội trú được cấp bao nhiêu cái ghế nhựa?")
    assert answer.citations[0].doc_id == "qd-48-2025-ubnd-gialai"
    assert "- 8 Ghế nhựa Cái 02 [1]" in answer.answer


def test_how_often_is_answered_where_a_period_is_stated_and_refused_where_none_is(wide_engine) -> None:
    """The decision says only that the department "có trách nhiệm định kỳ báo cáo" its province: asked how often,
    no section states a period ("định kỳ" alone, lexicon frequency.period), so it is refused, not answered with that
    line. A plan whose closing alone states one ("Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo …") answers
    from it, not from its first section found; a "how often" told in the story asks nothing."""
    none = wide_engine.ask("qd 53 cao bang phan cap giao duc: so gd bao cao ubnd tinh dinh ky bao lau mot lan?")
    assert not none.found and none.citations == []
    stated = wide_engine.ask("kh 597 dong thap chuyen doi so ha tang giao thong: bao cao ket qua bao lau 1 lan")
    assert (stated.citations[0].doc_id, stated.citations[0].section) == ("kh-597-ubnd-dongthap-2025", "closing")
    assert "Định kỳ hằng năm (trước ngày 30 tháng 11)" in stated.answer
    story = wide_engine.ask(
        "Trường tôi họp phụ huynh mấy lần 1 năm không rõ, học phí THPT ở vĩnh long bao nhiêu một tháng?"
    )
    assert story.found and story.citations[0].doc_id == "nq-20-2025-hdnd-vinhlong"
    other = wide_engine.ask(  # how often asked by the way, then something else asked after it
        "Ở Nghệ An cơ quan tôi họp bao lâu 1 lần cũng được, đợt thi đua chào mừng đại hội XIV kéo dài đến khi nào?"
    )
    assert other.found and other.citations[0].doc_id == "kh-982-ubnd-nghean-2025"


def test_a_word_written_with_i_finds_the_text_writing_it_with_y(wide_engine) -> None:
    """The resolution writes "cán bộ, chiến sỹ Công an cấp xã"; asked of "chien si", typed without diacritics, the
    words are the text's ("sỹ" and "sĩ" fold alike), so the monthly sum is answered; it was refused as a question
    half of whose words no section held."""
    answer = wide_engine.ask("nq 80 ha noi ho tro can bo chien si cong an xa bao nhieu 1 thang?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.1")
    assert "4.960.000 đồng/người/tháng" in answer.answer


def test_a_fine_for_an_act_the_resolution_never_names_is_refused(wide_engine) -> None:
    """The resolution fines fire-safety acts; the act asked ("không mua bảo hiểm cháy nổ bắt buộc") is not among
    them, so no fine of another act answers; an act it does fine is answered."""
    other = wide_engine.ask(
        "ha noi: co so kinh doanh khong mua bao hiem chay no bat buoc thi bi xu phat bao nhieu tien"
    )
    assert not other.found and other.citations == []
    named = wide_engine.ask("bao chay gia o ha noi thi bi phat bao nhieu tien")
    assert named.found and named.citations[0].doc_id == "nq-76-2025-hdnd-hanoi"


def test_chat_shorthand_for_do_asks_a_units_duties(wide_engine) -> None:
    """ "lm gì" is chat for "làm gì": the unit's own section answers, not a refusal over an unknown word."""
    answer = wide_engine.ask("kh 556 đồng tháp về biển đảo thì sở nội vụ lm gì")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "IV.7")


def test_hours_asked_as_tieng_are_time_not_a_count(wide_engine) -> None:
    """ "mấy tiếng" asks how many hours (chat for "mấy giờ"): no number of "tiếng" is looked for, so the clause
    stating the hours on duty answers instead of a refusal."""
    answer = wide_engine.ask("quy định pccc rừng quảng ninh: cấp IV thì lực lượng ứng trực mấy tiếng trong ngày")
    assert answer.found
    assert answer.citations[0].section == "Quy định.Điều 6.4.c"
    assert "ứng trực 12/24 giờ" in answer.answer


def test_a_unit_named_only_as_the_laws_title_is_not_asked_its_duties(wide_engine) -> None:
    """ "theo luật cán bộ công chức …, trách nhiệm thế nào": the words after "luật" name the law, not the unit
    "Cán bộ, công chức" of its scope article, so the clause that answers is searched for."""
    answer = wide_engine.ask(
        "theo luật cán bộ công chức 2025, người đang chấp hành quyết định xử lý hành chính đưa vào cơ sở cai nghiện"
        " bắt buộc có được dự tuyển công chức không, trách nhiệm thế nào"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 19.3.b")
    assert "cơ sở cai nghiện bắt buộc" in answer.answer
    # after a comma the unit is named in its own clause: asked its delegated tasks, it is answered them
    delegated = wide_engine.ask("theo quyết định, sở giáo dục và đào tạo cao bằng được phân cấp những nhiệm vụ gì")
    assert (delegated.citations[0].doc_id, delegated.citations[0].section) == ("qd-53-2025-ubnd-caobang", "Điều 2")


def test_a_ground_opened_on_the_line_before_is_quoted_as_written(wide_engine) -> None:
    """ "Để tiếp tục thực hiện nghiêm" alone on a line, the directive it carries out on the next: that ground is
    pasted as the document writes it ("ngày 18/5/2022"), not as the registry spells it ("18/05/2022")."""
    answer = wide_engine.ask("chỉ thị 06 quảng trị về lấn chiếm đất rừng thực hiện chỉ thị nào của thủ tướng vậy")
    assert "- Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ về tăng cường công tác" in answer.answer


def test_a_unit_its_documents_title_names_asked_when_is_not_answered_with_its_duties(wide_engine) -> None:
    """The decision's title names the department it delegates to; asked when that department reports, the clause
    stating it answers, not the department's list of delegated tasks."""
    answer = wide_engine.ask(
        "theo qđ phân cấp của cao bằng thì sở giáo dục và đào tạo có trách nhiệm báo cáo ubnd tỉnh định kỳ khi nào"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-53-2025-ubnd-caobang", "Điều 3.1")


def test_a_year_of_the_askers_story_is_not_a_year_asked(wide_engine) -> None:
    """ "Tôi vào làm công chức từ năm 2012, …. … thời hiệu … là mấy năm?": 2012 is the asker's story; the law
    never mentions it, and the question is still answered."""
    answer = wide_engine.ask(
        "Tôi vào làm công chức từ năm 2012, vừa bị xem xét kỷ luật khiển trách. Theo luật cán bộ công chức 2025 thì"
        " thời hiệu xử lý kỷ luật khiển trách là mấy năm?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 37.1.a")
    assert "05 năm đối với hành vi vi phạm đến mức phải kỷ luật bằng hình thức khiển trách" in answer.answer
    clause = wide_engine.ask(  # the story in a first clause of the same sentence
        "Tôi được tuyển dụng làm công chức từ năm 2010, vậy theo luật cán bộ công chức 2025 thời hiệu kỷ luật khiển"
        " trách là mấy năm?"
    )
    assert clause.found and clause.citations[0].section == "Điều 37.1.a"


def test_a_national_bodys_text_is_not_named_with_the_city_it_was_signed_in(wide_engine) -> None:
    """ "Hà Nội, ngày …" of a law says where the National Assembly sat, not where the law applies: the answer
    names "Luật 80/2025/QH15 của Quốc hội", while a department's letter keeps its city ("Sở … (Hà Nội)")."""
    law = wide_engine.ask("luật cán bộ công chức 2025: thời hiệu xử lý kỷ luật khiển trách là mấy năm")
    assert law.answer.startswith("Theo Luật 80/2025/QH15 của Quốc hội:\n")
    letter = wide_engine.ask("công văn 5095 của sở gd hà nội căn cứ văn bản nào")
    assert letter.answer.startswith("Công văn 5095/SGDĐT-CTTTHSSV của Sở Giáo dục và Đào tạo (Hà Nội) căn cứ")


def test_one_task_asked_of_a_unit_is_cited_before_its_whole_list(wide_engine) -> None:
    """ "Bộ chỉ huy quân sự tỉnh phải làm gì với các đơn vị đóng quân gần rừng": the task about those units first,
    then the unit's whole list; asked only what the unit must do, the list alone answers."""
    asked = wide_engine.ask("qđ 96 quảng ninh: bộ chỉ huy quân sự tỉnh phải làm gì với các đơn vị đóng quân gần rừng")
    assert [c.section for c in asked.citations] == ["Quy định.Điều 18.3.c", "Quy định.Điều 18.3"]
    plain = wide_engine.ask("qđ 96 quảng ninh: bộ chỉ huy quân sự tỉnh phải làm gì")
    assert [c.section for c in plain.citations] == ["Quy định.Điều 18.3"]


def test_a_term_asked_after_a_first_clause_is_answered_by_its_definition(wide_engine) -> None:
    """ "Theo Luật …, X là gì?" and "Mình là giáo viên …, X là gì vậy?": the first clause names where or tells who
    asks; the term is the last clause's, and its definition line answers."""
    law = wide_engine.ask("Theo Luật Dữ liệu 2024, dữ liệu cốt lõi là gì?")
    assert (law.citations[0].doc_id, law.citations[0].section) == ("luat-60-2024-qh15", "Điều 3.7")
    assert "Dữ liệu cốt lõi là dữ liệu quan trọng" in law.answer
    told = wide_engine.ask("Mình là giáo viên THCS, định mức tiết dạy là gì vậy?")
    assert (told.citations[0].doc_id, told.citations[0].section) == ("tt-05-2025-bgddt", "Điều 7.1")
    assert "Định mức tiết dạy là tổng số tiết lý thuyết" in told.answer


def test_a_day_asked_that_no_section_found_states_is_refused(wide_engine) -> None:
    """ "… báo cáo UBND tỉnh trước ngày nào?": the directive asks for reports "kịp thời", it sets no day, so the
    sections found do not answer; "ngày nào cũng …" (every day) asks no day and is answered."""
    asked = wide_engine.ask("Chỉ thị 010 Đắk Lắk: Sở Tài chính tổng hợp vướng mắc báo cáo UBND tỉnh trước ngày nào?")
    assert not asked.found and asked.citations == []
    every_day = wide_engine.ask(
        "Em chạy xe máy xăng giao hàng, ngày nào cũng vào vùng phát thải thấp ở Hà Nội, vậy em có bị cấm vào không?"
    )
    assert every_day.found and every_day.citations[0].doc_id == "nq-57-2025-hdnd-hanoi"


def test_a_local_bodys_document_asked_is_not_answered_by_a_national_text(wide_engine) -> None:
    """ "UBND tỉnh Hà Giang có quyết định … không, số hiệu và ngày ban hành?": the question asks for a document of a
    province's own body; no stored document is about that province, and a national circular that cites another
    decision with its number and date does not answer it. A body whose province has its documents still gets them."""
    other = wide_engine.ask(
        "UBND tỉnh Hà Giang có quyết định giao Sở Giáo dục và Đào tạo tuyển dụng, điều động giáo viên không, "
        "số hiệu và ngày ban hành?"
    )
    assert not other.found and other.citations == []
    own = wide_engine.ask(
        "UBND tỉnh Gia Lai quy định học sinh trường phổ thông dân tộc nội trú được cấp những đồ dùng cá nhân nào?"
    )
    assert own.found and own.citations[0].doc_id == "qd-48-2025-ubnd-gialai"


def test_a_word_whose_marks_no_syllable_has_is_read_folded(wide_engine) -> None:
    """ "tiêt", "đôt": a word ending in a stop takes the sắc or nặng tone, so these are slips of the marks; read
    folded they are "tiết", "đốt", not words no document writes (the question was refused as holding them)."""
    hours = wide_engine.ask("Giáo viên kiêm tổ trưởng chuyên môn được giảm bao nhiêu tiêt mỗi tuần?")
    assert hours.found and hours.citations[0].doc_id == "tt-05-2025-bgddt"
    burning = wide_engine.ask("Ở Quảng Ninh người dân đôt thực bì vào khung giờ nào?")
    assert burning.found
    assert (burning.citations[0].doc_id, burning.citations[0].section) == (
        "qd-96-2025-ubnd-quangninh",
        "Quy định.Điều 10.5.b",
    )


def test_when_a_plan_runs_is_answered_by_its_own_time_section(wide_engine) -> None:
    """A question that only names a plan and asks when it runs ("kéo dài từ khi nào đến khi nào", "thực hiện trong
    thời gian nào") is answered by the plan's section headed "Thời gian thực hiện", not by a task that mentions it."""
    span = wide_engine.ask(
        "Kế hoạch truyền thông về giảm nghèo đa chiều năm 2025 của Cần Thơ kéo dài từ khi nào đến khi nào?"
    )
    assert (span.citations[0].doc_id, span.citations[0].section) == ("kh-159-ubnd-cantho-2025", "II.3")
    drugs = wide_engine.ask("kế hoạch phòng chống ma túy của tp cần thơ thực hiện trong thời gian nào vậy")
    assert (drugs.citations[0].doc_id, drugs.citations[0].section) == ("kh-153-ubnd-cantho-2025", "II.3")


def test_a_number_typed_in_digits_where_documents_write_roman_numerals(wide_engine) -> None:
    """ "đại hội 14" is the "Đại hội XIV" the plans' titles write: the question names its plan by the title and asks
    when the campaign runs, answered by the plan's own time section."""
    answer = wide_engine.ask("dot thi dua chao mung dai hoi 14 cua tinh dak lak keo dai den khi nao")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-0124-ubnd-daklak-2025", "II.2")
    assert "Từ tháng 10/2025" in answer.answer


def test_a_place_name_ending_in_k_typed_without_its_tone_is_read_folded(wide_engine) -> None:
    """ "đăk lăk": a syllable ending in "k" (Đắk, Lắk, Búk) takes the sắc or nặng tone like one ending in "c", so
    the marks typed are a slip; read folded the words are the province's, not unknown ones (it was refused)."""
    answer = wide_engine.ask("Chỉ thị của UBND tỉnh đăk lăk năm 2025 giao Cục Thuế làm gì?")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.e")


def test_mn_oi_calls_everyone_and_asks_no_preschool(wide_engine) -> None:
    """ "mn ơi" opens a chat message ("mọi người ơi"): it is not "mầm non", which no plan's header holds, so the
    question still only names its plan and asks when it runs."""
    answer = wide_engine.ask("mn ơi chương trình phòng chống ma túy của cần thơ kéo dài từ khi nào đến khi nào")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-153-ubnd-cantho-2025", "II.3")
    assert "Từ năm 2025 đến hết năm 2030" in answer.answer


def test_chay_toi_bao_gio_asks_when_a_plan_runs(wide_engine) -> None:
    """ "chạy tới bao giờ": chat for how long a plan runs, answered by its own "Thời gian thực hiện" section."""
    answer = wide_engine.ask("kế hoạch phòng chống ma túy cần thơ chạy tới bao giờ vậy")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-153-ubnd-cantho-2025", "II.3")


def test_a_count_of_an_abbreviated_noun_is_a_count_of_its_words(wide_engine) -> None:
    """ "bao nhiêu dn": the plan counts "50 doanh nghiệp"; the count was looked for beside "dn" and refused."""
    answer = wide_engine.ask("kh 552 đồng tháp phấn đấu có ít nhất bao nhiêu dn thành hạt nhân đổi mới công nghệ")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-552-ubnd-dongthap-2025", "II.2.1")
    assert "50 doanh nghiệp trở thành hạt nhân" in answer.answer


def test_the_year_of_the_plan_a_drafter_writes_is_not_asked(wide_engine) -> None:
    """ "đang soạn kế hoạch năm 2027": the drafter's own plan's year; what is asked is the plan's 2030 target, so
    no document mentioning 2027 is no reason to refuse."""
    answer = wide_engine.ask(
        "đang soạn kế hoạch năm 2027 cho xã, theo kh 552 đồng tháp đến năm 2030 có bao nhiêu doanh nghiệp khoa học"
        " công nghệ"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-552-ubnd-dongthap-2025", "II.2.1")
    assert "50 doanh nghiệp khoa học công nghệ" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "sếp vừa giao mình làm email công vụ cho cơ quan ở Đồng Tháp, chắc lâu quá không đăng nhập thì bị khóa hả, bao"
        " nhiêu ngày?",
        "e vua chuyen ve xa o dong thap, nghe noi email cong vu lau qua ko dang nhap thi bi khoa, bao nhieu ngay thi bi"
        " khoa vay",
    ],
)
def test_spoken_words_of_a_case_told_are_not_content_no_document_holds(wide_engine, question: str) -> None:
    """ "sếp", "vừa", "chắc", "quá", "nghe nói": words of speech no regulation writes; typed without diacritics
    ("vua", "qua", "roi") they fold many words together and count only when found. The question was refused as
    asking words the regulation lacks."""
    answer = wide_engine.ask(question)
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "qd-143-2025-ubnd-dongthap",
        "Quy chế.Điều 9.3.a",
    )


@pytest.mark.parametrize("question", ["chieu qua ha noi co mua khong", "toi mai truong co hop phu huynh khong a"])
def test_last_night_and_tomorrow_evening_tie_a_question_to_its_day(wide_engine, question: str) -> None:
    """ "chiều qua", "tối mai": like "hôm qua", "ngày mai", a moment of the asker's day that no plan or regulation
    speaks of; the question was answered from loosely related lines."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []


def test_a_document_named_beside_a_kind_of_ground_asked_only_names_the_one_asked_about(wide_engine) -> None:
    """ "KH 308 … thực hiện NQ 214/NQ-CP, vậy nó căn cứ những quyết định nào?": the resolution named tells which
    plan is meant; what is asked is the plan's grounds of that kind, not whether it cites the resolution (it was
    answered "Có: … căn cứ Nghị quyết số 214/NQ-CP …")."""
    plan = wide_engine.ask("KH 308 Hà Nội thực hiện NQ 214/NQ-CP, vậy nó căn cứ những quyết định nào?")
    assert plan.answer.startswith("Kế hoạch 308/KH-UBND của Ủy ban nhân dân thành phố Hà Nội căn cứ 2 văn bản:")
    assert [b.id for b in plan.legal_bases] == ["1229/QĐ-UBND", "142/QĐ-TTg"]
    fees = wide_engine.ask("nghi quyet hoc phi vinh long (thuc hien nghi dinh 238/2025) can cu nhung luat nao")
    assert fees.answer.startswith("Nghị quyết 20/2025/NQ-HĐND của Hội đồng nhân dân tỉnh Vĩnh Long căn cứ 5 văn bản:")
    assert "Luật Giáo dục số 43/2019/QH14" in fees.answer


def test_grounds_of_two_issuers_asked_together_are_both_listed(wide_engine) -> None:
    """ "… văn bản nào của Chính phủ và Thủ tướng": two issuers, each named apart; the Prime Minister's decisions
    were left out (the words were read as one body's name, which only "Chính phủ" matched)."""
    plan = wide_engine.ask("kế hoạch 310 hà nội dựa trên văn bản nào của Chính phủ và Thủ tướng")
    assert plan.answer.startswith("Kế hoạch 310/KH-UBND của Ủy ban nhân dân thành phố Hà Nội căn cứ 4 văn bản:")
    assert [b.id for b in plan.legal_bases] == ["71/NQ-CP", "03/NQ-CP", "1132/QĐ-TTg", "1569/QĐ-TTg"]
    data = wide_engine.ask("kh 308 ha noi can cu van ban nao cua chinh phu va thu tuong")
    assert [b.id for b in data.legal_bases] == ["214/NQ-CP", "278/2025/NĐ-CP", "142/QĐ-TTg"]


def test_nhung_things_gi_asks_the_whole_list(wide_engine) -> None:
    """ "… được cấp … những đồ dùng cá nhân gì": a list asked with words between "những" and "gì"; the table's
    rows are quoted to its last, not the best few (the question was read as asking one thing)."""
    answer = wide_engine.ask(
        "qd 48 gia lai: hoc sinh pt dan toc noi tru duoc cap 1 lan moi cap hoc nhung do dung ca nhan gi"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-48-2025-ubnd-gialai", "Điều 2.1")
    assert "7 Ô cá nhân hoặc Áo mưa" in answer.answer and "11 Móc treo đồ" in answer.answer


def test_a_table_of_up_to_twenty_rows_asked_as_a_list_is_quoted_to_its_last_row(wide_engine) -> None:
    """A list asked of a table ("… mỗi năm học được cấp những học phẩm, đồng phục gì"): its rows are quoted to
    the uniform's row; at 14 lines a section the answer stopped at "11 Quần áo đồng phục a Áo khoác"."""
    answer = wide_engine.ask(
        "hoc sinh truong dan toc noi tru gia lai moi nam hoc duoc cap nhung hoc pham, dong phuc gi"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-48-2025-ubnd-gialai", "Điều 2.2")
    assert "Quần áo học sinh (Quần tây xanh, áo trắng; đồ học thể dục)" in answer.answer


def test_a_typo_in_a_word_typed_with_its_marks_is_corrected_to_the_word_with_those_marks(wide_engine) -> None:
    """ "dụcc": folded, the commonest word one edit away is "duoc" (được); the marks typed say "dục", the word
    the store writes so one letter away. The unit is then named, and its own section answers whole."""
    answer = wide_engine.ask("Kế hoạch phòng chống ma túy của Cần Thơ giao Sở Giáo dụcc và Đào tạo những nhiệm vụ gì?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-153-ubnd-cantho-2025", "IV.6")
    assert "Sở Giáo dục và Đào tạo" in answer.answer.splitlines()[1]


@pytest.mark.parametrize(
    "question",
    [
        "vinh long: cuoc thi cap truong chi bang bao nhieu phan tram muc cap tinh",
        "Ở Vĩnh Long, hội thi giáo viên chủ nhiệm giỏi cấp trường được chi bằng bao nhiêu phần trăm so với cấp tỉnh?",
    ],
)
def test_cap_truong_is_what_documents_hold_at_educational_institutions(wide_engine, question: str) -> None:
    """ "cấp trường" (school level) is what a resolution sets "tại các cơ sở giáo dục" (lexicon thesaurus, one way):
    the clause for contests held at schools answers, not the one for communes (80%) or an appendix."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-22-2025-hdnd-vinhlong", "Điều 2.6")
    assert "Mức chi bằng 60%" in answer.answer


def test_a_topic_only_another_places_document_holds_is_refused_and_that_document_named(wide_engine) -> None:
    """ "Hồ Chí Minh … vùng phát thải thấp": Hà Nội's resolution covers the question far better than any section of
    a document about Hồ Chí Minh (it was answered from the city's learning-centre criteria, sharing words). The
    refusal says so and names where the like is found."""
    answer = wide_engine.ask("Hồ Chí Minh đã ban hành quy định vùng phát thải thấp chưa, bắt đầu áp dụng từ năm nào?")
    assert not answer.found and answer.citations == []
    assert "Không văn bản nào về Hồ Chí Minh hiện có nói đến điều này." in answer.answer
    assert "Điều tương tự có ở Nghị quyết 57/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội" in answer.answer


def test_a_case_told_in_a_first_clause_lets_what_is_asked_be_covered_alone(wide_engine) -> None:
    """ "Con em học lớp 8 trường công lập ở Vĩnh Long, nếu … thì học phí được tính thế nào ạ?": the first clause tells
    the asker's case, as a sentence of its own would; the clauses after it ask, and the resolution covers them (the
    whole question's words, "con em học lớp 8", were weighed and it was refused)."""
    answer = wide_engine.ask(
        "Con em học lớp 8 trường công lập ở Vĩnh Long, nếu trường chuyển sang học trực tuyến thì học phí được tính thế"
        " nào ạ?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-20-2025-hdnd-vinhlong", "Điều 2.2")
    assert "bằng 75% mức học phí" in answer.answer


def test_ptdt_is_written_out(wide_engine) -> None:
    """ "PTDT" is "phổ thông dân tộc" (lexicon abbreviations): an unknown word raised the coverage needed, and the
    question was refused."""
    answer = wide_engine.ask("Gia Lai cấp cho học sinh trường PTDT nội trú đồ dùng cá nhân gì, cấp mấy lần?")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-48-2025-ubnd-gialai", "Điều 2.1")


@pytest.mark.parametrize(
    "question",
    [
        "Theo Thông tư 05/2025, giáo viên mầm non nuôi con dưới 12 tháng được giảm mấy tiết mỗi tuần?",
        "co giao mau giao kiem to truong chuyen mon dc giam bao nhieu tiet theo tt 05/2025",
    ],
)
def test_a_level_of_education_the_documents_title_excludes_is_refused(wide_engine, question: str) -> None:
    """The circular's title is about "giáo viên phổ thông, dự bị đại học": a preschool teacher's reduction is not
    in it (lexicon ``education_levels``); it was answered with the primary and secondary teachers' clause. The same
    question of a primary teacher (a level of phổ thông) is answered."""
    assert not wide_engine.ask(question).found
    primary = wide_engine.ask(
        "Theo Thông tư 05/2025, giáo viên tiểu học nuôi con dưới 12 tháng được giảm mấy tiết mỗi tuần?"
    )
    assert primary.found and primary.citations[0].doc_id == "tt-05-2025-bgddt"


def test_a_documents_date_is_quoted_as_it_writes_it_under_the_statement(wide_engine) -> None:
    """ "ban hành ngày nào?": the answer states the date and quotes the dated line beneath it, so the reader checks
    it against the text ("ngày 17 tháng 11 năm 2025", which the statement writes 17/11/2025)."""
    answer = wide_engine.ask("Kế hoạch 308 của UBND Hà Nội ban hành ngày nào?")
    lines = answer.answer.splitlines()
    assert lines[0] == "Kế hoạch 308/KH-UBND của Ủy ban nhân dân thành phố Hà Nội ban hành ngày 17/11/2025 [1]."
    assert lines[1] == "- Hà Nội, ngày 17 tháng 11 năm 2025 [1]"


def test_a_case_told_in_sentences_of_its_own_does_not_choose_the_section(wide_engine) -> None:
    """The story's words ("giáo viên mầm non", "lương", "lớp 1 trường công ở phường") drew sections of the fee
    tables, which do not cover what is asked, and the question was refused; what is asked, read alone within the
    resolution the whole question found, finds the clause on online learning."""
    answer = wide_engine.ask(
        "Em là giáo viên mầm non công lập ở Vĩnh Long, lương hiện tại khoảng 6 triệu. Con em năm nay học lớp 1 trường"
        " công ở phường. Nếu con học trực tuyến thì học phí tính thế nào ạ?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-20-2025-hdnd-vinhlong", "Điều 2.2")
    assert "bằng 75% mức học phí" in answer.answer


def test_a_money_noun_of_the_story_prices_nothing_in_the_question_after_it(wide_engine) -> None:
    """ "… để nhận trợ cấp. Đợt 1 cao điểm kéo dài bao nhiêu ngày làm việc?": the words a money noun governs were
    read across the full stop, so "kéo dài" was taken for a thing priced that the plan never speaks of."""
    answer = wide_engine.ask(
        "Tôi là cán bộ ngân hàng ở Cần Thơ, đang phối hợp với xã vận động người dân mở tài khoản để nhận trợ cấp."
        " Đợt 1 cao điểm kéo dài bao nhiêu ngày làm việc?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-157-ubnd-cantho-2025", "II.2.a")
    assert "Cao điểm tập trung trong 10 ngày làm việc" in answer.answer


def test_a_count_told_with_roi_before_the_question_is_not_asked(wide_engine) -> None:
    """ "vắng mấy buổi rồi, cần tham dự tối thiểu bao nhiêu phần trăm …": "mấy buổi rồi" tells sessions already
    missed (lexicon ``counting.told``); no section counts "buổi", and the question was refused."""
    answer = wide_engine.ask(
        "minh la dang vien moi, hoc lop boi duong o trung tam chinh tri, vang may buoi roi, can tham du toi thieu bao"
        " nhieu phan tram so tiet de duoc viet thu hoach"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-1147-btgdvtw-2025", "Quy chế.Điều 6.4")
    assert "tối thiểu 80% số tiết học" in answer.answer


def test_it_nhat_and_cuoi_nam_find_what_documents_write_toi_thieu_and_het_nam(wide_engine) -> None:
    """ "đến cuối năm 2026 … ít nhất bao nhiêu trạm 5G": the plan writes "Mục tiêu đến hết năm 2026 … tối thiểu 1 trạm"
    (thesaurus, one way: a question already in the plans' words is not widened); the parent section of both years'
    targets was cited first."""
    answer = wide_engine.ask("Đến cuối năm 2026 mỗi khu công nghiệp ở Hà Nội phải có ít nhất bao nhiêu trạm 5G?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-310-ubnd-hanoi-2025", "II.1")
    assert "có tối thiểu 1 trạm phát sóng 5G" in answer.answer


def test_onl_is_online(wide_engine) -> None:
    """Chat's "onl" is "online" (lexicon chat shorthand), which the resolution writes beside "học trực tuyến";
    unknown, it left the fee's other clauses first (or, with fewer words known, the question refused)."""
    answer = wide_engine.ask("neu hoc onl thi hoc phi o vinh long tinh sao a")
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-20-2025-hdnd-vinhlong", "Điều 2.2")


@pytest.mark.parametrize(
    ("question", "band"),
    [
        ("đoàn kiểm tra chấm trung tâm học tập cộng đồng xã mình được 55 điểm thì trung tâm xếp loại nào vậy", "3-2.c"),
        ("tthtcd phuong toi dat 92 diem theo bang tieu chi moi cua so gd hcm, vay xep loai gi", "3-2.a"),
    ],
)
def test_the_band_holding_the_score_given_answers_first(wide_engine, question: str, band: str) -> None:
    """The guidance's bands ("Loại tốt … từ 85 đến 100", "Loại khá … từ 70 đến 84,5", …) share every word of the
    question; the score the asker gives says which answers (other sections of the guidance were cited first)."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "cv-5155-sgddt-hcm-2025",
        f"Bảng tiêu chí.{band}",
    )


def test_a_unit_named_as_where_a_report_goes_is_not_who_is_asked(wide_engine) -> None:
    """ "… gửi báo cáo … qua Sở Khoa học và Công nghệ trước ngày mấy?": the department's own section (it follows up
    and reports on the 20th) scored alike with the section of the units asked (they report through it by the 15th)
    and came first (lexicon ``units.recipient_cues``)."""
    answer = wide_engine.ask(
        "UBND các phường ở Hà Nội gửi báo cáo kết quả thực hiện kế hoạch tạo lập dữ liệu về UBND thành phố qua Sở Khoa"
        " học và Công nghệ trước ngày mấy?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", "III.2")
    assert "trước ngày 15 hằng tháng" in answer.answer.split("[1]")[0]


def test_ca_hai_asks_what_a_text_rules_of_two_entitlements_at_once(wide_engine) -> None:
    """ "… có được nhận cả hai mức không?": texts rule it as "đồng thời thuộc đối tượng …" and "chỉ được hưởng 01
    mức hỗ trợ cao nhất" (thesaurus, one way); the question was refused."""
    answer = wide_engine.ask(
        "Theo nghị quyết hỗ trợ công an cấp xã của Hà Nội, người đang hưởng hỗ trợ theo Nghị quyết 38/2024 có được"
        " nhận cả hai mức không?"
    )
    assert answer.found
    assert ("nq-80-2025-hdnd-hanoi", "Điều 3.2") in [(c.doc_id, c.section) for c in answer.citations]
    assert "chỉ được hưởng 01 mức hỗ trợ cao nhất" in answer.answer


def test_a_kinds_shorthand_before_ve_is_the_kind(wide_engine) -> None:
    """ "ra cv về ô nhiễm không khí": chat's "cv" before "về" is "công văn" (lexicon ``chat.kind_shorthand_before``),
    as before a number or "nào"; unknown, it raised the coverage needed and the question was refused."""
    answer = wide_engine.ask("so gd ha noi ra cv ve o nhiem khong khi, truong phai lam gi khi aqi cao")
    assert answer.found
    assert answer.citations[0].doc_id == "cv-5095-sgddt-hanoi-2025"


def test_trai_luat_and_lam_theo_find_how_the_law_words_them(wide_engine) -> None:
    """ "quyết định … trái luật thì có phải làm theo không": the law writes "trái pháp luật" and "thi hành",
    "chấp hành" (thesaurus, one way); the question was refused."""
    answer = wide_engine.ask(
        "tôi là công chức ở phường, thủ trưởng ra quyết định tôi thấy trái luật thì tôi có phải làm theo không? luật"
        " mới quy định ra sao"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 7.5")


def test_one_word_pair_found_does_not_lift_the_coverage_of_words_not_found(wide_engine) -> None:
    """ "mai da lat co lanh ko, dinh cho hs di da ngoai": of the question's words, only scattered syllables and its
    one pair are in a plant-protection circular's "loài ngoại lai" line; averaged with that pair's full share, the
    words' low share passed, and the weather question was answered from it."""
    answer = wide_engine.ask("mai da lat co lanh ko, dinh cho hs di da ngoai")
    assert not answer.found and answer.citations == []


def test_a_ministry_is_a_unit_whose_section_lists_its_tasks(wide_engine) -> None:
    """ "b) Bộ Công Thương: - Chủ trì, làm việc trực tiếp với các tập đoàn …": a ministry heads its own point of a
    Government resolution as a department does a plan's (lexicon ``units.heads``: "Bộ"; "Bộ luật", "bộ tiêu chí"
    are no units); the question got points of other ministries first."""
    answer = wide_engine.ask(
        "nghị quyết 380 của chính phủ về khắc phục bão lũ miền Trung giao Bộ Công Thương những nhiệm vụ gì?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-380-cp-2025", "II.3.b")
    assert "sản xuất vật liệu xây dựng" in answer.answer


def test_the_words_of_a_story_told_first_count_less_in_finding_the_section(wide_engine) -> None:
    """ "Trường em là trường tiểu học công lập ở Vĩnh Long, tháng sau tổ chức hội thi … . Mức chi hội thi cấp trường
    bằng bao nhiêu phần trăm mức cấp tỉnh?": the story's "trường … công lập", "tiểu học" drew the tuition
    resolution's school rows; what is asked is the spending resolution's article on school-level contests
    (``SearchPolicy.story_weight``)."""
    answer = wide_engine.ask(
        "Trường em là trường tiểu học công lập ở Vĩnh Long, tháng sau tổ chức hội thi giáo viên dạy giỏi cấp trường."
        " Mức chi hội thi cấp trường bằng bao nhiêu phần trăm mức cấp tỉnh?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-22-2025-hdnd-vinhlong", "Điều 2.6")
    assert "60%" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Giáo viên nữ nuôi con dưới 12 tháng tuổi được giảm mấy tiết dạy mỗi tuần theo Thông tư 05?",
        "Đại học Công nghiệp Hà Nội sau khi chuyển đổi thì trực thuộc bộ nào?",
    ],
)
def test_a_question_typed_decomposed_is_answered_as_typed_composed(wide_engine, question: str) -> None:
    """A keyboard typing Vietnamese decomposed ("Unicode tổ hợp": "ệ" as "e" and two combining marks, NFD) sent
    questions the lexicon's phrases never matched: one in three was refused or answered elsewhere. The engine
    reads every question composed (NFC), as documents are stored; and without the zero-width spaces a copy from a
    chat carries."""
    import unicodedata

    composed = wide_engine.ask(question)
    assert composed.found
    for typed in (unicodedata.normalize("NFD", question), question.replace(" ", " \u200b")):
        assert typed != question
        answer = wide_engine.ask(typed)
        assert answer.found
        assert [(c.doc_id, c.section) for c in answer.citations] == [(c.doc_id, c.section) for c in composed.citations]
        assert answer.answer == composed.answer


def test_a_day_asked_with_who_leads_quotes_the_lead_beside_the_day(wide_engine) -> None:
    """ "… phải có trước ngày nào, cơ quan nào chủ trì xây dựng?" of a plan's task whose label lines give its lead
    and its deadline ("- Cơ quan chủ trì: Bộ Công an." … "- Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026."):
    the day's line alone left who leads unsaid; the lead's label line of the same task is quoted with it."""
    answer = wide_engine.ask(
        "Quyết định của Thủ tướng ban hành Chương trình quốc gia về bảo vệ dữ liệu cá nhân phải có trước ngày nào,"
        " cơ quan nào chủ trì xây dựng?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-2623-ttg-2025", "Kế hoạch.II.7")
    lines = answer.answer.splitlines()
    assert "- Cơ quan chủ trì: Bộ Công an. [1]" in lines
    assert "- Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026. [1]" in lines


def test_how_often_a_unit_reports_on_devolved_tasks_is_not_answered_with_its_task_list(wide_engine) -> None:
    """ "… sở gd báo cáo ubnd tỉnh về nhiệm vụ được phân cấp mấy lần 1 năm": "nhiệm vụ" names what is reported
    on, not the unit's duties asked (lexicon ``intent_masks``); read as a duty question it was answered with the
    department's task list. The decision says only "định kỳ báo cáo": how often is refused."""
    answer = wide_engine.ask(
        "quyet dinh 53 cao bang phan cap: so gd bao cao ubnd tinh ve nhiem vu duoc phan cap may lan 1 nam"
    )
    assert not answer.found and answer.citations == []


@pytest.mark.parametrize(
    "question",
    [
        "Chỉ thị 06 của UBND tỉnh Quảng Trị có nêu toàn tỉnh hiện còn bao nhiêu ha đất rừng bị lấn chiếm chưa xử lý"
        " không?",
        "Kế hoạch 310 Hà Nội dành tổng cộng bao nhiêu tỷ đồng ngân sách cho hạ tầng 5G trong khu công nghiệp?",
    ],
)
def test_zero_width_spaces_pasted_into_a_question_do_not_lift_its_refusal(wide_engine, question: str) -> None:
    """What no document says, refused as typed, was answered when a copy from a chat had put zero-width spaces
    after the spaces: the words read with them matched nothing the coverage check knew. The engine drops invisible
    format characters with the rest of ``core.text.composed``."""
    assert not wide_engine.ask(question).found
    assert not wide_engine.ask(question.replace(" ", " \u200b")).found


def test_whom_a_text_applies_to_is_answered_from_its_scope_article(wide_engine) -> None:
    """ "… quy chế hộp thư công vụ của tỉnh có áp dụng cho giáo viên như tôi không?": the regulation's article on
    its scope says it does not apply to staff of schools; the words of mailboxes drew the article on granting them
    first (lexicon ``applies_to``)."""
    answer = wide_engine.ask(
        "Tôi là giáo viên THCS công lập ở Đồng Tháp, quy chế hộp thư công vụ của tỉnh có áp dụng cho giáo viên như"
        " tôi không?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "qd-143-2025-ubnd-dongthap",
        "Quy chế.Điều 1.3",
    )
    assert "không áp dụng đối với viên chức, người lao động trong các cơ sở giáo dục" in answer.answer


def test_a_ground_cited_second_on_its_line_is_pasted_without_the_lines_opening(wide_engine) -> None:
    """ "Căn cứ Luật … số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;": the first ground of a line
    opening "Căn cứ" is pasted with it, as the line stands; a text cited later on the line is pasted from where it
    is cited (the document never writes "Căn cứ" before it)."""
    answer = wide_engine.ask("Nghị quyết vùng phát thải thấp của HĐND thành phố Hà Nội năm 2025 căn cứ những luật nào?")
    lines = answer.answer.splitlines()
    assert "- Căn cứ Luật Thủ đô số 39/2024/QH15 [1]" in lines
    assert "- Luật số 87/2025/QH15 [1]" in lines


def test_a_day_asked_of_a_unit_is_not_first_another_units_own_day(wide_engine) -> None:
    """Only "2. Sở Nông nghiệp và Môi trường" of the directive states a day, its own aggregation ("tổng hợp báo cáo
    … trước ngày 25/12"): asked when Sở Tài chính reports, the answer opens with Sở Tài chính's own item, that day
    after it, not as if it were Sở Tài chính's; so when the day is a point of the other unit's section ("18.1.g"). A
    day stated for a group ("Các đơn vị, địa phương …") stays first."""
    answer = wide_engine.ask("Chỉ thị 06 Quảng Trị: Sở Tài chính phải báo cáo trước ngày nào?")
    assert [(c.doc_id, c.section) for c in answer.citations][:2] == [
        ("ct-06-ubnd-quangtri-2025", "3"),
        ("ct-06-ubnd-quangtri-2025", "2"),
    ]
    assert answer.answer.splitlines()[1] == "Mục 3 «Sở Tài chính»:"
    short = wide_engine.ask("CT 06 Quảng Trị: CA tỉnh báo cáo trước ngày nào?")  # "CA" in capitals: công an
    assert [c.section for c in short.citations][:2] == ["4", "2"]
    part = wide_engine.ask("Quyết định 96 Quảng Ninh về phòng cháy rừng: Sở Y tế báo cáo trước ngày nào?")
    assert [c.section for c in part.citations][:2] == ["Quy định.Điều 18.4", "Quy định.Điều 18.1.g"]
    assert "trước ngày 20/12 hàng năm" in part.answer  # a point of Sở Nông nghiệp và Môi trường's section
    group = wide_engine.ask(
        "Đồng Tháp: UBND xã báo cáo kết quả thực hiện kế hoạch 556 về biển đảo hằng năm trước ngày nào?"
    )
    assert (group.citations[0].doc_id, group.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "VI.4")
    assert "chậm nhất ngày 17 tháng 12" in group.answer


def test_a_directives_top_level_item_headed_by_a_unit_is_that_units_section(wide_engine) -> None:
    """A directive with no implementation part lists its units as its top-level items ("3. Sở Tài chính",
    "4. Công an tỉnh"): asked what one must do, the answer is that item alone, not another unit's item beside it."""
    answer = wide_engine.ask("Theo chỉ thị 06 của Quảng Trị về chồng lấn đất rừng, Sở Tài chính phải làm gì?")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("ct-06-ubnd-quangtri-2025", "3")]
    assert "Mục 3 «Sở Tài chính»" in answer.answer


def test_plural_pronouns_are_chat_words_not_content(wide_engine) -> None:
    """ "bọn mình", "tụi em" (pronouns, lexicon question_words_exact) are no words a section must hold nor unknown
    words raising the coverage needed: whom the e-mail rules apply to is answered from their scope article; the
    question was refused for "bon" unknown."""
    answer = wide_engine.ask(
        "Bọn mình là giáo viên mầm non công lập ở Đồng Tháp, quy chế thư điện tử công vụ của tỉnh có áp dụng với bọn"
        " mình không?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (
        "qd-143-2025-ubnd-dongthap",
        "Quy chế.Điều 1.3",
    )
    assert "không áp dụng đối với viên chức, người lao động trong các cơ sở giáo dục" in answer.answer


def test_telex_keystrokes_the_keyboard_did_not_turn_into_letters_are_read(wide_engine) -> None:
    """ "hoox" is "hỗ" typed in Telex with the keyboard off (and "nghij quyeets", "trowj"): read as the words the
    store writes so, not as unknown words (the question was refused: "hoox" unknown, and no word one edit away)."""
    for question in (
        "nghij quyeets 80 ha noi: muc hoox trowj cho cong an phuong la bao nhieu 1 thang",
        "nghị quyết 80 hà nội: mức hoox trợ cho công an phường là bao nhiêu 1 tháng",
    ):
        answer = wide_engine.ask(question)
        assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.1")
        assert "4.960.000 đồng/người/tháng" in answer.answer


def test_telex_reads_only_what_spells_a_word_the_store_writes() -> None:
    """A Telex reading needs a Vietnamese syllable the store holds with the tone on the vowel it writes it on;
    English words ("news", "boss", "app") and words the store knows are left alone."""
    from retrieval.analyzer import token_index
    from retrieval.spelling import telex

    held = {token_index("w:" + w): 3 for w in ("hỗ", "đầu", "không", "người")} | {token_index("f:ho"): 3}
    df = lambda ids: {i: held[i] for i in ids if i in held}  # noqa: E731
    assert telex("muc hoox tro ddaauf khoong nguowif news boss app ho", df) == {
        "hoox": "hỗ",
        "ddaauf": "đầu",
        "khoong": "không",
        "nguowif": "người",
    }


def test_two_words_typed_without_their_space_are_read_as_the_pair_the_store_writes(wide_engine) -> None:
    """ "tructhuoc" is "trực thuộc" typed without its space: read as the pair the store writes (the question was
    refused: no word one edit away); a word that splits into no pair the store writes is left as typed."""
    from retrieval.analyzer import token_index
    from retrieval.spelling import glued

    held = {token_index(t): 4 for t in ("F:truc thuoc", "F:thanh pho", "f:tructhuoc2")}
    df = lambda ids: {i: held[i] for i in ids if i in held}  # noqa: E731
    assert glued("đơn vị tructhuoc bộ nào, thanhpho nào, xyzabc", df) == {
        "tructhuoc": "truc thuoc",
        "thanhpho": "thanh pho",
    }
    answer = wide_engine.ask(
        "dai hoc cong nghiep ha noi sau khi chuyen tu truong dai hoc len dai hoc thi tructhuoc bo nao, quyet dinh cua "
        "thu tuong"
    )
    assert answer.found and "qd-2536-ttg-2025" in {c.doc_id for c in answer.citations}, answer.answer
    assert "trực thuộc Bộ Công Thương" in answer.answer


def test_items_of_one_list_answering_together_answer_as_their_list(wide_engine) -> None:
    """ "điều kiện gì về sức khỏe và nơi cư trú?": the points "b) Đang cư trú tại Việt Nam" and "đ) Đủ sức khỏe …"
    each hold half of it; their clause, announcing the conditions, holds both and answers first, whole (the
    neighbouring clause on leadership posts came first)."""
    answer = wide_engine.ask(
        "Theo luật cán bộ công chức 2025, người dự tuyển công chức phải đáp ứng điều kiện gì về sức khỏe và nơi cư trú?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-80-2025-qh15", "Điều 19.1")
    assert "Đang cư trú tại Việt Nam" in answer.answer and "Đủ sức khỏe để thực hiện nhiệm vụ" in answer.answer


def test_grounds_asked_as_an_article_of_a_law_are_the_grounds(wide_engine) -> None:
    """ "… căn cứ điều nào của luật giáo dục?", "… thực hiện theo điều khoản nào của nghị định": which article of
    a text a document stands on is asked of its grounds (lexicon legal_bases_patterns), not of its body (the
    resolution's fee exemptions answered)."""
    answer = wide_engine.ask("nghị quyết 20/2025 của hđnd vĩnh long về học phí căn cứ điều nào của luật giáo dục?")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("nq-20-2025-hdnd-vinhlong", "preamble")]
    assert "Căn cứ Luật Giáo dục số 43/2019/QH14" in answer.answer
    answer = wide_engine.ask("qd 53 cao bang phan cap cho so gd thuc hien theo dieu khoan nao cua nghi dinh vay")
    assert [(c.doc_id, c.section) for c in answer.citations] == [("qd-53-2025-ubnd-caobang", "preamble")]


def test_items_the_question_names_by_their_headings_answer_as_their_list(wide_engine) -> None:
    """ "xếp loại tốt, khá hay trung bình": three items headed "Loại tốt", "Loại khá", "Loại trung bình", named by
    the words that set their headings apart; their section answers whole (the "khá" band, not among the best
    sections found, was left out)."""
    answer = wide_engine.ask(
        "trung tam hoc tap cong dong o tphcm muon xep loai tot, kha hay trung binh thi can may diem"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("cv-5155-sgddt-hcm-2025", "Bảng tiêu chí.3-2")
    for band in ("từ 85 đến 100", "từ 70 đến 84,5", "từ 50 đến 69,5"):
        assert band in answer.answer


def test_a_figure_of_one_item_is_quoted_with_its_short_list_and_what_announces_it(wide_engine) -> None:
    """ "người thứ ba phải đóng bao nhiêu phần trăm": the figure sits in "b) Người thứ hai, thứ ba, thứ tư …" of a
    list announced by "6. Thành viên hộ gia đình … được giảm trừ mức đóng như sau:"; the announcing line (whom the
    figures are for) and the other items are quoted with it (the announcing line was left out)."""
    answer = wide_engine.ask(
        "Theo luật BHYT sửa đổi 2024, hộ gia đình tham gia BHYT thì người thứ ba phải đóng bao nhiêu phần trăm so với"
        " người đầu tiên?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-51-2024-qh15", "Điều 1.11")
    assert "cùng tham gia bảo hiểm y tế theo hình thức hộ gia đình trong năm tài chính" in answer.answer
    assert "Người thứ nhất đóng tối đa bằng 6% mức tham chiếu" in answer.answer
    assert "Từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất" in answer.answer


def test_a_question_asking_where_a_report_goes_is_answered_by_the_line_naming_it(wide_engine) -> None:
    """ "gửi báo cáo kết quả về đâu" (lexicon intents.recipient): a section scoring close to the best whose line
    names where the report goes ("Báo cáo Ủy ban nhân dân tỉnh … (qua Sở Nội vụ)", units.recipient_line) answers
    first, not the section of the unit that compiles it (Sở Nội vụ's came first)."""
    answer = wide_engine.ask(
        "Đợt thi đua chào mừng Đại hội XIV ở Đắk Lắk: tổng kết xong thì cơ quan mình gửi báo cáo kết quả về đâu?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-0124-ubnd-daklak-2025", "IV.1")
    assert "(qua Sở Nội vụ)" in answer.answer


def test_a_reporting_period_asked_after_a_comma_is_no_question_of_who_signed(wide_engine) -> None:
    """ "… gửi sở chậm nhất ngày nao, ky bao cao …": typed without diacritics, "nao, ky" read across the comma
    asked who signed the plan ("nào ký") and the signature answered; a cue is read within its clause."""
    answer = wide_engine.ask(
        "ke hoach bien dao cua dong thap: cac so nganh gui bao cao nam truoc ngay nao, ky bao cao tinh tu dau"
    )
    assert answer.citations[0].section != "signature"
    assert "17 tháng 12" in answer.answer


def test_a_unit_named_as_where_a_report_goes_is_not_who_is_asked_its_duties(wide_engine) -> None:
    """ "xã phải báo cáo kết quả qua Sở Khoa học và Công nghệ …": that Sở is where the report goes (lexicon
    units.recipient_cues), so its own task list is not the answer; the line stating the report and its day is."""
    answer = wide_engine.ask(
        "Tôi được giao theo dõi kế hoạch dữ liệu chuyển đổi số toàn diện của Hà Nội ở một xã. Xã phải báo cáo kết"
        " quả qua Sở Khoa học và Công nghệ định kỳ ra sao?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", "III.2")
    assert "trước ngày 15 hằng tháng" in answer.answer


def test_a_deadline_asked_as_han_may_is_no_count_to_find(wide_engine) -> None:
    """ "… hạn mấy?" asks which day (lexicon counting.not_counted "han"), not a number of "hạn" that no section
    states: the refusal said "no number of 'han' in the sections found"."""
    answer = wide_engine.ask(
        "Mình làm văn thư UBND một xã ở Hà Nội. Xã mình phải báo cáo kết quả kế hoạch dữ liệu chuyển đổi số qua"
        " Sở KHCN thế nào, hạn mấy?"
    )
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", "III.2")


def test_a_national_text_naming_the_place_again_and_again_answers_there(wide_engine) -> None:
    """The Government's flood resolution names Gia Lai and Đắk Lắk as places again and again (``Places.named_as_places``,
    ``SearchPolicy.place_named``): for "… ở Gia Lai …" it is about Gia Lai too, not a national text weighed down
    beside the province's own plans (the question was refused)."""
    answer = wide_engine.ask(
        "ong ngoai minh o gia lai dang lanh luong huu, sau lu thang 11 thi duoc chi tra gop luong huu nhung thang nao"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-380-cp-2025", "II.1.4.a")


def test_a_local_body_asked_for_its_own_document_is_not_answered_by_a_national_text(wide_engine) -> None:
    """ "Sở Tài chính Gia Lai đã ban hành hướng dẫn … chưa?" asks for that body's document (lexicon
    own_document_asked): the national resolution that names Gia Lai is not it, so nothing answers."""
    answer = wide_engine.ask("Sở Tài chính Gia Lai đã ban hành hướng dẫn hỗ trợ khắc phục lũ chưa?")
    assert not answer.found


def test_an_amount_asked_is_not_answered_by_lines_whose_only_digits_cite_documents(wide_engine) -> None:
    """ "… dung lượng tối đa bao nhiêu" of Cần Thơ, whose documents found state no figure but the numbers and dates
    of what they cite: refused (it was answered from a Cần Thơ plan's lines citing decisions)."""
    answer = wide_engine.ask("quy che thu dien tu cong vu cua tp can tho: hop thu ca nhan dung luong toi da bao nhieu")
    assert not answer.found


def test_a_unit_heading_cut_inside_its_bracket_names_the_whole_unit(wide_engine) -> None:
    """ "5. Các chủ rừng là tổ chức (các" / "Ban quản lý rừng đặc dụng, rừng phòng hộ, …)" is one heading
    (ingest.normalize joins a bracket closed on the next line), so a forest management board asking its duties
    finds its own item first."""
    answer = wide_engine.ask(
        "Tôi ở Ban quản lý rừng phòng hộ tỉnh Quảng Trị. Chỉ thị về lấn chiếm đất lâm nghiệp giao các đơn vị chủ rừng"
        " những nhiệm vụ gì?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("ct-06-ubnd-quangtri-2025", "5")


def test_a_length_of_time_asked_puts_first_a_close_section_stating_one(wide_engine) -> None:
    """ "… khiếu nại thì trong mấy ngày?" asks a length of time by its words (no deadline, no amount): a section
    scoring close to the best that states one answers first ("chậm nhất 02 ngày sau khi công bố điểm"), not the
    programme of the class the asker tells about."""
    answer = wide_engine.ask(
        "Tôi học lớp đối tượng kết nạp Đảng ở TTCT xã, bài thu hoạch bị chấm thấp, muốn khiếu nại thì trong mấy ngày?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-1147-btgdvtw-2025", "Quy chế.Điều 8.1")
    assert "chậm nhất 02 ngày sau khi công bố điểm" in answer.answer


def test_an_item_quoted_alone_is_labelled_with_the_section_it_belongs_to(wide_engine) -> None:
    """ "a) Tổ chức trực tổng đài 112 trong suốt 24/7 …" says what, its parent "3. Bộ Chỉ huy quân sự tỉnh" says
    who: the label names the item's own parent as well as its top section, so the answer says who."""
    answer = wide_engine.ask("quang ninh co quan nao truc tong dai 112 24/7 nhan tin bao chay rung")
    assert answer.citations[0].section == "Quy định.Điều 18.3.a"
    assert "«Bộ Chỉ huy quân sự tỉnh»" in answer.answer


def test_a_when_question_is_answered_by_the_line_that_says_when_the_thing_asked_is_done(wide_engine) -> None:
    """The long amended article on benefit levels (Điều 22, dated lines about 2025) ranks close above the short one
    on registering for first-line care; its line "có quyền thay đổi … trong 15 ngày đầu của mỗi quý" says when."""
    answer = wide_engine.ask("bao gio thi duoc chuyen noi dang ky kham benh bhyt ban dau vay moi nguoi")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-51-2024-qh15", "Điều 1.21")
    assert "trong 15 ngày đầu của mỗi quý" in answer.answer.split("Mục Điều 1.17")[0]


def test_a_target_asked_is_answered_by_the_plan_s_target_before_its_appendix_s_scoring_table(wide_engine) -> None:
    """The appendix's scoring table restates the emulation's targets beside points and ranks close above the
    plan's own targets (III.1); the line there stating the percentage of ATM cards says what is asked."""
    answer = wide_engine.ask("chi tieu phat hanh the atm cho nguoi huong tro cap o can tho la bao nhieu %")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-157-ubnd-cantho-2025", "III.1")
    assert "Ít nhất 80% người hưởng trợ cấp xã hội" in answer.answer.split("Mục Phụ lục")[0]


def test_a_choice_between_two_things_the_plan_never_writes_is_refused_saying_so(wide_engine) -> None:
    """ "Viettel hay MobiFone?": the 5G plan gives the work to a management board and names no carrier; answering
    with the board's duties would pick neither, so the question is refused and the reader told why."""
    answer = wide_engine.ask("Kế hoạch 310 Hà Nội giao cho Viettel hay MobiFone phủ sóng 5G các khu công nghiệp?")
    assert not answer.found
    assert "Các văn bản tìm được không nhắc đến «Viettel hay MobiFone»." in answer.answer
    assert "Kế hoạch 310/KH-UBND" in answer.answer


def test_an_article_the_named_law_does_not_have_is_refused_saying_so(wide_engine) -> None:
    """ "Điều 95 Luật Dữ liệu": the law has fewer articles; the answer says the law has no such article instead of
    giving its first one. An article of another law named after it ("khoản 2 Điều 28 Luật Thủ đô" asked of a
    resolution carrying it out) is that law's, and still answered from the resolution."""
    missing = wide_engine.ask("Điều 95 Luật Dữ liệu quy định gì?")
    assert not missing.found and missing.citations == []
    assert "Luật 60/2024/QH15 của Quốc hội không có Điều 95." in missing.answer
    other = wide_engine.ask("khoản 2 Điều 28 Luật Thủ đô được nq 57 hà nội thực hiện thế nào?")
    assert other.found and other.citations[0].doc_id == "nq-57-2025-hdnd-hanoi"


def test_an_article_of_a_decisions_regulation_is_found_by_its_number(wide_engine) -> None:
    """A decision whose articles are those of the regulation it issues ("Quy chế.Điều 9"): "Điều 9 quy chế …" is
    that article, whole."""
    answer = wide_engine.ask("Điều 9 quy chế thư điện tử công vụ Đồng Tháp nói gì")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 9")


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Kế hoạch 42/KH-UBND của Hà Nội về 5G giao Sở Công Thương làm gì?", "Kế hoạch số 42"),
        ("Theo nghị quyết 45/2025/NQ-HĐND Vĩnh Long học phí THCS bao nhiêu?", "Nghị quyết số 45"),
    ],
)
def test_a_document_named_by_a_number_no_text_has_or_cites_is_refused(wide_engine, question: str, unknown: str) -> None:
    """A number that is no stored document's and that no stored document cites names a text the store does not
    hold: another plan on the topic does not answer for it (the reader is told which number is unknown)."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []
    assert f"Không văn bản nào hiện có là {unknown} hay dẫn đến nó." in answer.answer


@pytest.mark.parametrize(
    ("question", "doc_id"),
    [
        ("Nghị quyết 214/NQ-CP giao Hà Nội làm gì về dữ liệu?", "kh-308-ubnd-hanoi-2025"),  # cited, not held
        ("kế hoạch 0124 đắk lắk giao sở nội vụ làm gì", "kh-0124-ubnd-daklak-2025"),  # held, typed with its zero
        ("huong dan 5155 cua so gd tphcm xep loai tot bao nhieu diem", "cv-5155-sgddt-hcm-2025"),  # held, other kind
    ],
)
def test_a_number_held_or_cited_is_not_unknown(wide_engine, question: str, doc_id: str) -> None:
    answer = wide_engine.ask(question)
    assert answer.found and answer.citations[0].doc_id == doc_id


def test_plans_asked_for_by_topic_are_plans_though_a_resolution_leads(wide_engine) -> None:
    """ "Những kế hoạch nào về phòng chống thiên tai …": the Government's resolution on storm recovery holds the
    words best, but it is no plan; the plans that speak of it answer."""
    answer = wide_engine.ask("Những kế hoạch nào về phòng chống thiên tai năm 2025?")
    assert answer.found
    assert all(wide_engine.index.head(c.doc_id).doc_type == "Kế hoạch" for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Sở Giáo dục và Đào tạo Hà Nội có nhiệm vụ gì theo quyết định 2536 của Thủ tướng?",
            "Quyết định 2536/QĐ-TTg của Thủ tướng Chính phủ không giao riêng việc gì cho Sở Giáo dục và Đào tạo.",
        ),
        (
            "Sở Tài chính có nhiệm vụ gì theo nghị quyết 80 của Hà Nội?",
            "không giao riêng việc gì cho Sở Tài chính.",
        ),
    ],
)
def test_a_unit_the_named_plan_never_mentions_is_told_so(wide_engine, question: str, said: str) -> None:
    """A unit of other plans asked its duties in a document that never names it nor a group of its kind: the
    document's text, searched, would give other units' tasks; the answer says it gives the unit no task of its
    own. A unit the document names is answered, and so is one a group of its kind covers ("các sở, ban, ngành")."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []
    assert said in answer.answer
    named = wide_engine.ask("Công an tỉnh Quảng Ninh phải làm gì theo quy định phòng cháy chữa cháy rừng?")
    assert named.found and named.citations[0].section == "Quy định.Điều 18.2"
    assert wide_engine.ask("Sở Tài chính có nhiệm vụ gì trong kế hoạch 0124 Đắk Lắk?").found


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "kh 597 dong thap chuyen doi so ha tang giao thong thi so giao duc va dao tao phai lam gi",
            "Kế hoạch 597/KH-UBND của Ủy ban nhân dân tỉnh Đồng Tháp không giao riêng việc gì cho Sở Giáo dục và"
            " Đào tạo.",
        ),
        (
            "Theo KH 157/KH-UBND Cần Thơ, Sở Giáo dục và Đào tạo có nhiệm vụ gì?",
            "Kế hoạch 157/KH-UBND của Ủy ban nhân dân thành phố Cần Thơ không giao riêng việc gì cho Sở Giáo dục và"
            " Đào tạo.",
        ),
    ],
)
def test_a_unit_whose_group_the_plan_names_only_in_passing_is_told_it_has_no_task(
    wide_engine, question: str, said: str
) -> None:
    """A plan that names a group of the unit's kind only in passing ("… nếu thấy cần sửa đổi, bổ sung các sở,
    ngành, địa phương chủ động đề xuất …"), in no section where the group is who acts, gives the unit nothing: the
    answer says so, not another unit's tasks or a scoring table found by the plan's words."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []
    assert said in answer.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # a directive with no implementation part, whose item 6 opens "Các sở, ban, ngành liên quan …"
        ("Sở Y tế có nhiệm vụ gì trong Chỉ thị 06/CT-UBND Quảng Trị?", "6"),
        # a law charging "Bộ, cơ quan ngang Bộ" in articles of its own, without "các"
        ("Bộ Công Thương có trách nhiệm gì theo Luật Dữ liệu 60/2024/QH15?", ""),
        # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ … chịu trách nhiệm thực hiện Kế hoạch này": every ministry
        ("Bộ Công Thương có nhiệm vụ gì theo Quyết định 2623/QĐ-TTg?", None),
    ],
)
def test_a_unit_whose_group_acts_outside_a_plans_implementation_part_is_not_refused(
    wide_engine, question: str, section: str | None
) -> None:
    """The refusal above is for a plan saying who does what (its "Tổ chức thực hiện" part) and for heads forming
    such groups (sở, bộ): a directive or law charges groups in articles of its own, which the search finds."""
    answer = wide_engine.ask(question)
    assert answer.found and "không giao riêng" not in answer.answer, answer.answer
    if section:
        assert section in [c.section for c in answer.citations]
    elif section is None:
        assert "không nêu riêng Bộ Công Thương" in answer.answer
        assert "Kế hoạch.IV.2" in [c.section for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "unit", "section"),
    [
        # a directive with no implementation part: its item "6. Các sở, ban, ngành liên quan …" is the group's
        ("Sở Công Thương Quảng Trị phải làm gì theo chỉ thị 06?", "Sở Công Thương", "6"),
        # the regulation's "Chương III. TỔ CHỨC THỰC HIỆN" article on the bodies' duties before the decision's
        # closing "Thủ trưởng các sở, ban, ngành … chịu trách nhiệm thi hành Quyết định này"
        ("Sở Nội vụ phải làm gì theo quyết định 143 Đồng Tháp?", "Sở Nội vụ", "Quy chế.Điều 15"),
    ],
)
def test_a_groups_own_item_answers_for_a_unit_the_text_never_names(
    wide_engine, question: str, unit: str, section: str
) -> None:
    """A unit a text never names gets its group's tasks: a top-level item of a text with no implementation part
    opening with the group, and the implementation part's sections before a clause charging bodies to carry the
    text out (lexicon ``units.execution_clause``)."""
    answer = wide_engine.ask(question)
    assert answer.found
    assert f"không nêu riêng {unit}" in answer.answer
    assert answer.citations[0].section == section


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("kế hoạch 982 nghệ an về đợt thi đua thì sở tư pháp phải làm những việc gì", "V.2"),
        ("Sở Xây dựng có nhiệm vụ gì theo kế hoạch 308 Hà Nội?", "III.2"),
        ("Sở Khoa học và Công nghệ có nhiệm vụ gì trong Kế hoạch 153/KH-UBND của UBND thành phố Cần Thơ?", "IV.16"),
    ],
)
def test_a_unit_the_plan_tasks_only_through_a_group_gets_the_groups_tasks(
    wide_engine, question: str, section: str
) -> None:
    """A Sở the document never names, when "các sở, …" or "các cơ quan, đơn vị" opens a section of its
    implementation part as who acts ("- Các cơ quan, đơn vị căn cứ Kế hoạch này …", "16. Các sở, ban, ngành thành
    phố", "Giám đốc các Sở"), is answered from that section, saying the unit is not named; not from a section
    naming the group as a partner ("Sở Khoa học và Công nghệ theo dõi, đôn đốc các Sở, ban, ngành")."""
    answer = wide_engine.ask(question)
    assert answer.found
    assert answer.citations[0].section == section
    assert "không nêu riêng Sở" in answer.answer


@pytest.mark.parametrize(
    ("question", "doc_id"),
    [
        ("Sở Y tế có nhiệm vụ gì trong kế hoạch 141 Bắc Ninh?", "kh-141-ubnd-bacninh-2025"),
        ("Sở Nông nghiệp và Môi trường có nhiệm vụ gì trong kế hoạch 160 Cần Thơ?", "kh-160-ubnd-cantho-2025"),
        ("Sở Văn hóa, Thể thao và Du lịch có nhiệm vụ gì trong kế hoạch 552 Đồng Tháp?", "kh-552-ubnd-dongthap-2025"),
    ],
)
def test_a_unit_is_answered_from_the_plan_named_by_its_number(wide_engine, question: str, doc_id: str) -> None:
    """A plan named by kind and number is the one a unit's duties are read in, though another plan of the province
    names the unit more (kế hoạch 144 Bắc Ninh has its own "Sở Y tế" section)."""
    answer = wide_engine.ask(question)
    assert answer.found
    assert {c.doc_id for c in answer.citations} == {doc_id}


@pytest.mark.parametrize(
    ("question", "doc_id", "section"),
    [
        (
            "Nghị quyết 57 giao Sở Xây dựng Đồng Tháp làm gì trong chuyển đổi số hạ tầng giao thông?",
            "kh-597-ubnd-dongthap-2025",
            "V.1",
        ),
    ],
)
def test_a_text_the_plans_carry_out_named_by_its_number_still_leads_to_the_plans(
    wide_engine, question: str, doc_id: str, section: str
) -> None:
    """A resolution or circular named by its number is often the one the plans carry out ("Nghị quyết 57" of the
    Party, held as Hà Nội's 57/2025/NQ-HĐND): a unit's duties are still read in the plans."""
    answer = wide_engine.ask(question)
    assert answer.found
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (doc_id, section)


def test_a_group_answers_only_duties_asked_alone(wide_engine) -> None:
    """Funds asked of a unit the plan never names are the plan's funding part, not its group's tasks."""
    answer = wide_engine.ask("Kinh phí để Sở Y tế thực hiện nhiệm vụ theo kế hoạch 310 Hà Nội lấy từ đâu?")
    assert answer.found
    assert answer.citations[0].section == "IV"


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("Học sinh đạt giải nhì kỳ thi học sinh giỏi cấp huyện ở Vĩnh Long được thưởng bao nhiêu tiền?", False),
        ("Học sinh đạt giải nhì kỳ thi học sinh giỏi cấp tỉnh ở Vĩnh Long được thưởng bao nhiêu tiền?", True),
        # the prize table names tỉnh, xã and the school; a budget line after it trains the national team
        ("Theo nghị quyết 22 Vĩnh Long, em đạt giải ba học sinh giỏi cấp quốc gia thì được thưởng bao nhiêu?", False),
        ("hoc phi truong trung cap o vinh long nam nay bao nhieu 1 thang", False),
        ("Học phí trung học phổ thông công lập ở phường của Vĩnh Long bao nhiêu một tháng?", True),
    ],
)
def test_a_sum_set_level_by_level_is_not_read_for_a_level_it_omits(wide_engine, question: str, found: bool) -> None:
    """Prizes set for the levels of tỉnh, xã and the school, fees for mầm non to THPT: a level they omit (cấp huyện,
    trung cấp) is refused, not answered with the others' figures (lexicon ``siblings``); a level they set is
    answered."""
    assert wide_engine.ask(question).found is found


@pytest.mark.parametrize(
    ("question", "doc_id"),
    [
        # a number that is a count, not a document's ("kế hoạch 3 năm", "quy định 1 tuần"): no unknown document
        ("Kế hoạch 3 năm 2026-2028 của Cà Mau dự kiến tổng thu ngân sách bao nhiêu?", "kh-0204-ubnd-camau-2025"),
        ("Theo quy định 1 tuần giáo viên tiểu học dạy mấy tiết?", "tt-05-2025-bgddt"),
        # an amending law's article by the article it amends
        ("Điều 22 Luật Bảo hiểm y tế sửa đổi 2024 quy định mức hưởng thế nào?", "luat-51-2024-qh15"),
        # an article of a law named before it, asked of the resolution carrying it out
        (
            "Theo Luật Thủ đô Điều 33 khoản 1 thì Hà Nội phạt vi phạm PCCC cao hơn mức chung bao nhiêu?",
            "nq-76-2025-hdnd-hanoi",
        ),
        # a topic asked alone of a place whose broad plan answers it, though another province's plan is titled so
        ("Bắc Ninh phát triển hạ tầng 5G, IoT cho các khu công nghiệp thế nào?", "kh-144-ubnd-bacninh-2025"),
        ("Sở Khoa học và Công nghệ Bắc Ninh có nhiệm vụ gì về hạ tầng 5G?", "kh-144-ubnd-bacninh-2025"),
        # a kind named wrongly still gets the document that is; a decision issuing a plan is a plan
        ("Thông tư nào quy định danh mục bí mật nhà nước lĩnh vực tổ chức cán bộ?", "qd-2500-ttg-2025"),
        ("Kế hoạch nào triển khai thi hành Luật Bảo vệ dữ liệu cá nhân?", "qd-2623-ttg-2025"),
        # an allowance named in a condition, not as what the percentage measures
        (
            "Giám đốc trung tâm chính trị phải giảng dạy bao nhiêu phần trăm định mức thì được hưởng phụ cấp đứng lớp?",
            "qd-1147-btgdvtw-2025",
        ),
        # levels in the headings above the first section name who founds the schools ("… do các trường đại học,
        # cao đẳng … thành lập"), not a level the fee is set for
        ("Trường THPT chất lượng cao Hà Nội thu học phí tối đa mấy tháng một năm?", "nq-58-2025-hdnd-hanoi"),
    ],
)
def test_questions_a_review_found_refused_are_answered(wide_engine, question: str, doc_id: str) -> None:
    """Questions the documents answer that the session's first refusal rules refused (a review of the change found
    them): each rule is bounded so that they are answered again, from the document that answers them."""
    answer = wide_engine.ask(question)
    assert answer.found, answer.answer
    assert answer.citations[0].doc_id == doc_id


def test_a_missing_section_is_said_as_a_reader_says_it() -> None:
    from retrieval.answers.refs import said

    assert said("Điều 95") == "Điều 95"
    assert said("Điều 22.3") == "khoản 3 Điều 22"
    assert said("Điều 8.2.b") == "điểm b khoản 2 Điều 8"
    assert said("III.2") == "mục III.2"


def test_a_clause_repealing_a_cited_text_gives_way_unless_repeal_is_asked(wide_engine) -> None:
    """A question naming the resolution it lives under ("… hưởng hỗ trợ theo Nghị quyết 38/2024 …") is not answered
    first by the clause striking a phrase out of that resolution, which names it too, but by the rule on holding
    both supports; asked what was struck out, that clause answers (lexicon ``repeal``)."""
    both = wide_engine.ask(
        "Tôi là cán bộ công an phường ở Hà Nội, đang hưởng hỗ trợ theo Nghị quyết 38/2024/NQ-HĐND của lực lượng "
        "cảnh sát hình sự. Tôi có được hưởng thêm mức hỗ trợ cho công an cấp xã không?"
    )
    assert (both.citations[0].doc_id, both.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.2")
    struck = wide_engine.ask("Nghị quyết 80 của Hà Nội bãi bỏ cụm từ nào trong Nghị quyết 38/2024?")
    assert (struck.citations[0].doc_id, struck.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 5.2")


def test_a_blank_form_does_not_answer_when_its_procedure_is_asked(wide_engine) -> None:
    """A blank form echoes the words of its procedure ("đề nghị khôi phục …") and leaves its figures blank: asked
    how long, the rules answer first; asked which form, the form does (retrieval/answers/forms.py)."""
    when = wide_engine.ask(
        "Mình công tác ở một phòng thuộc UBND xã ở Đồng Tháp, nghỉ ốm dài ngày nên không vào được hộp thư công vụ. "
        "Đề nghị khôi phục hộp thư thì bao lâu được giải quyết?"
    )
    assert when.citations[0].doc_id == "qd-143-2025-ubnd-dongthap"
    assert when.citations[0].section.startswith("Quy chế.Điều 9")
    assert not any("Mẫu" in c.section for c in when.citations)
    form = wide_engine.ask("Muốn đề nghị cấp lại mật khẩu hộp thư công vụ ở Đồng Tháp thì dùng mẫu số mấy?")
    assert form.citations[0].section.startswith("Phụ lục.Mẫu")


def test_chat_words_for_ride_hailing_find_the_item_on_app_based_transport(wide_engine) -> None:
    """ "chạy app", "xe app" are how people name ride-hailing, which the resolution writes "hoạt động kinh doanh
    trên nền tảng phần mềm ứng dụng hỗ trợ kết nối vận tải" (lexicon ``thesaurus``): that item answers, not its
    siblings for other motorbikes or for cars."""
    for question in (
        "Em chạy app chở khách bằng xe máy xăng ở Hà Nội, nghị quyết 57 về vùng phát thải thấp có cấm em vào vùng đó "
        "luôn không?",
        "xe app chay xang o ha noi co bi cam vao vung phat thai thap ko hay chi cam theo khung gio",
    ):
        answer = wide_engine.ask(question)
        assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-57-2025-hdnd-hanoi", "Điều 10.3.c")
    # "chạy xe ôm" alone is any motorbike taxi, app-based or not: it does not read as the app platform's item
    traditional = wide_engine.ask(
        "Tôi chạy xe ôm truyền thống bằng xe máy xăng ở Hà Nội, đón khách ở bến xe, theo nghị quyết 57 thì có được "
        "vào vùng phát thải thấp không?"
    )
    assert traditional.citations[0].section != "Điều 10.3.c"


def test_a_plans_table_appendix_is_not_a_blank_form() -> None:
    """Only the parser's blank forms ("Mẫu 02": "Mẫu số 02" over a letterhead or "Kính gửi") give way to the rules;
    a "Mẫu biểu 01" appendix may hold a plan's own table of tasks or targets, and ranks as it scores."""
    from retrieval.answers.forms import _form_id

    assert _form_id("Phụ lục.Mẫu 02") and _form_id("Phụ lục I.Mẫu 01.I.2")
    assert not _form_id("Mẫu biểu 02") and not _form_id("Mẫu biểu 02.I") and not _form_id("Phụ lục II")


def test_a_plan_named_in_the_story_and_again_in_the_question_is_one_text(wide_engine) -> None:
    """A kind and number given once in the story told first ("… Kế hoạch 310/KH-UBND của Hà Nội.") and again in the
    sentence that asks ("Kế hoạch 310 …") name the one stored plan, not another 310/KH-UBND a plan of another
    province cites: the answer was "1 văn bản nhắc đến Kế hoạch số 310/KH-UBND ngày 21/08/2024 …" from Đồng Tháp.
    Given twice in one sentence, they still name two texts (``test_grounds_asked_in_other_words_are_listed``)."""
    answer = wide_engine.ask(
        "Mình đang làm kế hoạch cho xã, muốn làm theo Kế hoạch 310/KH-UBND của Hà Nội. "
        "Kế hoạch 310 cụ thể hóa những văn bản nào?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-310-ubnd-hanoi-2025", "I.1")
    assert "Nghị quyết số 57-NQ/TW" in answer.answer
    assert all(c.doc_id == "kh-310-ubnd-hanoi-2025" for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "consulted"),
    [
        (
            "Mình đang soạn kế hoạch của xã về chuyển đổi số và muốn trích căn cứ cho đúng: kế hoạch 597 của Đồng Tháp"
            " căn cứ những văn bản nào?",
            True,
        ),
        ("Tôi đang soạn kế hoạch chuyển đổi số cho trường: nên căn cứ những văn bản nào?", False),
    ],
)
def test_a_drafters_story_told_before_a_colon_is_not_what_is_asked(wide_engine, question: str, consulted: bool) -> None:
    """A story told before a colon ends as one told before a comma does: after it, a drafter naming the one plan they
    consult asks its grounds (the answer was what every plan cites most); asking what to cite, the ranking."""
    answer = wide_engine.ask(question)
    if consulted:
        assert answer.answer.startswith("Kế hoạch 597/KH-UBND của Ủy ban nhân dân tỉnh Đồng Tháp căn cứ 4 văn bản:")
        assert {(c.doc_id, c.section) for c in answer.citations} == {("kh-597-ubnd-dongthap-2025", "preamble")}
    else:
        assert answer.answer.startswith("Các văn bản được các kế hoạch hiện có căn cứ nhiều nhất")


@pytest.mark.parametrize(
    ("question", "section", "heading"),
    [
        ("Tổ chức thực hiện của kế hoạch 153 là gì?", "IV-2", "«TỔ CHỨC THỰC HIỆN»"),
        ("kế hoạch số 552 quy định tổ chức thực hiện như thế nào", "V", "«TỔ CHỨC THỰC HIỆN»"),
    ],
)
def test_a_part_asked_by_its_heading_is_found_anywhere_in_the_document_named(
    wide_engine, question: str, section: str, heading: str
) -> None:
    """A question naming one document and a heading of it whole answers that part, though it was above none of the
    best hits: a point saying "tổ chức thực hiện" in passing (IV.1.e of plan 153) or an appendix's table came
    first."""
    answer = wide_engine.ask(question)
    assert answer.citations[0].section == section
    assert heading in answer.answer.split("\n")[1]


def test_a_document_without_grounds_says_so_and_lists_what_its_body_names(wide_engine) -> None:
    """A directive opening with the situation, no "Căn cứ …" lines: asked its grounds, the answer says it has none
    and lists the texts its body names as named there (it said "Chỉ thị 010 … căn cứ 2 văn bản", which a drafter
    would paste as grounds)."""
    answer = wide_engine.ask("chỉ thị 010 căn cứ những văn bản nào?")
    assert answer.answer.startswith(
        "Chỉ thị 010/CT-UBND của Ủy ban nhân dân tỉnh Đắk Lắk không có phần căn cứ; trong nội dung, chỉ thị nhắc đến"
        " 2 văn bản:"
    )
    assert "preamble" not in {c.section for c in answer.citations}


def test_the_texts_a_plan_gives_one_unit_to_carry_out_are_those_of_its_tasks(wide_engine) -> None:
    """ "… Sở X được giao thực hiện những nghị quyết nào?" asks the resolutions named in that unit's own tasks (the
    plan's one preamble ground, 48/NQ-CP, was the answer; 26/NQ-CP and 36-NQ/TW are named in the unit's section).
    A plan asked its grounds without a unit still gets its preamble."""
    answer = wide_engine.ask(
        "Theo kế hoạch 556 Đồng Tháp, Sở Nông nghiệp và Môi trường được giao thực hiện những nghị quyết nào?"
    )
    assert answer.answer.startswith(
        "Kế hoạch 556/KH-UBND của Ủy ban nhân dân tỉnh Đồng Tháp giao Sở Nông nghiệp và Môi trường thực hiện 3 văn bản:"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-556-ubnd-dongthap-2025", "IV.1")
    assert {"26/NQ-CP", "36-NQ/TW"} <= {b.id for b in answer.legal_bases}
    grounds = wide_engine.ask("Kế hoạch 556 căn cứ những văn bản nào?")
    assert {(c.doc_id, c.section) for c in grounds.citations} == {("kh-556-ubnd-dongthap-2025", "preamble")}


@pytest.mark.parametrize(
    ("question", "doc_id", "section", "replaced"),
    [
        ("nq 57/2025 hdnd hn thay the nghi quyet nao", "nq-57-2025-hdnd-hanoi", "Điều 13.2", "47/2024/NQ-HĐND"),
        ("luật 80 thay thế luật nào", "luat-80-2025-qh15", "Điều 44.3", "22/2008/QH12"),
    ],
)
def test_a_text_said_to_end_is_what_the_new_one_replaces(
    wide_engine, question: str, doc_id: str, section: str, replaced: str
) -> None:
    """ "Nghị quyết số 47/2024/NQ-HĐND … hết hiệu lực thi hành kể từ ngày Nghị quyết này có hiệu lực": the text said
    to end is the one replaced (lexicon effective_line.replaces); the answer was "… không ghi văn bản được thay
    thế", which is untrue."""
    answer = wide_engine.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].section) == (doc_id, section)
    assert replaced in answer.answer.split("\n")[2]


def test_an_elliptical_question_stays_with_the_letter_just_quoted(wide_engine) -> None:
    """ "cần hỏi thêm thì liên hệ số điện thoại nào" after a letter's answer names no document by its words: the
    letter's own line answers ("điện thoại: 02439411232"), though another city's letter holds the same words
    (policy ``lean_share``); it was that letter's number."""
    wide_engine.ask("Công văn 5095 của Sở GD Hà Nội yêu cầu trường làm gì khi ô nhiễm không khí?", conversation="t:13")
    phone = wide_engine.ask("cần hỏi thêm thì liên hệ số điện thoại nào", conversation="t:13")
    assert phone.citations[0].doc_id == "cv-5095-sgddt-hanoi-2025"
    assert "02439411232" in phone.answer


def test_chat_words_of_a_story_told_first_do_not_hide_what_is_asked(wide_engine) -> None:
    """Typed without diacritics, "e" (em) is the asker, not a word a section must hold, and "thi dua" is "thi đua",
    not the stopwords "thì" and "đua" (lexicon question_words_exact, folded_compounds): the question was refused
    with the plan's tie-break rule found."""
    answer = wide_engine.ask(
        "e la can bo phuong o can tho, phuong e va phuong ben canh bang diem thi dua thi xep hang the nao"
    )
    assert answer.citations[0].doc_id == "kh-157-ubnd-cantho-2025"
    assert "có tổng số điểm bằng nhau" in answer.answer


def test_a_unit_follow_up_is_answered_from_the_documents_in_focus_alone(wide_engine) -> None:
    """ "còn UBND xã?" after questions on a directive asks that directive's item for the communes (I.2.2.g); held to
    the documents in focus, its own item comes first, not a closing article that names the communes among others
    (III.1, which led when the focus only weighed the search)."""
    wide_engine.ask("Theo chỉ thị 010 Đắk Lắk, cơ quan đăng ký đầu tư gồm những cơ quan nào?", conversation="t:15")
    wide_engine.ask("nếu văn bản thẩm định không kết luận rõ thì sao", conversation="t:15")
    communes = wide_engine.ask("còn UBND xã?", conversation="t:15")
    assert (communes.citations[0].doc_id, communes.citations[0].section) == ("ct-010-ubnd-daklak-2025", "I.2.2.g")


def test_diesel_is_a_fossil_fuel_to_a_regulation_on_low_emission_zones(wide_engine) -> None:
    """ "chạy dầu diesel" is what a regulation calls "sử dụng nhiên liệu hóa thạch" (lexicon thesaurus, beside
    "chạy xăng"): the question was refused."""
    answer = wide_engine.ask("xe tải chạy dầu diesel có được vào vùng phát thải thấp Hà Nội không")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-57-2025-hdnd-hanoi", "Điều 10.3.b")


def test_levels_asked_with_muc_typed_with_marks_are_no_outline(wide_engine) -> None:
    """ "có mấy mức" typed with its marks asks levels, not the document's parts ("có mấy mục": the folded cue
    matched, and the law's seven chapters were the answer; lexicon accented_cues); "có mấy mục?" still asks them."""
    levels = wide_engine.ask("xếp loại chất lượng công chức có mấy mức")
    assert levels.citations[0].section.startswith("Điều 26.1")
    parts = wide_engine.ask("Luật 80 có mấy mục?")
    assert parts.answer.startswith("Luật 80/2025/QH15 của Quốc hội gồm 7 chương:")


def test_who_is_given_a_task_is_not_who_issued_the_plan(wide_engine) -> None:
    """ "… giao ai rà soát …" folds to the issuer's cue "ai ra" ("ai ra văn bản này"); typed with its marks, "rà" is
    no "ra" (lexicon accented_cues): the answer was "Cơ quan ban hành: Ủy ban nhân dân thành phố Hà Nội"."""
    answer = wide_engine.ask("Hà Nội giao ai rà soát, hoàn thiện Chiến lược dữ liệu thành phố?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-308-ubnd-hanoi-2025", "II.1.1.a")
    assert not answer.answer.startswith("Cơ quan ban hành")


def test_a_year_the_question_sets_aside_is_not_asked(wide_engine) -> None:
    """ "(không phải mục tiêu 2026)" sets 2026 aside (lexicon year_set_aside): the 2030 target was refused as "asked
    of 2026, which the text found does not state"."""
    answer = wide_engine.ask(
        "kế hoạch 310 Hà Nội: mục tiêu đến năm 2030, không phải mục tiêu 2026, về cáp quang XGS-PON là tốc độ bao nhiêu?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-310-ubnd-hanoi-2025", "II.2")


def test_a_greeting_to_a_lawyer_is_courtesy(wide_engine) -> None:
    """ "Chào luật sư, …" opens a case told as on a legal Q&A site: its words are no content a section must hold
    (lexicon chat.courtesy); with them the question fell short of the coverage needed and was refused."""
    answer = wide_engine.ask(
        "Chào luật sư, chồng tôi là chiến sĩ Công an xã ở Hà Nội. Theo nghị quyết mới của HĐND thành phố thì anh ấy"
        " được hỗ trợ thêm bao nhiêu tiền mỗi tháng?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("nq-80-2025-hdnd-hanoi", "Điều 3.1")


def test_who_does_a_task_asks_no_persons_name(wide_engine) -> None:
    """ "… là ai làm vậy" asks which body does it, not a person's name (lexicon amount_kinds.person.not_cued): it
    was refused for want of a name in the section that says it."""
    answer = wide_engine.ask("cao bang thay doi chuc danh nghe nghiep giao vien truong cong lap la ai lam vay")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-53-2025-ubnd-caobang", "Điều 2.2")


def test_a_group_asked_by_la_ai_asks_no_persons_name(wide_engine) -> None:
    """ "Đối tượng truyền thông được chú trọng là ai?" asks which people (a group), not a person's name: it was refused
    for want of "Ông …/Bà …" in the section that says "chú trọng truyền thông cho nhóm đối tượng …" (review 14)."""
    answer = wide_engine.ask("Kế hoạch 159 Cần Thơ: đối tượng truyền thông được chú trọng là ai?")
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-159-ubnd-cantho-2025", "II.1")
    assert "chú trọng truyền thông cho nhóm đối tượng" in answer.answer
    from retrieval.answers.amounts_asked import amounts
    from retrieval.answers.question import parse
    from retrieval.lexicon import lexicon

    assert amounts(parse("Trưởng ban tổ chức là ai?"), lexicon())  # the head of a group is a person


def test_toi_nay_typed_with_marks_as_i_now_asks_of_no_evening(wide_engine) -> None:
    """ "… đối với tôi nay do cơ quan nào chủ trì" folds to the present-moment cue "tối nay"; typed with marks, "tôi"
    is no "tối" (lexicon accented_cues): the question was refused as asked of tonight."""
    answer = wide_engine.ask(
        "Tôi là viên chức ở một trường THPT công lập tại Cao Bằng. Việc đánh giá viên chức đối với tôi nay do cơ quan"
        " nào chủ trì thực hiện?"
    )
    assert (answer.citations[0].doc_id, answer.citations[0].section) == ("qd-53-2025-ubnd-caobang", "Điều 2.2")


def test_who_must_pay_asks_a_category_not_a_persons_name(wide_engine) -> None:
    """ "ai là người nộp lệ phí" asks who must pay (a kind of person the text defines), not a person's name (lexicon
    amount_kinds.person.not_cued): the article "Người nộp lệ phí" was found and refused for want of a name. "ai là
    người ký …" still asks the signer."""
    payer = wide_engine.ask("thông tư 109 ai là người nộp lệ phí")
    assert (payer.citations[0].doc_id, payer.citations[0].section) == ("tt-109-2025-btc", "Điều 2")
    signer = wide_engine.ask("ai là người ký kế hoạch 310")
    assert signer.citations[0].section == "signature"


def test_a_length_of_time_asked_is_one_the_lines_quoted_state(wide_engine) -> None:
    """Asked how many months a retiree's old mail is kept, the point on retirees (no length of time) was quoted with
    its clause's heading line, and the clause's other point stating "05 ngày làm việc" (not quoted) let it answer:
    the figure of the kind asked must be in the lines quoted. Asked how many days a request takes, that point
    answers."""
    _refuses(
        wide_engine,
        "qd 143 dong thap ve thu dien tu cong vu: khi nghi huu bi thu hoi hop thu thi du lieu thu cu dc luu giu them"
        " bao nhieu thang roi moi xoa vay",
    )
    _answers(
        wide_engine,
        "Theo quy chế thư điện tử công vụ Đồng Tháp, yêu cầu cấp lại mật khẩu được giải quyết trong mấy ngày?",
        ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 8.2.a"),
        "Trong thời hạn 05 ngày làm việc",
    )


def test_whom_a_sum_is_paid_to_must_be_one_the_documents_found_speak_of(wide_engine) -> None:
    """The resolution pays the commune police a monthly support and never speaks of the neighbourhood security
    teams: asked the monthly support "cho thành viên tổ bảo vệ an ninh, trật tự ở cơ sở", it answered with the
    police's sum; whom a sum is paid to ("… cho X", within its clause) is now read like what it prices. Asked for
    the commune police, in chat, it answers."""
    _refuses(
        wide_engine,
        "Nghị quyết 80/2025 của HĐND Hà Nội có quy định mức hỗ trợ hằng tháng cho lực lượng tham gia bảo vệ an ninh,"
        " trật tự ở cơ sở không, bao nhiêu tiền một tháng?",
        "Nghi quyet 80/2025 cua HDND Ha Noi quy dinh muc ho tro hang thang cho thanh vien to bao ve an ninh, trat tu o"
        " co so la bao nhieu?",
        # "cho" further in the clause than right after what is priced
        "Nghị quyết 80/2025/NQ-HĐND Hà Nội quy định mức hỗ trợ theo tháng cho thành viên tổ bảo vệ an ninh, trật tự"
        " là bao nhiêu?",
    )
    _answers(
        wide_engine,
        "e la chien si cong an phuog o ha noi, nghe noi hdnd tp moi thong qua muc ho tro hang thang cho cong an cap"
        " xa, cu the la bn tien 1 thang a?",
        ("nq-80-2025-hdnd-hanoi", "Điều 3.1"),
        "4.960.000 đồng/người/tháng",
    )


def test_a_fee_the_asker_pays_must_be_one_the_documents_found_name(wide_engine) -> None:
    """The resolution on exam costs pays the staff of the grade-10 entrance exam and never speaks of a fee: asked the
    "lệ phí dự thi" a candidate pays, it answered with the staff's day rates. A fee (lexicon ``amount_kinds.money.
    charged``) must be named by the documents found; what is paid to the asker may be named in other words ("phụ
    cấp" of a monthly "hỗ trợ"), and a fee the circular sets is answered."""
    _refuses(
        wide_engine,
        "Thí sinh thi tuyển sinh vào lớp 10 ở Vĩnh Long phải nộp lệ phí dự thi bao nhiêu theo Nghị quyết"
        " 22/2025/NQ-HĐND?",
        # without diacritics ("le" is also "lễ"), and a fee the resolution never names at all
        "Thi sinh thi tuyen sinh vao lop 10 o Vinh Long phai nop le phi du thi bao nhieu theo Nghi quyet"
        " 22/2025/NQ-HDND?",
        "Theo Nghị quyết 22/2025/NQ-HĐND Vĩnh Long, học sinh dự thi học sinh giỏi cấp tỉnh phải đóng học phí bao"
        " nhiêu?",
    )
    # whom a fee is for ("cho con tôi …") is no one a sum is paid to
    tuition = wide_engine.ask("Học phí cho con tôi học lớp 10 trường công lập ở phường tại Vĩnh Long là bao nhiêu?")
    assert tuition.citations[0].doc_id == "nq-20-2025-hdnd-vinhlong"
    _answers(
        wide_engine, "Phụ cấp hàng tháng cho công an xã ở Hà Nội là bao nhiêu?", ("nq-80-2025-hdnd-hanoi", "Điều 3.1")
    )
    _answers(
        wide_engine,
        "Lệ phí cấp chứng chỉ hành nghề môi giới bất động sản là bao nhiêu?",
        ("tt-109-2025-btc", "Điều 4.1"),
        "300.000 đồng/Chứng chỉ",
    )


def _answers(engine: object, question: str, first: tuple[str, str], phrase: str = "") -> None:
    """The question is answered with ``first`` (document, section) cited first, quoting ``phrase``."""
    answer = engine.ask(question)  # type: ignore[attr-defined]
    assert answer.citations and (answer.citations[0].doc_id, answer.citations[0].section) == first, question
    assert phrase in answer.answer, answer.answer


def _refuses(engine: object, *questions: str) -> None:
    """Each question is refused, citing nothing."""
    for question in questions:
        answer = engine.ask(question)  # type: ignore[attr-defined]
        assert not answer.found and answer.citations == [], question


def test_the_grade_a_child_moves_up_to_names_its_level_of_schooling(wide_engine) -> None:
    """ "cháu lên lớp 10" says the child moves up to upper secondary school, which the texts write "Trung học phổ
    thông" (lexicon ``thesaurus``: "lên lớp N" for the level of grade N; not "học lớp N", which in a story told
    first drew a resolution's fee table ahead of the clause asked, nor "tuyển sinh lớp 10", an exam's name): the
    stories were refused for want of the level's words."""
    for question in (
        "Con mình học trường phổ thông dân tộc nội trú ở Gia Lai, năm lớp 6 đã được cấp chăn, màn, đệm. Giờ cháu lên"
        " lớp 10 vẫn học nội trú thì theo QĐ 48/2025/QĐ-UBND tỉnh Gia Lai có được cấp lại đồ dùng cá nhân không?",
        "Con tôi học trường phổ thông dân tộc nội trú ở Gia Lai, hồi lớp 6 đã được cấp chăn, đệm, màn. Năm nay cháu lên"
        " lớp 10 thì theo Quyết định 48/2025 của UBND tỉnh có được cấp lại các đồ dùng cá nhân này không?",
    ):
        _answers(wide_engine, question, ("qd-48-2025-ubnd-gialai", "Điều 2.1"), "được cấp 01 lần/01 cấp học")


def test_a_length_of_time_asked_is_answered_by_the_line_stating_one(wide_engine) -> None:
    """ "gửi … trong bao lâu" asks a length of time (lexicon ``time_statements.length_asked``): the item saying
    "trong thời hạn 10 ngày kể từ ngày nhận" answers before its sibling dating the yearly report ("trước ngày 15
    tháng 12"), which ranked before it; "bao lâu 1 lần" asks how often, which the yearly report answers."""
    _answers(
        wide_engine,
        "So nganh o Can Tho xay dung ke hoach cu the theo KH 153 ve phong, chong ma tuy thi phai gui ve thanh pho"
        " trong bao lau?",
        ("kh-153-ubnd-cantho-2025", "IV-2.1.a"),
        "trong thời hạn 10 ngày",
    )
    _answers(
        wide_engine,
        "So nganh o Can Tho bao cao ket qua thuc hien KH 153 ve phong, chong ma tuy ve thanh pho bao lau 1 lan?",
        ("kh-153-ubnd-cantho-2025", "IV-2.1.b"),
        "Định kỳ hằng năm",
    )


def test_whom_a_verb_of_paying_pays_must_be_one_the_documents_found_speak_of(wide_engine) -> None:
    """ "hỗ trợ hằng tháng cho dân quân thường trực … bao nhiêu tiền" of a resolution supporting the commune police:
    after a verb of paying (lexicon ``amount_kinds.money.paid``), "cho …" names whom, as after a money noun; the
    resolution never speaks of "dân quân", so it is refused, while the police it does support are answered."""
    _refuses(
        wide_engine,
        "Theo nghị quyết 80/2025 của HĐND Hà Nội, thành phố hỗ trợ hằng tháng cho dân quân thường trực ở xã bao nhiêu"
        " tiền?",
    )
    _answers(
        wide_engine,
        "Nghị quyết 80/2025 của HĐND Hà Nội hỗ trợ hằng tháng cho cán bộ, chiến sỹ Công an cấp xã bao nhiêu tiền?",
        ("nq-80-2025-hdnd-hanoi", "Điều 3.1"),
        "4.960.000 đồng/người/tháng",
    )


def test_an_article_headed_by_a_units_responsibility_is_that_units_section(wide_engine) -> None:
    """A regulation's "Điều 12. Trách nhiệm của Sở Khoa học và Công nghệ" (lexicon ``units.assign``) gives the unit
    its duties, quoted whole; the unit's duties were answered from another article that named it in passing. The
    closing article's clause charging it ("2. Sở Khoa học và Công nghệ chủ trì, phối hợp … triển khai thực hiện Quy
    chế này", in the implementation chapter) is its task too, after its own article."""
    answer = wide_engine.ask("Sở Khoa học và Công nghệ Đồng Tháp có trách nhiệm gì theo quy chế thư điện tử công vụ?")
    assert [(c.doc_id, c.section) for c in answer.citations] == [
        ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 12"),
        ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 17.2"),
    ]
    assert "Tham mưu Ủy ban nhân dân Tỉnh thực hiện công tác quản lý, vận hành" in answer.answer


def test_a_unit_a_report_is_sent_to_is_not_who_reports(wide_engine) -> None:
    """ "cơ quan, đơn vị phải gửi báo cáo năm … cho Sở Khoa học và Công nghệ": after a verb of sending, in its clause,
    "cho" names where the report goes (lexicon ``units.sending``), so the department's own reporting date is not the
    answer; not when a task is given between ("giao nhiệm vụ cho Sở Tài chính", ``units.assigning``) or the question
    names the unit again: those are asked, and their articles answer."""
    _answers(
        wide_engine,
        "Quy chế thư điện tử công vụ Đồng Tháp: cơ quan, đơn vị phải gửi báo cáo năm về tình hình sử dụng hộp thư cho"
        " Sở Khoa học và Công nghệ trước ngày nào?",
        ("qd-143-2025-ubnd-dongthap", "Quy chế.Điều 15.3"),
        "trước ngày 20/12 hàng năm",
    )
    for question, asked in (
        # a task given between the sending and "cho" ("gửi dự toán thì … giao nhiệm vụ cho Sở Tài chính")
        (
            "Theo quy chế thư điện tử Đồng Tháp, sau khi Sở KHCN gửi dự toán thì UBND tỉnh giao nhiệm vụ cho Sở Tài"
            " chính làm gì?",
            "Quy chế.Điều 14",
        ),
        # the unit sent to, asked again in the question's own words
        (
            "Theo quy chế thư điện tử Đồng Tháp, các cơ quan gửi báo cáo cho Sở Khoa học và Công nghệ; vậy Sở Khoa"
            " học và Công nghệ có trách nhiệm gì?",
            "Quy chế.Điều 12",
        ),
    ):
        answer = wide_engine.ask(question)
        assert ("qd-143-2025-ubnd-dongthap", asked) in [(c.doc_id, c.section) for c in answer.citations], question


def test_a_time_told_during_which_something_happens_asks_no_when(wide_engine) -> None:
    """ "trong thời gian người lao động chưa có thẻ" tells when the case happens (lexicon ``intent_masks.deadline``):
    the question asks whether the employer repays, which the article on late payment says; read as asking when, a
    clause stating a time came first. "trong thời gian nào" still asks when."""
    _answers(
        wide_engine,
        "Doanh nghiệp chậm đóng BHYT, trong thời gian người lao động chưa có thẻ mà phải tự chi trả khám chữa bệnh thì"
        " doanh nghiệp có phải hoàn trả không, theo Luật 51/2024?",
        ("luat-51-2024-qh15", "Điều 1.34"),
        "hoàn trả toàn bộ chi phí",
    )
    from retrieval.answers.question import parse

    asked = parse("Theo Luật 51/2024, người tham gia BHYT được đổi nơi khám ban đầu trong thời gian nào?")
    assert "deadline" in asked.asks


def test_the_words_asking_when_are_not_matched_in_the_lines_stating_it(wide_engine) -> None:
    """ "… đổi nơi đăng ký khám chữa bệnh ban đầu thì đổi vào thời gian nào": the line saying "trong 15 ngày đầu của mỗi
    quý" answers, not one of the benefits article that happens to write "có thời gian tham gia bảo hiểm y tế 5 năm":
    the words that ask when ("thời gian nào") are no words a stating line must hold (a label, "thời gian thực hiện",
    still is)."""
    _answers(
        wide_engine,
        "luat 51 sua luat bhyt: nguoi tham gia bao hiem y te muon doi noi dang ky kham chua benh ban dau thi doi vao"
        " thoi gian nao",
        ("luat-51-2024-qh15", "Điều 1.21"),
        "trong 15 ngày đầu của mỗi quý",
    )


def test_a_target_asked_is_the_plans_own_before_its_scoring_tables(wide_engine) -> None:
    """ "phấn đấu bao nhiêu phần trăm người hưởng …": the plan's target ("Ít nhất …%") answers before the appendix's
    scoring table, whose rows repeat the same words beside the points each share earns; a question naming the table
    ("theo thang điểm …", lexicon ``forms.appendix_asked``) is answered from it."""
    _answers(
        wide_engine,
        "Kế hoạch 157 của Cần Thơ phấn đấu bao nhiêu phần trăm người hưởng trợ cấp xã hội được nhận tiền không dùng"
        " tiền mặt?",
        ("kh-157-ubnd-cantho-2025", "III.1"),
    )
    _answers(
        wide_engine,
        "Theo thang điểm kèm kế hoạch 157 Cần Thơ, xã có 93% người hưởng trợ cấp nhận tiền qua tài khoản thì được cộng"
        " mấy điểm?",
        ("kh-157-ubnd-cantho-2025", "Phụ lục.I"),
    )


def test_documents_named_one_by_one_are_each_answered(wide_engine) -> None:
    """ "Nghị quyết 20 và Nghị quyết 22 … lần lượt có hiệu lực từ ngày nào?" names two stored texts one by one:
    each is answered, in the order named, not only the one whose section ranks first."""
    answer = wide_engine.ask(
        "HĐND tỉnh Vĩnh Long: Nghị quyết 20 về học phí và Nghị quyết 22 về mức chi các kỳ thi có hiệu lực từ ngày nào?"
    )
    assert [(c.doc_id, c.section) for c in answer.citations][:2] == [
        ("nq-20-2025-hdnd-vinhlong", "Điều 3.4"),
        ("nq-22-2025-hdnd-vinhlong", "Điều 4.4"),
    ], answer.answer
    assert "28 tháng 11 năm 2025" in answer.answer and "01 tháng 01 năm 2026" in answer.answer


def test_a_rule_gives_way_to_the_point_it_excepts_when_the_question_asks_the_exception(wide_engine) -> None:
    """ "xe máy … trừ đối tượng quy định tại điểm c khoản này: cấm lưu thông … theo khung giờ" excepts the point on
    motorbikes working through a ride-hailing app: a rider of one ("chạy xe ôm công nghệ", the thesaurus's words for
    "nền tảng phần mềm ứng dụng") asking whether he is banned outright or by the hour is answered by the point
    excepted, not by the rule nor by the point on cars."""
    for question in (
        "t chay xe om cong nghe bang xe may xang, vao vung phat thai thap cua ha noi thi bi cam han hay chi cam theo"
        " khung gio vay?",
        "Tôi chạy grab bằng xe máy xăng ở Hà Nội, theo nghị quyết về vùng phát thải thấp thì tôi bị cấm hẳn hay chỉ bị"
        " cấm theo khung giờ?",
    ):
        _answers(
            wide_engine,
            question,
            ("nq-57-2025-hdnd-hanoi", "Điều 10.3.c"),
            "hỗ trợ kết nối vận tải: cấm lưu thông trong vùng phát thải thấp",
        )


def test_an_article_amending_another_text_gives_way_to_the_one_stating_the_fact(wide_engine) -> None:
    """ "Điều 3. Sửa đổi khoản 9 Điều 1 Quyết định số 373/QĐ-TTg … trực thuộc Bộ Công Thương như sau" amends another
    decision's list: asked which ministry the new university belongs to, the article saying so ("Điều 2. … trực
    thuộc Bộ Công Thương") answers first; asked about the amendment, the amending article still does."""
    for question in (
        "sau khi chuyển đổi thành đại học thì Đại học Công nghiệp Hà Nội trực thuộc bộ nào?",
        "QĐ 2536 của Thủ tướng: Đại học Công nghiệp Hà Nội trực thuộc bộ nào?",
    ):
        _answers(wide_engine, question, ("qd-2536-ttg-2025", "Điều 2"), "trực thuộc")
    _answers(
        wide_engine,
        "Quyết định 2536/QĐ-TTg sửa đổi khoản nào của Quyết định 373/QĐ-TTg?",
        ("qd-2536-ttg-2025", "Điều 3"),
        "Đại học Công nghiệp Hà Nội",
    )


def test_a_time_word_opening_a_condition_asks_no_day_and_a_letter_is_named_by_its_shorthand(wide_engine) -> None:
    """ "hôm nào không khí ô nhiễm … thì … có được … không" says whenever (lexicon ``chat.whenever``): read as
    asking a day, the question was refused for want of a date in the letter; "cv của sở" is "Công văn của sở"
    (``kind_shorthand_after``: after "theo"), and a moment told in the clause before "theo công văn … thì" is the asker's
    situation (``text_named``), not a live fact asked. "khi nào thì phải nộp" still asks when."""
    from retrieval.answers.question import parse

    for question in (
        "cv 5095 so gd ha noi: hom nao o nhiem khong khi muc xau thi hoc sinh co duoc ra san hoat dong ngoai troi ko?",
        "Mình là hiệu trưởng một trường THCS ở Hà Nội. Sáng nay AQI vượt 300, theo cv của sở gd thì trường có được chủ"
        " động cho hs nghỉ học ko?",
    ):
        answer = wide_engine.ask(question)  # quoting the letter ("… VN_AQI ≥ 301 …"), not refused
        assert "cv-5095-sgddt-hanoi-2025" in [c.doc_id for c in answer.citations], (question, answer.answer)
    assert not parse("hôm nào trời mưa to thì học sinh có được nghỉ học không?").asks_day
    assert "deadline" in parse("khi nào thì phải nộp báo cáo?").asks
    # not inside a clause ("… có hiệu lực từ ngày nào và …"), nor across "và" joining a second question
    assert parse("Nghị quyết 57 có hiệu lực từ ngày nào và xe máy thì có bị cấm không").asks_day
    assert "deadline" in parse("Khi nào phải nộp hồ sơ và nếu nộp muộn thì có bị phạt không?").asks
    # a shorthand before "của" alone is as often another word ("nd": nội dung)
    assert parse("nd của kế hoạch 308 là gì").text.startswith("nd của")


def test_a_level_listed_in_a_heading_names_its_unit_and_a_unit_told_of_is_not_the_lead_asked(wide_engine) -> None:
    """ "2. Các Sở, ban, ngành, UBND xã, phường và các cơ quan … báo cáo … trước ngày 15 hằng tháng" names UBND
    phường (a list of levels kept whole: "UBND xã, phường", not "UBND xã" and "phường"): a ward's clerk asking when
    the ward reports gets that item, not the department's monthly deadline above it, also when the asking sentence
    names the ward by its level alone doing the work ("phường phải báo cáo"). Asked which unit leads a task, the
    ward the asker works at is not the unit asked."""
    from retrieval.unit_names import unit_keys

    assert "uy ban nhan dan phuong" in unit_keys("Các Sở, ban, ngành, UBND xã, phường và các cơ quan, tổ chức")
    # levels in another order than the lexicon's forms, levels joined by "và", stay as they were
    assert {"uy ban nhan dan xa", "uy ban nhan dan phuong"} <= unit_keys("Ủy ban nhân dân phường, xã, đặc khu")
    assert "uy ban nhan dan tinh" in unit_keys("UBND tỉnh và huyện")
    _answers(
        wide_engine,
        "Tôi là chuyên viên văn phòng UBND phường ở Hà Nội, được phân công theo dõi KH 308 về tạo lập dữ liệu phục vụ"
        " chuyển đổi số. Hằng tháng phường phải báo cáo kết quả thực hiện qua cơ quan nào và hạn là ngày nào?",
        ("kh-308-ubnd-hanoi-2025", "III.2"),
        "trước ngày 15 hằng tháng",
    )
    _answers(
        wide_engine,
        "Mình làm ở UBND phường tại Hà Nội, theo kế hoạch 308 thì đơn vị nào chủ trì bảo đảm an toàn thông tin, an"
        " ninh mạng cho các cơ sở dữ liệu?",
        ("kh-308-ubnd-hanoi-2025", "II.3.b"),
        "Công an Thành phố",
    )


def test_a_list_item_is_read_with_the_line_announcing_its_list(wide_engine) -> None:
    """ "g) 40% mức hưởng khi khám bệnh, chữa bệnh nội trú tại cơ sở … cấp chuyên sâu" hangs from "4. Người tham gia
    bảo hiểm y tế tự đi khám bệnh, chữa bệnh không đúng cơ sở đăng ký … như sau:" several items up: read alone, the
    item lost to long clauses holding more of the question, and the answer quoted no 40%. An item now reads with the
    line announcing its list, and is quoted with it."""
    for question in (
        "di kham trai tuyen nam noi tru o benh vien cap chuyen sau thi bhyt chi tra may % vay, theo luat 51/2024",
        "tự đi khám trái tuyến, nằm nội trú ở bệnh viện cấp chuyên sâu thì quỹ BHYT thanh toán bao nhiêu %?",
    ):
        answer = wide_engine.ask(question)
        assert (answer.citations[0].doc_id, answer.citations[0].section) == ("luat-51-2024-qh15", "Điều 1.17")
        assert "40% mức hưởng khi khám bệnh, chữa bệnh nội trú" in answer.answer, answer.answer
        assert "tự đi khám bệnh, chữa bệnh không đúng cơ sở đăng ký" in answer.answer, answer.answer


def test_another_units_day_of_the_month_gives_way_to_the_unit_asked(wide_engine) -> None:
    """The department's "trước ngày 20 hằng tháng" (a day of the month, no date) came first for a ward asking its
    own monthly deadline ("… trước ngày 15 hằng tháng" in the item naming UBND xã, phường): another unit's own day of
    the month gives way to the unit asked as another's date does."""
    _answers(
        wide_engine,
        "Mình là chuyên viên văn phòng UBND phường ở Hà Nội, theo dõi kế hoạch 308 về tạo lập dữ liệu. Phường báo cáo"
        " kết quả thực hiện cho thành phố trước ngày nào hằng tháng?",
        ("kh-308-ubnd-hanoi-2025", "III.2"),
        "trước ngày 15 hằng tháng",
    )


def test_a_rate_asked_of_one_level_is_answered_by_the_clause_headed_for_it_not_another_levels_table(
    wide_engine,
) -> None:
    """The resolution sets its rates in clauses by level ("… cấp tỉnh", "… cấp xã, phường", "… tại các cơ sở giáo
    dục: Mức chi bằng 60% …") and in appendix tables for the province: asked of a school's own contest, the tables
    of the province's exams came first and the answer quoted their rows, or no percentage at all and refused. The
    body's clause headed for the level asked now goes first; "so với cấp tỉnh" names the measure, not the level
    asked. A prize asked of the national level, which neither a clause nor a table sets, is still refused."""
    for question in (
        "Trường tôi tự tổ chức hội thi giáo viên dạy giỏi cấp trường, theo Nghị quyết 22/2025/NQ-HĐND Vĩnh Long thì"
        " mức chi được tính bằng bao nhiêu % so với cấp tỉnh?",
        "nq 22 vinh long: hoi thi cap truong thi muc chi tinh the nao",
    ):
        _answers(wide_engine, question, ("nq-22-2025-hdnd-vinhlong", "Điều 2.6"), "Mức chi bằng 60% mức chi tương ứng")
    # the measure named first, before the level asked
    _answers(
        wide_engine,
        "So với cấp tỉnh thì hội thi giáo viên dạy giỏi cấp trường theo nghị quyết 22 Vĩnh Long được chi bằng bao nhiêu"
        " phần trăm?",
        ("nq-22-2025-hdnd-vinhlong", "Điều 2.6"),
        "Mức chi bằng 60% mức chi tương ứng",
    )
    # "tại các cơ sở giáo dục" in a question is where, no level: a province's exam keeps its table
    _answers(
        wide_engine,
        "tiền công chấm thi tốt nghiệp THPT tại các cơ sở giáo dục theo nghị quyết 22 Vĩnh Long là bao nhiêu?",
        ("nq-22-2025-hdnd-vinhlong", "Phụ lục I.I.8"),
        "người/ngày",
    )
    _refuses(
        wide_engine,
        "Nghị quyết 22/2025/NQ-HĐND Vĩnh Long thưởng học sinh đạt giải nhất học sinh giỏi cấp quốc gia bao nhiêu tiền?",
    )


def test_a_clause_stating_when_provisions_take_effect_does_not_answer_when_a_thing_is_done(wide_engine) -> None:
    """The amending law's effect clause names the same provisions and a date ("… đăng ký khám bệnh, chữa bệnh bảo
    hiểm y tế ban đầu … có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025"), so it came first for when one may change
    where one is registered; the rule says "trong 15 ngày đầu của mỗi quý". A question asking when the provisions
    take effect is still answered by the effect clause."""
    _answers(
        wide_engine,
        "Mình chuyển chỗ làm nên muốn đổi nơi đăng ký khám chữa bệnh BHYT ban đầu sang phòng khám gần nhà, theo Luật"
        " 51/2024/QH15 sửa đổi Luật BHYT thì được đổi vào thời điểm nào?",
        ("luat-51-2024-qh15", "Điều 1.21"),
        "trong 15 ngày đầu của mỗi quý",
    )
    _answers(
        wide_engine,
        "Theo Luật 51/2024/QH15, quy định về đăng ký khám chữa bệnh bảo hiểm y tế ban đầu có hiệu lực từ ngày nào?",
        ("luat-51-2024-qh15", "Điều 3.2"),
        "có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025",
    )
    # asked from when without "hiệu lực": "bắt đầu từ ngày nào" asks the effect clause too
    _answers(wide_engine, "Thông tư 109/2025/TT-BTC bắt đầu từ ngày nào?", ("tt-109-2025-btc", "Điều 6.1"), "hiệu lực")


def test_a_few_days_told_with_mấy_counts_nothing_asked(wide_engine) -> None:
    """ "Mấy hôm nay" is "these past few days", not "how many days": read as a count of "hôm", the question was
    refused because no section states a number of days, though the letter says what schools may do."""
    _answers(
        wide_engine,
        "Mấy hôm nay chỉ số AQI ở Hà Nội có lúc vượt 300, theo công văn 5095 của Sở GDĐT Hà Nội thì trường có được cho"
        " học sinh nghỉ học không?",
        ("cv-5095-sgddt-hanoi-2025", "body"),
        "tạm dừng",
    )


def test_a_sibling_whose_heading_adds_a_case_not_asked_gives_way(wide_engine) -> None:
    """ "Cấp lại Chứng chỉ hành nghề môi giới bất động sản: 200.000 đồng" (with a sentence on when no fee is due)
    came first for the fee of a certificate, beside "Cấp Chứng chỉ …: 300.000 đồng/Chứng chỉ": the sibling whose
    heading the question holds goes first when it holds none of the words the other's heading adds ("lại"). Asked
    of a reissue, the reissue's clause answers."""
    _answers(
        wide_engine,
        "Lệ phí cấp chứng chỉ hành nghề môi giới bất động sản theo thông tư của Bộ Tài chính năm 2025 là bao nhiêu?",
        ("tt-109-2025-btc", "Điều 4.1"),
        "300.000 đồng/Chứng chỉ",
    )
    _answers(
        wide_engine,
        "Lệ phí cấp lại chứng chỉ hành nghề môi giới bất động sản theo Thông tư 109/2025 là bao nhiêu?",
        ("tt-109-2025-btc", "Điều 4.2"),
        "200.000 đồng/Chứng chỉ",
    )


def test_a_text_asked_for_one_thing_a_point_cites_it_for_is_listed_alone(wide_engine) -> None:
    """A point of the directive cites one decree for who answers for the appraisal ("theo quy định tại khoản 2,
    khoản 3 Điều 6 Nghị định số 31/2021/NĐ-CP …") and another for the time limits ("tuân thủ thời hạn tham gia ý
    kiến bằng văn bản theo quy định tại Nghị định số 239/2025/NĐ-CP …"): asked which decree the time limits
    follow, the one cited for them is listed, not both."""
    answer = wide_engine.ask(
        "Theo Chỉ thị 010/CT-UBND của Đắk Lắk, cơ quan được lấy ý kiến thẩm định phải tuân thủ thời hạn góp ý bằng"
        " văn bản theo nghị định nào?"
    )
    assert [(c.doc_id, c.section) for c in answer.citations[:1]] == [("ct-010-ubnd-daklak-2025", "I.2.1.đ")]
    assert [b.id for b in answer.legal_bases] == ["239/2025/NĐ-CP"]
    # asked for the other thing the point says, its own decree is listed (the document's title words, "trách
    # nhiệm", "thẩm định", are what tells the two clauses apart)
    other = wide_engine.ask(
        "Chỉ thị 010/CT-UBND Đắk Lắk yêu cầu chịu trách nhiệm về nội dung thẩm định theo nghị định nào?"
    )
    assert "31/2021/NĐ-CP" in [b.id for b in other.legal_bases]


def test_grounds_asked_about_one_subject_are_those_cited_for_it(wide_engine) -> None:
    """Of a decision's two decrees in its grounds, each on its own subject, the one on the subject asked is listed
    (said to be one of two); asked for every decree, both are."""
    answer = wide_engine.ask(
        "QĐ 53/2025 của UBND Cao Bằng căn cứ nghị định nào quy định phân định thẩm quyền của chính quyền địa phương"
        " 2 cấp?"
    )
    assert answer.answer.startswith("Trong 2 văn bản Quyết định 53/2025/QĐ-UBND")
    assert [b.id for b in answer.legal_bases] == ["142/2025/NĐ-CP"]
    every = wide_engine.ask("Quyết định 53/2025/QĐ-UBND của Cao Bằng căn cứ những nghị định nào?")
    assert [b.id for b in every.legal_bases] == ["142/2025/NĐ-CP", "150/2025/NĐ-CP"]


def test_a_ground_ends_at_its_semicolon(wide_engine) -> None:
    """Two grounds on one line ("… năm 2025; Căn cứ Kế hoạch số 77/KH-UBND …"): each is pasted alone, the first
    ending at its semicolon, not running into the second's words."""
    answer = wide_engine.ask("Kế hoạch 159/KH-UBND của Cần Thơ căn cứ những văn bản nào?")
    line = next(ln for ln in answer.answer.splitlines() if "206/NQ-HĐND" in ln)
    assert line.endswith("giảm nghèo bền vững năm 2025 [1]"), line
    assert "77/KH-UBND" in answer.answer and [b.id for b in answer.legal_bases].count("77/KH-UBND") == 1


def test_two_tasks_at_once_are_answered_by_the_rule_for_both(wide_engine) -> None:
    """ "Cùng một ngày vừa làm giám khảo vừa làm ủy viên ban ra đề …, có được nhận cả hai không?": the tables price
    each task and hold more of the question's words; the clause ruling on several tasks in one day answers it
    (lexicon cumulation)."""
    _answers(
        wide_engine,
        "Ở Vĩnh Long, trong kỳ thi chọn học sinh giỏi, nếu một giáo viên cùng một ngày vừa làm giám khảo chấm thi vừa"
        " làm ủy viên ban ra đề thì có được nhận thù lao của cả hai việc không?",
        ("nq-22-2025-hdnd-vinhlong", "Điều 2.8"),
        "chỉ được hưởng một mức thù lao cao nhất",
    )
    one = wide_engine.ask(
        "Theo nghị quyết 22/2025 của Vĩnh Long, giám thị coi thi tuyển sinh lớp 10 được chi bao nhiêu một ngày?"
    )
    assert one.citations and one.citations[0].section != "Điều 2.8"  # one task asked: its rate, not the rule
    busy = wide_engine.ask(
        "Theo nghị quyết 22/2025 Vĩnh Long, trưởng ban ra đề thi học sinh giỏi có nhiều nhiệm vụ, mức chi cho trưởng"
        " ban là bao nhiêu một ngày?"
    )
    assert busy.citations and busy.citations[0].section != "Điều 2.8"  # "nhiều nhiệm vụ" asks no two at once
    # asked how many rates: the rule first, scoring as the first section found did, so the tables it weighs against
    # are read beside it as before the move (the rule alone states no sum and was refused)
    rates = wide_engine.ask(
        "Theo nghị quyết 22 của Vĩnh Long về mức chi các kỳ thi, một giáo viên cùng một ngày làm hai nhiệm vụ khác"
        " nhau thì được hưởng mấy mức thù lao?"
    )
    assert rates.found and rates.citations[0].section == "Điều 2.8", rates.answer
    assert "chỉ được hưởng một mức thù lao cao nhất" in rates.answer


def test_an_asker_outside_the_cases_provided_for_is_answered_by_the_clause_for_everyone_else(wide_engine) -> None:
    """ "… không phải dữ liệu của hộ mình …": clause 2 of the article (one's own data, no fee) holds more of the
    question's words, clause 3 ("Tổ chức, cá nhân không thuộc quy định tại khoản 1 và khoản 2 Điều này …") answers
    it (lexicon residual); asked of one's own data, clause 2 still answers, and so do the first sections of
    questions negating no case of theirs (a review's cases)."""
    _answers(
        wide_engine,
        "Hộ kinh doanh của tôi muốn dùng dữ liệu trong Cơ sở dữ liệu tổng hợp quốc gia, không phải dữ liệu của hộ"
        " mình, vậy theo Luật Dữ liệu có phải trả phí không?",
        ("luat-60-2024-qh15", "Điều 38.3"),
        "phải nộp phí theo quy định của pháp luật về phí và lệ phí",
    )
    stays = {  # no case negated: a clause's "…, không phải …" asks on; a value negated; points of another clause
        "Theo Luật Dữ liệu, cá nhân khai thác dữ liệu của mình trong Cơ sở dữ liệu tổng hợp quốc gia có phải nộp phí"
        " không?": "Điều 38.2",
        "Theo Luật Dữ liệu, cơ quan nhà nước khai thác thông tin trong Cơ sở dữ liệu tổng hợp quốc gia có phải nộp phí"
        " không, phải làm thủ tục gì?": "Điều 38.1",
        "Theo Luật Cán bộ, công chức 2025, hành vi vi phạm đến mức phải kỷ luật khiển trách thì thời hiệu xử lý kỷ"
        " luật là bao lâu, không phải 10 năm à?": "Điều 37.1.a",
        "Theo Luật 51/2024/QH15, trong thời gian chuyển tiếp mức tham chiếu áp dụng theo mức nào, không phải lương tối"
        " thiểu vùng à?": "Điều 3.5.b",
    }
    for question, section in stays.items():
        answer = wide_engine.ask(question)
        assert answer.citations and answer.citations[0].section == section, (question, answer.answer)


def test_initials_a_chat_types_for_a_phrase_the_plan_writes_in_full_are_held(wide_engine) -> None:
    """ "tgxh" for "trợ giúp xã hội", which the plan writes in full again and again and never shortens: the speller
    turned it into another word and the refusal counted it as one no section holds. Initials (no Vietnamese
    syllable is spelt so) are left as typed and held where the document writes their phrase repeatedly."""
    _answers(
        wide_engine,
        "kh 157 can tho thi dua chi tra tgxh ko dung tien mat: dot cao diem keo dai may ngay",
        ("kh-157-ubnd-cantho-2025", "II.2.a"),
        "Cao điểm tập trung trong 10 ngày làm việc",
    )


def test_a_coefficient_asked_is_answered_by_the_line_stating_one(wide_engine) -> None:
    """ "… lớp 55 học viên tính hệ số mấy?": a coefficient is a kind of figure asked (lexicon amount_kinds
    coefficient: "hệ số bao nhiêu", "hệ số mấy"), answered by the line stating "hệ số 1,1", not by an article on the
    same class that states none."""
    _answers(
        wide_engine,
        "Theo Quyết định 1147 của Ban Tuyên giáo và Dân vận Trung ương, lớp 55 học viên tính hệ số mấy?",
        ("qd-1147-btgdvtw-2025", "Phụ lục I.1"),
        "50 - 60 học viên hệ số 1,1",
    )


def test_a_law_named_by_its_kind_and_title_holds_the_pair_they_form(wide_engine) -> None:
    """ "Luật Dữ liệu": the header keeps the kind ("Luật") and the title ("DỮ LIỆU") apart, so the pair the question
    forms across them ("luật dữ") was counted as a word no section holds and the question, answered in Điều 42.3,
    was refused. The ways a question names a document (its kind with its title, with its number) are held."""
    answer = wide_engine.ask("Luật Dữ liệu quy định những loại dữ liệu nào không được phép giao dịch trên sàn dữ liệu?")
    assert answer.found and answer.citations[0].section.startswith("Điều 42.3"), answer.answer
    assert "bị cấm giao dịch" in answer.answer


def test_each_plan_named_one_by_one_answers_without_the_others_names_against_it(wide_engine) -> None:
    """ "KH 153 và KH 159 … giao Sở Văn hóa, Thể thao và Du lịch những việc gì?": each plan is asked alone for its
    part; the other plan's name ("Kế hoạch 153" asked of 159) was counted as words the plan does not hold, so plan
    159's part was refused and only 153's answered. Every plan the question names is held as named."""
    answer = wide_engine.ask("KH 153 và KH 159 của Cần Thơ giao Sở Văn hóa, Thể thao và Du lịch những việc gì?")
    cited = [(c.doc_id, c.section) for c in answer.citations]
    assert cited[0][0] == "kh-153-ubnd-cantho-2025" and ("kh-159-ubnd-cantho-2025", "V.3") in cited, cited
    # the other plan is held by how it is named, not by its title: plan 159 says nothing of drugs
    drugs = wide_engine.ask("KH 153 và KH 159 của Cần Thơ giao Công an thành phố những việc gì về phòng, chống ma túy?")
    assert drugs.found and {c.doc_id for c in drugs.citations} == {"kh-153-ubnd-cantho-2025"}, drugs.citations


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # "công ty": the law says "tổ chức", "doanh nghiệp" (lexicon thesaurus)
        (
            "Công ty tôi đang lưu dữ liệu của khách hàng. Theo Luật Dữ liệu năm 2024, khi nào công ty phải cung cấp"
            " dữ liệu cho cơ quan nhà nước mà không cần khách hàng đồng ý?",
            ("luat-60-2024-qh15", "Điều 18.2"),
        ),
        # "khung giờ": the regulation gives the hours ("trước 09 giờ 00 phút buổi sáng …")
        (
            "Tôi trồng keo ở Quảng Ninh, muốn đốt thực bì để trồng lại rừng thì được phép đốt vào khung giờ nào?",
            ("qd-96-2025-ubnd-quangninh", "Quy định.Điều 10.5.b"),
        ),
    ],
)
def test_a_persons_everyday_words_are_read_as_the_texts_words(
    wide_engine, question: str, first: tuple[str, str]
) -> None:
    """Asked in a person's own words, the question was refused: the words the text uses instead counted as
    missing. Each is answered from the section that rules on it."""
    answer = wide_engine.ask(question)
    assert answer.found and answer.citations, answer.answer
    doc_id, section = answer.citations[0].doc_id, answer.citations[0].section
    assert doc_id == first[0] and (section == first[1] or section.startswith(first[1] + ".")), (doc_id, section)


def test_a_fee_asked_as_muc_phi_is_no_charge_the_law_must_name(wide_engine) -> None:
    """ "mức phí bảo hiểm y tế hằng tháng": "mức phí" asks a sum of money, but is no charge the law found must name
    in those words (it writes "Mức đóng"), so the contribution is answered, not refused."""
    answer = wide_engine.ask("Theo Luật 51/2024, mức phí bảo hiểm y tế hằng tháng của người lao động là bao nhiêu?")
    assert answer.found and answer.citations[0].doc_id == "luat-51-2024-qh15"


def test_where_a_report_goes_asked_as_which_body_it_goes_through(wide_engine) -> None:
    """ "báo cáo kết quả qua cơ quan nào": where the report goes, as "gửi về đâu" asks it, so the tasks whose line
    says "Báo cáo Ủy ban nhân dân tỉnh … (qua Sở Nội vụ)" answer first, not the plan's requirements."""
    for question in (
        "Trường mình ở Đắk Lắk, theo kế hoạch phát động đợt thi đua chào mừng Đại hội XIV của tỉnh thì trường phải"
        " làm gì và báo cáo kết quả qua cơ quan nào?",
        "ke hoach thi dua chao mung dai hoi XIV cua dak lak, cac dia phuong lam gi, bao cao ket qua qua don vi nao",
    ):
        answer = wide_engine.ask(question)
        assert answer.found, answer.answer
        assert (answer.citations[0].doc_id, answer.citations[0].section) == ("kh-0124-ubnd-daklak-2025", "IV.1")
        assert "(qua Sở Nội vụ) khi tổng kết Đợt thi đua" in answer.answer
