"""The grade page: the tables' SQLite database -> one self-contained HTML page of the grades.

The page needs nothing from the network: CSS and SVG are inline, and there is no script. It shows
a grid per sector (forces or services down; year, then pillar or area, across; each cell coloured
by its grade from `latest_judgments`), a small timeline of each force's grades, and how many areas
for improvement each page lists.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NotAPeelDatabase
from .grades import read_report
from .html import page_html

__all__ = ["NotAPeelDatabase", "report_html"]


def report_html(database: str | Path) -> str:
    """The HTML page of the grades in ``database``."""
    grids, counts = read_report(database)
    return page_html(grids, counts, Path(database).name)
