"""Bands a section states, and the number an asker gives (``retrieval.answers.ranges``)."""

from __future__ import annotations

import pytest

from retrieval.answers.ranges import given, holds, states_other


def test_a_number_before_a_noun_is_given_but_not_a_year_a_date_or_a_document_number() -> None:
    assert given("Trung tâm tự chấm được 82 điểm năm 2025 theo Kế hoạch 80/2025 ngày 12/3 thì xếp loại gì?") == [
        (82.0, "diem")
    ]
    assert given("em 17 tuổi, lương 6,5 triệu") == [(17.0, "tuoi"), (6.5, "trieu")]


def test_a_noun_given_as_shorthand_is_read_as_its_bands_write_it() -> None:
    """ "trường e có 12 hs khuyết tật": "hs" is "học sinh", so the band "từ 10 đến 19 học sinh khuyết tật" holds 12 and
    its sibling "từ 05 đến 09 học sinh" leaves it out (the shorthand measured nothing a band is written in)."""
    numbers = given("truong e co 12 hs khuyet tat hoc hoa nhap thi dc ho tro bao nhieu")
    assert holds("b) Cơ sở giáo dục có từ 10 đến 19 học sinh khuyết tật: 700.000 đồng/người/tháng;", numbers)
    assert states_other("a) Cơ sở giáo dục có từ 05 đến 09 học sinh khuyết tật: 500.000 đồng/người/tháng;", numbers)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("b) Loại khá: Tổng số điểm đạt được từ 70 đến 84,5;", True),
        ("Loại khá: từ 70 điểm đến dưới 82 điểm", False),  # "đến dưới": the bound is left out
        ("Xếp loại: điểm từ 70 đến cận 82: đạt loại Khá", False),  # "đến cận": just under it, likewise
        ("Xếp loại: điểm từ 80 đến cận 90: đạt loại Giỏi", True),
        ("Xếp loại khá: 70 - 84,5 điểm", True),
        ("Loại tốt: tổng số điểm từ 85 điểm trở lên", False),
        ("Chưa đạt: dưới 50 điểm", False),
        ("Có từ 70 đến 90 học viên", False),  # a band of another measure
    ],
)
def test_a_band_holds_the_number_given_of_its_own_measure(text: str, held: bool) -> None:
    assert holds(text, [(82.0, "diem")]) is held


def test_a_sibling_band_that_leaves_the_number_out_is_told_from_one_without_bands() -> None:
    numbers = [(82.0, "diem")]
    assert states_other("a) Loại tốt: Tổng số điểm đạt được từ 85 đến 100;", numbers)
    assert not states_other("d) Chưa đạt: các trường hợp còn lại.", numbers)
    assert not states_other("b) Loại khá: Tổng số điểm đạt được từ 70 đến 84,5;", numbers)


def test_a_band_between_two_bounds_names_its_measure_within_and_a_rate_counts_its_noun() -> None:
    """ "môn học có 52 tiết/năm": 52 of "tiết" (what it is counted by after the slash); "trên 35 tiết đến 70
    tiết/năm học" holds it and 70 but not 35, "trên 70 tiết/năm học" and "từ 35 tiết trở xuống" do not, the latter
    holds 35; a pass mark open upward
    with its noun inside ("từ 5,0 điểm trở lên") is no band of a number given."""
    numbers = given("mon hoc cua e co 52 tiet/nam thi kiem tra bao nhieu phut")
    assert (52.0, "tiet") in numbers
    assert holds("b) Đối với môn học có trên 35 tiết đến 70 tiết/năm học: thời gian làm bài là 60 phút.", numbers)
    assert not holds("c) Đối với môn học có trên 70 tiết/năm học: thời gian làm bài từ 60 phút đến 90 phút.", numbers)
    assert not holds("a) Đối với môn học có từ 35 tiết trở xuống/năm học: là 45 phút.", numbers)
    assert holds("a) Môn học có số tiết từ 35 trở xuống: là 45 phút.", [(30.0, "tiet")])  # up to and with it
    assert holds("a) Đối với môn học có từ 35 tiết trở xuống/năm học: là 45 phút.", [(35.0, "tiet")])
    band = "b) Đối với môn học có trên 35 tiết đến 70 tiết/năm học: thời gian làm bài là 60 phút."
    assert holds(band, [(70.0, "tiet")]) and not holds(band, [(35.0, "tiet")])  # "trên 35" leaves 35 out
    assert not holds("Mức độ đạt từ 5,0 điểm trở lên, không đạt nếu dưới 5,0", [(6.0, "diem")])


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Mời gọi đầu tư phát triển Khu vực điện gió Tân Thành với công suất 100 MW.", True),  # a measure
        ("Diện tích nuôi trồng 25 ha, sản lượng 1.200 tấn", True),
        ("Diện tích rừng 25 km² được giao", True),  # a superscript unit
        ("Hỗ trợ 4.960.000 đồng/người/tháng", True),
        ("đổi mới trên 4 ngành công nghiệp chính", False),  # "ngành" is no "ngàn" (thousand)
        ("ngày 12 tháng 3 năm 2025", False),  # a date
    ],
)
def test_a_figure_states_an_amount_with_its_unit_a_whole_word(text: str, amount: bool) -> None:
    from retrieval.answers.evidence import has_amount

    assert has_amount(text) is amount


def test_a_coefficient_is_stated_by_its_word_a_decimal_or_times_the_base_salary() -> None:
    """What answers "hệ số bao nhiêu" (lexicon amount_kinds.coefficient): "hệ số 0,3", a decree's "Mức 0,7", "1,5 lần
    mức lương cơ sở"; not "công nghệ số 1" (no word "hệ số") nor a percentage."""
    from retrieval.lexicon import lexicon

    states = lexicon().amount_kinds["coefficient"].figure.search
    assert states("d) Nhân viên y tế khu phố thuộc phường: hệ số 0,3 so với mức lương cơ sở")
    assert states("b) Mức 0,7 áp dụng đối với nhà giáo có thời gian công tác từ 10 năm")
    assert states("được hỗ trợ bằng 1,5 lần mức lương cơ sở")
    assert not states("Phát triển công nghệ số 1 của tỉnh")
    assert not states("tỷ lệ đạt 12,5 % kế hoạch")


def test_years_of_service_are_given_and_held_by_a_band_from_full_years() -> None:
    """ "đã công tác … được 12 năm": 12 of "năm", held by "từ đủ 10 năm đến dưới 15 năm" ("đủ": the bound is held),
    not by its sibling "từ đủ 05 năm đến dưới 10 năm"; 6 years is held by that sibling only (the band's "dưới 15
    năm" is no band of its own), 20 years by "từ đủ 15 năm trở lên". Dates written in words give no years ("ngày 15
    tháng 12 năm 2025", "quý 3 năm 2025", "từ tháng 12 năm trước"), nor "lớp 5 năm học 2025-2026"; a span of
    calendar years ("giai đoạn 2021 - 2025") is no band."""
    numbers = given("Tôi đã công tác liên tục ở xã đặc biệt khó khăn được 12 năm, phụ cấp của tôi là bao nhiêu?")
    assert numbers == [(12.0, "nam")]
    first = "a) Mức 0,5 lần mức lương cơ sở đối với người có thời gian từ đủ 05 năm đến dưới 10 năm;"
    second = "b) Mức 0,7 lần mức lương cơ sở đối với người có thời gian từ đủ 10 năm đến dưới 15 năm;"
    third = "c) Mức 1,0 lần mức lương cơ sở đối với người có thời gian từ đủ 15 năm trở lên."
    assert holds(second, numbers) and states_other(first, numbers)
    assert holds(first, [(6.0, "nam")]) and not holds(second, [(6.0, "nam")])
    assert holds(third, [(20.0, "nam")]) and not holds(third, numbers)
    for dated in ("báo cáo trước ngày 15 tháng 12 năm 2025", "quý 3 năm 2025", "tôi về xã từ tháng 12 năm trước"):
        assert given(dated) == [], dated
    assert given("con em học lớp 5 năm học 2025-2026 thì được mấy buổi") == []
    assert not states_other("Kế hoạch 5 năm giai đoạn 2021 - 2025 về chuyển đổi số", [(5.0, "nam")])


def test_shorthand_read_only_as_its_whole_noun_and_not_when_it_must_be_typed_in_capitals() -> None:
    """ "3 tp" is "thành phố", held by no band of "thành viên"; "3 ca mắc" is three cases ("CA" is công an only in
    capitals)."""
    assert not holds("Tổ có từ 3 đến 5 thành viên", given("tinh co 3 tp truc thuoc"))
    assert given("xa co 3 ca mac sot xuat huyet") == [(3.0, "ca")]


def test_a_band_the_asker_names_is_held_by_the_section_stating_it_not_by_its_neighbour() -> None:
    """ "thuyền dưới 6 mét", "tàu từ 12m đến dưới 15m": the asker names a band, not a value; the point stating that
    band holds it and the neighbour starting at its bound does not ("từ 6 mét đến dưới 12 mét" would hold a 6)."""
    below = given("Nhà em có chiếc thuyền dưới 6 mét thì được quản lý thế nào")
    assert holds("a) Đối với tàu cá có chiều dài lớn nhất dưới 6 mét: lập sổ theo dõi", below)
    assert not holds("b) Đối với tàu cá có chiều dài lớn nhất từ 6 mét đến dưới 12 mét: đăng ký", below)
    between = given("tau ca dai tu 12 met den duoi 15 met thi kiem soat the nao")
    assert between == [(13.5, "met")]
    assert holds("c) Đối với tàu cá có chiều dài lớn nhất từ 12 mét đến dưới 15 mét: kiểm soát 100%", between)
    assert not holds("b) Đối với tàu cá có chiều dài lớn nhất từ 6 mét đến dưới 12 mét: đăng ký", between)
    assert given("quá 6 giờ thì báo cáo") == []  # a bound no band reader reads: nothing given


def test_a_bound_word_that_reads_no_band_keeps_the_number_given() -> None:
    """ "con tôi 17 tuổi" ("tôi" folded is "toi", no bound), "công tác từ 10 năm" (no band reader): the number is
    given as it is; "tàu từ 6 đến 12 mét" gives the band's middle, its first number no noun "đến"."""
    assert given("con tôi 17 tuổi thì được xếp loại gì") == [(17.0, "tuoi")]
    assert given("cong tac tu 10 nam thi duoc nang luong may bac") == [(10.0, "nam")]
    assert given("tau tu 6 den 12 met thi quan ly the nao") == [(9.0, "met")]


def test_a_share_given_is_held_by_the_band_of_shares_that_holds_it() -> None:
    """ "45%" gives a share ("%" its noun; "0,5%/tháng" is a rate, none); "dưới 50%" holds it, "từ 50% nhiệm vụ theo
    kế hoạch công tác năm trở lên" (a share says what it is of), "50%-70%" and "từ 30% … trở xuống" leave it out; a
    band of another noun holding a folded "phần" ("bộ phận có từ 10 người trở lên") is none; "ít nhất 80%" is a
    condition, no band (one asking whether 104 credits qualify needs the article setting "tối thiểu 110 tín chỉ")."""
    share = given("chuyen vien hoan thanh 45% nhiem vu ke hoach nam thi xep loai gi")
    assert share == [(45.0, "%")]
    assert given("hoi vien vay von lai suat 0,5%/thang thi sao") == []
    assert holds("- Hoàn thành dưới 50% nhiệm vụ theo kế hoạch công tác năm.", share)
    assert holds("đạt từ 40 phần trăm trở lên", share)
    assert holds("con thương binh bị suy giảm khả năng lao động dưới 81%.", given("suy giảm 61% khả năng lao động"))
    for other in (
        "- Hoàn thành từ 50% nhiệm vụ theo kế hoạch công tác năm trở lên;",
        "Hoàn thành từ 50%-70% nhiệm vụ",
        "từ 30% nhiệm vụ trở xuống",
    ):
        assert states_other(other, share), other
    for none in ("Bộ phận có từ 10 người trở lên", "trong đó có ít nhất 80% nhiệm vụ hoàn thành đúng tiến độ"):
        assert not holds(none, share) and not states_other(none, share), none


def test_a_share_upward_without_tu_is_a_band_that_leaves_a_lower_share_out() -> None:
    """ "con thương binh mất sức lao động 81% trở lên" (no "từ") is a band from 81%: a parent who lost 61% is held by
    its sibling "… dưới 81%", not by it."""
    numbers = given("ba e la thuong binh mat suc lao dong 61%, e dc cong may diem")
    assert numbers == [(61.0, "%")]
    upward = "a) Nhóm 1, cộng 2,0 điểm: con thương binh mất sức lao động 81% trở lên; con liệt sĩ."
    below = "b) Nhóm 2, cộng 1,5 điểm: con thương binh mất sức lao động dưới 81%."
    assert not holds(upward, numbers) and states_other(upward, numbers)
    assert holds(below, numbers)
