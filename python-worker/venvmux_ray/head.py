"""``python -m venvmux_ray.head [--num-cpus N]``: a local Ray for as long as stdin stays open.

Prints one JSON line, ``{"address": "host:port"}`` (or ``{"error": ...}``), then waits; when
stdin closes (the pool closed, or the JVM died) it stops Ray and exits. Proxies connect to the
printed address.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m venvmux_ray.head")
    parser.add_argument("--num-cpus", type=float, default=None)
    parser.add_argument("--num-gpus", type=float, default=None)
    parser.add_argument("--resources", default="{}")
    options = parser.parse_args(argv)
    out = sys.stdout
    sys.stdout = sys.stderr  # Ray's own prints stay off the address line
    try:
        import ray

        ray.init(num_cpus=options.num_cpus, num_gpus=options.num_gpus,
                 resources=json.loads(options.resources) or None, include_dashboard=False,
                 logging_level=logging.WARNING, namespace="venvmux")
        address = ray.get_runtime_context().gcs_address
    except BaseException as error:
        out.write(json.dumps({"error": "%s: %s" % (type(error).__name__, error)}) + "\n")
        out.flush()
        return 1
    out.write(json.dumps({"address": address}) + "\n")
    out.flush()
    try:
        sys.stdin.read()  # until the host closes it
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    sys.exit(main())
