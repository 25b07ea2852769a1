"""The default install stays lean: scripts/run.sh installs without the `dense` extra, and nothing in the base
dependencies pulls torch (the lexical default never imports it, tests/test_dense.py)."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def test_run_sh_installs_without_the_dense_extra() -> None:
    script = (REPO / "scripts" / "run.sh").read_text(encoding="utf-8")
    installs = [line for line in script.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert installs, "run.sh installs the package"
    assert all("dense" not in line for line in installs)
    assert "scripts/debian-packages.sh" in script  # Tesseract and LibreOffice when root


def test_base_dependencies_do_not_pull_torch() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    heavy = re.compile(r"^(torch|sentence-transformers|transformers)\b")
    assert not [d for d in project["dependencies"] if heavy.match(d)]
    assert not [d for d in project["optional-dependencies"]["llm"] if heavy.match(d)]
    assert any(d.startswith("sentence-transformers") for d in project["optional-dependencies"]["dense"])
