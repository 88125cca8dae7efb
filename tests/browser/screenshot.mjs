// Usage: node tests/browser/screenshot.mjs SITE_DIR PATH OUT.png [--width 1280] [--height 800] [--full] [--prefix /sub/] [--wait SELECTOR]
//
// Serves SITE_DIR (see serve.mjs) and saves a PNG of the page at PATH, a URL
// path under the prefix such as '/', 'sub/' or 'a/b.html'. For people to look
// at; it checks nothing, but reports the page's console and page errors on
// stderr. --full captures the whole page rather than the first screenful;
// --wait waits for an element the page's script adds, such as search results.
import { parseArgs } from 'node:util';
import { serve } from './serve.mjs';
import { launchBrowser } from './axe.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    full: { type: 'boolean', default: false },
    prefix: { type: 'string', default: '/' },
    wait: { type: 'string' },
  },
});
if (positionals.length !== 3) {
  console.error('usage: node tests/browser/screenshot.mjs SITE_DIR PATH OUT.png [--width 1280] [--height 800] [--full] [--prefix /sub/] [--wait SELECTOR]');
  process.exit(2);
}
const [dir, urlPath, out] = positionals;

const server = await serve(dir, values.prefix);
const browser = await launchBrowser();
let status = 0;
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  page.on('console', (msg) => {
    const where = msg.location().url;
    // As in axe.mjs: Chromium's own /favicon.ico request is not the page's doing.
    if (msg.type() === 'error' && where !== new URL('/favicon.ico', server.url).href) {
      console.error(`console error: ${msg.text()} (${where})`);
    }
  });
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  // PATH is relative to the prefix; a leading '/' is allowed.
  const url = server.url + urlPath.replace(/^\/+/, '');
  const res = await page.goto(url, { waitUntil: 'load' });
  if (res.status() !== 200) console.error(`HTTP status ${res.status()} for ${url}`);
  if (values.wait) await page.waitForSelector(values.wait, { timeout: 10000 });
  await page.evaluate(() => document.fonts.ready); // web fonts (and CJK fallbacks) laid out
  await page.screenshot({ path: out, fullPage: values.full });
  console.log(`${out}: ${url}`);
} catch (err) {
  console.error(`screenshot: ${err.message}`);
  status = 1;
} finally {
  await browser.close();
  await server.close();
}
process.exit(status);
