"""Run the pipeline over many documents on several cores (worker processes).

    from eventwire.parallel import extract_parallel
    for doc in extract_parallel(docs, settings, workers=2, on_error=report):
        write(doc.events)

* **Processes**, not threads: spaCy and the stage code are Python-bound.
  Each worker builds its :class:`~eventwire.pipeline.Pipeline` once (model,
  gazetteer and dictionaries load once per worker) and then takes chunks of
  documents; chunks amortise the pickling round trip, and the worker's nlp stage takes a
  chunk's documents together (``CHUNK_DOCS``; docs/performance.md, session 7). The last
  chunks of an input shrink to one document (guided scheduling) so the workers finish together.
* **Ordered output**: documents come back in input order, whatever order the
  workers finish in; at most ``workers * prefetch`` chunks are in flight, so
  memory stays flat on an endless input.
* **Errors per document, as in one process**: a document that fails in a
  worker is handed to ``on_error(doc, exc)`` in the parent with the same
  exception type, message and origin the single-process
  :meth:`Pipeline.pipe` would give; the batch goes on. A worker that dies
  (segfault, out of memory) costs only its documents: the pool is rebuilt,
  the documents in flight are retried one by one, and a document that kills
  a worker twice is reported as an error. Workers that die on several
  documents in a row (they cannot start) stop the run with a StageError.
"""

from __future__ import annotations

import collections
import multiprocessing as mp
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from . import errors as _errors
from .errors import EventwireError, InputError, StageError
from .models import Document
from .pipeline import DEFAULT_ORDER, Pipeline, reported_error
from .settings import Settings

ErrorHandler = Callable[[Document, Exception], Any]

# outcome of one document in a worker: ("ok", doc) or ("err", (class name, message, origin, text))
Outcome = tuple[str, Any]

MAX_CONSECUTIVE_DEATHS = 3  # then the workers themselves are broken: stop
# documents per chunk: the worker's nlp stage takes them together, as one process does (BATCH_DOCS);
# 8 rather than 4: 200 HRDsAttack articles on 2 workers, 35.5 -> 36.4 articles/s (session 7)
CHUNK_DOCS = 8
_PIPELINE: Pipeline | None = None  # the worker's pipeline (set by _init_worker)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _context(method: str | None = None):
    """The multiprocessing start method: $EVENTWIRE_MP_START, else forkserver on Linux, else spawn."""
    method = method or os.environ.get("EVENTWIRE_MP_START") or ("forkserver" if sys.platform == "linux" else "spawn")
    ctx = mp.get_context(method)
    if method == "forkserver":
        # workers fork from a server that has already imported the heavy modules
        ctx.set_forkserver_preload(["eventwire.pipeline", "eventwire.nlp", "spacy"])
    return ctx


def prepare_shared(settings: Settings, stages: Iterable[str] = DEFAULT_ORDER) -> None:
    """Build once, here, what workers would otherwise each build at the same time (the gazetteer)."""
    if "places" in tuple(stages):
        try:
            from .places.gazetteer import ensure
        except ImportError:  # pragma: no cover - places stage without a gazetteer
            return
        ensure(settings)


# run through each new worker's pipeline once, so the model, gazetteer, lexicons and
# dictionaries (all loaded lazily) are in memory before the first real chunk
_WARM_UP_TEXT = ("Police fired tear gas at protesters in Nairobi on Monday, and two people were killed "
                 "when gunmen attacked a village near Maiduguri, officials said.")


def _init_worker(settings: Settings, stages: tuple[str, ...], warm: bool) -> None:
    global _PIPELINE
    from .runtime import tune_gc

    tune_gc()
    _PIPELINE = Pipeline(settings, stages)
    if warm:
        try:
            _PIPELINE(Document(id="warm-up", text=_WARM_UP_TEXT, origin="warm-up"))
        except Exception:  # noqa: BLE001 - a real document will report the problem properly
            pass


def _encode_error(exc: Exception) -> tuple[str, str, str, str]:
    if isinstance(exc, InputError):
        return type(exc).__name__, exc.message, exc.origin, str(exc)
    return type(exc).__name__, str(exc), "", str(exc)


def _decode_error(payload: tuple[str, str, str, str]) -> Exception:
    name, message, origin, text = payload
    cls = getattr(_errors, name, None)
    if isinstance(cls, type) and issubclass(cls, InputError):
        return cls(message, origin)
    if isinstance(cls, type) and issubclass(cls, EventwireError):
        return cls(text)
    return InputError(f"internal error: {name}: {text}", origin)


def _run_chunk(docs: list[Document]) -> list[Outcome]:
    """In a worker: the documents through the pipeline (the nlp stage takes them together, as
    :meth:`Pipeline.pipe` does), errors caught per document."""
    pipeline = _PIPELINE
    if pipeline is None:  # pragma: no cover - initializer always runs first
        raise RuntimeError("worker pipeline not initialised")
    out: list[Outcome] = []
    for doc, exc in pipeline.outcomes(docs):
        if exc is None:
            out.append(("ok", doc))
        else:
            out.append(("err", _encode_error(reported_error(doc, exc))))
    return out


def _chunks(docs: Iterable[Document], size: int, workers: int = 1) -> Iterator[list[Document]]:
    """Chunks of ``size`` documents, in order. With several workers the last chunks shrink
    (guided scheduling): the source is read ``2 * workers * size`` documents ahead, and once it
    ends each chunk takes about a ``2 * workers``-th of what is left, down to one document, so
    the workers finish together instead of one waiting out the other's last full chunk."""
    if workers <= 1:
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
        return
    ahead = 2 * workers * size
    buf: collections.deque[Document] = collections.deque()
    for doc in docs:
        buf.append(doc)
        if len(buf) >= ahead + size:
            yield [buf.popleft() for _ in range(size)]
    while buf:
        n = max(1, min(size, -(-len(buf) // (2 * workers))))
        yield [buf.popleft() for _ in range(n)]


def _warm_up(delay: float) -> tuple[int, int]:
    """In a worker: wait a little (so each worker takes one) and say who we are and our peak RSS (KB)."""
    import resource
    import time

    time.sleep(delay)
    try:  # VmHWM: this process's own peak (ru_maxrss may include the parent's, inherited over fork)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return os.getpid(), int(line.split()[1])
    except OSError:
        pass
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class ParallelExtractor:
    """A pool of worker processes, each with its own pipeline; reusable across batches.

        with ParallelExtractor(settings, workers=2) as px:
            for doc in px.pipe(docs, on_error=report):
                ...

    :func:`extract_parallel` is the one-shot form.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        workers: int | None = None,
        *,
        chunk_size: int = CHUNK_DOCS,
        prefetch: int = 3,
        stages: Iterable[str] = DEFAULT_ORDER,
        start_method: str | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.workers = default_workers() if workers is None else max(1, workers)
        self.chunk_size = max(1, chunk_size)
        self.prefetch = max(1, prefetch)
        self.stages = tuple(stages)
        self.start_method = start_method
        self._executor: ProcessPoolExecutor | None = None

    # ------------------------------------------------------------ the pool
    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=_context(self.start_method),
            initializer=_init_worker, initargs=(self.settings, self.stages, True),
        )

    @property
    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            prepare_shared(self.settings, self.stages)
            self._executor = self._new()
        return self._executor

    def _rebuild(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def _submit(self, chunk: list[Document]) -> Future:
        """Submit a chunk; a pool that broke meanwhile gives a failed future (handled like the rest)."""
        try:
            return self.executor.submit(_run_chunk, chunk)
        except BrokenProcessPool as exc:
            fut: Future = Future()
            fut.set_exception(exc)
            return fut

    def warm(self) -> dict[int, int]:
        """Start every worker and load its pipeline now; {pid: peak RSS in KB} of the workers seen."""
        futs = [self.executor.submit(_warm_up, 0.3) for _ in range(self.workers)]
        return dict(f.result() for f in futs)

    def worker_rss(self) -> dict[int, int]:
        """{pid: peak RSS in KB} of the workers (best effort: asks each free worker once)."""
        return self.warm()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> "ParallelExtractor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ the work
    def pipe(self, docs: Iterable[Document], on_error: ErrorHandler | None = None) -> Iterator[Document]:
        """Documents through the pipeline, yielded in input order (contract of :meth:`Pipeline.pipe`)."""

        def fail(doc: Document, exc: Exception) -> None:
            if on_error is None:
                raise exc
            on_error(doc, exc)

        def emit(chunk: list[Document], outcomes: list[Outcome]) -> Iterator[Document]:
            for doc, (status, payload) in zip(chunk, outcomes):
                if status == "ok":
                    yield payload
                else:
                    fail(doc, _decode_error(payload))

        pending: collections.deque[tuple[list[Document], Future]] = collections.deque()
        source = _chunks(docs, self.chunk_size, self.workers)
        limit = self.workers * self.prefetch
        deaths = 0  # documents in a row that killed a worker
        try:
            while True:
                while len(pending) < limit:
                    chunk = next(source, None)
                    if chunk is None:
                        break
                    pending.append((chunk, self._submit(chunk)))
                if not pending:
                    return
                chunk, fut = pending.popleft()
                try:
                    outcomes = fut.result()
                except BrokenProcessPool:
                    # A worker died (segfault, out of memory) and took every chunk in
                    # flight with it. Rebuild the pool and redo those documents one at
                    # a time, in order, so only a document that kills a worker again
                    # is reported.
                    lost = [d for c in [chunk, *(c for c, _ in pending)] for d in c]
                    pending.clear()
                    self._rebuild()
                    for doc in lost:
                        try:
                            one = self._submit([doc]).result()
                        except BrokenProcessPool:
                            deaths += 1
                            if deaths >= MAX_CONSECUTIVE_DEATHS:
                                raise StageError(
                                    f"worker processes died on {deaths} documents in a row; they cannot "
                                    "start or run the pipeline (see the errors above)") from None
                            self._rebuild()
                            fail(doc, InputError("worker process died on this document", doc.origin))
                            continue
                        deaths = 0
                        yield from emit([doc], one)
                    continue
                yield from emit(chunk, outcomes)
        finally:
            for _chunk, fut in pending:  # abandoned early: drop what is queued
                fut.cancel()


def extract_parallel(
    docs: Iterable[Document],
    settings: Settings | None = None,
    workers: int | None = None,
    on_error: ErrorHandler | None = None,
    *,
    chunk_size: int = CHUNK_DOCS,
    prefetch: int = 3,
    stages: Iterable[str] = DEFAULT_ORDER,
    start_method: str | None = None,
) -> Iterator[Document]:
    """Documents through the pipeline on ``workers`` processes, yielded in input order.

    Same contract as :meth:`Pipeline.pipe`: a failing document goes to
    ``on_error(doc, exc)`` (raised when ``on_error`` is None) and is skipped.
    ``workers`` <= 1 runs in this process.
    """
    settings = settings or Settings()
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        yield from Pipeline(settings, tuple(stages)).pipe(docs, on_error=on_error)
        return
    with ParallelExtractor(settings, workers, chunk_size=chunk_size, prefetch=prefetch, stages=stages,
                           start_method=start_method) as px:
        yield from px.pipe(docs, on_error=on_error)
