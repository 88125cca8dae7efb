// Usage: node tests/site/data.mjs SITE_DIR
//
// The public data files: /data/tasks.json and /data/departments.json keep
// their documented fields, the CSV files start with a BOM and the same
// columns, and the tasks extracted from the bundled documents are the
// ones the texts name (lead, supports, deadline and its source).
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let failed = 0;
const check = (ok, name, detail) => {
  console.log(`${ok ? 'ok' : 'not ok'} - data: ${name}`);
  if (!ok) {
    failed++;
    if (detail) console.log(`    ${detail}`);
  }
};
const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');

const tasks = JSON.parse(read('data/tasks.json'));
const depts = JSON.parse(read('data/departments.json'));
const taskFields = ['id', 'document', 'number', 'title', 'text', 'lead', 'supports', 'deadline',
  'deadline_text', 'deadline_source', 'status', 'url'];
const deptFields = ['id', 'name', 'aliases', 'region', 'kind', 'url', 'lead_count', 'support_count'];
const missing = (objs, fields) =>
  objs.flatMap((o) => fields.filter((f) => !(f in o)).map((f) => `${o.id}: ${f}`));
check(Array.isArray(tasks) && tasks.length > 0, 'tasks.json is a non-empty array');
check(missing(tasks, taskFields).length === 0, 'every task has the documented fields',
  missing(tasks, taskFields).slice(0, 5).join('; '));
check(missing(depts, deptFields).length === 0, 'every department has the documented fields',
  missing(depts, deptFields).slice(0, 5).join('; '));
check(new Set(tasks.map((t) => t.id)).size === tasks.length, 'task ids are unique');
const deptIds = new Set(depts.map((d) => d.id));
const dangling = tasks.filter((t) => (t.lead && !deptIds.has(t.lead)) || t.supports.some((s) => !deptIds.has(s)));
check(dangling.length === 0, 'every lead and support is a department', dangling.map((t) => t.id).join(' '));
const badDate = tasks.filter((t) => t.deadline !== null && !/^\d{4}-\d{2}-\d{2}$/.test(t.deadline));
check(badDate.length === 0, 'deadlines are ISO dates or null');
const sources = new Set(['none', 'text', 'table', 'plan-period', 'explicit']);
check(tasks.every((t) => sources.has(t.deadline_source)), 'deadline_source values are documented');
const statuses = new Set(['overdue', 'due-soon', 'later', 'ongoing', 'done', 'in-progress', 'not-started']);
check(tasks.every((t) => statuses.has(t.status)), 'status values are documented');
for (const d of depts) {
  const led = tasks.filter((t) => t.lead === d.id).length;
  const sup = tasks.filter((t) => t.supports.includes(d.id)).length;
  if (led !== d.lead_count || sup !== d.support_count)
    check(false, `${d.id} counts match tasks.json`, `lead ${d.lead_count} vs ${led}, support ${d.support_count} vs ${sup}`);
}
for (const f of ['data/tasks.csv', 'data/departments.csv']) {
  const text = read(f);
  check(text.startsWith('\uFEFF'), `${f} starts with a UTF-8 BOM`);
}
check(read('data/tasks.csv').split('\r\n')[0] ===
  '\uFEFFid,document,number,title,lead,lead_name,supports,supports_names,deadline,deadline_text,deadline_source,status,url',
  'tasks.csv header');

// iCalendar: one VEVENT per dated task a department leads or supports,
// CRLF lines of at most 75 octets, the required properties.
for (const d of depts) {
  const ics = fs.readFileSync(path.join(dir, 'departments', d.id, 'deadlines.ics'));
  const text = ics.toString('utf8');
  const lines = text.split('\r\n');
  const dated = tasks.filter((t) => t.deadline && (t.lead === d.id || t.supports.includes(d.id))).length;
  const events = lines.filter((l) => l === 'BEGIN:VEVENT').length;
  const long = lines.filter((l) => Buffer.byteLength(l) > 75);
  const ok = text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n') && text.endsWith('END:VCALENDAR\r\n') &&
    !/[^\r]\n/.test(text) && long.length === 0 && events === dated &&
    lines.filter((l) => l.startsWith('DTSTAMP:')).length === events &&
    lines.filter((l) => l.startsWith('UID:')).length === events;
  if (!ok) check(false, `${d.id}/deadlines.ics is valid iCalendar with ${dated} events`, `${events} events, ${long.length} long lines`);
}
check(true, 'iCalendar files checked');

// The documents: counts per document.
const byDoc = (slug) => tasks.filter((t) => t.document === slug);
const meizhou = byDoc('meizhou-2024-healthcare-service-system');
check(meizhou.length === 30, 'seed 000 yields 30 measures as tasks', `got ${meizhou.length}`);
check(meizhou.filter((t) => t.lead).length === 27, 'seed 000: the 27 measures with a clause have a lead',
  `got ${meizhou.filter((t) => t.lead).length}`);
check(meizhou.every((t) => t.supports.includes('meizhou-county-governments')),
  'seed 000: the standing 各县（市、区）人民政府 rule reaches every task');
const sanming = byDoc('sanming-2024-healthcare-reform-tasks');
check(sanming.length === 24, 'seed 004 yields 24 tasks', `got ${sanming.length}`);
check(sanming.every((t) => t.lead), 'seed 004: every row has a lead');
check(byDoc('guangdong-2023-high-quality-health-development').length === 31, 'seed 002 yields 31 tasks');
check(byDoc('xiangqiao-14th-five-year-health-plan').length === 0, 'seed 001 (tasks: none) yields none');

// Specific tasks, as the texts give them.
const expect = [
  ['meizhou-2024-healthcare-service-system', '（一）', 'meizhou-health',
    ['meizhou-education', 'meizhou-finance', 'meizhou-human-resources-social-security', 'meizhou-county-governments'],
    '2025-12-31', 'text', '到2025年'],
  ['meizhou-2024-healthcare-service-system', '（四）', 'meizhou-health',
    ['meizhou-finance', 'meizhou-human-resources-social-security', 'meizhou-county-governments'],
    '2027-12-31', 'text', '力争到2027年'],
  ['meizhou-2024-healthcare-service-system', '（二十二）', 'meizhou-finance',
    ['meizhou-development-reform', 'meizhou-health', 'meizhou-county-governments'],
    '2027-12-31', 'plan-period', '2024-2027'],
  ['meizhou-2024-healthcare-service-system', '（三十）', null, ['meizhou-county-governments'],
    null, 'text', '常态化'],
  ['sanming-2024-healthcare-reform-tasks', '2', 'sanming-health',
    ['sanming-education', 'sanming-civil-affairs', 'sanming-culture-tourism', 'sanming-sports', 'sanming-counties'],
    null, 'text', '持续推进'],
  ['sanming-2024-healthcare-reform-tasks', '12', 'sanming-organization-department',
    ['sanming-organs-work-committee', 'sanming-health', 'sanming-counties'],
    '2024-12-31', 'plan-period', '2024'],
  ['guangdong-2023-high-quality-health-development', '(二)', null, [], '2030-12-31', 'text', '到2030年'],
  ['qingyuan-14th-five-year-healthcare-reform-plan', '1.', null, [], '2025-12-31', 'plan-period', '2021-2025'],
];
for (const [doc, number, lead, supports, deadline, source, text] of expect) {
  const t = tasks.find((x) => x.document === doc && x.number === number);
  const got = t && [t.lead, t.supports.join(' '), t.deadline, t.deadline_source, t.deadline_text];
  const want = [lead, supports.join(' '), deadline, source, text];
  check(t && JSON.stringify(got) === JSON.stringify(want), `${doc} ${number}: lead, supports, deadline`,
    `got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}
process.exit(failed ? 1 : 0);
