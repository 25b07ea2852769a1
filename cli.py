"""The ``cancu`` command: thin wrappers that build the engine, call it, and print tables or JSON."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from core.config import Settings, get_settings
from core.errors import CancuError, StoreLocked
from core.logsafe import redact_logs
from core.text import show_date
from evals.gold import SPLIT_RULES

logger = logging.getLogger("cancu")


class _Parser(argparse.ArgumentParser):
    """Bad arguments give one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*["" if v is None else str(v) for v in r])
    _console().print(table)


@contextmanager
def _engine(settings: Settings, **kwargs: Any) -> Iterator[Any]:
    from retrieval.engine import build_engine

    engine = build_engine(settings, **kwargs)
    try:
        yield engine
    finally:
        engine.close()


class _LocalReader:
    """The read commands' view of an Engine in this process (``api.client.RemoteReader`` is the same over HTTP)."""

    remote = False

    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def documents(self) -> list[dict[str, Any]]:
        labels = self.engine.labels()
        return [{"doc_id": d.doc_id, "label": labels.of(d.doc_id), **d.fields()} for d in self.engine.documents()]

    def labels(self) -> dict[str, str]:
        return self.engine.labels().all()  # type: ignore[no-any-return]

    def outline(self, ref: str) -> list[dict[str, Any]]:
        return self.engine.document(ref).outline()  # type: ignore[no-any-return]

    def registry(self, ref: str | None = None) -> list[Any]:
        return self.engine.registry(ref)  # type: ignore[no-any-return]

    def search(self, query: str, *, k: int = 5, doc: str | None = None) -> list[Any]:
        return self.engine.search(query, k=k, doc_ids=[doc] if doc else None)  # type: ignore[no-any-return]

    def ask(self, question: str, *, qid: str | int | None = None) -> Any:
        return self.engine.ask(question, qid=qid)


@contextmanager
def _reader(settings: Settings, **kwargs: Any) -> Iterator[Any]:
    """The engine for a read command; while `cancu serve` holds the embedded store, the server's HTTP API."""
    from retrieval.engine import build_engine

    try:
        engine = build_engine(settings, **kwargs)
    except StoreLocked as exc:
        from api.client import RemoteReader

        remote = RemoteReader.find(settings)
        if remote is None:
            raise StoreLocked(f"{exc}; no `cancu serve` of {settings.data_dir} answered to read through") from None
        logger.info("the store is held by `cancu serve` at %s: reading through its HTTP API", remote.url)
        try:
            yield remote
        finally:
            remote.close()
        return
    try:
        yield _LocalReader(engine)
    finally:
        engine.close()


# ---------------------------------------------------------------- commands


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from ingest import ocr
    from ingest.pipeline import collect_paths

    paths = [Path(p) for p in args.paths] or [settings.corpus_dir]
    files, _ = collect_paths(paths)
    # strict=False: a store whose catalog lost documents starts with a warning, so that ingesting them repairs it
    with _engine(settings, strict=False) as engine, Progress(transient=True, console=_console_err()) as progress:
        task = progress.add_task("ingest", total=len(files))
        with ocr.reporting(_ocr_bar(progress)):  # a scanned PDF shows its own bar, page by page
            report = engine.ingest(paths, on_file=lambda r: progress.advance(task))
        docs = engine.document_count()
    for r in report.errors:
        sys.stderr.write(f"error: {r.error}\n")
    noted = [r for r in report.results if r.warnings]
    for r in noted:
        sys.stderr.write(f"note: {r.path}: {'; '.join(r.warnings)}\n")
    print(
        f"{report.count('added')} added, {report.count('updated')} updated, {report.count('unchanged')} unchanged, "
        f"{len(report.errors)} failed; {report.sections} sections and {report.citations} citations ingested"
        + (f" ({len(noted)} with parse notes)" if noted else "")
        + "; "
        f"{docs} documents in {settings.data_dir}"
    )
    return 1 if report.errors else 0


def _ocr_bar(progress: Any) -> Callable[[str, int, int], None]:
    """A progress bar per scanned file: "OCR name.pdf ━━━━ 3/12 pages", gone when the file is read."""
    tasks: dict[str, Any] = {}

    def update(name: str, done: int, total: int) -> None:
        if name not in tasks:
            tasks[name] = progress.add_task(f"OCR {Path(name).name} (pages)", total=total)
        progress.update(tasks[name], completed=done, total=total)
        if done >= total:
            progress.remove_task(tasks.pop(name))

    return update


def _console_err() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def cmd_documents(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings, embedder=None) as reader:
        docs = reader.documents()
    if args.json:
        _print_json(docs)
    else:
        _table("Văn bản (nhãn: gõ ở mọi lệnh thay cho mã)", ["nhãn", "loại", "ngày", "cơ quan ban hành", "nơi", "người ký", "mục"],
               [[d["label"], d["doc_type"], show_date(d["date"]), d["issuer"], d["place"], d["signer"], d["sections"]] for d in docs])  # fmt: skip
    return 0


def cmd_outline(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings, embedder=None) as reader:
        outline = reader.outline(args.doc_id)
    if args.json:
        _print_json(outline)
    else:
        for item in outline:
            print(f"{'  ' * (int(item['level']) - 1)}{item['section']}  {item['heading']}")
    return 0


def cmd_legal_bases(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings, embedder=None) as reader:
        entries = reader.registry(args.doc)
        labels = reader.labels() if not args.json else {}
    data = [e.model_dump(mode="json") for e in entries]
    if args.json:
        _print_json(data)
    else:
        rows = []
        for e in entries:
            warn = "; ".join(
                ("ngày: " if c.field == "date" else "cơ quan: ") + " / ".join(show_date(v.value) for v in c.values)
                for c in e.conflicts
            )
            cited = ", ".join(sorted({labels.get(d, d) for d in e.citing_docs}))
            rows.append([e.id, e.type, show_date(e.date), e.issuer, cited, warn or ""])
        _table("Văn bản căn cứ", ["số hiệu", "loại", "ngày", "cơ quan", "được trích dẫn bởi", "mâu thuẫn"], rows)
    return 0


def _read_jsonl(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CancuError(f"{path}:{n}: not a JSON object: {exc.msg}") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("question"), str):
                raise CancuError(f'{path}:{n}: each line needs a string field "question"')
            yield n, obj
    finally:
        if stream is not sys.stdin:
            stream.close()


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    if not args.query and not args.jsonl:
        raise CancuError("give a query or --jsonl FILE")
    with _reader(settings) as reader:
        if args.jsonl:
            for _, obj in _read_jsonl(args.jsonl):
                hits = reader.search(obj["question"], k=args.k, doc=args.doc)
                out = {"id": obj.get("id"), "query": obj["question"], "hits": [h.model_dump(mode="json") for h in hits]}
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            return 0
        hits = reader.search(args.query, k=args.k, doc=args.doc)
        labels = reader.labels() if not args.json else {}
    if args.json:
        _print_json({"query": args.query, "hits": [h.model_dump(mode="json") for h in hits]})
    else:
        for i, h in enumerate(hits, 1):
            print(f"{i}. [{h.score:.2f}] {labels.get(h.doc_id, h.doc_id)} · {h.section} {h.heading}")
            print("   " + h.text.replace("\n", "\n   ")[:600])
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if not args.question and not args.jsonl:
        raise CancuError("give a question or --jsonl FILE")
    with _reader(settings) as reader:
        if args.jsonl:
            for n, obj in _read_jsonl(args.jsonl):
                ans = reader.ask(obj["question"], qid=obj.get("id", n))
                sys.stdout.write(ans.model_dump_json() + "\n")
            return 0
        ans = reader.ask(args.question)
    if args.json:
        _print_json(ans.model_dump(mode="json"))
    else:
        from retrieval.render import answer_text

        print(answer_text(ans))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from evals.run import DEFAULT_CONFIGS, default_out_dir, expand_configs, run_suite
    from evals.suite import SETS, choose_sets, plan_suite, set_for_file
    from evals.suite_report import terminal_notes, terminal_table, write_suite_report

    out = Path(args.out) if args.out else default_out_dir(settings)
    if args.feedback:
        from evals.feedback import feedback_candidates

        path = feedback_candidates(settings.feedback_path, out)
        print(f"candidate gold lines from 👎 feedback: {path}")
        return 0
    if args.gold and args.set:
        raise CancuError("--gold and --set: give one (a file, or named sets)")
    sets = [set_for_file(Path(args.gold), args.split_by)] if args.gold else choose_sets(args.set or ",".join(SETS))
    docs = [Path(p) for p in args.docs] if args.docs else list(settings.eval_docs)
    plan = plan_suite(sets, docs, split=args.split)
    for note in plan.notes():
        sys.stderr.write(note + "\n")
    results = run_suite(
        plan.gold,
        settings,
        configs=expand_configs(args.config or ",".join(DEFAULT_CONFIGS)),
        docs=plan.docs,
        progress=lambda line: sys.stderr.write(f"evaluated {line}\n"),
    )
    paths, metrics = write_suite_report(results, plan, out)
    print("\n".join([*terminal_table(metrics), *terminal_notes(metrics)]))
    print("\n".join(f"{k}: {v}" for k, v in paths.items()))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from api.server import serve

    if args.host:
        settings = settings.model_copy(update={"host": args.host})
    if args.port:
        settings = settings.model_copy(update={"port": args.port})
    serve(settings)
    return 0


def cmd_bot(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import main as bot_main

    return bot_main(settings)


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    with _reader(settings) as reader:
        if reader.remote:
            print("\n".join(_remote_doctor(reader, settings)))
            return 0
        engine = reader.engine
        catalog = engine.index.catalog
        sections = sum(n or 0 for (n,) in catalog.fields(["sections"]))
        lines = [
            f"store:      {'Qdrant server ' + settings.qdrant_url if settings.qdrant_url else 'embedded Qdrant Edge in ' + str(settings.edge_path)}",
            f"catalog:    {catalog.path}",
            f"mode:       {engine.mode} — {engine.mode_reason}",
            f"documents:  {len(catalog)} ({sections} sections, {engine.store.count_units()} retrieval units)",
            f"legal bases: {len(engine.registry())}",
            f"generator:  {'LLM ' + str(settings.llm_model) + ' at ' + str(settings.llm_base_url) if engine.generator else 'extractive (no LLM configured)'}",
            f"telegram:   {'token set' if settings.telegram_token else 'no token (CANCU_TELEGRAM_TOKEN)'}",
        ]
    print("\n".join(lines))
    return 0


def _remote_doctor(reader: Any, settings: Settings) -> list[str]:
    """`cancu doctor` beside a running server: what the server says about itself."""
    health = reader.health()
    docs = reader.documents()
    return [
        f"store:      held by `cancu serve` (pid {reader.pid}) at {reader.url}; read commands go through its HTTP API",
        f"catalog:    {settings.catalog_path}",
        f"mode:       {health['mode']} — as the running server reports it",
        f"documents:  {health['documents']} ({sum(d['sections'] or 0 for d in docs)} sections)",
        f"legal bases: {len(reader.registry())}",
        f"telegram:   {'token set' if settings.telegram_token else 'no token (CANCU_TELEGRAM_TOKEN)'}",
    ]


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.migrate import legacy_store, migrate_legacy

    old = legacy_store(settings.data_dir)
    if old is None:
        print(f"nothing to migrate: no store of an earlier version in {settings.data_dir}")
        return 0
    with _engine(settings) as engine:  # an empty catalog migrates at start; otherwise migrate here
        moved = migrate_legacy(engine) if legacy_store(settings.data_dir) else None
        docs = engine.document_count()
    done = "migrated at start" if moved is None else f"{moved} documents migrated"
    print(f"{done}; {docs} documents in {settings.data_dir}; the old store is kept as {old.name}.migrated")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "ingest": cmd_ingest,
    "documents": cmd_documents,
    "outline": cmd_outline,
    "legal-bases": cmd_legal_bases,
    "search": cmd_search,
    "ask": cmd_ask,
    "eval": cmd_eval,
    "serve": cmd_serve,
    "bot": cmd_bot,
    "doctor": cmd_doctor,
    "migrate": cmd_migrate,
}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cancu", description="Hỏi đáp kế hoạch và văn bản căn cứ, trích dẫn đến từng mục.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("ingest", help="parse and index files or folders (default: corpus/)")
    p.add_argument(
        "paths", nargs="*", help=".txt, .md, .docx, .doc, .pdf files or folders (scanned PDFs are read by OCR)"
    )

    p = sub.add_parser("documents", help="list indexed documents")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("outline", help="numbered sections of a document")
    p.add_argument("doc_id")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("legal-bases", help="the legal-basis registry")
    p.add_argument("--doc", metavar="DOC_ID", help="only what this document cites")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="find sections")
    p.add_argument("query", nargs="?")
    p.add_argument("--k", type=_positive, default=5)
    p.add_argument("--doc", metavar="DOC_ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--jsonl", metavar="FILE", help="one JSON object per line with a 'question' field ('-' for stdin)")

    p = sub.add_parser("ask", help="answer a question with cited sections")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--jsonl", metavar="FILE", help="one JSON object per line with a 'question' field ('-' for stdin)")

    p = sub.add_parser("eval", help="score answers against the gold sets and write a report")
    p.add_argument("--set", metavar="NAMES", help="gold sets, comma-separated (default: original,wide,realqa,probe)")
    p.add_argument("--gold", metavar="FILE", help="one gold file instead of the sets")
    p.add_argument("--split-by", choices=list(SPLIT_RULES), help="split rule of --gold (default: its set's, else id)")
    p.add_argument(
        "--config",
        metavar="NAMES",
        type=_configs,
        help="default, lexical, dense, hybrid, baseline, bm25, comma-separated, or all (default: default,bm25)",
    )
    p.add_argument("--split", default="all", choices=["all", "dev", "test"])
    p.add_argument("--out", metavar="DIR", help="report folder (default: <data dir>/eval-reports/<time>/)")
    p.add_argument(
        "--docs",
        nargs="*",
        metavar="PATH",
        help="documents of the store (default: CANCU_EVAL_DOCS: corpus/, ../shared/directives, ../shared/wide/docs)",
    )
    p.add_argument("--feedback", action="store_true", help="turn 👎 feedback from the bot into candidate gold lines")

    p = sub.add_parser("serve", help="serve the HTTP API, the web page and (with a token) the Telegram bot")
    p.add_argument("--host", help="address to bind (default CANCU_HOST, 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default CANCU_PORT, 8000)")

    sub.add_parser("bot", help="run the Telegram bot with long polling (needs CANCU_TELEGRAM_TOKEN)")
    sub.add_parser("doctor", help="show configuration, search mode and why")
    sub.add_parser("migrate", help="move a store written by an earlier version to the current layout")
    p = sub.add_parser("bench", help="measure ingest, latency, memory and HTTP against llama-index defaults")
    p.add_argument("bench_args", nargs=argparse.REMAINDER, help="see `cancu bench --help`")
    return parser


def _configs(value: str) -> str:
    from evals.run import expand_configs

    try:
        expand_configs(value)
    except CancuError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 1 <= n <= 100:
        raise argparse.ArgumentTypeError("must be between 1 and 100")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cancu`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # its own options (benchmarks/bench.py); it builds its engines in worker processes
        from benchmarks.bench import main as bench_main

        return bench_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except CancuError as exc:  # CANCU_* variables that do not validate, each named
        sys.stderr.write(f"cancu: error: {exc}\n")
        return 2
    except Exception as exc:  # a variable pydantic-settings cannot even decode (a list that is not JSON)
        sys.stderr.write(f"cancu: error: invalid configuration: {exc}\n".splitlines()[0] + "\n")
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for noisy in ("httpx", "httpcore", "urllib3", "sentence_transformers", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    redact_logs(settings.secret_values())  # tokens never reach a log line
    try:
        code = COMMANDS[args.command](args, settings)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below, not at interpreter exit
        return code
    except CancuError as exc:
        sys.stderr.write(f"cancu: error: {exc}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (`cancu outline X | head`): stop quietly, as Unix tools do. Point stdout at
        # /dev/null so that the interpreter's final flush does not raise again (Python's signal docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
