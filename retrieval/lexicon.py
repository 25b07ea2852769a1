"""General Vietnamese administrative language the search and answers read questions with, as data.

``retrieval/data/lexicon.json`` holds question words and frames, intent and header-fact cues, chat shorthand,
abbreviations and the thesaurus. A deployment adds its own terms in the folder ``CANCU_LEXICON_DIR`` names: a
``lexicon.json`` there is merged over the package's (lists extended, tables updated), so a school's own
abbreviations or phrases need no code. Nothing here names one document's units, places or programmes.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.text import fold

_DATA = Path(__file__).parent / "data" / "lexicon.json"


@dataclass(frozen=True)
class AmountKind:
    cues: tuple[str, ...]  # folded phrases that ask this kind wherever they stand ("bao nhieu tien")
    nouns_exact: tuple[str, ...]  # accented nouns that ask it beside an amount word ("học phí")
    nouns: tuple[str, ...]  # folded nouns that do the same in any question
    cancelled: tuple[str, ...]  # folded phrases in which a noun is something else ("tien mat")
    not_cued: tuple[str, ...]  # folded phrases holding a cue that ask no such thing ("la ai lam": who does it)
    priced_until: tuple[str, ...]  # folded words ending what a noun prices ("phi du thi sat hach | la bao nhieu")
    charged: tuple[str, ...]  # folded nouns of what the asker pays ("le phi"): the documents found must name it
    paid: tuple[str, ...]  # folded verbs of paying ("ho tro"): "… cho X" names whom, as after a money noun
    figure: re.Pattern[str]  # what a section states to answer it


@dataclass(frozen=True)
class Lexicon:
    question_words_exact: frozenset[str]  # accented forms
    question_words: frozenset[str]  # folded forms of the question words that are never content when folded
    frames: tuple[tuple[str, ...], ...]  # folded word sequences that frame a question
    folded_compounds: frozenset[tuple[str, str]]
    frequency_cues: tuple[str, ...]  # folded cues asking how often ("bao lau 1 lan")
    recurrence: re.Pattern[str]  # a folded line stating a recurrence ("hang nam", "dinh ky")
    period: re.Pattern[str]  # a folded text stating how often, with its period ("hang nam", "dinh ky 06 thang")
    frequency_other_asks: tuple[str, ...]  # folded words asking something else after how often ("khi nào")
    several_asked: re.Pattern[str]  # one folded word that asks something ("bao nhieu", "nao"), to count them
    which_asked: re.Pattern[str]  # the folded words a question asks "which" of, before "nào"
    rule_asked: tuple[str, ...]  # "theo mức nào": the rule that sets a level asked, not a sum
    which_list_words: frozenset[str]  # words before them that ask for a list instead ("những mảng nào")
    deadline_day: tuple[str, ...]  # a day asked after a deadline's word ("cham nhat ngay nao"): no document's date
    negations: frozenset[tuple[str, str]]  # question words that negate the content word after them ("không có")
    intents: dict[str, tuple[str, ...]]
    intent_patterns: dict[str, tuple[re.Pattern[str], ...]]
    #: phrases holding an intent's cue that do not ask it ("làm nhiều nhiệm vụ")
    intent_masks: dict[str, tuple[str, ...]]
    facts: dict[str, tuple[str, ...]]
    weak_facts: dict[str, tuple[str, ...]]  # cues that ask a header fact only of a question naming nothing else
    kind_facts: dict[str, tuple[str, ...]]  # cues that ask a header fact only of a question naming a kind
    role_patterns: tuple[re.Pattern[str], ...]  # "ai là <role>", "<role> tên gì"
    signed_for: frozenset[str]  # "kt", "tm": marks of a title the signer signs for
    catalog_fields: tuple[str, ...]  # words asking for documents by a header field ("ban hành", "năm")
    not_header_facts: tuple[tuple[str, str], ...]
    definition_patterns: tuple[re.Pattern[str], ...]
    courtesy: re.Pattern[str]
    shorthand: dict[str, str]
    kind_shorthand: dict[str, str]
    kind_short_folded: tuple[str, ...]  # its keys folded, longest first ("kh", "qd"): as questions' keys hold them
    kind_shorthand_before: tuple[str, ...]  # besides a number, the words a kind's shorthand is read before ("NQ nào")
    kind_shorthand_after: tuple[str, ...]  # words after which a kind's shorthand is read whatever follows ("theo cv")
    kind_shorthand_after_only: dict[str, str]  # shorthand read as a kind only after those words ("theo qc": Quy chế)
    numbered_shorthand: dict[str, str]  # shorthand read so only before a number ("dh 14": đại hội)
    glued_shorthand: dict[str, str]  # shorthand glued to a number ("hk1": học kỳ 1)
    glued_dated: dict[str, str]  # the same, read so only before a year ("t3/2026": tháng 3; "T7" alone: thứ Bảy)
    glued_range: str  # the word a dash between two of them reads ("t3-t7/2026": tháng 3 đến tháng 7/2026)
    glued_units: dict[str, str]  # a unit glued after a number, as texts write it ("12m": 12 mét, "6h": 6 giờ)
    measures: frozenset[str]  # shorthand kept after a number or a counting word ("bao nhiêu kg": kilograms)
    particles: frozenset[str]  # chat particles typed with marks by anyone ("ạ"): no sign of a question typed so
    address: re.Pattern[str]  # "… vậy mn?", "mn cho hỏi": the group addressed (group 1: the particle kept)
    whenever: re.Pattern[str]  # "ngày nào … thì … có … không": a time word's "nào" meaning whenever (group 1 kept)
    grade_entry: re.Pattern[str]  # "thi vào 10": the entrance to grade 10, "vào" then the grade without "lớp"
    grade_word: str  # the word naming a grade ("lớp"), written before the grade an entrance names
    abbreviations: dict[str, str]
    abbreviations_in_capitals: frozenset[str]  # words a question reads as abbreviations only in capitals ("CA")
    span_asked: tuple[str, ...]  # folded words asking a span of time ("tu ngay nao"): dates answer, not a monthly day
    story_openers: tuple[str, ...]  # how a question opens telling the asker's situation ("con tôi", "em")
    story_not_before: dict[str, tuple[str, ...]]  # opener -> words after which it is none ("toi nay": "tối nay")
    thesaurus: tuple[str, ...]
    counted_nouns: frozenset[str]
    folded_ambiguous: frozenset[str]
    accented_cues: dict[str, str]  # folded cue -> its spelling, for cues other words fold to ("cau truc")
    amount_kinds: dict[str, AmountKind]  # money, percent: how a question asks it, the figure that answers
    counting: dict[str, tuple[str, ...]]  # after: words before a counted noun; not_counted: nouns that are not
    asked_kinds: re.Pattern[str]  # "những chỉ thị, thông tư nào": the kind words asked for
    kind_types: dict[str, str]  # folded kind word -> legal type ("chi thi" -> "Chỉ thị")
    kind_holds: dict[str, tuple[str, ...]]  # a legal type asked -> the types of it also asked ("Luật": "Bộ luật")
    kind_every: tuple[str, ...]  # folded words asking for documents of every kind ("văn bản")
    ordinals: dict[str, list[str]]  # words numbering sibling sections ("cấp", "năm"); fillers ("cấp độ 4")
    considerations: tuple[str, ...]  # a preamble line opening so weighs a proposal, not a legal basis ("Xét …")
    grounds_openings: tuple[str, ...]  # a preamble line opening so states a ground ("Căn cứ …"), longest first
    cited_before: tuple[str, ...]  # folded words before a kind and number naming a document cited ("theo")
    grounds_words: tuple[str, ...]  # folded words of asking for grounds ("căn cứ", "triển khai", "văn bản")
    grounds_shared: tuple[str, ...]  # folded phrases asking the grounds several documents share ("cùng căn cứ")
    grounds_topic: tuple[str, ...]  # folded words saying what the texts asked are about ("nghị định nào về …")
    titles_asked: dict[str, tuple[str, ...]]  # how a cited document's whole title is asked: verbs, passive, ends
    units: dict[str, list[Any]]  # how documents name units: heads, line_heads, verbs, assign; levels (lists)
    follow_ups: dict[str, list[str]]  # openers, closers, refer_back, asking (folded), asking_marked; max_open_words
    education_levels: dict[str, tuple[str, ...]]  # a level of education -> the folded words naming it
    qualifications: tuple[str, ...]  # folded: a level's name that asks of no one at it ("tot nghiep thpt")
    siblings: tuple[dict[str, tuple[str, ...]], ...]  # families of exclusive qualifiers: member -> folded phrases
    siblings_compared: tuple[str, ...]  # folded words after which a member is the measure, not the one asked
    siblings_spanning: tuple[str, ...]  # folded words naming several members at once ("trung hoc" alone)
    siblings_headed: dict[str, tuple[str, ...]]  # member -> folded phrases naming it in a heading only
    own_work_year: re.Pattern[str]  # a year the asker's own drafting names ("đang soạn kế hoạch năm 2026"), not asked
    year_set_aside: re.Pattern[str]  # a year the question sets aside ("không phải mục tiêu 2026"), not asked
    present_moment: tuple[str, ...]  # folded words tying a question to the day it is asked ("hom nay")
    text_named: tuple[str, ...]  # folded words naming a kind of legal text asked about ("quy dinh", "qd")
    gist: dict[str, list[str]]  # cues asking what a named document is about; the headings that say it
    issuer_asked: re.Pattern[str]  # "… kế hoạch nào của Sở GDĐT X": the issuer of the documents asked for
    drafted_for: re.Pattern[str]  # "soạn kế hoạch cho trường cao đẳng": the kind of body a drafter writes for
    carrying_out: tuple[str, ...]  # folded: "soạn kế hoạch triển khai …": the plan carries out a text
    set_aside: tuple[str, ...]  # folded: "ngoài kế hoạch 27, …": the text named is set aside
    effective_line: re.Pattern[str]  # a legal text stating when it takes effect ("Luật này có hiệu lực …")
    per_units: dict[str, tuple[str, ...]]  # folded unit a price is asked per ("khoi") -> its written forms
    per_units_ambiguous: frozenset[str]  # folded units that are other words too ("ca" of "cá nhân")
    special_openers: tuple[str, ...]  # folded openings of a point setting a case apart ("rieng")
    cumulation_asked: re.Pattern[str]  # a question of two things at once ("vừa … vừa …", "cả hai khoản")
    cumulation_paid: tuple[str, ...]  # folded words of being paid or granted, one of which such a question holds
    cumulation_rule: re.Pattern[str]  # a text's rule on them ("chỉ được hưởng một mức thù lao cao nhất")
    initials_not_in: frozenset[str]  # folded little words no phrase shortened to initials holds ("của", "và")
    residual_asked: tuple[re.Pattern[str], ...]  # the asker not in a case ("không phải dữ liệu của …"): group 1
    residual_rule: tuple[re.Pattern[str], ...]  # a clause for everyone else ("không thuộc quy định tại khoản 1 …")
    effect_asked: tuple[str, ...]  # folded words asking when a text or a provision takes effect or applies
    replaces_line: re.Pattern[str]  # … and what it replaces or repeals ("Quyết định này thay thế …")
    ended_line: re.Pattern[str]  # … failing that, a text it names said to end ("Nghị quyết số 47/… hết hiệu lực")
    replacement_cues: tuple[str, ...]  # "thay thế Thông tư số …": the document mentioned next is replaced
    repeal: dict[str, tuple[str, ...]]  # headings of clauses repealing other texts; cues asking about repeal
    time_statements: re.Pattern[str]  # a line saying when without a date ("Định kỳ 6 tháng", "Thời gian thực hiện:")
    table_unit: re.Pattern[str]  # a table's column heading giving its figures' unit ("Mức chi (1.000đ)")
    table_unit_not_heading: tuple[str, ...]  # brackets that may be a row's, not a unit ("(đồng)": a bronze medal)
    day_asked: tuple[str, ...]  # folded cues asking a day ("truoc ngay nao"), which such a line does not answer
    length_asked: tuple[str, ...]  # folded cues asking a length of time ("trong bao lau"): a line stating one
    lasting: re.Pattern[str]  # a length without a number ("lưu trữ vĩnh viễn")
    worked_example: re.Pattern[str]  # a line opening a worked example ("Ví dụ: Ông A …"): it states no rule
    when_asking: frozenset[str]  # folded words that make a "when" cue ask ("nao": "thoi gian nao")
    day_not_asked: tuple[str, ...]  # folded phrases holding such a cue that ask no day ("ngay nao cung": every day)
    day_not_asked_beside_length: tuple[str, ...]  # no day asked beside a length ("truoc ngay … bao nhieu ngay")
    days_named: re.Pattern[str]  # a day named without a date, folded ("thu hai hang tuan"): it answers a day asked
    roman_after: re.Pattern[str]  # a number typed in digits where documents write a Roman numeral ("đại hội 14")
    roman_range: tuple[int, int]  # the numbers read so
    roman_alone: int  # from this number on, a numeral the store writes anywhere is read so
    span_cues: tuple[str, ...]  # folded words of a question asking the span of a document's activity ("keo dai")
    span_heading: re.Pattern[str]  # the folded heading of a document's section stating that span
    start_date: re.Pattern[str]  # a folded line dating when something starts ("kể từ ngày 01 tháng 01 năm 2028")
    applies_cues: tuple[str, ...]  # folded cues asking whom a legal text applies to ("co ap dung")
    place_asked: tuple[str, ...]  # folded cues asking where ("o dau", "dia diem"): a short item of one day is whole
    forms_asked: tuple[str, ...]  # folded words of a question asking for a blank form ("mau so")
    appendix_asked: tuple[str, ...]  # folded words of a question asking for an appendix or a table ("thang diem")
    document_itself: tuple[str, ...]  # folded words of a yes/no clause asking about a document's grounds, legality
    own_document: re.Pattern[str]  # a folded clause asking whether a body issued a document ("co nghi quyet")
    own_document_levels: tuple[str, ...]  # level words naming the place's body in such a clause ("tinh")
    kind_named: re.Pattern[str]  # a kind word describing the question's own document, folded ("theo ke hoach")
    kind_word: re.Pattern[str]  # any folded kind word naming a document ("ke hoach"; not "theo quy dinh", "phap luat")
    applies_heading: re.Pattern[str]  # the folded heading of its article on that ("pham vi dieu chinh")
    cue_words: frozenset[str]  # every folded word of the plain cue phrases (never a typo to correct)
    thesaurus_words: frozenset[str]  # every folded word of the thesaurus: general language, said what it means


def _naming_kinds(raw: dict[str, Any]) -> str:
    """The kind words that name documents (not those general language uses alike), as alternatives."""
    named = [k for k in raw["asked_kinds"]["types"] if k not in raw["kind_named"]["not_named"]]
    return "|".join(re.escape(k) for k in sorted(named, key=len, reverse=True))


def _kind_named(raw: dict[str, Any]) -> re.Pattern[str]:
    """A kind word describing the question's own document (``kind_named``), over a folded key (" … ")."""
    before = "|".join(re.escape(w) for w in raw["kind_named"]["before"])
    return re.compile(rf" (?:{before}) (?:cac )?(?:{_naming_kinds(raw)}) (?!(?:\w+ )?nao )")


def _words_re(words: list[str]) -> re.Pattern[str]:
    """Any of folded ``words`` as whole words of a folded key, the longest first."""
    return re.compile(
        rf"(?<![a-z0-9])(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})(?![a-z0-9])"
    )


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the lexicon {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"the lexicon {path} must hold a JSON object")
    return data


@cache
def lexicon(overlay: str | None = None) -> Lexicon:
    """The package's lexicon, with the deployment's overlay (``CANCU_LEXICON_DIR``) merged in."""
    raw = _read(_DATA)
    folder = overlay if overlay is not None else os.environ.get("CANCU_LEXICON_DIR")
    if folder:
        extra = Path(folder) / "lexicon.json"
        if not extra.is_file():
            raise ConfigError(f"CANCU_LEXICON_DIR={folder} holds no lexicon.json")
        raw = _merge(raw, _read(extra))
    exact = frozenset(raw["question_words_exact"])
    accent_only = frozenset(raw["accent_only_question_words"])
    intents = raw["intents"]
    patterns = {k: v for k, v in intents.items() if k.endswith("_patterns") or k == "most_cited"}
    chat = raw["chat"]
    return Lexicon(
        question_words_exact=exact,
        question_words=frozenset(fold(w) for w in exact - accent_only),
        frames=tuple(tuple(f.split()) for f in raw["frames"]),
        folded_compounds=frozenset(tuple(c.split()) for c in raw["folded_compounds"]),  # type: ignore[misc]
        frequency_cues=tuple(raw["frequency"]["cues"]),
        recurrence=re.compile(raw["frequency"]["statement"]),
        period=re.compile(raw["frequency"]["period"]),
        frequency_other_asks=tuple(raw["frequency"].get("other_asks", ())),
        several_asked=_words_re(raw["several_asked"]["words"]),
        which_asked=re.compile(raw["which_asked"]["pattern"]),
        rule_asked=tuple(raw["rule_asked"]["cues"]),
        which_list_words=frozenset(raw["which_asked"]["list_words"]),
        deadline_day=tuple(raw.get("deadline_day", {}).get("phrases", ())),
        negations=frozenset(tuple(c.split()) for c in raw.get("negations", {}).get("phrases", ())),  # type: ignore[misc]
        intents={k: tuple(v) for k, v in intents.items() if k not in patterns},
        intent_patterns={k.removesuffix("_patterns"): tuple(re.compile(p) for p in v) for k, v in patterns.items()},
        intent_masks={k: tuple(v) for k, v in raw.get("intent_masks", {}).items() if not k.startswith("_")},
        facts={k: tuple(v) for k, v in raw["facts"].items()},
        weak_facts={k: tuple(v) for k, v in raw["weak_facts"].items() if not k.startswith("_")},
        kind_facts={k: tuple(v) for k, v in raw.get("kind_facts", {}).items() if not k.startswith("_")},
        role_patterns=tuple(re.compile(p) for p in raw["roles"]["patterns"]),
        signed_for=frozenset(raw["roles"]["signed_for"]),
        catalog_fields=tuple(raw["catalog"]["fields"]),
        not_header_facts=tuple((a, b) for a, b in raw["not_header_facts"]),
        definition_patterns=tuple(re.compile(p) for p in raw["definition_patterns"]),
        courtesy=re.compile(chat["courtesy"], re.I),
        shorthand=dict(chat["shorthand"]),
        kind_shorthand=dict(chat["kind_shorthand"]),
        kind_short_folded=tuple(sorted({fold(k).lower() for k in chat["kind_shorthand"]}, key=len, reverse=True)),
        kind_shorthand_before=tuple(chat.get("kind_shorthand_before", [])),
        kind_shorthand_after=tuple(chat.get("kind_shorthand_after", [])),
        kind_shorthand_after_only=dict(chat.get("kind_shorthand_after_only", {})),
        numbered_shorthand=dict(chat.get("numbered_shorthand", {})),
        glued_shorthand=dict(chat.get("glued_shorthand", {})),
        glued_dated=dict(chat.get("glued_dated", {})),
        glued_range=chat.get("glued_range", "-"),
        glued_units=dict(chat.get("glued_units", {})),
        measures=frozenset(chat.get("measures", [])),
        particles=frozenset(chat.get("particles", [])),
        address=re.compile(chat["address"], re.I),
        whenever=re.compile(chat["whenever"], re.I),
        grade_entry=re.compile(chat["grade_entry"], re.I),
        grade_word=chat.get("grade_word", "lớp"),
        abbreviations=dict(raw["abbreviations"]),
        abbreviations_in_capitals=frozenset(raw.get("abbreviations_in_capitals", {}).get("words", ())),
        span_asked=tuple(raw.get("span_asked", ())),
        story_openers=tuple(raw.get("story_openers", ())),
        story_not_before={k: tuple(v) for k, v in raw.get("story_not_before", {}).items() if not k.startswith("_")},
        thesaurus=tuple(raw["thesaurus"]),
        counted_nouns=frozenset(raw["counted_nouns"]),
        folded_ambiguous=frozenset(raw["folded_ambiguous"]),
        accented_cues={k: v for k, v in raw.get("accented_cues", {}).items() if not k.startswith("_")},
        amount_kinds={
            k: AmountKind(
                cues=tuple(v["cues"]),
                nouns_exact=tuple(v.get("nouns_exact", ())),
                nouns=tuple(v.get("nouns", ())),
                cancelled=tuple(v.get("not", ())),
                not_cued=tuple(v.get("not_cued", ())),
                priced_until=tuple(v.get("priced_until", ())),
                charged=tuple(v.get("charged", ())),
                paid=tuple(v.get("paid", ())),
                figure=re.compile(v["figure"], re.I),
            )
            for k, v in raw.get("amount_kinds", {}).items()
            if not k.startswith("_")
        },
        counting={k: tuple(v) for k, v in raw["counting"].items() if not k.startswith("_")},
        asked_kinds=re.compile(raw["asked_kinds"]["pattern"]),
        kind_types=dict(raw["asked_kinds"]["types"]),
        kind_holds={k: tuple(v) for k, v in raw["asked_kinds"].get("holds", {}).items()},
        kind_every=tuple(raw["asked_kinds"].get("every", ())),
        ordinals={k: list(v) for k, v in raw["ordinals"].items() if not k.startswith("_")},
        considerations=tuple(raw.get("considerations", [])),
        grounds_openings=tuple(sorted(raw.get("grounds_openings", []), key=lambda o: -len(o.split()))),
        cited_before=tuple(raw["cited_before"]["words"]),
        grounds_words=tuple(raw["grounds_words"]["words"]),
        grounds_shared=tuple(raw["grounds_words"]["shared"]),
        grounds_topic=tuple(raw["grounds_words"]["topic"]),
        titles_asked={k: tuple(v) for k, v in raw["titles_asked"].items() if not k.startswith("_")},
        units={k: list(v) for k, v in raw["units"].items() if not k.startswith("_")},
        follow_ups={k: v for k, v in raw["follow_ups"].items() if not k.startswith("_")},
        education_levels={k: tuple(v) for k, v in raw["education_levels"].items() if not k.startswith("_")},
        qualifications=tuple(raw.get("qualifications", {}).get("phrases", ())),
        siblings=tuple(
            {member: tuple(words) for member, words in family.items()}
            for family in raw["siblings"]["families"].values()
        ),
        siblings_compared=tuple(raw["siblings"].get("compared", ())),
        siblings_spanning=tuple(raw["siblings"].get("spanning", ())),
        siblings_headed={k: tuple(v) for k, v in raw["siblings"].get("headed", {}).items()},
        own_work_year=re.compile(raw["own_work_year"]["pattern"]),
        year_set_aside=re.compile(raw["year_set_aside"]["pattern"]),
        present_moment=tuple(raw["present_moment"]["cues"]),
        text_named=tuple(fold(w).lower() for w in raw["present_moment"]["text_named"]),
        gist={k: list(v) for k, v in raw["gist"].items() if not k.startswith("_")},
        issuer_asked=re.compile(raw["bodies"]["issuer_asked"]),
        drafted_for=re.compile(raw["bodies"]["drafted_for"]),
        carrying_out=tuple(raw["bodies"]["carrying_out"]),
        set_aside=tuple(raw["bodies"]["set_aside"]),
        effective_line=re.compile(raw["effective_line"]["opening"] + raw["effective_line"]["effective"], re.I),
        per_units={k: tuple(v) for k, v in raw["per_units"]["units"].items()},
        per_units_ambiguous=frozenset(raw["per_units"]["ambiguous"]),
        special_openers=tuple(raw["special_case"]["openers"]),
        cumulation_asked=re.compile("|".join(raw["cumulation"]["asked"])),
        cumulation_paid=tuple(raw["cumulation"]["paid"]),
        cumulation_rule=re.compile("|".join(raw["cumulation"]["rule"])),
        initials_not_in=frozenset(raw["initials"]["not_in"]),
        residual_asked=tuple(re.compile(p) for p in raw["residual"]["asked"]),
        residual_rule=tuple(re.compile(p) for p in raw["residual"]["rule"]),
        effect_asked=tuple(raw["effective_line"]["asked"]),
        replaces_line=re.compile(raw["effective_line"]["opening"] + raw["effective_line"]["replaces"], re.I),
        ended_line=re.compile(raw["effective_line"]["opening"] + raw["effective_line"]["ended"], re.I),
        replacement_cues=tuple(raw.get("replacement_cues", [])),
        repeal={k: tuple(v) for k, v in raw["repeal"].items() if not k.startswith("_")},
        time_statements=re.compile("|".join(raw["time_statements"]["patterns"]), re.I | re.M),
        day_asked=tuple(raw["time_statements"]["day_asked"]),
        length_asked=tuple(raw["time_statements"]["length_asked"]),
        lasting=re.compile(raw["time_statements"]["lasting"], re.I),
        worked_example=re.compile(raw["worked_example"]["opening"], re.I),
        when_asking=frozenset(raw["time_statements"]["asking"]),
        day_not_asked=tuple(raw["time_statements"].get("day_not_asked", ())),
        day_not_asked_beside_length=tuple(raw["time_statements"].get("day_not_asked_beside_length", ())),
        days_named=re.compile(raw["time_statements"]["days_named"]),
        span_cues=tuple(raw["time_statements"]["span_cues"]),
        roman_after=re.compile(
            r"(?<!\w)((?:"
            + "|".join(re.escape(w) for w in raw["roman_terms"]["words"])
            + r")\s+)(\d{1,2})(?![\w/-]|[.,]\d)",
            re.I,
        ),
        roman_range=(int(raw["roman_terms"]["from"]), int(raw["roman_terms"]["to"])),
        roman_alone=int(raw["roman_terms"]["alone_from"]),
        span_heading=re.compile(raw["time_statements"]["span_heading"]),
        start_date=re.compile(raw["time_statements"]["start_date"]),
        applies_cues=tuple(raw["applies_to"]["cues"]),
        place_asked=tuple(raw["place_asked"]["cues"]),
        forms_asked=tuple(raw["forms"]["asked"]),
        appendix_asked=tuple(raw["forms"]["appendix_asked"]),
        document_itself=tuple(raw["document_itself"]["cues"]),
        own_document_levels=tuple(raw["own_document_asked"].get("levels", ())),
        own_document=re.compile(
            r" (?:"
            + "|".join(re.escape(v) for v in raw["own_document_asked"]["verbs"])
            + r") (?:"
            + "|".join(re.escape(k) for k in raw["asked_kinds"]["types"])
            + r") "
        ),
        applies_heading=re.compile(raw["applies_to"]["heading"]),
        kind_named=_kind_named(raw),
        kind_word=re.compile(rf" (?<!phap )(?:{_naming_kinds(raw)}) "),
        table_unit=re.compile(raw["table_unit"]["pattern"], re.I),
        table_unit_not_heading=tuple(raw["table_unit"].get("not_heading", ())),
        cue_words=frozenset(
            w
            for cues in [
                *(v for k, v in intents.items() if k not in patterns),
                *raw["facts"].values(),
                *(v for k, v in raw.get("kind_facts", {}).items() if not k.startswith("_")),
            ]
            for cue in cues
            for w in cue.split()
        ),
        thesaurus_words=frozenset(w for line in raw["thesaurus"] for w in re.findall(r"[a-z0-9]+", fold(line).lower())),
    )
