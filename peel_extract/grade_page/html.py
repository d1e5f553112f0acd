"""The grade page's HTML: per sector the grid, the areas merged, timelines and areas for improvement.

Self-contained: inline CSS and SVG, no script, nothing loaded; every text is escaped.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from .grid import Grid
from .style import CLASSES, CSS, STYLES, grade_css
from .tables import counts_table, grid_table
from .timeline import MAX_LABELLED, families, timeline_svg

_SECTORS = {"police": ("Police forces", "forces"), "fire": ("Fire and rescue services", "services")}


def page_html(grids: list[Grid], source: str) -> str:
    """The whole page."""
    body = [f"<h1>PEEL grades from {escape(source)}</h1>", _legend()]
    if not any(grid.cells for grid in grids):
        body.append("<p>The database holds no graded pillars or areas.</p>")
    for grid in grids:
        body += _sector(grid)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>PEEL grades: {escape(source)}</title>\n<style>{CSS}{grade_css()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>"
    )


def _legend() -> str:
    items = [f'<li><span class="{CLASSES[g]}">{letters}</span>{escape(g)}</li>' for g, (_, _, letters) in
             STYLES.items()]  # fmt: skip
    items.append(
        '<li><span class="text">G</span><i>italic</i>: the grade is stated in a sentence, not a grade line</li>'
    )
    items.append('<li><span class="conflict">?</span>dashed: versions disagree and their dates do not order them</li>')
    items.append('<li><span class="missing">&nbsp;</span>hatched: the pages of that year state no grade</li>')
    intro = ("<p>Each cell holds the grade of the newest version of the pages (<code>latest_judgments</code>). "
             "Hover over a cell for the page it was read from and, for a grade stated in a sentence, "
             "the sentence.</p>")  # fmt: skip
    return intro + '<ul class="legend">' + "".join(items) + "</ul>"


def _sector(grid: Grid) -> list[str]:
    heading, plural = _SECTORS.get(grid.sector, (grid.sector, "names"))
    graded = len({name for name, _ in grid.graded_years})
    summary = (f"<p>{len(grid.names)} {plural} with pages, {graded} with a grade read; {len(grid.years)} years. "
               "The names and the header stay in view as the grid scrolls.</p>")  # fmt: skip
    section = [f'<h2 id="grid-{escape(grid.sector)}">{escape(heading)}</h2>', summary, *_ungraded(grid),
               grid_table(grid)]  # fmt: skip
    section += _merged(grid)
    section += _timelines(grid, plural)
    section += ["<h3>Areas for improvement</h3>",
                "<p>How many areas for improvement (top-level bullets) each name's pages list, counting only the "
                "newest version of each page; hover for the pages, and their causes of concern and "
                "recommendations.</p>", counts_table(grid)]  # fmt: skip
    return section


def _ungraded(grid: Grid) -> list[str]:
    """Pages of kinds that grade nothing are said to be so, and where they are counted."""
    if not grid.ungraded:
        return []
    kinds = Counter(page.ungraded_kind for page in grid.ungraded)
    listed = "; ".join(f"{escape(kind or '')}: {count}" for kind, count in kinds.items())
    return [f'<p class="ungraded">Not in the grid, as their kinds grade nothing: {len(grid.ungraded)} pages '
            f"({listed}). Their areas for improvement, causes of concern and recommendations are counted under "
            "“Areas for improvement” below.</p>"]  # fmt: skip


def _merged(grid: Grid) -> list[str]:
    if not grid.merged:
        return []
    items = "".join(f"<li>{', '.join(f'“{escape(n)}”' for n in names)} shown as “{escape(shown)}”</li>"
                    for shown, names in grid.merged)  # fmt: skip
    intro = "<p>Areas written in more than one way are one column (same words once case, punctuation and "
    intro += "hyphens are set aside, or a name that is the first part of a longer one before “and”):</p>"
    return [intro, f'<ul class="merged">{items}</ul>']


def _timelines(grid: Grid, plural: str) -> list[str]:
    charts, single = families(grid)
    if not charts and not single:
        return []
    intro = (f"<p>One chart per pillar or area graded in more than one year: a line per {plural[:-1]} (the "
             f"{plural} with the same grades share a line), named at its end; best grade at the top. "
             f"Beyond {MAX_LABELLED} lines in a chart the rest are grey, named in their tooltip.</p>")  # fmt: skip
    figures = [f'<figure><figcaption>{escape(_capital(f.part))}</figcaption>'
               f"{timeline_svg(f, f'{_capital(f.part)}: grades by year')}</figure>" for f in charts]  # fmt: skip
    section = ["<h3>Timelines</h3>", intro, '<div class="charts">' + "\n".join(figures) + "</div>"]
    if single:
        names = ", ".join(escape(_capital(part)) for part in single)
        section.append(f"<p>Graded in one year only (in the grid, no timeline): {names}.</p>")
    return section


def _capital(part: str) -> str:
    return part[:1].upper() + part[1:]
