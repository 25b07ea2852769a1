"""A question, read once: its normalised text, what it names and what it asks for.

    q = parse("bc so ket 6 thang nop truoc ngay nao ad?")
    q.text       # "báo cáo so ket 6 thang nop truoc ngay nao"  (chat shorthand written out, courtesy dropped)
    q.asks       # {"deadline"}
    q.refs       # []  ("khoản 2 Điều 8" -> ["Điều 8.2"])

Every cue is data (``retrieval.lexicon``) matched on the folded words of the question, so "ai ký" and
"ai ky" read alike. Which document a question is about is not decided here: the search does it from the
documents' own headers.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from core.legal_ids import NUMBER, TYPES, id_key, names_a_text
from core.text import fold
from retrieval.answers.amounts_asked import amounts, counted
from retrieval.answers.chat import normalize, typed_accented
from retrieval.answers.phrases import clause_key, fkey, has, holds_any
from retrieval.extract import days_stated
from retrieval.lexicon import Lexicon, lexicon

#: Folded kind words a question names documents by -> the legal type ("ke hoach" -> "Kế hoạch").
TYPE_WORDS = {fold(t).lower(): t for t in (*TYPES, "Luật", "Bộ luật")}
#: TYPE_WORDS as a regular expression's alternatives, longest first.
KINDS = "|".join(re.escape(k) for k in sorted(TYPE_WORDS, key=len, reverse=True))
_LEGAL_IN_Q = re.compile(rf"(?<!\b[a-z])(?<!\d)(?P<number>{NUMBER})", re.I)  # not after a lone letter: "t3-t7/2026"
_TYPE_NUM_Q = re.compile(r"(?P<type>" + KINDS + r")(?:\s+so)?\s+(?P<num>\d{1,5})\b")
_TYPE_NUM_NAMED = re.compile(r" (?:theo |cua |trong )?(?:" + KINDS + r")(?: so)? \d[\w/-]*(?= )")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_REF_DIEM = re.compile(r" diem ([a-z]) (?:cua )?khoan (\d{1,3}) (?:cua )?dieu (\d{1,3}) ")
_REF_KHOAN = re.compile(r" khoan (\d{1,3}) (?:cua )?dieu (\d{1,3}) ")
_REF_DIEU = re.compile(r" dieu (\d{1,3}) ")
_REF_MUC = re.compile(r" (?:muc|phan) ([ivxl]+(?:[ .]\d{1,2}){0,2}(?:[ .][a-z])?) ")
#: A part's Roman number as typed: after "mục"/"phần" written with their marks, or in capitals after either.
_ROMAN_TYPED = re.compile(r"\b(?:(?i:mục|phần)\s+([ivxlIVXL]+)|(?i:muc|phan)\s+([IVXL]+))\b")


@dataclass
class Question:
    typed: str  # as typed (the answer echoes it)
    text: str  # what is answered: chat shorthand written out, courtesy dropped
    key: str  # folded words, padded: " bao cao so ket 6 thang "
    accented: bool
    asks: set[str] = field(default_factory=set)  # legal_bases, drafter, most_cited, cited_by, deadline, duty, amount…
    facts: list[str] = field(default_factory=list)  # header facts asked, in cue order
    weak: list[str] = field(default_factory=list)  # header facts asked if nothing else is (weak cues)
    cues: list[str] = field(default_factory=list)  # the fact cues matched (folded phrases)
    role: str | None = None  # the role of "ai là <role>", "<role> tên gì" (folded, with what follows it)
    definition: str | None = None  # the term of "X là gì?"
    refs: list[str] = field(default_factory=list)  # section ids named: "Điều 8.2", "III.2", "preamble"
    legal_keys: list[str] = field(default_factory=list)  # id_key of legal numbers named
    legal_pairs: list[tuple[str, str]] = field(default_factory=list)  # ("thong tu", "124")
    years: list[int] = field(default_factory=list)
    days: list[tuple[int, int, int | None]] = field(default_factory=list)  # days stated: (30, 11, None), "ngày 30/11"
    # an amount of a kind asked: the figure it needs, and the nouns that asked it (none when a cue did)
    figures: list[tuple[re.Pattern[str], list[str]]] = field(default_factory=list)
    counted: list[str] = field(default_factory=list)  # folded nouns counted: "bao nhiêu vụ" -> ["vu"]
    corrected: list[str] = field(default_factory=list)  # words typed that the store does not know, corrected
    moment: list[str] = field(default_factory=list)  # "hôm nay", "ngày mai": the day it is asked (folded)
    kinds: list[str] = field(default_factory=list)  # legal types asked for ("những chỉ thị nào" -> ["Chỉ thị"])
    cited_body: str = ""  # folded words naming the issuer of the documents asked for ("nào của Sở GDĐT X")
    drafted_for: str = ""  # folded words naming the kind of body a drafter writes for ("cho trường cao đẳng")
    own_text: str = ""  # the text without the words naming ``cited_body``: what names the question's own document
    topic: str = ""  # the words left when the asking ones (cues, kinds asked, bodies named) are taken out
    asked: str = ""  # the sentences that ask, when a story is told first ("Nhà tôi … . Vậy tôi được … không?")
    # or the clauses after a first one telling the asker's situation ("Con tôi học lớp 10 …, nếu … thì …?")
    told_apart: bool = False  # a story told first in a sentence or clause of its own: the asked may answer alone
    stress: str = ""  # a follow-up's own words, asked before the last question ("còn [về an toàn thông tin] …")
    asks_day: bool = False  # "trước ngày nào", "hạn chót" (not "ngày nào cũng …": every day)
    asks_length: bool = False  # "trong bao lâu", "mấy ngày" (not "bao lâu 1 lần": how often)
    asks_often: bool = False  # "bao lâu 1 lần", "mấy lần 1 năm", asked (not in the story told first)
    often_last: bool = False  # how often asked last: no clause after it asks anything else ("…, trước ngày nào?")

    def asking(self, *kinds: str) -> bool:
        return any(k in self.asks for k in kinds)


#: A sentence ends at a full stop, question or exclamation mark followed by a space.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")

#: A sentence that opens by telling the asker's own situation ("Con tôi học lớp 10 …, nếu … thì …?").
_OPENERS = sorted(lexicon().story_openers, key=len, reverse=True)
_NOT_BEFORE = lexicon().story_not_before


def _opener(word: str) -> str:
    """An opener as a pattern, not before the words that make it another word ("toi nay": "tối nay", tonight)."""
    after = _NOT_BEFORE.get(word, ())
    return re.escape(word) + (rf"\s(?!(?:{'|'.join(map(re.escape, after))})\b)" if after else r"\s")


_STORY = (
    re.compile(r"^\s*(?:" + "|".join(map(_opener, _OPENERS)) + r")[^,:?]{3,}[,:]\s*(?P<asked>.{12,})$", re.I)
    if _OPENERS
    else None
)


def sentences(text: str) -> list[str]:
    """A text's sentences, each ending at a full stop, question or exclamation mark followed by a space."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _after_story(sentence: str) -> str | None:
    """One sentence that tells the asker's situation in its first clause ("Em là công chức ở Đồng Tháp, …"): the
    clauses after it ask."""
    m = _STORY.match(sentence) if _STORY is not None else None
    return m.group("asked") if m else None


def asking(text: str) -> str | None:
    """The sentences that ask, when a question tells a story first ("Nhà tôi ở … . Năm học 2025-2026 mỗi tháng tôi
    phải đóng học phí bao nhiêu?"): those ending with a question mark, else the last; for a single sentence, the
    clauses after a first one telling the asker's situation (``_after_story``), else None."""
    told = sentences(text)
    if len(told) < 2:
        return _after_story(text)
    asked = [s for s in told if s.rstrip().endswith("?")] or told[-1:]
    return " ".join(asked) if len(asked) < len(told) else None


def section_refs(key: str, typed: str = "") -> list[str]:
    """Section ids a question names: "khoản 2 Điều 8" -> "Điều 8.2", "mục III.2" -> "III.2", "phần căn cứ" -> "preamble".

    A part by a Roman number is read where ``typed`` (the question as typed) writes "mục"/"phần" with their marks or
    the number in capitals: "muc vi pham" typed without marks is "mức vi phạm", not "mục VI"."""
    q = key.replace(". ", " ")
    refs: list[str] = []
    for m in _REF_DIEM.finditer(q):
        refs.append(f"Điều {m.group(3)}.{m.group(2)}.{m.group(1)}")
    for m in _REF_KHOAN.finditer(q):
        ref = f"Điều {m.group(2)}.{m.group(1)}"
        if not any(r.startswith(ref + ".") for r in refs):
            refs.append(ref)
    if not refs:
        refs += [f"Điều {m.group(1)}" for m in _REF_DIEU.finditer(q)]
    typed = unicodedata.normalize("NFC", typed)
    romans = {(m.group(1) or m.group(2)).lower() for m in _ROMAN_TYPED.finditer(typed)} if typed else None
    for m in _REF_MUC.finditer(q):
        parts = re.split(r"[ .]", m.group(1))
        if romans is not None and parts[0] not in romans:
            continue
        refs.append(".".join([parts[0].upper(), *parts[1:]]))
    if " phan can cu " in q:
        refs.append("preamble")
    return list(dict.fromkeys(refs))


#: The kind of document named right after a section named ("Điều 95 Luật Dữ liệu", "khoản 2 Điều 28 của Luật Thủ đô").
_REF_OWNER = re.compile(
    r" (?:dieu \d{1,3}|muc [ivxl]+(?:[ .]\d{1,2}){0,2}) (?:cua |tai |trong )?(?P<kind>" + KINDS + r") (?P<next>\w+)"
)


#: A kind named just before a section ("Luật Thủ đô Điều 33 khoản 1": up to four words of its name between).
_REF_OWNER_BEFORE = re.compile(
    r" (?P<kind>" + KINDS + r")(?: (?!dieu )\w+){0,4} (?:dieu \d{1,3}|khoan \d{1,3} dieu \d{1,3}) "
)


def ref_owner_kind(key: str, lx: Lexicon | None = None) -> str | None:
    """The kind (folded) of the document a section named belongs to, when the question says it after the section
    ("Điều 95 Luật Dữ liệu"; not the verb of "Điều 40 quy định gì") or just before it ("Luật Thủ đô Điều 33")."""
    key = key.replace(". ", " ")
    m = _REF_OWNER.search(key)
    if m is not None and m.group("next") not in (lx or lexicon()).question_words:
        return m.group("kind")
    before = _REF_OWNER_BEFORE.search(key)
    return before.group("kind") if before else None


def named_pair(kind: str, number: str) -> str:
    """Where a question's key names a kind and number it gives (``Question.legal_pairs``), as a pattern: "số" and
    leading zeros typed or not ("ke hoach so 0124" for ("ke hoach", "124"))."""
    return rf" {re.escape(kind)} (?:so )?0*{re.escape(number)}"


def _legal_mentions(text: str, key: str) -> tuple[list[str], list[tuple[str, str]]]:
    typed = (m.group("number") for m in _LEGAL_IN_Q.finditer(fold(text)))
    keys = [id_key(n) for n in typed if re.search(r"[A-Za-z]", n) and names_a_text(n)]
    pairs = [(m.group("type"), m.group("num").lstrip("0") or "0") for m in _TYPE_NUM_Q.finditer(key)]
    return keys, pairs


def named_twice(q: Question, pair: tuple[str, str]) -> bool:
    """Whether a kind and number are given twice in one sentence ("nghị quyết 57 của HĐND Hà Nội có căn cứ nghị
    quyết 57 không?": two texts), not once in the story told first and again in the sentence that asks ("… bám
    theo Kế hoạch 310/KH-UBND … . Phần mục đích của kế hoạch 310 …": the one text)."""
    if q.legal_pairs.count(pair) < 2:
        return False
    return any(_legal_mentions(s, fkey(s))[1].count(pair) > 1 for s in sentences(q.text))


def _trimmed(body: str, lx: Lexicon) -> str:
    """A body's name without the question words that end the question ("… của UBND tỉnh vậy")."""
    words = body.split()
    while words and words[-1] in lx.question_words:
        words.pop()
    return " ".join(words)


def _without(text: str, body: str) -> str:
    """The text without "của <body>" (the body's folded words, as typed)."""
    folded = re.sub(r"[^a-z0-9/ -]", " ", fold(text).lower())
    if len(folded) != len(text):  # not composed: offsets would not match
        return text
    m = re.search(r"\b(?:cua|do)\s+" + r"\s+".join(map(re.escape, body.split())) + r"\b", folded)
    return re.sub(r"\s+", " ", text[: m.start()] + text[m.end() :]).strip() if m else text


def _topic(text: str, key: str, bodies: list[tuple[int, int]], lx: Lexicon) -> str:
    """The question's words (as typed) left when the bodies it names and the phrases that ask are taken out:
    "Soạn kế hoạch phong trào … cho trường cao đẳng thì nên căn cứ văn bản nào?" -> "kế hoạch phong trào … thì nên"."""
    spans = list(bodies)
    for pattern in [*(p for ps in lx.intent_patterns.values() for p in ps), lx.asked_kinds]:
        spans += [m.span() for m in pattern.finditer(key)]
    for cue in {c for cues in lx.intents.values() for c in cues if f" {c} " in key}:  # hundreds: only those met
        spans += [m.span() for m in re.finditer(f"(?<= ){re.escape(cue)}(?= )", key)]
    starts = [m.start() for m in re.finditer(r"\S+", key)]
    kept = [not any(a <= i < b for a, b in spans) for i in starts]
    folded = re.sub(r"[^a-z0-9/ -]", " ", fold(text).lower())
    typed = [m.span() for m in re.finditer(r"\S+", folded)] if len(folded) == len(text) else []
    if len(typed) != len(kept):  # not composed: the folded words stand in
        words = [w for w, k in zip(key.split(), kept) if k]
    else:
        words = [text[a:b] for (a, b), k in zip(typed, kept) if k]
    return " ".join(
        w for w in words if w.lower() not in lx.question_words_exact and fold(w).lower() not in lx.question_words
    )


def _facts(key: str, lx: Lexicon, accented: str | None, asked: str) -> tuple[list[str], list[str], list[str]]:
    """The header facts a question asks, those it may ask (weak cues), and the cue phrases matched. A question
    typed with diacritics (``accented``: its words, lowercased and padded) matches a cue whose folded form other
    words share only in the cue's own spelling ("cấu trúc", not "yêu cầu trực"); ``asked``: the key of the
    sentences that ask after a story ("hiệu lực từ ngày" in "… đã hết hiệu lực từ ngày 06/12" is not asked)."""
    masked = functools.reduce(lambda k, p: k.replace(f" {p[0]} ", f" {p[1]} "), lx.not_header_facts, key)
    masks = tuple(phrase for phrase, _ in lx.not_header_facts)

    def cued(c: str) -> bool:  # a cue holding a masked phrase reads unmasked where asked, not before a date it states
        if holds_any(c, masks):
            return bool(re.search(rf" {re.escape(c)} (?!\d)", asked)) and _spelled_so(c, accented, lx)
        return has(masked, c) and _spelled_so(c, accented, lx)

    strong = {fact: [c for c in cues if cued(c)] for fact, cues in lx.facts.items()}
    if any(f" {kind} " in masked for kind in lx.kind_types):  # "Quyết định … áp dụng từ ngày nào?"
        for fact, cues in lx.kind_facts.items():
            strong[fact] = [*strong.get(fact, []), *(c for c in cues if cued(c))]
    weak = {fact: [c for c in cues if cued(c)] for fact, cues in lx.weak_facts.items()}
    facts = [f for f, found in strong.items() if found]
    maybe = [f for f, found in weak.items() if found and f not in facts]
    cues = [c for found in (*strong.values(), *weak.values()) for c in found]
    return facts, maybe, list(dict.fromkeys(cues))


def _spelled_so(cue: str, accented: str | None, lx: Lexicon) -> bool:
    """Whether a folded cue is asked as typed: a question typed with diacritics (``accented``: its words, lowercased
    and padded) asks with a cue whose folded form other words share only in the cue's own spelling."""
    spelled = lx.accented_cues.get(cue)
    return accented is None or spelled is None or f" {spelled} " in accented or f" {cue} " in accented


def _role(key: str, lx: Lexicon) -> str | None:
    for pattern in lx.role_patterns:
        m = pattern.search(key)
        if m:
            return m.group("role").strip()
    return None


def _definition(key: str, lx: Lexicon, text: str = "") -> str | None:
    """The term of "X là gì?" ("theo Thông tư 124" names where, not what), read first in the clause after the
    question's last comma ("Theo Luật Dữ liệu số 60/2024, dữ liệu mở là gì?": the first clause names where; "Mình
    là giáo viên, định mức tiết dạy là gì?": it tells who asks), else in the whole question."""
    clauses = [fkey(text.rsplit(",", 1)[1]), key] if "," in text else [key]
    return next((t for t in (_term(k, lx) for k in clauses) if t), None)


_PERCENT_SIGN = re.compile(r"\s*%")


def _spoken_percent(text: str, lx: Lexicon) -> str:
    """The text with a "%" asked ("bao nhiêu %", "mấy %") read "phần trăm", as cues read it: "bao nhiêu % mức bình
    thường" asks a percentage, not "bao nhiêu mục" (how many sections) once the sign is dropped with the
    punctuation. A figure's sign ("92%", "100% vốn") or a unit named ("tính bằng %") asks nothing; the words
    searched keep the sign, as typed."""

    def read(m: re.Match[str]) -> str:
        before = fold(text[: m.start()]).lower().split()
        asked = any(before[-len(c.split()) :] == c.split() for c in lx.counting["after"])
        return " phần trăm" if asked else m.group(0)

    return _PERCENT_SIGN.sub(read, text)


def _basis_of_a_yes_or_no(text: str, lx: Lexicon) -> bool:
    """Whether the legal basis is asked of a yes/no answer, as a case is asked on a legal Q&A site ("… tôi có phải
    nộp lệ phí cấp lại không, căn cứ văn bản nào?"): the last clause asks a basis and nothing else, the clause
    before it asks whether, and not of a document's own grounds or legality (lexicon ``document_itself``)."""
    clauses = [fkey(c) for c in re.split(r"[,;:?!.]", text) if c.strip()]
    if len(clauses) < 2 or not any(p.search(clauses[-2]) for p in lx.intent_patterns["whether"]):
        return False
    if has(clauses[-2], *lx.document_itself):  # "QĐ 53 có đúng luật không, căn cứ pháp lý?": its grounds
        return False
    last = clauses[-1]
    cue = next((c for c in lx.intents["legal_bases"] if has(last, c)), None)
    return cue is not None and len(last.split()) - len(cue.split()) <= 1  # "… căn cứ văn bản nào vậy"


def _term(key: str, lx: Lexicon) -> str | None:
    core = _TYPE_NUM_NAMED.sub(" ", key).strip()
    for pattern in lx.definition_patterns:
        m = pattern.search(core)
        if m:
            term = m.group("term").strip()
            words = term.split()
            if 1 <= len(words) <= 8 and not set(words) <= lx.question_words:
                return term
    return None


def _masked(key: str, phrases: tuple[str, ...]) -> str:
    """A folded key without the phrases (regular expressions) that hold a cue but do not ask it ("ngay nao cung")."""
    return functools.reduce(lambda k, phrase: re.sub(f" (?:{phrase}) ", " ", k), phrases, key)


def parse(typed: str, lx: Lexicon | None = None) -> Question:
    """Read a question once (see the module docstring)."""
    lx = lx or lexicon()
    accented = typed_accented(typed or "", lx)
    text = normalize(typed or "", lx, accented=accented)
    spoken = _spoken_percent(text, lx)
    key = fkey(spoken)
    q = Question(typed=(typed or "").strip(), text=text, key=key, accented=accented)
    for intent, cues in lx.intents.items():  # not "làm nhiều nhiệm vụ khác nhau": a duty's word asking no duties
        if has(_masked(key, lx.intent_masks.get(intent, ())), *cues):
            q.asks.add(intent)
    for intent, patterns in lx.intent_patterns.items():
        if any(p.search(key) for p in patterns):
            q.asks.add(intent)
    if "legal_bases" in q.asks and _basis_of_a_yes_or_no(text, lx):
        q.asks -= {"legal_bases", "cited_by", "catalog"}  # the provision that answers, with its document
        q.asks.add("whether")
    if "drafter" in q.asks and not (" can cu " in key or "legal_bases" in q.asks):
        q.asks.discard("drafter")  # "soạn thảo" alone is content ("ai soạn thảo …")
    words = " ".join(re.findall(r"[^\W_]+", text.lower()))
    asked = asking(text)
    q.facts, q.weak, q.cues = _facts(clause_key(spoken), lx, f" {words} " if q.accented else None, fkey(asked or text))
    q.role = _role(key, lx)
    q.definition = _definition(key, lx, text)
    q.refs = section_refs(key, typed or "")
    q.legal_keys, q.legal_pairs = _legal_mentions(text, key)
    # "đang soạn kế hoạch năm 2026, cần chỉ tiêu đến 2030", "(không phải mục tiêu 2026)": not the years asked
    own = [int(y) for y in [*lx.own_work_year.findall(key), *lx.year_set_aside.findall(key)]]
    q.years = [y for y in map(int, _YEAR.findall(text)) if y not in own]
    q.days = sorted(days_stated(text))
    asked_kinds = [f" {m.group(1)}" for m in lx.asked_kinds.finditer(key)]
    if not any(f" {w} " in words for words in asked_kinds for w in lx.kind_every):  # "những luật và văn bản nào"
        for words in asked_kinds:
            q.kinds += [t for k, t in lx.kind_types.items() if f" {k} " in words and t not in q.kinds]
    q.kinds += [held for k in list(q.kinds) for held in lx.kind_holds.get(k, ()) if held not in q.kinds]
    q.asked = asked or ""
    q.told_apart = bool(q.asked) and len(sentences(text)) > 1
    asked_key = fkey(q.asked) if q.asked else key  # the story told before the question asks nothing
    q.asks_often = has(asked_key, *lx.frequency_cues)
    q.asks_length = not q.asks_often and has(asked_key, *lx.length_asked)
    unmasked = _masked(key, lx.day_not_asked + (lx.day_not_asked_beside_length if q.asks_length else ()))
    q.asks_day = has(unmasked, *lx.day_asked)
    clauses = clause_key(q.asked or text).split(" | ")  # "… họp bao lâu 1 lần cũng được, … kéo dài đến khi nào?"
    at = max((i for i, c in enumerate(clauses) if has(f" {c.strip()} ", *lx.frequency_cues)), default=-1)
    q.often_last = at >= 0 and not any(has(f" {c.strip()} ", *lx.frequency_other_asks) for c in clauses[at + 1 :])
    q.counted = counted(q.asked or text, lx, q.accented)
    cue = has(_masked(asked_key, lx.intent_masks.get("amount", ())), *lx.intents["amount"])
    rule = not cue and has(asked_key, *lx.rule_asked)  # a story's sum, then "… theo mức nào": the rule asked
    q.figures = [] if rule else amounts(q, lx)
    if rule or ("whether" in q.asks and not has(key, *lx.counting["after"])):
        q.asks.discard("amount")  # "… có được nhận cả hai mức hỗ trợ không?": a rule, not a sum
    # a question naming the kind of legal text it asks about asks what the text says: a moment in it is the asker's
    spelled = f" {words} " if q.accented else None  # "đối với tôi nay …" typed with marks asks of no evening
    moment = [c for c in lx.present_moment if has(asked_key, c) and _spelled_so(c, spelled, lx)]
    q.moment = [] if has(key, *lx.text_named) else moment
    if has(key, *lx.gist["cues"]):
        q.asks.add("gist")
    bodies = []
    if asked := lx.issuer_asked.search(key):
        q.cited_body = _trimmed(asked.group("body"), lx)
        bodies.append(asked.span("body"))
    if drafted := lx.drafted_for.search(key):
        q.drafted_for = _trimmed(drafted.group("body"), lx)
        bodies.append(drafted.span("body"))
    q.own_text = _without(text, q.cited_body) if q.cited_body else text
    q.topic = _topic(text, key, bodies, lx)
    return q
