"""Tables stage: records -> tidy rows for analysis, and the data dictionary that describes them."""

from .dictionary import DICTIONARY, KEYS, LIST_TABLES, TABLES, Column, Table, describe_markdown
from .latest import GRADE_RANK
from .rows import table_rows

__all__ = [
    "DICTIONARY",
    "GRADE_RANK",
    "KEYS",
    "LIST_TABLES",
    "TABLES",
    "Column",
    "Table",
    "describe_markdown",
    "table_rows",
]
