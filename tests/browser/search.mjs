// Usage: node tests/browser/search.mjs SITE_DIR [--prefix /sub/] [--first-word 医保] [--url BASE]
//
// Serves SITE_DIR (see serve.mjs) and checks the full-text search page
// (search/index.html, assets/search.js) in Debian's chromium, under a
// Content-Security-Policy of script-src 'self' (with --url BASE: a server
// already running there, BASE ending in the prefix, and the CSP it sends).
// Expected results are worked out here, in Node, from the index files the page
// reads (SITE_DIR/search/): the entries' texts, normalised and tokenised by the
// rules of docs/search-index.md (written again below, independently of
// search.js).
// Checks: the index files against their entries, queries through the form with
// every page of results ("显示更多"), full-width digits and letter case, no
// result and empty queries, words split across page breaks in the sources
// (tests/seeds/*.expect), filters in the URL with reload and the back button,
// recall of 200 random two-character words, keyboard use, axe-core on the
// results, a failed fetch, the page without JavaScript, the bytes and time of a
// first query, and console errors. One `ok - search: …` / `not ok - search: …`
// line per check, details indented by 4 spaces; `# …` lines are figures.
// Exit 0 if all pass, 1 if not, 2 on misuse.
//
//   node tests/browser/search.mjs public
//   node tests/browser/search.mjs build/site-sub --prefix /sub/
//   node tests/browser/fixtures/search/build.mjs build/search-fixture &&
//   node tests/browser/search.mjs build/search-fixture --first-word 胸痛
//
// --first-word is the two-character word of the byte check (default 医保).
// The Node rules are exported for the fixture's build.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { gzipSync, gunzipSync } from 'node:zlib';

// ---- The index rules of docs/search-index.md, in Node

const isHan = (c) =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
const isWord = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

export function normalise(s) {
  let out = '';
  for (const ch of s) {
    let c = ch.codePointAt(0);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCodePoint(c);
  }
  return out;
}

// The Han runs and words of normalised text: [{ text, han }].
export function runs(s) {
  const out = [];
  let cur = null;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    const kind = isHan(c) ? 'han' : isWord(c) ? 'word' : null;
    if (cur && cur.kind === kind) cur.text += ch;
    else {
      if (cur?.kind) out.push({ text: cur.text, han: cur.kind === 'han' });
      cur = { kind, text: ch };
    }
  }
  if (cur?.kind) out.push({ text: cur.text, han: cur.kind === 'han' });
  return out;
}

// Token -> occurrences in normalised text (blocks separated by \n).
export function tokenCounts(s) {
  const n = new Map();
  const add = (t) => n.set(t, (n.get(t) ?? 0) + 1);
  for (const block of s.split('\n')) {
    for (const r of runs(block)) {
      if (!r.han) add(r.text);
      else {
        const c = [...r.text];
        c.forEach((x, i) => {
          add(x);
          if (i) add(c[i - 1] + x);
        });
      }
    }
  }
  return n;
}

// A query's terms and the tokens looked up, in order, without repeats.
export function queryTokens(q) {
  const terms = [...new Set(runs(normalise(q)).map((r) => r.text))];
  const tokens = [];
  for (const t of terms) {
    const c = [...t];
    const han = isHan(c[0].codePointAt(0));
    const ts = !han || c.length === 1 ? [t] : c.slice(1).map((x, i) => c[i] + x);
    for (const x of ts) if (!tokens.includes(x)) tokens.push(x);
  }
  return { terms, tokens };
}

export function fnv1a(s) {
  let h = 2166136261n;
  for (const b of Buffer.from(s, 'utf8')) h = ((h ^ BigInt(b)) * 16777619n) & 0xffffffffn;
  return Number(h);
}

// The postings of entries: token -> [entry, weight, …].
export function postings(entries) {
  const post = new Map();
  entries.forEach((e, id) => {
    const text = tokenCounts(normalise(e[7]));
    const title = tokenCounts(normalise(e[5]));
    for (const t of new Set([...text.keys(), ...title.keys()])) {
      if (!post.has(t)) post.set(t, []);
      post.get(t).push(id, 2 * (text.get(t) ?? 0) + (title.has(t) ? 1 : 0));
    }
  });
  return post;
}

// Postings as a shard stores them: per entry, 2 × gap from the previous
// entry, and when the weight is not 2, one more (2 × gap + 1) and the weight.
export function encodePostings(l) {
  const out = [];
  for (let i = 0, prev = 0; i < l.length; prev = l[i], i += 2)
    if (l[i + 1] === 2) out.push(2 * (l[i] - prev));
    else out.push(2 * (l[i] - prev) + 1, l[i + 1]);
  return out;
}
export function decodePostings(l) {
  const out = [];
  for (let i = 0, e = 0; i < l.length; i++) {
    e += Math.floor(l[i] / 2);
    out.push(e, l[i] % 2 ? l[++i] : 2);
  }
  return out;
}

// The files of search/ for entries: [[path relative to search/, bytes], …]:
// meta.json in index/, and the entries cut into `groups` (counts of entries,
// the rest in a last group), each in a folder of its own (g0/, g1/, …) with
// its shards and chunks, gzip-compressed.
export function buildIndex(entries, { base = '/', shards = 64, chunk = 16, groups = [] } = {}) {
  const cuts = [];
  for (let from = 0, i = 0; from < entries.length || !cuts.length; i++) {
    const n = i < groups.length ? groups[i] : entries.length - from;
    cuts.push(entries.slice(from, from + n));
    from += n;
  }
  const files = [['index/meta.json', JSON.stringify({
    version: 3, base, entries: entries.length,
    groups: cuts.map((g, i) => ({ dir: `g${i}`, shards, chunk, entries: g.length })),
  })]];
  cuts.forEach((group, i) => {
    const shard = Array.from({ length: shards }, () => ({}));
    for (const [t, l] of [...postings(group)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0])))
      shard[fnv1a(t) % shards][t] = encodePostings(l);
    shard.forEach((s, n) => files.push([`g${i}/t/${n}.json.gz`, gzipSync(JSON.stringify(s))]));
    for (let k = 0; k * chunk < group.length; k++)
      files.push([`g${i}/e/${k}.json.gz`, gzipSync(JSON.stringify(group.slice(k * chunk, k * chunk + chunk)))]);
  });
  return files;
}

// Does an entry match the terms? Han terms are substrings of the normalised
// text, words are whole words of it.
export function matches(normText, words, terms) {
  return terms.every((t) => (isHan(t.codePointAt(0)) ? normText.includes(t) : words.has(t)));
}

// ---- The test

const KINDS = { section: '政策原文', task: '任务', indicator: '指标', department: '部门' };
const LABEL_KIND = Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [v, k]));
const PAGE = 10;
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_BYTES = 64000;
const USAGE = 'usage: node tests/browser/search.mjs SITE_DIR [--prefix /sub/] [--first-word WORD] [--url BASE]';
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { prefix: { type: 'string', default: '/' }, 'first-word': { type: 'string', default: '医保' }, url: { type: 'string' } },
    });
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = args;
  const dir = positionals[0];
  if (positionals.length !== 1 || !fs.statSync(path.join(dir ?? '', 'search', 'index.html'), { throwIfNoEntry: false })?.isFile()) {
    console.error(`${USAGE}\n(SITE_DIR/search/index.html must exist)`);
    process.exit(2);
  }
  const prefix = ('/' + values.prefix + '/').replace(/\/+/g, '/');
  const { serve, useServer } = await import('./serve.mjs');
  let server;
  try {
    server = values.url ? useServer(values.url, prefix) : null;
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const { launchBrowser } = await import('./axe.mjs');

  // ---- Reporting

  let failed = 0;
  const oneLine = (s, max = 300) => {
    s = String(s).replace(/\s+/g, ' ').trim();
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
  };
  const report = (name, problems) => {
    if (problems.length) failed++;
    console.log(`${problems.length ? 'not ok' : 'ok'} - search: ${name}`);
    for (const p of problems.slice(0, 30)) console.log(`    ${oneLine(p)}`);
    if (problems.length > 30) console.log(`    … ${problems.length - 30} more`);
  };
  const check = async (name, fn) => {
    let problems;
    try {
      problems = await fn();
    } catch (err) {
      problems = [`error: ${err.message.split('\n')[0]}`];
    }
    report(name, problems);
  };
  const list = (xs, max = 6) => (xs.length > max ? xs.slice(0, max).join(', ') + `, … (${xs.length})` : xs.join(', ') || '(none)');

  // ---- The index, read from the files

  // The folder of meta.json (search/<hash>/) as the search page names it; the
  // groups' folders are its siblings.
  const named = /<meta name="search-index" content="([^"]*)"/.exec(fs.readFileSync(path.join(dir, 'search', 'index.html'), 'utf8'));
  const indexRel = named && named[1].startsWith(prefix) ? named[1].slice(prefix.length) : 'search/';
  const idx = path.join(dir, indexRel);
  const readJSON = (file) => {
    const b = fs.readFileSync(file);
    return JSON.parse((file.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8'));
  };
  let meta;
  try {
    meta = readJSON(path.join(idx, 'meta.json'));
    if (!Array.isArray(meta.groups)) throw new Error('no "groups"');
  } catch (err) {
    report('the index exists', [`${path.join(idx, 'meta.json')}: ${err.message}`]);
    process.exit(1);
  }
  // Each group: its folder, the number of its first entry, its entries, and
  // its shards with their postings decoded to (group's) entry, weight pairs.
  const entries = [];
  const groups = meta.groups.map((g) => {
    const folder = path.join(idx, '..', g.dir);
    const own = [];
    for (let k = 0; fs.existsSync(path.join(folder, 'e', `${k}.json.gz`)); k++) own.push(...readJSON(path.join(folder, 'e', `${k}.json.gz`)));
    const stored = Array.from({ length: g.shards }, (_, n) => {
      try {
        return readJSON(path.join(folder, 't', `${n}.json.gz`));
      } catch {
        return null;
      }
    });
    const group = { dir: g.dir, declared: g.entries, nshards: g.shards, chunk: g.chunk, folder, from: entries.length, entries: own, stored,
      shards: stored.map((x) => x && Object.fromEntries(Object.entries(x).map(([t, l]) => [t, decodePostings(l)]))) };
    entries.push(...own);
    return group;
  });
  // A token's postings across the index: each group's, renumbered.
  const postingsOf = (t) => groups.flatMap((g) => (g.shards[fnv1a(t) % g.nshards]?.[t] ?? []).map((x, i) => (i % 2 ? x : x + g.from)));
  const groupOf = (id) => groups.findLast((g) => g.from <= id);
  // The chunk file of an entry, relative to search/.
  const chunkOf = (id) => { const g = groupOf(id); return `${g.dir}/e/${Math.floor((id - g.from) / g.chunk)}.json.gz`; };
  const norm = entries.map((e) => normalise(e[7] ?? ''));
  const normTitle = entries.map((e) => normalise(e[5] ?? ''));
  const words = norm.map((t) => new Set(runs(t).filter((r) => !r.han).map((r) => r.text)));
  const key = (e) => `${e[0]}\t${meta.base}${e[6]}\t${e[5]}`;
  const entryOf = new Map(); // key -> first entry with it
  entries.forEach((e, id) => entryOf.has(key(e)) || entryOf.set(key(e), id));

  // Expected ids for a query and filters, in rank order (docs/search-index.md).
  function expected(q, f = {}) {
    const { terms, tokens } = queryTokens(q);
    if (!terms.length) return [];
    let cand = null;
    for (const t of tokens) {
      const l = postingsOf(t);
      const idf = Math.log(1 + meta.entries / (l.length / 2));
      const next = new Map();
      for (let i = 0; i < l.length; i += 2) {
        const s = cand ? cand.get(l[i]) : 0;
        if (s !== undefined) next.set(l[i], s + (idf * l[i + 1]) / (l[i + 1] + 1.2));
      }
      cand = next;
    }
    const title = (id) => terms.every((t) => normTitle[id].includes(t));
    return [...cand.keys()]
      .filter((id) => matches(norm[id], words[id], terms))
      .filter((id) => ['kind', 'doc', 'region', 'lead'].every((k, i) => !f[k] || entries[id][[0, 1, 3, 4][i]] === f[k]))
      .sort((a, b) => title(b) - title(a) || cand.get(b) - cand.get(a) || a - b);
  }
  // Every entry containing the terms, by the text alone (no postings).
  const byText = (q, f = {}) => {
    const { terms } = queryTokens(q);
    return entries
      .map((_, id) => id)
      .filter((id) => terms.length && matches(norm[id], words[id], terms))
      .filter((id) => ['kind', 'doc', 'region', 'lead'].every((k, i) => !f[k] || entries[id][[0, 1, 3, 4][i]] === f[k]));
  };

  await check(`the index files follow docs/search-index.md (${entries.length} entries in ${groups.length} group${groups.length === 1 ? '' : 's'})`, () => {
    const out = [];
    if (meta.version !== 3) out.push(`meta.json: version ${meta.version}, expected 3`);
    if (meta.base !== prefix) out.push(`meta.json: base "${meta.base}", expected "${prefix}" (the --prefix)`);
    if (meta.entries !== entries.length) out.push(`meta.json: ${meta.entries} entries, the groups' e/*.json.gz files hold ${entries.length}`);
    for (const g of groups) {
      const name = `group ${g.dir}`;
      if (!/^[0-9a-f]{10}$/.test(g.dir) && !/^g\d+$/.test(g.dir)) out.push(`${name}: the folder's name is not a hash`);
      if (g.declared !== g.entries.length) out.push(`${name}: meta.json says ${g.declared} entries, its e/*.json.gz files hold ${g.entries.length}`);
      const chunks = fs.existsSync(path.join(g.folder, 'e')) ? fs.readdirSync(path.join(g.folder, 'e')).length : 0;
      if (g.chunk < 1 || Math.ceil(g.entries.length / g.chunk) !== chunks) out.push(`${name}: e/ holds ${chunks} files, expected ${Math.ceil(g.entries.length / g.chunk)} of ${g.chunk} entries`);
      for (const [n, x] of g.stored.entries()) if (!x) out.push(`${name}: t/${n}.json.gz is missing or not gzip JSON`);
    }
    // Each document's sections and measures (a measure that is a task is a
    // task entry), then the other tasks, indicators, departments.
    const kinds = Object.keys(KINDS);
    const lastSection = entries.findLastIndex((e) => e[0] === 'section');
    let lastKind = 0;
    entries.forEach((e, id) => {
      if (!Array.isArray(e) || e.length !== 8 || !e.every((x) => typeof x === 'string')) return out.push(`entry ${id}: not an array of 8 strings`);
      const k = id < lastSection && e[0] === 'task' ? 0 : kinds.indexOf(e[0]);
      if (k < 0) out.push(`entry ${id}: kind "${e[0]}"`);
      else if (k < lastKind) out.push(`entry ${id}: a ${e[0]} after a ${kinds[lastKind]}`);
      lastKind = Math.max(lastKind, k);
      if (e[6].startsWith('/') || /^[a-z]+:/.test(e[6])) out.push(`entry ${id}: URL "${e[6]}" is not relative to base`);
    });
    for (const k of kinds) if (!entries.some((e) => e[0] === k)) out.push(`no entry of kind ${k}`);
    // No text twice: a measure's task is its one entry, not a section too.
    const seen = new Map();
    entries.forEach((e, id) => {
      if (e[0] !== 'section' && e[0] !== 'task') return;
      if (seen.has(e[6])) out.push(`entries ${seen.get(e[6])} and ${id} both lead to ${e[6]}`);
      seen.set(e[6], id);
    });
    // Each group's postings, recomputed from its entries.
    let diffs = 0;
    const note = (x) => diffs++ < 12 && out.push(x);
    for (const g of groups) {
      const want = postings(g.entries);
      g.shards.forEach((x, n) => {
        for (const [t, l] of Object.entries(x ?? {})) {
          if (fnv1a(t) % g.nshards !== n) note(`${g.dir}: token "${t}" is in t/${n}.json, its hash puts it in t/${fnv1a(t) % g.nshards}.json`);
          const w = want.get(t);
          if (!w) note(`${g.dir}: token "${t}" (t/${n}.json) is in no entry's text or title`);
          else if (w.join() !== l.join()) note(`${g.dir}: token "${t}": [${l.slice(0, 8)}${l.length > 8 ? ',…' : ''}] in t/${n}.json, expected [${w.slice(0, 8)}${w.length > 8 ? ',…' : ''}] (${l.length / 2} vs ${w.length / 2} entries)`);
        }
      });
      for (const t of want.keys()) if (!g.shards[fnv1a(t) % g.nshards]?.[t]) note(`${g.dir}: token "${t}" (${want.get(t).length / 2} entries) is missing from t/${fnv1a(t) % g.nshards}.json`);
    }
    if (diffs > 12) out.push(`… ${diffs - 12} more postings differ`);
    return out;
  });

  // ---- Browser set-up

  const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  server ??= await serve(dir, prefix);
  const url = new URL('search/', server.url).href;
  const indexURL = new URL('..', new URL(indexRel, server.url)).href; // search/: meta.json's folder and the groups'

  const browser = await launchBrowser();
  const errors = [];
  // A context whose HTML pages get the CSP (unless csp is false: routing every
  // request through Node would slow a timing down). A server given by --url
  // sends its own.
  async function newContext(opts = {}, watchErrors = true, csp = !values.url) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
    context.setDefaultTimeout(5000);
    if (csp) await context.route('**/*', async (route) => {
      // Node's keep-alive sockets can be reset under a burst of requests: retry.
      let res;
      for (let i = 0; !res; i++) {
        try {
          res = await route.fetch();
        } catch (err) {
          if (i === 2) return route.abort().catch(() => {});
        }
      }
      const headers = { ...res.headers() };
      if ((headers['content-type'] ?? '').startsWith('text/html')) headers['content-security-policy'] = CSP;
      await route.fulfill({ response: res, headers }).catch(() => {});
    });
    if (watchErrors) context.on('page', watch);
    return context;
  }
  function watch(p) {
    p.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location().url;
      if (where === new URL('/favicon.ico', server.url).href) return;
      errors.push(`console error: ${msg.text()}${where ? ` (${where})` : ''}`);
    });
    p.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  }
  const context = await newContext();
  await context.addInitScript({ content: axeSource });
  const page = await context.newPage();

  // The page as the reader sees it (DOM only).
  const state = (p = page) =>
    p.evaluate(() => {
      const out = document.getElementById('search-results');
      const more = document.querySelector('button.search-more');
      const shown = (e) => !!e && e.getClientRects().length > 0;
      const a = document.activeElement;
      return {
        status: document.getElementById('search-status')?.textContent ?? null,
        busy: out?.getAttribute('aria-busy') === 'true',
        search: location.search,
        controls: Object.fromEntries(['q', 'kind', 'doc', 'region', 'lead'].map((k) => [k, document.getElementById('search-form').elements[k]?.value ?? null])),
        more: shown(more),
        focus: a ? a.id || (a.tagName === 'A' && a.closest('#search-results') ? 'result' : a.tagName) : null,
        noscript: shown(document.getElementById('search-noscript')),
        results: [...(out?.querySelectorAll('li') ?? [])].map((li) => ({
          kind: li.querySelector('.search-kind')?.textContent ?? '',
          href: li.querySelector('a')?.getAttribute('href') ?? '',
          title: li.querySelector('a')?.textContent ?? '',
          group: li.closest('section')?.querySelector('h2')?.textContent ?? '',
          snippet: li.querySelector('.search-snippet')?.textContent ?? '',
          parts: [...(li.querySelector('.search-snippet')?.childNodes ?? [])].map((n) => [n.textContent, n.nodeName]),
        })),
      };
    });
  // Wait until the search under way (if any) is done.
  const settled = async (p = page) => {
    await p.waitForTimeout(20);
    await p.waitForFunction(() => {
      const o = document.getElementById('search-results');
      return o && o.getAttribute('aria-busy') !== 'true' && document.getElementById('search-status').textContent !== '';
    });
  };
  // Press "显示更多" until it goes; returns the state with every result.
  async function loadAll(p = page) {
    for (let i = 0; i < 500; i++) {
      const s = await state(p);
      if (!s.more) return s;
      await p.click('button.search-more');
      await settled(p);
    }
    throw new Error('"显示更多" is still there after 500 presses');
  }
  async function fresh(query = '', p = page) {
    const res = await p.goto(url + query, { waitUntil: 'load' });
    if (res.status() !== 200) throw new Error(`HTTP status ${res.status()} for ${url + query}`);
    if (query.includes('q=')) await settled(p);
  }
  async function typeQuery(q) {
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await settled();
    return state();
  }
  const statusFor = (q, n) => (n ? `找到 ${n} 条结果` : `没有找到与“${q.trim()}”相关的内容，请换个关键词试试。`);
  const keyOf = (r) => `${LABEL_KIND[r.kind] ?? r.kind}\t${r.href}\t${r.title}`;
  const name = (id) => `#${id} ${entries[id][0]} "${entries[id][5]}"`;

  // Compare the shown results (every page) with the expected ids.
  function compare(s, ids, q, label = '') {
    const out = [];
    const at = label ? `${label}: ` : '';
    const got = s.results.map(keyOf).sort();
    const want = ids.map((id) => key(entries[id])).sort();
    if (got.join('\n') !== want.join('\n')) {
      const extra = got.filter((k) => !want.includes(k));
      const missing = want.filter((k) => !got.includes(k));
      out.push(`${at}${got.length} results shown, expected ${want.length}`);
      if (extra.length) out.push(`${at}shown but not expected: ${list(extra.map((k) => k.replace(/\t/g, ' ')))}`);
      if (missing.length) out.push(`${at}expected but not shown: ${list(missing.map((k) => k.replace(/\t/g, ' ')))}`);
    }
    const st = statusFor(q, ids.length);
    if (s.status !== st) out.push(`${at}status "${s.status}", expected "${st}"`);
    const { terms } = queryTokens(q);
    for (const r of s.results) {
      const id = entryOf.get(keyOf(r));
      if (id === undefined) continue;
      const e = entries[id];
      const group = e[0] === 'department' || e[0] === 'indicator' ? KINDS[e[0]] : e[2];
      if (r.group !== group) out.push(`${at}${name(id)} is under "${r.group}", expected "${group}"`);
      out.push(...checkSnippet(r, terms).map((p) => `${at}${name(id)}: ${p}`));
    }
    return out;
  }

  // The snippet's <mark>s cover exactly the terms in it (but near its ends,
  // where a term may be cut); only text and <mark> nodes.
  function checkSnippet(r, terms) {
    const out = [];
    const bad = r.parts.filter(([, n]) => n !== '#text' && n !== 'MARK');
    if (bad.length) out.push(`snippet holds a <${bad[0][1]}>`);
    if (!r.parts.some(([, n]) => n === 'MARK')) return [...out, `no <mark> in the snippet "${r.snippet}"`];
    const text = normalise(r.parts.map(([t]) => t).join(''));
    const marked = [];
    for (const [t, n] of r.parts) for (let i = 0; i < t.length; i++) marked.push(n === 'MARK');
    const covered = marked.map(() => false);
    for (const t of terms) for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) covered.fill(true, i, i + t.length);
    const L = Math.max(...terms.map((t) => t.length)) - 1;
    for (let i = 0; i < text.length; i++) {
      const inner = i >= L + 1 && i < text.length - L - 1;
      if (inner && marked[i] !== covered[i]) {
        out.push(`snippet "${r.snippet}": "${text[i]}" at ${i} is ${marked[i] ? '' : 'not '}marked`);
        break;
      }
    }
    if (r.snippet.length > 84) out.push(`snippet of ${r.snippet.length} characters: "${r.snippet}"`);
    return out;
  }

  // ---- Queries through the form

  await fresh();
  const initial = await state();
  const queries = [
    '家庭医生', '医共体', '胸痛中心', '三明', '全科医生', '医保', '人均预期寿命', '癌', '2025', '２０２５',
    '家庭医生 签约', '疫苗', '公立医院', '中医', '基层', '两师两中心', '健康', '医疗卫生服务体系',
  ];
  const latin = [...new Set(words.flatMap((w) => [...w].filter((x) => /^[a-z]{2,}$/.test(x))))];
  const latinWord = latin.includes('hpv') ? 'hpv' : latin[0];
  if (latinWord) queries.push(latinWord, latinWord.toUpperCase());
  // A token in some entry's title but not its text (weight 1): the count must
  // leave that entry out.
  const titleOnly = groups.flatMap((g) => g.shards.flatMap((x) => Object.entries(x ?? {})))
    .filter(([t, l]) => [...t].length === 2 && isHan(t.codePointAt(0)) && l.some((w, i) => i % 2 && w === 1) && l.some((w, i) => i % 2 && w > 1))
    .map(([t]) => t).sort()[0];
  if (titleOnly) queries.push(titleOnly);
  else console.log('# no two-character token is in a title only');
  const NONE = '量子纠缠';
  queries.push(NONE);
  const shownSets = new Map();

  await check(`the page loads without a query: no results, status empty or "请输入关键词", noscript help hidden`, () => {
    const out = [];
    if (initial.results.length) out.push(`${initial.results.length} results`);
    if (initial.status && initial.status !== '请输入关键词') out.push(`status "${initial.status}"`);
    if (initial.noscript) out.push('#search-noscript is shown');
    if (initial.more) out.push('"显示更多" is shown');
    return out;
  });

  for (const q of queries) {
    await check(`query "${q}" through the form: every result page, grouping, snippets, status, focus`, async () => {
      const ids = expected(q);
      const out = [];
      if (q !== NONE && !ids.length) out.push(`the site has no entry with "${q}": pick another query`);
      if (q === NONE && ids.length) out.push(`the site has ${ids.length} entries with "${q}": pick another query`);
      const first = await typeQuery(q);
      if (first.focus !== 'q') out.push(`focus is on ${first.focus} after Enter, expected #q`);
      if (first.results.length !== Math.min(PAGE, ids.length)) out.push(`first page: ${first.results.length} results, expected ${Math.min(PAGE, ids.length)}`);
      if (first.more !== ids.length > PAGE) out.push(`first page: "显示更多" ${first.more ? 'shown' : 'hidden'} with ${ids.length} results`);
      const want = ids.slice(0, PAGE).map((id) => key(entries[id])).sort().join('\n');
      if (first.results.map(keyOf).sort().join('\n') !== want) out.push('first page: not the 10 best-ranked results');
      if (first.status !== statusFor(q, ids.length) && first.status !== `找到至少 ${first.results.length} 条结果`) out.push(`first page: status "${first.status}"`);
      const p = new URLSearchParams(first.search);
      if (p.get('q') !== q.trim() || [...p.keys()].length !== 1) out.push(`URL query "${first.search}", expected q=${q.trim()}`);
      const all = await loadAll();
      out.push(...compare(all, ids, q));
      // The page's own ranking, through the test hook.
      const hook = await page.evaluate((q) => window.__policysiteSearch(q), q);
      if (hook.join() !== ids.join()) {
        const set = new Set(ids);
        out.push(`__policysiteSearch: ${hook.length} ids, expected ${ids.length}` + (hook.length === ids.length && hook.every((id) => set.has(id)) ? ' (same ids, other order)' : ''));
        out.push(`  got      ${list(hook.slice(0, 10).map(String), 10)}`, `  expected ${list(ids.slice(0, 10).map(String), 10)}`);
      }
      shownSets.set(q, all.results.map(keyOf).sort().join('\n'));
      return out;
    });
  }

  await check('full-width digits and letter case give the same results (２０２５ = 2025, HPV = hpv)', () => {
    const out = [];
    const pairs = [['2025', '２０２５'], ...(latinWord ? [[latinWord, latinWord.toUpperCase()]] : [])];
    for (const [a, b] of pairs) {
      if (!shownSets.get(a)) out.push(`"${a}": no results`);
      else if (shownSets.get(a) !== shownSets.get(b)) out.push(`"${a}" and "${b}" show different results`);
    }
    if (!latinWord) console.log('# no Latin word in the text: letter case not checked');
    return out;
  });

  await check('an empty query says "请输入关键词" and clears the results', async () => {
    await typeQuery('医保');
    const s = await typeQuery('   ');
    const out = [];
    if (s.status !== '请输入关键词') out.push(`status "${s.status}"`);
    if (s.results.length) out.push(`${s.results.length} results shown`);
    if (s.more) out.push('"显示更多" is shown');
    return out;
  });

  // ---- Words split across a line break in the sources

  function pageBreakWords() {
    const out = [];
    const seeds = path.join(repo, 'tests', 'seeds');
    for (const f of fs.readdirSync(seeds).filter((f) => f.endsWith('.expect')).sort()) {
      const lines = fs.readFileSync(path.join(seeds, f), 'utf8').split('\n');
      const src = lines.find((l) => l.startsWith('# source:'))?.split(/\s+/)[2];
      const source = src && fs.existsSync(src) ? fs.readFileSync(src, 'utf8').split('\n').map((l) => l.replace(/\s+/g, '')) : null;
      lines.forEach((l, i) => {
        const m = /^# spans page break at source line (\d+)/.exec(l);
        const sentence = lines[i + 1]?.startsWith('sentence ') ? lines[i + 1].slice(9).replace(/\s+/g, '') : null;
        if (!m || !sentence) return;
        const s = [...sentence];
        let k = -1;
        // The break: a line near the one named ends with s[..k], a later one starts with s[k..].
        for (let n = +m[1] - 3; n <= +m[1] + 2 && k < 0 && source; n++) {
          const line = source[n - 1] ?? '';
          for (let j = 1; j < s.length && k < 0; j++) {
            const head = s.slice(Math.max(0, j - 8), j).join('');
            const tail = s.slice(j, j + 8).join('');
            if (line.endsWith(head) && (j >= 8 || line.length >= j) && source.slice(n, n + 60).some((x) => x.startsWith(tail))) k = j;
          }
        }
        let word = null;
        if (k > 0) {
          // A Han window of 2–4 characters across the break.
          let a = k, b = k;
          while (a > 0 && a > k - 2 && isHan(s[a - 1].codePointAt(0))) a--;
          while (b < s.length && b < k + 2 && isHan(s[b].codePointAt(0))) b++;
          // At punctuation: the text around it, a query of two terms.
          word = a < k && b > k ? s.slice(a, b).join('') : s.slice(Math.max(0, k - 3), k + 3).join('');
          if (queryTokens(word).terms.length === 0) word = null;
        }
        const where = `${f}:${i + 1}`;
        if (word) out.push({ word, sentence, where, how: `across the break after "${s.slice(0, k).join('').slice(-6)}"` });
        else {
          // Break not found (or at punctuation): words from the sentence.
          const han = runs(sentence).filter((r) => r.han && [...r.text].length >= 2);
          for (const r of han.slice(0, 2)) out.push({ word: [...r.text].slice(0, 4).join(''), sentence, where, how: 'from the sentence' });
        }
      });
    }
    return out;
  }
  const breaks = pageBreakWords();
  await check(`words across the page breaks of tests/seeds/*.expect are found (${breaks.length} words)`, async () => {
    const out = [];
    if (!breaks.length) return ['no "# spans page break" sentences in tests/seeds/*.expect'];
    await fresh();
    for (const b of breaks) {
      const ids = expected(b.word);
      const whole = ids.filter((id) => norm[id].replace(/\s+/g, '').includes(normalise(b.sentence)));
      if (!whole.length) out.push(`"${b.word}" (${b.where}, ${b.how}): no result holds the whole sentence "${b.sentence.slice(0, 30)}…"`);
      const s = await typeQuery(b.word);
      const all = s.more ? await loadAll() : s;
      out.push(...compare(all, ids, b.word, `"${b.word}" (${b.where})`));
    }
    console.log(`# page-break words: ${breaks.map((b) => b.word).join(' ')}`);
    return out;
  });

  // ---- Filters, the URL, reload and the back button

  const option = (id) => page.evaluate((id) => [...document.querySelectorAll(`#${id} option`)].map((o) => o.value).filter(Boolean), id);
  let W = ['医保', '健康', '医疗', '医'].find((w) => {
    const ids = expected(w);
    return ids.some((id) => entries[id][0] === 'task' && entries[id][4]) && new Set(ids.map((id) => entries[id][1])).size > 1;
  });
  const filterCase = async (k, control, value, label) => {
    const f = { [k]: value };
    const ids = expected(W, f);
    const out = [];
    if (!ids.length) return [`no result of "${W}" with ${k}=${value}`];
    if (ids.length === expected(W).length) out.push(`(${k}=${value} drops no result of "${W}": a weak case)`);
    await fresh('?q=' + encodeURIComponent(W));
    await page.selectOption(control, value);
    await settled();
    const s = await loadAll();
    out.push(...compare(s, ids, W, `${k}=${value}`));
    for (const r of s.results) {
      const id = entryOf.get(keyOf(r));
      if (id === undefined) continue;
      const e = entries[id];
      if (e[[0, 1, 3, 4][['kind', 'doc', 'region', 'lead'].indexOf(k)]] !== value) out.push(`${name(id)} does not have ${k} ${value}`);
    }
    const p = Object.fromEntries(new URLSearchParams(s.search));
    if (p.q !== W || p[k] !== value || Object.keys(p).length !== 2) out.push(`URL query "${s.search}", expected q=${W}&${k}=${value}`);
    // Reload: the same results.
    await page.reload({ waitUntil: 'load' });
    await settled();
    const r = await loadAll();
    if (r.controls[k] !== value || r.controls.q !== W) out.push(`after reload: q "${r.controls.q}", ${k} "${r.controls[k]}"`);
    out.push(...compare(r, ids, W, `after reload`));
    // Back: the query without the filter.
    await page.goBack();
    await settled();
    const b = await loadAll();
    if (b.controls[k] !== '' || b.controls.q !== W) out.push(`after back: q "${b.controls.q}", ${k} "${b.controls[k]}"`);
    out.push(...compare(b, expected(W), W, 'after back'));
    console.log(`# filter ${k}=${value}: ${ids.length} of ${expected(W).length} results of "${W}"${label ? ` (${label})` : ''}`);
    return out;
  };
  if (!W) report('filters', ['no query with tasks with a lead in two documents']);
  else {
    const all = expected(W);
    const most = (field, opts) => opts.map((v) => [v, all.filter((id) => entries[id][field] === v).length]).filter(([, n]) => n && n < all.length).sort((a, b) => b[1] - a[1])[0]?.[0];
    await check(`filter kind=task shows only the tasks, in the URL, on reload and back`, () => filterCase('kind', '#f-kind', 'task'));
    const doc = most(1, await option('f-doc'));
    await check(`filter doc=${doc} shows only that document`, () => (doc ? filterCase('doc', '#f-doc', doc) : ['no document option narrows the results']));
    const region = most(3, await option('f-region'));
    await check(`filter region=${region} shows only that region`, () => (region ? filterCase('region', '#f-region', region) : ['no region option narrows the results']));
    const lead = most(4, await option('f-lead'));
    await check(`filter lead=${lead} shows only tasks with that lead`, () => (lead ? filterCase('lead', '#f-lead', lead) : ['no lead option narrows the results']));
    await check('two filters and a query loaded from the URL', async () => {
      const f = { kind: 'section', doc };
      await fresh(`?q=${encodeURIComponent(W)}&kind=section&doc=${encodeURIComponent(doc)}`);
      const s = await loadAll();
      const out = compare(s, expected(W, f), W, JSON.stringify(f));
      if (s.controls.kind !== 'section' || s.controls.doc !== doc) out.push(`controls ${JSON.stringify(s.controls)}`);
      return out;
    });
    await check('unknown filter values in the URL are ignored', async () => {
      await fresh(`?q=${encodeURIComponent(W)}&kind=nonsense&lead=nobody`);
      const s = await loadAll();
      const out = compare(s, expected(W), W);
      if (s.controls.kind || s.controls.lead) out.push(`controls ${JSON.stringify(s.controls)}`);
      return out;
    });
  }

  await check('the back button returns to the previous query', async () => {
    await fresh();
    await typeQuery('医共体');
    await typeQuery('胸痛中心');
    await page.goBack();
    await settled();
    const s = await loadAll();
    const out = compare(s, expected('医共体'), '医共体', 'back');
    if (s.controls.q !== '医共体') out.push(`#q is "${s.controls.q}" after back`);
    await page.goForward();
    await settled();
    const t = await loadAll();
    out.push(...compare(t, expected('胸痛中心'), '胸痛中心', 'forward'));
    return out;
  });

  // ---- Keyboard

  await check('keyboard only: Enter searches with the focus in #q; Tab reaches "显示更多", Enter on it moves the focus to the new results; a fragment link keeps them', async () => {
    const q = queries.find((x) => expected(x).length > PAGE);
    if (!q) return ['no query has more than one page of results'];
    await fresh();
    await page.focus('#q');
    await page.keyboard.type(q);
    await page.keyboard.press('Enter');
    await settled();
    const out = [];
    let s = await state();
    if (s.focus !== 'q') out.push(`focus on ${s.focus} after Enter`);
    let tabs = 0;
    for (; tabs < 400; tabs++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('search-more'))) break;
    }
    if (tabs === 400) return [...out, '"显示更多" not reached with Tab'];
    await page.keyboard.press('Enter');
    await settled();
    s = await state();
    if (s.results.length !== Math.min(2 * PAGE, expected(q).length)) out.push(`${s.results.length} results after "显示更多", expected ${Math.min(2 * PAGE, expected(q).length)}`);
    if (s.focus !== 'result') out.push(`focus on ${s.focus} after "显示更多", expected a new result link`);
    // A link to a fragment (the skip link) is a popstate too: no new search.
    await page.evaluate(() => (location.hash = 'main'));
    await page.waitForTimeout(200);
    const t = await state();
    if (t.results.length !== s.results.length) out.push(`${t.results.length} results after going to #main, ${s.results.length} before`);
    return out;
  });

  // ---- Recall

  await check('recall of 200 random two-character Han words is 100% (10 through the form, the rest through __policysiteSearch)', async () => {
    let seed = 20240422;
    const rand = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pairs = norm.map((t) => {
      const c = [...t];
      const out = [];
      for (let i = 1; i < c.length; i++) if (isHan(c[i - 1].codePointAt(0)) && isHan(c[i].codePointAt(0))) out.push(c[i - 1] + c[i]);
      return out;
    });
    const pool = pairs.map((p, id) => id).filter((id) => pairs[id].length);
    const sample = [];
    while (sample.length < 200) {
      const id = pool[Math.floor(rand() * pool.length)];
      sample.push(pairs[id][Math.floor(rand() * pairs[id].length)]);
    }
    const out = [];
    let want = 0, found = 0;
    await fresh();
    for (const [i, w] of sample.entries()) {
      const ids = byText(w);
      want += ids.length;
      let got;
      if (i < 10) {
        await typeQuery(w);
        const s = await loadAll();
        got = s.results.map((r) => entryOf.get(keyOf(r)));
        const st = statusFor(w, ids.length);
        if (s.status !== st) out.push(`"${w}": status "${s.status}", expected "${st}"`);
      } else got = await page.evaluate((w) => window.__policysiteSearch(w), w);
      const set = new Set(got);
      const missing = ids.filter((id) => !set.has(id));
      found += ids.length - missing.length;
      if (missing.length) out.push(`"${w}": ${missing.length} of ${ids.length} entries missing: ${list(missing.map(name), 3)}`);
      const extra = got.filter((id) => !ids.includes(id));
      if (extra.length) out.push(`"${w}": ${extra.length} results without it: ${list(extra.map(String), 3)}`);
    }
    console.log(`# recall: ${found} of ${want} (${((100 * found) / want).toFixed(2)}%) over 200 words`);
    return out;
  });

  // ---- axe-core on results

  await check('the results pass axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa)', async () => {
    const q = queries.find((x) => expected(x).length > PAGE) ?? '医保';
    await fresh('?q=' + encodeURIComponent(q) + '&kind=');
    const out = [];
    for (const step of ['first page', 'after "显示更多"']) {
      if (step !== 'first page') {
        await page.click('button.search-more');
        await settled();
      }
      const v = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations), TAGS);
      for (const x of v) out.push(`${step}: ${x.id} (${x.impact}): ${x.help} [${x.nodes.length}]: ${x.nodes[0]?.target.join(' ')}`);
    }
    await typeQuery(NONE);
    const v = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations), TAGS);
    for (const x of v) out.push(`no result: ${x.id} (${x.impact}): ${x.help}`);
    return out;
  });

  // ---- A failed fetch

  await check('a failed fetch of the index is told in the status, not thrown', async () => {
    const c = await newContext({}, false);
    const pageErrors = [];
    try {
      await c.route(/\/search\/(?:[^/]+\/)?t\/\d+\.json\.gz$/, (route) => route.fulfill({ status: 500, body: 'no' }));
      const p = await c.newPage();
      p.on('pageerror', (err) => pageErrors.push(err.message));
      await fresh('?q=' + encodeURIComponent('医保'), p);
      const s = await state(p);
      const out = pageErrors.map((e) => `page error: ${e}`);
      if (!/出错/.test(s.status)) out.push(`status "${s.status}"`);
      if (s.results.length) out.push(`${s.results.length} results`);
      return out;
    } finally {
      await c.close();
    }
  });

  // ---- Browsers without DecompressionStream

  await check('without DecompressionStream (older browsers) the script unpacks the index itself: the same results', async () => {
    const c = await newContext({}, false);
    const pageErrors = [];
    try {
      await c.addInitScript(() => { delete window.DecompressionStream; });
      const p = await c.newPage();
      p.on('pageerror', (err) => pageErrors.push(err.message));
      const out = [];
      for (const q of [values['first-word'], '家庭医生签约', '医保']) {
        await fresh('?q=' + encodeURIComponent(q), p);
        const got = await p.evaluate((q) => window.__policysiteSearch(q), q);
        const want = expected(q);
        if (!want.length) out.push(`"${q}": no expected results to compare`);
        if (got.join() !== want.join()) out.push(`"${q}": [${got.slice(0, 8)}] (${got.length}), expected [${want.slice(0, 8)}] (${want.length})`);
      }
      if (!(await p.evaluate(() => typeof DecompressionStream === 'undefined'))) out.push('DecompressionStream was not removed');
      return out.concat(pageErrors.map((e) => `page error: ${e}`));
    } finally {
      await c.close();
    }
  });

  // ---- Without JavaScript

  await check('without JavaScript the noscript help shows, with working links', async () => {
    const c = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await c.newPage();
      await p.goto(url + '?q=' + encodeURIComponent('医保'), { waitUntil: 'load' });
      const s = await state(p);
      const links = await p.evaluate(() => [...document.querySelectorAll('#search-noscript a')].map((a) => a.href));
      const out = [];
      if (!s.noscript) out.push('#search-noscript is hidden');
      if (s.results.length) out.push(`${s.results.length} results`);
      const docs = new Set(entries.filter((e) => e[0] === 'section').map((e) => e[1]));
      if (links.length < docs.size + 1) out.push(`${links.length} links, expected at least ${docs.size + 1} (the task table and every document)`);
      for (const l of [...new Set(links.map((h) => h.replace(/#.*/, '')))]) {
        const r = await c.request.get(l);
        if (r.status() !== 200) out.push(`${l}: HTTP ${r.status()}`);
      }
      // The form still works: a plain GET keeps the query.
      if (!(await p.evaluate(() => document.getElementById('search-form')?.getClientRects().length > 0))) out.push('#search-form is hidden');
      if (s.controls.q !== '') out.push(`#q is "${s.controls.q}" (no script to fill it)`);
      return out;
    } finally {
      await c.close();
    }
  });

  // ---- Bytes and time of a first query

  await check(`the first query of a two-character word ("${values['first-word']}") fetches at most ${MAX_BYTES} bytes of the index`, async () => {
    const c = await newContext({}, true, false);
    try {
      const p = await c.newPage();
      const sizes = [];
      p.on('response', (r) => {
        if (r.url().startsWith(indexURL) && /\.json(\.gz)?$/.test(r.url())) sizes.push(r.body().then((b) => [r.url().slice(indexURL.length), b.length]));
      });
      await fresh('', p);
      await p.fill('#q', values['first-word']);
      await p.evaluate(() => {
        const out = document.getElementById('search-results');
        window.__firstQuery = new Promise((resolve) => {
          document.addEventListener('submit', () => {
            const t0 = performance.now();
            const mo = new MutationObserver(() => {
              if (out.getAttribute('aria-busy') !== 'true' && out.children.length) {
                mo.disconnect();
                resolve(performance.now() - t0);
              }
            });
            mo.observe(out, { attributes: true, childList: true });
          }, { capture: true, once: true });
        });
      });
      await p.press('#q', 'Enter');
      const ms = await p.evaluate(() => window.__firstQuery);
      await settled(p);
      const files = await Promise.all(sizes);
      const bytes = files.reduce((n, [, b]) => n + b, 0);
      console.log(`# first query: ${bytes} bytes: ${files.map(([f, b]) => `${f} ${b}`).join(', ')}`);
      console.log(`# time to first results: ${ms.toFixed(0)} ms`);
      const out = [];
      if (!files.some(([f]) => f.endsWith('/meta.json'))) out.push('meta.json was not fetched');
      const shardsFetched = files.filter(([f]) => /\/t\/\d+\.json\.gz$/.test(f)).length;
      if (shardsFetched !== groups.length) out.push(`${shardsFetched} shards fetched, expected 1 of each of ${groups.length} group${groups.length === 1 ? '' : 's'}`);
      if (bytes > MAX_BYTES) out.push(`${bytes} bytes`);
      const ids = expected(values['first-word']);
      const need = new Set(ids.slice(0, PAGE).map(chunkOf));
      const chunks = files.filter(([f]) => /\/e\/\d+\.json\.gz$/.test(f)).length;
      if (chunks > need.size) out.push(`${chunks} chunks fetched, the results shown need ${need.size}`);
      return out;
    } finally {
      await c.close();
    }
  });
  // The same figure for other two-character words, for the record.
  for (const w of ['胸痛', '医保', '签约', '癌症', '健康'].filter((w) => w !== values['first-word'])) {
    const ids = expected(w).slice(0, PAGE);
    const chunks = [...new Set(ids.map(chunkOf))];
    const size = (rel) => fs.statSync(path.join(idx, '..', rel)).size;
    const bytes = fs.statSync(path.join(idx, 'meta.json')).size +
      groups.reduce((n, g) => n + size(`${g.dir}/t/${fnv1a(w) % g.nshards}.json.gz`), 0) +
      chunks.reduce((n, c) => n + size(c), 0);
    console.log(`# first query "${w}" would fetch ${bytes} bytes (${expected(w).length} results, ${chunks.length} chunks for the first ${ids.length})`);
  }

  report(`no console errors or page errors (CSP ${values.url ? 'of the server' : CSP})`, errors.slice(0, 10));

  await browser.close();
  await server.close();
  console.log(`search: ${failed ? `${failed} check${failed === 1 ? '' : 's'} failed` : 'all checks passed'}`);
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1] ?? '.')).href) await main();
