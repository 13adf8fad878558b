"""Archive-run benchmarks: whole command, per stage, workers, memory, long articles, BERT-base.

Every number is printed; nothing is asserted. Run niced on a quiet machine, e.g.

    python benchmarks/archive_throughput.py whole --articles 400 --workers 1 2
    python benchmarks/archive_throughput.py stages --articles 200
    python benchmarks/archive_throughput.py memory --sizes 1000 10000 [--article-words 40]
    python benchmarks/archive_throughput.py memory --sizes 1000 10000 50000 --stages normalize,tokenize --workers 2
    python benchmarks/archive_throughput.py long --words 5000 20000 80000
    python benchmarks/archive_throughput.py bert --articles 200 --workers 2

Articles are built from sentences in ``benchmarks/_corpus.py`` (about 400 words each, new ids);
``--source FILE.jsonl`` repeats real articles instead (read at run time, e.g. ../shared/gold/train.jsonl).
``whole``/``memory``/``bert`` time ``python -m pipeline extract`` as a user runs it (start-up included,
and start-up measured alone so the steady rate can be given too); peak memory is the largest sum of
the resident memory of the command and its worker processes, sampled every 50 ms. CPU time (user +
system of the command and all its workers) is printed too: on a machine where other jobs take cores,
CPU ms per article and its ratio between worker counts say more than wall-clock rates. ``threads`` is
the most OS threads any worker process had (torch's pool is 1 per worker when workers = cores).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import article_text, write_archive  # noqa: E402


def run_command(inputs: Path, out: Path, extra: list[str]) -> dict:
    """Run the extract command: wall time, CPU time (user + system, the command and its workers) and
    peak resident memory of its process tree; the most threads any worker process had."""
    import resource

    import psutil

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "pipeline", "extract", str(inputs), "-o", str(out), "-q", *extra]
    if out.with_name(out.name + ".resume").exists():
        out.with_name(out.name + ".resume").unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak, threads, parent_cpu = 0, 0, 0.0
    while proc.poll() is None:
        try:
            own = ps.cpu_times()  # the command's own process (reading, ordering, writing), not its workers
            parent_cpu = own.user + own.system
            kids = ps.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in [ps, *kids]))
            threads = max([threads, *(p.num_threads() for p in (kids or [ps]))])
        except psutil.Error:
            pass
        time.sleep(0.05)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # children and their reaped workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err = proc.stderr.read().decode()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"extract failed ({proc.returncode}): {err}")
    return {"seconds": dt, "cpu": cpu, "peak_mb": peak / 2**20, "worker_threads": threads, "parent_cpu": parent_cpu}


def cmd_whole(args, model_args: list[str], label: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n, words = write_archive(tmp / "in.jsonl", args.articles, args.article_words, source=args.source)
        print(f"{label}{n} articles, {words} words ({words / n:.0f} per article)")
        print(f"{'workers':>7} {'start-up s':>10} {'total s':>8} {'art/s':>7} {'words/s':>8} {'steady art/s':>12} "
              f"{'peak MB':>8} {'CPU s':>7} {'start CPU':>9} {'CPU ms/art':>10} {'threads':>7} {'parent CPU':>10} {'cores used':>10}")
        rates, cpu_rates = {}, {}
        for w in args.workers:
            extra = [*model_args, *args.extra, "--workers", str(w)]
            # start-up: one article per worker, one article per batch, so every worker starts
            write_archive(tmp / "one.jsonl", w, source=args.source)
            start = run_command(tmp / "one.jsonl", tmp / "one.out.jsonl", [*extra, "--batch-size", "1"])
            r = run_command(tmp / "in.jsonl", tmp / "out.jsonl", extra)
            steady = n / max(1e-9, r["seconds"] - start["seconds"])
            rates[w] = n / r["seconds"]
            per_art = (r["cpu"] - start["cpu"]) / max(1, n - w)  # steady-state CPU per article, all processes
            cpu_rates[w] = 1 / max(1e-9, per_art)
            print(f"{w:7d} {start['seconds']:10.1f} {r['seconds']:8.1f} {n / r['seconds']:7.1f} "
                  f"{words / r['seconds']:8.0f} {steady:12.1f} {r['peak_mb']:8.0f} {r['cpu']:7.1f} "
                  f"{start['cpu']:9.1f} {1000 * per_art:10.1f} {r['worker_threads']:7d} {r['parent_cpu']:10.1f} "
                  f"{r['cpu'] / r['seconds']:10.2f}")
        if len(rates) > 1:
            ws = sorted(rates)
            print(f"speed-up {ws[-1]} vs {ws[0]} workers (whole command, wall): {rates[ws[-1]] / rates[ws[0]]:.2f}x; "
                  f"CPU per article {ws[-1]} vs {ws[0]} workers: {cpu_rates[ws[0]] / cpu_rates[ws[-1]]:.2f}x "
                  f"(1.00 = a second worker costs no extra CPU per article)")


def stage_times(docs, ex) -> dict[str, float]:
    """Run the Extractor's stages on ``docs`` as :meth:`Extractor.run` does (a batched stage on whole
    batches, runs of per-document stages one document at a time), timing each stage (CPU time of this
    process, so another job on the machine does not inflate it)."""
    from pipeline.extract import stage_groups, to_article

    clock = time.process_time
    names = {id(c): n for n, c in ex.stages}
    times: dict[str, float] = {n: 0.0 for n, _ in ex.stages}
    for i in range(0, len(docs), ex.batch_size):
        batch = docs[i:i + ex.batch_size]
        for group in stage_groups([c for _n, c in ex.stages]):
            pipe = getattr(group[0], "pipe", None)
            if pipe is not None:
                t0 = clock()
                pipe(batch)
                times[names[id(group[0])]] += clock() - t0
                continue
            for d in batch:
                for c in group:
                    t0 = clock()
                    c(d)
                    times[names[id(c)]] += clock() - t0
    t0 = clock()
    for d in docs:
        to_article(d, ex.model_info).model_dump_json()
    times["write"] = clock() - t0
    return times


def _docs(texts):
    from pipeline.document import Document

    return [Document(id=f"d{i}", raw=t, date="1402/05/01") for i, t in enumerate(texts)]


def _extractor(args):
    from pipeline.extract import Extractor

    return Extractor(model=args.model, threads=args.threads)


def print_stages(times: dict[str, float], n_docs: int, words: int) -> None:
    records = ("officials", "meetings", "commitments", "quotes", "figures", "dates")
    total = sum(times.values())
    print(f"{'stage':12} {'seconds':>8} {'share':>6} {'art/s':>8} {'words/s':>9}")
    for name, t in times.items():
        print(f"{name:12} {t:8.2f} {t / total:6.1%} {n_docs / max(t, 1e-9):8.1f} {words / max(t, 1e-9):9.0f}")
    rec = sum(times.get(r, 0.0) for r in records)
    print(f"{'(records)':12} {rec:8.2f} {rec / total:6.1%}")
    print(f"{'all':12} {total:8.2f} {1:6.1%} {n_docs / total:8.1f} {words / total:9.0f}")


def cmd_stages(args) -> None:
    import torch

    torch.set_num_threads(args.threads)
    from _corpus import articles

    texts = [a["text"] for a in articles(args.articles, source=args.source)]
    ex = _extractor(args)
    stage_times(_docs(texts[:4]), ex)  # warm-up: lazy loads
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, torch threads {args.threads}, one process")
    print_stages(stage_times(_docs(texts), ex), len(texts), words)


def cmd_long(args) -> None:
    import torch

    torch.set_num_threads(args.threads)
    ex = _extractor(args)
    stage_times(_docs([article_text(0)]), ex)
    print(f"one article per row, torch threads {args.threads}")
    print(f"{'words':>7} " + " ".join(f"{n[:9]:>9}" for n, _ in ex.stages) + f" {'write':>9} {'total s':>8} {'s/1k words':>10}")
    for w in args.words:
        text = article_text(1, w)
        t = stage_times(_docs([text]), ex)
        total = sum(t.values())
        print(f"{w:7d} " + " ".join(f"{t[n]:9.2f}" for n, _ in ex.stages) + f" {t['write']:9.2f} {total:8.2f} "
              f"{total / w * 1000:10.3f}")


def cmd_memory(args) -> None:
    model_args = ["--model", args.model] if args.model else []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stages = f"stages {args.stages}" if args.stages else "all stages"
        print(f"reader -> runner -> sink, {stages}, {args.article_words} words per article")
        print(f"{'articles':>8} {'workers':>7} {'seconds':>8} {'CPU s':>8} {'peak MB':>8}")
        for n in args.sizes:
            write_archive(tmp / "in.jsonl", n, args.article_words, source=args.source)
            for w in args.workers:
                extra = [*model_args, *args.extra, "--workers", str(w)]
                extra += ["--stages", args.stages] if args.stages else []
                r = run_command(tmp / "in.jsonl", tmp / "out.jsonl", extra)
                print(f"{n:8d} {w:7d} {r['seconds']:8.1f} {r['cpu']:8.1f} {r['peak_mb']:8.0f}", flush=True)


def cmd_bert(args) -> None:
    from bert_checkpoint import build_bert_base

    with tempfile.TemporaryDirectory() as tmp:
        from _corpus import articles

        path = build_bert_base(Path(tmp) / "bert-base-random", [a["text"] for a in articles(200)])
        ours = ["--model", args.model] if args.model else []
        cmd_whole(args, ours, label="shipped model: ")
        cmd_whole(args, ["--model", str(path)], label="BERT-base-sized random checkpoint: ")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["whole", "stages", "memory", "long", "bert"])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--words", type=int, nargs="+", default=[5000, 20000, 80000])
    ap.add_argument("--article-words", type=int, default=400, help="words per synthetic article (whole, memory)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (stages, long)")
    ap.add_argument("--model", default=None, help="checkpoint folder (default: the shipped model)")
    ap.add_argument("--source", type=Path, default=None, help="repeat the articles of this JSONL file")
    ap.add_argument("--stages", default=None, help="memory: run only these stages (e.g. normalize,tokenize)")
    ap.add_argument("--int8", dest="extra", action="append_const", const="--int8",
                    help="whole/memory/bert: pass --int8 to the command")
    ap.add_argument("--worker-threads", type=int, default=None,
                    help="whole/memory/bert: pass --threads N to the command (torch threads per worker; the "
                         "command's default is cores / workers, so 1 worker alone uses every core)")
    args = ap.parse_args(argv)
    args.extra = (args.extra or []) + (["--threads", str(args.worker_threads)] if args.worker_threads else [])
    if args.what == "whole":
        cmd_whole(args, ["--model", args.model] if args.model else [])
    else:
        {"stages": cmd_stages, "memory": cmd_memory, "long": cmd_long, "bert": cmd_bert}[args.what](args)


if __name__ == "__main__":
    main()
