"""Many rows into one table at once: the INSERT compiled once, each value converted by its column.

Core's executemany builds and converts a parameter dictionary per row through the statement's
generic machinery; for a roster of 70,000 volunteers that is a visible part of the import.
Here the statement is compiled for the session's own database (nothing dialect-specific is
written by hand), each column's bind conversion is looked up once, and the driver gets plain
tuples. Columns with a Python-side default must be given: the driver cannot run Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_rows(s: Session, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """INSERT `rows` (tuples of values in the order of `columns`) into `table`, in the session's transaction."""
    conn = s.connection()
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    order = list(compiled.positiontup or []) if dialect.positional else list(compiled.binds)
    if sorted(order) != sorted(columns):
        missing = sorted(set(order) - set(columns))
        raise ValueError(f"insert_rows into {table.name}: give the columns with Python defaults too: {missing}")
    place = {name: i for i, name in enumerate(columns)}
    picks = [place[name] for name in order]
    # Only the columns that need converting (dates, booleans, UTC times) are touched per row.
    converts = [
        (k, process)
        for k, process in enumerate(table.c[name].type.bind_processor(dialect) for name in order)
        if process is not None
    ]
    params = []
    for row in rows:
        values = [row[i] for i in picks]
        for k, process in converts:
            value = values[k]
            if value is not None:
                values[k] = process(value)
        params.append(tuple(values) if dialect.positional else dict(zip(order, values)))
    if params:
        conn.exec_driver_sql(compiled.string, params)
