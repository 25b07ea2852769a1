"""Places: which a question names, which a document is about.

A question naming a place ("ở Cần Thơ", "tp hcm", "Kiên Hải") is answered from a document about that place, or
from one about no place in particular (a national text applies everywhere). The names are Vietnam's provinces
(``retrieval/data/places.json``, general geography) and the places the documents' own headers give; a document
is about the places its issuer, managing body and title name, and about its header's place when its issuer is a
local body (a ministry signs in Hà Nội without being about it).

    places = Places.from_heads(index.heads())
    places.named_in("Mức học phí ở Vĩnh Long bao nhiêu?")   # {"vinh long"}
    places.of_document(head)                                 # {"vinh long"} for an HĐND tỉnh Vĩnh Long text
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.text import fold, has_diacritics, place_tones

_DATA = Path(__file__).parent / "data" / "places.json"


@cache
def _data(overlay: str | None) -> dict[str, Any]:
    try:
        raw = json.loads(_DATA.read_text(encoding="utf-8"))
        if overlay and (Path(overlay) / "places.json").is_file():
            extra = json.loads((Path(overlay) / "places.json").read_text(encoding="utf-8"))
            for key, value in extra.items():
                if isinstance(value, list):
                    raw[key] = [*raw.get(key, []), *value]
                elif isinstance(value, dict):
                    raw[key] = {**raw.get(key, {}), **value}
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the places table: {exc}") from exc
    return raw


def province_word_pairs(question_words: frozenset[str]) -> frozenset[tuple[str, str]]:
    """Adjacent folded words of the table's province names and aliases where one folds to a question word
    ("ha noi": "nói"), the names that are not everyday words too: typed without diacritics they are one name,
    not a question word beside a syllable."""
    raw = _data(os.environ.get("CANCU_LEXICON_DIR"))
    ambiguous = {_key(a) for a in raw.get("ambiguous", [])}
    pairs = set()
    for name in [*raw["provinces"], *raw["aliases"]]:
        key = _key(name)
        if key in ambiguous:
            continue
        words = key.split()
        pairs |= {p for p in itertools.pairwise(words) if set(p) & question_words}
    return frozenset(pairs)


@functools.lru_cache(maxsize=1)
def province_keys() -> tuple[str, ...]:
    """The folded names of the provinces and their aliases, longest first ("thua thien hue" before "hue")."""
    raw = _data(os.environ.get("CANCU_LEXICON_DIR"))
    return tuple(sorted({_key(n) for n in [*raw["provinces"], *raw["aliases"]]}, key=len, reverse=True))


#: How many words after a local body's name ("Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh") its place may come.
BODY_REACH = 9


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(name).lower()).strip()


def _accented(name: str) -> str:
    return re.sub(r"\s+", " ", place_tones(name).lower().replace("-", " ")).strip()


@dataclass(frozen=True)
class Places:
    names: Mapping[str, str]  # folded key of every form -> folded key of the place it names
    accented: Mapping[str, str]  # folded key -> accented lowercase form, to tell "Hà Nam" from "hạ năm"
    ambiguous: frozenset[str]  # folded forms that are everyday words too: a capital or a cue is needed
    cues: tuple[str, ...]  # folded words that announce a place ("ở", "tỉnh")
    local_bodies: tuple[str, ...]  # folded words of a local issuer ("ủy ban nhân dân", "sở")
    same: Mapping[str, str]  # place key -> the key it is the same place as
    longest: int = 1  # words in the longest name
    not_places: tuple[str, ...] = ()  # folded names holding a place's name that name no place ("doan tncs ho chi minh")
    first_words: frozenset[str] = field(default=frozenset(), compare=False)  # the first word of every name's key
    # doc_id -> (its header, the places it is about): kept across catalog versions while the header is the same
    _about: dict[str, tuple[Any, set[str]]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_heads(cls, heads: Iterable[Any]) -> Places:
        """The table's places with every local document's header place."""
        overlay = os.environ.get("CANCU_LEXICON_DIR")
        raw = _data(overlay)
        local_bodies = _local_bodies(overlay)
        forms: dict[str, str] = {}
        kinds = sorted(((k, _key(k) + " ") for k in raw["kinds"]), key=lambda k: -len(k[0]))
        # thousands of plans, few places: each read once, in the order met
        local = dict.fromkeys(h.place for h in heads if h.place and _is_local(h, local_bodies))
        for name in [*raw["provinces"], *local]:
            bare = _strip_kind(name, kinds)
            forms.setdefault(_key(bare), _accented(bare))
        names = {k: k for k in forms}
        for alias, target in raw["aliases"].items():
            names[_key(alias)] = _key(target)
            forms.setdefault(_key(alias), _accented(alias))
        same = {}
        for group in raw["same_place"]:
            keys = [_key(g) for g in group]
            same |= {k: keys[0] for k in keys}
        return cls(
            names=names,
            accented=forms,
            ambiguous=frozenset(_key(a) for a in raw.get("ambiguous", [])),
            cues=tuple(_key(c) for c in raw["cues"]),
            local_bodies=local_bodies,
            same=same,
            longest=max((len(k.split()) for k in names), default=1),
            first_words=frozenset(k.split()[0] for k in names if k),
            not_places=tuple(_key(n) for n in raw.get("not_places", [])),
        )

    def _unplaced(self, folded: list[str]) -> list[str]:
        """Folded words with those of a name that holds a place's name but names no place ("Đoàn TNCS Hồ Chí Minh",
        places.json ``not_places``) blanked: a union's name in a header or a question is no city."""
        out = list(folded)
        for name in self.not_places:
            n = len(parts := name.split())
            for i in range(len(out) - n + 1):
                if out[i : i + n] == parts:
                    out[i : i + n] = [""] * n
        return out

    def _canonical(self, key: str) -> str:
        place = self.names[key]
        return self.same.get(place, place)

    def display(self, place: str) -> str:
        """A place's name as written ("Hồ Chí Minh")."""
        return " ".join(w[:1].upper() + w[1:] for w in self.accented.get(place, place).split())

    def named_in(self, text: str) -> set[str]:
        """Places a question names: with the question's accents when it has them; a name that is an everyday word
        too ("hòa bình", "nam dinh") only typed with a capital or after a cue ("ở", "tỉnh")."""
        words = [(m.group(0), m.start()) for m in re.finditer(r"[\wÀ-ỹ]+", text)]
        folded = self._unplaced([_key(w) for w, _ in words])
        accented = has_diacritics(text)
        found: set[str] = set()
        longest = self.longest
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                key = " ".join(folded[i : i + n])
                if key not in self.names:
                    continue
                typed = " ".join(w for w, _ in words[i : i + n])
                if accented and has_diacritics(typed) and _accented(typed) != self.accented.get(key, _accented(typed)):
                    continue  # "hạ năm" is not Hà Nam
                before = " ".join(folded[max(0, i - 3) : i])
                cued = any(before == c or before.endswith(" " + c) for c in self.cues)
                if key not in self.ambiguous or cued or typed[:1].isupper():
                    found.add(self._canonical(key))
                    i += n - 1
                    break
            i += 1
        return found

    def of_document(self, head: Any) -> set[str]:
        """Places a document is about (none for a national text), read once per header."""
        got = self._about.get(head.doc_id)
        if got is None or (got[0] is not head and got[0] != head):  # the same object within a version: no compare
            got = self._about[head.doc_id] = (head, self._read_places(head))
        return got[1]

    def adopt(self, earlier: Places, heads: Iterable[Any]) -> None:
        """Keep what the table of an earlier catalog version read of the headers still held, when the two tables
        are the same (an upload that adds no place): a new version does not read every header again."""
        if earlier == self:
            for h in heads:
                got = earlier._about.get(h.doc_id)
                if got is not None and got[0] == h:
                    self._about[h.doc_id] = (h, got[1])

    def _read_places(self, head: Any) -> set[str]:
        text = " ".join(f for f in (head.issuer, head.title) if f)
        found = {
            self._canonical(k) for k in self._spans(" ".join(self._unplaced(_key(text).split()))) if k in self.accented
        }
        # the managing body's place as a place ("Sở Giáo dục và Đào tạo tỉnh Lạng Sơn"), not a name it holds
        # ("Tỉnh đoàn … Đoàn TNCS Hồ Chí Minh")
        found |= set(self.named_as_places(getattr(head, "managing_body", None) or ""))
        if head.place and _is_local(head, self.local_bodies):
            found |= {self._canonical(k) for k in self._spans(_key(head.place))}
        return found

    def _spans(self, key: str) -> set[str]:
        """The names that are runs of a folded text's words (looked up, not searched for one by one)."""
        words = key.split()
        return {
            span
            for i in range(len(words))
            for n in range(1, min(self.longest, len(words) - i) + 1)
            if (span := " ".join(words[i : i + n])) in self.names
        }

    def bodies_named(self, text: str, places: set[str], bodies_as: Sequence[str] = ()) -> set[str]:
        """The places among ``places`` whose local body the text names, in one clause ("UBND tỉnh Lạng Sơn có quyết
        định …", "sở gd tphcm"): a document of that body is asked, which a national text is not. ``bodies_as``:
        other folded words that name the body here (a level word, "tỉnh An Giang", of a clause asking whether the
        place issued a document)."""
        bodies = [b.split() for b in (*self.local_bodies, *bodies_as)]
        out: set[str] = set()
        for clause in re.split(r"[,;:?!.]", text):
            words = _key(clause).split()
            for i in range(len(words)):
                if any(words[i : i + len(b)] == b for b in bodies):
                    after = " ".join(words[i + 1 : i + 1 + BODY_REACH])
                    out |= {self._canonical(k) for k in self._spans(after)} & places
        return out

    def named_as_places(self, text: str) -> dict[str, int]:
        """How often a text names each place as a place: after a word announcing one ("tỉnh Gia Lai", "tại Đắk Lắk")
        or in a list of places ("Quảng Ngãi, Khánh Hoà, Gia Lai"); not as part of another name ("tư tưởng Hồ Chí
        Minh", "Đại học Công nghiệp Hà Nội") nor of a date line ("Hà Nội, ngày …"). One pass over the text."""
        tokens = re.findall(r"[a-z0-9]+|[,;]", fold(text).lower())
        spans: dict[int, tuple[int, str]] = {}  # start -> (end, place)
        i = 0
        while i < len(tokens):
            if tokens[i] in self.first_words:
                for n in range(min(self.longest, len(tokens) - i), 0, -1):
                    key = " ".join(tokens[i : i + n])
                    if key in self.names:
                        spans[i] = (i + n, self._canonical(key))
                        i += n - 1
                        break
            i += 1
        ends = {end for end, _ in spans.values()}
        times: dict[str, int] = {}
        for start, (end, place) in spans.items():
            before = " " + " ".join(tokens[max(0, start - 3) : start])
            if (
                any(before.endswith(" " + c) for c in self.cues)
                or (start >= 1 and tokens[start - 1] in _LISTED and start - 1 in ends)
                or (end < len(tokens) and tokens[end] in _LISTED and end + 1 in spans)
            ):
                times[place] = times.get(place, 0) + 1
        return times

    def mentioned(self, places: set[str], text: str) -> bool:
        """Whether a text names one of these places (any form)."""
        padded = f" {_key(text)} "
        return any(f" {k} " in padded for k in self.names if self._canonical(k) in places)


#: What parts the names of a list of places ("Gia Lai, Đắk Lắk và Lâm Đồng").
_LISTED = frozenset({",", ";", "va"})


def _strip_kind(name: str, kinds: list[tuple[str, str]]) -> str:
    """ "Thành phố Hồ Chí Minh" -> "Hồ Chí Minh": the kind of place is not part of its name (``kinds``: each kind
    with its folded key and a space, longest first)."""
    key = _key(name)
    for kind, folded in kinds:
        if key.startswith(folded):
            return name[len(kind) :].strip()
    return name


def shows_place(head: Any) -> bool:
    """Whether a document's place (where its date line says it was signed) tells it apart: a local body's, or one
    whose issuer was not read; not a national body's ("Quốc hội", "Thủ tướng Chính phủ" sign in the capital)."""
    if not (head.issuer or getattr(head, "managing_body", None)):
        return True
    return _is_local(head, _local_bodies(os.environ.get("CANCU_LEXICON_DIR")))


@cache
def _local_bodies(overlay: str | None) -> tuple[str, ...]:
    return tuple(_key(b) for b in _data(overlay)["local_bodies"])


def _is_local(head: Any, local_bodies: tuple[str, ...]) -> bool:
    """Whether the issuer (or its managing body) is a local body: its name opens with one ("Sở …", "UBND …")."""
    bodies = [_key(f) for f in (head.issuer, getattr(head, "managing_body", None)) if f]
    return any(b == k or b.startswith(k + " ") for b in bodies for k in local_bodies)
