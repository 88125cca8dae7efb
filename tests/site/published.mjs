// Usage: node tests/site/published.mjs SITE_DIR
//
// What a web server relies on in the built site: every text file of 1 KB or
// more has .gz and .br copies that decompress to its exact bytes (and no
// other file has them); assets and the search index carry content-hashed
// names that match their bytes and are what every page references; every
// page has the Content-Security-Policy <meta> and Open Graph tags; and the
// /data/ page lists every download with its true size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2];
let failed = 0;
const check = (name, problems) => {
  console.log(`${problems.length ? 'not ok' : 'ok'} - published: ${name}`);
  if (problems.length) failed++;
  for (const p of problems.slice(0, 10)) console.log(`    ${p}`);
  if (problems.length > 10) console.log(`    … ${problems.length - 10} more`);
};
const files = fs.readdirSync(dir, { recursive: true })
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => fs.statSync(path.join(dir, f)).isFile())
  .sort();
const have = new Set(files);
const read = (f) => fs.readFileSync(path.join(dir, f));
const TEXT = /\.(html|css|js|json|xml|svg|csv|ics|txt)$/;
const pages = files.filter((f) => f.endsWith('.html'));

{
  const problems = [];
  for (const f of files.filter((f) => TEXT.test(f))) {
    const body = read(f);
    const big = body.length >= 1024;
    for (const [ext, unpack] of [['.gz', zlib.gunzipSync], ['.br', zlib.brotliDecompressSync]]) {
      if (!big) {
        if (have.has(f + ext)) problems.push(`${f}: ${body.length} bytes, yet has ${ext}`);
        continue;
      }
      if (!have.has(f + ext)) {
        problems.push(`${f}: ${body.length} bytes and no ${ext}`);
        continue;
      }
      const packed = read(f + ext);
      let plain;
      try {
        plain = unpack(packed);
      } catch (err) {
        problems.push(`${f}${ext}: ${err.message}`);
        continue;
      }
      if (!plain.equals(body)) problems.push(`${f}${ext}: does not decompress to ${f}`);
      if (packed.length >= body.length) problems.push(`${f}${ext}: ${packed.length} bytes, not smaller than ${body.length}`);
    }
  }
  // The search index's shards and chunks are gzip files of their own, which
  // assets/search.js unpacks: no plain file, and they must unpack to JSON.
  const indexFile = (f) => /^search\/[0-9a-f]{10}\/[te]\/\d+\.json\.gz$/.test(f);
  for (const f of files.filter((f) => /\.(gz|br)$/.test(f))) {
    if (!indexFile(f)) {
      if (!have.has(f.slice(0, -3))) problems.push(`${f}: no ${f.slice(0, -3)} beside it`);
      continue;
    }
    try {
      JSON.parse(zlib.gunzipSync(read(f)).toString('utf8'));
    } catch (err) {
      problems.push(`${f}: not gzip-compressed JSON (${err.message})`);
    }
    if (have.has(f.slice(0, -3)) || have.has(f + '.gz') || have.has(f + '.br')) problems.push(`${f}: has a plain or compressed copy beside it`);
  }
  check('text files of 1 KB or more have .gz and .br copies of exactly their bytes', problems);
}

{
  const problems = [];
  const assets = files.filter((f) => f.startsWith('assets/') && !/\.(gz|br)$/.test(f));
  if (!assets.length) problems.push('no files in assets/');
  for (const f of assets)
    if (!/\.[0-9a-f]{10}(\.[^./]+)?$/.test(f)) problems.push(`${f}: no content hash in the name`);
  // The same bytes under another tag would be a stale name.
  const tags = new Map();
  for (const f of assets) {
    const plain = f.replace(/\.[0-9a-f]{10}(?=(\.[^./]+)?$)/, '');
    if (tags.has(plain)) problems.push(`${f} and ${tags.get(plain)}: two versions of one asset`);
    tags.set(plain, f);
  }
  // search/ holds meta.json's folder and the groups' folders it names
  // (docs/search-index.md), each named by a 10-digit hash, and nothing else.
  const indexDirs = fs.readdirSync(path.join(dir, 'search')).filter((d) => fs.statSync(path.join(dir, 'search', d)).isDirectory()).sort();
  const metaDirs = indexDirs.filter((d) => have.has(`search/${d}/meta.json`));
  const groupDirs = metaDirs.length === 1 ? JSON.parse(read(`search/${metaDirs[0]}/meta.json`).toString('utf8')).groups.map((g) => g.dir) : [];
  const want = [...metaDirs, ...groupDirs].sort();
  if (metaDirs.length !== 1 || !indexDirs.every((d) => /^[0-9a-f]{10}$/.test(d)) || want.join() !== indexDirs.join())
    problems.push(`search/ holds folders ${indexDirs.join(', ') || '(none)'}, expected one of meta.json and those of the groups it names (${groupDirs.join(', ') || 'none'}), each named by a 10-digit hash`);
  const referenced = new Set();
  for (const p of pages) {
    const html = read(p).toString('utf8');
    for (const m of html.matchAll(/(?:href|src)="[^"]*?\/(assets\/[^"?#]+)"/g)) {
      referenced.add(m[1]);
      if (!have.has(m[1])) problems.push(`${p}: references ${m[1]}, which is not in the site`);
    }
    // Only the search page names the index: a change to the index then
    // changes no other page.
    const idx = /<meta name="search-index" content="[^"]*?\/(search\/[^"]*)"/.exec(html);
    if (p !== 'search/index.html') {
      if (idx) problems.push(`${p}: names the search index, which only the search page should`);
    } else if (!idx || !have.has(idx[1] + 'meta.json')) problems.push(`${p}: search-index ${idx ? idx[1] : '(missing)'} has no meta.json`);
  }
  for (const f of ['site', 'tasks', 'search'])
    if (![...referenced].some((r) => r.startsWith(`assets/${f}.`))) problems.push(`no page references assets/${f}.*`);
  check('assets and the search index have content-hashed names that the pages reference', problems);
}

{
  const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
  const problems = [];
  for (const p of pages) {
    const html = read(p).toString('utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    if (!csp) problems.push(`${p}: no Content-Security-Policy <meta>`);
    else if (csp[1].replace(/&#39;/g, "'") !== CSP) problems.push(`${p}: CSP "${csp[1]}"`);
    if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) problems.push(`${p}: an inline <script>`);
    if (/\son[a-z]+="/.test(html)) problems.push(`${p}: an inline event handler`);
    if (/\sstyle="/.test(html)) problems.push(`${p}: an inline style attribute`);
    const canonical = /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];
    for (const prop of ['og:type', 'og:title', 'og:url', 'og:site_name', 'og:locale']) {
      const v = new RegExp(`<meta property="${prop}" content="([^"]*)">`).exec(html)?.[1];
      if (!v) problems.push(`${p}: no ${prop}`);
      else if (prop === 'og:url' && v !== canonical) problems.push(`${p}: og:url ${v} is not the canonical ${canonical}`);
    }
    const type = /<meta property="og:type" content="([^"]*)">/.exec(html)?.[1];
    if (p.startsWith('policies/') && p !== 'policies/index.html' && type !== 'article') problems.push(`${p}: og:type ${type}, expected article`);
  }
  check('every page has the CSP <meta>, no inline script or style, and Open Graph tags', problems);
}

{
  const problems = [];
  const page = read('data/index.html').toString('utf8');
  const rows = [...page.matchAll(/<tr><td><a href="[^"]*?\/((?:data|departments|indicators)\/[^"]+|atom\.xml|sitemap\.xml)">[^<]*<\/a><\/td>(?:<td[^>]*>[^<]*<\/td>)*<td class="align-right">([^<]*)<\/td><\/tr>/g)];
  const listed = new Set(rows.map((r) => r[1]));
  const wanted = files.filter((f) => /^data\/[^/]+\.(json|csv)$|\.ics$|^indicators\/[^/]+\/data\.csv$|^(atom|sitemap)\.xml$/.test(f));
  for (const f of wanted) if (!listed.has(f)) problems.push(`${f}: not listed on /data/`);
  for (const [, f, size] of rows) {
    if (!have.has(f)) { problems.push(`/data/ lists ${f}, which is not in the site`); continue; }
    const n = read(f).length;
    const shown = n < 1024 ? `${n} 字节` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
    if (size !== shown) problems.push(`${f}: listed as ${size}, is ${shown}`);
  }
  check(`the /data/ page lists every download (${wanted.length}) with its size`, problems);
}

{
  // Dates come from the content: a page's lastmod is its document's
  // revision date; the feed is as new as its newest entry.
  const problems = [];
  const sitemap = read('sitemap.xml').toString('utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  const base = /<loc>([^<]*)<\/loc>/.exec(sitemap)?.[1] ?? '';
  const inSitemap = new Set(locs.map((l) => l.slice(base.length)));
  for (const l of locs) {
    const rel = l.slice(base.length);
    if (!l.startsWith(base) || !have.has(rel + 'index.html')) problems.push(`sitemap: ${l} is not a page of the site`);
  }
  for (const p of pages) {
    const rel = p.replace(/index\.html$/, '');
    if (p !== '404.html' && !p.startsWith('search/') && !inSitemap.has(rel)) problems.push(`sitemap: ${rel} is missing`);
  }
  const atom = read('atom.xml').toString('utf8');
  const updated = [...atom.matchAll(/<updated>([^<]*)<\/updated>/g)].map((m) => m[1]);
  const published = [...atom.matchAll(/<published>([^<]*)<\/published>/g)].map((m) => m[1]);
  if (updated.length !== published.length + 1) problems.push(`atom: ${updated.length} <updated> for ${published.length} entries`);
  const newest = updated.slice(1).sort().at(-1);
  if (updated[0] !== newest) problems.push(`atom: feed updated ${updated[0]}, newest entry ${newest}`);
  published.forEach((p, i) => { if (updated[i + 1] < p) problems.push(`atom: entry ${i} updated ${updated[i + 1]} before published ${p}`); });
  for (const d of [...updated, ...published]) if (!/T00:00:00Z$/.test(d)) problems.push(`atom: ${d} is not a content date`);
  check('the sitemap lists every page, and the feed\'s dates are the content\'s', problems);
}

process.exit(failed ? 1 : 0);
