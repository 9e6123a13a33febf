/** The report's own stylesheet (uPlot's is inlined next to it), so the file needs nothing else to render or print. */
export const REPORT_CSS = `
:root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --soft:#f9fafb; --accent:#2563eb; --good:#047857; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color:var(--ink); background:#f3f4f6; font-size:14px; line-height:1.45; }
header.top { background:#0f172a; color:#f8fafc; padding:28px 40px 24px; }
header.top h1 { margin:0; font-size:24px; font-weight:650; letter-spacing:-0.01em; }
header.top .meta { color:#cbd5e1; font-size:13px; margin-top:6px; }
main { max-width:1200px; margin:0 auto; padding:24px 40px 48px; }
section.card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:20px 24px; margin-bottom:20px; }
h2 { font-size:16px; margin:0 0 14px; }
h3 { font-size:14px; margin:14px 0 8px; }
.kpis { display:grid; grid-template-columns:repeat(auto-fit, minmax(150px, 1fr)); gap:12px; margin-bottom:20px; }
.kpi { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 16px; }
.kpi .value { font-size:24px; font-weight:700; font-variant-numeric: tabular-nums; }
.kpi .value.good { color:var(--good); }
.kpi .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:0.04em; }
.split { display:grid; grid-template-columns:1fr 1fr; gap:20px; }
.bars { width:100%; border-collapse:collapse; }
.bars td { padding:4px 6px; font-size:13px; }
.bars td.name { width:110px; color:var(--muted); }
.bars td.num { width:90px; text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
.bar { height:12px; background:var(--accent); border-radius:3px; min-width:2px; }
table.ranked { width:100%; border-collapse:collapse; }
.table-scroll { overflow-x:auto; }
table.ranked th { text-align:left; font-size:12px; color:var(--muted); font-weight:600; padding:8px 6px; white-space:nowrap; border-bottom:2px solid var(--line); position:sticky; top:0; background:#fff; }
table.ranked td { padding:8px 6px; border-bottom:1px solid var(--line); vertical-align:top; font-size:13px; }
table.ranked tr:hover td { background:var(--soft); }
.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
.neg { color:#b91c1c; }
.sub { color:var(--muted); font-size:12px; overflow-wrap:anywhere; }
.pill { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; white-space:nowrap; }
.risk-0 { background:#d1fae5; color:#065f46; } .risk-1 { background:#dcfce7; color:#166534; }
.risk-2 { background:#fef3c7; color:#92400e; } .risk-3 { background:#fee2e2; color:#991b1b; } .risk-4 { background:#fecaca; color:#7f1d1d; }
.auto { background:#dbeafe; color:#1e40af; } .manual { background:#f3f4f6; color:#374151; }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
details.evidence { border:1px solid var(--line); border-radius:8px; margin-bottom:10px; background:#fff; }
details.evidence > summary { cursor:pointer; padding:10px 14px; font-weight:600; list-style-position:inside; }
details.evidence > summary .sub { font-weight:400; margin-left:8px; }
details.evidence .body { padding:4px 16px 16px; display:grid; grid-template-columns:minmax(0, 3fr) minmax(0, 2fr); gap:20px; }
table.kv { border-collapse:collapse; width:100%; }
table.kv td { padding:3px 6px; border-bottom:1px solid #f3f4f6; font-size:12.5px; }
table.kv td:first-child { color:var(--muted); }
table.kv td:last-child { text-align:right; font-variant-numeric: tabular-nums; word-break:break-all; }
figure.chart { margin:0 0 8px; min-height:240px; }
figure.chart .u-legend { font-size:12px; text-align:left; }
figure.chart .u-legend th { font-weight:500; }
.totals-grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(300px, 1fr)); gap:20px; }
table.totals { width:100%; border-collapse:collapse; font-size:13px; }
table.totals th, table.totals td { padding:5px 8px; border-bottom:1px solid var(--line); text-align:left; }
table.totals thead th { font-size:12px; color:var(--muted); font-weight:600; }
table.totals tfoot th { border-top:2px solid var(--line); border-bottom:none; }
table.totals .num { text-align:right; }
th button.sort { all:unset; cursor:pointer; border-radius:4px; padding:0 14px 0 2px; position:relative; }
th button.sort:focus-visible { outline:2px solid var(--accent); outline-offset:2px; }
th button.sort::after { content:"↕"; position:absolute; right:0; opacity:0.35; }
th[aria-sort="ascending"] button.sort::after { content:"▲"; opacity:0.8; font-size:9px; top:3px; }
th[aria-sort="descending"] button.sort::after { content:"▼"; opacity:0.8; font-size:9px; top:3px; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
button.plain { font:inherit; font-size:12px; padding:4px 10px; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; }
button.plain:hover { background:var(--soft); }
.warning { background:#fffbeb; border:1px solid #fde68a; color:#92400e; border-radius:8px; padding:10px 14px; margin-bottom:20px; }
footer { color:var(--muted); font-size:12px; text-align:center; padding:20px; }
@media (max-width: 800px) { .split, details.evidence .body { grid-template-columns:1fr; } main { padding:16px; } }
@media print { body { background:#fff; } details.evidence { break-inside:avoid; } table.ranked th { position:static; } }
`;
