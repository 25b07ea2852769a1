"""The hit fields a search shows, kept per catalog version: a unit read once is not read again from SQLite,
and nothing kept outlives the version it was read in (a replaced or deleted document's units are not shown)."""

from __future__ import annotations

from pathlib import Path

from retrieval.catalog_hits import HitCache
from tests.conftest import CORPUS, make_settings


class Rows:
    """A stand-in for the catalog's table: the rows of one version, counting what is read."""

    def __init__(self, rows: dict[str, dict]) -> None:
        self.rows = rows
        self.read: list[str] = []

    def __call__(self, ids: list[str]):
        self.read += ids
        return [(i, dict(self.rows[i])) for i in ids if i in self.rows]


def test_a_unit_is_read_once_per_catalog_version() -> None:
    cache, v1 = HitCache(), Rows({"a": {"section": "I.1"}, "b": {"section": "II"}})
    assert cache.read(1, ["a", "b", "gone"], v1) == {"a": {"section": "I.1"}, "b": {"section": "II"}}
    assert cache.read(1, ["b", "a"], v1) == {"a": {"section": "I.1"}, "b": {"section": "II"}}
    assert v1.read == ["a", "b", "gone"]  # the second question read nothing; an id not found is asked again

    v2 = Rows({"b": {"section": "II"}})  # version 2: the document holding "a" was replaced
    assert cache.read(2, ["a", "b"], v2) == {"b": {"section": "II"}}
    assert v2.read == ["a", "b"]


def test_a_reader_of_an_older_version_neither_uses_nor_spoils_the_newer_one() -> None:
    cache, old, new = HitCache(), Rows({"a": {"section": "I"}}), Rows({"c": {"section": "III"}})
    cache.read(5, ["c"], new)
    assert cache.read(4, ["a", "c"], old) == {"a": {"section": "I"}}  # its own snapshot's rows only
    assert cache.read(5, ["a", "c"], new) == {"c": {"section": "III"}}
    assert new.read == ["c", "a"]


def test_a_read_outside_any_snapshot_keeps_nothing() -> None:
    """Outside a snapshot the generation and the rows are two reads a write may fall between: nothing is kept."""
    cache, rows = HitCache(), Rows({"a": {"section": "I"}})
    assert cache.read(None, ["a"], rows) == {"a": {"section": "I"}}
    assert cache.read(1, ["a"], rows) == {"a": {"section": "I"}}
    assert rows.read == ["a", "a"]


def test_what_a_caller_changes_is_its_own_copy() -> None:
    cache, rows = HitCache(), Rows({"a": {"section": "I"}})
    cache.read(1, ["a"], rows)["a"]["section"] = "changed"
    assert cache.read(1, ["a"], rows) == {"a": {"section": "I"}}


def test_a_replaced_plan_is_shown_as_its_new_version(tmp_path: Path) -> None:
    """Search, replace the plan with an edited text, search again: the hit is the new text's section."""
    from retrieval.engine import build_engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plan = sorted(CORPUS.glob("*.txt"))[0]
    (corpus / plan.name).write_bytes(plan.read_bytes())
    engine = build_engine(make_settings(tmp_path / "data", corpus_dir=corpus), embedder=None)
    try:
        engine.ingest([corpus])
        doc = engine.index.get(plan.stem)
        ids = [s.id for s in doc.sections]
        sec = next(
            s
            for s in doc.sections
            if s.heading and len(s.heading.split()) >= 4 and not any(i.startswith(s.id + ".") for i in ids)
        )
        before = engine.search(sec.heading, k=1)[0]
        assert (before.doc_id, before.section) == (plan.stem, sec.id)
        edited = plan.read_text(encoding="utf-8").replace(sec.heading, sec.heading + " và kiểm tra chéo", 1)
        engine.add_upload(plan.name, edited.encode("utf-8"))
        after = engine.search(sec.heading, k=1)[0]
        assert after.heading == sec.heading + " và kiểm tra chéo"
        assert engine.index.catalog.content_hash(plan.stem) != doc.content_hash
    finally:
        engine.close()
