"""The export's files, from its tables: CSV, ``datapackage.json`` (a Frictionless Tabular Data
Package), SQLite with a full-text index, and Parquet.

Each writer is deterministic: the same tables give the same bytes (no timestamps; SQLite and
Parquet built by the same statements in the same order), so exports diff cleanly in git.
"""

from __future__ import annotations

import csv
import functools
import io
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never

import msgspec

from tracker.render.export.fields import LIST_SEPARATOR, NULL, Cell, FieldType, Table

if TYPE_CHECKING:
    import pyarrow as pa

BOM = "\ufeff"
PACKAGE_NAME = "tracker-export"
SQLITE_FILE = "tracker.sqlite"
DATAPACKAGE_FILE = "datapackage.json"
INFO_TABLE = "export_info"  # SQLite: the package's as_of, version and commit as key/value rows


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """What an export says about itself: the evaluation date, the program, the data's commit
    and the selection it was made with (filters and judgement options)."""

    as_of: str
    tracker_version: str
    data_commit: str | None = None  # when the data is in git
    data_modified: bool | None = None  # the data files differ from that commit
    selection: dict[str, Any] = field(default_factory=dict)

    def items(self) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = [
            ("as_of", self.as_of),
            ("tracker_version", self.tracker_version),
        ]
        if self.data_commit is not None:
            found += [("data_commit", self.data_commit), ("data_modified", self.data_modified)]
        return [*found, ("selection", self.selection)]


# --- CSV ------------------------------------------------------------------------------------


def csv_file(table: Table, *, bom: bool = False) -> bytes:
    """The table as UTF-8 CSV (header row, ``\\n`` line ends, empty = null); ``bom`` puts a
    byte-order mark first, which Excel and WPS need to read UTF-8."""
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.names)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8")


# --- datapackage.json -----------------------------------------------------------------------

_FRICTIONLESS_TYPES = {
    FieldType.STRING: "string",
    FieldType.INTEGER: "integer",
    FieldType.DECIMAL: "number",
    FieldType.DATE: "date",
    FieldType.BOOLEAN: "boolean",
    FieldType.LIST: "string",
}


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for f in table.fields:
        descriptor: dict[str, Any] = {
            "name": f.name,
            "type": _FRICTIONLESS_TYPES[f.type],
            "description": f.description,
        }
        constraints: dict[str, Any] = {}
        if f.required or f.name in table.primary_key:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = list(f.enum)
        if constraints:
            descriptor["constraints"] = constraints
        fields.append(descriptor)
    return {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
        "foreignKeys": [
            {
                "fields": key.field,
                # "" is the resource itself (Frictionless' self-reference)
                "reference": {
                    "resource": "" if key.table == table.name else key.table,
                    "fields": key.reference,
                },
            }
            for key in table.foreign_keys
        ],
    }


def datapackage(tables: Sequence[Table], info: PackageInfo, *, bom: bool = False) -> bytes:
    """``datapackage.json``: a Tabular Data Package describing the CSV files."""
    document: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": f"tracker export, evaluated at {info.as_of}",
        **dict(info.items()),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": f"{table.name}.csv",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if bom else "utf-8",
                "schema": _schema(table),
            }
            for table in tables
        ],
    }
    return msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n"


# --- SQLite ---------------------------------------------------------------------------------

_SQLITE_TYPES = {
    FieldType.STRING: "TEXT",
    FieldType.INTEGER: "INTEGER",
    FieldType.DECIMAL: "TEXT",  # exact: a REAL would round 0.1; CAST(x AS REAL) to compute
    FieldType.DATE: "DATE",  # ISO text (not a number: kept as text); DuckDB reads a DATE
    FieldType.BOOLEAN: "BOOLEAN",  # 1 or 0
    FieldType.LIST: "TEXT",
}


def _name(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _create(table: Table) -> str:
    columns = [
        f"{_name(f.name)} {_SQLITE_TYPES[f.type]}{' NOT NULL' if f.required else ''}"
        for f in table.fields
    ]
    columns.append(f"PRIMARY KEY ({', '.join(map(_name, table.primary_key))})")
    columns += [
        f"FOREIGN KEY ({_name(k.field)}) REFERENCES {_name(k.table)} ({_name(k.reference)})"
        for k in table.foreign_keys
    ]
    return f"CREATE TABLE {_name(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def _tokenizer(connection: sqlite3.Connection) -> str:
    """trigram (SQLite ≥ 3.34) finds any run of 3+ characters, which Chinese text needs (it
    has no spaces between words); unicode61 is the fallback."""
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return "unicode61"
    connection.execute("DROP TABLE temp.probe")
    return "trigram"


def write_sqlite(tables: Sequence[Table], info: PackageInfo, path: Path) -> None:
    """``tracker.sqlite``: the tables with their keys and indexes, an FTS5 index
    ``<table>_fts`` on each table's text columns (the names Datasette looks for), and
    ``export_info``."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a new file: nothing to roll back to
        connection.execute("PRAGMA synchronous = OFF")
        tokenizer = _tokenizer(connection)
        connection.execute("BEGIN")
        for table in tables:
            connection.execute(_create(table))
            # NULLIF: an empty cell is NULL, as in the CSV
            marks = ", ".join(["NULLIF(?, '')"] * len(table.fields))
            insert = f"INSERT INTO {_name(table.name)} VALUES ({marks})"  # noqa: S608
            connection.executemany(insert, table.rows)
            for column in table.indexes:
                connection.execute(
                    f"CREATE INDEX {_name(f'{table.name}_{column}')} "
                    f"ON {_name(table.name)} ({_name(column)})"
                )
            if table.search:
                fts = _name(f"{table.name}_fts")
                columns = ", ".join(map(_name, table.search))
                connection.execute(
                    f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, "
                    f"content={_name(table.name)}, tokenize='{tokenizer}')"
                )
                connection.execute(
                    f"INSERT INTO {fts} (rowid, {columns}) "  # noqa: S608  # quoted names
                    f"SELECT rowid, {columns} FROM {_name(table.name)}"
                )
        connection.execute(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
        connection.executemany(
            f"INSERT INTO {INFO_TABLE} VALUES (?, ?)",  # noqa: S608  # our own constant
            [
                (key, value if isinstance(value, str) else msgspec.json.encode(value).decode())
                for key, value in info.items()
            ],
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


# --- Parquet --------------------------------------------------------------------------------


def _decimal_type(values: Sequence[Decimal | None]) -> pa.DataType:
    """The narrowest decimal type holding every value exactly."""
    import pyarrow as pa  # noqa: PLC0415  # heavy, and only with --parquet

    whole, scale = 1, 0
    for value in values:
        if value is None:
            continue
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101  # finite: read from decimal text
        digits = len(value.as_tuple().digits)
        scale = max(scale, -exponent)
        whole = max(whole, digits + exponent)
    precision = whole + scale
    return pa.decimal128(precision, scale) if precision <= 38 else pa.decimal256(precision, scale)


def _arrow_column(kind: FieldType, values: Sequence[Cell]) -> pa.Array:
    """A column of cells as Arrow values: ``""`` is null (an empty list for lists)."""
    import pyarrow as pa  # noqa: PLC0415

    if kind is FieldType.STRING:
        return pa.array([v if v != NULL else None for v in values], pa.string())
    if kind is FieldType.INTEGER:
        return pa.array([v if v != NULL else None for v in values], pa.int64())
    if kind is FieldType.BOOLEAN:
        return pa.array([bool(v) if v != NULL else None for v in values], pa.bool_())
    if kind is FieldType.DATE:
        days = [date.fromisoformat(str(v)) if v != NULL else None for v in values]
        return pa.array(days, pa.date32())
    if kind is FieldType.DECIMAL:
        decimals = [Decimal(str(v)) if v != NULL else None for v in values]
        return pa.array(decimals, _decimal_type(decimals))
    if kind is FieldType.LIST:
        items = [str(v).split(LIST_SEPARATOR) if v != NULL else [] for v in values]
        return pa.array(items, pa.list_(pa.string()))
    assert_never(kind)


def write_parquet(table: Table, path: Path) -> None:
    """One zstd-compressed Parquet file: dates as dates, decimals as decimals, lists as
    lists; each field's description in its metadata."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    columns = list(zip(*table.rows, strict=True)) if table.rows else [()] * len(table.fields)
    arrays = [_arrow_column(f.type, c) for f, c in zip(table.fields, columns, strict=True)]
    schema = pa.schema(
        [
            pa.field(
                f.name, a.type, nullable=not f.required, metadata={"description": f.description}
            )
            for f, a in zip(table.fields, arrays, strict=True)
        ],
        metadata={"primary_key": ",".join(table.primary_key), "description": table.description},
    )
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path, compression="zstd")


# --- the set of files -----------------------------------------------------------------------


def parquet_available() -> bool:
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("pyarrow") is not None


def _write_bytes(make: Callable[[], bytes]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(make())

    return write


def files(
    tables: Sequence[Table], info: PackageInfo, *, bom: bool = False, parquet: bool = False
) -> dict[str, Callable[[Path], None]]:
    """Every file of an export, by name, with the function that writes it."""
    found: dict[str, Callable[[Path], None]] = {
        f"{table.name}.csv": _write_bytes(functools.partial(csv_file, table, bom=bom))
        for table in tables
    }
    found[DATAPACKAGE_FILE] = _write_bytes(functools.partial(datapackage, tables, info, bom=bom))
    found[SQLITE_FILE] = lambda path: write_sqlite(tables, info, path)
    if parquet:
        for table in tables:
            found[f"{table.name}.parquet"] = functools.partial(write_parquet, table)
    return found
