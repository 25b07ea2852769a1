"""The store is checked at start: catalog and units agree, or are repaired, or the start is refused saying how.

The catalog (SQLite: every document's text and structure) and the units store (Qdrant Edge: the vectors
searched) are two files that must agree. A damaged one must never start silently: an emptied units file used
to serve "not found" for most questions; an emptied catalog left every unit unreachable. At start:

- a catalog file SQLite cannot read is moved aside (``catalog.sqlite.damaged-<time>``) and a new one begun;
  a units shard Qdrant Edge cannot open likewise, and its units are rebuilt from the catalog;
- the units the catalog expects (its count, then per document on a mismatch) are compared with what the store
  holds: a catalogued document whose units are missing has them written again from its stored text; units of
  an older version of a catalogued document are removed;
- units of documents the catalog does not list mean the catalog lost them: documents whose file is in the
  corpus folder are ingested again from it; the others are never deleted here, and the start is refused (or,
  for `cancu ingest`, which is how they are brought back, warned about) naming them and the commands that
  repair it.

Parser and analyzer versions are checked per document by ``Engine.reparse_stale`` and ``Index`` (stale
units are vectorised again). A Qdrant server is shared by several processes and is not checked here.

    engine = build_engine(settings)   # runs check(engine): repairs, or raises StoreDamaged
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.config import Settings
from core.errors import StorageFull, StoreDamaged, StoreError, StoreLocked
from retrieval.catalog import Catalog
from retrieval.points import UnitStore

if TYPE_CHECKING:
    from retrieval.engine import Engine

logger = logging.getLogger(__name__)

SHOWN = 8  # document ids named in a message
PROBES = 16  # units searched for by their own words at start


def open_catalog(path: Path) -> Catalog:
    """The catalog; a file SQLite cannot read as a database is kept aside and a new catalog begun."""
    try:
        return Catalog(path)
    except StoreError as exc:
        if not _damaged_sqlite(path):
            raise
        aside = _move_aside(path, [path.with_name(path.name + s) for s in ("-wal", "-shm")])
        logger.error("the catalog %s cannot be read (%s): kept as %s, starting a new one", path, exc, aside)
        return Catalog(path)


def open_units(settings: Settings, opener: Callable[[], UnitStore]) -> UnitStore:
    """The units store; an embedded shard that cannot be opened is kept aside and rebuilt from the catalog
    (not one that is held by another process or lacks disk space: nothing is wrong with it)."""
    try:
        return opener()
    except (StoreLocked, StorageFull):
        raise
    except StoreError as exc:
        folder = settings.edge_path
        if settings.qdrant_url or not folder.exists():
            raise
        aside = _move_aside(folder, [])
        logger.error("the units store %s cannot be opened (%s): kept as %s, rebuilding it", folder, exc, aside)
        return opener()


def check(engine: Engine, *, strict: bool = True) -> None:
    """Compare the catalog with the units store and repair what can be repaired (see the module docstring)."""
    store, index = engine.store, engine.index
    if store.remote:
        return
    catalog = index.catalog
    why = _probe(store, catalog)
    if why is not None:
        aside = store.recreate()  # type: ignore[attr-defined]
        logger.error(
            "the units store failed its check (%s): kept as %s; writing the units of %d documents again from the "
            "catalog",
            why,
            aside,
            len(catalog),
        )
        index.rewrite(catalog.ids())
    expected = _expected(catalog)
    have = store.count_units()
    if have == sum(n for _, n in expected.values()) and (have or not expected):
        return
    logger.warning(
        "the units store holds %d units where the catalog expects %d: checking document by document",
        have,
        sum(n for _, n in expected.values()),
    )
    held: Counter[tuple[str, str]] = Counter(store.unit_keys())
    missing = [d for d, (h, n) in expected.items() if held[(d, h)] < n]
    stale = sorted({d for d, h in held if d in expected and expected[d][0] != h})
    orphans = sorted({d for d, _ in held if d not in expected})
    if missing:
        logger.warning("writing again the units of %d documents from the catalog: %s", len(missing), _some(missing))
        index.rewrite(missing)
    for doc_id in stale:
        store.delete_units(doc_id, keep_hash=expected[doc_id][0])
    if stale:
        logger.warning("removed units of older versions of %d documents", len(stale))
        store.settle()
    if orphans:
        orphans = _from_corpus(engine, orphans)
    if orphans:
        message = (
            f"the units store holds units of {len(orphans)} documents the catalog {catalog.path} does not list "
            f"({_some(orphans)}): the catalog was damaged or replaced. Ingest their files again "
            f"(`cancu ingest PATH ...`), or remove {engine.settings.edge_path} to rebuild the units from the "
            f"catalog alone (those {len(orphans)} documents are then dropped)"
        )
        if strict:
            raise StoreDamaged(message)
        logger.warning("%s", message)


def _probe(store: UnitStore, catalog: Catalog, sample: int = PROBES) -> str | None:
    """Why the units store cannot be trusted, or None: a sample of stored units must each be found, with a
    positive score, by a query made of its own tokens (an emptied id map left the units readable by id and
    every score wrong: questions came back "not found" or answered from the wrong plan)."""
    counts = catalog.unit_counts()
    for doc_id, _, n in counts[:: max(1, len(counts) // sample)][:sample]:
        ids = catalog.unit_ids(doc_id) or []
        if not ids:
            continue
        unit = ids[len(ids) // 2]
        try:
            found = store.sparse_of([unit])
            if not found or not found[0]:
                continue  # a missing unit: counted, and written again, below
            hits = store.query(sparse=(found[0], [1.0] * len(found[0])), dense=None, limit=n, doc_ids=[doc_id])
        except StoreError as exc:
            return f"reading unit {unit} of {doc_id} failed: {exc}"
        score = next((h.score for h in hits if h.id == unit), None)
        if score is None or score <= 0:
            return f"unit {unit} of {doc_id} is not found by its own words"
    return None


def _expected(catalog: Catalog) -> dict[str, tuple[str, int]]:
    """doc_id -> (content hash, number of units) the catalog records."""
    return {d: (h, n) for d, h, n in catalog.unit_counts()}


def _from_corpus(engine: Engine, orphans: list[str]) -> list[str]:
    """Ingest again, from the corpus folder, the documents the catalog lost; the ids still unaccounted for."""
    files = {doc_id: engine._corpus_files(doc_id) for doc_id in orphans}
    found = [paths[0] for paths in files.values() if paths]
    if found:
        logger.warning("the catalog lost %d documents: reading them again from %s", len(found), found[0].parent)
        report = engine.ingest(found)
        for r in report.errors:
            logger.warning("could not restore %s: %s", r.path, r.error)
    return [d for d in orphans if d not in engine.index]


def _damaged_sqlite(path: Path) -> bool:
    """Whether SQLite refuses the file as a database (not a locked or a full disk)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            return conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return "not a database" in str(exc) or "malformed" in str(exc)


def _move_aside(path: Path, companions: list[Path]) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    shutil.move(str(path), str(aside))
    for other in companions:
        if other.exists():
            shutil.move(str(other), str(aside.with_name(aside.name + other.name[len(path.name) :])))
    return aside


def _some(ids: list[Any]) -> str:
    shown = ", ".join(str(i) for i in ids[:SHOWN])
    return shown + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else "")
