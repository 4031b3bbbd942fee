"""Runs `mkdocs` for the tests in processes forked from this one, which has imported MkDocs, Material, the
plugins and the Markdown extensions once: a build no longer pays their import (about 0.8 s of CPU here). Nor
what every build does alike, whatever the project: compiling the templates (Material's, the project's overrides
and fragments: the forks share one Jinja bytecode cache, keyed by a template's path inside its project and checked
against its source, so a copy of a project reuses them and an edited template is compiled again), listing
Material's 14,509 theme files, and indexing its icons for the emoji extension (read here once; mkdocs.yml adds no
icons of its own). And a copy of a project reuses the link-preview pictures in the `.cache/` it took, as a second
build in one folder does (key_pictures_without_the_folder).

Each command still runs in a process of its own, as `python -m mkdocs` would: the fork changes to the project's
folder, takes the environment it is given, puts the project first on sys.path (hooks.py and main.py import the
project's own portfolio/, which this process never imports) and writes to its own stdout and stderr files.
helpers.mkdocs speaks to it: one JSON request a line on stdin ({"cwd", "args", "env", "out", "err", "timeout"}),
answered with the fork's exit status, whether it ran out of time (then it was killed) and what it used. A command
that runs until stopped (`mkdocs serve`: helpers.mkdocs_serve) is asked for with "background" and answered with
its process id at once; {"stop": pid} later ends it as Popen.terminate() would and answers as above.
"""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import sys
import tempfile
import traceback
from pathlib import Path

# What a build imports before it reads the project: MkDocs, its commands and plugin registry, Material and its
# plugins, mkdocs-macros, the Markdown extensions of mkdocs.yml and the libraries the plugins draw with.
import cairosvg  # noqa: F401
import jinja2
import markdown  # noqa: F401
import material.plugins.blog.plugin
import material.plugins.search.plugin
import material.plugins.social.plugin
import mkdocs.__main__
import mkdocs.commands.build
import mkdocs.commands.gh_deploy
import mkdocs.theme
import mkdocs_macros.plugin  # noqa: F401
import pymdownx.emoji
import pymdownx.highlight
import pymdownx.superfences  # noqa: F401
from material.extensions.emoji import _load_twemoji_index
from mkdocs.plugins import get_plugins

get_plugins()  # reads the installed plugins' entry points once
_load_twemoji_index(())  # what material.extensions.emoji.twemoji returns without custom_icons, cached


class ProjectBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in a folder, keyed by a template's name and its path inside the project: copies of a
    project share their compiled templates, as a second build in one folder does. Jinja checks each against its
    source, so a template that a copy has changed is compiled again."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(name, filename and filename.replace(f"{Path.cwd()}{os.sep}", ""))


def share_compiled_templates(folder: str) -> None:
    """Give every Jinja environment a build makes (MkDocs' for the theme, the portfolio's for its fragments) one
    bytecode cache in folder (written atomically)."""
    cache = ProjectBytecodeCache(folder)
    init = jinja2.Environment.__init__

    def init_sharing(environment: jinja2.Environment, *args: object, **kwargs: object) -> None:
        init(environment, *args, **kwargs)
        environment.bytecode_cache = environment.bytecode_cache or cache

    jinja2.Environment.__init__ = init_sharing


def list_installed_templates_once() -> None:
    """List the installed theme's folders (Material's 14,509 files, its icons among them) once, here: every build
    lists each theme folder to find the theme's static files. A project's own folders are listed on every build."""
    list_templates = jinja2.FileSystemLoader.list_templates
    listed = {folder: list_templates(jinja2.FileSystemLoader(folder)) for folder in mkdocs.theme.Theme("material").dirs}

    def list_templates_once(loader: jinja2.FileSystemLoader) -> list[str]:
        found: set[str] = set()
        for folder in loader.searchpath:
            if folder in listed:
                found.update(listed[folder])
            else:
                found.update(list_templates(jinja2.FileSystemLoader(folder, followlinks=loader.followlinks)))
        return sorted(found)

    jinja2.FileSystemLoader.list_templates = list_templates_once


def key_pictures_without_the_folder() -> None:
    """Key Material's link-preview pictures without the project's folder, as if every copy of a project were in
    one place: a copy that took another's `.cache/` (conftest's `project`) then reuses its pictures, as the owner's
    second build does, rather than drawing them all anew. Material's key is a digest of the text of the plugin's
    configuration, which holds its cache's absolute path, and of what each picture shows; only the folder is left
    out, so a change to a picture's words, colours or layout still draws it anew."""
    digest = material.plugins.social.plugin._digest

    def digest_here(data: object) -> str:
        return digest(str(data).replace(f"{Path.cwd()}{os.sep}", ""))  # a fork runs in its project's folder

    material.plugins.social.plugin._digest = digest_here


def run(request: dict) -> None:
    """In the fork: the command, as `python -m mkdocs` runs it in request["cwd"]; never returns."""
    status = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[0] = request["cwd"]  # where `python -m` puts the current folder (this script's folder was there)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # (this process's stdin carries the requests)
        opened = {
            path: os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            for path in (request["out"], request["err"])
        }
        os.dup2(opened[request["out"]], 1)
        os.dup2(opened[request["err"]], 2)  # the same file as stdout's, when it is
        sys.argv = ["mkdocs", *request["args"]]
        try:
            mkdocs.__main__.cli(prog_name="python -m mkdocs")
            status = 0
        except SystemExit as exited:
            status = exited.code if isinstance(exited.code, int) else (0 if exited.code is None else 1)
        except BaseException:  # as Python prints an uncaught exception
            traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jinja-") as templates:
        share_compiled_templates(templates)
        list_installed_templates_once()
        key_pictures_without_the_folder()
        gc.freeze()  # the forks' garbage collections leave what is imported here alone (nor copy its pages)
        serve()


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        if "stop" in request:
            os.kill(request["stop"], signal.SIGTERM)  # (one that has ended waits for us as a zombie: no harm)
            answer = ended(request["stop"], 10)
        else:
            pid = os.fork()
            if pid == 0:
                run(request)
            answer = {"pid": pid} if request.get("background") else ended(pid, request["timeout"])
        print(json.dumps(answer), flush=True)


def ended(pid: int, timeout: float) -> dict:
    """Wait for a fork to end, killing it after timeout seconds: its exit status, whether it ran out of time, and
    its CPU seconds and peak resident memory in MiB (ru_maxrss: KiB on Linux), for the quick bench."""
    handle = os.pidfd_open(pid)  # readable once the fork has ended
    timed_out = not select.select([handle], [], [], timeout)[0]
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(handle)
    answer = {"returncode": os.waitstatus_to_exitcode(status), "timed_out": timed_out}
    return answer | {"cpu": usage.ru_utime + usage.ru_stime, "megabytes": usage.ru_maxrss / 1024}


if __name__ == "__main__":
    main()
