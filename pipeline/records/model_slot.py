"""The shipped model of a learned record component, swappable for one ``with`` block.

Each learned component (commitment clauses, official links, meeting participants) loads its
shipped model once, and evaluation by folds installs a fold's model instead::

    SLOT = ModelSlot("commitment_model", lambda: CommitmentModel.load(MODEL_PATH))
    SLOT.current()            # the installed model, else the shipped one
    with SLOT.using(model):   # nested blocks stack; per thread / task (a ContextVar)
        ...
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Generic, TypeVar

M = TypeVar("M")


class ModelSlot(Generic[M]):
    def __init__(self, name: str, load: Callable[[], M]):
        self.shipped: Callable[[], M] = lru_cache(maxsize=1)(load)
        self._active: ContextVar[tuple] = ContextVar(f"{name}_active", default=())

    def current(self) -> M:
        """The model installed by :meth:`using`, else the shipped one."""
        stack = self._active.get()
        return stack[-1] if stack else self.shipped()

    @contextmanager
    def using(self, model: M) -> Iterator[M]:
        """Use ``model`` instead of the shipped one inside the ``with`` block (evaluation by folds)."""
        token = self._active.set(self._active.get() + (model,))
        try:
            yield model
        finally:
            self._active.reset(token)
