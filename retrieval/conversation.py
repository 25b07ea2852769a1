"""Conversations: a follow-up read against the question before it, the same way behind every door.

    turn = conversations.resolve("chat-1:user-7", "còn Văn phòng thì sao?")
    turn.question   # "Văn phòng phải làm gì?"  (the previous question with its subject replaced)
    turn.focus      # the documents the previous answer cited, unless the follow-up names others

A follow-up opens or ends with the lexicon's follow-up words ("còn …", "thế còn …", "… thì sao?") or refers back
("điều đó", "việc này"); "kế hoạch đó do ai ký?" asks of the one document the last answer quoted, by its label.
What it names replaces what the previous question was about: a unit ("Phòng Quản trị" ->
"Văn phòng") when the previous question named one, else the previous question's subject words; a place or a
document it names moves the focus. A message that is a question of its own starts afresh (keeping no focus).
State is bounded: the most recent ``MAX_CONVERSATIONS`` conversations, each forgotten after ``TTL`` seconds.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from core.text import fold
from retrieval.lexicon import lexicon

MAX_CONVERSATIONS = 10_000
TTL = 3600.0


@dataclass
class Turn:
    question: str  # what is asked of the engine
    focus: list[str] = field(default_factory=list)  # documents a follow-up stays with
    rewritten: bool = False  # the question is not the message as typed
    # a question of its own naming no document: the one document the last answer quoted, then the one the
    # conversation is about (``_State.anchor``), each asked too (the engine keeps the first's answer that holds the
    # question's words as well as the answer over all documents does)
    leaning: list[str] = field(default_factory=list)
    # a follow-up about a unit or the subject of the documents in focus, or naming documents: answered from those
    # alone ("còn UBND xã?" is that plan's UBND xã, not another text's that the words match better)
    held: bool = False
    # "X thì sao?" asked as X before the last question: X's words say what is asked now, the last question's count
    # less (``SearchPolicy.follow_weight``: "còn về an toàn thông tin thì sao?" after a plan's tasks on platforms)
    stress: str = ""


@dataclass
class _State:
    question: str
    subject: str  # the unit the question was about, folded ("phong quan tri"); "" for none
    focus: list[str]
    at: float
    # the one document the user last named ("Kế hoạch 308 Hà Nội …"), else the first answer's; naming another moves
    # it, naming several clears it
    anchor: str | None = None


UnitOf = Callable[[str, Sequence[str]], str | None]  # (text, focus) -> the unit it names (folded key) or None
DocumentsNamed = Callable[[str], tuple[list[str], str]]  # text -> (documents it names, text without those words)


class Conversations:
    def __init__(
        self,
        unit_of: UnitOf,
        documents_named: DocumentsNamed,
        label_of: Callable[[str], str] | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._unit_of = unit_of
        self._documents_named = documents_named
        self._label_of = label_of
        self._clock = clock
        self._states: OrderedDict[str, _State] = OrderedDict()
        self._lock = threading.Lock()

    def resolve(self, key: str, message: str) -> Turn:
        """The question to ask for a message of a conversation (the message itself when it is no follow-up)."""
        prev = self._get(key)
        if prev is not None and (turn := self._of_document(prev, message)) is not None:
            return turn
        if prev is None:
            return Turn(message)
        named = follow_up(message)
        if (
            named is None
            and (long := follow_up(message, max_words=None))
            and _only_unit(long, prev.focus, self._unit_of)
        ):
            named = long  # "còn Sở Văn hóa, Thể thao và Du lịch thì sao?": a long name of a unit of the focus
        if named and _asks(named, lexicon().follow_ups) and not self._names_something(named, prev.focus):
            named = None  # "vậy ai chi trả": a question of its own about the same documents (not "còn Sở Y tế làm gì")
        if named is None:  # a question of its own: asked as typed
            unit = self._unit_of(message, prev.focus) if prev.focus else None
            rest = re.sub(_loose(unit), " ", message, flags=re.I) if unit else message
            if self._documents_named(rest)[0]:
                return Turn(message)  # its words (a unit's aside: "Sở Nông nghiệp …" is no ministry's) name a document
            # leaning to the one document quoted, then to the one the user named (an answer may have drifted to
            # another plan), kept when it answers as well as any ("kinh phí lấy từ đâu?"; not "Sở Tài chính có trách
            # nhiệm gì đối với hệ thống thư điện tử công vụ?" after a plan's unit)
            leaning = list(prev.focus) if len(prev.focus) == 1 else []
            if prev.anchor and prev.anchor not in leaning:
                leaning.append(prev.anchor)
            if unit is None or len(prev.focus) == 1:
                return Turn(message, leaning=leaning)
            return Turn(message, list(prev.focus))  # a unit of the documents quoted ("Sở Giáo dục … phải làm gì?")
        if named == "":  # "điều đó nộp khi nào?": the previous subject, the new predicate
            typed = re.search(_loose(prev.subject), prev.question, flags=re.I) if prev.subject else None
            about = typed.group(0) if typed else prev.question.rstrip(" ?")
            return Turn(f"{about} {_strip_reference(message)}".strip(), list(prev.focus), True, held=True)
        documents, _ = self._documents_named(named)
        here = self._unit_of(named, documents or prev.focus)  # a unit of the documents named, else of the focus
        unit = here or self._unit_of(named, [])
        focus = documents or (list(prev.focus) if here else [])
        asked = self._documents_named(prev.question)[1] if documents else prev.question
        if unit is not None and prev.subject:  # "còn Văn phòng (trường Lào Cai) thì sao?": another unit, same ask
            return Turn(_replace(asked, prev.subject, named), focus, True, held=True)
        if unit is not None:  # the previous question was about a whole plan: now it is about this unit
            return Turn(named, focus, True, held=True)
        if documents:  # "thế còn trường Lào Cai?": the same question of another document, named where it was
            return Turn(_in_place(prev.question, asked, named), documents, True, held=True)
        return Turn(f"{named} {prev.question}", list(prev.focus), True, stress=named)

    def _names_something(self, words: str, focus: Sequence[str]) -> bool:
        """Whether words name a unit (of the focus documents or any) or a document."""
        return self._unit_of(words, focus) is not None or bool(self._documents_named(words)[0])

    def _of_document(self, prev: _State, message: str) -> Turn | None:
        """ "kế hoạch đó do ai ký?": the one document the last answer quoted, named by the label every door shows
        ("kế hoạch đó" -> "kế hoạch 141/KH-UBND": the kind as typed, then the label)."""
        # after an answer from several: the one the conversation is about, when that answer quoted it too
        doc = prev.focus[0] if len(prev.focus) == 1 else prev.anchor if prev.anchor in prev.focus else None
        ref = document_reference(message) if self._label_of is not None and doc else None
        m = re.search(rf"(?i)\b{_loose(ref)}\b", message) if ref is not None else None
        if m is None or self._label_of is None or doc is None:
            return None
        kind = m.group(0).rsplit(" ", 1)[0]
        asked = message[: m.start()] + f"{kind} {self._label_of(doc)}" + message[m.end() :]
        return Turn(asked, [doc], True)

    def remember(self, key: str, question: str, cited: Sequence[str]) -> None:
        """What a conversation's last question was about, and the documents its answer cited (a refused one: those it
        names, else those the conversation was about)."""
        focus = list(dict.fromkeys(cited))
        subject = self._unit_of(question, focus) or ""
        named = self._documents_named(question)[0]
        with self._lock:
            before = self._states.get(key)
            # the one document the user named, else the one named before, else what the conversation's first answer
            # was from ("Kế hoạch thi đua … của Cần Thơ …" names its plan by its words)
            anchor = named[0] if len(named) == 1 else None if named else before.anchor if before else None
            if anchor is None and before is None and focus:
                anchor = focus[0]
            self._states[key] = _State(question, subject, focus, self._clock(), anchor)
            self._states.move_to_end(key)
            while len(self._states) > MAX_CONVERSATIONS:
                self._states.popitem(last=False)

    def forget(self, key: str) -> None:
        with self._lock:
            self._states.pop(key, None)

    def _get(self, key: str) -> _State | None:
        with self._lock:
            state = self._states.get(key)
            if state is not None and self._clock() - state.at > TTL:
                del self._states[key]
                return None
            return state


def follow_up(message: str, *, max_words: int | None = -1) -> str | None:
    """What a follow-up names ("còn Văn phòng thì sao?" -> "Văn phòng"), "" for one that refers back ("điều đó
    nộp khi nào?"), None for a message that is a question of its own: one naming more than ``max_words`` words
    (default: the lexicon's ``max_open_words``; None: no limit)."""
    lx = lexicon().follow_ups
    text = message.strip().rstrip("?!. ")
    key = " " + fold(text).lower() + " "
    if any(f" {r} " in key for r in lx["refer_back"]):
        return ""
    opened = next((o for o in lx["openers"] if key.startswith(f" {o} ")), None)
    closed = next((c for c in lx["closers"] if key.endswith(f" {c} ")), None)
    if opened is None and closed is None:
        return None
    words = text.split()
    start = len(opened.split()) if opened else 0
    end = len(words) - (len(closed.split()) if closed else 0)
    limit = int(lx["max_open_words"]) if max_words == -1 else max_words
    if limit is not None and end - start > limit:
        return None  # "Con tôi học trường tiểu học …, học phí tính thế nào?" is a question of its own
    named = " ".join(words[start:end]).strip(" ,")
    return named or None


def _asks(words: str, follow_ups: dict[str, list[str]]) -> bool:
    """Whether words hold a word that asks (lexicon ``follow_ups.asking``, folded; ``asking_marked`` as typed)."""
    key, typed = _padded(fold(words)), _padded(words)
    return any(f" {w} " in key for w in follow_ups.get("asking", ())) or any(
        f" {w} " in typed for w in follow_ups.get("asking_marked", ())
    )


def _padded(text: str) -> str:
    """A text's words, lower-cased, one space apart and around: " kế hoạch đó "."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _in_place(question: str, rest: str, named: str) -> str:
    """The question with ``named`` where the words ``rest`` lacks were (the name of its document; of two such
    spans, the one holding its number, not a place cut with it); at its end when it named none: "Kế hoạch 308 căn
    cứ những văn bản nào?" -> "kế hoạch 310 căn cứ những văn bản nào?", "Mức hỗ trợ … ở Hà Nội theo nghị quyết 80
    là bao nhiêu?" -> "Mức hỗ trợ … theo nghị quyết 20 là bao nhiêu?"."""
    words, kept = question.split(), rest.split()
    cuts = [op for op in SequenceMatcher(None, words, kept, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not cuts:
        return f"{rest.rstrip(' ?')} {named}?"
    numbered = [op for op in cuts if any(ch.isdigit() for w in words[op[1] : op[2]] for ch in w)]
    _, _, _, j1, j2 = (numbered or cuts)[0]
    if j1 >= len(kept):
        return f"{rest.rstrip(' ?')} {named}?"
    return " ".join([*kept[:j1], named, *kept[j2:]])


def _only_unit(named: str, focus: Sequence[str], unit_of: UnitOf) -> bool:
    """Whether words named by a follow-up are a unit's name of the focus documents and little else (not "sở Nông
    nghiệp và Môi trường phải làm gì": a question of its own after "vậy")."""
    key = unit_of(named, focus)
    words = re.findall(r"\w+", fold(named).lower())
    return key is not None and key in " ".join(words) and len(words) - len(key.split()) <= 1


def document_reference(message: str) -> str | None:
    """The words naming the document the last answer quoted ("kế hoạch đó", "văn bản này", as chat shortens the
    kind: "qd nay"), folded, or None."""
    lx = lexicon()
    key = _padded(fold(message))  # "… kế hoạch này?": no mark on a word
    for r in lx.follow_ups.get("refer_document", []):
        kind, _, this = r.rpartition(" ")
        short = [s for s in lx.follow_ups.get("refer_shorthand", []) if fold(lx.kind_shorthand[s]).lower() == kind]
        found = next((f for f in [r, *(f"{fold(s).lower()} {this}" for s in short)] if f" {f} " in key), None)
        if found is not None:
            return found
    return None


def _strip_reference(message: str) -> str:
    """The message without the words that refer back ("điều đó nộp khi nào" -> "nộp khi nào")."""
    out = message.strip()
    for r in sorted(lexicon().follow_ups["refer_back"], key=len, reverse=True):
        out = re.sub(rf"(?i)\b{_loose(r)}\b", " ", out)
    return " ".join(out.split())


def _replace(question: str, old: str, new: str) -> str:
    """The question with the words that named ``old`` (matched without diacritics) replaced by ``new``."""
    # a name joined by "&" goes whole ("Sở NN&MT": not "… làm gì&MT")
    m = re.search(_loose(fold(old).lower()) + r"(?:&[^\W_]+)*", question, flags=re.I)
    if m is None:
        return f"{new} {question}"
    return question[: m.start()] + new + question[m.end() :]


def _loose(folded: str) -> str:
    """A pattern matching the words of a folded phrase whatever their diacritics."""
    table = {
        "a": "[aàáảãạăằắẳẵặâầấẩẫậ]",
        "e": "[eèéẻẽẹêềếểễệ]",
        "i": "[iìíỉĩị]",
        "o": "[oòóỏõọôồốổỗộơờớởỡợ]",
        "u": "[uùúủũụưừứửữự]",
        "y": "[yỳýỷỹỵ]",
        "d": "[dđ]",
    }
    # words apart as typed, or by a comma or dash ("Ủy ban nhân dân xã, phường")
    return r"[\s,;–-]+".join("".join(table.get(c, re.escape(c)) for c in w) for w in folded.split())
