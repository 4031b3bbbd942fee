"""Plain helpers shared by the tests and the benchmark (bench/): no fixtures here (those are in conftest.py)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import BrowserContext, Page, Request

from portfolio.data import Portfolio, load_portfolio
from portfolio.data.icons import material_icons
from portfolio.pages import Macros

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ["mkdocs.yml", "main.py", "hooks.py", "data", "docs", "overrides", "portfolio"]
# The tests drive Debian's chromium-headless-shell: Chromium's engine without the browser's windows, which is what
# Playwright runs headless by default (a full Chromium spent 15-30 % more CPU on the browser tests, on the parts of
# its windows that a headless run never shows).
# Lighthouse (bench/) runs on Debian's full chromium, as a visitor's browser.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
LIGHTHOUSE_CHROMIUM = os.environ.get("LIGHTHOUSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
FORK = ROOT / "tests" / "fork"  # a second portfolio, for a fork of this project (tests/fork/README.md)
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


# Cross-site scripting payloads, one a line (tests/xss_payloads.txt): the XSS tests put them in every text field.
XSS_PAYLOADS = (ROOT / "tests" / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()

# The catalogue of bad data: each file replaces one data file of GOOD_DATA and names the messages it must get.
BAD_DATA_CASES = sorted((ROOT / "tests" / "bad_data").glob("*.yml"), key=lambda path: path.name)
GOOD_DATA = ROOT / "tests" / "good_data"


def case_parts(case: Path) -> tuple[str, list[str]]:
    """The data file a case replaces (its first line) and the messages it expects (its last lines)."""
    lines = case.read_bytes().decode("utf-8", errors="replace").splitlines()
    target = lines[0].removeprefix("# file: ")
    expected = [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]
    return target, expected


def mkdocs(
    project: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None, fresh: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run mkdocs in a project folder, the way the owner does (env adds to the environment).

    `build`, `gh-deploy` and `serve` (one that stops, or runs until timeout) run in a fork of tests/mkdocs_server.py,
    which has imported MkDocs and the plugins already; fresh=True (a new interpreter: its own hash seed, its own
    imports) and other commands in a subprocess.
    """
    command, environment = [sys.executable, "-m", "mkdocs", *args], {**os.environ, **MKDOCS_ENV, **(env or {})}
    if fresh or args[0] not in {"build", "gh-deploy", "serve"}:
        return subprocess.run(
            command, cwd=project, capture_output=True, text=True, env=environment, timeout=timeout, check=False
        )
    return forked_mkdocs(project, args, environment, timeout)[0]


def forked_mkdocs(
    project: Path, args: Sequence[str], environment: dict[str, str], timeout: float = 120
) -> tuple[subprocess.CompletedProcess[str], dict[str, float]]:
    """`python -m mkdocs *args` in a fork of tests/mkdocs_server.py, and the fork's CPU seconds ("cpu") and peak
    resident memory in MiB ("megabytes")."""
    command = [sys.executable, "-m", "mkdocs", *args]
    with tempfile.TemporaryDirectory(prefix="mkdocs-") as temp:
        out, err = Path(temp, "stdout"), Path(temp, "stderr")
        request = {"cwd": str(project), "args": list(args), "env": environment, "timeout": timeout}
        answer = _ask_mkdocs_server({**request, "out": str(out), "err": str(err)})
        if answer["timed_out"]:
            raise subprocess.TimeoutExpired(command, timeout, out.read_text(), err.read_text())
        result = subprocess.CompletedProcess(command, answer["returncode"], out.read_text(), err.read_text())
        return result, {name: answer[name] for name in ("cpu", "megabytes")}


class ForkedMkdocs:
    """`python -m mkdocs *args` running in a fork of tests/mkdocs_server.py until it is stopped (mkdocs serve), its
    output in log: poll(), terminate() and wait() as subprocess.Popen's."""

    def __init__(self, project: Path, args: Sequence[str], environment: dict[str, str], log: Path) -> None:
        request = {"cwd": str(project), "args": list(args), "env": environment, "out": str(log), "err": str(log)}
        self.pid = _ask_mkdocs_server({**request, "background": True})["pid"]
        self.returncode: int | None = None
        self._ended = os.pidfd_open(self.pid)  # readable once it has ended (the server's child, not this process's)

    def poll(self) -> int | None:
        if self.returncode is None and select.select([self._ended], [], [], 0)[0]:
            self.terminate()  # the server takes its exit status
        return self.returncode

    def terminate(self) -> None:
        if self.returncode is None:
            self.returncode = _ask_mkdocs_server({"stop": self.pid})["returncode"]  # SIGTERM, then SIGKILL after 10 s
            os.close(self._ended)

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit status, once terminate() has waited for it (within its 10 s, then a kill: timeout is unused)."""
        return self.returncode


_MKDOCS_SERVER: list[subprocess.Popen[str]] = []  # this process's, started on its first build
_MKDOCS_SERVER_LOCK = threading.Lock()


def _ask_mkdocs_server(request: dict) -> dict:
    """Send tests/mkdocs_server.py one request (starting it on the first); its answer."""
    with _MKDOCS_SERVER_LOCK:
        if not _MKDOCS_SERVER or _MKDOCS_SERVER[0].poll() is not None:
            _MKDOCS_SERVER[:] = [
                subprocess.Popen(
                    [sys.executable, str(ROOT / "tests" / "mkdocs_server.py")],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    cwd=ROOT,
                    env={**os.environ, **MKDOCS_ENV},
                )
            ]
        server = _MKDOCS_SERVER[0]
        print(json.dumps(request), file=server.stdin, flush=True)
        line = server.stdout.readline()
    if not line:  # it could not start (an import failed: its error is above) or it was killed
        raise RuntimeError(f"tests/mkdocs_server.py stopped (exit status {server.wait()}): see its error above")
    return json.loads(line)


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """A strict build of project into site_dir."""
    return mkdocs(project, "build", "--strict", "--site-dir", str(site_dir))


def copy_project(destination: Path) -> Path:
    """Copy the files of this project that a build reads into destination; return it."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, destination / name)
    return destination


def with_caches(project: Path, built: Path) -> Path:
    """project, with the build caches that an owner's second build finds, taken from the built project: the
    stylesheet it purged and its link-preview pictures (tests/mkdocs_server.py keys them without the project's
    folder), so that project's build purges and draws anew only what its changes need."""
    if (built / ".cache").is_dir():  # (a fork may have turned off what fills it)
        shutil.copytree(built / ".cache", project / ".cache", dirs_exist_ok=True)
    return project


def fork_project(destination: Path, fork: Path = FORK) -> Path:
    """A copy of this project made someone else's, exactly as README's "Make it yours" says; return it.

    1. replace the files in data/; 2. set site_name and site_url in mkdocs.yml; 3. delete docs/CNAME;
    4. delete tests/seed/ (the copy has no tests: only what a build reads); and write posts (fork/docs/).
    """
    copy_project(destination)
    for data_file in (fork / "data").glob("*.yml"):
        shutil.copy(data_file, destination / "data" / data_file.name)
    shutil.copytree(fork / "docs", destination / "docs", dirs_exist_ok=True)
    config = destination / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for name, value in yaml.safe_load((fork / "site.yml").read_text(encoding="utf-8")).items():
        text, found = re.subn(rf"(?m)^{name}: .*$", f"{name}: {value}", text)
        assert found == 1, f"mkdocs.yml has no single {name} line to set"
    config.write_text(text, encoding="utf-8")
    (destination / "docs" / "CNAME").unlink(missing_ok=True)
    return destination


# Forks of other shapes than the owner's, each made from tests/fork/ as README's "Make it yours" says:
SHAPES = {
    "no-open-source": "no open-source project, and no Open source page (its file and nav entry deleted)",
    "no-featured": "no featured project, and no Selected work section on the home page (its heading and calls)",
    "extra-page": "an extra page (its file and nav entry) with links to other sites",
}
EXTRA_PAGE = """---
description: "Talks I gave: slides, recordings and the projects they were about, for conference organisers."
---

# Talks

- *Streams without tears*, [slides](https://slides.example.org/streams) and
  [recording](https://video.example.org/watch?v=1), with <https://ada.example.org/notes>.
- A [lightning talk](http://talks.example.net/lightning "five minutes") on small queues.
"""


def shape_project(destination: Path, shape: str) -> Path:
    """A fork of another shape (one of SHAPES), made by the edits README says; return it."""
    fork_project(destination)
    projects = destination / "data" / "projects.yml"
    records = yaml.safe_load(projects.read_text(encoding="utf-8"))
    if shape == "no-open-source":
        records = [record for record in records if record["kind"] != "open-source"]
        _drop_page(destination, "open-source.md")
    elif shape == "no-featured":
        records = [{key: value for key, value in record.items() if key != "featured"} for record in records]
        index = destination / "docs" / "index.md"
        text = re.sub(r"(?ms)^## Selected work\n.*?(?=^## )", "", index.read_text(encoding="utf-8"))  # if there
        index.write_text(text, encoding="utf-8")
    elif shape == "extra-page":
        (destination / "docs" / "talks.md").write_text(EXTRA_PAGE, encoding="utf-8")
        config = destination / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("\nhooks:", "  - Talks: talks.md\n\nhooks:", 1), encoding="utf-8")
    else:
        raise ValueError(f"unknown shape {shape!r}: one of {', '.join(SHAPES)}")
    projects.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


def _drop_page(project: Path, page: str) -> None:
    """Drop a page as README says: delete its Markdown file and its nav entry (a fork may have done so already)."""
    (project / "docs" / page).unlink(missing_ok=True)
    config = project / "mkdocs.yml"
    text = re.sub(rf"(?m)^  - [^:\n]+: {re.escape(page)}\n", "", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")


def nav_pages(project: Path) -> list[str]:
    """The address of every page listed under nav in a project's mkdocs.yml, relative to the site."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", "")
    sources = re.findall(r"[\w./-]+\.md", yaml.safe_dump(yaml.safe_load(text)["nav"]))
    return ["" if source == "index.md" else source.removesuffix(".md") + "/" for source in sources]


def a_page(project: Path) -> str:
    """A page of a project's nav besides the home page: its address ('projects/' on the owner's site)."""
    return next(page for page in nav_pages(project) if page)


def site_url_of(project: Path) -> str:
    """The site_url in a project's mkdocs.yml."""
    return _setting(project, "site_url")


def site_name_of(project: Path) -> str:
    """The site_name in a project's mkdocs.yml."""
    return _setting(project, "site_name")


def _setting(project: Path, name: str) -> str:
    found = re.search(rf"(?m)^{name}: (.+)$", (project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert found, f"mkdocs.yml sets no {name}"
    return found.group(1).strip()


def unique_search_words(site: Path) -> dict[str, tuple[str, str]]:
    """Words that one section of a built site's search index alone holds: word -> (location, title).

    No other word of the index starts as the word does (its first four letters), so that a search for it,
    letter by letter, finds that section only, whatever the search engine's stemming makes of it.
    """
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    words = [
        set(re.findall(r"[a-z]+", re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").lower())) for doc in docs
    ]
    unique = {}
    for doc, own in zip(docs, words, strict=True):
        for word in sorted(own):
            if len(word) >= 5 and sum(any(w.startswith(word[:4]) for w in other) for other in words) == 1:
                unique[word] = (doc["location"], doc["title"])
    return unique


def search_word(site: Path, page: str) -> tuple[str, str]:
    """The longest word that one section of a page alone holds (past stop words), and that section's title."""
    words = unique_search_words(site)
    word = max((word for word, (location, _) in words.items() if location.startswith(f"{page}#")), key=len)
    return word, words[word][1]


def facts(portfolio: Portfolio, site_url: str) -> dict[str, set[str]]:
    """The facts of a portfolio, as they stand in a built site's files, by what they are."""
    profile = portfolio.profile
    return {
        "domain": {urlsplit(site_url).netloc},
        "email": {profile.email},
        "link": {link.url for link in profile.links}
        | {p.repository for p in portfolio.projects if p.repository}
        | {record.url for record in (*portfolio.experience, *portfolio.education) if record.url},
        "text": {
            *profile.about,
            *(
                text
                for text in (profile.name, profile.description, profile.projects_intro, profile.open_source_intro)
                if text
            ),
            *(project.summary for project in portfolio.projects),
            *(challenge for project in portfolio.projects for challenge in project.challenges),
            *(text for job in portfolio.experience for text in (job.company, job.position, job.summary) if text),
            *(highlight for job in portfolio.experience for highlight in job.highlights),
            *(text for study in portfolio.education for text in (study.institution, study.area)),
            *(language.language for language in profile.languages),
        },
        "project": {f'data-project="{project.id}"' for project in portfolio.projects},
        "technology": {f"pf-badge--{technology}" for technology in portfolio.technologies},
    }


POST = (
    '---\ndate: {date}\ndescription: "{description}"{extra}\n---\n\n# {title}\n\nOpening.\n\n<!-- more -->\n\nRest.\n'
)


def write_post(
    project: Path, name: str, *, date: str = "2024-05-01", title: str = "A test post", extra: str = ""
) -> Path:
    """A post in a project's docs/blog/posts/, as README's "Write a post" says; return its file."""
    folder = project / "docs" / "blog" / "posts"
    folder.mkdir(parents=True, exist_ok=True)
    description = f"A post written by a test, with a description of its own for search results: {title}."
    path = folder / name
    path.write_text(POST.format(date=date, description=description, extra=extra, title=title), encoding="utf-8")
    return path


def write_posts(project: Path, count: int) -> None:
    """Generated posts, over twenty years and one category (the 200 posts of the tests and the benchmark)."""
    for number in range(count):
        date = f"20{number % 20 + 5:02}-0{number % 9 + 1}-1{number % 9}"
        write_post(
            project, f"post-{number:03}.md", date=date, title=f"Post number {number}", extra="\ncategories: [Notes]"
        )


def macros_of(root: Path, **pages: object) -> Macros:
    """The macros over a project's data/, with its templates, as main.py makes them (pages: page_url, ...)."""
    icons = material_icons()
    return Macros(load_portfolio(root / "data", icons), root / "overrides" / "fragments", icons, **pages)


def meta(html: str, name: str) -> list[str]:
    """The contents of the page's meta tags of that property or name."""
    pattern = rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"'
    return [unescape(value) for value in re.findall(pattern, html)]


def preview_pages(built: Built) -> dict[str, str]:
    """Every page of the site's sitemap (404.html is not one: it has no picture), by path."""
    paths = [path for path in built.pages if path != "404.html"]
    return {path: (built.site / path / "index.html").read_text(encoding="utf-8") for path in paths}


def preview_picture(built: Built, html: str) -> Path:
    """The picture a page names in og:image, in the built site."""
    (url,) = meta(html, "og:image")
    assert url.startswith(built.site_url), url
    return built.site / url.removeprefix(built.site_url)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first old in a file with new; old must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def free_port() -> int:
    """A loopback port that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def mkdocs_serve(
    project: Path, log: Path, *, fresh: bool = False
) -> Iterator[tuple[subprocess.Popen[bytes] | ForkedMkdocs, str]]:
    """`mkdocs serve` of a project on a free loopback port, its output in log: (process, base URL). It runs in a fork
    of tests/mkdocs_server.py, as builds do; fresh=True, in a new interpreter (its own imports), as the owner's."""
    port = free_port()
    args, environment = ["serve", "--dev-addr", f"127.0.0.1:{port}"], {**os.environ, **MKDOCS_ENV}
    if fresh:
        with log.open("wb") as output:
            command = [sys.executable, "-m", "mkdocs", *args]
            process = subprocess.Popen(command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env=environment)
    else:
        process = ForkedMkdocs(project, args, environment, log)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_served(url, process, log)
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_served(
    url: str, process: subprocess.Popen[bytes] | ForkedMkdocs, log: Path, seconds: float = 30
) -> None:
    """Wait until url answers; fail with the server's log if it exits or does not answer in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (a loopback URL)
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} was not served within {seconds} s")


@dataclass(frozen=True)
class Built:
    """A project built strictly: its folder, its site, its data and its site_url."""

    project: Path
    site: Path
    portfolio: Portfolio
    site_url: str

    @classmethod
    def of(cls, project: Path) -> Built:
        """A project already built into its site/ folder."""
        return cls(project, project / "site", load_portfolio(project / "data", material_icons()), site_url_of(project))

    @property
    def pages(self) -> list[str]:
        """Every page of the site, from its sitemap (so new pages are covered), and the 404 page."""
        return site_pages(self.site, self.site_url)

    def kind(self, kind: str) -> list:
        """The projects of one kind, in data order."""
        return [project for project in self.portfolio.projects if project.kind == kind]

    def html(self, page: str) -> str:
        """The HTML of a page, by its address relative to the site ('', 'projects/' or '404.html')."""
        return (self.site / (page if page.endswith(".html") else f"{page}index.html")).read_text(encoding="utf-8")

    @property
    def card_pages(self) -> dict[str, str]:
        """The page that shows each project's full card (its address), from the built pages."""
        pages: dict[str, str] = {}
        for page in self.pages:
            for project in re.findall(r'<article class="card pf-card" data-project="([^"]+)"', self.html(page)):
                if not re.search(rf'<a href="[^"]*#{project}">', self.html(page)):  # a short card links to it
                    pages.setdefault(project, page)
        return pages

    @property
    def posts(self) -> list[dict]:
        """The front matter of each post the site publishes (not a draft), newest first, with its file as 'source'."""
        posts = []
        for source in sorted((self.project / "docs" / "blog" / "posts").rglob("*.md")):
            meta = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])
            if not meta.get("draft"):
                posts.append({**meta, "source": source})
        return sorted(posts, key=lambda meta: str(meta["date"]), reverse=True)

    @property
    def drafts(self) -> list[Path]:
        """The files of the posts marked draft: true."""
        folder = self.project / "docs" / "blog" / "posts"
        return [source for source in sorted(folder.rglob("*.md")) if "\ndraft: true\n" in source.read_text()]

    def page_with(self, marker: str) -> str:
        """The first page of the nav whose HTML holds marker, such as 'class="pf-filter"'; its address."""
        found = [page for page in nav_pages(self.project) if marker in self.html(page)]
        assert found, f"no page of the nav holds {marker}"
        return found[0]

    @property
    def filter_page(self) -> str:
        """The first page of the nav with cards and a technology filter ('projects/' on the owner's site)."""
        return self.page_with('<div class="pf-filter">')

    @property
    def resume_page(self) -> str:
        """The résumé's page."""
        return self.page_with('class="pf-resume"')

    def pages_of(self, kind: str) -> list[str]:
        """The pages that show full cards of one kind of project, in the sitemap's order."""
        shown = {self.card_pages[project.id] for project in self.kind(kind)}
        return [page for page in self.pages if page in shown]


def build_project(project: Path) -> Built:
    """Build a project strictly into its site/ folder."""
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return Built.of(project)


# Resolves once the page has drawn two more frames: whatever it had started is on the screen.
NEXT_FRAME = "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))"
# Resolves two frames later with every transition and animation the page runs taken to its end (Material fades
# its tabs in when a window grows to a laptop's width): the page as it then stays.
STILL = f"{NEXT_FRAME}.then(() => document.getAnimations().forEach((animation) => animation.finish()))"
# Resolves once the page has kept its scroll position for three frames and Material has taken its anchor: a page
# opened at an anchor is there. Material closes the drawer and the search 125 ms after its target$ (the element
# the address's #anchor names) emits, which it does once it starts on such a page (bundle: merge(location$,
# target$).pipe(debounceTime(125))): a search opened before then closes again.
SCROLLED = """() => new Promise((resolve) => {
  const seen = [];
  let anchored = -Infinity; // (target$ replays its element at once, if the address names one)
  const taken = window.target$ && target$.subscribe(() => { anchored = performance.now(); });
  const look = () => {
    seen.push(scrollY);
    const still = seen.length >= 3 && seen.slice(-3).every((y) => y === scrollY);
    if (still && performance.now() - anchored > 125) {
      if (taken) taken.unsubscribe();
      resolve();
    } else requestAnimationFrame(look);
  };
  look();
})"""
_IN_FLIGHT: weakref.WeakKeyDictionary[Page, set[Request]] = weakref.WeakKeyDictionary()


def in_flight(page: Page) -> set[Request]:
    """The page's requests still waiting for their answer, from now on (the same set on every call)."""
    if page not in _IN_FLIGHT:
        pending = _IN_FLIGHT[page] = set()

        def start(request: Request) -> None:  # plain functions: Playwright cannot wrap a bound method
            pending.add(request)

        def end(request: Request) -> None:
            pending.discard(request)

        page.on("request", start)
        page.on("requestfinished", end)
        page.on("requestfailed", end)
    return _IN_FLIGHT[page]


def settle(page: Page) -> None:
    """Wait until the page has loaded, Material has started (it may start after the load event) and, two frames
    later, no request is in flight.

    The condition Playwright's "networkidle" stands for, without its half second of waiting per page.
    """
    pending = in_flight(page)
    page.wait_for_load_state("load")
    wait_until_material_started(page)
    while True:
        page.evaluate(NEXT_FRAME)
        if not pending:
            return
        for request in list(pending):
            if response := request.response():  # None when it failed
                response.finished()
            pending.discard(request)


def open_settled(page: Page, url: str) -> None:
    """Open url in the page and wait until it has settled (see settle)."""
    in_flight(page)
    page.goto(url)
    settle(page)


# A URL that only csp_reports asks for.
CSP_SENTINEL = "https://csp-sentinel.invalid/"
# Reports every Content-Security-Policy violation of a page to watch_csp's list.
_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => {
  window.__pfCspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});"""


def watch_csp(context: BrowserContext) -> list[str]:
    """Every Content-Security-Policy violation that the context's pages report, across navigations."""
    violations: list[str] = []

    def report(violation: str) -> None:
        violations.append(violation)

    context.expose_function("__pfCspViolation", report)  # a plain function: Playwright cannot wrap a bound method
    context.add_init_script(_CSP_VIOLATIONS)
    return violations


def csp_reports(page: Page, violations: list[str]) -> list[str]:
    """The violations the page has reported so far, taken off the list.

    Reports arrive late and in order, so the page makes one more, marked, and this waits for it.
    """
    page.evaluate(f"new Image().src = '{CSP_SENTINEL}'")  # blocked by img-src before any request is made
    for _ in range(250):
        if any(CSP_SENTINEL in violation for violation in violations):
            break
        page.wait_for_timeout(20)
    marked = [index for index, violation in enumerate(violations) if CSP_SENTINEL in violation]
    assert marked, "the page reported no violation within 5 s: is watch_csp on its context?"
    reported = violations[: marked[0]]
    del violations[: marked[0] + 1]
    return reported


# Resolves once Material has set the page up: its bundle sets up the page's components when its document$ emits,
# before other subscribers. That is after the load event: overrides/partials/javascripts/after-paint.html runs the
# bundle once the page's content is on the screen.
_MATERIAL_STARTED = """() => new Promise((resolve, reject) => {
  const ready = () => (window.document$ ? document$.subscribe(() => resolve()) : requestAnimationFrame(ready));
  ready();
  setTimeout(() => reject(new Error(`Material's bundle did not start within 15 s on ${location.href}`)), 15000);
})"""


def wait_until_material_started(page: Page) -> None:
    """Wait until Material's bundle has set the page up (wait_for_function would evaluate a string, which the
    page's policy forbids)."""
    page.evaluate(_MATERIAL_STARTED)


def open_started(page: Page, url: str) -> None:
    """Open url in the page as a visitor finds it: loaded, and Material's bundle and the site's scripts started
    (they start after the load event: see wait_until_material_started)."""
    page.goto(url)
    wait_until_material_started(page)


def site_pages(site: Path, base: str) -> list[str]:
    """Every page of a built site for base (its site_url), from its sitemap, and the 404 page."""
    urls = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text())
    assert urls
    assert all(url.startswith(base) for url in urls)
    return [url.removeprefix(base) for url in urls] + ["404.html"]


def page_text(html: str) -> str:
    """The visible text of a page: tags dropped (block tags part words), entities decoded, white space folded."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(a|abbr|b|code|em|i|small|span|strong)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
