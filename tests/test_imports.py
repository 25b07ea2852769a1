"""Every module imports on its own, whatever was imported before it: a script, a worker process or a test that
imports one module first meets no import cycle (``retrieval.answers.content`` alone once failed on one)."""

from __future__ import annotations

import importlib
import sys

from tests.conftest import REPO

PACKAGES = ("core", "ingest", "retrieval", "api", "bot", "evals")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            names.append(".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"))
    return names


def test_every_module_imports_first_in_a_fresh_process_state() -> None:
    failed = {}
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] in PACKAGES}
    try:
        for name in _modules():
            for loaded in [m for m in sys.modules if m.split(".")[0] in PACKAGES]:
                del sys.modules[loaded]
            try:
                importlib.import_module(name)
            except ImportError as exc:
                failed[name] = str(exc)
    finally:
        for loaded in [m for m in sys.modules if m.split(".")[0] in PACKAGES]:
            del sys.modules[loaded]
        sys.modules.update(saved)
    assert failed == {}
