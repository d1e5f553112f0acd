"""The kinds of issue 20 on pages built as held-out pages of those kinds could plausibly be (``other_probes``):
every real beginning in every rendering and markup the probe module writes, cut at any point, and with other
forces, regions, years and grades put into its own sentences.

A whole page gives what its facts say (``tests/other_facts.jsonl``, the manifest of ``../shared/pages/other/``):
its ``page_type`` as the manifest's kind maps, its force (a SOC report: no force, its region, and no force the
page does not name), its year and every grade it shows, by the shared checker's keys (``page_type``, ``force``,
``year``, ``areas[].area`` / ``.judgment``, ``areas_graded``). A cut page still gives its ``page_type`` and
force, and never a grade the whole page does not give.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from peel_extract import PeelError, extract_page

from . import other_probes as probes
from .conftest import ROOT, SHARED

FACTS_FILE = ROOT / "tests" / "other_facts.jsonl"
REAL_PAGES = SHARED / "pages" / "other"
CHECKER = SHARED / "tools" / "check_expected.py"
PAGE_TYPES = {
    "vetting_counter_corruption_report": "vetting_report",
    "soc_regional_report": "soc_report",
    "non_home_office_force_report": "peel_report",
    "coc_revisit_letter": "monitoring_letter",
    "police_custody_report": "custody_report",
}
"""The manifest's kinds and the page_type each converts to (/work/notes/ISSUE20.md)."""
VETTING_AREA = "Vetting, IT monitoring and counter-corruption"
NOT_CONTENT = (
    "Skip to main content",
    "We use some essential cookies",
    "View cookies",
    "Print this document",
    "Police forces",
    "Crown copyright",
    "Open Government Licence",
    "Related publications",
    "Related links",
    "Share this page",
    "State of Policing",
)
"""The site's words the renderings add around a page (skip link, cookie banner, furniture, navigation, aside, footer):
never in a record (but its source and warnings), as the shared checker's ``not_content`` facts say."""
HTML_EVERY = 5
"""A cut page is also written as the live site's HTML at every this many cuts (each time in the next style)."""
HTML_STEP = 151
"""Bytes between two cuts of a saved HTML page."""


def _facts() -> dict[str, dict[str, Any]]:
    """The facts of each real beginning's text page, by its number."""
    out = {}
    for line in FACTS_FILE.read_text(encoding="utf-8").splitlines():
        facts = json.loads(line)
        folder = Path(facts["file"]).parent.name
        number = folder.rpartition("-")[2]
        if probes.REAL.get(number) == folder:
            out[number] = facts
    return out


FACTS = _facts()


def _checker() -> ModuleType | None:
    if not CHECKER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("check_expected", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHARED_CHECK = _checker()


def _record(text: str, rendering: str) -> dict[str, Any]:
    name = "page.html" if rendering.startswith(("live", "markup")) else "page.txt"
    try:
        return dict(json.loads(extract_page(text, name).model_dump_json()))
    except PeelError as error:
        return {"error": str(error)}


def _folded(value: Any) -> Any:
    return value if not isinstance(value, str) else " ".join(unicodedata.normalize("NFKC", value).split()).casefold()


def _grades(record: dict[str, Any]) -> dict[str, Any]:
    return {_folded(a["area"]): _folded(a["judgment"]) for a in record.get("areas") or []}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "warnings"):
                yield from _strings(item)


def failures(facts: dict[str, Any], record: dict[str, Any]) -> list[str]:
    """What ``record`` gets wrong of ``facts``, by the shared checker's keys (and the checker's own verdict)."""
    if "error" in record:
        return [record["error"]]
    wrong = [
        f"{key}: want {facts[key]!r} got {record.get(key)!r}"
        for key in ("page_type", "force", "year", "region", "areas_graded")
        if key in facts and _folded(facts[key]) != _folded(record.get(key))
    ]
    got = _grades(record)
    for fact in facts.get("area_judgments") or []:
        area = _folded(fact["area"])
        if area not in got or got[area] != _folded(fact["judgment"]):
            wrong.append(f"areas[{area}]: want {fact['judgment']!r} got {got.get(area, 'no area')!r}")
    title = facts.get("heading")
    listed = [item for entry in record.get("summary_lists") or [] for item in entry["items"]]
    if title is not None and any(item["text"] == title for item in listed):
        wrong.append(f"the title line, {title!r}, is an item of the page's summary lists (a breadcrumb trail's)")
    content = "\n".join(_strings(record))
    wrong += [f"not content, in the record: {words!r}" for words in facts.get("not_content", ()) if words in content]
    if facts["page_type"] == "soc_report" and record.get("forces") != facts.get("forces", []):
        wrong.append(f"forces: want none (the beginning names none) got {record.get('forces')!r}")
    if SHARED_CHECK is not None:
        wrong += [f"checker {name}: {detail}" for name, ok, detail in SHARED_CHECK.check(facts, record) if not ok]
    return wrong


def _check_all(pages: Iterator[tuple[str, str, dict[str, Any]]]) -> list[str]:
    out = []
    for label, text, facts in pages:
        rendering = label.rpartition(" ")[2]
        if "untitled" in rendering:  # a SOC report's region is in its title only
            facts = {key: value for key, value in facts.items() if key != "region"}
        wrong = failures(facts, _record(text, rendering))
        out += [f"{label}: {w}" for w in wrong]
    return out


def _none(wrong: list[str]) -> None:
    assert not wrong, f"{len(wrong)} failures:\n" + "\n".join(wrong[:25])


# --- The real beginnings -------------------------------------------------------------------------------------


def test_every_real_beginning_has_its_facts_and_its_manifest_kind() -> None:
    assert sorted(FACTS) == sorted(probes.REAL)
    if not REAL_PAGES.is_dir():
        pytest.skip("../shared (real pages) is not beside this checkout")
    manifest = [json.loads(line) for line in (REAL_PAGES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    by_number = {m["file"].rsplit("-", 1)[1].removesuffix(".txt"): m for m in manifest}
    for number, facts in FACTS.items():
        entry = by_number[number]
        assert PAGE_TYPES[entry["kind"]] == facts["page_type"], number
        assert probes.real_text(number) == (REAL_PAGES / entry["file"]).read_text(encoding="utf-8")
        if facts["page_type"] != "soc_report":  # a SOC report's "force" in the manifest is its region
            assert _folded(entry["force_or_service"]) == _folded(facts["force"]), number


@pytest.mark.parametrize("number", sorted(probes.REAL))
def test_every_rendering_and_markup_of_a_real_beginning_gives_its_facts(number: str) -> None:
    facts = {**FACTS[number], "not_content": NOT_CONTENT}
    pages = probes.renderings(probes.real_text(number))
    assert len(pages) >= 15
    _none(_check_all((f"{number} {name}", text, facts) for name, text in pages.items()))


def _cut_pages(number: str) -> Iterator[tuple[str, str]]:
    """The real beginning cut at every line end and byte step, as given, blank-line and compact; every
    ``HTML_EVERY``-th cut also as the live site's HTML, in each style in turn; and the whole page's HTML in each
    style cut every ``HTML_STEP`` bytes after its h1."""
    styles = list(probes.STYLES.items())
    page = probes.units(probes.real_text(number))
    for rendering, text in (
        ("as-given", probes.real_text(number)),
        ("blank-line", probes.blank_line(page)),
        ("compact", probes.compact(page)),
    ):
        for index, cut in enumerate(probes.cuts(text)):
            yield f"{rendering} cut {len(cut)}", cut
            if index % HTML_EVERY == 0:
                name, style = styles[index // HTML_EVERY % len(styles)]
                yield f"{rendering} cut {len(cut)} {name}", probes.live_html(probes.units(cut), style)
    for name, style in styles:  # the saved HTML itself cut (a download stopped), anywhere after its h1
        data = probes.live_html(page, style).encode("utf-8")
        for point in range(data.index(b"</h1>") + 5, len(data), HTML_STEP):
            yield f"html cut {point} {name}", data[:point].decode("utf-8", errors="ignore")


@pytest.mark.parametrize("number", sorted(probes.REAL))
def test_a_real_beginning_cut_anywhere_keeps_its_kind_and_force_and_never_gives_a_wrong_grade(number: str) -> None:
    facts = FACTS[number]
    graded = {_folded(f["area"]): _folded(f["judgment"]) for f in facts.get("area_judgments") or []}
    wrong = []
    for label, text in _cut_pages(number):
        record = _record(text, label.rpartition(" ")[2])
        got = (record.get("page_type"), record.get("force"))
        if got != (facts["page_type"], facts["force"]):
            wrong.append(f"{label}: want {(facts['page_type'], facts['force'])} got {got} {record.get('error', '')}")
        given = {area: grade for area, grade in _grades(record).items() if grade is not None}
        if any(graded.get(area) != grade for area, grade in given.items()):
            wrong.append(f"{label}: grades {given} not the page's {graded}")
    _none(wrong)


# --- Other forces, regions, years and grades in the real beginnings' sentences -------------------------------


def _renderings(text: str, turn: int, every: int) -> Iterator[tuple[str, str]]:
    """The page as given and every ``every``-th of its other renderings, starting at ``turn``: over several
    pages of one builder each rendering is met."""
    pages = list(probes.renderings(text).items())
    yield pages[0]
    yield from pages[1 + turn % every :: every]


def _names(names: dict[str, str], every: int, *, other: bool = False) -> list[tuple[str, str]]:
    """Every ``every``-th of the real forces, and every fictional one; with ``other``, forces outside the Home
    Office set that are inspected as Home Office forces are (BTP's custody suites, a PEEL cause of concern), whose
    records name them in full."""
    outside = [("British Transport Police", "British Transport Police")] if other else []  # a name the tool knows
    return [*list(names.items())[::every], *probes.FICTIONAL.items(), *outside]


def _built(builder: str, cases: list[tuple[str, str, dict[str, Any]]], every: int) -> list[str]:
    pages = (
        (f"{builder} {label} {name}", text, {**facts, "not_content": NOT_CONTENT})
        for turn, (label, page, facts) in enumerate(cases)
        for name, text in _renderings(page, turn, every)
    )
    return _check_all(pages)


@pytest.mark.parametrize("form", ["label", "sentence", "none", "absent"])
def test_vetting_reports_of_other_forces_give_their_force_year_and_grade(form: str) -> None:
    cases = []
    for turn, (full, short) in enumerate(_names(probes.FORCES, 4)):
        graded = form in ("label", "sentence") and full in probes.FICTIONAL
        if form in ("label", "sentence") and not graded:
            continue  # a real force is never given an invented grade
        grade = probes.GRADES[turn % len(probes.GRADES)] if graded else None
        month = probes.MONTHS[turn % 12]
        months = f"{month} and {probes.MONTHS[(turn + 1) % 12]}" if turn % 3 == 1 and month != "December" else month
        inspected = f"{months} {2022 + turn % 4}"  # "In April 2023", or an inspection over two months
        text = probes.vetting_page(full, grade, form=form, inspected=inspected)
        facts = {"page_type": "vetting_report", "force": short, "year": inspected[-4:]}
        facts["area_judgments"] = [{"area": VETTING_AREA, "judgment": grade}]
        cases.append((full, text, facts))
    assert len(cases) >= 9
    _none(_built(f"vetting {form}", cases, 3))


def test_soc_reports_of_other_regions_give_their_region_and_no_force() -> None:
    cases = []
    for turn, region in enumerate(probes.REGIONS):
        number = ("060", "061", "063", "064", "071")[turn % 5]
        published = f"{turn % 27 + 1} {probes.MONTHS[turn % 12]} {2022 + turn % 4}"
        dated = "Published on:" in probes.real_text(number)
        text = probes.soc_page(region, number, published if dated else None)
        facts = {"page_type": "soc_report", "force": None, "region": region, "year": published[-4:] if dated else None}
        cases.append((f"{region} {number}", text, facts))
    _none(_built("soc", cases, 3))


def _nho_abbreviation(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


@pytest.mark.parametrize("number", ["057", "058"])
def test_peel_reports_of_other_forces_outside_the_home_office_set_give_their_table(number: str) -> None:
    areas = [f["area"] for f in FACTS[number]["area_judgments"] if f["judgment"]]
    cases = []
    for turn, name in enumerate(probes.NHO_FORCES + probes.NHO_FICTIONAL):
        fictional = name in probes.NHO_FICTIONAL
        grades = tuple(probes.GRADES[(turn + i) % 5] for i in range(len(areas))) if fictional else None
        commissioned = f"{probes.MONTHS[turn * 5 % 12]} {2021 + turn % 3}" if turn % 2 else f"{2021 + turn % 3}"
        text = probes.nho_table_page(name, _nho_abbreviation(name), grades, number=number, commissioned=commissioned)
        facts: dict[str, Any] = {"page_type": "peel_report", "force": name, "year": commissioned[-4:]}
        if grades is not None:
            facts["area_judgments"] = [{"area": a, "judgment": g} for a, g in zip(areas, grades, strict=True)]
        cases.append((name, text, facts))
    _none(_built(f"nho table {number}", cases, 2))


def test_one_judgment_reports_of_other_forces_give_their_one_grade() -> None:
    cases = []
    for name in probes.NHO_FORCES + probes.NHO_FICTIONAL:
        for grade in probes.GRADES if name in probes.NHO_FICTIONAL else (None,):
            facts: dict[str, Any] = {"page_type": "peel_report", "force": name, "year": "2023"}
            if grade is not None:
                facts["area_judgments"] = [{"area": "crime data integrity", "judgment": grade}]
                facts["areas_graded"] = 1
            cases.append((f"{name} {grade}", probes.nho_sentence_page(name, grade), facts))
    _none(_built("nho sentence", cases, 3))


def test_letters_to_other_forces_give_their_force_and_year() -> None:
    cases = []
    for turn, (full, short) in enumerate(_names(probes.FORCES, 3, other=True)):
        sent = f"{turn % 28 + 1} {probes.MONTHS[turn % 12]} {2023 + turn % 4}"
        facts = {"page_type": "monitoring_letter", "force": short, "year": sent[-4:]}
        cases.append((full, probes.letter_page(full, sent), facts))
    _none(_built("letter", cases, 4))


@pytest.mark.parametrize("number", ["010", "015", "091", "092"])
def test_custody_reports_of_other_forces_give_their_force_and_year(number: str) -> None:
    cases = []
    for turn, (full, short) in enumerate(_names(probes.FORCES, 4, other=True)):
        month = probes.MONTHS[(turn * 5) % 12]
        months = f"{month} and {probes.MONTHS[(turn * 5 + 1) % 12]}" if turn % 3 == 2 and month != "December" else month
        when = f"{months} {2019 + turn % 7}"  # "in October 2021", or an inspection over two months
        title_name = full if turn % 3 == 0 else short  # titles write the short name (010, 015, 092) or the full (091)
        text = probes.custody_page(full, title_name, when, number=number, unannounced=turn % 2 == 0)
        facts = {"page_type": "custody_report", "force": short, "year": when[-4:]}
        cases.append((f"{full} {when}", text, facts))
    _none(_built(f"custody {number}", cases, 4))


def _other_pages() -> Iterator[tuple[str, str, str, str | None]]:
    """One page of each kind with other names (fictional ones), its kind and force."""
    yield "vetting", probes.vetting_page("Mercia-Powys Police", "Good"), "vetting_report", "Mercia-Powys"
    yield "soc", probes.soc_page("London", "061"), "soc_report", None
    yield (
        "nho table",
        probes.nho_table_page("Wessex Nuclear Constabulary", "WNC", None, number="058"),
        "peel_report",
        ("Wessex Nuclear Constabulary"),
    )
    yield (
        "nho sentence",
        probes.nho_sentence_page("Police Service of Lyonesse", "Adequate"),
        "peel_report",
        ("Police Service of Lyonesse"),
    )
    yield "letter", probes.letter_page("Devon & Melchester Police"), "monitoring_letter", "Devon & Melchester"
    full = "Borsetshire and Isle of Lyonesse Constabulary"  # 091's title names the force in full
    yield "custody", probes.custody_page(full, full, "May 2023", number="091"), "custody_report", full[:-13]


@pytest.mark.parametrize(("kind", "text", "page_type", "force"), list(_other_pages()), ids=lambda v: str(v)[:14])
def test_other_forces_pages_cut_anywhere_keep_their_kind_and_force(
    kind: str, text: str, page_type: str, force: str | None
) -> None:
    wrong = []
    for rendering, page in (("as-given", text), ("blank-line", probes.blank_line(probes.units(text)))):
        for cut in probes.cuts(page, step=len(page)):
            record = _record(cut, rendering)
            if (record.get("page_type"), record.get("force")) != (page_type, force):
                wrong.append(f"{kind} {rendering} cut at {cut[-40:]!r}: {record.get('force', record.get('error'))}")
    _none(wrong)
