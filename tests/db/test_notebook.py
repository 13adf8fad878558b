"""notebooks/trends.ipynb runs top to bottom headless on an archive built from extracted data/samples."""
import os

import pytest

from pipeline.db import load_files, open_db
from tests.conftest import ROOT


@pytest.mark.slow
def test_trends_notebook_runs(tmp_path, samples_facts, monkeypatch):
    import nbclient
    import nbformat

    db = tmp_path / "archive.duckdb"
    con = open_db(db)
    load_files(con, [samples_facts])
    con.close()
    plots = tmp_path / "plots"
    monkeypatch.setenv("MUNIFACTS_DB", str(db))
    monkeypatch.setenv("MUNIFACTS_PLOTS", str(plots))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(ROOT / "notebooks" / "trends.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    for name in ("mentions_over_time", "commitments_by_kind", "money_per_month", "meetings_network"):
        png = plots / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 4  # every plot drawn inline too
