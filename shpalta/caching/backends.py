"""Django's cache in production (settings.CACHES with REDIS_URL): what Django and Wagtail
keep there (image renditions, the sites' root paths, the API's rate counts) is worth
keeping, never worth failing a page for. A Redis that cannot be reached is a miss: reads
give their default, writes are dropped, and it is not asked again for a second
(CircuitBreaker). `incr` and `clear` still raise: a count that cannot be made must be
known (the API answers uncounted then); `incr` at once while Redis is not asked."""

import logging
from functools import partial

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from .store import CircuitBreaker

logger = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.breaker = CircuitBreaker((redis.ConnectionError, redis.TimeoutError))

    def _or(self, fallback, call):
        if self.breaker.tripped:
            return fallback
        try:
            with self.breaker.watching():
                return call()
        except (redis.ConnectionError, redis.TimeoutError):
            logger.exception("Cache: Redis could not be reached; going on without it")
            return fallback

    def get(self, key, default=None, version=None):
        return self._or(default, partial(super().get, key, default, version))

    def get_many(self, keys, version=None):
        return self._or({}, partial(super().get_many, keys, version))

    def has_key(self, key, version=None):
        return self._or(False, partial(super().has_key, key, version))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, partial(super().add, key, value, timeout, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(None, partial(super().set, key, value, timeout, version))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(list(data), partial(super().set_many, data, timeout, version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, partial(super().touch, key, timeout, version))

    def delete(self, key, version=None):
        return self._or(False, partial(super().delete, key, version))

    def delete_many(self, keys, version=None):
        return self._or(None, partial(super().delete_many, keys, version))

    def incr(self, key, delta=1, version=None):
        with self.breaker.watching(refuse=True):
            return super().incr(key, delta, version)
