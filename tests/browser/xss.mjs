// Usage: node tests/browser/xss.mjs SITE_DIR [--raw-html]
//
// Hostile-content checks on a site built from tests/xss/content (known XSS
// payloads in every input channel; see tests/xss/run.sh). --raw-html: the site
// was built with allow_raw_html: true, so harmless raw HTML must survive.
//
// - Static: every .html file parsed by Chromium's HTML parser (DOMParser, no
//   script runs): no on* or style attribute, no <script> but the site's own
//   /assets/*.js, no iframe/object/embed/base/template/…, no meta http-equiv
//   but the CSP (which must be there, first in <head>, without 'unsafe-inline'),
//   no href/src/action/… starting with javascript:, data:, vbscript: or file:
//   once control characters, spaces, tabs and line breaks are dropped as a
//   browser drops them. Every inline SVG is well-formed XML (xmllint), and the
//   indicator names and units with <>&"' read back as the same text in the page,
//   in the SVG <title> and in its <text> (parsed as XML).
// - In the browser, twice: with the pages' CSP, and with the CSP bypassed (so
//   that escaping is tested without the CSP's safety net). An init script traps
//   alert/confirm/prompt/print and `window.__xss`; every page is loaded, the
//   live DOM audited as above (after parsing with scripting on: <noscript>
//   reads differently), links and controls focused and hovered, details
//   opened, any link to a non-http(s) URL clicked. Then no trap may have
//   fired, no dialog opened, no page error, no CSP violation, no navigation.
// - The task table filter and the search box get every payload typed in (and
//   in the URL query): the rows and results stay as built, results show the
//   payload as text, nothing runs.
//
// One `ok - xss: …` / `not ok - xss: …` line per check, details indented by 4
// spaces. Exit 0 if all pass, 1 if not, 2 on misuse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { serve } from './serve.mjs';
import { launchBrowser, htmlFiles, pageURL } from './axe.mjs';

const USAGE = 'usage: node tests/browser/xss.mjs SITE_DIR [--raw-html]';
const CONCURRENCY = 2;

// Typed into the task filter and the search box. Each calls the trap if it runs.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '&#106;avascript:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '" onmouseover="alert(1)',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  "{{constructor.constructor('alert(1)')()}}",
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="&#x6a;avascript:alert(1)">x</a>',
  '<div style="width:expression(alert(1))">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '--><script>alert(1)</script>',
  ']]><script>alert(1)</script>',
  'a\u2028b\u2029c',
  '\u202Etxt.exe',
  '\x01\x1f\x7f控制字符',
  'R&D <投入> "占比" \'A&B\'',
  '<' + 'A'.repeat(2000) + '>',
];

// Search queries that occur verbatim in an entry's title: the results must
// show them as text.
const VERBATIM = ['R&D <投入> "占比" \'A&B\'', '</title><script>alert(1)</script>', '目标<img src=x onerror=alert(1)>'];

// Indicators whose name and unit hold <>&"': the text a reader must see.
const INDICATORS = [
  { id: 'xss-rd', name: 'R&D <投入> "占比" \'A&B\'', unit: '<%>', texts: ['<%>', '≥2.5'] },
  { id: 'xss-title', name: '</title><script>alert(1)</script>', unit: '个', texts: ['<8'] },
  {
    id: 'xss-levels',
    name: '分级<b>"占比"',
    unit: '%',
    texts: ['基层<script>alert(1)</script>', '二级"\'&', '三级</text><script>alert(1)</script>'],
  },
  { id: 'xss2-rd', name: 'R&D <投入> "占比" \'A&B\'', unit: '<%>', texts: ['<%>', '>3'] },
];

// ---- Reporting

let failed = 0;
let passed = 0;
const oneLine = (s, max = 240) => {
  s = String(s).replace(/[\x00-\x1f\x7f\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
};
function report(name, problems) {
  if (problems.length) failed++;
  else passed++;
  console.log(`${problems.length ? 'not ok' : 'ok'} - xss: ${name}`);
  for (const p of problems.slice(0, 30)) console.log(`    ${oneLine(p)}`);
  if (problems.length > 30) console.log(`    … ${problems.length - 30} more`);
}
async function check(name, fn) {
  let problems;
  try {
    problems = await fn();
  } catch (err) {
    problems = [`error: ${err.message.split('\n')[0]}`];
  }
  report(name, problems);
}

// ---- In the page: the trap (an init script, so it runs first in every frame
// and is not subject to the CSP) and the DOM audit.

function installTrap() {
  const hits = [];
  const hit = (what) => {
    hits.push(`${what} in ${location.href}`);
    try {
      if (window.top !== window) window.top.__xssHits.push(`${what} in a frame (${location.href})`);
    } catch {}
  };
  const lock = (name, value) => Object.defineProperty(window, name, { value, writable: false, configurable: false });
  lock('__xssHits', hits);
  // An accessor own property: an element with id="__xss" cannot shadow it.
  Object.defineProperty(window, '__xss', {
    get: () => (hits.length ? hits : undefined),
    set: (v) => hit(`__xss=${v}`),
    configurable: false,
  });
  for (const f of ['alert', 'confirm', 'prompt', 'print']) lock(f, (...a) => hit(`${f}(${a.join(',')})`));
}

// Problems in `doc` (a parsed file or the live document). Runs in the page.
function audit(doc, origin) {
  const out = [];
  const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background',
    'cite', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'codebase', 'classid', 'archive', 'manifest', 'icon', 'profile']);
  const BANNED = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'template', 'portal',
    'noscript', 'style', 'math', 'form-internal', 'textarea', 'xmp', 'plaintext', 'noembed', 'noframes', 'isindex']);
  const show = (el) => el.outerHTML.slice(0, 160);
  // What a browser makes of a URL's start: C0 controls and spaces trimmed,
  // tabs and line breaks removed anywhere.
  const scheme = (v) => v.replace(/^[\x00-\x20]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
  const metas = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.localName;
    if (BANNED.has(tag)) out.push(`<${tag}> element: ${show(el)}`);
    if (tag === 'script') {
      const src = el.getAttribute('src');
      let u = null;
      try {
        u = src && new URL(src, doc.baseURI === 'about:blank' ? origin + '/' : doc.baseURI);
      } catch {}
      if (!u || u.origin !== origin || !/\/assets\/[a-z]+\.[0-9a-f]+\.js$/.test(u.pathname) || el.textContent.trim())
        out.push(`script that is not one of the site's own: ${show(el)}`);
    }
    if (tag === 'link' && !(el.parentNode?.localName === 'head'))
      out.push(`<link> outside <head>: ${show(el)}`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) metas.push(el);
    if (tag === 'form' && el.hasAttribute('action') && !el.getAttribute('action').startsWith('/'))
      out.push(`form action not on the site: ${show(el)}`);
    for (const name of el.getAttributeNames()) {
      const v = el.getAttribute(name);
      if (/^on/i.test(name)) out.push(`event handler attribute ${name}: ${show(el)}`);
      else if (name === 'style') out.push(`style attribute: ${show(el)}`);
      else if (name === 'srcdoc' || name === 'srcset') out.push(`${name} attribute: ${show(el)}`);
      else if (URL_ATTRS.has(name) && /^(javascript|data|vbscript|file|livescript|mocha):/.test(scheme(v)))
        out.push(`${name}=${JSON.stringify(v)}: ${show(el)}`);
    }
  }
  // The one meta http-equiv is the CSP, right after <meta charset>.
  const csp = metas.filter((m) => m.getAttribute('http-equiv').toLowerCase() === 'content-security-policy');
  for (const m of metas) if (!csp.includes(m)) out.push(`meta http-equiv: ${show(m)}`);
  if (csp.length !== 1) out.push(`${csp.length} Content-Security-Policy metas, not 1`);
  else {
    const m = csp[0];
    const before = m.parentNode?.localName === 'head' ? [...doc.head.children].slice(0, [...doc.head.children].indexOf(m)) : null;
    if (!before || before.some((e) => !(e.localName === 'meta' && e.hasAttribute('charset'))))
      out.push('the CSP meta is not first in <head> (after <meta charset>)');
    const policy = m.getAttribute('content');
    const script = / script-src ([^;]*)/.exec(' ' + policy)?.[1] ?? /default-src ([^;]*)/.exec(policy)?.[1] ?? '';
    if (!script || /unsafe-inline|unsafe-eval|\*|data:/.test(script)) out.push(`CSP allows inline or foreign script: ${policy}`);
    if (!/object-src 'none'/.test(policy) || !/base-uri '(self|none)'/.test(policy)) out.push(`CSP lacks object-src 'none' or base-uri: ${policy}`);
  }
  return out;
}

// ---- Static checks of the files

// Inline SVGs of a page, as text.
const svgsOf = (html) => html.match(/<svg[\s>][\s\S]*?<\/svg>/g) || [];

function xmllintAll(svgs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xss-svg-'));
  try {
    const files = svgs.map(({ where, svg }, i) => {
      const f = path.join(dir, `${i}.svg`);
      fs.writeFileSync(f, svg);
      return [f, where];
    });
    if (!files.length) return ['no inline SVG found'];
    try {
      execFileSync('xmllint', ['--noout', '--nonet', ...files.map((f) => f[0])], { stdio: ['ignore', 'ignore', 'pipe'] });
      return [];
    } catch (err) {
      const msg = String(err.stderr || err.message);
      return files.filter(([f]) => msg.includes(f)).map(([f, where]) => `${where}: ${oneLine(msg.split('\n').find((l) => l.includes(f)) || msg)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function staticChecks(page, dir, files, origin, rawHTML) {
  const pages = files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  await check(`${files.length} pages parsed: no handlers, foreign scripts, frames or dangerous URLs; the CSP meta`, async () => {
    const out = [];
    for (const [f, html] of pages) {
      const problems = await page.evaluate(
        ([src, html, origin]) => (0, eval)(`(${src})`)(new DOMParser().parseFromString(html, 'text/html'), origin),
        [audit.toString(), html, origin],
      );
      out.push(...problems.map((p) => `${f}: ${p}`));
    }
    return out;
  });

  const svgs = pages.flatMap(([f, html]) => svgsOf(html).map((svg, i) => ({ where: `${f} svg ${i + 1}`, svg })));
  await check(`${svgs.length} inline SVGs are well-formed XML (xmllint)`, () => xmllintAll(svgs));

  // The texts of an SVG as an XML parser reads them.
  const svgTexts = (svg) =>
    page.evaluate((svg) => {
      const d = new DOMParser().parseFromString(svg, 'image/svg+xml');
      if (d.querySelector('parsererror')) return null;
      const text = [...d.querySelectorAll('text')].map((t) => t.textContent);
      return { title: d.querySelector('title')?.textContent, text };
    }, svg);
  await check('indicator names and units with <>&"\' read back the same in HTML and SVG', async () => {
    const out = [];
    for (const ind of INDICATORS) {
      const file = `indicators/${ind.id}/index.html`;
      const html = pages.find(([f]) => f === file)?.[1];
      if (!html) {
        out.push(`${file}: missing`);
        continue;
      }
      const seen = await page.evaluate((html) => {
        const d = new DOMParser().parseFromString(html, 'text/html');
        return { h1: d.querySelector('main h1')?.textContent, dd: [...d.querySelectorAll('.doc-meta dd')].map((e) => e.textContent) };
      }, html);
      if (seen.h1 !== ind.name) out.push(`${file}: <h1> reads ${JSON.stringify(seen.h1)}, not ${JSON.stringify(ind.name)}`);
      if (!seen.dd.includes(ind.unit)) out.push(`${file}: no unit ${JSON.stringify(ind.unit)} in the metadata`);
      const [chart] = svgsOf(html);
      const t = chart && (await svgTexts(chart));
      if (!t) {
        out.push(`${file}: the chart does not parse as XML`);
        continue;
      }
      if (t.title !== `${ind.name}（${ind.unit}）`) out.push(`${file}: SVG <title> reads ${JSON.stringify(t.title)}`);
      // Wrapped labels are split into <tspan>s; their <text> holds the whole.
      for (const want of ind.texts) if (!t.text.includes(want)) out.push(`${file}: no SVG <text> reading ${JSON.stringify(want)} (has ${JSON.stringify(t.text.slice(0, 12))})`);
    }
    // The small multiples and the document's table show the same names.
    for (const [file, sel] of [['indicators/index.html', 'svg title'], ['policies/xss-plan/index.html', 'td a']]) {
      const html = pages.find(([f]) => f === file)?.[1] ?? '';
      const texts = await page.evaluate(([html, sel]) => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll(sel)].map((e) => e.textContent), [html, sel]);
      for (const ind of INDICATORS.slice(0, 3))
        if (!texts.some((s) => s === ind.name || s.startsWith(`${ind.name}（`))) out.push(`${file}: no ${sel} reading ${JSON.stringify(ind.name)}`);
    }
    return out;
  });

  await check(`raw HTML is ${rawHTML ? 'kept where harmless' : 'dropped'} (allow_raw_html: ${rawHTML})`, async () => {
    const html = pages.find(([f]) => f === 'policies/xss-plan/index.html')?.[1] ?? '';
    const n = await page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').querySelectorAll('kbd.raw-ok[title="保留"]').length, html);
    return n === (rawHTML ? 1 : 0) ? [] : [`policies/xss-plan/: ${n} <kbd class="raw-ok">, expected ${rawHTML ? 1 : 0}`];
  });

  await check('feed, sitemap and data files parse; feed text is type text', () => {
    const out = [];
    try {
      execFileSync('xmllint', ['--noout', '--nonet', path.join(dir, 'atom.xml'), path.join(dir, 'sitemap.xml')], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      out.push(oneLine(err.stderr || err.message));
    }
    // Feed readers render type="html" text as markup; ours is plain text.
    const feed = fs.readFileSync(path.join(dir, 'atom.xml'), 'utf8');
    for (const m of feed.match(/<[a-z]+ [^>]*type="x?html"[^>]*>/g) || []) if (!m.startsWith('<link ')) out.push(`atom.xml: ${m}`);
    // The data files, and the search index's shards and chunks (gzip JSON).
    for (const f of fs.readdirSync(dir, { recursive: true }).filter((f) => /\.json$|^search\/.*\.json\.gz$/.test(f))) {
      try {
        const b = fs.readFileSync(path.join(dir, f));
        JSON.parse((f.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8'));
      } catch (err) {
        out.push(`${f}: ${err.message}`);
      }
    }
    return out;
  });
}

// ---- In the browser

// A tab with listeners; `take()` returns and clears what it saw.
async function newTab(context, origin) {
  const page = await context.newPage();
  let seen = [];
  page.on('dialog', (d) => {
    seen.push(`dialog ${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && !/Content Security Policy/.test(msg.text())) return;
    // A content image that is not there is not an attack.
    if (/^Failed to load resource/.test(msg.text())) return;
    seen.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('framenavigated', (frame) => {
    const u = frame.url();
    if (!u.startsWith(origin) && u !== 'about:blank' && u !== 'about:srcdoc') seen.push(`navigated to ${u}`);
  });
  const take = async () => {
    const hits = await page.evaluate(() => [...window.__xssHits]).catch((e) => [`cannot read the trap: ${e.message}`]);
    const out = [...seen, ...hits];
    seen = [];
    return out;
  };
  return { page, take };
}

// Load a page, audit the live DOM, poke at everything, and report.
async function visit(tab, url, origin) {
  const { page, take } = tab;
  const res = await page.goto(url, { waitUntil: 'load', timeout: 20000 });
  const out = [];
  if (![200, 404].includes(res.status())) out.push(`HTTP ${res.status()}`);
  await page.waitForTimeout(100); // a meta refresh of 0 s, a srcdoc frame
  if (page.url() !== url) out.push(`the page moved to ${page.url()}`);
  out.push(...(await page.evaluate((origin) => window.__xssAudit(document, origin), origin)));
  await page.evaluate(() => {
    const els = [...document.querySelectorAll('a, button, input, select, summary, details, [tabindex], [title], svg *')].slice(0, 1500);
    for (const el of els) {
      for (const type of ['mouseover', 'mouseenter', 'mousemove', 'pointerover']) el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      el.focus?.();
      if (el.localName === 'details') el.open = true;
    }
    // Anything that is not an ordinary link is followed: it must do nothing.
    for (const a of document.querySelectorAll('a')) {
      const href = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
      let scheme = 'bad:';
      try {
        scheme = new URL(href, location.href).protocol;
      } catch {}
      if (href !== null && !/^(https?|mailto):$/.test(scheme))
        a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
    }
  });
  await page.waitForTimeout(50);
  out.push(...(await take()));
  return out;
}

async function browserPass(browser, base, files, bypassCSP) {
  const origin = new URL(base).origin;
  const context = await browser.newContext({ bypassCSP, viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: `(${installTrap})();\nObject.defineProperty(window, '__xssAudit', { value: ${audit} });` });
  const label = bypassCSP ? 'CSP bypassed' : 'under the CSP';
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    let tab = await newTab(context, origin);
    while (next < files.length) {
      const i = next++;
      try {
        results[i] = await visit(tab, pageURL(base, files[i]), origin);
      } catch (err) {
        results[i] = [`error: ${err.message.split('\n')[0]}`];
        await tab.page.close().catch(() => {});
        tab = await newTab(context, origin);
      }
    }
    await tab.page.close();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  report(`${files.length} pages, ${label}: nothing runs, no dialog, error, CSP violation or navigation; live DOM clean`,
    files.flatMap((f, i) => results[i].map((p) => `${f}: ${p}`)));

  const tab = await newTab(context, origin);
  await check(`task filter, ${label}: ${PAYLOADS.length} payloads typed and in the URL stay text`, () => taskFilter(tab, base));
  await check(`search, ${label}: ${PAYLOADS.length} payloads typed and in the URL give text results`, () => search(tab, base));
  await tab.page.close();
  await context.close();
}

// The task table: every payload typed into the text filter, then in the URL;
// every region and department option (their names are payloads) selected.
async function taskFilter({ page, take }, base) {
  const out = [];
  await page.goto(base + 'tasks/', { waitUntil: 'load' });
  const shape = () => page.evaluate(() => ({
    elements: document.querySelectorAll('#main *').length,
    count: document.getElementById('task-count')?.textContent ?? '',
    shown: [...document.querySelectorAll('#task-table tbody tr')].filter((r) => !r.hidden).length,
    formShown: !document.getElementById('task-filters')?.hidden,
    q: document.getElementById('f-q')?.value,
    urlQ: new URLSearchParams(location.search).get('q'),
  }));
  const before = await shape();
  if (!before.formShown) out.push('the filter form is still hidden: tasks.js did not run');
  const countOK = (c) => /^(显示 \d+ \/ )?共 \d+ 项任务$/.test(c);
  for (const p of PAYLOADS) {
    await page.fill('#f-q', p);
    await page.press('#f-q', 'Enter');
    const s = await shape();
    if (s.elements !== before.elements) out.push(`${JSON.stringify(p)}: the page has ${s.elements} elements, not ${before.elements}`);
    if (!countOK(s.count)) out.push(`${JSON.stringify(p)}: count reads ${JSON.stringify(s.count)}`);
    if (s.urlQ !== s.q) out.push(`${JSON.stringify(p)}: URL q=${JSON.stringify(s.urlQ)} but the box holds ${JSON.stringify(s.q)}`);
  }
  for (const p of ['<img src=x onerror=alert(1)>', '</title><script>alert(1)</script>']) {
    await page.fill('#f-q', p);
    await page.press('#f-q', 'Enter');
    if ((await shape()).shown < 1) out.push(`${JSON.stringify(p)}: no row shown, though a task holds it`);
  }
  await page.fill('#f-q', '');
  for (const id of ['f-region', 'f-dept', 'f-doc']) {
    const values = await page.evaluate((id) => [...document.getElementById(id).options].map((o) => o.value).filter(Boolean), id);
    for (const v of values) {
      await page.selectOption(`#${id}`, v);
      const s = await shape();
      if (s.shown < 1) out.push(`${id}=${JSON.stringify(v)}: no row shown`);
      if (s.elements !== before.elements) out.push(`${id}=${JSON.stringify(v)}: the page changed shape`);
    }
    await page.selectOption(`#${id}`, '');
  }
  for (const p of PAYLOADS.slice(0, 12)) {
    const region = await page.evaluate(() => document.getElementById('f-region').options[1]?.value ?? '');
    await page.goto(`${base}tasks/?${new URLSearchParams({ q: p, region })}`, { waitUntil: 'load' });
    const s = await shape();
    if (s.q !== p.replace(/[\r\n]/g, '')) out.push(`URL q=${JSON.stringify(p)}: the box holds ${JSON.stringify(s.q)}`);
    if (s.elements !== before.elements) out.push(`URL q=${JSON.stringify(p)}: the page changed shape`);
  }
  out.push(...(await take()));
  return out;
}

// Search: results are built from DOM calls only, so only these elements and
// attributes may appear, and a query found verbatim shows as text.
async function search({ page, take }, base) {
  const out = [];
  const origin = new URL(base).origin;
  await page.goto(base + 'search/', { waitUntil: 'load' });
  const run = async (q) => {
    await page.evaluate(() => (document.getElementById('search-status').textContent = ''));
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => {
      const s = document.getElementById('search-status');
      return s.textContent && !document.getElementById('search-results').hasAttribute('aria-busy');
    }, null, { timeout: 10000 });
    return results(q);
  };
  const results = (q) => page.evaluate(([q, origin]) => {
    const box = document.getElementById('search-results');
    const bad = [];
    const ok = new Set(['section', 'h2', 'ol', 'li', 'h3', 'a', 'p', 'mark']);
    for (const el of box.querySelectorAll('*')) {
      if (!ok.has(el.localName)) bad.push(`<${el.localName}> in the results`);
      for (const a of el.getAttributeNames()) if (a !== 'class' && a !== 'href') bad.push(`attribute ${a} in the results`);
      if (el.localName === 'a' && new URL(el.href).origin !== origin) bad.push(`result link ${el.getAttribute('href')}`);
    }
    return {
      bad,
      status: document.getElementById('search-status').textContent,
      n: box.querySelectorAll('.search-result').length,
      texts: [...box.querySelectorAll('.search-result')].map((r) => r.textContent),
      box: document.getElementById('q').value,
    };
  }, [q, origin]);
  for (const q of PAYLOADS) {
    const r = await run(q);
    out.push(...r.bad.map((b) => `${JSON.stringify(q)}: ${b}`));
    if (!r.n && r.status.startsWith('没有找到') && !r.status.includes(r.box.trim()))
      out.push(`${JSON.stringify(q)}: the status does not quote the query: ${r.status}`);
  }
  for (const q of VERBATIM) {
    const r = await run(q);
    if (!r.texts.some((t) => t.includes(q))) out.push(`${JSON.stringify(q)}: no result shows it as text (${r.n} results, ${r.status})`);
  }
  for (const q of PAYLOADS.slice(0, 12)) {
    await page.goto(`${base}search/?${new URLSearchParams({ q })}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('search-status').textContent && !document.getElementById('search-results').hasAttribute('aria-busy'), null, { timeout: 10000 });
    const r = await results(q);
    out.push(...r.bad.map((b) => `URL q=${JSON.stringify(q)}: ${b}`));
    if (r.box !== q.replace(/[\r\n]/g, '')) out.push(`URL q=${JSON.stringify(q)}: the box holds ${JSON.stringify(r.box)}`);
  }
  out.push(...(await take()));
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { 'raw-html': { type: 'boolean', default: false } } });
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const dir = args.positionals[0];
  if (args.positionals.length !== 1 || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(USAGE);
    process.exit(2);
  }
  const files = htmlFiles(dir);
  const started = Date.now();
  const server = await serve(dir, '/');
  const browser = await launchBrowser();
  try {
    const origin = new URL(server.url).origin;
    const blank = await (await browser.newContext()).newPage();
    await staticChecks(blank, dir, files, origin, args.values['raw-html']);
    await blank.context().close();
    await browserPass(browser, server.url, files, false);
    await browserPass(browser, server.url, files, true);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`# xss: ${files.length} pages, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`xss: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

await main();
