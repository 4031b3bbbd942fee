"""Property-based: whatever a data file holds, the loader answers with the data or with DataError lines."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from helpers import GOOD_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portfolio.data import DataError, load_portfolio
from portfolio.data.icons import material_icons
from portfolio.data.loader import DATA_FILES
from portfolio.data.yamlfile import read_yaml

ICONS = material_icons()
# Every line of a DataError: the file, the line when known, then what is wrong.
LINE = re.compile(rf"data/({'|'.join(DATA_FILES)})\.yml(:[1-9][0-9]*)?: \S.*")
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Plain YAML values of every kind the safe loader makes, nested.
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.dates(), st.binary(max_size=8)
)
# Years and months as a career's dates are written, so that starts and ends get compared too.
SCALARS |= st.integers(1899, 2100) | st.from_regex(r"\A(19|20)[0-9]{2}-(0[1-9]|1[0-2])\Z")
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(SCALARS, inner, max_size=4),
    max_leaves=12,
)
# Records shaped like the real ones, with any value in any field, and a stray field now and then.
FIELDS = ["id", "title", "kind", "summary", "technologies", "challenges", "repository", "featured"]
FIELDS += ["name", "icon", "colour", "link", "about", "email", "links", "url"]
FIELDS += ["experience", "company", "position", "start", "end", "institution", "area", "languages", "language"]
RECORDS = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), VALUES, max_size=8)
DOCUMENTS = VALUES | RECORDS | st.lists(RECORDS, max_size=4)
# Pieces of YAML syntax, put together at random: anchors, aliases, tags, flow and block collections, odd scalars.
TOKENS = [
    "- ",
    ": ",
    "? ",
    "\n",
    "  ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!timestamp ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!python/name:os.system ",
    "!custom ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "|",
    ">",
    "# ",
    "---",
    "...",
    "%YAML 1.1",
    "id",
    "title",
    "kind",
    "2020-13-45",
    "2001-12-14t21:59:43.10-05:00",
    "0x_",
    "0b",
    "._",
    "1:60",
    "~",
    "null",
    "yes",
    "\t",
    "\x00",
    "\ufeff",
    "é",
    "\u2028",
    "\\",
    "x",
]
YAML_TEXT = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def only_data_errors(load: Callable[[], object]) -> None:
    """Loading gives data, or DataError with a message of well-formed lines; never another exception."""
    try:
        load()
    except DataError as error:
        lines = str(error).splitlines()
        assert lines
        for line in lines:
            assert LINE.fullmatch(line), line


def load_with(name: str, content: bytes) -> None:
    """Load the small good data set with one file's content replaced."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(GOOD_DATA, data)
        (data / f"{name}.yml").write_bytes(content)
        only_data_errors(lambda: load_portfolio(data, ICONS))


@FUZZ
@given(name=st.sampled_from(sorted(DATA_FILES)), document=DOCUMENTS)
def test_any_yaml_document(name: str, document: object) -> None:
    load_with(name, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(name=st.sampled_from(sorted(DATA_FILES)), text=YAML_TEXT)
def test_any_yaml_like_text(name: str, text: str) -> None:
    load_with(name, text.encode("utf-8"))


@FUZZ
@given(content=st.binary(max_size=200) | st.text().map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_to_the_yaml_reader(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "projects.yml"
        path.write_bytes(content)
        file = read_yaml(path, "data/projects.yml")  # never raises
    for problem in file.problems:
        assert LINE.fullmatch(str(problem)), str(problem)
    assert not file.problems or file.data is None  # a file with problems gives no data
