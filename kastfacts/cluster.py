"""Running extraction on a Dask cluster: an existing distributed engine, not a home-made one.

Only the per-document stage is distributed (it is the cost: the NER models). Each worker process
loads the pipelines once (kastfacts.pipelines caches them per process) and extracts whole chunks;
results come back to the client, which writes them to the store as they complete, in submission
order, so a cluster run stores exactly what a local run stores. A worker that dies mid-chunk loses
nothing: Dask reschedules the chunk on another worker.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

INSTALL_HINT = 'pip install "kastfacts[dask]"'


class ClusterUnavailable(RuntimeError):
    """Dask is not installed or the cluster cannot be reached; the message says what to do."""


def _client(address: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterUnavailable(f"--cluster needs Dask, which is not installed. Install it with:\n    {INSTALL_HINT}") from None
    if address.startswith("local"):
        _, _, n = address.partition(":")
        try:
            workers = int(n or 2)
        except ValueError:
            raise ClusterUnavailable(f"{address!r}: expected local:N with N a number of workers") from None
        # processes, one thread each: spaCy releases little of the GIL, and each process holds its own models
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except OSError as exc:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address!r} ({exc}); check the address, "
                                 "or use --cluster local:N for a cluster on this machine") from None


def cluster_map(address: str, fn: Callable[[Any], Any], items: Iterable[Any], window: int | None = None) -> Iterator[Any]:
    """fn over items on the cluster, results in input order, at most `window` chunks in flight.

    The window keeps the client's memory bounded (documents are read lazily, as chunks are sent).
    """
    client, cluster = _client(address)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = window or 2 * n_workers
        pending: deque = deque()
        for item in items:
            pending.append(client.submit(fn, item, pure=False, retries=2))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
