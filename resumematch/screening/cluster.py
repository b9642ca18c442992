"""``rank`` on a Dask cluster: the same per-file work (parse, skills, score) on Dask workers.

The client (this process) keeps everything that makes a run trustworthy: it reads the inputs,
keeps the parse cache (hits are scored here and never sent out), and builds the rows exactly as
the local engine does, so both engines give the same output. Workers only turn bytes (or, with
``paths_shared``, a path they can read themselves) into the outcome dict of ``work.analyse``.

- Each worker loads the skill pipeline once, through a worker plugin registered for the run;
  workers that join later (a restarted one) get it too.
- At most a few tasks per worker thread are in flight, so the client never holds more than that
  many files' bytes, however many inputs there are.
- A worker that dies has its tasks retried by Dask (as often as the scheduler's
  ``allowed-failures`` says; the local cluster started here allows none). A task Dask gives up on
  is run again alone, with nothing else in flight, so a file that was only a bystander of a crash
  gets its result, and a file that kills its worker again becomes an error row.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from ..errors import ResumeMatchError
from ..limits import ParseLimits
from . import work
from .engine import Task

INSTALL_HINT = "--scheduler needs Dask's distributed scheduler: pip install 'resumematch[cluster]'"
# Tasks in flight per worker thread: enough to keep every worker busy while results travel back.
TASKS_PER_THREAD = 4

# Per worker process: run id -> (job, limits, settings), set by the run's plugin.
_RUNS: dict[str, tuple] = {}

try:  # the plugin is defined here, at module level, so workers import it rather than unpickle a copy
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # without the extra, connect() says how to install it before anything runs
    _PluginBase = object


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ResumeMatchError(None, INSTALL_HINT) from None
    return distributed


def check_available() -> None:
    """Fail early, before any input is read, when Dask is not installed."""
    _distributed()


@contextmanager
def connect(scheduler: str, workers: int | None):
    """A Dask client on ``scheduler`` ("local" starts a LocalCluster on loopback)."""
    distributed = _distributed()
    import dask

    cluster = None
    try:
        if scheduler == "local":
            import os

            # No retries by Dask here: a task on a worker that died comes back at once and is run
            # again alone (see the module note), so "crashed twice" means exactly that.
            # Workers started with Ctrl-C ignored, as the local engine's: the client stops them.
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}), work.worker_signals():
                cluster = distributed.LocalCluster(
                    n_workers=max(1, workers or os.cpu_count() or 1),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",
                    silence_logs=logging.CRITICAL,  # Dask's own logs (a heartbeat lost at shutdown) stay out of the terminal
                )
            client = distributed.Client(cluster, set_as_default=False)
        else:
            client = distributed.Client(scheduler, set_as_default=False, timeout="10s")
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise ResumeMatchError(None, f"cannot reach the Dask scheduler at {scheduler} ({error}); check the address") from None
    try:
        yield client
    finally:
        if cluster is None:
            client.close()
        else:
            # Stopping our own cluster midway (Ctrl-C) leaves Dask's event loop with messages to
            # workers that are already gone; asyncio would print each as a traceback.
            asyncio_log = logging.getLogger("asyncio")
            level = asyncio_log.level
            asyncio_log.setLevel(logging.CRITICAL)
            try:
                client.close()
                cluster.close()
            finally:
                asyncio_log.setLevel(level)


class SkillPipeline(_PluginBase):
    """Loads the skill pipeline once per worker process and keeps the run's job there."""

    def __init__(self, run_id: str, job, limits: ParseLimits, settings, own_cluster: bool = False) -> None:
        self.name = f"resumematch-{run_id}"
        self.run_id, self.state, self.own_cluster = run_id, (job, limits, settings), own_cluster

    def setup(self, worker) -> None:
        from ..skills import load_pipeline

        if self.own_cluster:
            # A worker the nanny restarted after a crash was started with Ctrl-C live: on our
            # own cluster the client stops the workers, so a Ctrl-C must not kill them midway.
            import signal
            import threading

            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)

        load_pipeline()  # cached per process: a second run on the same worker loads nothing
        _RUNS[self.run_id] = self.state

    def teardown(self, worker) -> None:
        _RUNS.pop(self.run_id, None)


class DaskEngine:
    """The per-file work on a Dask cluster: ``scheduler`` is an address ("tcp://host:8786") or
    "local" for a LocalCluster of ``workers`` processes here. ``paths_shared``: the workers read
    file paths themselves (shared storage)."""

    def __init__(self, scheduler: str, workers: int | None, state: tuple, paths_shared: bool = False) -> None:
        check_available()  # before any input is read
        self.scheduler, self.workers, self.state = scheduler, workers, state
        self.reads_paths = paths_shared
        self.own_cluster = scheduler == "local"  # started for this run: its workers are ours to configure
        self._stack = ExitStack()
        self.client = None

    def __enter__(self) -> DaskEngine:
        self.client = self._stack.enter_context(connect(self.scheduler, self.workers))
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()
        self.client = None

    def _payload(self, task: Task) -> tuple:
        if self.reads_paths and task.item.path:
            return ("path", task.item.path)  # read for the cache key, if at all; the worker reads it again
        return ("bytes", task.data)

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, dict]]:
        distributed = _distributed()
        client = self.client
        run_id = uuid.uuid4().hex
        plugin = SkillPipeline(run_id, *self.state, self.own_cluster)
        client.register_plugin(plugin)
        threads = sum(client.nthreads().values()) or 1
        window = max(2, TASKS_PER_THREAD * threads)
        in_flight: dict = {}  # future -> task
        suspects: deque[Task] = deque()  # tasks Dask gave up on: run again alone
        # Results are fetched by the client's event loop as tasks finish, not one round trip at a
        # time from here: about 9 ms a file less.
        completed = distributed.as_completed(loop=client.loop, with_results=True, raise_errors=False)
        exhausted = False

        def submit(task: Task):
            return client.submit(_task, run_id, task.label, self._payload(task), key=f"resumematch-{uuid.uuid4().hex}", pure=False)

        try:
            while in_flight or suspects or not exhausted:
                if suspects and not in_flight:
                    task = suspects.popleft()
                    try:
                        outcome = submit(task).result()
                    except distributed.KilledWorker:
                        outcome = {"error": f"{task.label}: {work.CRASHED_TWICE}"}
                    except Exception as error:
                        outcome = {"error": work.could_not_process(task.label, error)}
                    yield task, outcome
                    continue
                while not suspects and not exhausted and len(in_flight) < window:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    future = submit(task)
                    in_flight[future] = task
                    completed.add(future)
                if not in_flight:
                    continue
                future, result = next(completed)
                task = in_flight.pop(future)
                failed = future.status != "finished"
                future.release()
                if failed:
                    error = result[1] if isinstance(result, tuple) else result  # (type, exception, traceback)
                    if isinstance(error, distributed.KilledWorker):
                        suspects.append(task)
                        continue
                    # Lost in transit, cancelled by the cluster's owner...: still a row.
                    result = {"error": work.could_not_process(task.label, error)}
                yield task, result
        finally:
            if in_flight:
                client.cancel(list(in_flight), force=True)
            if not self.own_cluster:  # a shared cluster outlives the run: leave nothing of it on the workers
                try:
                    client.unregister_worker_plugin(plugin.name)
                except Exception:
                    pass  # the cluster is going away, or the client already is


def _task(run_id: str, label: str, payload: tuple) -> dict:
    """On a worker: one file's outcome. Never raises for bad input."""
    state = _RUNS.get(run_id)
    if state is None:  # the plugin did not reach this worker (it joined mid-registration)
        raise RuntimeError("resumematch worker plugin missing")
    kind, value = payload
    if kind == "path":
        from ..parsers import read_source

        limits = state[1]
        try:
            data = read_source(value, limits, label)[0]
        except ResumeMatchError as error:
            return {"error": str(error)}
        except OSError as error:
            return {"error": f"{label}: cannot be read on the worker ({error.strerror}); check that the workers share this path"}
        from .kinds import skip_reason_by_content

        reason = skip_reason_by_content(label, data)
        if reason:
            return {"skipped": reason}
    else:
        data = value
    return work.analyse(label, data, None, state=state)
