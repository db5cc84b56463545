/// The pages' style sheet, inline under the page's nonce (no file is fetched).
enum PageStyle {
    static let css = """
    :root { color-scheme: light; --ink: #1b1f24; --muted: #59636e; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5394;
      --error: #b3261e; --warn: #8a5a00; --ok: #1a7f37; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
    header.top { display: flex; gap: 1.5rem; align-items: baseline; padding: .6rem 1.5rem; background: #0f2740; color: #fff; }
    header.top strong { font-size: 1.05rem; }
    header.top nav a { color: #dbe8f5; margin-right: 1rem; text-decoration: none; }
    header.top nav a:hover, header.top nav a[aria-current] { color: #fff; text-decoration: underline; }
    header.top .set { margin-left: auto; color: #a9bfd6; font-size: .85rem; }
    main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
    h1 { font-size: 1.45rem; margin: .8rem 0; }
    h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1.02rem; margin: 1.4rem 0 .5rem; color: var(--accent); }
    a { color: var(--accent); }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: var(--soft); font-weight: 600; font-size: .9rem; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .muted, .hint { color: var(--muted); font-size: .88rem; }
    .banner { padding: .7rem 1rem; border-radius: 6px; margin: .8rem 0; border: 1px solid var(--line); background: var(--soft); }
    .banner.ok { border-color: #8fd19e; background: #eefbf1; }
    .banner.error { border-color: #f0a39e; background: #fff1f0; }
    .banner.warn { border-color: #f2cc60; background: #fff8e1; }
    .badge { display: inline-block; padding: 0 .45rem; border-radius: 9px; font-size: .8rem; border: 1px solid var(--line); white-space: nowrap; }
    .badge.error { color: var(--error); border-color: #f0a39e; }
    .badge.warn { color: var(--warn); border-color: #f2cc60; }
    .badge.ok { color: var(--ok); border-color: #8fd19e; }
    form.filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin: .5rem 0 1rem; }
    label.field { display: flex; flex-direction: column; gap: .15rem; font-size: .9rem; }
    input[type=text], input[type=date], input[type=number], input[type=password], select, textarea {
      font: inherit; padding: .3rem .45rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; }
    textarea { width: 100%; min-height: 3.5rem; }
    button { font: inherit; padding: .4rem 1rem; border-radius: 5px; border: 1px solid #0a3d6e; background: var(--accent); color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: var(--accent); }
    .idline { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: end; }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .8rem 1.2rem; }
    .fact { display: flex; flex-direction: column; gap: .2rem; }
    .fact .name { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .78rem; color: var(--muted); }
    .fact fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; margin: 0; display: flex; flex-wrap: wrap; gap: .1rem .8rem; }
    .fact fieldset label { font-size: .88rem; }
    .q { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .6rem 0; }
    .qid { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .78rem; color: var(--muted); margin-right: .4rem; }
    .q .text { margin: 0 0 .4rem; font-weight: 500; }
    .q .notice { margin: .2rem 0; font-size: .88rem; color: var(--warn); }
    .q .notice:empty { display: none; }
    .q[data-state=undetermined] { background: #fffdf5; border-style: dashed; }
    .q[data-state=undetermined] .inputs { display: none; }
    .options { display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; border: 0; padding: 0; margin: .2rem 0; }
    .options label { white-space: nowrap; }
    .options label.none { color: var(--muted); }
    table.elements td:first-child { width: 14rem; }
    details summary { cursor: pointer; color: var(--accent); font-size: .88rem; }
    details.na { margin: .4rem 0 .8rem; }
    details.na li { margin: .3rem 0; }
    details.na .reasons { color: var(--muted); font-size: .88rem; }
    ul.findings { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .88rem; }
    ul.findings li.error { color: var(--error); }
    ul.findings li.warning { color: var(--warn); }
    .computed { font-size: .9rem; }
    .actions { position: sticky; bottom: 0; background: #fff; box-shadow: 0 -3px 6px rgba(0,0,0,.06); border-top: 1px solid var(--line); padding: .7rem 0; margin-top: 2rem; display: flex; gap: 1rem; align-items: center; }
    pre.gaps { white-space: pre-wrap; font-size: .85rem; background: var(--soft); padding: 1rem; border-radius: 6px; }
    """
}
