"""HTML stripping keeps a map from every stripped character back to the raw input."""
import pytest

from pipeline.io.html import looks_like_html, strip_html

CASES = [
    # raw, expected stripped text
    ("<p>شهردار تهران</p><p>گفت</p>", "\nشهردار تهران\n\nگفت\n"),
    ("«</p><script>alert('x')</script>طرح»", "«\nطرح»"),
    ("شهرداري&nbsp;ها &amp; شوراي<br/>شهر", "شهرداري\xa0ها & شوراي\nشهر"),
    ("&#1588;&#x647;ر <b>مشهد</b>", "شهر مشهد"),
    ("<!-- note -->بودجه<style>p{}</style>", "بودجه"),
    ("می&zwnj;شود", "می\u200cشود"),
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_stripped_text_and_offsets(raw, expected):
    text, omap = strip_html(raw)
    assert text == expected
    assert len(omap.starts) == len(text)
    for word in text.split():
        i = text.index(word)
        chunk = raw[omap.start(i):omap.end(i + len(word))]
        assert strip_html(chunk)[0] == word  # the raw span holds exactly that word (with its markup)


@pytest.mark.parametrize("text", ["قیمت < ۵۰۰ و > ۱۰۰", "A & B", "شهر&شهرداری", "x<3"])
def test_plain_text_is_left_alone(text):
    assert not looks_like_html(text)


def test_unknown_entity_kept_verbatim():
    text, omap = strip_html("<i>a</i>&foo;")
    assert text == "a&foo;" and omap.start(1) == 8 and omap.end(6) == 13
