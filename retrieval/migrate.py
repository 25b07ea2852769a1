"""Move a store built before the Edge store (qdrant-client's local folder ``data/qdrant``) to the new layout.

Every document of the old catalog is read and indexed again (units, vectors, catalog tables, statistics):
vectors are derived from the documents, so nothing is copied that could disagree with them, and the
embedding cache makes a hybrid store's dense vectors cheap to recompute. The old folder is then renamed
``qdrant.migrated`` (kept, not deleted). ``cancu migrate`` runs it; an embedded engine runs it by itself
at start when it finds the old folder and an empty catalog.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from core.types import Document

if TYPE_CHECKING:
    from retrieval.engine import Engine

logger = logging.getLogger(__name__)

MIGRATED_SUFFIX = ".migrated"


def legacy_store(data_dir: Path) -> Path | None:
    """The old store's folder when there is one left to migrate."""
    path = data_dir / "qdrant"
    return path if (path / "collection").is_dir() else None


def migrate_legacy(engine: Engine) -> int:
    """Index every document of the old store into this engine; rename the old folder. Returns how many."""
    from retrieval.store import legacy_doc_records

    old = legacy_store(engine.settings.data_dir)
    if old is None:
        return 0
    docs: list[Document] = []
    for record in legacy_doc_records(str(old), engine.settings.collection):
        try:
            docs.append(Document.model_validate(record["document"]))
        except Exception:  # a record this version cannot read: say so, keep the rest
            logger.warning("migrate: skipping unreadable catalog record %s", record.get("doc_id"))
    have = engine.index.catalog.hashes()
    todo = [d for d in docs if have.get(d.doc_id) != d.content_hash]
    for start in range(0, len(todo), 200):
        engine.put_documents(todo[start : start + 200])
    target = old.with_name(old.name + MIGRATED_SUFFIX)
    n = 1
    while target.exists():
        n += 1
        target = old.with_name(f"{old.name}{MIGRATED_SUFFIX}-{n}")
    old.rename(target)
    logger.warning("migrated %d documents from %s (kept as %s)", len(docs), old, target)
    return len(docs)
