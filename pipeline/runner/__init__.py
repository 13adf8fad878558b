"""Archive runs: streaming, local worker processes or a Dask cluster, exact resume, progress.

:func:`run_archive` drives a run described by :class:`ArchiveRun`; the CLI's ``extract``
subcommand is a thin layer over it. The NLP itself is only ever entered through
:meth:`pipeline.extract.Extractor.run`.
"""
from pipeline.runner.run import ArchiveRun, RunStopped, Summary, run_archive

__all__ = ["ArchiveRun", "RunStopped", "Summary", "run_archive"]
