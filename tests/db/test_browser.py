"""Pages rendered in headless Chromium: no console errors, highlights in the DOM, laid out apart."""
import json
import re
import subprocess

from pipeline.cli import main
from pipeline.db.html import article_page
from tests.db.test_html import ADJACENT

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--window-size=1280,900"]

# Injected into a copy of the page only (the shipped pages have no script): boxes of the highlights.
PROBE = """<script>
window.addEventListener("load", () => {
  const marks = [...document.querySelectorAll("mark.ent")].filter(m => m.closest(".text"));
  const boxes = marks.map(m => { const r = m.getBoundingClientRect(); const l = m.querySelector(".lbl").getBoundingClientRect();
    return {label: m.dataset.label, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            lblLeft: l.left, lblRight: l.right}; });
  const pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(boxes);
  document.body.appendChild(pre);
});
</script>"""


def _chromium(exe, url, tmp_path, *extra):
    proc = subprocess.run([exe, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, url],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def _console(stderr):
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_console_errors_are_caught(chromium, tmp_path):
    """The check below can fail: a page with a script error shows up in the log."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><meta charset="utf-8"><script>nosuchfunction()</script>', encoding="utf-8")
    _, err = _chromium(chromium, bad.as_uri(), tmp_path, "--dump-dom")
    assert any("nosuchfunction" in line for line in _console(err))


def test_show_page_in_chromium(chromium, tmp_path, archive):
    html = tmp_path / "show.html"
    assert main(["show", "tabriz-1", "--db", str(archive), "--html", str(html)]) == 0
    dom, err = _chromium(chromium, html.as_uri(), tmp_path, "--dump-dom")
    assert _console(err) == []
    labels = re.findall(r'<mark class="ent ent-\w+" id="ent-\d+-\d+" data-label="(\w+)"', dom)
    assert labels == ["ROLE", "LOC", "DATE", "PER", "FIG"]
    assert re.search(r'<span class="ev" id="ev-\d+-\d+">', dom)
    png = tmp_path / "show.png"
    _, err = _chromium(chromium, html.as_uri(), tmp_path, f"--screenshot={png}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert _console(err) == []


def test_adjacent_highlights_are_drawn_apart(chromium, tmp_path):
    page = tmp_path / "adjacent.html"
    page.write_text(article_page(ADJACENT).replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom, err = _chromium(chromium, page.as_uri(), tmp_path, "--dump-dom")
    assert _console(err) == []
    boxes = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1).replace("&quot;", '"'))
    assert [b["label"] for b in boxes] == ["ORG", "FIG", "ROLE", "FIG"]
    for a, b in zip(boxes, boxes[1:]):
        if abs(a["top"] - b["top"]) < 5:  # same line: right to left, no overlap
            assert b["right"] <= a["left"] + 1, (a, b)
    for b in boxes:  # each label is drawn inside its own highlight
        assert b["left"] - 1 <= b["lblLeft"] and b["lblRight"] <= b["right"] + 1, b
