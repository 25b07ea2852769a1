"""The ``cancu`` command as a user runs it: real processes, real exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO
from tests.test_legal import EXPECTED_BASES
from tests.test_structure import EXPECTED_FIELDS, EXPECTED_OUTLINES


def run(args: list[str], data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({"CANCU_DATA_DIR": str(data_dir), "CANCU_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1"})
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
    assert docs == EXPECTED_FIELDS


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
    assert "09-CT/TW" in readable.stdout and "2012-12-01" in readable.stdout


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
