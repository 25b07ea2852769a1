"""API fuzzing from the OpenAPI document (schemathesis): whatever a client sends, no 5xx and no response
that breaks the documented schema. Admin calls carry the token, so uploads and deletions are fuzzed too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance

from api.app import create_app
from tests.conftest import CORPUS, make_settings

TOKEN = "fuzz-admin-token"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from retrieval.engine import build_engine

    root = tmp_path_factory.mktemp("fuzz")
    corpus = root / "corpus"
    corpus.mkdir()
    for p in CORPUS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    engine = build_engine(make_settings(root / "data", corpus_dir=corpus, admin_token=TOKEN), embedder=None)
    engine.ingest([corpus])
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(engine))
    engine.close()


def test_no_server_errors_and_responses_match_the_schema(api_schema: object) -> None:
    """Every operation of the OpenAPI document, with generated (valid and invalid) input.

    Driven through schemathesis's strategies with hypothesis directly: its pytest fixture loader
    relies on a pytest attribute that pytest 9.2 removed.
    """
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    operations = [result.ok() for result in api_schema.get_all_operations()]  # type: ignore[attr-defined]
    assert {op.path for op in operations} >= {"/ask", "/search", "/documents", "/documents/{doc_id}", "/reindex"}
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=checks)

        run()


def test_the_fuzzed_index_still_answers(api_schema: object) -> None:
    """Runs after the fuzzing above in this module: whatever was uploaded or deleted, the app still answers."""
    app = api_schema.app  # type: ignore[attr-defined]
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        r = client.post("/ask", json={"question": "Giá vàng hôm nay?"})
        assert r.status_code == 200 and r.json()["found"] is False
        assert client.get("/readyz").status_code == 200
