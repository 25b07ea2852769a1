"""Normalisation: one Unicode form, one tone placement, Đ, markdown, and re-joined wrapped lines."""

from __future__ import annotations

import unicodedata

from core.text import fold, place_tones
from ingest.normalize import normalize_text


def test_nfc_and_tone_placement_are_unified() -> None:
    nfd = unicodedata.normalize("NFD", "Khánh Hoà, thuỷ lợi, Uỷ ban, quý, hoàn thành")
    assert normalize_text(nfd) == "Khánh Hòa, thủy lợi, Ủy ban, quý, hoàn thành"
    assert place_tones("khoẻ, tuỳ, toà, HOÀ") == "khỏe, tùy, tòa, HÒA"


def test_eth_markdown_and_spaces() -> None:
    raw = "**KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG**\n\nÐiều   hành\u00a0tốt"
    assert normalize_text(raw) == "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nĐiều hành tốt"


def test_glued_numbers_get_their_space() -> None:
    assert (
        normalize_text("Căn cứ Thông tư số124/2021/TT-BCA,ngày 28/12/2021")
        == "Căn cứ Thông tư số 124/2021/TT-BCA, ngày 28/12/2021"
    )


def test_wrapped_lines_join_but_headings_and_bullets_do_not() -> None:
    raw = (
        "II. NỘI DUNG\n"
        "1. Công tác tuyên truyền\n"
        "- Tăng cường công tác tuyên truyền, phổ biến chủ trương, chính sách, pháp luật của Đảng\n"
        "\n"
        "và Nhà nước.\n"
        "- Lồng ghép nội dung tuyên truyền.\n"
        "2. Yêu cầu\n"
        "Tiếp tục xây dựng lực lượng."
    )
    assert normalize_text(raw).split("\n") == [
        "II. NỘI DUNG",
        "1. Công tác tuyên truyền",
        "- Tăng cường công tác tuyên truyền, phổ biến chủ trương, chính sách, pháp luật của Đảng và Nhà nước.",
        "- Lồng ghép nội dung tuyên truyền.",
        "2. Yêu cầu",
        "Tiếp tục xây dựng lực lượng.",
    ]


def _indented_bullets(second_line: str) -> str:
    """A PDF's text wrapped at 80 whose bullets' first lines are indented (about 50 characters), as printed."""
    filler = [
        (
            "- Hoàn thành vượt mức các chỉ tiêu phát triển kinh",
            "tế - xã hội năm 2025, bảo đảm tăng trưởng cao hơn năm trước, ổn định vững chắc.",
        ),
        (
            "- Đẩy mạnh cải cách hành chính, nâng cao hiệu quả",
            "quản trị, thi đua xây dựng chính quyền điện tử, chính quyền số phục vụ Nhân dân.",
        ),
        (
            "- Xây dựng Đảng, chính quyền và hệ thống chính trị",
            "trong sạch, vững mạnh, tăng cường kỷ luật, kỷ cương hành chính ở mọi cấp, mọi ngành.",
        ),
        (
            "- Tổ chức sâu rộng các phong trào thi đua yêu nước,",
            "các cuộc vận động đến đông đảo cán bộ, đảng viên và các tầng lớp Nhân dân trong tỉnh.",
        ),
        (
            "- Phát huy mạnh mẽ vai trò của Ủy ban Mặt trận Tổ",
            "quốc tỉnh và các tổ chức chính trị - xã hội trong vận động đoàn viên, hội viên.",
        ),
    ]
    lines = [line for pair in filler for line in pair]
    return "\n".join([*lines, "- Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban", second_line, "- Giấy khen"])


def test_an_indented_bullets_first_line_joins_a_capitalised_continuation() -> None:
    """A bullet's first line is shorter by the first-line indent, so the wrap cut it at its own width: a line
    starting with a capital ("Ban" / "Tuyên giáo …", a name) continues it when its first word would not have fitted
    there (the task was quoted cut in half). A short bullet (a sub-heading) keeps a capitalised line apart."""
    text = _indented_bullets("Tuyên giáo và Dân vận Tỉnh ủy tiếp tục chỉ đạo các cơ quan truyền thông trên địa bàn.")
    assert (
        "- Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy tiếp tục chỉ đạo các cơ quan "
        "truyền thông trên địa bàn."
    ) in normalize_text(text).split("\n")
    heading = normalize_text(
        text.replace("- Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban", "- Công nghiệp Chế biến")
    )
    assert "- Công nghiệp Chế biến" in heading.split("\n")
    appendix = normalize_text(text.replace("Tuyên giáo và Dân vận Tỉnh ủy tiếp tục chỉ đạo", "PHỤ LỤC\nDanh mục"))
    assert "- Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban" in appendix.split("\n")  # capitals: a heading


def test_normalising_twice_changes_nothing() -> None:
    from tests.conftest import CORPUS

    for path in CORPUS.glob("*.txt"):
        once = normalize_text(path.read_text(encoding="utf-8"))
        assert normalize_text(once) == once, path.name


def test_fold() -> None:
    assert fold("Phòng Công tác sinh viên, Đảng ủy") == "Phong Cong tac sinh vien, Dang uy"


def test_a_table_given_one_cell_a_line_gets_one_line_a_row() -> None:
    """Cells one per line, rows numbered: the header's cells one line, each row's cells one line (its name beside
    its figure), a group row left as written, and the text after the table read as text."""
    cells = [
        "1. Danh mục đồ dùng được cấp",
        "Số TT", "Tên đồ dùng", "Đơn vị", "tính", "Số lượng",
        "1", "Chăn cá nhân", "Cái", "01",
        "2", "Móc treo", "đồ", "Cái", "20",
        "II", "NHÓM XÃ, PHƯỜNG",
        "1", "Áo mưa", "Cái", "02",
        "2. Danh mục học phẩm",
    ]  # fmt: skip
    assert normalize_text("\n".join(cells)).split("\n") == [
        "1. Danh mục đồ dùng được cấp",
        "Số TT Tên đồ dùng Đơn vị tính Số lượng",
        "1 Chăn cá nhân Cái 01",
        "2 Móc treo đồ Cái 20",
        "II",
        "NHÓM XÃ, PHƯỜNG",
        "1 Áo mưa Cái 02",
        "2. Danh mục học phẩm",
    ]
    # a bare number in prose with no header cell before it is no row
    assert normalize_text("Tổng số\n2\nđơn vị") == "Tổng số 2 đơn vị"


def test_a_tables_rows_survive_a_quantity_like_the_next_number_a_dash_cell_and_a_single_row() -> None:
    lines = ["STT", "Tên", "Số lượng", "1", "Bàn", "2", "2", "Ghế", "-", "3", "Tủ", "01"]
    assert normalize_text("\n".join(lines)).split("\n") == ["STT Tên Số lượng", "1 Bàn 2", "2 Ghế -", "3 Tủ 01"]
    one = ["STT", "Tên", "Số lượng", "1", "Bàn", "02", "Căn cứ khoản 1 Điều 2 của Quyết định này."]
    assert normalize_text("\n".join(one)).split("\n") == [
        "STT Tên Số lượng",
        "1 Bàn 02",
        "Căn cứ khoản 1 Điều 2 của Quyết định này.",
    ]


def test_a_tables_total_row_is_a_row_of_its_own_up_to_its_last_figure() -> None:
    """ "Tổng cộng" has no running number: below a header whose cells wrap (a row no longer than the header) it was
    glued to the last row, its last figure left on a line of its own; it takes its figures only (a note after it
    is text again)."""
    lines = ["STT", "Năm", "Ngân sách", "tỉnh", "Ngân sách", "xã", "1", "2026", "80,6", "12,4", "2", "2027", "82,9"]
    lines += ["12,8", "Tổng cộng", "163,5", "25,2", "Ghi chú: số liệu dự kiến."]
    assert normalize_text("\n".join(lines)).split("\n") == [
        "STT Năm Ngân sách tỉnh Ngân sách xã",
        "1 2026 80,6 12,4",
        "2 2027 82,9 12,8",
        "Tổng cộng 163,5 25,2",
        "Ghi chú: số liệu dự kiến.",
    ]


def test_a_next_point_marker_inside_a_point_splits_it_only_after_a_sentence() -> None:
    """The letter after "d" is "đ", after "e" is "g"; "điểm b) khoản 1" inside a point is a reference, not a point."""
    from ingest.normalize import reflow

    assert reflow(["d) Một việc.", "đ) Hai việc. e) Ba việc."]) == ["d) Một việc.", "đ) Hai việc.", "e) Ba việc."]
    assert reflow(["e) Đào kênh khi cần thiết. g) Các biện pháp khác."]) == [
        "e) Đào kênh khi cần thiết.",
        "g) Các biện pháp khác.",
    ]
    assert reflow(["a) Theo điểm b) khoản 1 Điều 2."]) == ["a) Theo điểm b) khoản 1 Điều 2."]
    assert reflow(["a) Việc một. c) Không phải điểm kế tiếp."]) == ["a) Việc một. c) Không phải điểm kế tiếp."]


def test_a_bracket_opened_on_a_line_and_closed_on_the_next_joins_them() -> None:
    """A heading cut inside its bracket ("5. Các chủ rừng là tổ chức (các" / "Ban quản lý rừng …)") is one line, even
    where lines are whole paragraphs; a bracket the next line does not close joins nothing."""
    from ingest.normalize import reflow

    assert reflow(
        ["5. Các chủ rừng là tổ chức (các", "Ban quản lý rừng phòng hộ, các Công ty nông, lâm nghiệp…)", "- Thực hiện."]
    ) == ["5. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ, các Công ty nông, lâm nghiệp…)", "- Thực hiện."]
    assert reflow(["Độ kiềm (Phân tích trong phòng", "PKN)"]) == ["Độ kiềm (Phân tích trong phòng PKN)"]
    assert reflow(["1. Sở Tài chính (chủ trì", "Sở Nội vụ phối hợp"]) == [
        "1. Sở Tài chính (chủ trì",
        "Sở Nội vụ phối hợp",
    ]


def test_a_list_of_names_cut_inside_a_name_joins_but_a_heading_does_not() -> None:
    """A list of names after a colon, hard-wrapped inside one ("… gồm 07 phường: Bình" / "Thạnh, Gò Vấp, …"), is
    one line: the name is whole and the list quoted as one; a unit's heading followed by its first task ("2. Sở
    Tư pháp" / "Chủ trì, phối hợp …") stays two lines."""
    raw = (
        "1. Khu vực nội thành, gồm 07 phường: Bình\n"
        "Thạnh, Gò Vấp, Phú Nhuận, Tân Bình, Tân Phú, Bình Tân, Thủ Đức.\n"
        "2. Sở Tư pháp\n"
        "Chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch."
    )
    assert normalize_text(raw).split("\n") == [
        "1. Khu vực nội thành, gồm 07 phường: Bình Thạnh, Gò Vấp, Phú Nhuận, Tân Bình, Tân Phú, Bình Tân, Thủ Đức.",
        "2. Sở Tư pháp",
        "Chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch.",
    ]


def test_an_article_heading_cut_inside_a_name_the_document_writes_whole_joins_its_next_line() -> None:
    raw = (
        "Điều 1. Chuyển Trường Đại học\n"
        "Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội.\n"
        "Điều 2. Giá trị của tài liệu\n"
        "Phông lưu trữ Đảng Cộng sản Việt Nam\n"
        "Các tài liệu Phông lưu trữ Đảng Cộng sản Việt Nam có giá trị lịch sử.\n"
        "Điều 3. Hiệu lực thi hành\n"
        "Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Các cơ quan đã ban hành Quyết định này và Trường Đại học Công nghiệp Hà Nội chịu trách nhiệm thi hành."
    )
    assert normalize_text(raw).split("\n") == [
        "Điều 1. Chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội.",
        "Điều 2. Giá trị của tài liệu Phông lưu trữ Đảng Cộng sản Việt Nam",
        "Các tài liệu Phông lưu trữ Đảng Cộng sản Việt Nam có giá trị lịch sử.",
        # "ban hành Quyết định này" is written whole, but not "thi hành Quyết": a title ends, the rule begins
        "Điều 3. Hiệu lực thi hành",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Các cơ quan đã ban hành Quyết định này và Trường Đại học Công nghiệp Hà Nội chịu trách nhiệm thi hành.",
    ]


def test_a_name_cut_after_a_slash_joins_when_the_document_writes_it_whole() -> None:
    """ "- Phó Chủ tịch Hội đồng/Phó" / "Trưởng ban" / "498": the row's label is one line ("Phó Trưởng ban" is written
    whole in another row), so a quote of its figure is not "Trưởng ban 498", another row's label."""
    raw = "- Phó Trưởng ban\n498\n- Phó Chủ tịch Hội đồng/Phó\nTrưởng ban\n498\n- Ủy viên\n443"
    assert normalize_text(raw).split("\n") == [
        "- Phó Trưởng ban 498",
        "- Phó Chủ tịch Hội đồng/Phó Trưởng ban 498",
        "- Ủy viên 443",
    ]


def test_a_table_whose_rows_open_with_running_roman_numerals_gets_one_line_a_row() -> None:
    """Cells one a line, each row opening with I, II, III … the same number of lines apart (a wrapped cell
    included): each row is one line, so a quote of row V holds its value ("I <= 1.4"), which was lost beside its
    numeral; a range cell ("2.8 < I <= 4.0") is no numbered heading, and a heading's text after its bare marker
    ("2." / "Bảng tra …") is no header cell. Group numerals apart at no fixed distance stay as they are."""
    raw = (
        "2.\nBảng tra cấp dự báo cháy rừng\nCấp cháy\nChỉ tiêu I\nĐặc trưng về cháy rừng\nI\nI > 4.0\nÍt\n"
        "có khả năng cháy\nII\n2.8 < I <= 4.0\nCó\nkhả năng cháy\nIII\n2.0 < I <= 2.8\nNhiều\nkhả năng cháy\n"
        "IV\n1.4 < I <= 2.0\nNguy\nhiểm\nV\nI <= 1.4\nCực kỳ\nnguy hiểm"
    )
    lines = normalize_text(raw).split("\n")
    assert lines[-6:] == [
        "Cấp cháy Chỉ tiêu I Đặc trưng về cháy rừng",
        "I I > 4.0 Ít có khả năng cháy",
        "II 2.8 < I <= 4.0 Có khả năng cháy",
        "III 2.0 < I <= 2.8 Nhiều khả năng cháy",
        "IV 1.4 < I <= 2.0 Nguy hiểm",
        "V I <= 1.4 Cực kỳ nguy hiểm",
    ]
    groups = "I\nNHÓM XÃ, PHƯỜNG\nTiêu chí một\nII\nNHÓM TỔ CHỨC\nIII\nNHÓM CÁ NHÂN\nTiêu chí hai\nTiêu chí ba"
    assert normalize_text(groups).split("\n")[:2] == ["I", "NHÓM XÃ, PHƯỜNG"]
    parts = "Tổ chức ngày hội\nI\nMỤC ĐÍCH\nNâng cao nhận thức\nII\nNỘI DUNG\nTổ chức hội thi\nIII\nTỔ CHỨC\nCác đơn vị"
    assert normalize_text(parts).split("\n")[1:3] == ["I", "MỤC ĐÍCH"]  # a plan's parts in capitals: no table


def test_a_capitals_heading_cut_before_a_type_word_or_after_a_mixed_case_marker_joins_its_next_line() -> None:
    """Headings a scrape cut at a line break: "V. CHẾ ĐỘ" / "BÁO CÁO" ("BÁO CÁO" alone would be a header's type
    line), "II. CÁC" / "CHƯƠNG TRÌNH …", "Mục 1. GIÁO DỤC THỂ CHẤT" / "CHÍNH KHÓA"; a chapter heading the scrape
    writes again stays apart, and a rule under the masthead keeps the number line after it whole."""
    raw = (
        "QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n---------------\nLuật số:\n72/2025/QH15\n"
        "Chương I QUY ĐỊNH CHUNG\nQUY ĐỊNH CHUNG\n"
        "Mục 1. GIÁO DỤC THỂ CHẤT\nCHÍNH KHÓA\nĐiều 5. Nội dung\n"
        "II. CÁC\nCHƯƠNG TRÌNH ĐÀO TẠO THỰC HIỆN\n1. Tự đánh giá.\n"
        "V. CHẾ ĐỘ\nBÁO CÁO\n1. Báo cáo quý.\n"
        "VI. TỔ CHỨC THỰC HIỆN\nPHỤ LỤC\n"
    )
    assert normalize_text(raw).split("\n") == [
        "QUỐC HỘI",
        "-------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "---------------",
        "Luật số: 72/2025/QH15",
        "Chương I QUY ĐỊNH CHUNG",
        "QUY ĐỊNH CHUNG",
        "Mục 1. GIÁO DỤC THỂ CHẤT CHÍNH KHÓA",
        "Điều 5. Nội dung",
        "II. CÁC CHƯƠNG TRÌNH ĐÀO TẠO THỰC HIỆN",
        "1. Tự đánh giá.",
        "V. CHẾ ĐỘ BÁO CÁO",
        "1. Báo cáo quý.",
        "VI. TỔ CHỨC THỰC HIỆN",
        "PHỤ LỤC",
    ]


def test_a_table_whose_rows_open_with_a_word_and_a_number_gets_one_line_a_row() -> None:
    """Rows named "Đợt 1", "Đợt 2", … a fixed number of lines apart (and a last "Đợt bổ sung") are put back one line
    each, header too, so a row's date and place are quoted together; where a bare number of the text opens each
    row ("8.1" / "Khối 1" / "4.650.000"), the word is no row's first cell and nothing is read as such a table."""
    raw = (
        "1. Lịch đánh giá\nĐợt\nNgày đánh giá\nĐịa điểm\n"
        "Đợt 1\nThứ Bảy, 06/12/2025\nTrường Đại học Sư phạm\n"
        "Đợt 2\nChủ nhật, 07/12/2025\nTrường Đại học Ngoại ngữ\n"
        "Đợt 3\nThứ Bảy, 13/12/2025\nTrường Đại học Hà Nội\n"
        "Đợt bổ sung\nThứ Bảy, 10/01/2026\nTrường Đại học Hà Nội\n"
        "2. Thời gian trong ngày\n"
    )
    assert normalize_text(raw).split("\n") == [
        "1. Lịch đánh giá",
        "Đợt Ngày đánh giá Địa điểm",
        "Đợt 1 Thứ Bảy, 06/12/2025 Trường Đại học Sư phạm",
        "Đợt 2 Chủ nhật, 07/12/2025 Trường Đại học Ngoại ngữ",
        "Đợt 3 Thứ Bảy, 13/12/2025 Trường Đại học Hà Nội",
        "Đợt bổ sung Thứ Bảy, 10/01/2026 Trường Đại học Hà Nội",
        "2. Thời gian trong ngày",
    ]
    numbered = "8.1\nKhối 1\n4.650.000\n8.2\nKhối 2\n4.650.000\n8.3\nKhối 3\n4.650.000\n8.4\nKhối 4\n4.650.000"
    assert not any(line.startswith("Khối 1 4.650.000") for line in normalize_text(numbered).split("\n"))


def test_a_reference_cut_before_its_article_joins_and_a_bare_article_word_after_it_opens_the_next() -> None:
    """ "… quy định tại khoản 2" / "Điều 3 Nghị định này.": a reference the wrap cut before its article's number is one
    sentence; "… điểm a khoản 2" / "Điều 10." / "Điều" / "3. Bãi bỏ …": the reference ends the clause and the bare
    "Điều" opens article 3 (it was read as one line, "Điều 10. Điều 3. Bãi bỏ …")."""
    raw = (
        "Điều 2. Mức hỗ trợ\n"
        "1. Mức hỗ trợ tính theo mức lương tối thiểu quy định tại khoản 2\n"
        "Điều 3 Nghị định này.\n"
        "2. Thay thế cụm từ “hộ khẩu” tại khoản 2 Điều 7 và điểm a khoản 2\n"
        "Điều 10.\n"
        "Điều\n"
        "3. Bãi bỏ một số quy định\n"
        "Bãi bỏ khoản 3 Điều 6.\n"
    )
    assert normalize_text(raw).split("\n") == [
        "Điều 2. Mức hỗ trợ",
        "1. Mức hỗ trợ tính theo mức lương tối thiểu quy định tại khoản 2 Điều 3 Nghị định này.",
        "2. Thay thế cụm từ “hộ khẩu” tại khoản 2 Điều 7 và điểm a khoản 2 Điều 10.",
        "Điều 3. Bãi bỏ một số quy định",
        "Bãi bỏ khoản 3 Điều 6.",
    ]


def test_a_reference_join_takes_no_article_heading_and_a_heading_cut_mid_word_still_joins() -> None:
    """ "… quy định tại khoản 2" / "Điều 4. Mức hỗ trợ": a real article after an unfinished line stays an article; a
    capitals heading cut inside its words joins ("… PHƯƠNG HƯỚNG NHIỆM" / "VỤ NĂM HỌC"), the repeat check comparing
    the heading's own text, not any part of it; a keyed table takes no wrapped sentence end as its header nor an
    article ("Điều 4. Hiệu lực") as its last row."""
    raw = "Điều 3. Đối tượng\n1. Đối tượng quy định tại khoản 2\nĐiều 4. Mức hỗ trợ\nMức hỗ trợ là 100%."
    assert normalize_text(raw).split("\n") == [
        "Điều 3. Đối tượng",
        "1. Đối tượng quy định tại khoản 2",
        "Điều 4. Mức hỗ trợ",
        "Mức hỗ trợ là 100%.",
    ]
    raw = "I. ĐÁNH GIÁ NHIỆM VỤ NĂM HỌC VÀ PHƯƠNG HƯỚNG NHIỆM\nVỤ NĂM HỌC\n1. Kết quả"
    assert normalize_text(raw).split("\n")[0] == "I. ĐÁNH GIÁ NHIỆM VỤ NĂM HỌC VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM HỌC"
    raw = (
        "2. Các đơn vị bố trí phòng làm việc cho đoàn\nkiểm tra của Phòng trong thời gian làm việc\n"
        "Đợt 1\nTrường A\nĐợt 2\nTrường B\nĐợt 3\nTrường C\nĐiều 4. Hiệu lực\nThông tư này có hiệu lực\nkể từ ngày ký.\n"
    )
    lines = normalize_text(raw).split("\n")
    assert "Đợt 1 Trường A" in lines and not any(line.startswith("kiểm tra của Phòng") for line in lines)
    assert "Điều 4. Hiệu lực" in lines


def test_a_group_rows_count_and_a_lettered_group_row_keep_the_tables_rows() -> None:
    """Slips a review found in the rows numbered on after a group row: a count the group row gives ("I" / "Thiết bị
    phòng tin học" / "12" / "Bộ") is no row the numbering starts at, and a lettered group row in capitals inside a
    table ("B. KHỐI ỦY BAN NHÂN DÂN CẤP XÃ", rows going on at 3) does not end it."""
    counted = ["STT", "Tên thiết bị", "Số lượng", "Đơn giá", "I", "Thiết bị phòng tin học", "12", "Bộ", "1"]
    counted += ["Máy tính để bàn", "10", "15.000.000", "2", "Máy chiếu", "2", "12.000.000", "II", "Thiết bị thí nghiệm"]
    counted += ["3", "Kính hiển vi", "5", "4.000.000"]
    lines = normalize_text("\n".join(counted)).split("\n")
    assert lines[0] == "STT Tên thiết bị Số lượng Đơn giá"
    assert "1 Máy tính để bàn 10 15.000.000" in lines and "2 Máy chiếu 2 12.000.000" in lines
    assert lines[-1] == "3 Kính hiển vi 5 4.000.000"
    grouped = ["STT", "Đơn vị", "Số lớp", "Kinh phí", "A. KHỐI CƠ QUAN CẤP TỈNH", "1", "Sở Y tế", "2", "80"]
    grouped += ["B. KHỐI ỦY BAN NHÂN DÂN CẤP XÃ", "2", "Ủy ban nhân dân xã An Hòa", "1", "40", "3"]
    grouped += ["Ủy ban nhân dân xã Phú Lộc", "1", "40"]
    rows = normalize_text("\n".join(grouped)).split("\n")
    assert "Ủy ban nhân dân xã An Hòa 1 40" in " ".join(rows) and rows[-1] == "3 Ủy ban nhân dân xã Phú Lộc 1 40"


def test_a_wrapped_line_opening_with_the_dash_of_two_joined_words_is_no_bullet() -> None:
    """A PDF wraps before the dash of "kinh tế - xã hội", of a span of years and of a name joined by a dash ("Ban
    Văn hóa - Xã hội"): the line goes on the one before; a bullet after a clause or an item that ends, under a
    heading or a short item, or one of a list of years, stays a bullet."""
    from ingest.normalize import reflow

    # the document wraps at about 85 characters (its other lines say so)
    filler = [f"{n}. Việc thứ {n} của các cơ quan, đơn vị trên địa bàn phường, thực hiện theo" for n in range(5, 10)]
    wrapped = [line for n in filler for line in (n, "kế hoạch chung.")]
    first = "1. Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể, tổ chức chính trị"
    assert reflow([first, "- xã hội tại địa phương thực hiện.", *wrapped])[0] == (
        f"{first} - xã hội tại địa phương thực hiện."
    )
    assert reflow(["4. Trong giai đoạn 2026", "- 2030 phấn đấu có ít nhất 10% cán bộ đạt chuẩn."]) == [
        "4. Trong giai đoạn 2026 - 2030 phấn đấu có ít nhất 10% cán bộ đạt chuẩn."
    ]
    basis = "Căn cứ Báo cáo thẩm tra ngày 04 tháng 12 năm 2025 của Ban Văn hóa"
    assert reflow([basis, "- Xã hội Hội đồng nhân dân tỉnh;", *wrapped])[0] == (
        f"{basis} - Xã hội Hội đồng nhân dân tỉnh;"
    )
    assert reflow(["a) Nhiệm vụ năm 2025", "- 2025 là năm bản lề;", "- Tổ chức hội nghị."]) == [
        "a) Nhiệm vụ năm 2025",
        "- 2025 là năm bản lề;",
        "- Tổ chức hội nghị.",
    ]
    assert reflow(["Các nội dung chính:", "- tuyên truyền;", "2. Giao Phòng Kinh tế", "- Xây dựng kế hoạch."]) == [
        "Các nội dung chính:",
        "- tuyên truyền;",
        "2. Giao Phòng Kinh tế",
        "- Xây dựng kế hoạch.",
    ]
    # a heading, a short item or an item ending with a comma before lower-case bullets; a list of years; a bullet
    # opening with a name's second half under a short heading; a formula's terms: all stay bullets
    kept = [
        ["II. THÀNH PHẦN THAM DỰ", "- đại diện lãnh đạo Ủy ban nhân dân xã,", "- học sinh và Nhân dân."],
        ["2. Nội dung tuyên truyền", "- tuyên truyền chủ trương của Đảng;"],
        ["- tổ chức hội nghị,", "- phát động phong trào,", "- khen thưởng kịp thời."],
        ["Chỉ tiêu năm 2025", "- 2026: đạt 50%;", "- 2027: đạt 70%."],
        ["1. Lĩnh vực kinh tế", "- Xã hội hóa giáo dục được đẩy mạnh."],
        ["Điểm tính theo công thức", "- a = tổng số điểm;"],
    ]
    for lines in kept:
        assert reflow(lines) == lines


def test_a_long_heading_before_a_blank_line_takes_no_capitalised_paragraph_after_it() -> None:
    """A numbered heading without a stop that nearly fills the width ("14. Đề nghị Ủy ban Mặt trận … chính trị - xã
    hội"), a blank line, then its task in capitals: two paragraphs where blank lines mark paragraphs; without the
    blank line the long line is a wrap and joins."""
    from ingest.normalize import reflow

    filler = [f"{n}. Việc thứ {n} của các cơ quan, đơn vị trên địa bàn phường, thực hiện theo" for n in range(1, 6)]
    lines = [line for n in filler for line in (n, "kế hoạch chung.")]
    heading = "14. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội"
    task = "Vận động các tổ chức, cá nhân ủng hộ học bổng cho học sinh."
    apart = reflow([*lines, "", heading, "", task])
    assert apart[-2:] == [heading, task]
    together = reflow([*lines, "", heading, task])
    assert together[-1] == f"{heading} {task}"
    # a sentence of a paragraph no heading opens, cut by a blank line, still joins at the width
    sentence = "Các đơn vị tổng hợp kết quả thực hiện, gửi về Văn phòng để báo cáo Chủ tịch Ủy ban nhân dân"
    assert reflow([*lines, "", sentence, "", "Thành phố xem xét, quyết định."])[-1] == (
        f"{sentence} Thành phố xem xét, quyết định."
    )
