"""The legal-basis registry over the catalog: built once, then kept up to date entry by entry.

Each catalog commit logs the citation keys it touched (``Catalog.registry_changes``); the registry rebuilds
only those entries (``ingest.legal.build_registry`` over ``Catalog.citing``). A reader on an older catalog
version gets a registry built for it, not cached.
"""

from __future__ import annotations

import re
import threading

from core.errors import LegalBasisNotFound
from core.legal_ids import id_key
from core.text import fold
from core.types import LegalBasis, LegalCitation
from ingest.legal import build_registry
from retrieval.catalog import Catalog
from retrieval.lexicon import lexicon

#: Characters before a mention read for a replacement cue ("… và thay thế Thông tư số 23/2012/TT-BCA").
REPLACED_WINDOW = 40


def said_replaced(text: str, citation: LegalCitation) -> bool:
    """Whether a document says the document it cites here is replaced (a replacement cue just before the
    mention): read once per document at ingest (``DocRecord.replacing``), not per question."""
    before = " ".join(
        re.findall(r"[a-z0-9]+", fold(text[max(0, citation.start - REPLACED_WINDOW) : citation.start]).lower())
    )
    return any(f" {cue} " in f" {before} " for cue in lexicon().replacement_cues)


class LegalRegistry:
    """Every cited document, merged across mentions, for the catalog version in view."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._lock = threading.Lock()
        self._entries: dict[str, list[LegalBasis]] = {}
        self._sorted: list[LegalBasis] = []
        self._citing: dict[str, list[LegalBasis]] | None = None
        self._gen = 0

    def entries(self) -> list[LegalBasis]:
        """Every entry, most cited first; kept up to date entry by entry as documents change."""
        gen = self.catalog.generation
        with self._lock:
            if gen == self._gen:
                return self._sorted
            changed = self.catalog.registry_changes(self._gen) if gen > self._gen else None
            if changed is None:
                entries = _by_key(build_registry(self.catalog.citing(None)))
            else:
                entries = {k: e for k, e in self._entries.items() if k not in changed}
                entries.update(_by_key(build_registry(self.catalog.citing(changed))))
            ordered = sorted(
                (e for group in entries.values() for e in group), key=lambda e: (-len(e.citing_docs), e.id)
            )
            if gen < self._gen:
                return ordered  # a reader on an older version: not cached
            self._entries, self._sorted, self._gen, self._citing = entries, ordered, gen, None
            return ordered

    def citing(self, doc_id: str) -> list[LegalBasis]:
        """Entries a document cites, in registry order."""
        entries = self.entries()
        with self._lock:
            citing = self._citing
            if citing is None or entries is not self._sorted:
                citing = {}
                for e in entries:
                    for d in e.citing_docs:
                        citing.setdefault(d, []).append(e)
                if entries is self._sorted:
                    self._citing = citing
        return citing.get(doc_id, [])

    def find(self, legal_id: str) -> LegalBasis:
        """The entry with this id or one of its variants (``LegalBasisNotFound``)."""
        key = id_key(legal_id)
        for entry in self.entries():
            if id_key(entry.id) == key or any(id_key(v) == key for v in entry.variants):
                return entry
        raise LegalBasisNotFound(legal_id)


def _by_key(entries: list[LegalBasis]) -> dict[str, list[LegalBasis]]:
    """Registry entries by the group they were merged in (a group may hold several: two laws of one name)."""
    out: dict[str, list[LegalBasis]] = {}
    for e in entries:
        out.setdefault(e.key, []).append(e)
    return out
