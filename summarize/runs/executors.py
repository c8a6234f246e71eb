"""Where a run's events are built: in local worker processes, or on a Dask cluster.

Both take a function and its tasks and yield each task with its result as soon as it is
ready; the coordinating process alone writes files, holds the lock and keeps the state,
so the briefings are byte-identical whatever builds them.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import TYPE_CHECKING, TypeVar

from summarize.errors import ConfigError, OutputError
from summarize.runs.signals import signals_deferred

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import Queue

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def _init_worker(level: int, coordinator: int, records: Queue) -> None:
    """Workers send their log records to the run, which prints them with its own (through
    the progress bar: a worker writing to the terminal itself would write over it), and
    end when the run that started them is gone."""
    from logging.handlers import QueueHandler

    root = logging.getLogger("summarize")
    root.handlers[:] = [QueueHandler(records)]
    root.propagate = False
    root.setLevel(level)
    # Ctrl-C reaches every process of the terminal's group: the run decides what to do,
    # workers do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_after, args=(coordinator,), daemon=True,
                     name="exit-with-the-run").start()


# How often a worker checks that its run is alive where the kernel cannot tell it (no pidfd).
PARENT_POLL_SECONDS = 1.0


def _fork_server(preload: Sequence[str]):  # type: ignore[no-untyped-def]
    """The multiprocessing context local workers start from.

    forkserver: workers start from a clean process that imported `preload` once, so they
    are quick to start and do not inherit the lock's file descriptor (a forked worker
    outliving a killed run would otherwise keep the output folder locked)."""
    from multiprocessing import get_context

    context = get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return context


def start_fork_server(preload: Sequence[str]) -> None:
    """Start the fork server of `local_results` now rather than at its first worker: it
    imports `preload` (the pipeline: 0.6 s) while this process goes on (validates the
    config, plans). It ends with this process whether or not a worker is started from it
    (it leaves when the pipe from this process closes, also on SIGKILL)."""
    _fork_server(preload)
    _ensure_fork_server()


def _ensure_fork_server() -> None:
    """Start the fork server, if it is not running, with Ctrl-C ignored, as a new process
    inherits (a signal's handler does not survive exec, its being ignored does). The server
    ignores Ctrl-C anyway, but only once it has imported the pipeline: Ctrl-C in a run's
    first second printed its KeyboardInterrupt traceback (or "Fatal Python error") from the
    middle of an import. Workers ignore it too (the run stops them). A Ctrl-C in the few
    milliseconds the server takes to start is lost to this process as well."""
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def _exit_after(coordinator: int) -> None:
    """Wait for the coordinating process to end, then end this worker at once.

    A run killed with SIGKILL (`timeout -s KILL`, the OOM killer) cannot stop its pool, and
    its workers (children of the forkserver, not of the run) would keep computing, holding
    memory and the run's stdout, for ever. Linux tells a pidfd's reader when the process
    ends; elsewhere the worker polls.
    """
    try:
        descriptor = os.pidfd_open(coordinator)
    except (AttributeError, OSError):  # not Linux 5.3+, or already gone
        while _alive(coordinator):
            time.sleep(PARENT_POLL_SECONDS)
    else:
        select.select([descriptor], [], [])
    os._exit(1)  # no one is left to read the status


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:  # gone, or its number reused by another user's process
        return False
    return True


def local_results(build: Callable[[T], R], tasks: list[T], jobs: int,
                  preload: Sequence[str] = ()) -> Iterator[tuple[T, R | BaseException]]:
    """`build(task)` for every task, in up to `jobs` local processes (`worker_count`; in
    this process when one is enough); yields each task with its result as soon as it is
    ready, or with the exception that ended its worker process. `preload`: modules that
    `build` imports when it runs, imported once for all workers."""
    jobs = worker_count(jobs, len(tasks)) if tasks else 1
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield task, build(task)
        return
    # (imported here: a run with nothing to build needs no pool)
    from concurrent.futures import ProcessPoolExecutor
    from logging.handlers import QueueListener

    context = _fork_server([build.__module__, *preload])
    _ensure_fork_server()
    level = logging.getLogger("summarize").getEffectiveLevel()
    records = context.Queue()
    # the workers' records, handled here as this process's own (the cookbook's "logging
    # to a single file from multiple processes")
    listener = QueueListener(records, _Relay())
    listener.start()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(level, os.getpid(), records))
    try:
        # (a worker being started is the pool's only once its start is done: a signal
        # meanwhile left one behind, which failed with a traceback as the run ended)
        with signals_deferred():
            submitted: dict[Future[R], int] = {pool.submit(build, t): i
                                               for i, t in enumerate(tasks)}
        pending = set(submitted)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=submitted.__getitem__):
                task = tasks[submitted[future]]
                try:
                    yield task, future.result()
                except Exception as error:  # the worker process died (killed, out of memory)
                    yield task, error
    except BaseException:
        # Stopped (SIGTERM, Ctrl-C) or failed: abandon the events in progress at once
        # rather than wait for them. Nothing is lost: workers write nothing, and every
        # briefing already written is complete (atomic writes).
        _stop_workers(pool)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        listener.stop()  # (after the workers: every record they sent is handled)


class _Relay:
    """Hands a worker's log record to this process's logger of the same name."""

    def handle(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # The workers end before the pool is shut down: a worker still starting when the
    # pool's queues and locks were released printed a traceback (its lock was gone).
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# What one worker may hold at its peak on a big event (measured: 140 MB per worker over
# the DUC 2006 batch; the pooled 1,240-article event needs 400 MB): the budget per worker
# when the machine's free memory caps their number.
WORKER_MEMORY_BYTES = 400 * 2**20


def worker_count(requested: int, events: int) -> int:
    """Workers for a run: no more than asked, than events to build, than cores (the work
    is CPU-bound: more would only share them), or than free memory holds."""
    count = min(requested, events, default_jobs())
    available = _available_memory()
    if available is not None:
        count = min(count, max(1, available // WORKER_MEMORY_BYTES))
    if count < min(requested, events):
        log.info("--jobs %d: %d workers (cores and free memory)", requested, count)
    return max(1, count)


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


# How long to wait for a Dask scheduler given by address before saying it cannot be reached.
DASK_CONNECT_SECONDS = 30


def dask_results(build: Callable[[T], R], tasks: list[T], jobs: int,
                 scheduler: str | None, fingerprint: Callable[[], str] | None = None,
                 ) -> Iterator[tuple[T, R | BaseException]]:
    """`build(task)` for every task on a Dask distributed cluster: the one at `scheduler`
    (an address such as tcp://10.0.0.5:8786), or a local cluster of `jobs` worker
    processes started here and closed with the run. Yields each task with its result (or
    the exception that lost it: a worker that died) as soon as it is ready.

    Workers must run this same code (`fingerprint()` on each is compared with ours: a
    different version would write different briefings) and read the input at the same
    path (a shared file system)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("run.executor: dask needs Dask's distributed scheduler: "
                          "pip install 'summarize-news[dask]'") from None
    if not tasks:
        return
    cluster = None
    if scheduler is None:
        # Processes, one thread each: the work is CPU-bound Python, which threads would
        # only share. No dashboard: a batch run serves no web page.
        cluster = LocalCluster(n_workers=worker_count(jobs, len(tasks)), threads_per_worker=1,
                               processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    try:
        client = _connect(Client, cluster or scheduler)
        try:
            _check_workers(client, fingerprint)
            futures = client.map(build, tasks, pure=False)
            index = {future.key: i for i, future in enumerate(futures)}
            try:
                for future in as_completed(futures, loop=client.loop):
                    task = tasks[index[future.key]]
                    try:
                        yield task, future.result()
                    except Exception as error:  # a worker died, or lost the task
                        yield task, error
                    future.release()
            except BaseException:
                client.cancel(futures)  # stopped: the cluster drops what is left
                raise
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()  # ends the worker processes this run started


def _connect(client_class, target):  # type: ignore[no-untyped-def]
    try:
        return client_class(target, timeout=DASK_CONNECT_SECONDS, set_as_default=False)
    except OSError as error:  # refused, unreachable, timed out
        raise OutputError(f"cannot reach the Dask scheduler at {target}: {error}") from None


def _check_workers(client, fingerprint: Callable[[], str] | None) -> None:  # type: ignore[no-untyped-def]
    if fingerprint is None:
        return
    ours = fingerprint()
    try:
        # (a cluster's workers join its scheduler after it starts, later on a busy
        # machine: asked too early, a local cluster of 2 workers had none)
        client.wait_for_workers(1, timeout=DASK_CONNECT_SECONDS)
    except (TimeoutError, OSError):
        pass  # none came: said below
    theirs = client.run(fingerprint)
    if not theirs:
        raise OutputError("the Dask cluster has no workers: start some with "
                          "`dask worker ADDRESS`")
    different = sorted(worker for worker, value in theirs.items() if value != ours)
    if different:
        raise OutputError(f"Dask workers {', '.join(different)} run another version of "
                          "summarize or its dependencies: install the same version there")
