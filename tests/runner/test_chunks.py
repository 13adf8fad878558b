"""Chunks are fixed runs of consecutive inputs, so every engine and every resumed run sees the same batches."""
from pipeline.io import InputFailure, InputItem
from pipeline.runner.engines import threads_per_worker
from pipeline.runner.run import Summary, _chunks


def _items(n):
    return [InputItem(id=f"i{k}", text="متن", location=f"f:{k}") if k % 5 else InputFailure(f"f:{k}", "bad")
            for k in range(n)]


def test_chunk_k_holds_the_same_inputs_whatever_was_done_before():
    all_chunks = dict(_chunks(iter(_items(23)), 4, set(), Summary(), lambda m: None))
    assert sorted(all_chunks) == list(range(6)) and len(all_chunks[5]) == 3
    summary = Summary()
    rest = dict(_chunks(iter(_items(23)), 4, {0, 2, 5}, summary, lambda m: None))
    assert sorted(rest) == [1, 3, 4] and summary.skipped_chunks == 3
    assert all(rest[k] == all_chunks[k] for k in rest)


def test_duplicate_ids_are_kept_and_warned_once_per_repeat():
    items = [InputItem(id=x, text="متن", location=f"f:{k}") for k, x in enumerate(["a", "b", "a", "a"])]
    warnings, summary = [], Summary()
    (chunk,) = list(_chunks(iter(items), 10, set(), summary, warnings.append))
    assert len(chunk[1]) == 4 and summary.duplicates == 2
    assert len(warnings) == 2 and all("'a'" in w for w in warnings)


def test_threads_never_oversubscribe(monkeypatch):
    import pipeline.runner.engines as engines

    monkeypatch.setattr(engines, "cores", lambda: 8)
    assert [threads_per_worker(w) for w in (1, 2, 3, 8, 16)] == [8, 4, 2, 1, 1]
    assert threads_per_worker(2, requested=3) == 3
