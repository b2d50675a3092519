/// The explorer's script: runs the query in the editor through the API, shows the
/// answer as a sortable table (with CSV and JSON downloads), errors with a caret,
/// a row's `why` tree down to the document's sentence, a node's page, and the
/// answer's subgraph as a diagram; a fiscal year picked reads each ward's document
/// of that year, and the years read stand above the table. The page's URL carries
/// the query and the year (`/?q=…&year=R7`), so opening a link runs it. Plain DOM,
/// no library; text goes in with `textContent`.
enum ExplorerScript {
    static let source = #"""
    'use strict';

    const state = { program: '', year: '', answer: null, sort: { column: -1, descending: false }, diagramFor: null };
    const $ = (id) => document.getElementById(id);

    /** An element with attributes and children (strings become text nodes, never HTML). */
    function el(tag, attributes, ...children) {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes || {})) {
        if (name === 'class') node.className = value;
        else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value);
      }
      for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined) continue;
        node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
      }
      return node;
    }

    function replace(container, ...children) {
      container.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
    }

    async function api(path, body) {
      const options = body === undefined ? {} : {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      };
      const response = await fetch(path, options);
      const type = response.headers.get('Content-Type') || '';
      const data = type.includes('json') ? await response.json() : null;
      return { ok: response.ok, status: response.status, data };
    }

    function firstError(result) {
      const errors = result.data && result.data.errors;
      return errors && errors.length ? errors[0].message : `HTTP ${result.status}`;
    }

    // ---- Tabs ----

    function showTab(name) {
      for (const tab of document.querySelectorAll('[role="tab"]')) {
        const selected = tab.dataset.tab === name;
        tab.setAttribute('aria-selected', String(selected));
        $('panel-' + tab.dataset.tab).hidden = !selected;
      }
      if (name === 'diagram') showDiagram();
    }

    // ---- Status and examples ----

    async function loadStatus() {
      const result = await api('/healthz');
      if (!result.ok) { $('status').textContent = 'サーバーに接続できません'; return; }
      const parts = [`トランザクション ${result.data.tx} 時点`];
      if (result.data.read_only) parts.push('読み取り専用');
      $('status').textContent = parts.join(' · ');
    }

    async function loadExamples() {
      const result = await api('/api/examples');
      if (!result.ok) return;
      const select = $('examples');
      for (const example of result.data.examples) {
        select.append(el('option', { value: example.program }, `${example.title || example.name} (${example.name})`));
      }
      select.addEventListener('change', () => {
        if (!select.value) return;
        $('program').value = select.value;
        run();
      });
    }

    /** The fiscal years the graph has documents of, newest first, for the year picker. */
    async function loadYears() {
      const result = await api('/api/years');
      const select = $('year');
      if (result.ok) {
        for (const year of result.data.years) {
          select.append(el('option', { value: year.year }, `${year.japanese}(${year.year}: ${year.wards.join('、')})`));
        }
      }
      if (state.year && !Array.from(select.options).some((option) => option.value === state.year)) {
        select.append(el('option', { value: state.year }, state.year));
      }
      select.value = state.year;
      select.addEventListener('change', () => {
        state.year = select.value;
        run();
      });
    }

    /** The request's `year` member, or nothing for each ward's latest. */
    function withYear(body) {
      return state.year ? Object.assign(body, { year: state.year }) : body;
    }

    // ---- Running a query ----

    async function run() {
      const program = $('program').value;
      state.program = program;
      state.diagramFor = null;
      const url = new URL(location.href);
      url.search = '?q=' + encodeURIComponent(program) + (state.year ? '&year=' + encodeURIComponent(state.year) : '');
      history.replaceState(null, '', url);
      $('summary').textContent = '実行中…';
      $('errors').hidden = true;
      let result;
      try {
        result = await api('/api/query', withYear({ program }));
      } catch (error) {
        $('summary').textContent = '';
        showErrors([{ message: 'サーバーに接続できません: ' + error.message }]);
        return;
      }
      if (!result.ok) {
        $('summary').textContent = '';
        showErrors(result.data && result.data.errors ? result.data.errors : [{ message: `HTTP ${result.status}` }]);
        return;
      }
      state.answer = result.data;
      state.sort = { column: -1, descending: false };
      if (result.data.warnings && result.data.warnings.length) showErrors(result.data.warnings, 'warnings');
      showAnswer();
      showTab('table');
      if (!$('panel-diagram').hidden) showDiagram();
    }

    /** Errors with the line and a caret under the column (the line repeated, invisible, to align it). */
    function showErrors(errors, kind) {
      const box = $('errors');
      box.className = kind || 'errors';
      replace(box, errors.map((error) => {
        const place = error.file ? `${error.file}:${error.line}:${error.column}: ` : '';
        const parts = [el('p', { class: 'error-message' }, place + error.message)];
        if (error.source_line) {
          const characters = Array.from(error.source_line);
          const start = Math.max(0, (error.column || 1) - 1);
          const length = Math.max(1, (error.end_column || error.column + 1) - (error.column || 1));
          const marked = characters.slice(start, start + length);
          const carets = '^'.repeat(Math.max(1, marked.reduce((width, c) => width + (isWide(c) ? 2 : 1), 0)));
          parts.push(el('pre', { class: 'source' }, error.source_line + '\n',
            el('span', { class: 'pad' }, characters.slice(0, start).join('')), el('span', { class: 'caret' }, carets)));
        }
        if (error.suggestion) parts.push(el('p', { class: 'suggestion' }, `もしかして: ${error.suggestion}`));
        return el('div', {}, parts);
      }));
      box.hidden = false;
    }

    function isWide(c) {
      return /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(c);
    }

    // ---- The answer as a table ----

    function cellText(value) {
      return value.value === null || value.value === undefined ? '' : String(value.value);
    }

    function sortedRows() {
      const rows = state.answer.rows.slice();
      const { column, descending } = state.sort;
      if (column < 0) return rows;
      rows.sort((a, b) => {
        const x = a[column].value, y = b[column].value;
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'ja');
        return descending ? -order : order;
      });
      return rows;
    }

    function showAnswer() {
      const answer = state.answer;
      const count = answer.truncated ? `${answer.total_rows}件中 ${answer.rows.length}件を表示` : `${answer.total_rows}件`;
      $('summary').textContent = `${count}(${answer.elapsed_ms.toFixed(1)} ms、トランザクション ${answer.tx})`;
      // The documents the answer read, one per ward: each ward's latest, or the year picked.
      $('years').hidden = !answer.years;
      $('years').textContent = answer.years ? '読んだ文書の' + answer.years : '';
      $('download-csv').disabled = false;
      $('download-json').disabled = false;
      const table = $('result');
      if (answer.columns.length === 0) {
        replace(table, el('tbody', {}, el('tr', {}, el('td', {}, answer.total_rows > 0 ? 'はい(成り立ちます)' : 'いいえ(成り立ちません)'))));
        return;
      }
      const header = el('tr', {}, answer.columns.map((name, index) => {
        const sort = state.sort.column === index ? (state.sort.descending ? 'descending' : 'ascending') : 'none';
        return el('th', { scope: 'col', 'aria-sort': sort, title: 'クリックで並べ替え', onclick: () => sortBy(index) }, name);
      }));
      const body = el('tbody', {}, sortedRows().map((row) => el('tr', { onclick: (event) => whyRow(row, event.currentTarget) },
        row.map((value) => {
          const isNumber = typeof value.value === 'number';
          if (!value.id) return el('td', { class: isNumber ? 'number' : '' }, cellText(value));
          const link = el('button', { type: 'button', class: 'node-link', title: value.id, onclick: (event) => { event.stopPropagation(); openNode(value.id); } }, value.label || cellText(value));
          const shown = value.label && value.label !== cellText(value) ? el('span', { class: 'id' }, cellText(value)) : null;
          return el('td', {}, link, shown);
        }))));
      replace(table, el('thead', {}, header), body);
    }

    function sortBy(column) {
      state.sort = state.sort.column === column ? { column, descending: !state.sort.descending } : { column, descending: false };
      showAnswer();
    }

    function download(name, type, text) {
      const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }

    function csvField(text) {
      return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    function downloadCSV() {
      const answer = state.answer;
      const lines = [answer.columns.map(csvField).join(',')].concat(sortedRows().map((row) => row.map((v) => csvField(cellText(v))).join(',')));
      // A byte-order mark, so that Excel reads the file as UTF-8 and shows the Japanese.
      download('wardgraph.csv', 'text/csv;charset=utf-8', '\ufeff' + lines.join('\r\n') + '\r\n');
    }

    function downloadJSON() {
      download('wardgraph.json', 'application/json', JSON.stringify(state.answer, null, 2) + '\n');
    }

    // ---- Why a row holds ----

    /** The query's last `?- …` body, split at top-level commas. */
    function queryLiterals(program) {
      const text = program.replace(/%[^\n]*/g, '');
      const start = text.lastIndexOf('?-');
      if (start < 0) return [];
      const literals = [];
      let depth = 0, quoted = false, current = '';
      for (const c of text.slice(start + 2)) {
        if (quoted) { current += c; if (c === '"') quoted = false; continue; }
        if (c === '"') { quoted = true; current += c; continue; }
        if (c === '(') depth++;
        if (c === ')') depth--;
        if ((c === ',' && depth === 0) || (c === '.' && depth === 0)) {
          literals.push(current.trim()); current = '';
          if (c === '.') break;
          continue;
        }
        current += c;
      }
      return literals.filter((l) => l.length > 0);
    }

    function splitArguments(text) {
      const parts = [];
      let depth = 0, quoted = false, current = '';
      for (const c of text) {
        if (quoted) { current += c; if (c === '"') quoted = false; continue; }
        if (c === '"') { quoted = true; current += c; continue; }
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (c === ',' && depth === 0) { parts.push(current.trim()); current = ''; continue; }
        current += c;
      }
      parts.push(current.trim());
      return parts;
    }

    function constant(value) {
      if (typeof value === 'number') return String(value);
      return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
    }

    /** The ground atom of the query's first atom whose variables the row binds. */
    function atomFor(row) {
      const columns = state.answer.columns;
      for (const literal of queryLiterals(state.program)) {
        const match = /^([\p{L}_][\p{L}\p{N}_]*)\s*\((.*)\)$/su.exec(literal);
        if (!match || match[1] === 'not') continue;
        const values = [];
        let ground = true;
        for (const argument of splitArguments(match[2])) {
          if (/^(\?[^\s,()]+|[A-Z_][A-Za-z0-9_]*)$/u.test(argument)) {
            const index = columns.indexOf(argument);
            if (argument.startsWith('_') || index < 0) { ground = false; break; }
            values.push(constant(row[index].value));
          } else if (argument.startsWith('$')) {
            ground = false; break;
          } else {
            values.push(argument);
          }
        }
        if (ground) return `${match[1]}(${values.join(', ')})`;
      }
      return null;
    }

    async function whyRow(row, tr) {
      for (const selected of document.querySelectorAll('tbody tr.selected')) selected.classList.remove('selected');
      tr.classList.add('selected');
      const atom = atomFor(row);
      if (!atom) {
        showTab('why');
        replace($('why'), el('p', { class: 'hint' }, 'この質問の行には根拠を表示できません(問い合わせの最初の述語の引数がすべて列として現れる必要があります)。'));
        return;
      }
      await showWhy(atom);
    }

    /** The derivation of `atom`, down to the documents' sentences; the URL remembers it. */
    async function showWhy(atom) {
      showTab('why');
      const panel = $('why');
      setParameter('why', atom);
      replace(panel, el('p', { class: 'hint' }, `${atom} の根拠を求めています…`));
      const result = await api('/api/why', withYear({ atom }));
      if (!result.ok) { replace(panel, el('p', { class: 'error-message' }, firstError(result))); return; }
      replace(panel, el('h2', {}, `なぜ ${atom} が成り立つか`), el('ul', { class: 'tree' }, derivationItem(result.data.derivation)));
    }

    function derivationItem(node) {
      const children = node.premises || node.samples || [];
      const parts = [];
      if (node.kind === 'condition') {
        parts.push(el('span', { class: 'atom' }, node.condition));
      } else if (node.kind === 'absent') {
        parts.push(el('span', { class: 'atom' }, 'not ' + node.atom), el('span', { class: 'rule' }, '該当する事実がないため成り立つ'));
      } else if (node.kind === 'binding') {
        parts.push(el('span', { class: 'rule' }, '集計の一例'));
      } else {
        parts.push(el('span', { class: 'atom' }, node.atom));
        if (node.rule) parts.push(el('span', { class: 'rule' }, `規則 ${node.rule}(${node.location})` + (node.bindings ? `、${node.bindings}通りの束縛を集計` : '')));
        if (node.kind === 'fact') {
          if (node.document) {
            parts.push(el('span', { class: 'cite' }, `出典 ${node.document} ${node.line}行目`));
            if (node.text) parts.push(el('blockquote', { class: 'sentence' }, node.text));
          } else if (node.source) {
            parts.push(el('span', { class: 'cite' }, sourceText(node)));
          }
        }
      }
      return el('li', { class: node.kind === 'fact' ? 'leaf' : '' }, parts, children.length ? el('ul', {}, children.map(derivationItem)) : null);
    }

    /** Where a leaf that is no document's line comes from, in Japanese. */
    function sourceText(node) {
      if (node.atom.startsWith('selected_document(')) {
        return state.year ? `選んだ年度 ${state.year} の文書` : 'その区の最新の文書';
      }
      const person = /^asserted by (.+) in transaction (\d+)$/.exec(node.source);
      if (person) return `${person[1]} がトランザクション ${person[2]} で追加`;
      if (node.source.startsWith("the id's own name")) return 'ID の最後の部分(label の事実はない)';
      return node.source;
    }

    // ---- A node's page ----

    async function openNode(id) {
      showTab('node');
      const panel = $('node');
      replace(panel, el('p', { class: 'hint' }, `${id} を読み込んでいます…`));
      const result = await api('/api/nodes/' + encodeURIComponent(id));
      if (!result.ok) { replace(panel, el('p', { class: 'error-message' }, firstError(result))); return; }
      const node = result.data;
      const link = (target) => el('button', { type: 'button', class: 'node-link', title: target.id, onclick: () => openNode(target.id) }, target.label);
      const edges = (title, list, arrow) => list.length === 0 ? null : [el('h3', {}, title), el('ul', {}, list.map((edge) =>
        el('li', {}, `${edge.edge} ${arrow} `, link(edge), el('span', { class: 'id' }, edge.id))))];
      replace(panel,
        el('h2', {}, node.label, ' ', el('span', { class: 'kind' }, node.kind), el('span', { class: 'id' }, node.id)),
        el('p', { class: 'hint' }, `トランザクション ${node.tx} 時点`),
        el('h3', {}, '属性'),
        el('dl', { class: 'facts' }, node.attributes.map((a) => [el('dt', {}, a.name), el('dd', {}, String(a.value), a.source ? el('span', { class: 'cite' }, ' ' + a.source.text) : null)])),
        edges('出ていく辺', node.out, '→'),
        edges('入ってくる辺', node.in, '←'),
        node.sources.length ? [el('h3', {}, '出典(文書の行)'), node.sources.map((s) =>
          [el('span', { class: 'cite' }, `${s.document} ${s.line}行目`), el('blockquote', { class: 'sentence' }, s.text || '(文書が見つかりません)')])] : null,
        el('h3', {}, '履歴'),
        el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {}, ['tx', '時刻', '', '属性', '値', '出典', '作成者'].map((h) => el('th', {}, h)))),
          el('tbody', {}, node.history.map((h) => el('tr', {}, [String(h.tx), h.time, h.op, h.attribute, String(h.value), h.source ? h.source.text : '', h.author].map((c) => el('td', {}, c))))))));
      setParameter('node', id);
    }

    /** Keeps what is shown in the page's URL, so that a link reopens it. */
    function setParameter(name, value) {
      const url = new URL(location.href);
      url.searchParams.set(name, value);
      history.replaceState(null, '', url);
    }

    // ---- The diagram ----

    async function showDiagram() {
      const box = $('diagram');
      if (!state.answer) { replace(box, el('p', { class: 'hint' }, 'まず問い合わせを実行してください。')); return; }
      const wanted = state.program + '\u0000' + state.year;
      if (state.diagramFor === wanted) return;
      state.diagramFor = wanted;
      replace(box, el('p', { class: 'hint' }, '図を描いています…'));
      const year = state.year ? '&year=' + encodeURIComponent(state.year) : '';
      const response = await fetch('/api/export?format=svg&q=' + encodeURIComponent(state.program) + year);
      if (!response.ok) {
        const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
        replace(box, el('p', { class: 'error-message' }, data && data.errors ? data.errors[0].message : `HTTP ${response.status}`));
        return;
      }
      const image = el('img', { alt: '結果の部分グラフ', src: URL.createObjectURL(await response.blob()) });
      replace(box, image);
    }

    // ---- Start ----

    function start() {
      for (const tab of document.querySelectorAll('[role="tab"]')) tab.addEventListener('click', () => showTab(tab.dataset.tab));
      $('run').addEventListener('click', run);
      $('program').addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
      });
      $('download-csv').addEventListener('click', downloadCSV);
      $('download-json').addEventListener('click', downloadJSON);
      const parameters = new URLSearchParams(location.search);
      state.year = parameters.get('year') || '';
      loadStatus();
      loadExamples();
      loadYears();
      const then = () => {
        if (parameters.has('why')) showWhy(parameters.get('why'));
        else if (parameters.has('node')) openNode(parameters.get('node'));
        else if (parameters.get('tab') === 'diagram') showTab('diagram');
      };
      if (parameters.has('q')) {
        $('program').value = parameters.get('q');
        run().then(then);
      } else {
        then();
      }
    }

    document.addEventListener('DOMContentLoaded', start);

    """#
}
