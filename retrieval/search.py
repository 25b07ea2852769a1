"""Section search: query analysis → the document it is about → its best sections.

    searcher.search("phong cong tac sinh vien lam gi", k=3)
    # [Hit(doc_id="kh-cdlc-laocai-2026", section="IV.2", ...), Hit(doc_id="kh-08-cdcd-soctrang-2026", section="III.2", ...)]

Two passes. The first reads the best units over all documents; with each document's header fields (its
*profile*, ``retrieval.targeting``) it says which few documents the question is about. The second searches
each of those documents again, counting less the question's words its header already holds (they named the
document, they do not say where in it the answer is), and leaving out the header and preamble unless asked.
A unit's final score adds its document's match. When a section and one of its ancestors both match, the more
specific one ranks first.
"""

from __future__ import annotations

import heapq
import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from core.ports import Embedder
from core.types import Hit
from retrieval.analyzer import Analyzer, token_index
from retrieval.extract import strip_frames
from retrieval.index import Index
from retrieval.points import ScoredUnit, UnitQuery, UnitStore
from retrieval.policy import DEFAULT, Policy, SearchPolicy
from retrieval.targeting import document_scores
from retrieval.thesaurus import alternatives
from retrieval.units import untitled_article

logger = logging.getLogger(__name__)

Mode = Literal["lexical", "dense", "hybrid"]
Sparse = tuple[list[int], list[float]]
#: Units a question about content reads in the second pass (the header and preamble answer facts and bases).
CONTENT = {"unit_kind": "section"}
_NOWHERE: frozenset[str] = frozenset()


@dataclass
class SearchPlan:
    """What the first pass learnt about a query (see ``Searcher.plan``)."""

    sparse: Sparse | None
    dense: list[float] | None
    first: list[ScoredUnit]  # the best units over everything searched
    match: dict[str, float]  # how much the query is about each document, 1.0 for the best
    named: dict[str, float]  # the header-field (profile) match alone, unscaled
    # the legal numbers the query names (token ids): the lines citing them (preambles) count too, and the header
    # unless its own number is every one named
    legal: frozenset[int] = frozenset()
    _chosen: dict[int, list[str]] = field(default_factory=dict, repr=False)

    @property
    def cites(self) -> bool:
        """Whether the query names a legal document by number."""
        return bool(self.legal)

    def chosen(self, n: int) -> list[str]:
        """The ``n`` documents the query is most about; ties (copied plans) by id. Asked several times a question:
        each length once."""
        got = self._chosen.get(n)
        if got is None:
            key = self.match.__getitem__
            if n >= len(self.match):
                got = sorted(self.match, key=lambda d: (-key(d), d))
            else:  # a few of thousands: not a full sort
                got = heapq.nsmallest(n, self.match, key=lambda d: (-key(d), d))
            self._chosen[n] = got
        return list(got)


@dataclass
class SectionHit:
    """A section with the units of it that matched."""

    doc_id: str
    section: str
    heading: str
    score: float
    units: list[dict[str, Any]] = field(default_factory=list)


def put_first(hits: list[SectionHit], doc_id: str, section: str, heading: str) -> list[SectionHit]:
    """``hits`` with a section moved (or put, when not among them) first, scoring as the first one did: the sections
    weighed against the first afterwards are those weighed before the move."""
    hit = next((h for h in hits if (h.doc_id, h.section) == (doc_id, section)), None)
    score = hits[0].score if hits else 1.0
    moved = replace(hit, score=score) if hit is not None else SectionHit(doc_id, section, heading, score)
    return [moved, *(h for h in hits if h is not hit)]


class Searcher:
    """Finds sections for a query; the same object serves the CLI, the API and the bot."""

    def __init__(
        self,
        store: UnitStore,
        index: Index,
        analyzer: Analyzer,
        embedder: Embedder | None,
        mode: Mode,
        policy: Policy = DEFAULT,
    ) -> None:
        self.policy = policy
        self.store = store
        self.index = index
        self.analyzer = analyzer
        self.embedder = embedder
        self.mode: Mode = mode

    def sections(
        self,
        query: str,
        *,
        k: int = 5,
        doc_ids: Sequence[str] | None = None,
        filters: dict[str, Any] | None = None,
        use_names: bool = True,
    ) -> list[SectionHit]:
        """Best sections for a query, most relevant first (``filters`` match payload fields, e.g. unit_kind).

        ``use_names``: let the question choose its documents (the second pass); off, sections are ranked over
        ``doc_ids`` (or everything) in one pass.
        """
        if not query.strip():
            return []
        plan = self.plan(query, doc_ids=doc_ids, filters=filters)
        if plan.sparse is None or not plan.sparse[0] or not use_names:
            return self._merge(self._query(plan.sparse, plan.dense, max(k * 6, 30), doc_ids, filters), k)
        return self.within(plan, plan.chosen(self.policy.search.documents), k=k, filters=filters)

    def plan(
        self, query: str, *, doc_ids: Sequence[str] | None = None, filters: dict[str, Any] | None = None
    ) -> SearchPlan:
        """The first pass: the query's vectors, the best units over ``doc_ids`` (or all), and how much the
        query is about each document (its best unit and its header fields)."""
        synonyms, strong = self._synonyms(query)
        sparse = self.analyzer.query_vector(strip_frames(query), synonyms, strong) if self.mode != "dense" else None
        dense = self.embedder.embed_query(query) if self.embedder and self.mode in ("dense", "hybrid") else None
        p = self.policy.search
        first = self._query(sparse, dense, p.candidates, doc_ids, filters)
        best: dict[str, float] = {}
        for u in first:
            d = u.payload["doc_id"]
            best[d] = max(best.get(d, 0.0), u.score)
        named: dict[str, float] = {}
        if sparse is not None and sparse[0]:
            named = document_scores(self.index.catalog, dict(zip(sparse[0], sparse[1])))
            if doc_ids:
                named = {d: s for d, s in named.items() if d in doc_ids}
        places = self.index.places()
        asked = places.named_in(query)
        of = self.index.document_places() if asked else {}
        if asked:  # a document about the place named whose units fell below the first cut is read too
            self._local_best(best, named, asked, of, sparse, dense, filters)
        match = _combine(best, named, p.profile_weight)
        if asked:  # a document about another place than the question names counts less
            about = {d: of.get(d, _NOWHERE) for d in match}
            for d in heapq.nsmallest(p.documents * 2, match, key=lambda d: -match[d]):
                if not about[d] and self.index.names_places(d, asked, p.place_named):
                    about[d] = asked  # a national text naming the place (a resolution listing the provinces hit)
            local = any(a & asked for a in about.values())  # a document about the place itself is in the running
            for d, a in about.items():
                if a and not a & asked:
                    match[d] *= p.elsewhere_weight
                elif not a and local:  # a national text, beside one about the place
                    match[d] *= p.national_weight
        legal = frozenset(token_index(t) for t in self.analyzer.tokens(query) if t.startswith("L:")) if sparse else None
        return SearchPlan(sparse, dense, first, match, named, legal or frozenset())

    def stressed(self, plan: SearchPlan, asked: str, weight: float) -> SearchPlan:
        """The plan with the words ``asked`` does not hold (nor their synonyms) counting ``weight`` of theirs, for the
        second pass (``within``): a story told before the sentences that ask, or the last question a follow-up's own
        words are put before."""
        if plan.sparse is None or not plan.sparse[0]:
            return plan
        synonyms, strong = self._synonyms(asked)
        kept = set(self.analyzer.query_vector(strip_frames(asked), synonyms, strong)[0])
        weights = [w if i in kept else w * weight for i, w in zip(*plan.sparse)]
        return replace(plan, sparse=(plan.sparse[0], weights))

    def widened(self, plan: SearchPlan, phrases: list[str]) -> SearchPlan:
        """The plan with ``phrases`` searched too, for the second pass: the phrases a question's initials stand for
        in the documents it is about ("htxs": "hoàn thành xuất sắc"), each weighing as one word typed."""
        if plan.sparse is None or not plan.sparse[0]:
            return plan
        merged = dict(zip(*plan.sparse))
        for phrase in phrases:
            share = 1 / len(phrase.split())
            for i, w in zip(*self.analyzer.query_vector(phrase, *self._synonyms(phrase))):
                merged[i] = merged.get(i, 0.0) + w * share
        return replace(plan, sparse=(list(merged), list(merged.values())))

    def _local_best(
        self,
        best: dict[str, float],
        named: dict[str, float],
        asked: set[str],
        of: dict[str, set[str]],
        sparse: Sparse | None,
        dense: list[float] | None,
        filters: dict[str, Any] | None,
    ) -> None:
        """The best unit of each document about a place the question names, when none of its units is among the
        first pass's: among thousands of near-identical plans of other places, the one the question names must not
        need luck at the cut ("Các cơ sở giáo dục ở Mỹ Tú báo cáo … trước ngày nào?")."""
        missing = [d for d in named if d not in best and of.get(d, _NOWHERE) & asked][: self.policy.search.local_reads]
        if not missing:
            return
        for u in self._query(sparse, dense, len(missing) * 4, missing, filters):
            d = u.payload["doc_id"]
            best[d] = max(best.get(d, 0.0), u.score)

    def within(
        self, plan: SearchPlan, doc_ids: Sequence[str], *, k: int = 5, filters: dict[str, Any] | None = None
    ) -> list[SectionHit]:
        """The second pass: each document searched again, the words its header holds counting less."""
        p = self.policy.search
        if plan.sparse is None or not plan.sparse[0]:
            return self._merge(self._query(plan.sparse, plan.dense, max(k * 6, 30), doc_ids, filters), k)
        headers = [self.index.catalog.profile_of(d) for d in doc_ids]
        # the header and preamble are read when the question cites a legal number (the lines citing it), unless it
        # is the document's own ("kh 310 …" names the plan: it asks what the plan says, not what it carries out)
        cites = [plan.cites and bool(plan.legal.difference(header)) for header in headers]
        whole = bool(filters and "unit_kind" in filters)
        queries = [
            UnitQuery(
                (plan.sparse[0], [w * p.named_weight if i in header else w for i, w in zip(*plan.sparse)]),
                plan.dense,
                p.within,
                [d],
                filters if whole or cited else {**(filters or {}), **CONTENT},
                (),
            )
            for d, header, cited in zip(doc_ids, headers, cites)
        ]
        scored: list[tuple[ScoredUnit, float]] = []
        for d, found in zip(doc_ids, self._query_batch(queries)):  # one request for all
            scored += [(u, plan.match.get(d, 0.0)) for u in found]
        top = max((u.score for u, _ in scored), default=0.0) or 1.0
        units = [
            ScoredUnit(payload=u.payload, score=_part_weight(u, p) * u.score / top + p.document_weight * m, id=u.id)
            for u, m in scored
        ]
        units.sort(key=lambda u: (-u.score, u.payload.get("doc_id", ""), u.payload.get("section", "")))
        return self._merge(units, k) or self._merge(plan.first, k)

    def search(
        self, query: str, *, k: int = 5, doc_ids: Sequence[str] | None = None, filters: dict[str, Any] | None = None
    ) -> list[Hit]:
        """Best sections as Hits with the section's own text."""
        out = []
        for h in self.sections(query, k=k, doc_ids=doc_ids, filters=filters):
            doc = self.index.get(h.doc_id)
            out.append(
                Hit(
                    doc_id=h.doc_id,
                    section=h.section,
                    heading=h.heading,
                    text=doc.section_text(h.section, own=True),
                    score=round(h.score, 4),
                )
            )
        return out

    def _query(
        self,
        sparse: Sparse | None,
        dense: list[float] | None,
        limit: int,
        doc_ids: Sequence[str] | None,
        filters: dict[str, Any] | None,
    ) -> list[ScoredUnit]:
        return self._query_batch([UnitQuery(sparse, dense, limit, doc_ids, filters, ())])[0]

    def _query_batch(self, queries: Sequence[UnitQuery]) -> list[list[ScoredUnit]]:
        """Several searches in one store request, each unit with what a search shows of it."""
        found = self.store.query_batch(queries)
        # what is shown of each comes from the catalog, which holds the units of current versions only: a unit
        # of a version that is being replaced or was abandoned is not found, so not read
        hits = self.index.catalog.hits([u.id for units in found for u in units])
        return [
            [ScoredUnit(payload=hits[u.id], score=u.score, id=u.id) for u in units if u.id in hits] for units in found
        ]

    def _merge(self, units: list[ScoredUnit], k: int) -> list[SectionHit]:
        merged: dict[tuple[str, str], SectionHit] = {}
        for u in units:
            p = u.payload
            key = (p.get("doc_id", ""), p.get("section", ""))
            hit = merged.get(key)
            if hit is None:
                merged[key] = SectionHit(key[0], key[1], p.get("heading", ""), u.score, [p])
            else:
                hit.units.append(p)
                hit.score = max(hit.score, u.score)
        ranked = sorted(merged.values(), key=lambda h: (-h.score, h.doc_id, h.section))  # ties in a fixed order
        return _specific_first(ranked, self._lists, k)

    def _synonyms(self, query: str) -> tuple[set[str], set[str]]:
        """Thesaurus phrases for the query: at half weight, or in full when the question's own phrase never
        occurs in the corpus ("chỉ tiêu": the plans say "phấn đấu", and "chỉ" and "tiêu" alone mislead)."""
        df = self.index.term_weights().df
        synonyms: set[str] = set()
        strong: set[str] = set()
        for phrase, alts in alternatives(query).items():
            words = phrase.split()
            absent = len(words) >= 2 and not any(
                df.get(token_index(f"F:{a} {b}"), 0) for a, b in itertools.pairwise(words)
            )
            (strong if absent else synonyms).update(alts)
        return synonyms - strong, strong

    def _lists(self, hit: SectionHit) -> bool:
        """Whether a section announces a list its children complete ("… các tiêu chí sau:"), or states something of
        its own before them: its own text after the heading line runs to ``own_rule`` characters and ends a
        sentence (an article's rule, "Điều 2. Đại học … là đơn vị sự nghiệp công lập, … trực thuộc Bộ Công Thương;
        …", or a part's introduction): then it answers whole, its sub-sections do not go first."""
        doc = self.index.get(hit.doc_id)
        sec = doc.section(hit.section)
        own = doc.text[sec.start : sec.body_end].strip() if sec is not None else ""
        if sec is None or sec.body_end >= sec.end:
            return False
        if "\n" in own:
            body = own.split("\n", 1)[1].strip()
        elif untitled_article(hit.section, own):
            body = own  # an article without a title: its first line is its rule ("Điều 2. Đại học … trực thuộc …")
        else:
            return False
        return own.endswith(":") or (len(body) >= self.policy.search.own_rule and body.endswith((".", ";")))


def _combine(best: dict[str, float], named: dict[str, float], profile_weight: float) -> dict[str, float]:
    """How much a question is about each document: its best unit and its header fields, each scaled to the best."""
    top_unit = max(best.values(), default=0.0) or 1.0
    top_named = max(named.values(), default=0.0) or 1.0
    docs = set(best) | set(named)
    match = {d: best.get(d, 0.0) / top_unit + profile_weight * named.get(d, 0.0) / top_named for d in docs}
    top = max(match.values(), default=0.0) or 1.0
    return {d: m / top for d, m in match.items()}


def _part_weight(unit: ScoredUnit, p: SearchPolicy) -> float:
    """The closing paragraph ("Trên đây là Kế hoạch …") repeats the title, a preamble's account tells what happened
    (searched when it recounts: ``retrieval.prepared``): either counts less than a section."""
    return p.closing_weight if unit.payload.get("section") in ("closing", "preamble") else 1.0


def _is_ancestor(parent: str, child: str) -> bool:
    return child.startswith(parent + ".")


def _specific_first(hits: list[SectionHit], announces_list: Callable[[SectionHit], bool], k: int) -> list[SectionHit]:
    """The first ``k`` hits, a matching sub-section moved ahead of its matching ancestor when it scores comparably.

    Not when the ancestor announces a list ("… khi đạt đủ các tiêu chí sau:"): then the whole list is the answer.
    """
    out = list(hits)
    i = 0
    while i < min(k, len(out)):  # a move only reorders from position i on: the first k are settled once i is k
        anc = out[i]
        child = next(
            (
                j
                for j in range(i + 1, len(out))
                if out[j].doc_id == anc.doc_id
                and _is_ancestor(anc.section, out[j].section)
                and out[j].score >= 0.6 * anc.score
            ),
            None,
        )
        if child is not None and not announces_list(anc):
            out.insert(i, out.pop(child))
        else:
            i += 1
    return out[:k]
