"""Values a server process keeps (caching.local.KeptInProcess) on the test's real page
store (its SQLite file, or Redis), purged as another process would purge them."""

import threading
import time

from shpalta.caching import keys
from shpalta.caching.local import CHECK_SECONDS, KeptInProcess
from shpalta.caching.pages import store


def test_no_thread_serves_a_value_another_thread_found_purged():
    """While one thread reads a purged value again, another gets the new value (waits
    for that read), not the one the store has just called stale."""
    read_started, may_finish = threading.Event(), threading.Event()
    reads = []

    def load():
        reads.append(len(reads))
        if len(reads) > 1:
            read_started.set()
            may_finish.wait(timeout=10)
        return f"value {len(reads)}"

    kept = KeptInProcess(load)
    assert kept.get() == "value 1"
    store().purge({keys.ALL})  # by another process: this one learns it from the store
    time.sleep(CHECK_SECONDS * 1.5)
    got = {}
    first = threading.Thread(target=lambda: got.update(first=kept.get()))
    first.start()
    assert read_started.wait(timeout=10), "the purge was not found"
    second = threading.Thread(target=lambda: got.update(second=kept.get()))
    second.start()
    second.join(timeout=0.3)
    assert second.is_alive(), f"served without waiting: {got}"
    may_finish.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert got == {"first": "value 2", "second": "value 2"}
    assert len(reads) == 2
