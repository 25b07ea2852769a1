"""Soak (not a test): mixed /ask, /search and uploads against `cancu serve` on loopback, bounded in time and count.

    python -m benchmarks.soak --seconds 180 --max-requests 20000 --clients 8 [--json FILE]

Starts its own server over a fresh copy of the corpus, then for the whole run: 70 % questions from the
gold set, 20 % searches, 10 % admin uploads and deletions of synthetic plans (a pool of 20 names, so the
corpus stays bounded). Reports requests and errors by kind, latency, and the server's memory at the start
(after a warm-up), its maximum and its end: memory that keeps growing under a steady load is a leak.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks import synth
from benchmarks.server import REPO, Server, serve

TOKEN = "soak-admin-token"
POOL = 20


def _questions() -> list[str]:
    lines = (REPO / "evals" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


async def _soak(server: Server, seconds: float, max_requests: int, clients: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    questions = _questions()
    plans = list(synth.plans(REPO / "corpus", POOL * 3, seed=seed))
    counts: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    latency: dict[str, list[float]] = defaultdict(list)
    samples: list[float] = []
    samples_of_errors: list[str] = []
    issued = 0
    stop_at = time.monotonic() + seconds
    headers = {"Authorization": f"Bearer {TOKEN}"}

    async def one(http: aiohttp.ClientSession) -> None:
        roll = rng.random()
        if roll < 0.7:
            kind, call = "ask", http.post(f"{server.url}/ask", json={"question": rng.choice(questions)})
        elif roll < 0.9:
            kind, call = "search", http.get(f"{server.url}/search", params={"q": rng.choice(questions), "k": "5"})
        elif roll < 0.97:
            doc_id, text = rng.choice(plans)
            name = f"soak-{int(doc_id.rsplit('-', 1)[1]) % POOL:02d}.txt"
            form = aiohttp.FormData()
            form.add_field("file", text.encode("utf-8"), filename=name, content_type="text/plain")
            kind, call = "upload", http.post(f"{server.url}/documents", data=form, headers=headers)
        else:
            name = f"soak-{rng.randrange(POOL):02d}"
            kind, call = "delete", http.delete(f"{server.url}/documents/{name}", headers=headers)
        start = time.perf_counter()
        detail = ""
        try:
            async with call as r:
                body = await r.read()
                ok = r.status < 400 or (kind == "delete" and r.status == 404)  # deleting a name not there
                detail = f"{r.status} {body[:300].decode('utf-8', 'replace')}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        if not ok and len(samples_of_errors) < 10:
            samples_of_errors.append(f"{kind}: {detail}")
        latency[kind].append((time.perf_counter() - start) * 1000)
        counts[kind] += 1
        if not ok:
            errors[kind] += 1

    async def client(http: aiohttp.ClientSession) -> None:
        nonlocal issued
        while time.monotonic() < stop_at and issued < max_requests:
            issued += 1
            await one(http)

    async def sampler() -> None:
        while time.monotonic() < stop_at and issued < max_requests:
            rss = server.rss_mb()
            if rss is not None:
                samples.append(rss)
            await asyncio.sleep(2)

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        for q in questions[:40]:  # warm-up: caches filled before the first memory sample
            async with http.post(f"{server.url}/ask", json={"question": q}) as r:
                await r.read()
        start_rss = server.rss_mb()
        began = time.perf_counter()
        await asyncio.gather(sampler(), *(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - began
        async with http.get(f"{server.url}/readyz") as r:
            ready = r.status == 200
    end_rss = server.rss_mb()
    return {
        "seconds": round(elapsed, 1),
        "clients": clients,
        "requests": sum(counts.values()),
        "by_kind": dict(counts),
        "errors": sum(errors.values()),
        "errors_by_kind": dict(errors),
        "error_samples": samples_of_errors,
        "p50_ms": {k: round(statistics.median(v), 1) for k, v in latency.items()},
        "p95_ms": {k: round(statistics.quantiles(v, n=20)[-1], 1) for k, v in latency.items() if len(v) >= 2},
        "rss_mb": {"start": start_rss, "max": max(samples, default=None), "end": end_rss},
        "rss_every_2s": samples,
        "growth_mb": round(end_rss - start_rss, 1) if start_rss and end_rss else None,
        "ready_after": ready,
    }


def run(seconds: float, max_requests: int, clients: int, seed: int = 0, keep_log: Path | None = None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="cancu-soak-"))
    try:
        corpus = work / "corpus"
        shutil.copytree(REPO / "corpus", corpus)
        from core.config import Settings
        from retrieval.engine import build_engine

        engine = build_engine(Settings(_env_file=None, data_dir=work / "data", corpus_dir=corpus), embedder=None)
        engine.ingest([corpus])
        engine.close()
        log = work / "server.log"
        with serve(work / "data", log=log, corpus_dir=str(corpus), admin_token=TOKEN) as server:
            result = asyncio.run(_soak(server, seconds, max_requests, clients, seed))
        problems = [ln for ln in log.read_text(errors="replace").splitlines() if "ERROR" in ln or "Error" in ln]
        result["server_errors_logged"] = problems[:20]
        if keep_log:
            shutil.copy(log, keep_log)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180, help="stop after this long (at most 1800)")
    parser.add_argument("--max-requests", type=int, default=20000, help="stop after this many requests")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--log", type=Path, help="keep the server's log here")
    args = parser.parse_args()
    if not 0 < args.seconds <= 1800 or args.max_requests < 1 or not 1 <= args.clients <= 64:
        parser.error("bounded runs only: 0 < --seconds <= 1800, --max-requests >= 1, 1 <= --clients <= 64")
    result = run(args.seconds, args.max_requests, args.clients, args.seed, keep_log=args.log)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if result["errors"] or not result["ready_after"] else 0


if __name__ == "__main__":
    sys.exit(main())
