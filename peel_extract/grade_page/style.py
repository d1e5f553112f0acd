"""The grade page's look: grade colours, line colours and the inline style sheet."""

from __future__ import annotations

from ..vocab import GRADES

# Per grade, in vocab.GRADES order: background, text colour, the letters shown in the cell.
STYLES = dict(
    zip(
        GRADES.values(),
        [("#1a7837", "#fff", "O"), ("#7fbf7b", "#000", "G"), ("#fee08b", "#000", "A"),
         ("#f46d43", "#000", "RI"), ("#a50026", "#fff", "I"), ("#bdbdbd", "#000", "U"), ("#eeeeee", "#000", "TBG")],
        strict=True,
    )
)  # fmt: skip
CLASSES = {grade: f"g{number}" for number, grade in enumerate(STYLES, start=1)}
# Timeline lines: dark, well-separated hues (readable as text on white), then grey for the rest.
LINE_COLOURS = ("#1f4e9c", "#c0392b", "#1e7b45", "#7b3294", "#b35806", "#0e7c86", "#444444", "#c2185b",
                "#6b6b00", "#5b4ba0")  # fmt: skip
OTHER_LINES = "#aaaaaa"

CSS = """
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 16px 24px; color: #222; max-width: 1440px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 19px; margin: 36px 0 8px; }
h3 { font-size: 15px; margin: 24px 0 6px; }
p, ul { max-width: 90ch; } code { font-size: 12px; word-break: break-all; }
.scroll { overflow: auto; max-height: 80vh; max-width: 100%; border: 1px solid #ddd; width: max-content; }
table { border-collapse: separate; border-spacing: 0; }
.grid th, .grid td { border-right: 1px solid #fff; border-bottom: 1px solid #fff; padding: 0 3px; }
.grid thead th { position: sticky; top: 0; z-index: 2; background: #f0f0f0; font-weight: 600; }
.grid thead tr.years th { height: 24px; }
.grid thead tr.parts th { top: 24px; }
.grid thead th.corner { left: 0; z-index: 4; text-align: left; padding-left: 6px; vertical-align: bottom; }
.grid tbody th { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; font-weight: 400;
  white-space: nowrap; padding: 0 10px 0 6px; border-right: 1px solid #ccc; }
.grid tbody th.long { white-space: normal; width: 13em; line-height: 1.2; }
.grid th.part { height: 150px; vertical-align: bottom; font-weight: 400; font-size: 12px; padding: 4px 2px; }
.grid th.part span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); text-align: left;
  line-height: 1.15; max-height: 142px; }
.grid td { min-width: 30px; height: 24px; text-align: center; font-size: 11px; font-weight: 600; }
.grid .ys { border-left: 2px solid #999; }
.grid td.none { background: #fafafa; }
.grid td.missing, .legend .missing {
  background: #f7f7f7 repeating-linear-gradient(135deg, #f7f7f7 0 4px, #d9d9d9 4px 6px); }
.grid td.nothing { text-align: left; font-weight: 400; font-size: 12px; padding: 2px 8px; background: #f7f7f7; }
.grid td.text, .legend .text { font-style: italic; }
.grid td.conflict, .legend .conflict { outline: 2px dashed #000; outline-offset: -3px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 8px 0 16px; padding: 0; list-style: none; }
.legend span { display: inline-block; min-width: 28px; text-align: center; font-size: 11px; font-weight: 600;
  padding: 2px 4px; margin-right: 4px; }
.charts { display: flex; flex-wrap: wrap; gap: 14px 22px; }
.charts figure { margin: 0; max-width: 100%; overflow-x: auto; }
.charts figcaption { font-size: 13px; font-weight: 600; margin-bottom: 2px; }
svg text { font: 11px system-ui, sans-serif; }
svg text.x, svg text.y { fill: #333; }
svg text.label { font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg text.y { font-size: 10px; }
svg .leader { stroke-width: 1px; stroke-opacity: 0.6; stroke-dasharray: 2 2; }
.counts td, .counts th { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: right; }
.counts thead th { position: sticky; top: 0; z-index: 2; background: #f0f0f0; }
.counts tbody th { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; font-weight: 400;
  white-space: nowrap; border-right: 1px solid #ccc; }
.counts thead th.corner { left: 0; z-index: 4; text-align: left; }
@media (max-width: 640px) {
  body { padding: 8px; font-size: 13px; }
  .grid tbody th, .counts tbody th { white-space: normal; min-width: 92px; max-width: 112px; font-size: 12px;
    line-height: 1.15; padding: 1px 4px; }
}
"""


def grade_css() -> str:
    """One rule per grade: its cell colours."""
    return "".join(f".{CLASSES[g]} {{ background: {bg}; color: {fg}; }}\n" for g, (bg, fg, _) in STYLES.items())
