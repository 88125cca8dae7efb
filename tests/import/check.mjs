// Check one imported document against its expectations.
//
//   node tests/import/check.mjs SLUG SOURCE OUT.md REMOVED STDERR EXPECT [TASKS.json]
//
// Prints "ok - import: SLUG: …" or "not ok - …" with details indented by
// four spaces, one line per check. The expectation lines (# starts a comment):
//
//   seed FILE            the input in tests/import/seeds/ (for run.sh)
//   region R             the --region to import it with (for run.sh)
//   field KEY VALUE      a front-matter field; a list is joined with "、"
//   no-field KEY         the field is absent
//   headings L N         N headings of level L (2-6) in the body
//   measures N           N paragraphs that open with a bold numbered lead
//   tables N             N tables
//   table RxC            the next table has R body rows and C columns
//   sentence TEXT        TEXT is in the body, whole (formatting ignored)
//   warning LINE TEXT    a warning at source line LINE containing TEXT
//   warnings N           exactly N warnings
//   removed WHY N        N input lines removed for the reason WHY
//   tasks ORIGIN N       the built site lists N tasks of this document
//                        whose origin is ORIGIN (measure, table)
//   tasks-led N          of which N have a lead department
//
// Always checked: every Chinese character and full-width mark of the
// input is in the output (body or front matter) as often as in the input,
// except in the lines the importer reports as removed, and every reason
// for a removal is one the importer is allowed to have.
import { readFileSync } from 'node:fs';

const [name, sourcePath, outPath, removedPath, stderrPath, expectPath, tasksPath] =
	process.argv.slice(2);
const source = readFileSync(sourcePath, 'utf8');
const out = readFileSync(outPath, 'utf8');
const removedText = readFileSync(removedPath, 'utf8');
const stderr = readFileSync(stderrPath, 'utf8');
const expect = readFileSync(expectPath, 'utf8');

function report(pass, what, details = []) {
	console.log(`${pass ? 'ok' : 'not ok'} - import: ${name}: ${what}`);
	if (!pass)
		for (const d of details)
			console.log(`    ${d}`);
}

// ---- the document ----
const fm = out.match(/^---\n([\s\S]*?)\n---\n/);
const frontText = fm ? fm[1] : '';
const body = fm ? out.slice(fm[0].length) : out;

function frontMatter(text) {
	const fields = {};
	let list = null;
	for (const line of text.split('\n')) {
		const item = line.match(/^ {2}- (.*)$/);
		if (item && list) {
			fields[list].push(unquote(item[1]));
			continue;
		}
		const m = line.match(/^([a-z_]+):\s*(.*?)\s*(?:\s#\s.*)?$/);
		if (!m)
			continue;
		list = m[2] === '' ? m[1] : null;
		fields[m[1]] = m[2] === '' ? [] : unquote(m[2]);
	}
	return fields;
}

function unquote(v) {
	const m = v.match(/^"(.*)"$/);
	return m ? m[1].replace(/\\(.)/g, '$1') : v;
}

const fields = frontMatter(frontText);
const lines = body.split('\n');
const headings = lines.filter((l) => /^#{2,6} /.test(l)).map((l) => l.match(/^#+/)[0].length);
const measures = lines.filter((l) => /^\*\*(（|\(|[0-9０-９一二三四五六七八九十]|第|[①-⑳])/.test(l));
const tables = [];
for (let i = 0; i < lines.length; i++) {
	if (!lines[i].startsWith('|') || (i > 0 && lines[i - 1].startsWith('|')))
		continue;
	const cols = lines[i].replace(/\\\|/g, '').split('|').length - 2;
	let rows = 0;
	for (let k = i + 2; k < lines.length && lines[k].startsWith('|'); k++)
		rows++;
	tables.push({ rows, cols });
}
const plain = body.replace(/\\(.)/g, '$1').replace(/\*\*/g, '').replace(/\s+/g, '');
const warnings = stderr.split('\n')
	.map((l) => l.match(/^.*?:(\d+)(?::\d+)?: warning: (.*)$/) || l.match(/^[^:]*: warning: (.*)$/))
	.filter(Boolean)
	.map((m) => (m.length === 3 ? { line: Number(m[1]), text: m[2] } : { line: 0, text: m[1] }));
const removed = removedText.split('\n').filter(Boolean).map((l) => {
	const [line, why, text] = l.split('\t');
	return { line: Number(line), why, text };
});

// ---- expectations ----
let tableIndex = 0;
let expectedTables = null;
for (const raw of expect.split('\n')) {
	const line = raw.trim();
	if (!line || line.startsWith('#'))
		continue;
	const [kind, ...rest] = line.split(/\s+/);
	const arg = line.slice(kind.length).trim();
	if (kind === 'seed' || kind === 'region') {
		continue;	// for run.sh
	} else if (kind === 'field') {
		const key = rest[0];
		const want = arg.slice(key.length).trim();
		const got = Array.isArray(fields[key]) ? fields[key].join('、') : fields[key];
		report(got === want, `front matter ${key}`, [`got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`]);
	} else if (kind === 'no-field') {
		report(!(rest[0] in fields), `no front matter ${rest[0]}`, [`got ${JSON.stringify(fields[rest[0]])}`]);
	} else if (kind === 'headings') {
		const level = Number(rest[0]);
		const got = headings.filter((h) => h === level).length;
		report(got === Number(rest[1]), `${rest[1]} headings of level ${level}`, [`got ${got}`]);
	} else if (kind === 'measures') {
		report(measures.length === Number(rest[0]), `${rest[0]} measures`, [`got ${measures.length}`]);
	} else if (kind === 'tables') {
		expectedTables = Number(rest[0]);
		report(tables.length === expectedTables, `${rest[0]} tables`, [`got ${tables.length}`]);
	} else if (kind === 'table') {
		const [r, c] = rest[0].split('x').map(Number);
		const t = tables[tableIndex++];
		report(t && t.rows === r && t.cols === c, `table ${tableIndex} is ${r} rows x ${c} columns`,
			[t ? `got ${t.rows} x ${t.cols}` : 'there is no such table']);
	} else if (kind === 'sentence') {
		const want = arg.replace(/\s+/g, '');
		report(plain.includes(want), `whole sentence "${arg.slice(0, 24)}…"`, ['not in the body']);
	} else if (kind === 'warning') {
		const at = Number(rest[0]);
		const text = arg.slice(rest[0].length).trim();
		const hit = warnings.some((w) => w.line === at && w.text.includes(text));
		report(hit, `warning at line ${at}: ${text}`, warnings.map((w) => `got ${w.line}: ${w.text}`));
	} else if (kind === 'warnings') {
		report(warnings.length === Number(rest[0]), `${rest[0]} warnings`,
			[`got ${warnings.length}:`, ...warnings.map((w) => `${w.line}: ${w.text}`)]);
	} else if (kind === 'removed') {
		const n = Number(rest[rest.length - 1]);
		const why = rest.slice(0, -1).join(' ');
		const got = removed.filter((r) => r.why === why).length;
		report(got === n, `${n} lines removed as ${why}`, [`got ${got}`]);
	} else if (kind === 'tasks' || kind === 'tasks-led') {
		const tasks = JSON.parse(readFileSync(tasksPath, 'utf8')).filter((t) => t.document === name);
		const got = kind === 'tasks'
			? tasks.filter((t) => t.origin === rest[0]).length
			: tasks.filter((t) => t.lead).length;
		const want = Number(rest[rest.length - 1]);
		report(got === want, `the built site has ${want} ${kind === 'tasks' ? rest[0] : 'led'} tasks`, [`got ${got}`]);
	} else {
		report(false, `expectation "${line}"`, ['unknown kind of expectation']);
	}
}
if (expectedTables !== null && tableIndex && tableIndex !== tables.length)
	report(false, 'every table has a shape line', [`${tables.length} tables, ${tableIndex} shapes`]);

// ---- no text lost ----
const allowed = new Set([
	'page number', 'running head', 'newspaper page head', 'table of contents',
	'repeated table header', 'repeated cell', 'repeated title (in the front matter)',
]);
const badReasons = removed.filter((r) => !allowed.has(r.why));
report(!badReasons.length, 'lines are removed only for the allowed reasons',
	badReasons.map((r) => `line ${r.line}: ${r.why}`));

const chinese = /[\p{Script=Han}\u3001-\u303F\uFF01-\uFF60\uFFE0-\uFFE6\u2018-\u201F\u2026]/gu;
function count(text) {
	const c = new Map();
	for (const ch of text.match(chinese) || [])
		c.set(ch, (c.get(ch) || 0) + 1);
	return c;
}
const removedLines = new Set(removed.map((r) => r.line));
const kept = source.replace(/\r/g, '').split('\n').filter((_, i) => !removedLines.has(i + 1)).join('\n');
const need = count(kept);
const have = count(out);
const lost = [];
for (const [ch, n] of need)
	if ((have.get(ch) || 0) < n)
		lost.push(`${ch}: ${n} in the input, ${have.get(ch) || 0} in the output`);
report(!lost.length, 'no Chinese character of the input is lost', lost.slice(0, 20));
