// Usage: node tests/browser/tasks.mjs SITE_DIR [--path tasks/] [--prefix /] [--url BASE]
//
// Serves SITE_DIR (see serve.mjs) and checks the task table page at --path
// (relative to the prefix; '' for a fixture whose index.html is at the top) in
// Debian's chromium, under a Content-Security-Policy of script-src 'self'
// (with --url BASE: a server already running there, BASE ending in the
// prefix, and the CSP it sends):
// filters, count text, empty message, sorting, the URL query, reload,
// popstate, reset, and the page without JavaScript. Expected rows are worked
// out from the rows' data-* attributes and text, never from fixed numbers, so
// it runs against the fixture (tests/browser/fixtures/tasks) and a built site.
// One `ok - tasks: …` / `not ok - tasks: …` line per check, details indented
// by 4 spaces. Exit 0 if all pass, 1 if not, 2 on misuse.
//
//   node tests/browser/tasks.mjs build/site
//   node tests/browser/tasks.mjs build/site-sub --prefix /sub/
//   node tests/browser/tasks.mjs tests/browser/fixtures/tasks --path ''
//     (the fixture's assets/ is a symlink to the repository's assets/)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve, useServer } from './serve.mjs';
import { launchBrowser } from './axe.mjs';

const USAGE = 'usage: node tests/browser/tasks.mjs SITE_DIR [--path tasks/] [--prefix /] [--url BASE]';
const FILTERS = ['dept', 'role', 'region', 'doc', 'status', 'year', 'q'];
const STATUS_ORDER = ['overdue', 'due-soon', 'in-progress', 'not-started', 'later', 'ongoing', 'done'];
const DEBOUNCE_WAIT = 450; // ms; the text box is debounced by ~150 ms
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { path: { type: 'string', default: 'tasks/' }, prefix: { type: 'string', default: '/' }, url: { type: 'string' } },
  });
} catch (err) {
  console.error(`${err.message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
const dir = positionals[0];
if (positionals.length !== 1 || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(USAGE);
  process.exit(2);
}
const pagePath = values.path.replace(/^\/+/, '');
const file = path.join(dir, pagePath.endsWith('.html') ? pagePath : path.join(pagePath, 'index.html'));
if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
  console.error(`tasks: no page ${file}\n${USAGE}`);
  process.exit(2);
}

// ---- Reporting

let failed = 0;
const oneLine = (s, max = 200) => {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
};
function report(name, problems) {
  if (problems.length) failed++;
  console.log(`${problems.length ? 'not ok' : 'ok'} - tasks: ${name}`);
  for (const p of problems) console.log(`    ${oneLine(p, 300)}`);
}
// Runs one check; fn returns a list of problems (empty: ok) or throws.
async function check(name, fn) {
  let problems;
  try {
    problems = await fn();
  } catch (err) {
    problems = [`error: ${err.message.split('\n')[0]}`];
  }
  report(name, problems);
}

// ---- Helpers that run in the page (installed by an init script, so not
// subject to the page's CSP). They read the DOM only, never tasks.js state.

function pageHelpers() {
  const rows = () => [...document.querySelectorAll('#task-table tbody tr')];
  const name = (r) => r.id || `row data-order=${r.dataset.order}`;
  const supports = (r) => (r.dataset.supports || '').split(/\s+/).filter(Boolean);
  window.__tasks = {
    // Rows matching an attribute filter: { dept, role, region, doc, status, year }
    // plus `text`: a substring the row's text must contain (any letter case if `ci`).
    expect(f) {
      return this.expectData(f).map((d) => d.name);
    },
    expectData(f) {
      const has = (r) => (f.ci ? r.textContent.toLowerCase().includes(f.text.toLowerCase()) : r.textContent.includes(f.text));
      return rows()
        .filter((r) => {
          const d = r.dataset;
          if (f.dept) {
            const lead = d.lead === f.dept;
            const sup = supports(r).includes(f.dept);
            if (f.role === 'lead' ? !lead : f.role === 'support' ? !sup : !(lead || sup)) return false;
          }
          for (const k of ['region', 'doc', 'status', 'year']) if (f[k] && d[k] !== f[k]) return false;
          return !f.text || has(r);
        })
        .map((r) => ({ ...r.dataset, name: name(r) }));
    },
    state() {
      const el = (id) => document.getElementById(id);
      const shown = (e) => !!e && e.getClientRects().length > 0;
      const form = el('task-filters');
      const controls = {};
      for (const k of ['dept', 'role', 'region', 'doc', 'status', 'year', 'q']) {
        const c = form?.elements[k];
        controls[k] = c ? c.value : null;
      }
      const visible = rows().filter(shown);
      const heads = [...document.querySelectorAll('#task-table th[data-sort]')];
      return {
        total: rows().length,
        visible: visible.map(name),
        order: visible.map((r) => ({
          name: name(r),
          order: +r.dataset.order,
          doc: r.dataset.doc,
          lead: r.dataset.lead,
          deadline: r.dataset.deadline,
          status: r.dataset.status,
          cells: [...r.cells].map((c) => c.textContent.trim()),
        })),
        count: el('task-count')?.textContent.trim() ?? null,
        empty: shown(el('task-empty')),
        formShown: shown(form),
        controls,
        search: location.search,
        heads: heads.map((h) => ({
          sort: h.dataset.sort,
          index: h.cellIndex,
          ariaSort: h.getAttribute('aria-sort'),
          buttons: [...h.querySelectorAll('button')].map((b) => ({ type: b.getAttribute('type'), text: b.textContent.trim() })),
          text: h.textContent.trim(),
        })),
        focus: document.activeElement?.closest('th')?.dataset.sort ?? document.activeElement?.tagName ?? null,
      };
    },
    options(id) {
      return [...document.querySelectorAll(`#${id} option`)].map((o) => o.value).filter(Boolean);
    },
    // Distinct values of a data-* attribute over the rows, with row counts
    // (data-supports is a list; data-lead and data-supports count as 'dept').
    values(key) {
      const n = {};
      for (const r of rows()) {
        const vs = key === 'dept' ? [r.dataset.lead, ...supports(r)] : [r.dataset[key]];
        for (const v of new Set(vs.filter(Boolean))) n[v] = (n[v] ?? 0) + 1;
      }
      return n;
    },
  };
}

// ---- Set-up

let server;
try {
  server = values.url ? useServer(values.url, values.prefix) : await serve(dir, values.prefix);
} catch (err) {
  console.error(`${err.message}\n${USAGE}`);
  process.exit(2);
}
const url = new URL(pagePath.split('/').map(encodeURIComponent).join('/'), server.url).href;
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
context.setDefaultTimeout(3000); // a broken page should fail fast, not in 30 s per step
await context.addInitScript({ content: `(${pageHelpers})();` });
// Serve every page with a strict CSP, as a careful host would (a server given
// by --url sends its own).
if (!values.url) await context.route('**/*', async (route) => {
  const res = await route.fetch();
  const headers = { ...res.headers() };
  if ((headers['content-type'] ?? '').startsWith('text/html')) headers['content-security-policy'] = CSP;
  await route.fulfill({ response: res, headers });
});
const errors = [];
context.on('page', (p) => watch(p));
function watch(p) {
  p.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    if (where === new URL('/favicon.ico', server.url).href) return;
    errors.push(`console error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  p.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
}
let page = await context.newPage();

const state = (p = page) => p.evaluate(() => window.__tasks.state());
const expectRows = (f, p = page) => p.evaluate((f) => window.__tasks.expect(f), f);
const expectData = (f) => page.evaluate((f) => window.__tasks.expectData(f), f);
const options = (id) => page.evaluate((id) => window.__tasks.options(id), id);
const fresh = async (query = '') => {
  const res = await page.goto(url + query, { waitUntil: 'load' });
  if (res.status() !== 200) throw new Error(`HTTP status ${res.status()} for ${url + query}`);
};
const countText = (shown, total) => (shown === total ? '' : `显示 ${shown} / `) + `共 ${total} 项任务`;
const sameSet = (a, b) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const params = (search) => Object.fromEntries(new URLSearchParams(search));
const rowsN = (n) => `${n} row${n === 1 ? '' : 's'}`;
const list = (xs, max = 8) => (xs.length > max ? xs.slice(0, max).join(', ') + `, … (${xs.length})` : xs.join(', ') || '(none)');

// Compares what the page shows with the expected rows; returns problems.
function compare(s, expected, label = '') {
  const out = [];
  const at = label ? `${label}: ` : '';
  if (!sameSet(s.visible, expected)) {
    const extra = s.visible.filter((x) => !expected.includes(x));
    const missing = expected.filter((x) => !s.visible.includes(x));
    out.push(`${at}${s.visible.length} rows shown, expected ${expected.length}`);
    if (extra.length) out.push(`${at}shown but should be hidden: ${list(extra)}`);
    if (missing.length) out.push(`${at}hidden but should be shown: ${list(missing)}`);
  }
  const want = countText(expected.length, s.total);
  if (s.count !== want) out.push(`${at}#task-count is "${s.count}", expected "${want}"`);
  if (s.empty !== (expected.length === 0)) out.push(`${at}#task-empty is ${s.empty ? 'shown' : 'hidden'} with ${expected.length} rows expected`);
  return out;
}

// The URL query must hold exactly these non-empty parameters.
function compareQuery(s, want, label = '') {
  const got = params(s.search);
  const at = label ? `${label}: ` : '';
  const same = Object.keys(got).length === Object.keys(want).length && Object.entries(want).every(([k, v]) => got[k] === v);
  return same ? [] : [`${at}URL query is "${s.search}", expected ${JSON.stringify(want)}`];
}

// ---- The checks

let base; // state of the freshly loaded page
await check('page loads with the filters shown and every row visible', async () => {
  await fresh();
  base = await state();
  const out = [];
  if (base.total < 2) out.push(`only ${base.total} rows in #task-table tbody`);
  if (!base.formShown) out.push('#task-filters is still hidden');
  out.push(...compare(base, await expectRows({})));
  if (base.search) out.push(`loading the page changed the URL query to "${base.search}"`);
  const heads = base.heads;
  if (!heads.length) out.push('no th[data-sort] in the table');
  for (const h of heads) {
    if (h.buttons.length !== 1 || h.buttons[0].type !== 'button') out.push(`th[data-sort=${h.sort}] should hold one <button type="button">, has ${JSON.stringify(h.buttons)}`);
    else if (h.buttons[0].text !== h.text) out.push(`th[data-sort=${h.sort}]: button text "${h.buttons[0].text}" is not the heading "${h.text}"`);
    if (h.ariaSort) out.push(`th[data-sort=${h.sort}] has aria-sort="${h.ariaSort}" before any sorting`);
  }
  return out;
});
if (!base) {
  await browser.close();
  await server.close();
  process.exit(1);
}

await check('the page script builds no HTML from strings and runs no strings as code', async () => {
  const srcs = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((s) => /\/tasks\.[0-9a-f]{10}\.js(\?|$)/.test(s)));
  if (!srcs.length) return ['no <script src=".../tasks.<hash>.js"> on the page'];
  const out = [];
  const BAD = /\.(innerHTML|outerHTML|insertAdjacentHTML)\b|\bdocument\.write|\beval\s*\(|\bnew\s+Function\b|\bset(Timeout|Interval)\s*\(\s*['"`]/g;
  for (const src of srcs) {
    const res = await page.request.get(src);
    if (!res.ok()) {
      out.push(`${src}: HTTP status ${res.status()}`);
      continue;
    }
    const code = (await res.text()).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''); // roughly: drop comments
    for (const m of code.matchAll(BAD)) out.push(`${new URL(src).pathname}: uses ${m[0]}`);
  }
  return out;
});

// Departments by how many rows they lead or support.
const depts = [];
for (const d of await options('f-dept')) depts.push({ d, n: (await expectRows({ dept: d })).length });
const withRows = depts.filter((x) => x.n > 0).sort((a, b) => b.n - a.n);
const bigDept = withRows[0]?.d;
const smallDept = withRows.at(-1)?.d;

async function deptCheck(d) {
  if (!d) return ['#f-dept has no department with rows'];
  await fresh();
  await page.selectOption('#f-dept', d);
  const s = await state();
  const expected = await expectRows({ dept: d });
  const out = compare(s, expected);
  out.push(...compareQuery(s, { dept: d }));
  // The link reproduces the view in a new tab.
  const other = await context.newPage();
  try {
    await other.goto(page.url(), { waitUntil: 'load' });
    const t = await state(other);
    out.push(...compare(t, expected, 'new page from the URL'));
    if (t.controls.dept !== d) out.push(`new page from the URL: #f-dept is "${t.controls.dept}", expected "${d}"`);
    for (const k of FILTERS) if (k !== 'dept' && t.controls[k]) out.push(`new page from the URL: ${k} is "${t.controls[k]}", expected empty`);
  } finally {
    await other.close();
  }
  return out;
}
const nOf = (d) => depts.find((x) => x.d === d)?.n;
await check(`department with the most rows (${bigDept}, ${rowsN(nOf(bigDept))}): lead or support, count, URL, link reproduces it`, () => deptCheck(bigDept));
await check(`department with the fewest rows (${smallDept}, ${rowsN(nOf(smallDept))}): lead or support, count, URL, link reproduces it`, () => deptCheck(smallDept));

await check(`role narrows the department (${bigDept}): lead = data-lead, support = data-supports`, async () => {
  await fresh();
  const out = [];
  await page.selectOption('#f-dept', bigDept);
  for (const role of ['lead', 'support']) {
    await page.selectOption('#f-role', role);
    const s = await state();
    out.push(...compare(s, await expectRows({ dept: bigDept, role }), `role=${role}`));
    out.push(...compareQuery(s, { dept: bigDept, role }, `role=${role}`));
  }
  return out;
});

await check('every department, region, document, status and year in the rows has an option in its filter', async () => {
  const out = [];
  for (const [key, id] of [['dept', 'f-dept'], ['region', 'f-region'], ['doc', 'f-doc'], ['status', 'f-status'], ['year', 'f-year']]) {
    const opts = await options(id);
    const vals = await page.evaluate((k) => window.__tasks.values(k), key);
    const missing = Object.entries(vals).filter(([v]) => !opts.includes(v));
    if (missing.length) out.push(`#${id} has no option for data-${key === 'dept' ? 'lead/data-supports' : key} ${list(missing.map(([v, n]) => `"${v}" (${rowsN(n)})`))}`);
  }
  const roles = await options('f-role');
  if (!['lead', 'support'].every((r) => roles.includes(r))) out.push(`#f-role options are ${JSON.stringify(roles)}, expected lead and support`);
  return out;
});

// Each value of a single-attribute filter shows exactly the rows with it.
for (const [key, id] of [['status', 'f-status'], ['year', 'f-year'], ['doc', 'f-doc'], ['region', 'f-region']]) {
  const opts = await options(id);
  await check(`${key} filter: each of ${opts.length} options shows exactly the rows with data-${key}=value`, async () => {
    const out = [];
    if (!opts.length) out.push(`#${id} has no options besides "all"`);
    await fresh();
    for (const v of opts) {
      await page.selectOption(`#${id}`, v);
      const s = await state();
      out.push(...compare(s, await expectRows({ [key]: v }), `${key}=${v}`));
      out.push(...compareQuery(s, { [key]: v }, `${key}=${v}`));
    }
    return out;
  });
}

await check('filters combine: a row shows only if it passes every active filter', async () => {
  await fresh();
  // The department's most common year and region (among the options): a non-empty intersection.
  const info = await expectData({ dept: bigDept });
  const common = async (key, id) => {
    const opts = await options(id);
    const n = {};
    for (const i of info) if (opts.includes(i[key])) n[i[key]] = (n[i[key]] ?? 0) + 1;
    return Object.entries(n).sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const year = await common('year', 'f-year');
  const region = await common('region', 'f-region');
  const doc = region ? '' : await common('doc', 'f-doc'); // if the region options miss these rows
  if (!year || !(region || doc)) return [`no year, region or document option matches the rows of ${bigDept}`];
  const f = region ? { dept: bigDept, year, region } : { dept: bigDept, year, doc };
  await page.selectOption('#f-dept', bigDept);
  await page.selectOption('#f-year', year);
  await page.selectOption(region ? '#f-region' : '#f-doc', region || doc);
  const s = await state();
  const expected = await expectRows(f);
  const out = compare(s, expected, JSON.stringify(f));
  out.push(...compareQuery(s, f));
  if (expected.length === (await expectRows({ dept: bigDept })).length && expected.length === (await expectRows({ year })).length) {
    out.push('(the fixture gives no row that one filter keeps and another drops: make it richer)');
  }
  return out;
});

// A two-character Chinese substring of a title that some, but not all, rows contain.
const needle = await page.evaluate(() => {
  const rows = [...document.querySelectorAll('#task-table tbody tr')];
  const th = document.querySelector('#task-table th[data-sort="title"]');
  const col = th ? th.cellIndex : 2;
  let best = null;
  for (const r of rows) {
    const t = r.cells[col]?.textContent ?? '';
    for (let i = 0; i + 2 <= t.length; i++) {
      const s = t.slice(i, i + 2);
      if (!/^[\u4e00-\u9fff]{2}$/.test(s)) continue;
      const n = rows.filter((x) => x.textContent.includes(s)).length;
      if (n < rows.length && (!best || n > best.n)) best = { s, n };
    }
  }
  return best?.s ?? null;
});

async function query(q) {
  await page.fill('#f-q', q);
  await page.waitForTimeout(DEBOUNCE_WAIT);
  return state();
}

await check(`text query "${needle}" (from a title) shows exactly the rows containing it`, async () => {
  if (!needle) return ['no title has a two-character Chinese substring'];
  await fresh();
  const s = await query(needle);
  const out = compare(s, await expectRows({ text: needle }));
  out.push(...compareQuery(s, { q: needle }));
  return out;
});

await check('text query ignores white space, full-width digits and letter case', async () => {
  await fresh();
  const out = [];
  const cases = [];
  if (needle) cases.push([` ${needle[0]} ${needle.slice(1)} `, needle]);
  // A deadline year, typed in full-width digits.
  const year = (await options('f-year')).find((y) => /^\d{4}$/.test(y));
  if (year) cases.push([[...year].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''), year]);
  // Latin letters, if any row has them, in the other case.
  const latin = await page.evaluate(() => document.querySelector('#task-table tbody')?.textContent.match(/[A-Za-z]{2,}/)?.[0]);
  if (latin) cases.push([latin === latin.toLowerCase() ? latin.toUpperCase() : latin.toLowerCase(), latin]);
  if (!cases.length) return ['no text to query'];
  for (const [q, plain] of cases) {
    const s = await query(q);
    const expected = await expectRows({ text: plain, ci: true });
    out.push(...compare(s, expected, `"${q}" (as "${plain}")`));
  }
  return out;
});

await check('text query with no match shows #task-empty and a count of 0', async () => {
  await fresh();
  let q = '不存在的任务关键词';
  while ((await expectRows({ text: q })).length) q += '甲';
  const s = await query(q);
  const out = compare(s, []);
  if (!/(^|\D)0(\D|$)/.test(s.count ?? '')) out.push(`#task-count "${s.count}" does not say 0`);
  return out;
});

// Sort order checks on the visible rows.
const coll = new Intl.Collator('zh-CN');
function sortProblems(s, key, dir) {
  const h = s.heads.find((x) => x.sort === key);
  const sign = dir === 'descending' ? -1 : 1;
  const val = (r) => {
    switch (key) {
      case 'doc': return r.doc;
      case 'number': return r.order;
      case 'deadline': return r.deadline;
      case 'status': return STATUS_ORDER.indexOf(r.status) + 1 || 99;
      case 'lead': return r.lead ? r.cells[h.index] : '';
      default: return r.cells[h.index];
    }
  };
  const cmp = (a, b) => {
    const x = val(a), y = val(b);
    if ((x === '') !== (y === '')) return x === '' ? 1 : -1; // empty last, either way
    const c = typeof x === 'number' ? x - y : key === 'title' || key === 'lead' ? coll.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return sign * c || a.order - b.order; // ties keep the original order
  };
  const out = [];
  for (let i = 1; i < s.order.length; i++) {
    if (cmp(s.order[i - 1], s.order[i]) > 0) {
      out.push(`${key} ${dir}: ${s.order[i - 1].name} ("${val(s.order[i - 1])}") comes before ${s.order[i].name} ("${val(s.order[i])}")`);
      if (out.length >= 3) break;
    }
  }
  for (const x of s.heads) {
    const want = x.sort === key ? dir : null;
    if (x.ariaSort !== want) out.push(`${key} ${dir}: th[data-sort=${x.sort}] has aria-sort=${JSON.stringify(x.ariaSort)}, expected ${JSON.stringify(want)}`);
  }
  return out;
}

await check('sorting by deadline: ascending, then descending by keyboard, empties last, aria-sort, URL, focus kept', async () => {
  await fresh();
  const out = [];
  const button = page.locator('#task-table th[data-sort="deadline"] button');
  await button.click();
  let s = await state();
  out.push(...sortProblems(s, 'deadline', 'ascending'));
  out.push(...compare(s, base.visible, 'ascending'));
  const q = params(s.search);
  if (q.sort !== 'deadline' || (q.dir && q.dir !== 'asc') || Object.keys(q).length > 2) out.push(`ascending: URL query is "${s.search}"`);
  if (s.focus !== 'deadline') out.push(`ascending: focus moved to ${s.focus}`);
  await button.focus();
  await page.keyboard.press('Enter');
  s = await state();
  out.push(...sortProblems(s, 'deadline', 'descending'));
  out.push(...compareQuery(s, { sort: 'deadline', dir: 'desc' }, 'descending'));
  if (s.focus !== 'deadline') out.push(`descending: focus moved to ${s.focus}`);
  const dl = s.order.map((r) => r.deadline);
  const firstEmpty = dl.indexOf('');
  if (firstEmpty >= 0 && dl.slice(firstEmpty).some(Boolean)) out.push('descending: a row without deadline comes before one with');
  await page.keyboard.press('Space');
  s = await state();
  out.push(...sortProblems(s, 'deadline', 'ascending').map((p) => `third press: ${p}`));
  return out;
});

await check('sorting by every other column (ascending, ties in original order) moves aria-sort', async () => {
  await fresh();
  const out = [];
  for (const h of base.heads) {
    if (h.sort === 'deadline') continue;
    await page.locator(`#task-table th[data-sort="${h.sort}"] button`).click();
    const s = await state();
    out.push(...sortProblems(s, h.sort, 'ascending'));
    const q = params(s.search);
    if (q.sort !== h.sort || (q.dir && q.dir !== 'asc')) out.push(`${h.sort}: URL query is "${s.search}"`);
  }
  // Sorting a filtered table keeps the filter.
  await page.selectOption('#f-dept', bigDept);
  await page.locator('#task-table th[data-sort="status"] button').click();
  const s = await state();
  out.push(...compare(s, await expectRows({ dept: bigDept }), 'filtered then sorted by status'));
  return out;
});

await check('reset clears every filter, the sort and the URL query, and restores all rows in order', async () => {
  await fresh();
  await page.selectOption('#f-dept', bigDept);
  await page.selectOption('#f-role', 'lead');
  await page.selectOption('#f-status', (await options('f-status'))[0]);
  await page.fill('#f-q', needle ?? '任务');
  await page.locator('#task-table th[data-sort="deadline"] button').click();
  await page.locator('#task-table th[data-sort="deadline"] button').click();
  await page.waitForTimeout(DEBOUNCE_WAIT);
  await page.locator('#task-filters [type="reset"]').click();
  await page.waitForTimeout(DEBOUNCE_WAIT);
  const s = await state();
  const out = compare(s, base.visible);
  for (const [k, v] of Object.entries(s.controls)) if (v) out.push(`${k} is still "${v}"`);
  if (s.search) out.push(`URL query is still "${s.search}"`);
  const order = s.order.map((r) => r.order);
  if (order.some((o, i) => i && o < order[i - 1])) out.push(`rows are not back in data-order: ${list(order.map(String), 12)}`);
  for (const h of s.heads) if (h.ariaSort) out.push(`th[data-sort=${h.sort}] still has aria-sort=${h.ariaSort}`);
  return out;
});

await check('the view survives a reload; changes replace the history entry instead of adding one', async () => {
  // A new tab: history.length stops growing at 50 entries.
  await page.close();
  page = await context.newPage();
  await fresh();
  const len0 = await page.evaluate(() => history.length);
  const status = (await expectData({ dept: bigDept }))[0].status;
  await page.selectOption('#f-dept', bigDept);
  await page.selectOption('#f-status', status);
  await page.locator('#task-table th[data-sort="title"] button').click();
  await page.locator('#task-table th[data-sort="title"] button').click();
  const before = await state();
  const out = [];
  const len1 = await page.evaluate(() => history.length);
  if (len1 !== len0) out.push(`history.length went from ${len0} to ${len1}: use history.replaceState`);
  out.push(...compareQuery(before, { dept: bigDept, status, sort: 'title', dir: 'desc' }, 'before reload'));
  await page.reload({ waitUntil: 'load' });
  const after = await state();
  out.push(...compare(after, await expectRows({ dept: bigDept, status }), 'after reload'));
  out.push(...sortProblems(after, 'title', 'descending').map((p) => `after reload: ${p}`));
  for (const k of FILTERS) {
    if (after.controls[k] !== before.controls[k]) out.push(`after reload: ${k} is "${after.controls[k]}", was "${before.controls[k]}"`);
  }
  if (after.search !== before.search) out.push(`after reload: URL query "${after.search}", was "${before.search}"`);
  return out;
});

await check('going back and forward to a URL query (popstate) applies it', async () => {
  await fresh();
  let status;
  for (const v of await options('f-status')) if (!status && (await expectRows({ status: v })).length) status = v;
  await page.evaluate((v) => history.pushState(null, '', `?status=${encodeURIComponent(v)}`), status);
  await page.goBack();
  await page.goForward();
  await page.waitForTimeout(100);
  const s = await state();
  const out = compare(s, await expectRows({ status }), `forward to ?status=${status}`);
  if (s.controls.status !== status) out.push(`#f-status is "${s.controls.status}", expected "${status}"`);
  await page.goBack();
  await page.waitForTimeout(100);
  const t = await state();
  out.push(...compare(t, base.visible, 'back to no query'));
  if (t.controls.status) out.push(`back to no query: #f-status is still "${t.controls.status}"`);
  return out;
});

await check('without JavaScript the form stays hidden and every row shows', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    await p.goto(url + '?dept=' + encodeURIComponent(bigDept), { waitUntil: 'load' });
    const s = await p.evaluate(() => {
      const shown = (e) => !!e && e.getClientRects().length > 0;
      const rows = [...document.querySelectorAll('#task-table tbody tr')];
      return {
        form: shown(document.getElementById('task-filters')),
        rows: rows.length,
        visible: rows.filter(shown).length,
        empty: shown(document.getElementById('task-empty')),
        buttons: document.querySelectorAll('#task-table th button').length,
      };
    });
    const out = [];
    if (s.form) out.push('#task-filters is shown');
    if (s.visible !== s.rows) out.push(`${s.visible} of ${s.rows} rows shown`);
    if (s.rows !== base.total) out.push(`${s.rows} rows, ${base.total} with JavaScript`);
    if (s.empty) out.push('#task-empty is shown');
    if (s.buttons) out.push('the table headings have buttons');
    return out;
  } finally {
    await noJs.close();
  }
});

report(`no console errors or page errors (CSP ${CSP})`, errors.slice(0, 10));

await browser.close();
await server.close();
console.log(`tasks: ${failed ? `${failed} check${failed === 1 ? '' : 's'} failed` : 'all checks passed'}`);
process.exit(failed ? 1 : 0);
