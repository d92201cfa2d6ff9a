"""Write the fuzz corpora from the shipped data: fuzz/corpus/loader/ (every data file of
targets/, tests/check-examples/ and tests/hostile/, with the format byte in front) and
fuzz/corpus/quantity/ (every quantity those files write, with each role and unit byte).

    python fuzz/seed.py [OUT]          # OUT: the corpora's directory, default fuzz/corpus
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tomli
import yaml

HERE = Path(__file__).parent
ROOT = HERE.parent
SOURCES = [ROOT / "targets", ROOT / "tests" / "check-examples", ROOT / "tests" / "hostile"]
QUANTITY_KEYS = {"target", "value", "stated_rate", "tolerance", "numerator", "denominator"}


def data_files() -> Iterator[Path]:
    for folder in SOURCES:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".toml", ".yaml", ".yml"):
                yield path


def quantities(value: Any, key: str = "") -> Iterator[str]:
    """Every quantity a document writes, as text (numbers too: the parser reads both)."""
    if isinstance(value, dict):
        for sub, item in value.items():
            yield from quantities(item, str(sub))
    elif isinstance(value, list):
        for item in value:
            yield from quantities(item, key)
    elif key in QUANTITY_KEYS and isinstance(value, (str, int, float)):
        yield str(value)


def write(folder: Path, data: bytes) -> None:
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)  # noqa: S324  # a name


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "corpus"
    loader, quantity = out / "loader", out / "quantity"
    for folder in (loader, quantity):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    found: set[str] = set()
    for path in data_files():
        raw = path.read_bytes()
        write(loader, (b"\x01" if path.suffix != ".toml" else b"\x00") + raw)
        try:
            text = raw.decode("utf-8-sig")
            document = tomli.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
        except (UnicodeDecodeError, tomli.TOMLDecodeError, yaml.YAMLError, ValueError):
            continue
        found.update(quantities(document))
    for text in sorted(found):
        for head in range(16):  # every role with every unit
            write(quantity, bytes([head]) + text.encode())
    seeds = len(list(loader.iterdir())), len(list(quantity.iterdir()))
    print(f"{seeds[0]} loader seeds, {seeds[1]} quantity seeds")


if __name__ == "__main__":
    main()
