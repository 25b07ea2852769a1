"""Levels of education a question asks of, against those the documents found are about.

"Định mức tiết dạy của giáo viên mầm non" asks of mầm non; the circular found is about "giáo viên phổ thông, dự bị
đại học": not its people. A level named as a qualification or an exam ("thi tốt nghiệp THPT được 15 điểm, xét vào
cao đẳng") asks of no level (lexicon ``qualifications``). A section titled for other levels of schooling than the
clause asking names ("Thủ tục cho phép trường mầm non …" for a primary school's) does not answer it, and one titled
for the level asked, quoted after it, goes first.

    level_elsewhere(q, draft, ctx)  # "asks of mam non; the documents found are about pho thong", or None
    member_first(q, draft, ctx)     # the draft, a section titled for the level asked first
"""

from __future__ import annotations

import functools

from retrieval.answers.context import Context
from retrieval.answers.evidence import Draft
from retrieval.answers.question import Question, fkey, has
from retrieval.answers.siblings import members
from retrieval.lexicon import lexicon


def _levels(key: str) -> set[str]:
    """The levels of education folded words name (lexicon ``education_levels``)."""
    return {level for level, words in lexicon().education_levels.items() if has(key, *words)}


def level_elsewhere(q: Question, draft: Draft, ctx: Context) -> str | None:
    """A question naming only levels of education that the titles of the documents found name none of, when they
    name one ("giáo viên mầm non" of the circular for "giáo viên phổ thông"; "thi tốt nghiệp THPT" asks of no level);
    or that the first section quoted is titled for others ("I. LĨNH VỰC GIÁO DỤC MẦM NON", "Thủ tục công nhận
    trường trung học phổ thông …" for a lower-secondary school's)."""
    asked = _levels(_unqualified(q.key))
    if not asked:
        return None
    first = draft.evidence[0]
    titles = _titles(ctx, first.doc_id, first.section)
    key = _asked_key(q, ctx, first.doc_id)
    for of, headed in _headed(key, titles):
        if headed and not headed & of:
            return f"asks of {', '.join(sorted(of))}; the section found is headed for {', '.join(sorted(headed))}"
    titled: set[str] = set()
    for d in {e.doc_id for e in draft.evidence}:
        head = ctx.index.head(d)
        title = (head.title if head is not None else None) or ""
        named = _levels(fkey(title))  # folded as the question's key is
        if not named:  # a document about no one level: the section quoted may be headed for one the clause asking
            # names none of (a story's "giáo viên mầm non" names the asker, not what a fee's clause is asked of)
            headed = _levels(fkey(" ".join(titles)))
            of = _levels(key)
            if not headed or not of or of & headed:
                return None
            return f"asks of {', '.join(sorted(of))}; the section found is about {', '.join(sorted(headed))}"
        titled |= named
    if asked & titled:
        return None
    return f"asks of {', '.join(sorted(asked))}; the documents found are about {', '.join(sorted(titled))}"


def member_first(q: Question, draft: Draft, ctx: Context) -> Draft:
    """The first section quoted titled for other members of a family of exclusive qualifiers than the question asks
    of: a later one titled for a member asked ("chuyển trường THCS": the lower-secondary procedure, not the
    upper-secondary one found first) or for all ("ở các trường phổ thông") goes first. The draft, reordered in
    place."""
    ev = draft.evidence
    key = _asked_key(q, ctx, ev[0].doc_id) if ev else ""
    if len(ev) < 2 or not _levels(key):
        return draft
    if not any(h and not h & m for m, h in _headed(key, _titles(ctx, ev[0].doc_id, ev[0].section))):
        return draft
    later = [(k, _headed(key, _titles(ctx, e.doc_id, e.section))) for k, e in enumerate(ev[1:], 1)]
    if asked_for := [k for k, pairs in later if any(h & m for m, h in pairs)]:
        ev.insert(0, ev.pop(asked_for[0]))
    return draft


def _asked_key(q: Question, ctx: Context, doc_id: str) -> str:
    """The folded words that ask, a story told first left out ("Em là giáo viên THCS … Em có được giảm …?": the
    asker's own level, not the one a procedure is asked of), and the name of the document's issuer or managing body
    ("Trường THCS An Bình tư vấn tuyển sinh lớp 10 …" asks of the school's plan, not of THCS)."""
    key = _unqualified(fkey(q.asked) if q.told_apart and q.asked else q.key)
    doc = ctx.index.get(doc_id)
    for name in (doc.issuer, doc.managing_body):
        if name and (folded := fkey(name).strip()):
            key = key.replace(f" {folded} ", " ")
    return key


def _unqualified(key: str) -> str:
    """Folded words without the levels they name as qualifications ("thi tốt nghiệp THPT")."""
    return functools.reduce(lambda k, p: k.replace(f" {p} ", " "), lexicon().qualifications, key)


def _titles(ctx: Context, doc_id: str, section: str) -> list[str]:
    """The titles over a section, nearest first: the headings standing alone on their lines ("I. LĨNH VỰC GIÁO DỤC
    MẦM NON", "6. Thủ tục cho phép trường mầm non …"), not a clause's first words read as its heading ("2. Giáo viên
    nữ nuôi con … ở trường tiểu học được giảm 04 tiết/tuần, …")."""
    doc = ctx.index.get(doc_id)
    out = []
    sec = doc.section(section)
    while sec is not None:
        lines = doc.section_text(sec.id, own=True).strip().splitlines()
        heading = sec.heading.rstrip(" .:;")
        if lines and heading and not heading.endswith("…") and lines[0].rstrip(" .:;").endswith(heading):
            out.append(heading)
        sec = doc.section(sec.parent) if sec.parent else None
    return out


def _headed(key: str, titles: list[str]) -> list[tuple[set[str], set[str]]]:
    """For each family of levels of schooling (lexicon ``siblings`` sharing words with ``education_levels``: mầm non,
    tiểu học, THCS, THPT …) the question (folded ``key``) names members of: those members, and the members the
    nearest of the ``titles`` naming any names (all of them when one naming several at once comes first, "LĨNH VỰC
    GIÁO DỤC TRUNG HỌC": lexicon ``siblings.spanning``; none when no title names any)."""
    lx = lexicon()
    levels = {w for words in lx.education_levels.values() for w in words}
    out = []
    for family in lx.siblings:
        if not levels & {w for words in family.values() for w in words}:
            continue  # the levels of schooling, not those of administration a prize is set at
        asked = members(family, key)
        if not asked:
            continue
        headed: set[str] = set()
        for title in titles:
            rest = fkey(title)
            named = members(family, rest)
            for words in family.values():
                for w in words:
                    rest = rest.replace(f" {w} ", " ")
            if has(rest, *lx.siblings_spanning) and not named & asked:
                headed = set(family)  # a title naming several members at once rules for any
                break
            if named:
                headed = named
                break
        out.append((asked, headed))
    return out
