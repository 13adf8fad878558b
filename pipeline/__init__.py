"""munifacts: structured facts (officials, meetings, commitments, quotes, figures) from Persian municipal news.

Importing the package registers the shipped tagger's architecture with the Hugging Face
Auto classes, so ``AutoModelForTokenClassification.from_pretrained("models/munitagger-fa")`` works.
"""
from pipeline.schema import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["Extractor", "SCHEMA_VERSION", "__version__"]


def __getattr__(name):  # lazy: importing the package stays cheap for the rule modules
    if name == "Extractor":
        from pipeline.extract import Extractor

        return Extractor
    raise AttributeError(name)


import os as _os

# Idle OpenMP threads sleep instead of spin-waiting (spinning threads steal the cores other
# processes need). Must be set before torch loads its OpenMP runtime; a user's own setting wins.
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

try:  # register the munitagger model type with transformers' Auto classes
    from pipeline.tagger import model as _model  # noqa: F401
except ImportError:  # transformers/torch not installed: rule modules still usable
    pass
