"""TCVN3 (ABC) and VNI files read as the original Unicode, detected by the syllable vote (ingest/legacy_charsets.py)."""

from __future__ import annotations

import pytest

from ingest import legacy_charsets as lc
from ingest.loaders import extract_text
from ingest.pipeline import parse_bytes
from tests.builders import make_docx, make_pdf
from tests.conftest import CORPUS, PLAN_IDS
from tests.file_builders import encode_legacy

PLAN = "kh-08-cdcd-soctrang-2026"


def _plan(doc_id: str = PLAN) -> str:
    return (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")


def _tcvn3_equal(original: str, read: str) -> list[tuple[str, str]]:
    """Words that differ, other than a capital TCVN3 has no byte for at the start of a lowercase word ("Ủy")."""
    inverse = {u for u in lc._tables()["tcvn3"].values()}
    differ = []
    for a, b in zip(original.split(), read.split(), strict=True):
        if a == b:
            continue
        lost_capital = a[0].isupper() and a[0] not in inverse and a[0].lower() in inverse and a[0].lower() + a[1:] == b
        if not lost_capital:
            differ.append((a, b))
    return differ


@pytest.mark.parametrize("doc_id", PLAN_IDS)
def test_vni_files_read_as_the_original_unicode(doc_id: str) -> None:
    original = _plan(doc_id)
    assert extract_text(f"{doc_id}.txt", encode_legacy(original, "vni")) == original


@pytest.mark.parametrize("doc_id", PLAN_IDS)
def test_tcvn3_files_read_as_the_original_unicode(doc_id: str) -> None:
    original = _plan(doc_id)
    read = extract_text(f"{doc_id}.txt", encode_legacy(original, "tcvn3"))
    assert _tcvn3_equal(original, read) == []
    assert len(read) == len(original)


def test_kh08_in_tcvn3_and_vni_is_exact_and_parses_as_the_txt() -> None:
    original = _plan()
    typed = parse_bytes(f"{PLAN}.txt", original.encode("utf-8"))
    for charset in ("tcvn3", "vni"):
        data = encode_legacy(original, charset)
        assert not data.decode("latin-1").isascii() and b"\xe1\xba" not in data  # legacy bytes, not UTF-8
        assert extract_text(f"{PLAN}.txt", data) == original
        doc = parse_bytes(f"{PLAN}.txt", data)
        assert doc.outline() == typed.outline()
        assert doc.fields() == typed.fields()


def test_the_capitals_tcvn3_cannot_write_are_restored_from_their_neighbours() -> None:
    data = encode_legacy("KẾ HOẠCH\nI. MỤC ĐÍCH - YÊU CẦU\nSố: 12/KH-UBND của Sở GDĐT và Ủy ban", "tcvn3")
    assert lc.decode_bytes(data, "tcvn3") == "KẾ HOẠCH\nI. MỤC ĐÍCH - YÊU CẦU\nSố: 12/KH-UBND của Sở GDĐT và ủy ban"


def test_legacy_text_inside_a_docx_or_pdf_is_converted() -> None:
    """A .docx typed in a .VnTime or VNI-Times font holds the bytes as cp1252 characters."""
    original = _plan()
    for charset in ("tcvn3", "vni"):
        as_font_text = encode_legacy(original, charset).decode("cp1252")
        assert lc.best_reading(as_font_text).charset == charset
        docx = parse_bytes(f"{PLAN}.docx", make_docx(as_font_text))
        assert [o["section"] for o in docx.outline()] == [
            o["section"] for o in parse_bytes("a.txt", original.encode()).outline()
        ]
    pdf_text = extract_text("a.pdf", make_pdf(encode_legacy(original, "vni").decode("cp1252")))
    assert "Trường Cao đẳng Cộng đồng Sóc Trăng" in pdf_text


@pytest.mark.parametrize("doc_id", PLAN_IDS)
def test_unicode_text_is_never_converted(doc_id: str) -> None:
    text = _plan(doc_id)
    reading = lc.best_reading(text)
    assert reading.charset == "unicode" and reading.text is text
    assert reading.score > 0.97
    assert lc.to_unicode(text) == text  # line by line too


def test_a_unicode_header_above_a_body_pasted_from_a_vntime_document() -> None:
    """Mixed text, as a .docx from a template with an old body pasted in: each line is read as what it is."""
    original = _plan()
    cut = original.index("\n", 400) + 1  # runs in another font start a paragraph
    head, body = original[:cut], original[cut:]
    mixed = head + encode_legacy(body, "tcvn3").decode("cp1252")
    assert lc.to_unicode(mixed) == original
    mixed = encode_legacy(head, "vni").decode("cp1252") + body
    assert lc.to_unicode(mixed) == original


def test_the_vote_and_its_margins() -> None:
    # the detection, as the README explains it: share of well-formed syllables among non-ASCII words
    assert lc.is_syllable("trường") and lc.is_syllable("nghiêng") and lc.is_syllable("Quốc") and lc.is_syllable("GIÁO")
    assert not lc.is_syllable("hoaïch")  # VNI: ï is no Vietnamese letter
    assert not lc.is_syllable("Keá")  # VNI: "ea" is no Vietnamese vowel cluster
    assert not lc.is_syllable("caùc")  # VNI: a rime ending in a glide takes no final consonant
    assert not lc.is_syllable("ho¹ch")  # TCVN3: a punctuation byte inside a word
    assert not lc.is_syllable("hóà")  # two tone marks
    vni = encode_legacy("Kế hoạch", "vni").decode("cp1252")
    assert lc.best_reading(vni).charset == "unicode"  # two words: too few to decide (POLICY.min_words)
    assert lc.best_reading("Café, naïve, Zoë and Ångström are not Vietnamese.").charset == "unicode"
