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


def test_normalising_twice_changes_nothing() -> None:
    from tests.conftest import CORPUS

    for path in CORPUS.glob("*.txt"):
        once = normalize_text(path.read_text(encoding="utf-8"))
        assert normalize_text(once) == once, path.name


def test_fold() -> None:
    assert fold("Phòng Công tác sinh viên, Đảng ủy") == "Phong Cong tac sinh vien, Dang uy"
