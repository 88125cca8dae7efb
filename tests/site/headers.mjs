// Usage: node tests/site/headers.mjs BASE_URL SITE_DIR
//
// Response headers of a server hosting SITE_DIR at BASE_URL (tests/site/nginx.sh
// runs it against nginx with deploy/nginx.conf, BASE_URL ending in /policy/).
// For a sample of files (the home page, a policy page, a department calendar,
// the data downloads, sitemap, feed, robots.txt, the CSS and scripts the home
// page loads, the search index it names, one file of every other extension):
// status 200, Content-Type with charset=utf-8 for text, the security headers
// (and the pages' own <meta> policy agreeing with the header), Cache-Control
// (immutable for content-hashed assets and the search index folder, no-cache
// for the rest) and revalidation with the ETag. Then the
// precompressed files: with Accept-Encoding gzip or br, a file with X.gz or
// X.br beside it is sent as exactly those bytes, with Vary: Accept-Encoding.
// Then a missing page (404 with the site's 404.html), the directory redirect
// (relative Location) and paths that try to leave the site.
//
// Requests go through node:http, so bodies are not decoded and paths are sent
// as written. One `ok - headers: …` / `not ok - headers: …` line per check,
// problems indented by 4 spaces. Exit 0 if all pass, 1 if not, 2 on misuse.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const SECURITY = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
const COMPRESS_MIN = 1024; // the build compresses text files of this size or more
const HEX10 = '[0-9a-f]{10}';

// Content-Type by file: [allowed media types, charset] where charset is
// 'utf-8' (required) or null (optional, utf-8 if given).
function expectedType(rel) {
  if (path.posix.basename(rel) === 'atom.xml') return [['application/atom+xml'], null];
  const t = {
    '.html': [['text/html'], 'utf-8'],
    '.css': [['text/css'], 'utf-8'],
    '.js': [['text/javascript', 'application/javascript'], 'utf-8'],
    '.json': [['application/json'], null],
    '.svg': [['image/svg+xml'], null],
    '.xml': [['application/xml', 'text/xml'], null],
    '.csv': [['text/csv'], 'utf-8'],
    '.ics': [['text/calendar'], 'utf-8'],
    '.txt': [['text/plain'], 'utf-8'],
    '.png': [['image/png'], null],
    '.jpg': [['image/jpeg'], null],
    '.webp': [['image/webp'], null],
    '.woff2': [['font/woff2'], null],
    '.pdf': [['application/pdf'], null],
    '.gz': [['application/gzip'], null], // search index shards and chunks
  }[path.posix.extname(rel).toLowerCase()];
  return t ?? null;
}

// One request; the raw body (never decoded).
function request(base, urlPath, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path: urlPath, headers: { connection: 'close', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function usage() {
  console.error('usage: node tests/site/headers.mjs BASE_URL SITE_DIR');
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
  const prefix = base.pathname; // '/policy/'
  const file = (rel) => path.join(dir, rel);
  const exists = (rel) => fs.statSync(file(rel), { throwIfNoEntry: false })?.isFile() ?? false;
  const urlPath = (rel) => prefix + rel.split('/').map(encodeURIComponent).join('/');
  // The file behind a URL path of the site ('' and 'x/' are index pages).
  const relOf = (p) => {
    let rel = decodeURIComponent(p.slice(prefix.length));
    return rel === '' || rel.endsWith('/') ? rel + 'index.html' : rel;
  };

  let failed = 0;
  const report = (name, problems) => {
    if (problems.length) failed++;
    console.log(`${problems.length ? 'not ok' : 'ok'} - headers: ${name}`);
    for (const p of problems.slice(0, 30)) console.log(`    ${p}`);
    if (problems.length > 30) console.log(`    … ${problems.length - 30} more`);
  };
  const check = async (name, fn) => {
    let problems;
    try {
      problems = await fn();
    } catch (err) {
      problems = [`error: ${err.message}`];
    }
    report(name, problems);
  };
  const responses = []; // [url path, response]: every response, for the security headers
  const get = async (p, headers) => {
    const r = await request(base, p, headers);
    responses.push([p, r]);
    return r;
  };

  // ---- The sample, found from the files and the home page

  const all = fs
    .readdirSync(dir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => exists(f))
    .sort();
  const home = fs.readFileSync(file('index.html'), 'utf8');
  const attr = (re) => [...home.matchAll(re)].map((m) => m[1].replace(/&amp;/g, '&'));
  const assets = [
    ...attr(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g),
    ...attr(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="stylesheet"/g),
    ...attr(/<script\b[^>]*\bsrc="([^"]+)"/g),
  ].map((u) => new URL(u, base).pathname);
  // The home page may load no script: take the site's scripts from the files.
  for (const f of all.filter((f) => /^assets\/[^/]+\.js$/.test(f))) if (!assets.includes(urlPath(f))) assets.push(urlPath(f));
  // Only the search page names the index folder.
  const searchPage = fs.readFileSync(file('search/index.html'), 'utf8');
  const indexFolder = /<meta\b[^>]*\bname="search-index"[^>]*\bcontent="([^"]+)"/.exec(searchPage)?.[1];
  const indexMeta = indexFolder ? new URL('meta.json', new URL(indexFolder, base)).pathname : null;

  const sample = new Map(); // url path -> what it is
  const add = (p, what) => p && !sample.has(p) && sample.set(p, what);
  add(prefix, 'home page');
  add(urlPath(all.find((f) => /^policies\/[^/]+\/index\.html$/.test(f)) ?? 'policies/').replace(/index\.html$/, ''), 'a policy page');
  add(urlPath(all.find((f) => /^departments\/.+\.ics$/.test(f)) ?? 'departments/deadlines.ics'), 'a department calendar');
  for (const f of ['data/tasks.json', 'data/tasks.csv', 'sitemap.xml', 'atom.xml', 'robots.txt']) add(urlPath(f), f);
  if (exists('data/index.html')) add(urlPath('data/'), 'the data page');
  for (const a of assets) add(a, 'an asset the pages load');
  if (indexMeta) add(indexMeta, 'the search index');
  // A group's folder is a sibling of meta.json's (docs/search-index.md).
  const firstGroup = indexMeta && JSON.parse(fs.readFileSync(file(indexMeta.slice(prefix.length)), 'utf8')).groups[0]?.dir;
  if (firstGroup) add(new URL(`../${firstGroup}/t/0.json.gz`, new URL(indexFolder, base)).pathname, 'a search index shard (gzip itself)');
  // One file of every other extension.
  for (const f of all) {
    const ext = path.posix.extname(f);
    if (ext === '.gz' || ext === '.br' || f === '404.html') continue;
    if (![...sample.keys()].some((p) => path.posix.extname(relOf(p)) === ext)) add(urlPath(f), `a ${ext} file`);
  }

  const hashed = (p) => new RegExp(`^${prefix}assets/`).test(p) || new RegExp(`^${prefix}search/${HEX10}/`).test(p);
  const got = new Map(); // url path -> response without Accept-Encoding
  for (const p of sample.keys()) got.set(p, await get(p));

  // ---- Status and type

  for (const [p, what] of sample) {
    await check(`${p} (${what}): 200 and its Content-Type`, () => {
      const r = got.get(p);
      const out = [];
      if (r.status !== 200) return [`HTTP ${r.status}`];
      const rel = relOf(p);
      const want = expectedType(rel);
      const [type, ...params] = (r.headers['content-type'] ?? '').split(';').map((s) => s.trim());
      const charset = params.find((x) => /^charset=/i.test(x))?.slice(8).toLowerCase() ?? null;
      if (!want) out.push(`no expected type for ${rel}: add its extension to headers.mjs`);
      else {
        if (!want[0].includes(type)) out.push(`Content-Type "${r.headers['content-type']}", expected ${want[0].join(' or ')}`);
        if (want[1] && charset !== want[1]) out.push(`Content-Type "${r.headers['content-type']}" lacks charset=${want[1]}`);
        if (!want[1] && charset && charset !== 'utf-8') out.push(`Content-Type "${r.headers['content-type']}": charset is not utf-8`);
      }
      if (exists(rel) && !r.body.equals(fs.readFileSync(file(rel)))) out.push(`the body is not ${rel}`);
      return out;
    });
  }

  await check("HTML pages carry the header's policy, without frame-ancestors, in <meta http-equiv=\"Content-Security-Policy\">", () => {
    const out = [];
    const want = CSP.replace(/; frame-ancestors 'none'$/, '');
    for (const [p, r] of got) {
      if (r.status !== 200 || !(r.headers['content-type'] ?? '').startsWith('text/html')) continue;
      const m = /<meta\b[^>]*\bhttp-equiv="Content-Security-Policy"[^>]*\bcontent="([^"]*)"/i.exec(r.body.toString('utf8'));
      const meta = m?.[1].replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
      if (meta !== want) out.push(`${p}: ${meta === undefined ? 'no such <meta>' : `"${meta}"`}`);
    }
    return out;
  });

  // ---- Caching

  await check('the site is laid out for caching: assets/<name>.<10 hex>.css|js and search/<10 hex>/', () => {
    const out = [];
    for (const a of assets) if (!new RegExp(`^${prefix}assets/[^/]+\\.${HEX10}\\.(css|js)$`).test(a)) out.push(`${a} has no content hash in its name`);
    if (!assets.length) out.push('the home page loads no stylesheet or script');
    if (!indexFolder) out.push('the search page has no <meta name="search-index">');
    else if (!new RegExp(`^${prefix}search/${HEX10}/$`).test(new URL(indexFolder, base).pathname)) out.push(`search index folder ${indexFolder} is not search/<10 hex>/`);
    return out;
  });
  await check(`content-hashed assets and the search index folder: Cache-Control "${IMMUTABLE}"`, () => {
    const out = [];
    for (const p of sample.keys()) {
      if (!hashed(p)) continue;
      const cc = got.get(p).headers['cache-control'];
      if (cc !== IMMUTABLE) out.push(`${p}: Cache-Control "${cc}"`);
    }
    if (![...sample.keys()].some(hashed)) out.push('no sampled file is under assets/ or search/<hex>/');
    return out;
  });
  await check(`pages, data, feeds: Cache-Control "${NO_CACHE}" with ETag and Last-Modified; If-None-Match gives 304 with the same Cache-Control`, async () => {
    const out = [];
    for (const p of sample.keys()) {
      const r = got.get(p);
      const want = hashed(p) ? IMMUTABLE : NO_CACHE;
      if (!hashed(p) && r.headers['cache-control'] !== NO_CACHE) out.push(`${p}: Cache-Control "${r.headers['cache-control']}"`);
      if (!r.headers.etag || !r.headers['last-modified']) {
        out.push(`${p}: ETag "${r.headers.etag}", Last-Modified "${r.headers['last-modified']}"`);
        continue;
      }
      const again = await get(p, { 'if-none-match': r.headers.etag });
      if (again.status !== 304) out.push(`${p}: HTTP ${again.status} with If-None-Match ${r.headers.etag}`);
      else if (again.headers['cache-control'] !== want) out.push(`${p}: 304 with Cache-Control "${again.headers['cache-control']}"`);
    }
    return out;
  });

  // ---- Precompressed files

  const compressible = [...sample.keys()].filter((p) => {
    const rel = relOf(p);
    return exists(rel) && fs.statSync(file(rel)).size >= COMPRESS_MIN && /^(text\/|application\/(json|xml|atom\+xml|javascript)|image\/svg)/.test(got.get(p).headers['content-type'] ?? '');
  });
  await check(`sampled text files of ${COMPRESS_MIN} bytes or more have .gz and .br beside them`, () => {
    const out = [];
    for (const p of compressible) {
      for (const ext of ['.gz', '.br']) if (!exists(relOf(p) + ext)) out.push(`${relOf(p)}${ext} is missing`);
    }
    if (!compressible.length) out.push('no sampled text file of 1 KB or more');
    return out;
  });
  const decode = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync };
  for (const [enc, ext] of [['gzip', '.gz'], ['br', '.br']]) {
    await check(`Accept-Encoding: ${enc}: a file with ${ext} beside it (the file, compressed) is sent as those bytes, Content-Encoding: ${enc}, Vary: Accept-Encoding`, async () => {
      const out = [];
      let n = 0;
      for (const p of compressible) {
        const rel = relOf(p) + ext;
        if (!exists(rel)) continue;
        n++;
        let same = false;
        try {
          same = decode[enc](fs.readFileSync(file(rel))).equals(fs.readFileSync(file(relOf(p))));
        } catch {}
        if (!same) out.push(`${rel} does not decompress to ${relOf(p)}`);
        const r = await get(p, { 'accept-encoding': enc });
        if (r.status !== 200) out.push(`${p}: HTTP ${r.status}`);
        else if (r.headers['content-encoding'] !== enc) out.push(`${p}: Content-Encoding "${r.headers['content-encoding']}"`);
        else if (!r.body.equals(fs.readFileSync(file(rel)))) out.push(`${p}: the body is not ${rel}`);
        if (!/\baccept-encoding\b/i.test(r.headers.vary ?? '')) out.push(`${p}: Vary "${r.headers.vary}"`);
        const t0 = got.get(p).headers['content-type'];
        if (r.headers['content-type'] !== t0) out.push(`${p}: Content-Type "${r.headers['content-type']}", "${t0}" uncompressed`);
        if (r.headers.etag && r.headers.etag === got.get(p).headers.etag) out.push(`${p}: the same ETag as the uncompressed file`);
      }
      if (!n) out.push(`no sampled file has ${ext} beside it`);
      return out;
    });
  }
  await check('without Accept-Encoding a compressible file is sent as it is, with Vary: Accept-Encoding', () => {
    const out = [];
    for (const p of compressible) {
      const r = got.get(p);
      if (r.headers['content-encoding']) out.push(`${p}: Content-Encoding "${r.headers['content-encoding']}"`);
      if (exists(relOf(p) + '.gz') && !/\baccept-encoding\b/i.test(r.headers.vary ?? '')) out.push(`${p}: Vary "${r.headers.vary}"`);
    }
    return out;
  });

  // ---- Errors and redirects

  const notFound = fs.readFileSync(file('404.html'));
  await check("a missing page, file, asset or index file: 404 with the site's 404.html, no-cache", async () => {
    const out = [];
    const missing = [`${prefix}no-such-page/`, `${prefix}policies/no-such-policy/`, `${prefix}data/no-such.csv`, `${prefix}assets/site.0000000000.css`];
    if (indexFolder) missing.push(new URL('t/99999.json.gz', new URL(indexFolder, base)).pathname);
    for (const p of missing) {
      const r = await get(p);
      if (r.status !== 404) out.push(`${p}: HTTP ${r.status}`);
      if (!r.body.equals(notFound)) out.push(`${p}: the body is not 404.html`);
      if (!(r.headers['content-type'] ?? '').startsWith('text/html')) out.push(`${p}: Content-Type "${r.headers['content-type']}"`);
      if (r.headers['cache-control'] !== NO_CACHE) out.push(`${p}: Cache-Control "${r.headers['cache-control']}"`);
    }
    return out;
  });
  await check('errors and redirects under the immutable folders (the folders themselves, a folder without its slash) are no-cache', async () => {
    const out = [];
    const paths = [`${prefix}assets/`, `${prefix}assets`];
    if (indexFolder) {
      const folder = new URL(indexFolder, base).pathname;
      paths.push(folder, folder + 't', folder + 'e');
    }
    for (const p of paths) {
      const r = await get(p);
      if (r.status < 300) out.push(`${p}: HTTP ${r.status}`);
      if (r.headers['cache-control'] !== NO_CACHE) out.push(`${p}: HTTP ${r.status} with Cache-Control "${r.headers['cache-control']}"`);
    }
    return out;
  });
  await check(`directory URLs without the slash redirect with a relative Location (${prefix}tasks -> ${prefix}tasks/, ${prefix.slice(0, -1)} -> ${prefix}), keeping the query`, async () => {
    const out = [];
    const cases = [
      [`${prefix}tasks`, `${prefix}tasks/`],
      [`${prefix}tasks?status=overdue`, `${prefix}tasks/?status=overdue`],
      [prefix.slice(0, -1), prefix],
      [`${prefix.slice(0, -1)}?q=1`, `${prefix}?q=1`],
    ];
    for (const [from, to] of cases) {
      const r = await get(from);
      if (r.status !== 301) out.push(`${from}: HTTP ${r.status}, expected 301`);
      if (r.headers.location !== to) out.push(`${from}: Location "${r.headers.location}", expected "${to}"`);
      if (r.headers['cache-control'] !== NO_CACHE) out.push(`${from}: Cache-Control "${r.headers['cache-control']}"`);
    }
    return out;
  });
  await check('paths outside the prefix, or that climb out of it, serve no file (404 or 400)', async () => {
    const out = [];
    const up = prefix.slice(0, -1); // '/policy'
    const paths = [
      '/', '/index.html', '/etc/passwd', `${prefix}../etc/passwd`, `${prefix}../../../../etc/passwd`,
      `${prefix}%2e%2e/etc/passwd`, `${prefix}%2E%2E/%2E%2E/%2E%2E/etc/passwd`, `${prefix}..%2f..%2f..%2fetc%2fpasswd`,
      `${prefix}%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd`, `${up}../etc/passwd`, `${up}..%2f..%2fetc/passwd`,
      `${prefix}assets/../../etc/passwd`, `${prefix}./../index.html`, `${prefix}%2e%2e/index.html`,
      `${prefix}../nginx/nginx.conf`, `${prefix}%2e%2e/nginx/nginx.conf`, `${up}../nginx/nginx.conf`,
    ];
    for (const p of paths) {
      const r = await get(p);
      const body = r.body.toString('latin1');
      if (r.status !== 404 && r.status !== 400) out.push(`${p}: HTTP ${r.status}`);
      if (/root:.*:0:0:/.test(body) || /worker_processes/.test(body)) out.push(`${p}: serves a file from outside the site`);
      else if (r.status === 404 && !r.body.equals(notFound)) out.push(`${p}: 404 without the site's 404.html`);
      else if (r.status === 200 && r.body.equals(fs.readFileSync(file('index.html')))) out.push(`${p}: serves the home page`);
    }
    return out;
  });

  // ---- Every response

  await check('security headers (CSP, nosniff, Referrer-Policy, X-Frame-Options) on every response, errors and redirects too; no version in Server', () => {
    const out = [];
    for (const [p, r] of responses) {
      for (const [h, v] of Object.entries(SECURITY)) if (r.headers[h] !== v) out.push(`${p} (HTTP ${r.status}): ${h} "${r.headers[h] ?? '(none)'}"`);
      if (/\d/.test(r.headers.server ?? '')) out.push(`${p}: Server "${r.headers.server}"`);
    }
    console.log(`# ${responses.length} responses`);
    return out;
  });

  process.exit(failed ? 1 : 0);
}

await main();
