"""Section search: query analysis → Qdrant (lexical, dense or hybrid) → units merged back into sections.

    searcher.search("phong cong tac sinh vien lam gi", k=3)
    # [Hit(doc_id="kh-cdlc-laocai-2026", section="IV.2", ...), Hit(doc_id="kh-08-cdcd-soctrang-2026", section="III.2", ...)]

A question that names a document ("trường CĐ Lào Cai", "Kiên Hải") is
searched within that document first. When a section and one of its
ancestors both match, the more specific one ranks first.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from core.ports import Embedder
from core.text import fold, has_diacritics
from core.types import Hit
from retrieval.analyzer import Analyzer, fold_word, token_index
from retrieval.extract import STOPWORDS_EXACT, query_terms, strip_frames
from retrieval.index import Index
from retrieval.points import UnitStore
from retrieval.thesaurus import alternatives

logger = logging.getLogger(__name__)

Mode = Literal["lexical", "dense", "hybrid"]
HEADING_BOOST = 0.5
HEADING_MAX_WORDS = 8
SCHOOL_ARTICLE_BOOST = 0.25
RIVAL_SHARE = 0.8  # a sibling article scoring this share of the school article's best part competes with it
# "trường" the school, not "trường hợp" (case), "môi trường", "thị trường", "hiệu trưởng"
_SCHOOL = re.compile(r"(?<![\w])(?<!môi )(?<!thị )(?<!chiến )(?<!quảng )(?<!hiện )(?<!lập )trường(?! hợp)(?!\w)", re.I)
_NOT_SCHOOL_BEFORE = frozenset("hieu bo thu pho moi thi chien quang hien lap".split())
_NOT_SCHOOL_AFTER = frozenset("hop phong ban khu thon ap doan cong nhom tram ky ton ca".split())
_OTHER_ENTITIES = ("khu dân cư", "xã", "phường", "thị trấn", "cơ quan", "doanh nghiệp")
_OTHER_ENTITIES_FOLDED = tuple(fold(e) for e in _OTHER_ENTITIES)


@dataclass
class SectionHit:
    """A section with the units of it that matched."""

    doc_id: str
    section: str
    heading: str
    score: float
    units: list[dict[str, Any]] = field(default_factory=list)


class Searcher:
    """Finds sections for a query; the same object serves the CLI, the API and the bot."""

    def __init__(
        self,
        store: UnitStore,
        index: Index,
        analyzer: Analyzer,
        embedder: Embedder | None,
        mode: Mode,
    ) -> None:
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
        """Best sections for a query, most relevant first (``filters`` match payload fields, e.g. unit_kind)."""
        if not query.strip():
            return []
        scope = list(doc_ids) if doc_ids else None
        if scope is None and use_names:
            named, rest = self.index.names_in(query)
            if named:
                hits = self._search(rest or query, k, named, filters)
                if hits:
                    return hits
        return self._search(query, k, scope, filters)

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

    def _search(
        self, query: str, k: int, doc_ids: Sequence[str] | None, filters: dict[str, Any] | None
    ) -> list[SectionHit]:
        synonyms, strong = self._synonyms(query)
        sparse = (
            self.analyzer.query_vector(strip_frames(query), synonyms, strong)
            if self.mode in ("lexical", "hybrid")
            else None
        )
        dense = self.embedder.embed_query(query) if self.embedder and self.mode in ("dense", "hybrid") else None
        limit = max(k * 6, 30)
        units = self.store.query(sparse=sparse, dense=dense, limit=limit, doc_ids=doc_ids, filters=filters)
        merged: dict[tuple[str, str], SectionHit] = {}
        for u in units:
            p = u.payload
            doc_id, section = p.get("doc_id", ""), p.get("section", "")
            if self.index.current_hash(doc_id) != p.get("content_hash"):
                continue  # a unit of a version that is being replaced or was abandoned
            key = (doc_id, section)
            hit = merged.get(key)
            if hit is None:
                merged[key] = SectionHit(doc_id, section, p.get("heading", ""), u.score, [p])
            else:
                hit.units.append(p)
                hit.score = max(hit.score, u.score)
        ranked = sorted(merged.values(), key=lambda h: -h.score)
        if ranked:
            self._lift_school_article(query, ranked)
            self._boost_headings(query, ranked)
            ranked.sort(key=lambda h: -h.score)
        return _specific_first(ranked, self._lists)[:k]

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
        """Whether a section announces a list its children complete ("… các tiêu chí sau:")."""
        doc = self.index.get(hit.doc_id)
        sec = doc.section(hit.section)
        own = doc.text[sec.start : sec.body_end].strip() if sec is not None else ""
        return sec is not None and sec.body_end < sec.end and "\n" in own and own.endswith(":")

    def _lift_school_article(self, query: str, hits: list[SectionHit]) -> None:
        """A legal text's article says whom it applies to ("Tiêu chí công nhận cơ sở giáo dục …"): a question
        about "trường" wants the article on "cơ sở giáo dục" over its siblings for xã, cơ quan, khu dân cư, when
        one of those competes with it (alone, it needs no lift over the plans' sections)."""
        if not _asks_of_schools(query):
            return
        school: dict[str, SectionHit] = {}
        rival: dict[str, float] = {}
        for h in hits:  # best first: only the best part of the article rises, not every khoản together
            doc = self.index.get(h.doc_id)
            article = doc.section(h.section.split(".")[0]) if doc.kind == "normative" else None
            if article is None or not article.heading:
                continue
            if "co so giao duc" in fold(article.heading).lower():
                school.setdefault(h.doc_id, h)
            else:
                rival.setdefault(h.doc_id, h.score)
        for doc_id, h in school.items():
            if rival.get(doc_id, 0.0) >= RIVAL_SHARE * h.score:
                h.score *= 1 + SCHOOL_ARTICLE_BOOST

    def _boost_headings(self, query: str, hits: list[SectionHit]) -> None:
        """Raise sections whose own heading the question names ("yêu cầu", "kinh phí thực hiện", "chế độ báo cáo")."""
        words = {t[2:] for t in query_terms(self.analyzer, query).uni}
        if not words:
            return
        for h in hits:
            heading = {
                fold_word(x).lower() for x in re.findall(r"[^\W_]+", h.heading) if x.lower() not in STOPWORDS_EXACT
            }
            if heading and len(heading) <= HEADING_MAX_WORDS:
                share = len(heading & words) / len(heading)
                if share >= 0.6:
                    h.score *= 1 + HEADING_BOOST * share


def _asks_of_schools(query: str) -> bool:
    """Whether a question is about schools and names no other kind of place the criteria apply to."""
    q = query.lower()
    if has_diacritics(q):
        school = bool(_SCHOOL.search(q))
    else:  # "truong" is also "trưởng": the words around it tell the school from a head ("hieu truong", "truong ban")
        words = re.findall(r"\w+", q)
        school = any(
            w == "truong"
            and (i == 0 or words[i - 1] not in _NOT_SCHOOL_BEFORE)
            and (i + 1 == len(words) or words[i + 1] not in _NOT_SCHOOL_AFTER)
            for i, w in enumerate(words)
        )
    others = _OTHER_ENTITIES if has_diacritics(q) else _OTHER_ENTITIES_FOLDED
    return school and not any(re.search(rf"(?<!\w){e}(?!\w)(?! h[oộ]i)", q) for e in others)  # not "xã hội"


def _is_ancestor(parent: str, child: str) -> bool:
    return child.startswith(parent + ".")


def _specific_first(hits: list[SectionHit], announces_list: Callable[[SectionHit], bool]) -> list[SectionHit]:
    """Move a matching sub-section ahead of its matching ancestor when it scores comparably.

    Not when the ancestor announces a list ("… khi đạt đủ các tiêu chí sau:"): then the whole list is the answer.
    """
    out = list(hits)
    i = 0
    while i < len(out):
        anc = out[i]
        if announces_list(anc):
            i += 1
            continue
        for j in range(i + 1, len(out)):
            child = out[j]
            if (
                child.doc_id == anc.doc_id
                and _is_ancestor(anc.section, child.section)
                and child.score >= 0.6 * anc.score
            ):
                out.insert(i, out.pop(j))
                break
        else:
            i += 1
    return out
