"""With a Qdrant server: this process's catalog kept up with the server's catalog records.

Several processes share one server; each keeps its own catalog file (``retrieval.wiring.catalog_path``).
A process that writes publishes each document's record and bumps the server's catalog version; the others
compare that version at most every ``SYNC_INTERVAL`` seconds and pull what changed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Sequence

from core.types import Document
from retrieval.analyzer import Analyzer
from retrieval.catalog import Catalog
from retrieval.catalog_rows import DocRecord
from retrieval.points import UnitStore
from retrieval.prepared import record_for, server_record, unit_hit, unit_points
from retrieval.units import units_for

logger = logging.getLogger(__name__)

SYNC_INTERVAL = 5.0  # seconds between checks for catalog changes made by other processes (server mode)


class ServerSync:
    """The server's catalog records and version, as ``Index`` publishes and pulls them."""

    def __init__(self, store: UnitStore, catalog: Catalog, analyzer: Analyzer) -> None:
        self.store = store
        self.catalog = catalog
        self.analyzer = analyzer
        self._lock = threading.Lock()
        self._synced_at = time.monotonic()
        self._version = ""

    def start(self) -> None:
        """Take the server's version and pull every record that differs from the local catalog."""
        self._version = self.store.catalog_version()  # type: ignore[attr-defined]
        self.pull()

    def publish(self, records: Sequence[DocRecord]) -> None:
        """Keep these documents' records on the server and tell the other processes."""
        for r in records:
            self.store.put_doc_record(r.doc.doc_id, server_record(r))  # type: ignore[attr-defined]
        self.announce()

    def withdraw(self, doc_id: str) -> None:
        """Remove a document's record from the server and tell the other processes."""
        self.store.delete_doc_record(doc_id)  # type: ignore[attr-defined]
        self.announce()

    def announce(self) -> None:
        """Tell other processes sharing the server that the catalog changed (they sync at their next read)."""
        self.store.bump_catalog_version()  # type: ignore[attr-defined]
        self._version = self.store.catalog_version()  # type: ignore[attr-defined]

    def maybe(self, interval: float = SYNC_INTERVAL) -> bool:
        """At most every ``interval`` seconds, pick up documents other processes changed."""
        if not self.store.remote or time.monotonic() - self._synced_at < interval:
            return False
        if not self._lock.acquire(blocking=False):
            return False
        try:
            self._synced_at = time.monotonic()
            version = self.store.catalog_version()  # type: ignore[attr-defined]
            if version == self._version:
                return False
            self.pull()
            self._version = version
            return True
        finally:
            self._lock.release()

    def pull(self) -> int:
        """Fill the local catalog from the server's catalog records (another process may have ingested)."""
        store = self.store
        theirs = {r["doc_id"]: r.get("content_hash") for r in store.doc_records(fields=["doc_id", "content_hash"])}  # type: ignore[attr-defined]
        mine = self.catalog.hashes()
        gone = [d for d in mine if d not in theirs]
        changed = [d for d, h in theirs.items() if mine.get(d) != h]
        records = []
        for doc_id in changed:
            raw = store.doc_record(doc_id)  # type: ignore[attr-defined]
            if raw is None:
                continue
            doc = Document.model_validate(raw["document"])
            self.analyzer.add_abbreviations(doc.abbreviations)
            record = record_for(doc, [], self.analyzer, raw.get("analyzer") or "")  # catalog fields; the units exist
            record.unit_ids = list(raw.get("unit_ids") or [])
            # a record an earlier version published lacks the units' hits: the same units, cut again, hold them
            hits = raw.get("hits") or [unit_hit(p) for p in unit_points(doc, units_for(doc), self.analyzer, None)]
            record.hits = [tuple(h) for h in hits]  # type: ignore[misc]
            record.df = Counter(dict(zip(raw.get("df_tokens") or [], raw.get("df_counts") or [])))
            record.units_count = len(record.unit_ids)
            records.append(record)
        if records or gone:
            self.catalog.commit(records, removed=gone)
            logger.info("catalog synced from the server: %d changed, %d removed", len(records), len(gone))
        return len(records) + len(gone)
