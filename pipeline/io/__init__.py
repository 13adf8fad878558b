"""Archive input and output: readers for every input format, and the crash-safe output writer.

Readers (:func:`iter_inputs`) turn files, folders and stdin into a lazy stream of
:class:`InputItem` / :class:`InputFailure`; :mod:`pipeline.io.sink` writes whole JSON lines
to the output and errors files with a resume journal beside them.
"""
from pipeline.io.items import Columns, InputFailure, InputItem, UsageError
from pipeline.io.readers import SUFFIXES, check_paths, count_inputs, input_format, iter_inputs

__all__ = ["Columns", "InputFailure", "InputItem", "SUFFIXES", "UsageError", "check_paths", "count_inputs",
           "input_format", "iter_inputs"]
