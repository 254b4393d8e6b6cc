// The HTML report's stylesheet, inlined: system fonts only, restrained colours, A4 print rules.

export const HTML_STYLE = `
:root {
  --ink: #1d2939; --muted: #475467; --faint: #667085; --rule: #d0d5dd; --wash: #f8f9fb;
  --violation: #b42318; --violation-bg: #fef3f2; --violation-line: #fecdca;
  --review: #b54708; --review-bg: #fffaeb; --review-line: #fedf89;
  --exempt: #175cd3; --exempt-bg: #eff8ff; --exempt-line: #b2ddff;
  --none: #98a2b3; --none-bg: #f2f4f7;
  --accent: #344054;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 1040px; padding: 32px 40px 48px;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); background: #fff; overflow-wrap: break-word;
}
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 0; }
h4 { font-size: 12px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
p { margin: 6px 0; }
a { color: #1849a9; }
code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; }
.url-text { color: var(--faint); word-break: break-all; }

header.report-header { border-bottom: 1px solid var(--rule); padding-bottom: 16px; }
.eyebrow { font-size: 12px; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 4px; }
.case-description { color: var(--muted); margin: 2px 0 0; max-width: 80ch; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 14px 0 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }

.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 12px 0 4px; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; background: #fff; break-inside: avoid; }
.card .count { font-size: 28px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card .what { font-size: 13px; color: var(--muted); }
.card.o-violation { border-top: 4px solid var(--violation); }
.card.o-review { border-top: 4px solid var(--review); }
.card.o-exempt { border-top: 4px solid var(--exempt); }
.card.o-total { border-top: 4px solid var(--accent); }
.summary-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 8px 28px; align-items: start; }
.mark-unverified { font-size: 11px; font-weight: 700; color: var(--review); text-transform: uppercase; letter-spacing: 0.04em; white-space: nowrap; }
table.activities { font-size: 12.5px; }
table.activities th.col-record { width: 34%; }
table.activities th.col-parties { width: 30%; }

table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #eaecf0; overflow-wrap: anywhere; }
thead th { background: var(--wash); border-bottom: 1px solid var(--rule); font-weight: 600; color: var(--muted); font-size: 12px; }
.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #c0c5ce; }
tbody tr:nth-child(even) td { background: #fcfcfd; }
tr { break-inside: avoid; }
thead { display: table-header-group; }

.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
  line-height: 18px; border: 1px solid transparent; white-space: nowrap; vertical-align: 1px; }
.badge.o-violation { color: var(--violation); background: var(--violation-bg); border-color: var(--violation-line); }
.badge.o-review { color: var(--review); background: var(--review-bg); border-color: var(--review-line); }
.badge.o-exempt { color: var(--exempt); background: var(--exempt-bg); border-color: var(--exempt-line); }
.badge.o-none { color: var(--muted); background: var(--none-bg); border-color: var(--rule); }
.badge.e-confirmed { color: #fff; background: var(--accent); }
.badge.e-reported { color: var(--accent); border-color: var(--accent); }
.badge.e-alleged { color: var(--muted); border: 1px dashed var(--muted); }
.badge.e-speculative { color: var(--faint); border: 1px dotted var(--faint); font-style: italic; }
.badge.verified { color: #067647; background: #ecfdf3; border-color: #abefc6; font-weight: 500; }
.badge.unverified { color: #fff; background: var(--review); }
.sep { color: var(--faint); margin: 0 2px; }

figure.timeline { margin: 8px 0 0; }
figure.timeline svg { width: 100%; height: auto; display: block; }
figure.timeline figcaption { font-size: 12px; color: var(--faint); margin-top: 4px; }
.tl-legend text, .tl-ticks text { fill: var(--muted); }
.tl-ticks text.major { fill: var(--ink); font-weight: 600; }
.tl-heading { fill: var(--ink); font-weight: 600; font-size: 12px; }
.tl-grid line.major { stroke: #e4e7ec; stroke-width: 1; }
.tl-grid line.minor { stroke: #f2f4f7; stroke-width: 1; }
.tl-axis, .tl-ticks line { stroke: var(--faint); stroke-width: 1; }
.tl-window { fill: #eef4ff; stroke: #b2ccff; stroke-width: 1; }
.tl-zoom { fill: #eef4ff; fill-opacity: 0.6; stroke: none; }
.tl-milestone text { fill: var(--muted); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.tl-adoption-line, .tl-milestone.tl-adoption line { stroke: #7c8799; stroke-width: 1; }
.tl-deadline-line, .tl-milestone.tl-deadline line { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
.tl-milestone.tl-deadline text { fill: var(--ink); font-weight: 600; }
.tl-mark { stroke-width: 1; }
.tl-mark.o-violation { fill: var(--violation); stroke: var(--violation); }
.tl-mark.o-review { fill: #f79009; stroke: var(--review); }
.tl-mark.o-exempt { fill: #2e90fa; stroke: var(--exempt); }
.tl-mark.o-none { fill: #d0d5dd; stroke: #98a2b3; }
rect.tl-mark { fill-opacity: 0.85; }
.tl-label { fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
rect.tl-mark.tl-wide { fill-opacity: 0.16; stroke-width: 1.5; }
.tl-label.tl-inside { stroke: none; font-weight: 600; }
.tl-dense rect { fill: #d0d5dd; fill-opacity: 0.8; }
.tl-dense [data-outcome="violation"] rect { fill: var(--violation); }
.tl-dense [data-outcome="review"] rect { fill: #f79009; }
.tl-dense [data-outcome="exempt"] rect { fill: #2e90fa; }
.empty { color: var(--faint); font-style: italic; }

.finding { border: 1px solid var(--rule); border-left-width: 5px; border-radius: 6px; padding: 14px 18px 8px; margin: 0 0 18px; }
.finding.o-violation { border-left-color: var(--violation); }
.finding.o-review { border-left-color: var(--review); }
.finding.o-exempt { border-left-color: var(--exempt); }
.finding-head { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: baseline; }
.finding-head h3 { flex: 1 1 320px; }
.finding-head .badges { white-space: nowrap; }
.finding .message { font-size: 15px; margin: 8px 0 4px; }
.finding .where { font-size: 12px; color: var(--muted); }
.citation { border-top: 1px solid #eaecf0; padding-top: 8px; margin-top: 8px; break-inside: avoid; }
.citation:first-of-type { border-top: 0; padding-top: 0; }
.citation .cite-line { font-weight: 600; }
.citation .adopted { font-weight: 400; color: var(--muted); }
.verification-note { font-size: 13px; color: var(--review); font-weight: 600; margin: 2px 0; }
.verification-note.verified-note { color: var(--muted); font-weight: 400; }
blockquote { margin: 6px 0 8px; padding: 4px 12px; border-left: 3px solid var(--rule); color: #344054; background: var(--wash); font-style: italic; }
ul.notes { margin: 4px 0; padding-left: 20px; }
ul.notes li { color: var(--review); }
.exemption { background: var(--exempt-bg); border: 1px solid var(--exempt-line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.sources { list-style: none; padding: 0; margin: 4px 0; }
.sources li { margin: 4px 0 10px; }
.source-line { font-size: 13px; }
.wording q { background: #fffaeb; padding: 0 3px; border-radius: 3px; }
table.explanation td.held-yes { color: #067647; font-weight: 600; }
table.explanation td.held-no { color: var(--violation); font-weight: 600; }
table.explanation td.held-na { color: var(--faint); }
table.explanation td code { word-break: break-word; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--faint); }

@media (max-width: 760px) {
  body { padding: 20px 16px; }
  .summary-grid { grid-template-columns: minmax(0, 1fr); }
  .finding { padding: 12px 10px 6px; }
  .finding-head h3 { flex-basis: 100%; }
  .nowrap, .finding-head .badges, .badge, .mark-unverified { white-space: normal; }
  th, td { padding: 4px 5px; }
}
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11.5px; }
  h1 { font-size: 22px; }
  h2 { font-size: 16px; margin-top: 20px; break-after: avoid; }
  h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  /* Findings, tables and the timeline may run across pages (table heads repeat): only small
     blocks are kept whole, so that no page is left half empty before a long one. */
  .card, tr, .citation, blockquote, .finding-head, figure.timeline svg { break-inside: avoid; }
  h3, .finding-head, caption { break-after: avoid; }
  .finding { margin-bottom: 10px; }
  cite a[href]::after { content: " (" attr(href) ")"; color: var(--faint); word-break: break-all; }
}
`;
