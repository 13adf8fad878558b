"""Compatibility: the readers now live in :mod:`pipeline.io`."""
from pipeline.io import Columns, InputFailure, InputItem, UsageError, check_paths, count_inputs, iter_inputs
from pipeline.io.readers import JSONL_SUFFIXES, TEXT_SUFFIXES

__all__ = ["Columns", "InputFailure", "InputItem", "JSONL_SUFFIXES", "TEXT_SUFFIXES", "UsageError", "check_paths",
           "count_inputs", "iter_inputs"]
