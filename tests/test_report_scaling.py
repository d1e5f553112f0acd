"""Report pages cost time linear in their areas (issue 17.11: each area was compared with every earlier one)."""

from __future__ import annotations

from collections.abc import Callable

from peel_extract import extract_page

from .conftest import as_json
from .scaling import assert_linear

_OPENING = (
    "Overall summary\n\nOur inspection assessed how good Wessex Police is in {n} areas of policing. We make graded"
    " judgments in {n} of these {n} as follows:\n\nOutstanding\tGood\tAdequate\n"
)


def _report(areas: int) -> bytes:
    """A text report grading ``areas`` areas in its table (tab-separated), each with a section under its heading."""
    names = [f"Keeping district {i} safe" for i in range(areas)]
    rows = "".join(f"\t{name}\t\n" for name in names)
    sections = "".join(
        f"\n{name}\n\nWessex Police is good at keeping district {i} safe.\n" for i, name in enumerate(names)
    )
    return (_OPENING.format(n=areas) + rows + sections).encode()


def test_report_areas_cost_linear_time() -> None:
    areas = as_json(extract_page(_report(3), "a.txt"))["areas"]
    assert [(a["area"], a["judgment"], len(a["sections"])) for a in areas] == [
        (f"Keeping district {i} safe", "Good", 1) for i in range(3)
    ]

    def make_work(areas: int) -> Callable[[], object]:
        page = _report(areas)
        return lambda: extract_page(page, "a.txt")

    assert_linear(make_work, 200)
