"""``munifacts`` command line: a thin layer over :mod:`pipeline.extract` and :mod:`pipeline.db`.

Exit status: 0 all inputs succeeded, 1 some inputs failed (see the errors file),
2 usage error (bad arguments, unreadable model, missing input path, unwritable output),
130 stopped before the end (Ctrl-C, SIGTERM): ``--resume`` continues the run.
"""
from __future__ import annotations

import argparse
import textwrap
import sys
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # stopped early (Ctrl-C, SIGTERM, a worker died): rerun with --resume


def _resume_command(argv: list[str]) -> str:
    import shlex

    args = [a for a in argv if a != "--resume"]
    return shlex.join(["munifacts", *args, "--resume"])


def _names(value: str | None) -> list[str] | None:
    return [n.strip() for n in value.split(",") if n.strip()] if value else None


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.io import Columns, UsageError
    from pipeline.runner import ArchiveRun, RunStopped, run_archive
    from pipeline.runner.progress import Progress

    out = Path(args.output)
    errors = Path(args.errors) if args.errors else out.with_name(out.stem + ".errors.jsonl")
    if args.engine == "dask" and not args.scheduler:
        print("munifacts extract: --engine dask needs --scheduler tcp://HOST:PORT (the address `dask scheduler` "
              "prints)", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("munifacts extract: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    run = ArchiveRun(inputs=args.inputs, out=out, errors=errors, model=args.model, entities=args.entities,
                     max_chars=args.max_chars, batch_size=args.batch_size, threads=args.threads,
                     workers=args.workers, unordered=args.unordered, resume=args.resume, engine=args.engine,
                     scheduler=args.scheduler, stages=_names(args.stages), without=_names(args.without) or (),
                     int8=args.int8,
                     columns=Columns(text=args.text_col, id=args.id_col, date=args.date_col, title=args.title_col,
                                     source=args.source_col))
    progress = Progress(quiet=args.quiet)
    try:
        summary = run_archive(run, progress)
    except UsageError as e:
        progress.close()
        print(f"munifacts extract: {e}", file=sys.stderr)
        return EXIT_USAGE
    except (RunStopped, KeyboardInterrupt) as e:
        progress.close()
        why = "interrupted" if isinstance(e, KeyboardInterrupt) or str(e) == "interrupted" else str(e)
        print(f"munifacts: {why}; {out} and {errors.name} hold every finished article, none twice; "
              f"to continue, run: {_resume_command(args.argv)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    progress.close()
    if not args.quiet:
        print(f"munifacts: {progress.summary()}; {summary.workers} worker{'s' if summary.workers > 1 else ''}",
              file=sys.stderr)
        if summary.duplicates:
            print(f"munifacts: warning: {summary.duplicates} articles reuse an earlier id (all kept)", file=sys.stderr)
        print(f"munifacts: wrote {out}" + (f", failures in {errors}" if summary.any_failed else ""), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.any_failed else EXIT_OK


def cmd_stages(args: argparse.Namespace) -> int:
    from pipeline.registry import GROUPS, REGISTRY, load_plugins
    from pipeline.stages import DEFAULT_STAGES

    load_plugins()
    order = list(DEFAULT_STAGES) + sorted(n for n in REGISTRY if n not in DEFAULT_STAGES)
    for name in order:
        spec = REGISTRY[name]
        mark = "" if name in DEFAULT_STAGES else "  (not in the default pipeline)"
        print(f"{name:12} requires {', '.join(spec.requires) or '-':28} assigns {', '.join(spec.assigns)}{mark}")
        if spec.doc:
            print(f"{'':12} {spec.doc.splitlines()[0]}")
    for group, names in GROUPS.items():
        print(f"group {group}: {', '.join(names)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="munifacts", description="Structured facts from Persian municipal news.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  munifacts extract data/samples -o facts.jsonl\n"
               "  munifacts load facts.jsonl --db archive.duckdb\n"
               "  munifacts query officials --db archive.duckdb --role شهردار\n"
               "  munifacts export --db archive.duckdb --sqlite archive.db\n"
               "  munifacts show ID --db archive.duckdb --html article.html\n"
               "Each command has its own --help.")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract entities and records from articles into JSONL",
                        description=textwrap.fill("Read articles and write one JSON line per article. Inputs: .txt files (one "
                                    "article), .jsonl/.ndjson (one object per line with id, text [title, date, "
                                    "source]), .json (an array of such objects), .csv/.tsv (a header row; see "
                                    "--text-col), .parquet, any of them compressed (.gz, .xz, .zst), folders of "
                                    "them, or - for JSONL on stdin. Output lines come in input order.", 90),
                        formatter_class=argparse.RawDescriptionHelpFormatter,
                        epilog="examples:\n"
                               "  munifacts extract data/samples -o facts.jsonl\n"
                               "  cat archive.jsonl | munifacts extract - -o facts.jsonl\n"
                               "  munifacts extract archive.csv.gz --text-col body --id-col url -o facts.jsonl --workers 2\n"
                               "  munifacts extract archive.jsonl -o facts.jsonl --resume      # after an interruption\n"
                               "  munifacts extract in.jsonl -o ents.jsonl --without records   # entities only\n"
                               "  munifacts extract in.jsonl -o facts.jsonl --model path/to/checkpoint")
    ex.add_argument("inputs", nargs="+", metavar="INPUT")
    ex.add_argument("-o", "--output", required=True, metavar="OUT.jsonl")
    ex.add_argument("--errors", metavar="ERR.jsonl", help="failed inputs (default: OUT.errors.jsonl beside -o)")
    ex.add_argument("--model", default=None, metavar="PATH",
                    help="token-classification checkpoint folder (default: the shipped models/munitagger-fa; "
                         "'rules' = the lexicon stand-in)")
    ex.add_argument("--entities", choices=["combined", "model"], default="combined",
                    help="combined: the model's spans plus the rule finders (FIG/DATE conventions, gaps); "
                         "model: the tagger's spans (repaired), without the rules and combine stages")
    ex.add_argument("--stages", metavar="A,B,...",
                    help="the stages to run, in order (default: normalize,tokenize,dates_figures,tag,rules,combine,repair,"
                         "officials,meetings,commitments,quotes,figures,dates; 'records' = the six record stages)")
    ex.add_argument("--without", metavar="A,B,...",
                    help="stages to leave out, e.g. 'meetings,quotes', or 'records' for entities only")
    ex.add_argument("--max-chars", type=int, default=1_000_000, help="longer articles are reported, not processed")
    ex.add_argument("--int8", action="store_true",
                    help="quantize the tagger's linear layers to int8 at load time (faster on CPU; a few tags differ)")
    ex.add_argument("--batch-size", type=int, default=16,
                    help="articles per batch (the unit of work sent to a worker and of --resume)")
    run = ex.add_argument_group("archive runs")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="worker processes, each loading the model once (default: the number of cores)")
    run.add_argument("--threads", type=int, default=None,
                     help="torch threads per worker (default: cores / workers, so cores are never oversubscribed)")
    run.add_argument("--unordered", action="store_true",
                     help="write each batch as soon as it is done instead of in input order (the same lines, "
                          "in another order)")
    run.add_argument("--resume", action="store_true",
                     help="continue an interrupted run of the same command (OUT.resume beside -o records progress)")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local: worker processes on this machine; dask: the workers of a dask.distributed "
                          "cluster (needs --scheduler)")
    run.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="the Dask scheduler's address")
    cols = ex.add_argument_group("columns of CSV/TSV/Parquet/JSON records")
    cols.add_argument("--text-col", default="text", metavar="NAME", help="article text (default: text)")
    cols.add_argument("--id-col", default="id", metavar="NAME", help="article id (default: id; else FILE:ROW)")
    cols.add_argument("--date-col", default="date", metavar="NAME",
                      help="publication date, Jalali 1402/05/01 or ISO 2023-07-23 (default: date)")
    cols.add_argument("--title-col", default="title", metavar="NAME")
    cols.add_argument("--source-col", default="source", metavar="NAME")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress, warnings or per-failure messages")
    ex.set_defaults(func=cmd_extract)

    from pipeline.db.commands import register  # load, query, export, show, view

    register(sub)

    st = sub.add_parser("stages", help="list the registered stages (what each requires and assigns)",
                        formatter_class=argparse.RawDescriptionHelpFormatter,
                        epilog="example:\n  munifacts stages\n"
                               "then pick a pipeline: munifacts extract in.jsonl -o out.jsonl --without meetings,quotes")
    st.set_defaults(func=cmd_stages)
    return ap


def main(argv: list[str] | None = None) -> int:
    try:
        parser = build_parser()
        argv = sys.argv[1:] if argv is None else list(argv)
        args = parser.parse_args(argv)  # exits with status 2 on usage errors
        args.argv = argv
        return args.func(args)
    except KeyboardInterrupt:  # Ctrl-C while starting up (extract handles it itself once running)
        print("munifacts: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())


def entry() -> None:
    """The ``munifacts`` command: run :func:`main`, then exit with its status.

    Once ``main`` has returned, the run's output is complete and its status decided; a Ctrl-C during
    interpreter shutdown (which can take a moment after torch was loaded) must not turn that status
    into a death by signal, so SIGINT is ignored from here on.
    """
    import signal

    status = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(status)

