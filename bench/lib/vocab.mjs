// Vocabulary for the synthetic corpus, read from the bundled content:
// sentences of running text, measure and heading titles, the goals and
// measures of task tables, and the indicator catalogue of
// content/indicators/. Place names are replaced by placeholders that the
// generator fills in for each document:
//   {R} the region's full name (梅州市), {S} its short name (梅州),
//   {P} the province (广东省), {Q} the province's short name (广东),
//   {全} 全市/全区/全省 and {我} 我市/我区/我省 for the document's level.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const PLACES = [
	['潮州市湘桥区', '{R}'], ['湘桥区', '{R}'], ['梅州市', '{R}'], ['三明市', '{R}'],
	['清远市', '{R}'], ['潮州市', '{R}'], ['湘桥', '{S}'], ['梅州', '{S}'], ['三明', '{S}'],
	['清远', '{S}'], ['潮州', '{S}'], ['广东省', '{P}'], ['福建省', '{P}'], ['广东', '{Q}'],
	['福建', '{Q}'], ['全市', '{全}'], ['全区', '{全}'], ['全省', '{全}'], ['我市', '{我}'],
	['我区', '{我}'], ['我省', '{我}'],
];

// Text that would change the structure of the Markdown or of the site
// (tables, emphasis, links, document numbers, clauses) or that only makes
// sense in its own document (editors' notes).
const UNSAFE = /[*|[\]#<>`_~\\〔〕【】]|http|编者注|原文|原件|本站|附件|下同|如下|印发给你们|本规划|本方案/;

function placeholders(s) {
	for (const [from, to] of PLACES)
		s = s.split(from).join(to);
	return s;
}

const NUMBERING = /^(第[一二三四五六七八九十百零〇两0-9]+[章节条]\s*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]\s*|[0-9]+[.．、]\s*|[①-⑳]|——)/;

function stripNumbering(s) {
	let prev;
	do {
		prev = s;
		s = s.replace(NUMBERING, '').trim();
	} while (s !== prev);
	return s;
}

// A responsibility clause at the end of a paragraph: brackets holding 负责,
// 牵头, 配合 or a 责任单位 label.
const CLAUSE = /[（([［【][^（(）)\]］】]*(?:[（(][^（(）)]*[）)][^（(）)\]］】]*)*(?:负责|牵头|配合|责任单位|参与)[^（(）)\]］】]*[）)\]］】]\s*。?\s*$/;

function sentences(text) {
	const out = [];
	const body = text.replace(CLAUSE, '').replace(/\*\*/g, '');
	for (const raw of body.split(/(?<=[。！？])/)) {
		const s = raw.trim();
		if (s.length < 12 || s.length > 180 || UNSAFE.test(s) || !s.endsWith('。'))
			continue;
		// Brackets must balance, or the sentence was cut out of a longer one.
		const open = (s.match(/[（(“]/g) || []).length;
		const close = (s.match(/[）)”]/g) || []).length;
		if (open !== close)
			continue;
		out.push(placeholders(s));
	}
	return out;
}

function cells(line) {
	return line.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
}

function readPolicies(dir, v) {
	for (const name of readdirSync(dir).sort()) {
		if (!name.endsWith('.md'))
			continue;
		const text = readFileSync(join(dir, name), 'utf8');
		v.hash.update(text);
		const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
		let header = null;
		for (const line of body.split('\n')) {
			if (line.startsWith('|')) {
				const c = cells(line);
				if (c.every((x) => /^-*$/.test(x)))
					continue;
				if (!header || !c.some((x) => x && !/^-+$/.test(x))) {
					header = c;
					continue;
				}
				if (header.length !== c.length)
					continue;
				if (c.join('') === header.join('')) {
					continue;
				}
				header.forEach((h, i) => {
					if (h.includes('主要目标') && c[i] && !UNSAFE.test(c[i]))
						v.goals.push(placeholders(stripNumbering(c[i]).replace(/。$/, '')));
					if (h.includes('措施'))
						for (const part of c[i].split(/[①-⑳]/))
							v.sentences.push(...sentences(part));
				});
				continue;
			}
			header = null;
			if (/^#{2,6} /.test(line)) {
				const t = stripNumbering(line.replace(/^#+ /, ''));
				if (t.length >= 4 && t.length <= 30 && !UNSAFE.test(t) && !/[。，：]/.test(t))
					v.headings.push(placeholders(t));
				continue;
			}
			if (/^(>|```|\s*$)/.test(line))
				continue;
			const para = line.replace(/^(- |\d+\. )/, '');
			const lead = para.match(/^\*\*([^*]+)\*\*/);
			if (lead) {
				const t = stripNumbering(lead[1]).replace(/[。．：:]$/, '');
				if (t.length >= 4 && t.length <= 30 && !UNSAFE.test(t) && !/[。]/.test(t))
					v.titles.push(placeholders(t));
			}
			v.sentences.push(...sentences(para.replace(/^\*\*[^*]+\*\*/, '')));
		}
	}
}

// The bundled indicator sets: one entry per indicator with its fields and
// printed values ({year, kind, value}).
function readIndicators(dir, v) {
	let names;
	try {
		names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
	} catch {
		return;
	}
	for (const name of names) {
		const yaml = readFileSync(join(dir, name), 'utf8');
		const csv = readFileSync(join(dir, name.replace(/\.yaml$/, '.csv')), 'utf8');
		v.hash.update(yaml).update(csv);
		const byId = new Map();
		let cur = null;
		for (const line of yaml.split('\n')) {
			const m = line.match(/^\s+(- )?(\w+): (.*)$/);
			if (!m || line.trim().startsWith('#'))
				continue;
			let value = m[3].trim();
			if (/^".*"$/.test(value))
				value = value.slice(1, -1);
			if (m[1] && m[2] === 'id') {
				cur = { id: value, values: [] };
				byId.set(value, cur);
				v.indicators.push(cur);
			} else if (cur && m[2] === 'levels') {
				cur.levels = value.replace(/^\[|\]$/g, '').split(',').map((x) => x.trim());
			} else if (cur) {
				cur[m[2]] = value;
			}
		}
		for (const line of csv.trim().split('\n').slice(1)) {
			const [id, year, kind, value] = line.split(',');
			byId.get(id)?.values.push({ year: +year, kind, value });
		}
	}
	// A domain for the indicators of tables without one, from the same
	// compare key elsewhere.
	const domains = new Map(v.indicators.filter((i) => i.domain).map((i) => [i.compare, i.domain]));
	for (const ind of v.indicators)
		ind.domain = ind.domain || domains.get(ind.compare) || '健康服务';
}

export function loadVocab(contentDir) {
	const v = {
		sentences: [], titles: [], headings: [], goals: [], indicators: [],
		hash: createHash('sha256'),
	};
	readPolicies(join(contentDir, 'policies'), v);
	readIndicators(join(contentDir, 'indicators'), v);
	for (const k of ['sentences', 'titles', 'headings', 'goals'])
		v[k] = [...new Set(v[k])];
	v.hash = v.hash.digest('hex').slice(0, 16);
	return v;
}
