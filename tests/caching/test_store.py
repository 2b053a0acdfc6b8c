"""The page cache's SQLite store as the server's processes use it: each opens the file
and keeps a connection per thread."""

import subprocess
import sys
import time

from django.conf import settings

from shpalta.caching.store import CachedPage, Entry, SQLitePageStore

# Each thread opens the store, reads and keeps an entry; prints what failed.
OPEN_READ_KEEP = """
import sys, threading, time
from shpalta.caching.store import CachedPage, SQLitePageStore

path, start = sys.argv[1], float(sys.argv[2])
failures = []

def thread(n):
    while time.time() < start:
        pass
    try:
        store = SQLitePageStore(path)
        store.get("/eng/")
        page = CachedPage(200, [], b"<p>page</p>", '"e"', time.time())
        store.store(f"/eng/{n}/", page, {"all", f"a{n}"}, 300, time.time_ns())
    except Exception as error:
        failures.append(repr(error))

threads = [threading.Thread(target=thread, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(failures)
"""


def test_server_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    """A server's workers start together on a new page-cache file: the one that makes it
    WAL holds a lock that SQLite's busy timeout does not wait for, and the others' pages
    must not fail for it (they did, with "database is locked", in 2 trials of 3)."""
    for trial in range(8):
        path = tmp_path / f"page-cache-{trial}.sqlite3"
        start = time.time() + 0.5
        workers = [
            subprocess.Popen(  # noqa: S603
                [sys.executable, "-c", OPEN_READ_KEEP, str(path), str(start)],
                cwd=settings.BASE_DIR,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for worker in workers:
            out, _ = worker.communicate(timeout=30)
            assert worker.returncode == 0
            assert out.strip() == "[]", f"trial {trial}: {out}"


def test_entries_kept_at_once_are_each_refused_by_a_purge_since_their_render(tmp_path):
    """store_many() keeps a list's lines in one go: an entry is refused when one of its
    keys was purged after its render began, the others are kept, the last of a key wins
    and is filed under its own keys only."""
    store = SQLitePageStore(tmp_path / "store.sqlite3")
    before = time.time_ns()
    store.purge({"a1"})
    after = time.time_ns()

    def entry(key, text, tags, started_ns):
        page = CachedPage(200, [], text.encode(), '"e"', time.time())
        return Entry(key, page, {"all", *tags}, 300, started_ns)

    store.store_many(
        [
            entry("/one/", "one", {"a1"}, before),  # a1 purged since it began: refused
            entry("/two/", "two", {"a2"}, before),
            entry("/three/", "three", {"a1"}, after),  # began after the purge: kept
            entry("/two/", "two again", {"a3"}, before),
        ]
    )
    assert store.get("/one/") is None
    assert store.get("/two/").body == b"two again"
    assert store.get("/three/").body == b"three"
    store.purge({"a2"})
    assert store.get("/two/") is not None  # filed under a3, not a2
    store.purge({"a3"})
    assert store.get("/two/") is None and store.get("/three/") is not None
