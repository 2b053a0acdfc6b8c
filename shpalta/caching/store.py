"""Where whole pages are kept: an SQLite file on the machine by default, Redis in
production. Both are shared by every server process (a purge made by the process that
published, or by the scheduler, reaches them all), which a per-process local-memory
cache could not be.

Each entry is filed under its tags (surrogate keys); `purge(tags)` removes exactly the
entries that carry one of them. A page rendered while one of its tags was being purged
is not kept (`store(..., started_ns)`), so a render that read the database before a
publish cannot outlive the purge that publish made.
"""

import pickle
import sqlite3
import threading
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class CachedPage:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    stored_at: float
    variants: dict[str, bytes] = field(default_factory=dict)  # body by Content-Encoding
    # Until when the entry is fresh; past that (and until the store drops it: `keep`
    # seconds more) only a get(..., stale=True) returns it, for an origin that cannot
    # render the page now. 0: fresh for as long as it is kept.
    fresh_until: float = 0.0


@dataclass
class Entry:
    """What store_many() keeps: store()'s arguments."""

    key: str
    page: CachedPage
    tags: set[str]
    ttl: int
    started_ns: int
    keep: int = 0

    def data(self) -> bytes:
        """The page as kept, fresh for `ttl` seconds from now."""
        self.page.fresh_until = time.time() + self.ttl
        return pickle.dumps(self.page, protocol=pickle.HIGHEST_PROTOCOL)


def is_fresh(page: CachedPage | None) -> bool:
    """A kept page that may answer as a hit (not only as a stale copy)."""
    return page is not None and (not page.fresh_until or page.fresh_until > time.time())


def _usable(page: CachedPage | None, stale: bool) -> CachedPage | None:
    return page if stale or is_fresh(page) else None


BUSY_SECONDS = 10  # how long a connection waits for another's write to end
REDIS_SECONDS = 1  # how long a Redis command may take to connect, and to answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS page (key TEXT PRIMARY KEY, expires REAL, data BLOB);
CREATE TABLE IF NOT EXISTS page_tag (tag TEXT, key TEXT, PRIMARY KEY (tag, key));
CREATE INDEX IF NOT EXISTS page_tag_key ON page_tag (key);
CREATE TABLE IF NOT EXISTS purged (tag TEXT PRIMARY KEY, at_ns INTEGER);
CREATE INDEX IF NOT EXISTS page_expires ON page (expires);
"""


class SQLitePageStore:
    """Entries in one SQLite file (WAL), one connection per thread."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._create()

    def _create(self) -> None:
        """The tables, and WAL, which the file keeps. When several server processes open
        a new file at once, switching it to WAL needs a lock that SQLite does not wait
        for (its busy timeout does not apply to it): the processes that lose try again."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                db = self._connection()
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
                db.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def get(self, key: str, *, stale: bool = False) -> CachedPage | None:
        row = (
            self._connection()
            .execute("SELECT data FROM page WHERE key = ? AND expires > ?", (key, time.time()))
            .fetchone()
        )
        return _usable(pickle.loads(row[0]) if row else None, stale)  # noqa: S301  (ours)

    def get_many(self, keys: list[str]) -> dict[str, CachedPage]:
        marks = ",".join("?" * len(keys))
        rows = self._connection().execute(
            f"SELECT key, data FROM page WHERE key IN ({marks}) AND expires > ?",  # noqa: S608
            (*keys, time.time()),
        )
        pages = {key: pickle.loads(data) for key, data in rows}  # noqa: S301  (our own entries)
        return {key: page for key, page in pages.items() if _usable(page, False)}

    def store(
        self, key: str, page: CachedPage, tags: set[str], ttl: int, started_ns: int, keep: int = 0
    ):
        """Keep `page` under `key`, filed under `tags`: fresh for `ttl` seconds, and kept
        `keep` seconds more for get(..., stale=True). Not kept if one of its tags was
        purged since `started_ns` (when its render began)."""
        self.store_many([Entry(key, page, tags, ttl, started_ns, keep)])

    def store_many(self, entries: list["Entry"]) -> None:
        """store() of each entry, in one transaction of four statements whatever their
        number (a list page keeps thirty lines at once): the last kept entry of a key
        wins, as if stored one after another."""
        db = self._connection()
        rows = [(entry, entry.data()) for entry in entries]
        tags = sorted({tag for entry in entries for tag in entry.tags})
        db.execute("BEGIN IMMEDIATE")
        try:
            purged = dict(
                db.execute(
                    f"SELECT tag, at_ns FROM purged WHERE tag IN ({','.join('?' * len(tags))})",  # noqa: S608
                    tags,
                )
            )
            kept = {
                entry.key: (entry, data)
                for entry, data in rows
                if not any(purged.get(tag, -1) >= entry.started_ns for tag in entry.tags)
            }.values()
            now = time.time()
            db.executemany("DELETE FROM page_tag WHERE key = ?", [(e.key,) for e, _ in kept])
            db.executemany(
                "INSERT OR REPLACE INTO page VALUES (?, ?, ?)",
                [(e.key, now + e.ttl + e.keep, data) for e, data in kept],
            )
            db.executemany(
                "INSERT INTO page_tag VALUES (?, ?)", [(t, e.key) for e, _ in kept for t in e.tags]
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def purge(self, tags: set[str]) -> int:
        db = self._connection()
        marks = ",".join("?" * len(tags))
        db.execute("BEGIN IMMEDIATE")
        # Dated once the write lock is held: the marks are visible soon after this time
        # (caching.local.SETTLE_SECONDS), however long another writer kept the lock.
        now = time.time_ns()
        try:
            db.executemany("INSERT OR REPLACE INTO purged VALUES (?, ?)", [(t, now) for t in tags])
            keys = [
                row[0]
                for row in db.execute(
                    f"SELECT DISTINCT key FROM page_tag WHERE tag IN ({marks})",  # noqa: S608
                    tuple(tags),
                )
            ]
            db.executemany("DELETE FROM page WHERE key = ?", [(k,) for k in keys])
            db.executemany("DELETE FROM page_tag WHERE key = ?", [(k,) for k in keys])
            # Marks older than any render in flight are no longer needed.
            db.execute("DELETE FROM purged WHERE at_ns < ?", (now - 600 * 10**9,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(keys)

    def purged_since(self, tag: str, since_ns: int) -> bool:
        row = self._connection().execute(
            "SELECT 1 FROM purged WHERE tag = ? AND at_ns > ?", (tag, since_ns)
        )
        return row.fetchone() is not None

    def prune(self, max_entries: int) -> int:
        """Drop expired entries, then the soonest to expire past `max_entries`: a crawler
        walking twenty years of archive must not grow the file without end."""
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            stale = db.execute("SELECT key FROM page WHERE expires <= ?", (time.time(),))
            keys = [row[0] for row in stale]
            over = db.execute("SELECT count(*) FROM page").fetchone()[0] - len(keys) - max_entries
            if over > 0:
                keys += [
                    row[0]
                    for row in db.execute(
                        "SELECT key FROM page WHERE expires > ? ORDER BY expires LIMIT ?",
                        (time.time(), over),
                    )
                ]
            db.executemany("DELETE FROM page WHERE key = ?", [(k,) for k in keys])
            db.executemany("DELETE FROM page_tag WHERE key = ?", [(k,) for k in keys])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(keys)

    def filed_under(self) -> set[str]:
        """Every surrogate key that some kept entry is filed under."""
        return {row[0] for row in self._connection().execute("SELECT DISTINCT tag FROM page_tag")}

    def clear(self) -> None:
        db = self._connection()
        db.executescript("DELETE FROM page; DELETE FROM page_tag; DELETE FROM purged;")


class CircuitBreaker:
    """A service that failed is not asked again for SECONDS: while it is down, each
    request would otherwise wait for it (up to a timeout) before doing without it."""

    SECONDS = 1.0
    _every = weakref.WeakSet()

    def __init__(self, errors: tuple[type[BaseException], ...]):
        self._errors = errors
        self._until = 0.0
        self._every.add(self)

    @classmethod
    def reset_all(cls) -> None:
        """Ask every service again at once (tests: one test's outage is not the next's)."""
        for breaker in list(cls._every):
            breaker._until = 0.0

    @property
    def tripped(self) -> bool:
        return time.monotonic() < self._until

    def trip(self) -> None:
        """The service failed (seen by the caller): not asked again for SECONDS."""
        self._until = time.monotonic() + self.SECONDS

    @contextmanager
    def watching(self, *, refuse: bool = False):
        """Trips the breaker when the block fails with one of its errors; with `refuse`,
        raises the first of them at once while it is tripped instead of running the
        block (a call whose caller must know it was not made)."""
        if refuse and self.tripped:
            raise self._errors[0]("not asked: it could not be reached a moment ago")
        try:
            yield
        except self._errors:
            self.trip()
            raise


class RedisPageStore:
    """Entries as Redis strings; each tag a set of the entry keys that carry it.

    A Redis that cannot be reached must not take the site down, nor slow every request:
    the command that finds it gone fails (its caller logs that and renders the page),
    and for CircuitBreaker.SECONDS after that the store is not asked at all: a lookup is
    a miss, nothing is kept, a purge fails at once. What was kept before expires by
    itself."""

    PREFIX = "shpalta:page:"

    def __init__(self, url: str):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self.redis = redis.Redis.from_url(
            url,
            socket_connect_timeout=REDIS_SECONDS,
            socket_timeout=REDIS_SECONDS,
            retry=Retry(NoBackoff(), 0),  # a page rendered anew costs less than a retry
        )
        self.breaker = CircuitBreaker((redis.ConnectionError, redis.TimeoutError))

    def get(self, key: str, *, stale: bool = False) -> CachedPage | None:
        if self.breaker.tripped:
            return None
        with self.breaker.watching():
            data = self.redis.get(self.PREFIX + key)
        return _usable(pickle.loads(data) if data else None, stale)  # noqa: S301  (ours)

    def get_many(self, keys: list[str]) -> dict[str, CachedPage]:
        if self.breaker.tripped:
            return {}
        with self.breaker.watching():
            values = self.redis.mget([self.PREFIX + key for key in keys])
        pages = {
            key: pickle.loads(data)  # noqa: S301  (our own entries)
            for key, data in zip(keys, values, strict=True)
            if data
        }
        return {key: page for key, page in pages.items() if _usable(page, False)}

    def store(
        self, key: str, page: CachedPage, tags: set[str], ttl: int, started_ns: int, keep: int = 0
    ):
        self.store_many([Entry(key, page, tags, ttl, started_ns, keep)])

    def store_many(self, entries: list[Entry]) -> None:
        """store() of each entry, in three round trips for all of them."""
        if self.breaker.tripped:
            return
        with self.breaker.watching():
            self._store_many(entries)

    def _purged(self, entries: list[Entry]) -> list[bool]:
        """Whether one of each entry's tags was purged since its render began."""
        tags = sorted({tag for entry in entries for tag in entry.tags})
        marks = dict(
            zip(tags, self.redis.mget([f"{self.PREFIX}purged:{t}" for t in tags]), strict=True)
        )
        return [
            any(marks[tag] and int(marks[tag]) >= entry.started_ns for tag in entry.tags)
            for entry in entries
        ]

    def _store_many(self, entries: list[Entry]) -> None:
        entries = [
            e for e, purged in zip(entries, self._purged(entries), strict=True) if not purged
        ]
        if not entries:
            return
        pipe = self.redis.pipeline()
        for entry in entries:
            pipe.set(self.PREFIX + entry.key, entry.data(), ex=entry.ttl + entry.keep)
            # A tag's set lasts as long as any entry it lists (a stale copy is purged like
            # a fresh one): set on a new set (NX), else only lengthened (GT). Redis 7.
            lasts = max(entry.ttl * 2, entry.ttl + entry.keep)
            for tag in sorted(entry.tags):
                pipe.sadd(f"{self.PREFIX}tag:{tag}", entry.key)
                pipe.expire(f"{self.PREFIX}tag:{tag}", lasts, nx=True)
                pipe.expire(f"{self.PREFIX}tag:{tag}", lasts, gt=True)
        pipe.execute()
        # A purge that ran between the check above and the write did not see these entries.
        late = [e.key for e, purged in zip(entries, self._purged(entries), strict=True) if purged]
        if late:
            self.redis.delete(*(self.PREFIX + key for key in late))

    def purge(self, tags: set[str]) -> int:
        with self.breaker.watching(refuse=True):
            return self._purge(tags)

    def _purge(self, tags: set[str]) -> int:
        now = time.time_ns()
        pipe = self.redis.pipeline()
        for tag in tags:
            pipe.set(f"{self.PREFIX}purged:{tag}", now, ex=600)
            pipe.smembers(f"{self.PREFIX}tag:{tag}")
            pipe.delete(f"{self.PREFIX}tag:{tag}")
        results = pipe.execute()
        keys = {key.decode() for members in results[1::3] for key in members}
        if keys:
            self.redis.delete(*(self.PREFIX + key for key in keys))
        return len(keys)

    def purged_since(self, tag: str, since_ns: int) -> bool:
        if self.breaker.tripped:
            return False
        with self.breaker.watching():
            mark = self.redis.get(f"{self.PREFIX}purged:{tag}")
        return mark is not None and int(mark) > since_ns

    def prune(self, max_entries: int) -> int:
        """Nothing to do: entries expire by themselves, and Redis's maxmemory policy
        (allkeys-lru in production) bounds the rest."""
        return 0

    def filed_under(self) -> set[str]:
        """Every surrogate key that some kept entry is filed under."""
        sets = self.redis.scan_iter(f"{self.PREFIX}tag:*", count=1000)
        return {name.decode().removeprefix(f"{self.PREFIX}tag:") for name in sets}

    def clear(self) -> None:
        keys = list(self.redis.scan_iter(self.PREFIX + "*", count=1000))
        if keys:
            self.redis.delete(*keys)
