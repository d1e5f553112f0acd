"""The grade page: the tables' SQLite database -> one self-contained HTML page of the grades.

The page needs nothing from the network: CSS and SVG are inline, and there is no script. Per
sector it shows a grid (forces or services down; year, then pillar or area across; each cell
coloured by its grade from `latest_judgments`, names and header sticky), the areas merged by
name, a timeline per pillar or area with a labelled line per force, and the areas for
improvement of each page's newest version.

    read.py      database -> typed rows (or one NotAPeelDatabase line)
    areas.py     area names merged by their normalised form
    grid.py      rows -> a grid per sector
    timeline.py  a grid's pillars and areas -> SVG timelines
    tables.py    a grid -> the grade table and the areas-for-improvement table
    html.py      the page; style.py its colours and CSS
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NotAPeelDatabase
from .grid import build_grids
from .html import page_html
from .read import read_rows

__all__ = ["NotAPeelDatabase", "report_html"]


def report_html(database: str | Path) -> str:
    """The HTML page of the grades in ``database``."""
    return page_html(build_grids(read_rows(database)), Path(database).name)
