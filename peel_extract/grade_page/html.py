"""The grade page's HTML: grade grids, timelines and areas-for-improvement counts, with inline CSS and SVG."""

from __future__ import annotations

from html import escape

from ..vocab import GRADES
from .grades import AreasCount, Cell, Grid, cell_title, iter_rows, part_order

# Per grade, in vocab.GRADES order: background, text colour, the letters shown in the cell.
_STYLES = dict(
    zip(
        GRADES.values(),
        [("#1a7837", "#fff", "O"), ("#7fbf7b", "#000", "G"), ("#fee08b", "#000", "A"),
         ("#f46d43", "#000", "RI"), ("#a50026", "#fff", "I"), ("#bdbdbd", "#000", "U"), ("#eeeeee", "#000", "TBG")],
        strict=True,
    )
)  # fmt: skip
_CLASSES = {grade: f"g{number}" for number, grade in enumerate(_STYLES, start=1)}
_SECTORS = {"police": "Police forces", "fire": "Fire and rescue services"}
_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; }
table { border-collapse: collapse; }
.grid th, .grid td { border: 1px solid #fff; padding: 2px 4px; }
.grid thead th { background: #f4f4f4; font-weight: 600; }
.grid th.part { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 400; font-size: 12px;
  max-height: 110px; overflow: hidden; }
.grid tbody th { text-align: left; font-weight: 400; white-space: nowrap; padding-right: 12px; }
.grid td { width: 30px; height: 24px; text-align: center; font-size: 11px; font-weight: 600; }
.grid td.none { background: #fafafa; }
.grid td.text, .legend .text { font-style: italic; }
.grid td.conflict, .legend .conflict { outline: 2px dashed #000; outline-offset: -3px; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; padding: 0; list-style: none; }
.legend span { display: inline-block; min-width: 28px; text-align: center; font-size: 11px; font-weight: 600;
  padding: 2px 4px; margin-right: 4px; }
.timelines { display: flex; flex-wrap: wrap; gap: 12px; }
.timelines figure { margin: 0; padding: 6px; border: 1px solid #ddd; }
.timelines figcaption { font-size: 12px; }
.counts td, .counts th { padding: 2px 8px; text-align: left; border-bottom: 1px solid #eee; }
.bar { display: inline-block; height: 10px; background: #f46d43; vertical-align: middle; margin-right: 6px; }
"""


def page_html(grids: list[Grid], counts: list[AreasCount], source: str) -> str:
    """The whole page."""
    styles = "".join(f".{_CLASSES[g]} {{ background: {bg}; color: {fg}; }}\n" for g, (bg, fg, _) in _STYLES.items())
    body = [f"<h1>PEEL grades from {escape(source)}</h1>", _legend()]
    for grid in grids:
        body += [f'<h2 id="grid-{escape(grid.sector)}">{escape(_SECTORS.get(grid.sector, grid.sector))}</h2>',
                 _grid_table(grid), "<h3>Timelines</h3>", _timelines(grid)]  # fmt: skip
    body += ["<h2>Areas for improvement per page</h2>", _counts_table(counts)]
    if not grids:
        body.insert(2, "<p>The database holds no graded pillars or areas.</p>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>PEEL grades: {escape(source)}</title>\n<style>{_CSS}{styles}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>"
    )


def _legend() -> str:
    items = [f'<li><span class="{_CLASSES[g]}">{letters}</span>{escape(g)}</li>' for g, (_, _, letters) in
             _STYLES.items()]  # fmt: skip
    items.append('<li><span class="text">G</span><i>italic</i>: the grade is stated in text, not a grade line</li>')
    items.append('<li><span class="conflict">?</span>dashed: versions disagree and their dates do not order them</li>')
    intro = "<p>Each cell: the newest version's grade (<code>latest_judgments</code>); hover for details.</p>"
    return intro + '<ul class="legend">' + "".join(items) + "</ul>"


def _grid_table(grid: Grid) -> str:
    years = list(dict.fromkeys(year for year, _ in grid.columns))
    spans = "".join(f'<th colspan="{sum(y == year for y, _ in grid.columns)}">{escape(year)}</th>' for year in years)
    parts = "".join(f'<th class="part" title="{escape(p)}">{escape(p)}</th>' for _, p in grid.columns)
    rows = [f'<tr><th scope="row">{escape(name)}</th>' + "".join(_cell(name, *column) for column in cells) + "</tr>"
            for name, cells in iter_rows(grid)]  # fmt: skip
    head = f'<thead><tr><th rowspan="2">{"Force" if grid.sector == "police" else "Service"}</th>{spans}</tr>'
    table = f'<table class="grid" data-sector="{escape(grid.sector)}">'
    return f"{table}{head}<tr>{parts}</tr></thead>\n<tbody>" + "\n".join(rows) + "</tbody></table>"


def _cell(name: str, year: str, part: str, cell: Cell | None) -> str:
    data = f'data-name="{escape(name)}" data-year="{escape(year)}" data-part="{escape(part)}"'
    if cell is None:
        return f'<td class="none" {data} data-grade=""></td>'
    classes = " ".join([_CLASSES.get(cell.grade, "none"), *(["text"] if cell.judged_by == "text" else []),
                        *(["conflict"] if cell.conflict else [])])  # fmt: skip
    letters = _STYLES.get(cell.grade, ("", "", "?"))[2]
    title = cell_title(name, year, part, cell)
    return f'<td class="{classes}" {data} data-grade="{escape(cell.grade)}" title="{title}">{letters}</td>'


def _timelines(grid: Grid) -> str:
    years = list(dict.fromkeys(year for year, _ in grid.columns))
    parts = sorted({part for _, part in grid.columns}, key=part_order)
    key = [f'<svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" stroke="#555"{_dash(number)}/></svg> '
           f"{escape(part)}" for number, part in enumerate(parts)]  # fmt: skip
    figures = [f"<figure><figcaption>{escape(name)}</figcaption>{_timeline(grid, name, years, parts)}</figure>"
               for name in grid.names]  # fmt: skip
    intro = "<p>Each line a pillar or area, its grade year by year (best at the top): " + "; ".join(key) + ".</p>"
    return intro + '<div class="timelines">' + "\n".join(figures) + "</div>"


_X0, _DX, _Y0, _DY = 30, 34, 8, 12


def _dash(number: int) -> str:
    return ("", ' stroke-dasharray="4 2"', ' stroke-dasharray="1 2"', ' stroke-dasharray="6 2 1 2"')[number % 4]


def _timeline(grid: Grid, name: str, years: list[str], parts: list[str]) -> str:
    """An SVG line per pillar or area: the grade's rank (best at the top) year by year."""
    width, marks = _X0 + _DX * len(years), []
    for rank, letters in enumerate((s[2] for s in list(_STYLES.values())[:5]), start=1):
        marks.append(f'<text x="2" y="{_Y0 + (rank - 1) * _DY + 3}" font-size="8">{letters}</text>')
    marks += [f'<text x="{_X0 + i * _DX - 10}" y="74" font-size="8">{escape(y)}</text>' for i, y in enumerate(years)]
    for number, part in enumerate(parts):
        points = [(years.index(y), c) for (n, y, p), c in grid.cells.items() if n == name and p == part and c.rank]
        marks += _line(sorted(points, key=lambda point: point[0]), part, number)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="80" role="img" '
            f'aria-label="{escape(name)} grades by year">' + "".join(marks) + "</svg>")  # fmt: skip


def _line(points: list[tuple[int, Cell]], part: str, number: int) -> list[str]:
    xy = [(_X0 + i * _DX, _Y0 + ((cell.rank or 1) - 1) * _DY) for i, cell in points]
    marks = [f'<polyline points="{" ".join(f"{x},{y}" for x, y in xy)}" fill="none" stroke="#555"{_dash(number)}/>']
    for (x, y), (_, cell) in zip(xy, points, strict=True):
        colour = _STYLES[cell.grade][0]
        marks.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}" stroke="#333">'
                     f"<title>{escape(part)}: {escape(cell.grade)}</title></circle>")  # fmt: skip
    return marks


def _counts_table(counts: list[AreasCount]) -> str:
    if not counts:
        return "<p>No page with questions or areas for improvement.</p>"
    rows = [
        f"<tr><td>{escape(c.name)}</td><td>{escape(c.year)}</td><td>{escape(c.part)}</td>"
        f"<td>{escape(c.last_updated or 'not shown')}</td><td><code>{escape(c.path)}</code></td>"
        f'<td><span class="bar" style="width: {c.count * 12}px"></span>{c.count}</td></tr>'
        for c in counts
    ]
    head = "<tr><th>Force or service</th><th>Year</th><th>Pillar</th><th>Last updated</th><th>Page</th>"
    head += "<th>Areas for improvement</th></tr>"
    intro = "<p>Each version of a page once (markups of one page count once); nested bullets not counted.</p>"
    return f'{intro}<table class="counts"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
