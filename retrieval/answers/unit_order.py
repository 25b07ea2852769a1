"""Which section answers first when a question names a unit: the unit's own section among the best ones, not
another unit's whose day it states, not the unit a report is sent to; and the order-keeping step those share.

    hits = unit_first(q, ctx, doc_id, hits)  # "Thuế tỉnh phải cho ý kiến về những nội dung gì?"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from core.types import Document, part_of
from ingest.lexicon import lexicon as ingest_lexicon
from retrieval.answers.context import Context
from retrieval.answers.question import Question, fkey, has
from retrieval.extract import section_lines
from retrieval.lexicon import lexicon
from retrieval.search import SectionHit
from retrieval.targeting import profile_text
from retrieval.unit_names import unit_heads, unit_words
from retrieval.units_catalog import UnitCatalog, UnitMatch

UNIT_HITS = 6  # best hits read for the section of a unit the question names


#: A unit named by its head word ("thuế tỉnh", "sở …"), not by words of its name that say what it works on
#: ("khu công nghiệp" of "Ban Quản lý các khu công nghệ cao và khu công nghiệp").
_HEAD = re.compile("|".join(rf"{re.escape(h)}\b" for h in unit_heads()))


def _named_sections(ctx: Context, doc_id: str, found: list[UnitMatch]) -> set[str]:
    """The own sections of the units a question names in its document (``found``: the catalog's matches of the
    question there), not a unit its header names (the bodies of its masthead also read as the matches' keys are,
    abbreviations written out: "TRƯỜNG THCS …" of a programme two bodies sign is the "trường trung học cơ sở …" a
    question names; not its title's: "… tại các trường THCS" names whom it is for)."""
    doc = ctx.index.get(doc_id)
    catalog = UnitCatalog(ctx.index.catalog, ctx.analyzer)
    bodies = [catalog.expand(b) for b in _masthead(doc)] if doc else []
    header = f" {' | '.join([unit_words(profile_text(doc)), *bodies])} " if doc else ""
    named = {
        m.section
        for m in found
        if m.whole_section and m.has_lines and _HEAD.match(m.key) and f" {m.key} " not in header
    }
    # of two sections named, one holding the other, the inner one is the unit's own: an article headed for two
    # units ("Trách nhiệm của Ủy ban nhân dân cấp tỉnh và Ủy ban nhân dân cấp xã") holds the clause of the one
    # named ("2. Ủy ban nhân dân cấp xã có trách nhiệm:")
    return {n for n in named if not any(o != n and part_of(o, n) for o in named)}


def _masthead(doc: Document) -> list[str]:
    """The issuing bodies a document's header names: its lines before the one naming its kind ("CÔNG AN XÃ …",
    "TRƯỜNG THCS …" above "CHƯƠNG TRÌNH PHỐI HỢP"), and its issuer and managing body as read."""
    lines = [ln.text for ln in section_lines(doc, "header")]
    typed = next((i for i, t in enumerate(lines) if ingest_lexicon().doc_type_re.match(t.strip())), len(lines))
    return [*lines[:typed], *(b for b in (doc.issuer, doc.managing_body) if b)]


def unit_first(
    q: Question, ctx: Context, doc_id: str, hits: list[SectionHit], named: set[str] | None = None
) -> list[SectionHit]:
    """A question naming a unit whose own section its document has ("Thuế tỉnh phải cho ý kiến về những nội dung
    gì?", not asking its duties in so many words): that section among the best ones answers first. ``named``: those
    sections, when the caller has read them."""
    doc = ctx.index.get(doc_id)
    if named is None or q.told_apart:
        found = UnitCatalog(ctx.index.catalog, ctx.analyzer).find(q.text, focus=[doc_id])
        if _told_of_only(q, ctx, doc_id, found):
            return hits
        named = _named_sections(ctx, doc_id, found) if named is None else named
    for i, h in enumerate(hits[:UNIT_HITS]):
        if h.doc_id == doc_id and any(part_of(h.section, n) for n in named):
            return [h, *hits[:i], *hits[i + 1 :]]  # (a part of the unit's section already first stays)
    if len(named) == 1 and doc is not None and (sec := doc.section(next(iter(named)))) is not None:
        return [SectionHit(doc_id, sec.id, sec.heading, hits[0].score if hits else 1.0), *hits]
    return hits


def _told_of_only(q: Question, ctx: Context, doc_id: str, found: list[UnitMatch]) -> bool:
    """Whether the units a question names are only in the story told before the sentence that asks, which asks no
    duties: the asker's own body ("Mình làm ở UBND phường …. Nếu văn bản góp ý … thì được hiểu thế nào?"). The
    sentence names one by a word of its name ("bên thuế" of "Thuế tỉnh"), not only by a word that names no unit
    alone, a level or a question word ("đơn vị mình", "sở tôi", "phường"), or in full ("giao UBND cấp xã …"); a
    body word doing a unit's work names it ("thì phường báo cáo kết quả qua đâu": ``_body_acts``)."""
    if not q.told_apart or has(fkey(q.asked), *lexicon().intents["duty"]) or _own_duty(q.asked):
        return False
    if _body_acts(q.asked):
        return False
    asked = fkey(q.asked)
    if any(has(asked, *_own_words(m.name)) for m in found):
        return False
    return not UnitCatalog(ctx.index.catalog, ctx.analyzer).find(q.asked, focus=[doc_id])


@cache
def _common() -> frozenset[str]:
    """Words that name no unit alone: a bare head ("sở", "đơn vị"), a level ("xã", "cấp tỉnh"), a question word."""
    lx = lexicon()
    common = {w for b in lx.units.get("bare", []) for w in b.split()} | set(lx.question_words)
    common |= {w for forms in lx.units.get("levels", []) for form in forms for w in form.split()}
    return frozenset(common)


def _own_words(name: str) -> list[str]:
    """The runs of a unit's name between its common words ("xay dung" of "Sở Xây dựng", "thue" and "dak lak" of "Thuế
    tỉnh Đắk Lắk"): a sentence names the unit by one of them whole, not by one syllable ("nội dung")."""
    runs, run = [], []
    for w in [*unit_words(name).split(), ""]:
        if w and w not in _common():
            run.append(w)
        elif run:
            runs.append(" ".join(run))
            run = []
    return runs


def _body_acts(sentence: str) -> bool:
    """Whether a body word typed with its marks (lexicon ``units.own_body_written``: "phường", "sở") is followed by
    a verb of a unit's work (``units.verbs``, or "phải"): "… thì phường báo cáo kết quả …", "sở phải …". Folded, the
    words are others' too ("bạn phải", "số … phải", "học xa phải"): a sentence typed without marks names none so."""
    units = lexicon().units
    text = " " + " ".join(re.findall(r"[^\W_]+", sentence.lower())) + " "
    verbs = [*(v.lower() for v in units.get("verbs", [])), "phải"]
    return any(f" {b} {v} " in text for b in units.get("own_body_written", []) for v in verbs)


def _own_duty(sentence: str) -> bool:
    """Whether a sentence asks what the asker's own body must do: "xã mình phải đánh giá những gì", "phía sở em lo
    phần nào", "chúng tôi phải …" (lexicon ``units.own_body``, ``own_body_pronouns``, ``own_body_plural``,
    ``own_duty_words``)."""
    units = lexicon().units
    key = fkey(sentence)
    own = (body := _own_body()) is not None and body.search(key) is not None
    own = own or has(key, *units.get("own_body_plural", []))  # "chúng tôi phải …"
    return bool(own) and has(key, *units.get("own_duty_words", []))


@cache
def _own_body() -> re.Pattern[str] | None:
    """A body word, at most one word, a pronoun ("xa minh", "phia so em"), from the lexicon; None without them."""
    units = lexicon().units
    bodies = "|".join(map(re.escape, units.get("own_body", [])))
    pronouns = "|".join(map(re.escape, units.get("own_body_pronouns", [])))
    return re.compile(rf" (?:{bodies})(?: \w+)? (?:{pronouns}) ") if bodies and pronouns else None


def named_unit_before_other(
    q: Question, ctx: Context, doc_id: str, hits: list[SectionHit], stating: Callable[[str], bool]
) -> list[SectionHit]:
    """A day asked of a unit whose own section its document has, when the first section states a day (``stating``)
    and is, or is a part of, another unit's own section ("Sở Tài chính phải báo cáo trước ngày nào?" of a directive
    where only "2. Sở Nông nghiệp và Môi trường" states a day, its own aggregation deadline): the unit's section
    first, with the other's score, so that the other's day stays quoted after it."""
    if not hits or hits[0].doc_id != doc_id:
        return hits
    doc = ctx.index.get(doc_id)
    catalog = UnitCatalog(ctx.index.catalog, ctx.analyzer)
    found = catalog.find(q.text, focus=[doc_id])
    sent_to = catalog.sent_to(q.text, {m.key for m in found})  # "gửi báo cáo … cho Sở KH&CN": not who is asked
    named = _named_sections(ctx, doc_id, [m for m in found if m.key not in sent_to])
    first = hits[0]
    if not named or any(part_of(first.section, n) for n in named):
        return hits
    if not any(stating(ln.text) for ln in section_lines(doc, first.section, own=False)):
        return hits  # no day of another's first: nothing to take for the unit's
    keys = {m.key for m in found if m.section in named}
    sec = doc.section(first.section)
    while sec is not None:  # the other unit's own section: the first one, or one it is a part of
        heading = unit_words(sec.heading)
        if any(m.whole_section and m.section == sec.id for m in catalog.find(sec.heading, focus=[doc_id])):
            # one other unit, not a group the unit asked may be among ("Các đơn vị, địa phương … báo cáo … chậm
            # nhất ngày 17 tháng 12"), nor a heading naming it beside others ("Sở Tài chính, Sở Xây dựng, …")
            group = f"{heading} ".startswith(tuple(f"{w} " for w in lexicon().units["group_words"]))
            if group or any(f" {k} " in f" {heading} " for k in keys):
                return hits
            moved = unit_first(q, ctx, doc_id, hits, named)
            return [replace(moved[0], score=first.score), *moved[1:]] if moved[0] is not first else hits
        sec = doc.section(sec.parent) if sec.parent else None
    return hits


def recipient_not_first(q: Question, ctx: Context, hits: list[SectionHit]) -> list[SectionHit]:
    """A unit the question names as where something goes ("… báo cáo kết quả qua Sở KH&CN trước ngày mấy?",
    lexicon ``units.recipient_cues``) is not who is asked: when its own section is first and another of the first
    ones scores alike (``runner_up``), that one answers first."""
    if len(hits) < 2 or not has(q.key, *lexicon().units["recipient_cues"]):
        return hits
    catalog = UnitCatalog(ctx.index.catalog, ctx.analyzer)
    found = [m for m in catalog.find(q.text, focus=[hits[0].doc_id]) if m.whole_section]
    keys = catalog.sent_to(q.text, {m.key for m in found})
    gone_to = {(m.doc_id, m.section) for m in found if m.key in keys}
    # its section or a part of it ("Điều 12.3" of "Điều 12. Trách nhiệm của Sở Khoa học và Công nghệ")
    return give_way(ctx, hits, lambda h: any(h.doc_id == d and part_of(h.section, s) for d, s in gone_to))


def give_way(ctx: Context, hits: list[SectionHit], unfit: Callable[[SectionHit], bool]) -> list[SectionHit]:
    """The first section, when ``unfit``, behind the first of the next ones scoring alike (``runner_up``) that is
    not; the order as it was otherwise."""
    if not unfit(hits[0]):
        return hits
    share = ctx.policy.answer.runner_up * hits[0].score
    for i, h in enumerate(hits[1:UNIT_HITS], 1):
        if h.score >= share and not unfit(h):
            return [h, *hits[:i], *hits[i + 1 :]]
    return hits
