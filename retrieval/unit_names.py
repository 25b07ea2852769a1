"""The phrases a unit is named by (its keys) and the words a name opens with, read alike from documents and
questions: folded words, abbreviations written out, "các" dropped, other names of a level of local government
("ủy ban nhân dân xã, phường" is also "… cấp xã"), a head word and initials ("phòng qt", "sở gd").

    unit_keys("Phòng Công tác sinh viên")   # {"phong cong tac sinh vien", "cong tac sinh vien", "phong ctsv"}
"""

from __future__ import annotations

import re
from functools import cache

from core.text import fold
from retrieval.lexicon import lexicon
from retrieval.places import province_keys

_LEADING = ("tat ca cac ", "cac ", "nhung ")


def unit_words(text: str) -> str:
    """Folded words only: "Phòng Văn hóa – Xã hội" -> "phong van hoa xa hoi"."""
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(text).lower()).split())


def unit_keys(name: str) -> set[str]:
    """Phrases that name a unit in a question: full name, main component, without "các"/"phòng"."""
    full = unit_words(name)
    keys = {full}
    lead = re.split(r"[(<\[–:]", name, maxsplit=1)[0]  # "Phòng X (gọi tắt …)" is also just "Phòng X"
    if lead != name and len(unit_words(lead).split()) >= 2:
        keys.add(unit_words(lead))
    pieces = re.split(r"(,|\s+và\s+)", name)  # parts and the separators between them
    parts = _levels_joined([unit_words(p) for p in pieces[::2]], [sep == "," for sep in pieces[1::2]])
    keys.update(p for p in parts[:1] if len(p.split()) >= 2)
    people = re.split(r" (?:co quan|cua|thuoc|tai|trong) ", full, maxsplit=1)[0]
    if people != full and len(people.split()) >= 3:
        keys.add(people)  # "Cán bộ, công chức cơ quan Phòng GDĐT" is also "cán bộ công chức"
    keys.update(p for p in parts[1:] if len(p.split()) >= 3)
    for k in list(keys):
        for lead in (*_LEADING, *_assigning()):
            if k.startswith(lead) and len(k[len(lead) :].split()) >= 2:
                keys.add(k[len(lead) :])
        if k.startswith("phong ") and k != "phong" and len(k.split()) >= 3:
            keys.add(k[len("phong ") :])
    local = _without_province(full)  # "Thuế tỉnh Đắk Lắk" is "thuế tỉnh" in its own province's plan
    if local:
        keys.add(local)
    keys |= _written_out(keys)
    keys |= _other_levels(keys)
    # "các tổ chức đoàn thể" is also "đoàn thể": a kind of organisation, named by its own two words
    orgs = {k[len("to chuc ") :] for k in keys if k.startswith("to chuc ") and len(k.split()) == 4}
    # a derived key ("cong tac sinh vien") must be specific; the full name may be short ("van phong")
    # "Phòng Quản trị" is also "phòng qt", "Đoàn Thanh niên" "đoàn tn"; "Sở Giáo dục và Đào tạo" "sở gd" as well
    initials = {i for i in (_initials(name), _initials(re.split(r"\s+và\s+", name, maxsplit=1)[0])) if i}
    named = {k for k in keys if (k in (full, local) and len(k.split()) >= 2) or len(k.split()) >= 3}
    return named | orgs | initials | _person(name)


def _person(name: str) -> set[str]:
    """The person a unit's heading names in a parenthesis after a title ("Phó Hiệu trưởng (bà Đào Thị Mai Lan)":
    "dao thi mai lan"; lexicon ``units.honorifics``), a name of two capitalised words or more."""
    titles = "|".join(re.escape(h) for h in lexicon().units.get("honorifics", ()))
    m = re.search(rf"\((?:{titles})\s+([^()]+?)\)", name, re.I) if titles else None
    words = m.group(1).split() if m else []
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return set()  # "(bà con ngư dân)", "(cô giáo chủ nhiệm các lớp)": no one's name
    return {unit_words(" ".join(words))}


@cache
def _assigning() -> tuple[str, ...]:
    """The words that give a unit its task before its name ("Giao Sở Tư pháp …", "Đề nghị Ủy ban Mặt trận …";
    lexicon ``units.assign``), folded: the name is also the words after them."""
    return tuple(f"{unit_words(a)} " for a in lexicon().units["assign"])


def _levels_joined(parts: list[str], commas: list[bool]) -> list[str]:
    """Parts of a name split at its commas, with a list of levels of local government kept whole ("UBND xã, phường"
    is "ubnd xa phuong", not "ubnd xa" and "phuong"): a part that is a level's form joins the one before when the
    levels they end with read together as one of the lexicon's forms (units.levels: "xa phuong", "xa phuong dac
    khu"; not "phuong xa", whose keys then stay as they were), across a comma only (``commas``: the separator before
    each part but the first; "UBND tỉnh và huyện" stays two)."""
    forms = {f for level in _levels() for f in level}
    out: list[str] = []
    for i, part in enumerate(parts):
        joined = f"{out[-1]} {part}" if out else part
        words = joined.split()
        tail = next((" ".join(words[j:]) for j in range(len(words)) if " ".join(words[j:]) in forms), None)
        if i and commas[i - 1] and part in forms and tail is not None and len(tail.split()) > len(part.split()):
            out[-1] = joined
        else:
            out.append(part)
    return out


def _without_province(full: str) -> str | None:
    """A unit's name without the province it ends with ("thue tinh dak lak" -> "thue tinh"), two words or more."""
    for place in province_keys():
        if full.endswith(" " + place):
            rest = full[: -len(place) - 1]
            return rest if len(rest.split()) >= 2 else None
    return None


def _written_out(keys: set[str]) -> set[str]:
    """A name as a question written out reads it: abbreviations expanded ("ubnd" -> "uy ban nhan dan", as
    ``UnitCatalog.expand`` does to the question) and "các"/"những" after the head dropped ("UBND các xã, phường" is
    "UBND xã, phường")."""
    abbreviations = lexicon().abbreviations
    out = set()
    for k in keys:
        words = k.split()
        spelled = [unit_words(abbreviations[w]) if len(w) >= 3 and w in abbreviations else w for w in words]
        kept = [w for i, w in enumerate(spelled) if not (i and w in ("cac", "nhung"))]
        for variant in (" ".join(spelled), " ".join(kept)):
            if variant != k and len(variant.split()) >= 3:
                out.add(variant)
    return out


def _other_levels(keys: set[str]) -> set[str]:
    """A unit of one level of local government by that level's other names: "uy ban nhan dan xa phuong" is also
    "uy ban nhan dan phuong", "uy ban nhan dan cap xa" (lexicon units.levels)."""
    out = set()
    for forms in _levels():
        for k in keys:
            for form in forms:
                if k.endswith(" " + form) and len(k.split()) > len(form.split()):
                    head = k[: -len(form) - 1]
                    out.update(f"{head} {f}" for f in forms)
                    break
    return out


@cache
def unit_heads() -> tuple[str, ...]:
    """The head words units are named by ("so", "cong an", "uy ban"), folded, longest first."""
    return tuple(sorted({unit_words(h) for h in lexicon().units["heads"]}, key=len, reverse=True))


@cache
def _levels() -> tuple[tuple[str, ...], ...]:
    """Each level's forms (lexicon units.levels), longest first."""
    return tuple(tuple(sorted(forms, key=len, reverse=True)) for forms in lexicon().units.get("levels", []))


def _initials(name: str) -> str | None:
    """A unit's head word and the initials of the rest of its name ("phong qt"), as people abbreviate it."""
    lead = unit_words(re.split(r"[(<\[:,]", name, maxsplit=1)[0])
    head = next((h for h in unit_heads() if lead.startswith(h + " ")), None)
    if head is None:
        return None
    rest = [w for w in lead[len(head) :].split() if w != "va"]
    return f"{head} {''.join(w[0] for w in rest)}" if 2 <= len(rest) <= 6 else None


def headed(name: str) -> bool:
    """Whether a name, or a key, opens with a body's head word ("Sở …", "cong an thanh pho"), not a clause's words."""
    words = f"{unit_words(name)} "
    return any(words.startswith(f"{h} ") for h in unit_heads())
