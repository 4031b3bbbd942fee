"""The benchmark: `make bench` runs bench.bench (see README.md, Performance)."""
