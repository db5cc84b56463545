/// The report's only stylesheet, inlined in its `<head>`: system fonts, dark text on white
/// (contrast ≥ 7:1 for body text), chart segments told apart by fill and outline as well as hue,
/// and an A4 print layout that starts each outcome on a new page and never splits a chart.
enum ReportStyle {
    static let css = """
    *, *::before, *::after { box-sizing: border-box; }
    html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
      font-size: 16px; line-height: 1.45; color: #1a1a1a; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; }
    .page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
    a { color: #1f4e79; }
    header.cover { border-bottom: 4px solid #1f3a5f; padding-bottom: 1rem; margin-bottom: 1.25rem; }
    .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #3d4f66; margin: 0; }
    h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 .75rem; color: #1f3a5f; }
    h2 { font-size: 1.5rem; line-height: 1.25; color: #1f3a5f; border-bottom: 2px solid #1f3a5f; padding-bottom: .2rem; margin: 2.5rem 0 1rem; }
    h3 { font-size: 1.2rem; line-height: 1.3; color: #1f3a5f; margin: 1.75rem 0 .6rem; }
    h4 { font-size: 1.05rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }
    dl.stamp { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; font-size: .95rem; }
    dl.stamp dt { font-weight: 600; }
    dl.stamp dd { margin: 0; }
    code, .id, .hash { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: .85em; }
    .hash { overflow-wrap: anywhere; }
    .id { display: block; color: #4a5563; }
    nav.contents ol { columns: 2; column-gap: 2rem; margin: .25rem 0; }
    nav.contents h2 { margin-top: 1rem; }
    .note { color: #3d4654; font-size: .9rem; }
    .headline { font-size: 1.15rem; font-weight: 600; }
    .overall strong { border: 2px solid #1f3a5f; padding: .1rem .5rem; }
    td.band { font-weight: 600; white-space: nowrap; }
    .warning { border-left: 4px solid #8a3b00; padding: .4rem .8rem; background: #fff4e5; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .88rem; }
    caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    th, td { border-bottom: 1px solid #c8ced6; padding: .3rem .45rem; vertical-align: top; text-align: left; }
    thead th, thead td { border-bottom: 2px solid #1f3a5f; background: #eef2f7; vertical-align: bottom; }
    tbody th { font-weight: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    tr.sub th { padding-left: 1.5rem; }
    .wide { overflow-x: auto; }
    .meter-cell { width: 130px; padding-top: .45rem; }
    svg.meter { width: 120px; height: 12px; display: block; }
    .meter-track { fill: #fff; stroke: #1f4e79; stroke-width: 1; }
    .highlights { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: 1rem 0 .5rem; }
    .box { border: 1px solid #c8ced6; border-top: 4px solid #1f4e79; padding: .25rem 1rem .5rem; }
    .box.improvements { border-top: 4px dashed #8a3b00; }
    .box h3 { margin-top: .6rem; }
    .box ol { padding-left: 1.25rem; margin: .25rem 0; }
    .box li { margin: .3rem 0; }
    figure { margin: 1rem 0 .5rem; }
    figcaption { font-weight: 600; margin-bottom: .25rem; }
    ul.legend { list-style: none; padding: 0; margin: .25rem 0 .5rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .85rem; }
    svg.swatch { width: 14px; height: 14px; vertical-align: -2px; }
    svg.chart { display: block; width: 100%; height: auto; }
    .chart text { font-size: 12px; fill: #1a1a1a; }
    .chart .label { text-anchor: end; }
    .chart .tick { font-size: 11px; text-anchor: middle; fill: #333; }
    .chart .axis-title { text-anchor: middle; font-weight: 600; }
    .chart .note { font-size: 11px; }
    .chart .count, .chart .count-dark { font-size: 11px; font-weight: 600; text-anchor: middle; }
    .chart .count-dark { fill: #fff; }
    .chart .grid { stroke: #dde2e8; stroke-width: 1; }
    .chart .axis { stroke: #333; stroke-width: 1; }
    svg.trend { display: inline-block; width: 19rem; max-width: 100%; height: auto; margin: 0 1rem .5rem 0; vertical-align: top; }
    .chart .trend-line { fill: none; stroke: #1f4e79; stroke-width: 2; }
    .chart .trend-line.changed { stroke-dasharray: 5 3; }
    .chart .trend-interval { stroke: #555; stroke-width: 1.5; }
    .chart .trend-point { fill: #1f4e79; }
    .chart .trend-title { font-weight: 600; }
    .yes, .suf-1 { fill: #1f4e79; }
    .no, .ins-1 { fill: #fff; stroke: #1f4e79; stroke-width: 1.5; }
    .suf-2 { fill: #7d9fc6; }
    .suf-3 { fill: #c3d4e8; }
    .ins-2 { fill: #fff; stroke: #8a3b00; stroke-width: 1.5; stroke-dasharray: 4 2; }
    .ins-3 { fill: #e6e6e6; stroke: #333; stroke-width: 1; }
    .ins-4 { fill: #b3b3b3; stroke: #333; stroke-width: 1; stroke-dasharray: 1 2; }
    .profile-item { display: grid; grid-template-columns: 11fr 9fr; gap: 0 1.5rem; align-items: start; break-inside: avoid; }
    .profile-item h3 { grid-column: 1 / -1; }
    .profile-item figure { margin-top: .25rem; }
    article.case h3, article.case h4 { margin-bottom: .25rem; }
    .where { font-weight: normal; color: #4a5563; font-size: .85rem; }
    table.gaps td:first-child { white-space: nowrap; }
    table.gaps td:nth-child(3) { min-width: 7rem; }
    .kind { display: block; color: #4a5563; font-size: .85em; }
    @page { size: A4; margin: 14mm 12mm 16mm; }
    @media print {
      html { font-size: 10pt; }
      .page { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      section.outcome, section#profile, section#breakdowns, section#gaps { break-before: page; }
      /* The charts start on a page of their own, so their heading is never left alone at a page foot. */
      h3.data-summary { break-before: page; }
      h2, h3, h4, figcaption, caption, ul.legend { break-after: avoid; }
      svg.chart, .highlights, .box, tr { break-inside: avoid; }
      thead { display: table-header-group; }
      /* A table's caption and header row never end a page alone: a table of up to eight rows is kept
         whole, and a longer one keeps its header with its first two rows. */
      table:not(:has(tbody > tr:nth-child(9))), .wide:not(:has(tbody > tr:nth-child(9))) { break-inside: avoid; }
      thead, tbody > tr:first-child { break-after: avoid; }
      tbody > tr:nth-child(2) { break-before: avoid; }
      .wide { overflow: visible; }
      table.gaps { font-size: 8.5pt; }
    }
    @media (max-width: 40rem) {
      .highlights, .profile-item { grid-template-columns: 1fr; }
      nav.contents ol { columns: 1; }
    }
    """
}
