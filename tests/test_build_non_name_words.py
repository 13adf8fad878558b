"""scripts/build_non_name_words.py on hand-made labelled rows."""
from scripts.build_non_name_words import non_name_words


def _row(tokens, tags, source="peyma"):
    return {"tokens": tokens.split(), "tags": tags.split(), "source": source}


def test_common_words_in_and_names_out():
    rows = [_row("قرآن خواند", "O O")] * 6 + [_row("قرآن کریمی", "B-PER I-PER")] \
        + [_row("کریمی گفت", "B-PER O")] * 6
    words = non_name_words(rows, min_count=5, max_share=0.2)
    assert "قرآن" in words          # 1 of 7 inside PER
    assert "کریمی" not in words     # always a name
    assert "گفت" in words


def test_rare_words_and_synthetic_rows_are_ignored():
    rows = [_row("نادر گفت", "O O")] * 4 + [_row("گلابی گفت", "O O", source="synthetic")] * 9
    words = non_name_words(rows, min_count=5, max_share=0.05)
    assert "نادر" not in words       # seen 4 times: too rare to judge
    assert "گلابی" not in words      # synthetic sentences do not count
