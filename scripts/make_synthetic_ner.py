#!/usr/bin/env python3
"""Thin wrapper: `python scripts/make_synthetic_ner.py ...` = `python -m pipeline.training.synthetic ...`."""
import sys

from pipeline.training.synthetic import main

if __name__ == "__main__":
    sys.exit(main())
