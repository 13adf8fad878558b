"""What a worker does with one chunk of inputs: the same code in-process, in a local worker
process and on a Dask worker, so every engine writes the same bytes.

Before the pipeline: HTML is stripped (offsets mapped back to the raw input afterwards),
text without any letter is reported, and an article ``date`` that cannot be parsed is
set aside (the article is kept, with a warning and its relative dates unresolved).
After it: results become JSON lines here, so the main process only writes strings.
"""
from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, replace
from typing import Any

from pipeline.io.html import OffsetMap, looks_like_html, strip_html
from pipeline.io.items import InputFailure, InputItem


@dataclass(frozen=True)
class RunConfig:
    """Everything a worker needs to build its Extractor (picklable, hashable)."""

    model: str | None = None
    max_chars: int = 1_000_000
    batch_size: int = 16
    entities: str = "combined"
    threads: int = 1
    stages: tuple[str, ...] | None = None
    without: tuple[str, ...] = ()
    int8: bool = False


class ModelError(RuntimeError):
    """The model could not be loaded in a worker (a usage error: exit status 2)."""


#: one result: (is_error, json_line, messages for stderr)
Result = tuple[bool, str, tuple[str, ...]]

_extractors: dict[RunConfig, Any] = {}
_lock = threading.Lock()


def set_threads(threads: int) -> None:
    """Torch/OpenMP threads for this process; idle OpenMP threads sleep instead of spinning."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    import torch

    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # already set once in this process
        pass


def get_extractor(cfg: RunConfig):
    """The process's Extractor for ``cfg``, loaded once (ModelError if it cannot be)."""
    with _lock:
        ex = _extractors.get(cfg)
        if ex is None:
            from pipeline.extract import Extractor

            set_threads(cfg.threads)
            try:
                ex = Extractor(model=cfg.model, max_chars=cfg.max_chars, batch_size=cfg.batch_size,
                               threads=cfg.threads, entities=cfg.entities, stages=cfg.stages, without=cfg.without,
                               int8=cfg.int8)
            except Exception as e:  # noqa: BLE001 - TaggerError, PipelineError, ImportError, a broken checkpoint
                raise ModelError(str(e)) from None
            _extractors[cfg] = ex
        return ex


# ---------------------------------------------------------------------------- one chunk
def process_chunk(cfg: RunConfig, items: list) -> list[Result]:
    ex = get_extractor(cfg)
    with _lock:  # one chunk at a time per process (Dask workers may run several threads)
        return _process(ex, items)


def _process(ex, items: list) -> list[Result]:
    prepared = [_prepare(it) for it in items]
    runnable = [p[0] for p in prepared]
    try:
        results = list(ex.run(runnable))
        if len(results) != len(runnable):
            raise RuntimeError(f"{len(results)} results for {len(runnable)} inputs")
    except Exception:  # noqa: BLE001 - find the one input that breaks the run, keep the others
        results = [_one(ex, x) for x in runnable]
    return [_finish(res, item, post, warns) for res, item, (_x, post, warns) in zip(results, items, prepared)]


def _one(ex, item):
    from pipeline.schema import InputError

    try:
        (res,) = list(ex.run([item]))
        return res
    except Exception as e:  # noqa: BLE001
        return InputError(source=getattr(item, "location", "?"), id=getattr(item, "id", None),
                          reason=f"internal error: {type(e).__name__}: {e}")


def _prepare(item: InputItem | InputFailure) -> tuple[InputItem | InputFailure, dict | None, list[str]]:
    if isinstance(item, InputFailure):
        return item, None, []
    warns = list(item.warnings)
    post: dict[str, Any] = {}
    text = item.text
    if looks_like_html(text):
        text, post["offsets"] = strip_html(text)
        if not text.strip():
            return InputFailure(item.location, "no text left after removing HTML tags", item.id), None, warns
    if not any(ch.isalpha() for ch in text):
        return InputFailure(item.location, "no words: the text holds only punctuation, digits or symbols",
                            item.id), None, warns
    date = item.date
    if date is not None:
        if not date.strip():
            date = None
        else:
            try:
                _parse_date(date)
            except ValueError as e:
                post["date"] = date  # the output keeps the date as given
                date = _date_inside(date)
                if date is None:
                    warns.append(f"{e}; the article is kept, with relative dates left unresolved")
    if text is item.text and date == item.date and not item.warnings:
        return item, None, warns
    return replace(item, text=text, date=date, warnings=()), post or None, warns


_DATE_INSIDE = re.compile(r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")


def _date_inside(s: str) -> str | None:
    """A Jalali/ISO date within a longer field («۱۳:۵۴  ۱۴۰۲-۵-۱۵», «Published 2023-07-23 10:00»)."""
    for m in _DATE_INSIDE.finditer(s):
        try:
            _parse_date(m.group(0))
        except ValueError:
            continue
        return m.group(0)
    return None


def _parse_date(s: str) -> None:
    from pipeline.persian.dates import parse_article_date

    parse_article_date(s)


def _finish(res, item, post: dict | None, warns: list[str]) -> Result:
    from pipeline.schema import Article, InputError

    where = f"{getattr(item, 'location', '?')}" + (f" (id {item.id})" if getattr(item, "id", None) else "")
    msgs = tuple(f"warning: {where}: {w}" for w in warns)
    if isinstance(res, InputError):
        return True, _one_line(res.model_dump_json()), msgs + (f"skipped {res.source}: {res.reason}",)
    if post:
        d = res.model_dump(mode="json")
        if "offsets" in post:
            _remap(d, post["offsets"])
        if "date" in post:
            d["date"] = post["date"]
        res = Article.model_validate(d)
    return False, _one_line(res.model_dump_json()), msgs


#: characters JSON leaves unescaped that str.splitlines() and some JSONL readers take as line ends
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _one_line(line: str) -> str:
    """Escape them (they only occur inside JSON strings, so the value is unchanged)."""
    return line.translate(_LINE_BREAKS)


def _remap(node: Any, omap: OffsetMap) -> None:
    """Offsets into the stripped text -> offsets into the raw input, in place, everywhere."""
    if isinstance(node, dict):
        if "raw_start" in node and "raw_end" in node:
            s, e = node["raw_start"], node["raw_end"]
            node["raw_start"] = omap.start(s)
            node["raw_end"] = max(node["raw_start"], omap.end(e)) if e > s else node["raw_start"]
        for v in node.values():
            if isinstance(v, (dict, list)):
                _remap(v, omap)
    elif isinstance(node, list):
        for v in node:
            _remap(v, omap)


# ---------------------------------------------------------------------------- local worker processes
_worker_cfg: RunConfig | None = None
_worker_error: str | None = None


def init_worker(cfg: RunConfig) -> None:
    """ProcessPoolExecutor initializer: ignore Ctrl-C (the main process stops the run), load the model."""
    import signal

    global _worker_cfg, _worker_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_cfg = cfg
    try:
        get_extractor(cfg)
    except ModelError as e:
        _worker_error = str(e)


def worker_chunk(items: list) -> list[Result]:
    if _worker_error is not None:
        raise ModelError(_worker_error)
    assert _worker_cfg is not None
    return process_chunk(_worker_cfg, items)
