"""The benchmark: `make bench` runs bench.bench (see README.md, Performance).

It shares the tests' helpers, by the names the tests import them (helpers, gzip_server): one module each.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parent.parent / "tests")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
