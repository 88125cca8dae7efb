// Usage: node tests/browser/axe.mjs SITE_DIR [--prefix /sub/] [--url BASE]
//
// Serves SITE_DIR (see serve.mjs), or with --url uses a server already running
// there (BASE ends in the prefix), opens every .html page in Debian's chromium
// and runs axe-core (WCAG 2.0/2.1 A and AA rules) on it. Prints one line per page:
//   ok - axe <path>
//   not ok - axe <path>
// followed by the violations, and any console errors or uncaught page errors
// (CSP violations are console errors), indented by 4 spaces. A page that logs an
// error fails. Exit 0 if every page is ok, 1 if not, 2 on misuse.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve, useServer } from './serve.mjs';

const require = createRequire(import.meta.url);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CONCURRENCY = 2; // the machines have 2 cores
const MAX_NODES = 3; // elements shown per violation

// Shared with screenshot.mjs and later browser tests. Never a downloaded browser.
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', // we run as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No host names resolve, so a page that loads anything from off the site
      // fails at once with a console error instead of waiting on the network.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

// Relative paths of the .html files under dir, sorted.
export function htmlFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html') && fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

// The URL a reader would use for a file: 'a/index.html' -> base + 'a/'.
export function pageURL(base, file) {
  const p = file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -10) : file;
  return base + p.split('/').map(encodeURIComponent).join('/');
}

const oneLine = (s, max = 160) => {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
};

// A tab that checks one page at a time. Tabs are reused because opening one
// costs about as much as checking a page.
async function newChecker(context, base) {
  const page = await context.newPage();
  let problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    // Chromium asks for /favicon.ico by itself; a 404 there is not the page's fault.
    if (where === new URL('/favicon.ico', base).href) return;
    problems.push(`console error: ${oneLine(msg.text(), 300)}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${oneLine(err.message, 300)}`));

  const check = async (file) => {
    problems = [];
    const res = await page.goto(pageURL(base, file), { waitUntil: 'load' });
    if (res.status() !== 200) problems.push(`HTTP status ${res.status()}`);
    const violations = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations),
      TAGS,
    );
    for (const v of violations) {
      problems.push(`${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}]`);
      for (const n of v.nodes.slice(0, MAX_NODES)) problems.push(`    ${n.target.join(' ')}  ${oneLine(n.html)}`);
    }
    return problems;
  };
  return { check, close: () => page.close() };
}

// Checks the files CONCURRENCY at a time; returns one promise per file, in order,
// each resolving to the list of problems found (empty if the page is ok).
function checkAll(context, base, files) {
  const out = files.map(deferred);
  let next = 0;
  const worker = async () => {
    let checker = await newChecker(context, base);
    while (next < files.length) {
      const i = next++;
      try {
        out[i].resolve(await checker.check(files[i]));
      } catch (err) {
        out[i].resolve([`error: ${err.message.split('\n')[0]}`]);
        // The tab may be stuck (timeout) or dead (crash): start the next page afresh.
        await checker.close().catch(() => {});
        checker = await newChecker(context, base);
      }
    }
    await checker.close();
  };
  for (let k = 0; k < CONCURRENCY; k++) worker();
  return out.map((d) => d.promise);
}

function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

async function main() {
  const usage = 'usage: node tests/browser/axe.mjs SITE_DIR [--prefix /sub/] [--url BASE]';
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { prefix: { type: 'string', default: '/' }, url: { type: 'string' } } });
  if (positionals.length !== 1 || !fs.statSync(positionals[0], { throwIfNoEntry: false })?.isDirectory()) {
    console.error(usage);
    process.exit(2);
  }
  let server;
  try {
    server = values.url ? useServer(values.url, values.prefix) : null;
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exit(2);
  }
  const dir = positionals[0];
  const files = htmlFiles(dir);
  if (!files.length) {
    console.log(`not ok - axe: no .html files under ${dir}`);
    process.exit(1);
  }
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  server ??= await serve(dir, values.prefix);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // An init script is compiled once and runs in every document (iframes too)
  // before the page's own scripts. Like evaluate(), and unlike addScriptTag(),
  // it is not subject to the page's CSP. It is several times faster than
  // evaluate()ing the 650 kB source on each page.
  await context.addInitScript({ content: axeSource });
  const started = Date.now();
  let failed = 0;
  const results = checkAll(context, server.url, files);
  for (const [i, file] of files.entries()) {
    const problems = await results[i];
    if (problems.length) failed++;
    console.log(`${problems.length ? 'not ok' : 'ok'} - axe ${file}`);
    for (const p of problems) console.log(`    ${p}`);
  }
  const secs = (Date.now() - started) / 1000;
  console.log(`# ${files.length} pages in ${secs.toFixed(1)} s (${((secs / files.length) * 1000).toFixed(0)} ms/page, ${CONCURRENCY} at a time)`);
  console.log(`axe: ${files.length - failed} passed, ${failed} failed`);
  await browser.close();
  await server.close();
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1] ?? '.')).href) await main();
