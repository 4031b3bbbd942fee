"""The JSON Schema of each data file, generated from the models (`python -m portfolio.data.schema`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import msgspec

from portfolio.data.loader import DATA_FILES

SCHEMA_DIR = Path(__file__).parents[2] / "data" / "schema"


def schemas() -> dict[str, str]:
    """Each data file's schema as JSON text, by file name."""
    texts = {}
    for name, (model, many) in DATA_FILES.items():
        schema = msgspec.json.schema(list[model] if many else model)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{name}.yml"} | schema
        texts[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def main() -> None:
    """Write the schemas next to the data files."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in schemas().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR.relative_to(Path.cwd()) / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
