"""What a page answers, for the benchmarks that poll pages (outage.py, takedown.py)."""

import urllib.error
import urllib.request


def status_of(url: str, timeout: float = 10) -> int:
    """The HTTP status of a GET, 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310  (loopback)
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # no answer at all
