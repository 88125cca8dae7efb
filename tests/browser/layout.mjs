// Usage: node tests/browser/layout.mjs SITE_DIR
//
// Every page at a 320 px wide viewport: nothing may make the page scroll
// sideways (wide tables scroll inside their own box), and the print
// stylesheet hides the navigation. One ok/not ok line per page.
import { serve } from './serve.mjs';
import { launchBrowser, htmlFiles, pageURL } from './axe.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tests/browser/layout.mjs SITE_DIR');
  process.exit(2);
}
const server = await serve(dir, '/');
const browser = await launchBrowser();
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  for (const file of htmlFiles(dir)) {
    await page.goto(pageURL(server.url, file), { waitUntil: 'load' });
    const wide = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const over = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-wrap'))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth, limit, over: over.slice(0, 5) };
    });
    await page.emulateMedia({ media: 'print' });
    const navHidden = await page.evaluate(() => {
      const nav = document.querySelector('.site-header');
      return !nav || getComputedStyle(nav).display === 'none';
    });
    await page.emulateMedia({ media: 'screen' });
    const ok = wide.scroll <= wide.limit && wide.over.length === 0 && navHidden;
    if (!ok) failed++;
    console.log(`${ok ? 'ok' : 'not ok'} - layout 320px and print ${file}`);
    if (!ok) {
      console.log(`    page is ${wide.scroll}px wide in a ${wide.limit}px viewport`);
      for (const o of wide.over) console.log(`    overflows: ${o}`);
      if (!navHidden) console.log('    the header shows in print');
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
