"""munifacts: structured facts (officials, meetings, commitments, quotes, figures) from Persian municipal news.

    from pipeline import Extractor
    article = Extractor().extract_text("...")

``import pipeline`` is light: torch, transformers and spaCy load when a stage first needs them.
The stages and how to add one: :mod:`pipeline.stages`, :mod:`pipeline.registry`.
"""
from pipeline.registry import stage
from pipeline.schema import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["Extractor", "SCHEMA_VERSION", "stage", "__version__"]


def __getattr__(name):  # lazy: importing the package stays cheap for the rule modules
    if name == "Extractor":
        from pipeline.extract import Extractor

        return Extractor
    raise AttributeError(name)


import os as _os

# Idle OpenMP threads sleep instead of spin-waiting (spinning threads steal the cores other
# processes need). Must be set before torch loads its OpenMP runtime; a user's own setting wins.
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
