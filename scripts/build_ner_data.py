#!/usr/bin/env python3
"""Thin wrapper: `python scripts/build_ner_data.py ...` = `python -m pipeline.training.ner_data ...`."""
import sys

from pipeline.training.ner_data import main

if __name__ == "__main__":
    sys.exit(main())
