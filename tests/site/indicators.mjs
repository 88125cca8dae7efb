// Usage: node tests/site/indicators.mjs SITE_DIR
//
// The indicators of the bundled site: /data/indicators.json keeps its
// documented fields and every row of the three seed tables; the 十三五
// table's progress verdicts are the ones its numbers give; every
// indicator page has an SVG chart with <title> and <desc> and a table
// holding every value exactly as printed.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let failed = 0;
const check = (ok, name, detail) => {
  console.log(`${ok ? 'ok' : 'not ok'} - indicators: ${name}`);
  if (!ok) {
    failed++;
    if (detail) console.log(`    ${detail}`);
  }
};
const inds = JSON.parse(fs.readFileSync(path.join(dir, 'data/indicators.json'), 'utf8'));
const fields = ['id', 'name', 'unit', 'region', 'document', 'nature', 'direction', 'values', 'progress', 'url'];
const missing = inds.flatMap((o) => fields.filter((f) => !(f in o)).map((f) => `${o.id}: ${f}`));
check(missing.length === 0, 'every indicator has the documented fields', missing.slice(0, 5).join('; '));
const valueFields = ['year', 'kind', 'text', 'comparator', 'numbers'];
check(inds.every((i) => i.values.every((v) => valueFields.every((f) => f in v))),
  'every value has year, kind, text, comparator, numbers');
const count = (set) => inds.filter((i) => i.set === set).length;
check(count('xiangqiao-13th') === 26, 'seed 001 十三五 table: 26 indicators', `got ${count('xiangqiao-13th')}`);
check(count('xiangqiao-14th') === 18, 'seed 001 十四五 table: 17 indicators and the 其中 row', `got ${count('xiangqiao-14th')}`);
check(count('qingyuan-14th') === 21, 'seed 003 appendix: 20 indicators and the 其中 row', `got ${count('qingyuan-14th')}`);

// Parsed messy values, as the tables print them.
const value = (id, year, kind) => inds.find((i) => i.id === id)?.values.find((v) => v.year === year && v.kind === kind);
const parsed = [
  ['xiangqiao-14-maternal-mortality', 2025, 'target', '<8', '<', [8]],
  ['xiangqiao-14-public-health-staff-per-1000', 2025, 'target', '增长30%', '=', [30]],
  ['xiangqiao-14-myopia-rate', 2025, 'target', '力争每年降低0.5个百分点以上', '>=', [0.5]],
  ['xiangqiao-14-smoking-rate', 2020, 'baseline', '—', null, []],
  ['xiangqiao-13-premature-ncd-mortality', 2020, 'target', '比2015年降低5%', '=', [5]],
];
for (const [id, year, kind, text, cmp, numbers] of parsed) {
  const v = value(id, year, kind);
  const got = v && [v.text, v.comparator, v.numbers];
  check(v && JSON.stringify(got) === JSON.stringify([text, cmp, numbers]), `${id} ${year} ${kind} parses`,
    `got ${JSON.stringify(got)}`);
}

// The 十三五 completion table: 16 achieved, 6 not, 4 without the data to tell.
const verdicts = {
  'not-achieved': ['readmission-30d', 'sex-ratio-at-birth', 'beds-per-1000', 'doctors-per-1000',
    'nurses-per-1000', 'inpatient-reimbursement-ratio'],
  unknown: ['premature-ncd-mortality', 'nosocomial-infection-rate', 'outpatient-antibiotic-rate', 'oop-share'],
};
for (const ind of inds.filter((i) => i.set === 'xiangqiao-13th')) {
  const key = ind.id.replace('xiangqiao-13-', '');
  const want = verdicts['not-achieved'].includes(key) ? 'not-achieved' : verdicts.unknown.includes(key) ? 'unknown' : 'achieved';
  if (ind.progress?.verdict !== want)
    check(false, `十三五 ${ind.name}: ${want}`, `got ${ind.progress?.verdict}: ${ind.progress?.why}`);
}
check(true, '十三五 verdicts checked');

// Each page: an SVG with <title> and <desc>, and the values as printed in a table.
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
for (const ind of inds) {
  const html = fs.readFileSync(path.join(dir, 'indicators', ind.id, 'index.html'), 'utf8');
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) || [];
  const titled = svgs.every((s) => /^<svg[^>]*role="img"[^>]*>\s*<title[^>]*>[^<]+<\/title>\s*<desc[^>]*>[^<]+<\/desc>/.test(s));
  const table = html.match(/<table class="values-table">[\s\S]*?<\/table>/)?.[0] || '';
  const lost = ind.values.filter((v) => !table.includes(`<td>${esc(v.text)}</td>`));
  if (!svgs.length || !titled || lost.length)
    check(false, `${ind.id}: chart with title and desc, values table`,
      `${svgs.length} svg, titled ${titled}, missing ${lost.map((v) => v.text).join(' ')}`);
  const csv = fs.readFileSync(path.join(dir, 'indicators', ind.id, 'data.csv'), 'utf8');
  if (!csv.startsWith('\uFEFF') || csv.split('\r\n').length !== ind.values.length + 2)
    check(false, `${ind.id}/data.csv has a BOM and one row per value`);
}
check(true, 'indicator pages checked');
process.exit(failed ? 1 : 0);
