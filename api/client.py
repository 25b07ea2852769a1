"""The read side of the engine over a running ``cancu serve``: what the CLI uses while the server holds the store.

The embedded store admits one process. ``cancu serve`` writes where it listens into the data folder
(``serve.json``); a CLI read command that finds the store held reads that file and asks the server instead,
so ``cancu ask`` or ``cancu outline 08/KH-CĐCĐ`` work the same beside a running server::

    reader = RemoteReader.find(settings)        # None when no server of this data folder answers
    reader.ask("Phòng Quản trị phải làm gì?")   # the Answer, as Engine.ask gives it
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from core.config import Settings
from core.errors import CancuError, DocumentNotFound, NotFound
from core.types import Answer, Hit, LegalBasis

logger = logging.getLogger(__name__)

SERVER_FILE = "serve.json"
TIMEOUT_S = 60.0


def server_file(settings: Settings) -> Path:
    return settings.data_dir / SERVER_FILE


def announce(settings: Settings) -> Path:
    """Record where this process serves (called by the app that holds the store); returns the file written."""
    host = settings.host if settings.host not in ("0.0.0.0", "::", "") else "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    path = server_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": f"http://{host}:{settings.port}", "pid": os.getpid()}), encoding="utf-8")
    os.replace(tmp, path)
    return path


def withdraw(settings: Settings) -> None:
    """Remove the record at shutdown, if it is this process's."""
    path = server_file(settings)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


class RemoteReader:
    """Engine reads (documents, outline, registry, search, ask) through a running server's HTTP API."""

    remote = True

    def __init__(self, url: str, pid: int | None = None, client: httpx.Client | None = None) -> None:
        self.url = url.rstrip("/")
        self.pid = pid
        self.http = client or httpx.Client(base_url=self.url, timeout=TIMEOUT_S)

    @classmethod
    def find(cls, settings: Settings) -> RemoteReader | None:
        """The server recorded in the data folder, if it answers; else None."""
        try:
            record = json.loads(server_file(settings).read_text(encoding="utf-8"))
            reader = cls(str(record["url"]), record.get("pid"))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        try:
            reader.health()
        except CancuError:
            reader.close()
            return None
        return reader

    def close(self) -> None:
        self.http.close()

    def _get(self, path: str, **params: Any) -> Any:
        return self._call("GET", path, params={k: v for k, v in params.items() if v is not None})

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            r = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise CancuError(f"the running server at {self.url} did not answer: {type(exc).__name__}") from exc
        body = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
        if r.status_code == 404:
            raise NotFound(str(body.get("message", "not found")), message_vi=body.get("message_vi"))
        if r.status_code >= 400:
            raise CancuError(f"{body.get('message', r.text[:200])} (HTTP {r.status_code} from {self.url})")
        return body

    # the same reads as the Engine, with the same types

    def health(self) -> dict[str, Any]:
        body: dict[str, Any] = self._get("/readyz")
        return body

    def documents(self) -> list[dict[str, Any]]:
        """Every document's fields with its label (as ``cancu documents --json`` prints them)."""
        rows: list[dict[str, Any]] = self._get("/documents")
        return rows

    def labels(self) -> dict[str, str]:
        return {d["doc_id"]: d["label"] for d in self.documents()}

    def outline(self, ref: str) -> list[dict[str, Any]]:
        outline: list[dict[str, Any]] = self._document(ref)["outline"]
        return outline

    def _document(self, ref: str) -> dict[str, Any]:
        try:
            detail: dict[str, Any] = self._get(f"/documents/{quote(ref, safe='')}")
        except NotFound:
            raise DocumentNotFound(ref) from None
        return detail

    def registry(self, ref: str | None = None) -> list[LegalBasis]:
        if ref is not None:
            self._document(ref)  # an unknown document is an error, as it is locally
        return [LegalBasis.model_validate(e) for e in self._get("/legal-bases", doc=ref)["items"]]

    def search(self, query: str, *, k: int = 5, doc: str | None = None) -> list[Hit]:
        return [Hit.model_validate(h) for h in self._get("/search", q=query, k=k, doc=doc)["hits"]]

    def ask(self, question: str, *, qid: str | int | None = None) -> Answer:
        body = {"question": question, **({"id": qid} if qid is not None else {})}
        return Answer.model_validate(self._call("POST", "/ask", json=body))
