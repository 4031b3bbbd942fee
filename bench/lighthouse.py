"""Lighthouse 12 (npm, in bench/node_modules) on Debian's Chromium, with its default mobile settings."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from helpers import CHROMIUM_ARGS, LIGHTHOUSE_CHROMIUM

CLI = Path(__file__).with_name("node_modules") / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


@dataclass(frozen=True)
class Report:
    """What Lighthouse says of one page: a score per category (0 to 100, None if it could not tell), the
    bytes and requests of a first visit, its first and largest contentful paint and its total blocking time (the
    main thread's long tasks after the first paint, beyond 50 ms each), in seconds."""

    scores: tuple[int | None, ...]
    kilobytes: float
    requests: int
    first_paint: float
    largest_paint: float
    blocking: float


def installed() -> bool:
    """Whether `npm ci` has installed Lighthouse in bench/."""
    return CLI.is_file()


def version() -> str:
    """The installed Lighthouse's version."""
    return json.loads(CLI.parents[1].joinpath("package.json").read_text(encoding="utf-8"))["version"]


def pages(site: Path) -> list[str]:
    """The paths of a built site's pages: those in its sitemap.xml, then 404.html."""
    locations = ElementTree.parse(site / "sitemap.xml").getroot().iter(SITEMAP)  # noqa: S314 (our own build)
    return [urlsplit(location.text or "").path.lstrip("/") for location in locations] + ["404.html"]


def run(url: str) -> Report:
    """Run Lighthouse once on url."""
    result = subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        env={**os.environ, "CHROME_PATH": LIGHTHOUSE_CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr}")
    report = json.loads(result.stdout)
    if "runtimeError" in report:
        raise RuntimeError(f"Lighthouse could not test {url}: {report['runtimeError']['message']}")
    scores = (report["categories"][category]["score"] for category in CATEGORIES)
    return Report(
        scores=tuple(None if score is None else round(score * 100) for score in scores),
        kilobytes=report["audits"]["total-byte-weight"]["numericValue"] / 1024,
        requests=len(report["audits"]["network-requests"]["details"]["items"]),
        first_paint=report["audits"]["first-contentful-paint"]["numericValue"] / 1000,
        largest_paint=report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        blocking=report["audits"]["total-blocking-time"]["numericValue"] / 1000,
    )


def median(reports: list[Report]) -> Report:
    """The median of each figure over several runs on one page."""
    columns = [[report.scores[index] for report in reports] for index in range(len(CATEGORIES))]
    return Report(
        scores=tuple(_median_or_none([score for score in column if score is not None]) for column in columns),
        kilobytes=statistics.median(report.kilobytes for report in reports),
        requests=round(statistics.median(report.requests for report in reports)),
        first_paint=statistics.median(report.first_paint for report in reports),
        largest_paint=statistics.median(report.largest_paint for report in reports),
        blocking=statistics.median(report.blocking for report in reports),
    )


def _median_or_none(values: list[int]) -> int | None:
    return round(statistics.median(values)) if values else None
