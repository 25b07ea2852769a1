"""A number the asker gives, and the sibling section whose range holds it.

"Trung tâm tự chấm được 82 điểm thì xếp loại gì?": the guidance's bands ("a) Loại tốt: Tổng số điểm đạt được từ 85
đến 100; b) Loại khá: … từ 70 đến 84,5; c) …") share every word of the question, so words alone rank them alike;
the number the asker gives says which one answers. A number typed before a noun ("82 điểm", "17 tuổi") is held by
a section whose own text names that noun and states a range holding it: "từ 70 đến 84,5", "từ 70 đến dưới 85",
"70 - 84,5", "từ 85 trở lên", "dưới 50". Years, dates and document numbers are not such numbers; years of service
are ("công tác được 12 năm": held by "từ đủ 10 năm đến dưới 15 năm").

    given("… được 82 điểm thì xếp loại gì")        # [(82.0, "diem")]
    holds("Loại khá: … từ 70 đến 84,5;", given)    # True
    states_other("Loại tốt: … từ 85 đến 100", given)  # True: a range of the noun that leaves 82 out
"""

from __future__ import annotations

import re

from core.text import fold
from retrieval.lexicon import lexicon

_NUMBER = r"\d+(?:[.,]\d+)*"
#: A number the asker gives and the noun after it; not a day, a year ("năm 2025"), nor part of a number ("80/2025").
_GIVEN = re.compile(rf"(?<![\w/.,-])({_NUMBER})\s*([a-z]+\b|%)(?![/-])")  # "45%" gives a share; "0,5%/tháng" a rate
#: Nouns after a number that measure nothing a band of a section is written in (lexicon counting.not_measured).
_NOT_MEASURED = frozenset(lexicon().counting.get("not_measured", ()))
#: A noun and the word after it that make another noun (lexicon counting.not_measured_pairs: "năm học").
_OTHER_NOUN = frozenset(lexicon().counting.get("not_measured_pairs", ()))
#: Shorthand for a noun ("hs": học sinh), read as the whole noun, as sections write it.
_ABBREVIATIONS = lexicon().abbreviations
#: Shorthand read so only when typed in capitals ("CA": công an; "3 ca mắc" is three cases).
_IN_CAPITALS = frozenset(w.lower() for w in lexicon().abbreviations_in_capitals)
#: Words of a date before a number, its day, month or quarter ("tháng 12 năm 2025" gives no twelve years).
_DATE_WORDS = frozenset(lexicon().counting.get("date_words", ()))
#: "từ 7 đến cận 8": just under 8, as "đến dưới 8". "từ đủ 10 năm đến dưới 15 năm": "đủ" says the bound is held.
#: "trên 35 tiết đến 70 tiết" too (its low bound left out).
_BETWEEN = re.compile(
    rf"\b(?:tu|tren)(?: du)? ({_NUMBER})(?: ?%)?(?: [a-z]+){{0,2}} (?:den|toi) (duoi |can |het )?({_NUMBER})"
)
_DASHED = re.compile(rf"(?<![\w/.,])({_NUMBER})(?: ?%)? ?[-–] ?({_NUMBER})(?![\w/.,])")
#: "từ 50% nhiệm vụ theo kế hoạch công tác năm trở lên": a share says what it is of, up to ``SHARE_OF`` words.
SHARE_OF = 8
_UPWARD = re.compile(
    rf"(?:\b(?:tu|tren)(?: du)? |(?<![\w/.,]))({_NUMBER})(?: ?%(?: [a-z]+){{0,{SHARE_OF}}}|(?: [a-z]+){{0,2}}) tro len\b"
    rf"|\btren ({_NUMBER})\b(?!(?: ?%)?(?: [a-z]+){{0,2}} (?:den|toi) )"
)
_BELOW = re.compile(rf"\b(?:duoi|it hon) ({_NUMBER})\b")
#: "từ 35 tiết trở xuống": up to and with it.
_DOWNWARD = re.compile(rf"\b(?:tu )?({_NUMBER})(?: ?%)?(?: [a-z]+){{0,2}} tro xuong\b")


#: A bound before a number (lexicon counting.band_bounds) or after its noun: the question names a band ("dưới 6
#: mét", "từ 12 đến dưới 15 mét"), not a value of its own.
_BOUNDS = tuple(lexicon().counting.get("band_bounds", ()))
_BOUND_BEFORE = re.compile(rf"\b(?:{'|'.join(map(re.escape, _BOUNDS))})(?: du)? $") if _BOUNDS else None
_BOUND_AFTER = re.compile(r" tro (?:len|xuong)\b")
_EPSILON = 1e-3


def _value(number: str) -> float:
    """ "84,5" -> 84.5; "1.000" -> 1000 (the documents' decimal comma and thousands dot)."""
    whole, _, decimal = number.partition(",")
    return float(whole.replace(".", "") + ("." + decimal.replace(".", "") if decimal else ""))


_SHARE = "%"  # the noun a share is measured by ("45%", "dưới 50%")


def _folded(text: str) -> str:
    # "tiết/năm học": the noun, then what it is counted by (a date's or a number's slash stays); "%" kept, a share's
    # own noun ("45%", "dưới 50%"), "phần trăm" read as it
    text = re.sub(r"\s*(?:%|\bphan tram\b)(?=(/)?)", lambda m: " %" if m.group(1) else " % ", fold(text).lower())
    return " ".join(re.sub(r"(?<=[a-z])/(?=[a-z])", " ", re.sub(r"[^\w,.\-–/% ]", " ", text)).split())


def given(text: str) -> list[tuple[float, str]]:
    """The numbers a question gives with the noun each measures ("82 điểm": (82.0, "diem"); "công tác được 12 năm":
    (12.0, "nam"); "12 hs": (12.0, "hoc sinh"), as the bands write it); not a part of a date ("ngày 15 tháng 12 năm
    2025", "quý 3 năm 2025", "tháng 12 năm trước")."""
    folded = _folded(text)
    out = []
    for m in _GIVEN.finditer(folded):
        number, noun = m.groups()
        if noun in _NOT_MEASURED or (len(number) == 4 and number.startswith(("19", "20"))):
            continue
        before = folded[: m.start()].split()[-1:]
        after = folded[m.end() :].split()[:1]
        if (before and before[0] in _DATE_WORDS) or f"{noun} {''.join(after)}" in _OTHER_NOUN:
            continue  # "tháng 12 năm 2025": a date's month; "lớp 5 năm học 2025-2026": "năm học", no count
        if after and re.fullmatch(r"(?:19|20)\d\d", after[0]):
            continue  # "12 năm 2025": a month of a year, not twelve years
        value = _value(number)
        bound = _BOUND_BEFORE is not None and _BOUND_BEFORE.search(folded[: m.start()])
        if bound or _BOUND_AFTER.match(folded[m.end() :]):
            if noun in _BOUNDS:
                continue  # "từ 6 đến 12 mét": the band's first number, its noun given after the second
            # "thuyền dưới 6 mét": a value inside the band it names; a bound no band reader reads keeps the number
            value = band if (band := _within_band(folded, m.start())) is not None else value
        if noun in _ABBREVIATIONS and noun not in _IN_CAPITALS:  # "12 hs": bands written "từ 10 đến 19 học sinh"
            noun = fold(_ABBREVIATIONS[noun]).lower()
        if (value, noun) not in out:
            out.append((value, noun))
    return out


def _within_band(folded: str, at: int) -> float | None:
    """A value inside the band a question names around the number at ``at`` ("dưới 6 mét": just under 6; "từ 12 mét
    đến dưới 15 mét": 13.5; "từ 15 mét trở lên": 15), held by the section stating the same band and no sibling's."""
    for pattern, read in _READERS:
        for m in pattern.finditer(folded):
            if m.start() <= at < m.end():
                low, high, closed, low_out = read(m)
                if low == float("-inf"):
                    return high if closed else high - _EPSILON
                if high == float("inf"):
                    return low + _EPSILON if low_out else low
                return (low + high) / 2
    return None


def _ranges(text: str, noun: str) -> list[tuple[float, float, bool, bool]]:
    """(low, high, high included) of each range a folded text states of ``noun``: the noun among the four words
    before the range ("điểm đạt được từ 70 đến 84,5"), within a range between two bounds or up to one ("trên 35 tiết
    đến 70 tiết", "từ 35 tiết trở xuống"; not within one from a bound upward: "từ 5,0 điểm trở lên" of a pass mark
    says nothing of a band, unless "từ đủ": "từ đủ 15 năm trở lên") or right after it ("từ 70 đến 84,5 điểm"). A
    bound below inside a range between two ("từ đủ 10 năm đến dưới 15 năm") is that range's, and a span of two
    calendar years ("giai đoạn 2021 - 2025") no band."""
    out = []
    between = [m.span() for m in _BETWEEN.finditer(text)]
    for pattern, read in _READERS:
        for m in pattern.finditer(text):
            if pattern is _BELOW and any(a <= m.start() < b for a, b in between):
                continue
            if len(re.findall(r"\b(?:19|20)\d\d\b", m.group(0))) == 2:
                continue
            size = len(noun.split())  # a noun of two words given in shorthand ("hs": "hoc sinh")
            before = f" {' '.join(text[: m.start()].split()[-(3 + size) :])} "
            after = " ".join(text[m.end() :].split()[:size])
            # "trên 35 tiết đến 70 tiết", "từ 35 tiết trở xuống"; not "từ 5,0 điểm trở lên" (a pass mark)
            # a share ("từ 50% nhiệm vụ … trở lên") is its band's measure wherever the match holds it
            inside = f" {noun} " in f" {m.group(0)} " and (
                pattern in (_BETWEEN, _DOWNWARD)
                or (pattern is _UPWARD and (m.group(0).startswith("tu du ") or noun == _SHARE))
            )
            if f" {noun} " in before or noun == after or inside:
                out.append(read(m))
    return [s for s in out if s[0] < s[1]]


#: (low, high, high included, low left out): "trên 35" leaves 35 out, "từ 35" holds it.
_READERS = (
    (
        _BETWEEN,
        lambda m: (
            _value(m.group(1)),
            _value(m.group(3)),
            m.group(2) not in ("duoi ", "can "),
            m.group(0).startswith("tren"),
        ),
    ),
    (_DASHED, lambda m: (_value(m.group(1)), _value(m.group(2)), True, False)),
    (_UPWARD, lambda m: (_value(m.group(1) or m.group(2)), float("inf"), True, m.group(2) is not None)),
    (_BELOW, lambda m: (float("-inf"), _value(m.group(1)), False, False)),
    (_DOWNWARD, lambda m: (float("-inf"), _value(m.group(1)), True, False)),
)


def _inside(value: float, span: tuple[float, float, bool, bool]) -> bool:
    low, high, closed, low_out = span
    return (low < value if low_out else low <= value) and (value <= high if closed else value < high)


def holds(text: str, numbers: list[tuple[float, str]]) -> bool:
    """Whether a section's text states a range of a noun given that holds its number."""
    folded = _folded(text)
    return any(any(_inside(v, s) for s in _ranges(folded, noun)) for v, noun in numbers)


def states_other(text: str, numbers: list[tuple[float, str]]) -> bool:
    """Whether a section's text states ranges of a noun given, none holding its number (a sibling band)."""
    folded = _folded(text)
    return any((spans := _ranges(folded, noun)) and not any(_inside(v, s) for s in spans) for v, noun in numbers)
