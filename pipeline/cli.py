"""``munifacts`` command line: a thin layer over :mod:`pipeline.extract` and :mod:`pipeline.db`.

Exit status: 0 all inputs succeeded, 1 some inputs failed (see the errors file),
2 usage error (bad arguments, unreadable model, missing input path).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _progress(done: int, failed: int, start: float, final: bool = False) -> None:
    rate = done / max(1e-6, time.time() - start)
    end = "\n" if final or not sys.stderr.isatty() else "\r"
    print(f"munifacts: {done} articles ({failed} failed), {rate:.1f}/s", end=end, file=sys.stderr, flush=True)


def _names(value: str | None) -> list[str] | None:
    return [n.strip() for n in value.split(",") if n.strip()] if value else None


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.extract import Extractor
    from pipeline.inputs import UsageError, check_paths, iter_inputs
    from pipeline.registry import PipelineError
    from pipeline.schema import InputError
    from pipeline.tag.tagger import TaggerError

    try:
        check_paths(args.inputs)
    except UsageError as e:
        print(f"munifacts extract: {e}", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.output)
    errors = Path(args.errors) if args.errors else out.with_name(out.stem + ".errors.jsonl")
    if out.resolve() == errors.resolve():
        print("munifacts extract: --errors must differ from -o", file=sys.stderr)
        return EXIT_USAGE
    try:
        extractor = Extractor(model=args.model, max_chars=args.max_chars, batch_size=args.batch_size,
                              threads=args.threads, entities=args.entities, stages=_names(args.stages),
                              without=_names(args.without) or ())
    except (TaggerError, ImportError, PipelineError) as e:
        print(f"munifacts extract: {e}", file=sys.stderr)
        return EXIT_USAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    start = last = time.time()
    with open(out, "w", encoding="utf-8") as fo, open(errors, "w", encoding="utf-8") as fe:
        for result in extractor.run(iter_inputs(args.inputs)):
            if isinstance(result, InputError):
                failed += 1
                fe.write(result.model_dump_json() + "\n")
                fe.flush()
                if not args.quiet:
                    print(f"munifacts: skipped {result.source}: {result.reason}", file=sys.stderr)
            else:
                fo.write(result.model_dump_json() + "\n")
            done += 1
            if not args.quiet and time.time() - last > 2:
                _progress(done, failed, start)
                last = time.time()
    if not args.quiet:
        _progress(done, failed, start, final=True)
        print(f"munifacts: wrote {done - failed} articles to {out}" +
              (f", {failed} failures to {errors}" if failed else ""), file=sys.stderr)
    if not failed:
        errors.unlink(missing_ok=True)
    return EXIT_SOME_FAILED if failed else EXIT_OK


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
    ap = argparse.ArgumentParser(prog="munifacts", description="Structured facts from Persian municipal news.")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract entities and records from articles into JSONL",
                        description="Read articles (.txt files, folders of them, .jsonl files with id/text "
                                    "[title, date, source] per line, or - for JSONL on stdin) and write one "
                                    "JSON line per article.")
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
    ex.add_argument("--batch-size", type=int, default=16)
    ex.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress or per-failure messages")
    ex.set_defaults(func=cmd_extract)

    from pipeline.db.commands import register  # load, query, export, show, view

    register(sub)

    st = sub.add_parser("stages", help="list the registered stages (what each requires and assigns)")
    st.set_defaults(func=cmd_stages)
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on usage errors
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
