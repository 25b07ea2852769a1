"""The ``cancu`` command as a user runs it: real processes, real exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import make_pdf_bomb, make_pdf_with_unknown_filter
from tests.conftest import CORPUS, REPO
from tests.test_legal import EXPECTED_BASES
from tests.test_structure import EXPECTED_FIELDS, EXPECTED_OUTLINES


def run(
    args: list[str], data_dir: Path, stdin: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({"CANCU_DATA_DIR": str(data_dir), "CANCU_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1"})
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "data"
    first = run(["ingest", str(CORPUS)], d)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("5 added, 0 updated, 0 unchanged, 0 failed; 74 sections")
    return d


def test_ingest_is_idempotent(data_dir: Path) -> None:
    again = run(["ingest"], data_dir)  # default: corpus/
    assert again.returncode == 0
    assert again.stdout.startswith("0 added, 0 updated, 5 unchanged, 0 failed")


def test_documents_json(data_dir: Path) -> None:
    out = run(["documents", "--json"], data_dir)
    assert out.returncode == 0
    docs = {d.pop("doc_id"): d for d in json.loads(out.stdout)}
    labels = {doc_id: d.pop("label") for doc_id, d in docs.items()}
    assert docs == EXPECTED_FIELDS
    assert (
        labels["kh-cdlc-laocai-2026"] == "KH-CDLC Lào Cai 2025" and labels["kh-08-cdcd-soctrang-2026"] == "08/KH-CĐCĐ"
    )
    table = run(["documents"], data_dir).stdout
    assert "06/01/2026" in table and "2026-01-06" not in table  # dates as a reader writes them


@pytest.mark.parametrize("ref", ["KH-CDLC Lào Cai 2025", "KH-CDLC", "kh-cdlc-laocai-2026"])
def test_outline_takes_a_label_an_id_or_a_number(data_dir: Path, ref: str) -> None:
    out = run(["outline", ref, "--json"], data_dir)
    assert out.returncode == 0, out.stderr
    assert [o["section"] for o in json.loads(out.stdout)][:3] == ["I", "I.1", "I.2"]


def test_outline_json(data_dir: Path) -> None:
    out = run(["outline", "kh-cdlc-laocai-2026", "--json"], data_dir)
    assert [(o["section"], o["heading"], o["level"]) for o in json.loads(out.stdout)] == EXPECTED_OUTLINES[
        "kh-cdlc-laocai-2026"
    ]


def test_legal_bases_json(data_dir: Path) -> None:
    out = run(["legal-bases", "--doc", "kh-pgddt-mytu-2025", "--json"], data_dir)
    entries = {e["id"]: e for e in json.loads(out.stdout)}
    assert set(entries) == EXPECTED_BASES["kh-pgddt-mytu-2025"]
    first = entries["09-CT/TW"]
    assert set(first) >= {"id", "type", "number", "date", "issuer", "title", "variants", "cited_by", "conflicts"}
    assert first["conflicts"][0]["field"] == "date"
    readable = run(["legal-bases"], data_dir)
    assert "09-CT/TW" in readable.stdout and "01/12/2012" in readable.stdout and "2012-12-01" not in readable.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["outline"], 2, "the following arguments are required: doc_id"),
        (["outline", "nope"], 1, "cancu: error: unknown document: nope"),
        (["legal-bases", "--doc", "nope", "--json"], 1, "cancu: error: unknown document: nope"),
        (["search", "x", "--k", "0"], 2, "argument --k: must be between 1 and 100"),
        (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_arguments_give_one_line_and_nonzero_exit(data_dir: Path, args: list[str], code: int, message: str) -> None:
    out = run(args, data_dir)
    assert out.returncode == code
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, out.stderr
    assert message in lines[0]


@pytest.mark.parametrize(
    ("variable", "value"),
    [("CANCU_ADMIN_TOKEN", "admin-12345"), ("CANCU_TELEGRAM_SECRET", "fifteen-chars-x")],
)
def test_serve_refuses_a_short_admin_token_or_webhook_secret_in_one_line(
    tmp_path: Path, variable: str, value: str
) -> None:
    """Issue 22: an 11-character admin token (and a 15-character webhook secret) stop `cancu serve` before it
    starts, naming the variable and the rule, never echoing the value; it used to print only "1 validation error
    for Settings"."""
    out = run(["serve", "--port", "9"], tmp_path / "data", extra_env={variable: value})
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        f"cancu: error: invalid configuration: {variable}: must be at least 16 characters (e.g. `openssl rand -hex 24`)"
    ]
    assert value not in out.stderr and out.stdout == ""
    assert not (tmp_path / "data").exists()  # refused before anything was opened


def test_serve_on_a_store_another_process_holds_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """Issue 22: a second `cancu serve` on the same data folder (this test holds the embedded store)."""
    from retrieval.edge_store import EdgeStore

    data = tmp_path / "data"
    held = EdgeStore(data / "edge", dense_dim=None)
    try:
        out = run(["serve", "--port", "9"], data)
    finally:
        held.close()
    assert out.returncode == 1
    assert out.stderr.splitlines() == [
        f"cancu: error: the embedded store {data / 'edge'} is in use by another cancu process; stop it (one process "
        "serves API and bot) or set CANCU_QDRANT_URL to share a Qdrant server"
    ]
    assert out.stdout == ""


def test_ingest_reports_bad_files_and_keeps_going(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kh-ubnd-kienhai-2026.txt").write_bytes((CORPUS / "kh-ubnd-kienhai-2026.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    out = run(["ingest", str(folder), str(tmp_path / "missing.pdf")], tmp_path / "data")
    assert out.returncode == 1
    assert out.stdout.startswith("1 added, 0 updated, 0 unchanged, 2 failed")
    assert "empty.txt: file is empty (0 bytes)" in out.stderr
    assert "missing.pdf: no such file or folder" in out.stderr


def test_ingest_names_pdfs_pypdf_refuses_and_ingests_the_rest(tmp_path: Path) -> None:
    """Issue 22: a Flate bomb (78 KB inflating past pypdf's 75 MB limit: LimitReachedError) and a PDF with a
    filter pypdf does not know (NotImplementedError) are each one named error; the plan sorted after them goes in."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-bomb.pdf").write_bytes(make_pdf_bomb())
    (folder / "a-filter.pdf").write_bytes(make_pdf_with_unknown_filter())
    (folder / "b-kh-after.txt").write_bytes((CORPUS / "kh-ubnd-kienhai-2026.txt").read_bytes())
    out = run(["ingest", str(folder)], tmp_path / "data")
    assert out.returncode == 1
    assert out.stdout.startswith("1 added, 0 updated, 0 unchanged, 2 failed")
    bomb, unknown = [line for line in out.stderr.splitlines() if line.startswith("error: ")]
    assert bomb.startswith(
        f"error: {folder / 'a-bomb.pdf'}: the PDF holds a stream larger than allowed (Limit reached while decompressing"
    )
    assert unknown == (
        f"error: {folder / 'a-filter.pdf'}: the PDF uses a feature that cannot be read here "
        "(Unsupported filter /NoSuchDecode)"
    )
    listed = run(["documents", "--json"], tmp_path / "data")
    assert [d["doc_id"] for d in json.loads(listed.stdout)] == ["b-kh-after"]


def test_search_jsonl_answers_line_by_line(data_dir: Path) -> None:
    lines = [
        {"id": "a", "question": "Phòng Công tác sinh viên trường Cao đẳng Lào Cai phải làm gì?", "extra": 1},
        {"id": 7, "question": "camera giám sát"},
    ]
    r = run(["search", "--jsonl", "-", "--k", "2"], data_dir, stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7] and out[1]["query"] == "camera giám sát"
    first = out[0]["hits"][0]
    assert (first["doc_id"], first["section"]) == ("kh-cdlc-laocai-2026", "IV.2")
    assert set(first) == {"doc_id", "section", "heading", "text", "score"} and len(out[0]["hits"]) == 2
    assert "camera giám sát" in out[1]["hits"][0]["text"]


def test_ask_jsonl_and_bad_lines(data_dir: Path) -> None:
    r = run(["ask", "--jsonl", "-"], data_dir, stdin='{"id": "q1", "question": "Giá vàng hôm nay?"}\n')
    assert r.returncode == 0, r.stderr
    answer = json.loads(r.stdout)
    assert answer["id"] == "q1" and answer["found"] is False and answer["citations"] == []
    bad = run(["ask", "--jsonl", "-"], data_dir, stdin='{"id": 1, "question": "ok?"}\n{"q": 2}\n')
    assert bad.returncode == 1
    assert bad.stderr.strip() == 'cancu: error: -:2: each line needs a string field "question"'


def test_doctor_says_which_store_and_mode_and_why(data_dir: Path) -> None:
    r = run(["doctor"], data_dir)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == f"store:      embedded Qdrant Edge in {data_dir / 'edge'}"
    assert lines[1] == f"catalog:    {data_dir / 'catalog.sqlite'}"
    assert lines[2] == "mode:       lexical — lexical search: no embedding model configured (CANCU_EMBED_MODEL)"
    assert lines[3].startswith("documents:  5 (74 sections, ")


def test_a_reader_that_stops_early_ends_the_command_quietly(data_dir: Path) -> None:
    """`cancu outline … | head -1`: the pipe closes before the output is written; no traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({"CANCU_DATA_DIR": str(data_dir), "CANCU_LOG_LEVEL": "WARNING"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "outline", "kh-08-cdcd-soctrang-2026", "--json"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command has printed anything
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""


def test_bench_links_its_growth_chart_wherever_the_results_are_written(tmp_path: Path) -> None:
    """`cancu bench --out /tmp/…` wrote its results, then stopped with a stack trace linking the chart from the
    repository: a chart outside it is linked in full, one inside from the repository."""
    from benchmarks.bench import REPO, shown_path

    assert shown_path(tmp_path / "r.growth.png") == (tmp_path / "r.growth.png").resolve()
    assert shown_path(REPO / "benchmarks" / "r.growth.png") == Path("benchmarks/r.growth.png")


def test_bench_measures_the_earlier_commit_with_cancu_only_but_not_at_growth_sizes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cancu bench --cancu-only --before REF` printed no "before" figures: the earlier commit is cancu, not an
    alternative, so it is measured at every size but the growth curve's own (phases recorded by fakes)."""
    from benchmarks import bench

    ran: list[tuple[str, int, str]] = []
    old_tree = tmp_path / "before-tree"
    old_tree.mkdir()
    (old_tree / ".commit").write_text("abc1234")

    def fake_worker(cfg: dict, timeout: float = 0, tree: Path = bench.REPO) -> dict:
        size = int(cfg.get("data_dir", "-0").rsplit("-", 1)[1])
        ran.append((cfg["phase"], size, "before" if tree == old_tree else "now"))
        return {"seconds": 1.0} if cfg["phase"] == "ingest" else {"ask_ms": {"p95": 1.0}}

    monkeypatch.setattr(bench, "worker", fake_worker)
    monkeypatch.setattr(bench, "cold_start", lambda data, model, tree=bench.REPO: 1.0)
    monkeypatch.setattr(bench, "http_phase", lambda data, requests, clients: {"server_rss_mb": 1})
    monkeypatch.setattr(bench, "export_tree", lambda ref, work: old_tree)
    monkeypatch.setattr(bench.synth, "write", lambda corpus, folder, size, seed: folder.mkdir(parents=True))
    results = bench.run_bench(
        [10], quick=True, work=tmp_path / "work", log=lambda m: None, before="HEAD", growth=[20], cancu_only=True
    )
    by_size = {c["synthetic_plans"]: c for c in results["corpora"]}
    assert results["meta"]["before"] == "abc1234"
    assert "before" in by_size[0] and "before" in by_size[10] and "before" not in by_size[20]
    assert ("latency", 10, "before") in ran and ("latency", 20, "now") in ran and ("latency", 20, "before") not in ran
