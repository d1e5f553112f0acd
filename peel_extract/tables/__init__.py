"""Tables stage: records -> tidy rows for analysis, and the data dictionary that describes them."""

from .dictionary import DICTIONARY, KEYS, LATEST_VIEWS, LIST_TABLES, TABLES, Column, Table, describe_markdown
from .latest import GRADE_RANK
from .rows import IS_LATEST, table_rows

__all__ = [
    "DICTIONARY",
    "GRADE_RANK",
    "IS_LATEST",
    "KEYS",
    "LATEST_VIEWS",
    "LIST_TABLES",
    "TABLES",
    "Column",
    "Table",
    "describe_markdown",
    "table_rows",
]
