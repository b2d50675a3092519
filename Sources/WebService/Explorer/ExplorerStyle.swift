/// The explorer's style sheet: one column on a phone, wider tables scroll sideways.
enum ExplorerStyle {
    static let source = #"""
    :root {
      --ink: #1d2733; --muted: #5b6775; --line: #d7dde4; --paper: #ffffff; --wash: #f4f6f9;
      --accent: #1f4e9a; --accent-wash: #dce8fa; --error: #b3261e; --error-wash: #fdecea; --leaf: #2e7d32;
      font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif;
      color: var(--ink); background: var(--wash);
    }
    * { box-sizing: border-box; }
    body { margin: 0; }
    header { background: var(--accent); color: #fff; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem 1rem; }
    h1 { font-size: 1.25rem; margin: 0; }
    h2 { font-size: 1.1rem; margin: 0.4rem 0; }
    h3 { font-size: 0.95rem; margin: 1rem 0 0.3rem; color: var(--muted); }
    .subtitle { font-weight: normal; font-size: 0.95rem; }
    .status { margin: 0; font-size: 0.85rem; opacity: 0.9; }
    main { max-width: 1200px; margin: 0 auto; padding: 0.8rem; }
    section#editor, .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem; }
    .panel { border-top-left-radius: 0; min-height: 8rem; }
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.3rem 0; }
    textarea { width: 100%; font-family: "Noto Sans Mono CJK JP", "Noto Sans Mono", monospace; font-size: 0.95rem; padding: 0.5rem; border: 1px solid var(--line); border-radius: 4px; resize: vertical; }
    select, button { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); color: var(--ink); }
    select { max-width: 100%; }
    #examples { flex: 1 1 16rem; min-width: 0; }
    button { cursor: pointer; }
    button:disabled { cursor: default; opacity: 0.5; }
    button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    kbd { font-size: 0.75rem; opacity: 0.8; }
    .summary { color: var(--muted); font-size: 0.9rem; }
    .years { margin: 0.3rem 0; padding: 0.3rem 0.6rem; border-left: 3px solid var(--accent); background: var(--accent-wash); font-size: 0.85rem; }
    .hint { color: var(--muted); font-size: 0.85rem; margin: 0.3rem 0; }
    .tabs { display: flex; gap: 0.2rem; margin-top: 0.8rem; }
    .tabs button { border-bottom: none; border-radius: 6px 6px 0 0; background: var(--wash); }
    .tabs button[aria-selected="true"] { background: var(--paper); font-weight: bold; color: var(--accent); }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
    th { background: var(--wash); cursor: pointer; user-select: none; white-space: nowrap; position: sticky; top: 0; }
    th[aria-sort="ascending"]::after { content: " ▲"; font-size: 0.7rem; }
    th[aria-sort="descending"]::after { content: " ▼"; font-size: 0.7rem; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    tbody tr { cursor: pointer; }
    tbody tr:hover { background: var(--accent-wash); }
    tbody tr.selected { background: var(--accent-wash); }
    .node-link { color: var(--accent); text-decoration: underline; cursor: pointer; background: none; border: none; padding: 0; font: inherit; text-align: left; }
    .id { color: var(--muted); font-size: 0.8rem; margin-left: 0.3rem; }
    .errors { background: var(--error-wash); border: 1px solid var(--error); border-radius: 4px; padding: 0.5rem; margin-top: 0.5rem; }
    .warnings { background: #fff8e1; border: 1px solid #b08a00; border-radius: 4px; padding: 0.5rem; margin-top: 0.5rem; }
    .warnings .error-message, .warnings .caret { color: #7a5d00; }
    .error-message { color: var(--error); font-weight: bold; margin: 0.2rem 0; }
    pre.source { margin: 0.2rem 0 0.5rem; font-family: "Noto Sans Mono CJK JP", "Noto Sans Mono", monospace; font-size: 0.9rem; overflow-x: auto; }
    .pad { color: transparent; }
    .caret { color: var(--error); font-weight: bold; }
    .suggestion { margin: 0.2rem 0; }
    ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.2rem; border-left: 1px dashed var(--line); }
    ul.tree { padding-left: 0; border-left: none; }
    ul.tree li { margin: 0.35rem 0; }
    .atom { font-family: "Noto Sans Mono CJK JP", "Noto Sans Mono", monospace; font-weight: bold; }
    .rule { color: var(--muted); font-size: 0.8rem; display: block; }
    .leaf .atom { color: var(--leaf); }
    blockquote.sentence { margin: 0.2rem 0 0.2rem 0.4rem; padding: 0.2rem 0.6rem; border-left: 3px solid var(--leaf); background: #f1f8f1; font-size: 0.9rem; }
    .cite { color: var(--muted); font-size: 0.8rem; }
    .diagram { overflow: auto; max-height: 80vh; }
    .diagram img { display: block; max-width: none; background: #fff; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; }
    .kind { display: inline-block; padding: 0 0.4rem; border-radius: 3px; background: var(--accent-wash); color: var(--accent); font-size: 0.8rem; }
    footer { color: var(--muted); font-size: 0.8rem; text-align: center; padding: 1rem; }
    code { font-family: "Noto Sans Mono CJK JP", monospace; }
    @media (max-width: 600px) {
      main { padding: 0.4rem; }
      header { padding: 0.5rem; }
      h1 { font-size: 1.05rem; }
      .hint { display: none; }
      .panel .hint:only-child { display: block; }
      th, td { padding: 0.3rem 0.4rem; }
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dt { margin-top: 0.3rem; }
    }
    """#
}
