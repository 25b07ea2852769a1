"""Answers over real documents of the kinds a deployment holds (../shared/wide/docs, development documents of the
wide gold set): general behaviours, each shown on a document nobody tuned a rule for."""

from __future__ import annotations

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
        (
            "Sở Giáo dục và Đào tạo Hà Nội có nhiệm vụ gì theo quyết định 2536 của Thủ tướng?",
            "Quyết định 2536/QĐ-TTg của Thủ tướng Chính phủ không giao việc gì cho Sở Giáo dục và Đào tạo.",
        ),
        (
            "Sở Tài chính có nhiệm vụ gì theo nghị quyết 80 của Hà Nội?",
            "không giao việc gì cho Sở Tài chính.",
        ),
    ],
)
def test_a_unit_the_named_plan_never_mentions_is_told_so(wide_engine, question: str, said: str) -> None:
    """A unit of other plans asked its duties in a document that never names it nor a group of its kind: the
    document's text, searched, would give other units' tasks; the answer says it gives the unit none. A unit the
    document names is answered, and so is one a group of its kind covers ("các sở, ban, ngành")."""
    answer = wide_engine.ask(question)
    assert not answer.found and answer.citations == []
    assert said in answer.answer
    named = wide_engine.ask("Công an tỉnh Quảng Ninh phải làm gì theo quy định phòng cháy chữa cháy rừng?")
    assert named.found and named.citations[0].section == "Quy định.Điều 18.2"
    assert wide_engine.ask("Sở Tài chính có nhiệm vụ gì trong kế hoạch 0124 Đắk Lắk?").found


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("Học sinh đạt giải nhì kỳ thi học sinh giỏi cấp huyện ở Vĩnh Long được thưởng bao nhiêu tiền?", False),
        ("Học sinh đạt giải nhì kỳ thi học sinh giỏi cấp tỉnh ở Vĩnh Long được thưởng bao nhiêu tiền?", True),
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
