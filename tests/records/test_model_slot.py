"""ModelSlot: the shipped model loaded once, swapped for a block, per thread."""
import threading

from pipeline.records.model_slot import ModelSlot


def test_shipped_is_loaded_once_and_blocks_nest_and_restore():
    loads = []
    slot = ModelSlot("toy", lambda: loads.append(1) or "shipped")
    assert slot.current() == "shipped" and slot.current() == "shipped"
    assert loads == [1]
    with slot.using("fold1"):
        assert slot.current() == "fold1"
        with slot.using("fold2"):
            assert slot.current() == "fold2"
        assert slot.current() == "fold1"
    assert slot.current() == "shipped"


def test_a_model_installed_in_one_thread_is_not_seen_in_another():
    slot = ModelSlot("toy", lambda: "shipped")
    seen = []
    with slot.using("fold"):
        t = threading.Thread(target=lambda: seen.append(slot.current()))
        t.start()
        t.join()
        assert slot.current() == "fold"
    assert seen == ["shipped"]
