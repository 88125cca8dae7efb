// Indicator tables for the synthetic corpus and their sets (YAML + CSV in
// the format of docs/indicators.md), drawn from the catalogue of the bundled
// sets with the values varied and the printed forms kept (<8, ＞90/85/80,
// 增长30%, —, trailing zeros).

const LAYOUTS = {
	// 序号 | 主要指标 | 单位 | 2020年基数 | 2025年目标 | 指标性质 (清远)
	A: { domain: false, number: true, nature: true, unitCol: true },
	// 领域 | 序号 | 主要指标 | 单位 | 2020年现状 | 2025年目标 | 指标性质 (湘桥 十四五)
	B: { domain: true, number: true, nature: true, unitCol: true },
	// 领域 | 主要指标(单位) | 规划目标 | 2020年 (湘桥 十三五: target and actual)
	C: { domain: true, number: false, nature: false, unitCol: false },
};

function jitter(rng, value, unit) {
	if (value === '-' || value === '—' || value === '')
		return value;
	return value.replace(/\d+(?:\.\d+)?/g, (m, at, str) => {
		if (str[at + m.length] === '年' || m === '0')
			return m;
		const dec = m.includes('.') ? m.split('.')[1].length : 0;
		let x = +m * (0.9 + 0.2 * rng.float());
		if (unit === '%' && +m <= 100)
			x = Math.min(x, 100);
		const out = x.toFixed(dec);
		return +out === 0 ? m : out;
	});
}

function valueOf(ind, kinds) {
	for (const k of kinds) {
		const v = ind.values.find((x) => x.kind === k);
		if (v)
			return v.value;
	}
	return '—';
}

function q(s) {
	return JSON.stringify(s);
}

function csvField(s) {
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Choose the rows of a table: indicators with distinct compare keys, the
// 其中 rows right after their parent, grouped by domain for tables that
// print one.
function chooseRows(rng, catalogue, count, byDomain) {
	const tops = catalogue.filter((i) => !i.parent);
	const seen = new Set();
	const picked = [];
	for (const ind of rng.sample(tops, tops.length)) {
		if (picked.length >= count)
			break;
		if (seen.has(ind.compare))
			continue;
		seen.add(ind.compare);
		picked.push(ind);
	}
	if (byDomain) {
		const order = [...new Set(picked.map((i) => i.domain))];
		picked.sort((a, b) => order.indexOf(a.domain) - order.indexOf(b.domain));
	}
	const rows = [];
	for (const ind of picked) {
		rows.push({ src: ind, child: false });
		const kids = catalogue.filter((c) => c.parent === ind.id && !seen.has(c.compare));
		for (const kid of kids.slice(0, 1)) {
			seen.add(kid.compare);
			rows.push({ src: kid, child: true });
		}
	}
	return rows;
}

// An indicator table for document `slug`, as Markdown lines, and its set.
export function makeIndicatorTable(rng, vocab, { slug, setId, tableNo, region }) {
	const period = rng.weighted([[6, '十四五'], [2, '十五五'], [2, '十三五']]);
	const layoutName = period === '十三五' ? 'C' : rng.pick(['A', 'B']);
	const L = LAYOUTS[layoutName];
	const [y0, y1] = period === '十四五' ? [2020, 2025] : period === '十五五' ? [2025, 2030] : [2020, 2020];
	const title = period === '十三五' ?
		`${region.name}“十三五”时期卫生健康主要发展指标完成情况` :
		`${region.name}“${period}”时期卫生健康事业发展主要指标`;
	const rows = chooseRows(rng, vocab.indicators, rng.int(8, 20), L.domain);

	const header = [];
	if (L.domain)
		header.push('领域');
	if (L.number)
		header.push('序号');
	header.push('主要指标');
	if (L.unitCol)
		header.push('单位');
	if (layoutName === 'C')
		header.push('规划目标', `${y1}年`);
	else
		header.push(layoutName === 'A' ? `${y0}年基数` : `${y0}年现状`, `${y1}年目标`);
	if (L.nature)
		header.push('指标性质');

	const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
	const yaml = [
		`# Synthetic benchmark set (bench/corpus.mjs): table ${tableNo} of ${slug}.`,
		`# Layout ${header.join(' | ')}; format: docs/indicators.md.`,
		`document: ${slug}`,
		`table: ${tableNo}`,
		`title: ${q(title)}`,
		`period: ${period}`,
		'indicators:',
	];
	const csv = ['indicator,year,kind,value,note'];
	let number = 0, lastDomain = null, parentId = null;
	for (const { src, child } of rows) {
		const id = `${setId}-${src.compare}`;
		const name = src.name;
		const unit = src.unit || '';
		let row;
		if (layoutName === 'C')
			row = unit ? `${name}${rng.chance(0.5) ? `(${unit})` : `（${unit}）`}` : name;
		else
			row = child ? `其中：${name}` : name;
		const num = child ? '' : String(++number);
		const nature = src.nature || '预期性';
		const base = jitter(rng, valueOf(src, ['baseline', 'actual']), unit);
		const target = jitter(rng, valueOf(src, ['target']), unit);
		const cells = [];
		if (L.domain) {
			cells.push(src.domain === lastDomain ? '' : src.domain);
			lastDomain = src.domain;
		}
		if (L.number)
			cells.push(num);
		cells.push(row);
		if (L.unitCol)
			cells.push(unit);
		if (layoutName === 'C')
			cells.push(target, base);
		else
			cells.push(base, target);
		if (L.nature)
			cells.push(nature);
		lines.push(`| ${cells.join(' | ')} |`);

		yaml.push('', `  - id: ${id}`);
		if (L.number)
			yaml.push(`    number: ${q(num)}`);
		yaml.push(`    name: ${q(name)}`, `    row: ${q(row)}`, `    unit: ${q(unit)}`);
		if (L.domain)
			yaml.push(`    domain: ${src.domain}`);
		if (L.nature)
			yaml.push(`    nature: ${nature}`);
		yaml.push(`    direction: ${src.direction}`, `    compare: ${src.compare}`);
		if (child && parentId)
			yaml.push(`    parent: ${parentId}`);
		if (src.levels)
			yaml.push(`    levels: [${src.levels.map(q).join(', ')}]`);
		if (!child)
			parentId = id;

		const note = (v) => (v === '—' || v === '-') && rng.chance(0.3) ? '原表未填数值' : '';
		if (layoutName === 'C') {
			csv.push([id, y1, 'target', target, note(target)].map(String).map(csvField).join(','));
			csv.push([id, y1, 'actual', base, note(base)].map(String).map(csvField).join(','));
		} else {
			csv.push([id, y0, 'baseline', base, note(base)].map(String).map(csvField).join(','));
			csv.push([id, y1, 'target', target, note(target)].map(String).map(csvField).join(','));
		}
	}
	return { title, lines, yaml: `${yaml.join('\n')}\n`, csv: `${csv.join('\n')}\n`, count: rows.length };
}
