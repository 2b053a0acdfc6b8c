"""The OpenAPI document fuzzed by schemathesis against a real server: whatever it sends,
the API never answers with a server error."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..factories import house_body, make_article, make_image, make_tag


@pytest.mark.django_db(transaction=True)
def test_fuzzing_the_openapi_document_finds_no_server_error(
    live_server, newsroom, settings, tmp_path
):
    settings.API_RATE_LIMIT = 1_000_000  # the fuzzer is one client sending thousands
    image = make_image(size=(1600, 900))
    tag = make_tag("drones")
    for number in range(5):
        make_article(
            edition="en",
            headline=f"Story {number}",
            tags=[tag],
            main_image=image,
            body=house_body(),
        )
    st = Path(sys.executable).with_name("st")
    result = subprocess.run(  # noqa: S603
        [
            str(st),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--url",
            live_server.url,
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "60",
            "--seed",
            "20261127",
            "--generation-database",
            "none",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,  # schemathesis keeps its cache in the working directory
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    counts = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert counts, report
    assert counts.group(1) == counts.group(2), report
    assert int(counts.group(1)) >= 100, report
    print(report)  # schemathesis's warnings (e.g. operations that only ever got 4xx) in -s
