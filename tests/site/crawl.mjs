// Usage: node tests/site/crawl.mjs BASE_URL SITE_DIR
//
// Link check over HTTP against a running server (tests/site/nginx.sh runs it
// against nginx with deploy/nginx.conf). Starts at BASE_URL (which ends in the
// site's prefix, e.g. http://127.0.0.1:8080/policy/) and robots.txt, and fetches
// everything reachable through internal links: href, src, action and srcset in
// HTML, url() in CSS, <loc> and href in XML (sitemap, feed), Sitemap: in
// robots.txt, the search index named by <meta name="search-index"> (meta.json,
// every shard and entry chunk) and the entries' URLs. Links to the public base
// URL (the home page's canonical link, e.g. https://example.org/policy/) count
// as internal. SITE_DIR is the folder being served, for the list of pages.
//
// One line per kind of check, the failures indented by 4 spaces:
//   ok - crawl: every internal link answers 200
//   ok - crawl: no internal link needs a redirect
//   ok - crawl: every #fragment is an id in its page
//   ok - crawl: every .html file of the site is reached (but 404.html)
//   ok - crawl: same-host links stay under the prefix
// Exit 0 if all pass, 1 if not, 2 on misuse.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const IN_FLIGHT = 3;
const MAX_SHOWN = 25; // failures listed per check
const MAX_REDIRECTS = 5;

// ---- Reading links out of files

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function unescapeHTML(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const c = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(c);
  });
}

// The tags of an HTML text, each as { name, attrs: Map }. Comments, and the
// text of script and style elements, are skipped.
function tags(html) {
  const out = [];
  html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
  const tagRe = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of html.matchAll(tagRe)) {
    const attrs = new Map();
    for (const a of m[2].matchAll(attrRe)) {
      const name = a[1].toLowerCase();
      if (!attrs.has(name)) attrs.set(name, unescapeHTML(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

// Links and ids of an HTML page; the search index folder if the page names one.
function readHTML(text) {
  const links = [];
  const ids = new Set();
  let index = null, canonical = null;
  for (const t of tags(text)) {
    for (const a of ['href', 'src', 'action', 'xlink:href', 'poster']) {
      if (t.attrs.has(a)) links.push(t.attrs.get(a));
    }
    if (t.attrs.has('srcset')) {
      for (const c of t.attrs.get('srcset').split(',')) if (c.trim()) links.push(c.trim().split(/\s+/)[0]);
    }
    if (t.attrs.has('id')) ids.add(t.attrs.get('id'));
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name'));
    if (t.name === 'meta' && t.attrs.get('name') === 'search-index') index = t.attrs.get('content');
    if (t.name === 'link' && t.attrs.get('rel') === 'canonical') canonical = t.attrs.get('href');
  }
  return { links, ids, index, canonical };
}

const readCSS = (text) => [...text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
const readXML = (text) => [
  ...[...text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => unescapeHTML(m[1])),
  ...[...text.matchAll(/\shref="([^"]*)"/g)].map((m) => unescapeHTML(m[1])),
];
const readRobots = (text) => [...text.matchAll(/^sitemap:\s*(\S+)/gim)].map((m) => m[1]);

// ---- The crawl

function usage() {
  console.error('usage: node tests/site/crawl.mjs BASE_URL SITE_DIR');
  process.exit(2);
}

async function main() {
  const [baseArg, dir] = process.argv.slice(2);
  if (process.argv.length !== 4 || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage();
  let base;
  try {
    base = new URL(baseArg.endsWith('/') ? baseArg : baseArg + '/');
  } catch {
    usage();
  }
  const prefix = base.pathname;
  let publicBase = null; // from the home page's canonical link

  const found = new Map(); // URL without fragment -> { from: [pages], fragments: Map(fragment -> [pages]) }
  const fetched = new Map(); // URL -> { status, type, ids, location }
  const problems = { status: [], redirect: [], fragment: [], unreached: [], outside: [] };
  const queue = [];
  let external = 0;

  // Links to the public URL are links to the server under test.
  const toLocal = (u) => (publicBase && u.href.startsWith(publicBase) ? new URL(u.href.slice(publicBase.length), base) : u);
  const short = (u) => (u.startsWith(base.origin) ? u.slice(base.origin.length) : u);

  function add(raw, from) {
    if (/^\s*(mailto|tel|javascript|data):/i.test(raw)) return;
    let u;
    try {
      u = toLocal(new URL(raw, from));
    } catch {
      return problems.status.push(`${raw}: not a URL (in ${short(from)})`);
    }
    if (u.origin !== base.origin) return void external++;
    const frag = u.hash ? u.hash.slice(1) : '';
    u.hash = '';
    if (!u.pathname.startsWith(prefix)) {
      problems.outside.push(`${short(u.href)} (in ${short(from)})`);
      return;
    }
    let f = found.get(u.href);
    if (!f) {
      f = { from: [], fragments: new Map() };
      found.set(u.href, f);
      queue.push(u.href);
    }
    if (f.from.length < 2 && !f.from.includes(from)) f.from.push(from);
    if (frag && frag !== 'top') {
      if (!f.fragments.has(frag)) f.fragments.set(frag, []);
      const list = f.fragments.get(frag);
      if (list.length < 2 && !list.includes(from)) list.push(from);
    }
  }

  // The search index: meta.json, then every shard and entry chunk it implies,
  // and each entry's URL.
  const indexes = new Set();
  const groupBase = new Map(); // a group's folder -> the base of its entries' URLs
  function addIndex(folder, from) {
    const u = toLocal(new URL(folder, from));
    if (indexes.has(u.href)) return;
    indexes.add(u.href);
    add(new URL('meta.json', u).href, from);
  }

  async function get(url) {
    let res;
    for (let i = 0; ; i++) {
      try {
        res = await fetch(url, { redirect: 'manual' });
        break;
      } catch (err) {
        if (i === 2) throw err;
      }
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type, location: res.headers.get('location'), text: body.toString('utf8'), body };
  }

  async function visit(url) {
    const from = found.get(url).from;
    const where = `(in ${from.map(short).join(', ')}${from.length > 1 ? ', …' : ''})`;
    let r;
    try {
      r = await get(url);
    } catch (err) {
      fetched.set(url, { status: 0 });
      return problems.status.push(`${short(url)}: ${err.message} ${where}`);
    }
    const rec = { status: r.status, type: r.type };
    fetched.set(url, rec);
    if (r.status >= 300 && r.status < 400 && r.location) {
      const to = new URL(r.location, url);
      problems.redirect.push(`${short(url)} -> ${r.status} ${r.location} ${where}`);
      rec.redirect = to.href;
      add(to.href, url);
      return;
    }
    if (r.status !== 200) return problems.status.push(`${short(url)}: HTTP ${r.status} ${where}`);
    if (r.type === 'text/html') {
      const h = readHTML(r.text);
      rec.ids = h.ids;
      if (url === base.href && h.canonical) publicBase = new URL(h.canonical, url).href;
      for (const l of h.links) add(l, url);
      if (h.index) addIndex(h.index, url);
    } else if (r.type === 'text/css') {
      for (const l of readCSS(r.text)) add(l, url);
    } else if (/[/+]xml$/.test(r.type)) {
      for (const l of readXML(r.text)) add(l, url);
    } else if (url.endsWith('/robots.txt')) {
      for (const l of readRobots(r.text)) add(l, url);
    } else if (url.endsWith('/meta.json') && [...indexes].some((i) => url === i + 'meta.json')) {
      // Each group's folder is a sibling of meta.json's (docs/search-index.md).
      const meta = JSON.parse(r.text);
      const entryBase = new URL(meta.base, url).href;
      for (const g of meta.groups ?? []) {
        const folder = new URL(`../${g.dir}/`, url).href;
        groupBase.set(folder, entryBase);
        for (let n = 0; n < g.shards; n++) add(`${folder}t/${n}.json.gz`, url);
        for (let k = 0; k * g.chunk < g.entries; k++) add(`${folder}e/${k}.json.gz`, url);
      }
    } else if (/\/e\/\d+\.json\.gz$/.test(url)) {
      const entryBase = groupBase.get(url.replace(/e\/\d+\.json\.gz$/, ''));
      for (const e of JSON.parse(gunzipSync(r.body).toString('utf8'))) add(e[6], entryBase ?? base.href);
    }
  }

  // The home page first (it names the public base URL), then IN_FLIGHT at a time.
  found.set(base.href, { from: [], fragments: new Map() });
  const started = Date.now();
  await visit(base.href);
  add('robots.txt', base.href);
  await new Promise((resolve) => {
    let running = 0;
    const pump = () => {
      while (running < IN_FLIGHT && queue.length) {
        running++;
        visit(queue.shift()).finally(() => {
          running--;
          pump();
        });
      }
      if (!running && !queue.length) resolve();
    };
    pump();
  });

  // Fragments, checked against the page each URL ends at.
  const final = (url) => {
    for (let i = 0; i < MAX_REDIRECTS && fetched.get(url)?.redirect; i++) url = fetched.get(url).redirect.replace(/#.*/, '');
    return fetched.get(url);
  };
  let fragments = 0;
  for (const [url, f] of found) {
    const page = final(url);
    for (const [frag, from] of f.fragments) {
      fragments++;
      if (!page || page.status !== 200) continue; // already reported
      let id;
      try {
        id = decodeURIComponent(frag);
      } catch {
        id = frag;
      }
      const where = `(in ${from.map(short).join(', ')})`;
      if (!page.ids) problems.fragment.push(`${short(url)}#${frag}: not an HTML page ${where}`);
      else if (!page.ids.has(id)) problems.fragment.push(`${short(url)}#${id}: no such id ${where}`);
    }
  }

  // Every page of the folder was reached.
  const reached = new Set();
  for (const [url, r] of fetched) {
    if (r.status !== 200 || r.type !== 'text/html') continue;
    let rel = decodeURIComponent(new URL(url).pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    reached.add(rel);
  }
  const pages = fs
    .readdirSync(dir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .sort();
  for (const p of pages) if (!reached.has(p)) problems.unreached.push(p);

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`# crawl: ${fetched.size} URLs (${reached.size} pages), ${fragments} fragments, ${external} external links not followed, ${secs} s`);
  const checks = [
    ['every internal link answers 200', problems.status],
    ['no internal link needs a redirect', problems.redirect],
    ['every #fragment is an id in its page', problems.fragment],
    ['every .html file of the site is reached (but 404.html)', problems.unreached],
    [`same-host links stay under ${prefix}`, problems.outside],
  ];
  let failed = 0;
  for (const [name, list] of checks) {
    if (list.length) failed++;
    console.log(`${list.length ? 'not ok' : 'ok'} - crawl: ${name}`);
    for (const p of list.slice(0, MAX_SHOWN)) console.log(`    ${p}`);
    if (list.length > MAX_SHOWN) console.log(`    … ${list.length - MAX_SHOWN} more`);
  }
  process.exit(failed ? 1 : 0);
}

await main();
