"""The grade page in a real browser (headless Chromium): each cell drawn in its grade's colour, and the page
readable at 1,400 px and on a phone (400 px): nothing wider than the screen but the scrolling grids, whose
names and header stay in view when scrolled, and timeline labels that do not overlap."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from .browser import FLAGS, Browser
from .test_report import app, cells, fixtures_database, runner

# The colour each grade's cell must be drawn in, as the browser reports it.
COLOURS = {
    "Outstanding": "rgb(26, 120, 55)",
    "Good": "rgb(127, 191, 123)",
    "Adequate": "rgb(254, 224, 139)",
    "Requires improvement": "rgb(244, 109, 67)",
    "Inadequate": "rgb(165, 0, 38)",
    "Ungraded": "rgb(189, 189, 189)",
    "To be graded": "rgb(238, 238, 238)",
    "": "rgb(250, 250, 250)",
}
HATCHED = "rgb(247, 247, 247)"
"""An empty cell where the pages of that year state no grade (hatched over this colour)."""
_COLOURS = """<script>
for (const td of document.querySelectorAll("td[data-grade]")) {
  const box = td.getBoundingClientRect();
  td.setAttribute("data-bg", getComputedStyle(td).backgroundColor);
  td.setAttribute("data-box", box.width >= 20 && box.height >= 20 ? "shown" : "hidden");
}
</script>"""
# Scrolls each grid to its far corner, then measures: where its names column and header are, whether the
# page is wider than the window, and which timeline texts (years, line labels) overlap.
_LAYOUT = """(() => {
const out = {window: innerWidth, page: document.documentElement.scrollWidth, boxes: [], overlaps: [], texts: 0};
for (const box of document.querySelectorAll(".scroll, .charts figure")) {
  const table = box.querySelector("table");
  const wide = box.scrollWidth > box.clientWidth, tall = box.scrollHeight > box.clientHeight;
  box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight;
  const frame = box.getBoundingClientRect(), entry = {wide, tall, right: frame.right};
  if (table) {
    const name = table.querySelector("tbody tr:last-child th").getBoundingClientRect();
    const corner = table.querySelector("thead th.corner").getBoundingClientRect();
    Object.assign(entry, {table: table.className + " " + table.dataset.sector, scrolled: box.scrollLeft > 0,
      nameLeft: name.left - frame.left, cornerTop: corner.top - frame.top,
      nameShown: name.right <= frame.right && name.bottom <= frame.bottom && name.top >= corner.bottom - 1});
  }
  out.boxes.push(entry);
}
for (const svg of document.querySelectorAll("svg")) {
  for (const kind of ["x", "label"]) {
    const boxes = [...svg.querySelectorAll("text." + kind)].map(t => [t.textContent, t.getBoundingClientRect()]);
    out.texts += boxes.length;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i], [b, q] = boxes[j];
      if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
        out.overlaps.push(a + " / " + b);
    }
  }
}
return out;
})()"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    database = fixtures_database(tmp_path_factory.mktemp("browser"))
    result = runner.invoke(app, ["report", str(database)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: .ci/run installs the Debian package chromium")
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    return found


def _render(html_file: Path, profile: Path, size: str, *args: str) -> str:
    flags = [*FLAGS, f"--user-data-dir={profile}", f"--window-size={size}"]
    done = subprocess.run(
        [_chromium(), *flags, *args, html_file.as_uri()], capture_output=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout.decode("utf-8")


def test_chromium_draws_each_cell_in_its_grade_colour(page: str, tmp_path: Path) -> None:
    (tmp_path / "grades.html").write_text(page.replace("</body>", _COLOURS + "</body>"), encoding="utf-8")
    drawn = cells(lxml.html.fromstring(_render(tmp_path / "grades.html", tmp_path / "p", "1400,1600", "--dump-dom")))
    shown = {key: (td.get("data-grade"), td.get("data-bg"), td.get("data-box")) for key, td in drawn.items()}
    colours = {
        key: HATCHED if "missing" in td.get("class") else COLOURS[td.get("data-grade")] for key, td in drawn.items()
    }
    assert shown == {key: (td.get("data-grade"), colours[key], "shown") for key, td in drawn.items()}
    assert list(colours.values()).count(HATCHED) == 20
    assert sum(1 for grade, _, _ in shown.values() if grade) == 154


@pytest.mark.parametrize(("width", "height", "phone"), [(1400, 1000, False), (400, 700, True)])
def test_the_page_reads_on_a_wide_screen_and_a_phone(
    page: str, tmp_path: Path, width: int, height: int, phone: bool
) -> None:
    (tmp_path / "grades.html").write_text(page, encoding="utf-8")
    shot = tmp_path / f"grades-{width}.png"
    with Browser(_chromium(), tmp_path / "profile") as browser:
        browser.open((tmp_path / "grades.html").as_uri(), width, height, mobile=phone)
        browser.screenshot(shot)
        layout: dict[str, Any] = browser.evaluate(_LAYOUT)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (width, height)
    assert len(data) > 20_000
    assert layout["window"] == width
    assert layout["page"] <= width  # nothing is wider than the window but what scrolls in its own box
    assert all(box["right"] <= width for box in layout["boxes"])
    assert layout["texts"] > 50 and layout["overlaps"] == []  # timeline years and line labels
    grids = {box["table"]: box for box in layout["boxes"] if "table" in box}
    assert set(grids) == {f"{kind} {sector}" for kind in ("grid", "counts") for sector in ("police", "fire")}
    for box in grids.values():  # scrolled to the far corner: the names and the header are still in view
        assert (abs(box["nameLeft"]) <= 1.5, abs(box["cornerTop"]) <= 1.5, box["nameShown"]) == (True,) * 3, box
    police = grids["grid police"]
    if not phone:  # the fire grid fits: no sideways scrolling; the police grid, wider than the window since the
        # vetting reports and the reports of forces outside the Home Office set added their years and areas,
        # scrolls in its own box (its names and header in view, as checked above), and nothing else is wide
        assert not grids["grid fire"]["wide"] and not any(box["wide"] for box in layout["boxes"] if "table" not in box)
    else:  # it scrolls both ways in its box, which is what the checks above measured
        assert (police["wide"], police["tall"], police["scrolled"]) == (True, True, True)
