"""Masking on several cores, for bulk exports (``replyassist mask --workers N``).

One :class:`Masker` runs Python code that holds the GIL, so a second core
only helps in a second process. :class:`ParallelMasker` starts ``workers``
processes (spawned, not forked: the parent may already run BLAS threads),
each building its own Masker from the same :class:`MaskingConfig`, and hands
them batches of :meth:`mask_many`'s texts. Results come back in input order;
at most two batches per worker are in flight, so memory stays constant for
any export. Each worker uses one BLAS thread, so ``workers``
processes use ``workers`` cores.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from replyassist.masking.config import MaskingConfig
from replyassist.masking.masker import Masker
from replyassist.types import Masked

_WORKER_MASKER: Masker | None = None
_WORKER_ERROR: Exception | None = None


def _start_worker(config: MaskingConfig) -> None:
    global _WORKER_MASKER, _WORKER_ERROR
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    try:
        _WORKER_MASKER = Masker.from_config(config)
    except Exception as exc:  # reported with the first batch, as it was raised
        _WORKER_ERROR = exc


def _mask_part(texts: list[str]) -> list[Masked]:
    if _WORKER_MASKER is None:
        raise _WORKER_ERROR or RuntimeError("masking worker was not started")
    return list(_WORKER_MASKER.mask_many(texts))


class ParallelMasker:
    """``mask_many`` of a :class:`Masker`, spread over ``workers`` processes.

    Use as a context manager (or call :meth:`close`) so the processes end.
    A worker's start-up error (a ``ner_model`` that does not load) is raised
    by the first batch as it was raised in the worker; ``RuntimeError`` if a
    worker dies.
    """

    def __init__(self, config: MaskingConfig, workers: int, batch_size: int = 64) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.config = config
        self.workers = workers
        self.batch_size = batch_size
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(config,),
        )

    def mask_many(self, texts: Iterable[str]) -> Iterator[Masked]:
        """Same results as ``Masker.mask_many``, in input order.

        Each worker gets ``batch_size`` texts at a time, and the next round
        is handed out before this round's results are yielded, so the
        workers keep busy while the caller writes.
        """
        in_flight: deque[Future[list[Masked]]] = deque()
        part: list[str] = []
        for text in texts:
            if not isinstance(text, str):
                raise TypeError("texts must contain strings")
            part.append(text)
            if len(part) >= self.batch_size:
                in_flight.append(self._pool.submit(_mask_part, part))
                part = []
                if len(in_flight) > 2 * self.workers:
                    yield from self._result(in_flight.popleft())
        if part:
            in_flight.append(self._pool.submit(_mask_part, part))
        while in_flight:
            yield from self._result(in_flight.popleft())

    @staticmethod
    def _result(future: Future[list[Masked]]) -> list[Masked]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise RuntimeError("a masking worker process died") from exc

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ParallelMasker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
