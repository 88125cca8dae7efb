// One synthetic document: front matter and a Markdown body in the manner of
// the bundled content (docs/content-format.md). Five kinds of document, each
// modelled on one of the bundled ones:
//   实施方案, 通知  梅州 梅市府办〔2024〕1号: a notice, then chapters of
//                   numbered measures with responsibility clauses
//   意见            广东 关于推进卫生健康高质量发展的意见: measures, few clauses
//   规划            清远 and 湘桥 plans: 章/节 headings down to ######,
//                   indicator tables, a project table
//   任务分解表      三明 明医改组〔2024〕4号: task tables with 责任单位 cells
//   解读            the interpretation of the 梅州 plan

import { Rng } from './prng.mjs';
import { REGIONS } from './regions.mjs';
import { TextGen, cn, CIRCLED } from './text.mjs';
import { Units } from './units.mjs';
import { makeIndicatorTable } from './indicators.mjs';

const TOPICS = [
	['进一步完善医疗卫生服务体系', 'healthcare-service-system'],
	['推进卫生健康高质量发展', 'high-quality-health'],
	['深化医药卫生体制改革', 'healthcare-reform'],
	['加强基层医疗卫生服务能力建设', 'primary-care-capacity'],
	['推进紧密型县域医疗卫生共同体建设', 'county-medical-alliance'],
	['促进中医药传承创新发展', 'tcm-development'],
	['促进3岁以下婴幼儿照护服务发展', 'infant-care'],
	['加强公共卫生体系建设', 'public-health-system'],
	['推进健康{S}行动', 'healthy-region-action'],
	['推动公立医院高质量发展', 'public-hospitals'],
	['加强卫生健康人才队伍建设', 'health-workforce'],
	['推进智慧医疗和全民健康信息化建设', 'digital-health'],
	['加强老年健康服务工作', 'elderly-health'],
	['深入推进医养结合发展', 'medical-elderly-care'],
	['加强精神卫生和心理健康服务', 'mental-health'],
	['完善重大疫情防控救治体系', 'epidemic-response'],
	['提升医疗服务质量和安全水平', 'care-quality'],
	['推动家庭医生签约服务提质增效', 'family-doctors'],
	['加强职业健康保护', 'occupational-health'],
	['推进妇幼健康事业发展', 'maternal-child-health'],
	['深化医保支付方式改革', 'payment-reform'],
	['加强医疗卫生行业综合监管', 'sector-supervision'],
];

const PLAN_TOPICS = [
	['卫生健康事业发展', 'health-development-plan'],
	['深化医药卫生体制改革', 'healthcare-reform-plan'],
	['中医药发展', 'tcm-plan'],
	['全民健康信息化', 'digital-health-plan'],
	['医疗卫生服务体系', 'service-system-plan'],
	['疾病预防控制事业发展', 'disease-control-plan'],
];

const CLOSING = ['加强组织领导', '强化资金保障', '加强督导考核', '强化宣传引导', '完善配套政策',
	'加强部门协同'];

// 省 0, 市 1, 区 and 县 2.
function rank(region) {
	return region.lv === '省' ? 0 : region.lv === '市' ? 1 : 2;
}

// 广东's cities have a 卫生健康局, 福建's and the provinces a 卫生健康委员会.
function healthIssuer(region) {
	return `${region.name}${region.lv === '省' || region.prov === 'fj' ? '卫生健康委员会' : '卫生健康局'}`;
}

function pad(n) {
	return String(n).padStart(2, '0');
}

function bytes(lines) {
	let n = 0;
	for (const l of lines)
		n += Buffer.byteLength(l) + 1;
	return n;
}

export class DocumentMaker {
	constructor({ seed, vocab, registry }) {
		this.seed = seed;
		this.vocab = vocab;
		this.registry = registry;
		this.policies = [];		// every policy made so far: { slug, title, docNumber, region, … }
		this.citable = new Map();	// province|rank → policies with a doc_number
		this.docNumbers = new Map();	// prefix|year → last number used
	}

	// Document i; depends only on the seed and documents 0 … i−1.
	make(i) {
		const rng = new Rng(this.seed, `doc-${i}`);
		if (i >= 10 && rng.chance(0.05))
			return this.interpretation(i, rng, rng.pick(this.policies));
		const doc = this.policy(i, rng);
		const meta = { slug: doc.slug, title: doc.title, docNumber: doc.docNumber,
			region: doc.region, issuer: doc.issuer, date: doc.date };
		this.policies.push(meta);
		if (doc.docNumber) {
			const key = `${doc.region.prov}|${rank(doc.region)}`;
			if (!this.citable.has(key))
				this.citable.set(key, []);
			this.citable.get(key).push(meta);
		}
		return doc;
	}

	docNumber(prefix, year) {
		const key = `${prefix}|${year}`;
		const n = (this.docNumbers.get(key) || 0) + 1;
		this.docNumbers.set(key, n);
		return `${prefix}〔${year}〕${n}号`;
	}

	// An earlier policy of the same province one level up, to cite.
	cited(rng, region, year) {
		const r = rank(region);
		if (r === 0)
			return null;
		const list = this.citable.get(`${region.prov}|${r - 1}`) || [];
		for (let k = 0; k < 8 && list.length; k++) {
			const d = rng.pick(list);
			if (d.date.iso <= `${year}-12-31`)
				return d;
		}
		return null;
	}

	policy(i, rng) {
		const region = rng.weighted([
			[15, () => rng.pick(REGIONS.filter((r) => r.lv === '省'))],
			[65, () => rng.pick(REGIONS.filter((r) => r.lv === '市'))],
			[20, () => rng.pick(REGIONS.filter((r) => r.lv === '区' || r.lv === '县'))],
		])();
		const genre = rng.weighted([[30, '实施方案'], [12, '通知'], [15, '意见'], [25, '规划'],
			[18, '任务分解表']]);
		const year = rng.int(2019, 2025);
		const target = Math.round(5000 + 29500 * Math.pow(rng.float(), 1.15));
		const ctx = {
			i, rng, region, genre, year, target,
			text: new TextGen(this.vocab, rng, region, year),
			units: new Units(this.registry.get(region.name), rng, region.lv),
			lines: [], tables: 0, indicator: null, measure: 0,
		};
		const gov = `${region.name}人民政府`;
		const [topic, topicSlug] = genre === '规划' ? rng.pick(PLAN_TOPICS) : rng.pick(TOPICS);
		const topicText = ctx.text.place(topic);
		ctx.slug = `${region.slug}-${year}-${topicSlug}-${String(i).padStart(5, '0')}`;
		ctx.cite = this.cited(rng, region, year);
		ctx.gov = gov;

		let title, issuer, prefix;
		const a = region.abbr, lv = region.lv;
		const pfx = lv === '省' ? a : lv === '市' ? `${a}市` : `${a}${lv}`;
		switch (genre) {
		case '实施方案':
			title = `${region.name}${topicText}实施方案`;
			issuer = `${gov}办公室`;
			prefix = `${pfx}府办`;
			break;
		case '通知':
			title = `关于${topicText}的通知`;
			issuer = rng.chance(0.5) ? healthIssuer(region) : `${gov}办公室`;
			prefix = `${pfx}卫函`;
			break;
		case '意见':
			title = `关于${topicText}的意见`;
			issuer = [`中共${region.name}委`, gov];
			prefix = `${pfx}发`;
			break;
		case '规划': {
			const p = year <= 2021 ? '“十四五”' : year >= 2025 ? '“十五五”' : `（${year}—${year + 3}年）`;
			title = `${region.name}${topicText}${p}规划`;
			issuer = healthIssuer(region);
			prefix = `${pfx}卫规`;
			ctx.period = year <= 2021 ? '2021-2025' : year >= 2025 ? '十五五' : `${year}-${year + 3}`;
			break;
		}
		default:
			title = `${region.name}${year}年度${rng.pick(['深化医改', '卫生健康', '医疗保障'])}重点任务分解表`;
			issuer = `${region.name}深化医药卫生体制改革领导小组`;
			prefix = `${pfx}医改组`;
		}
		ctx.title = title;
		ctx.issuer = issuer;
		const docNumber = genre !== '规划' || rng.chance(0.4) ? this.docNumber(prefix, year) : null;
		ctx.docNumber = docNumber;
		const date = this.date(rng, year);

		if (rng.chance(0.1))
			ctx.lines.push(`> **编者注**：本文由基准测试语料生成器根据本站收录文件的文字合成，不是真实文件；原件的排版空格已删除。`, '');
		switch (genre) {
		case '实施方案':
		case '通知':
			this.noticeHeader(ctx, date);
			this.measuresBody(ctx, genre === '通知' ? 0.9 : 0.85);
			break;
		case '意见':
			this.opinionBody(ctx);
			break;
		case '规划':
			this.planBody(ctx);
			break;
		default:
			this.noticeHeader(ctx, date);
			this.taskTables(ctx);
		}
		if (genre !== '规划' && rng.chance(0.06))
			this.taskBlocks(ctx);

		const fm = [
			'---',
			`title: ${title}`,
			...(docNumber ? [`doc_number: ${docNumber}`] : []),
			...(Array.isArray(issuer) ? ['issuer:', ...issuer.map((x) => `  - ${x}`)] : [`issuer: ${issuer}`]),
			`date: ${date.fm}`,
		];
		if (rng.chance(0.05))
			fm.push(`updated: ${year + 1}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`);
		fm.push(`region: ${region.name}`, `level: ${region.level}`, 'kind: policy', `genre: ${genre}`);
		if (genre === '规划' && rng.chance(0.15))
			fm.push('status: 征求意见稿');
		const period = ctx.period || (genre === '任务分解表' ? `"${year}"` : rng.chance(0.7) ?
			`${year}-${year + rng.int(1, 4)}` : null);
		if (period)
			fm.push(`plan_period: ${period}`);
		if (ctx.noTasks)
			fm.push('tasks: none');
		const basedOn = ctx.cite ? [ctx.cite.docNumber] :
			rank(region) === 0 ? [`国办发〔${year - 1}〕${rng.int(1, 60)}号`] : [];
		if (basedOn.length)
			fm.push('based_on:', ...basedOn.map((b) => `  - ${b}`));
		fm.push('summary: >-', `  ${this.summary(ctx)}`, '---', '');

		return {
			slug: ctx.slug, title, docNumber, region, kind: 'policy', issuer: Array.isArray(issuer) ? issuer.join('、') : issuer,
			date, markdown: `${fm.join('\n')}\n${ctx.lines.join('\n')}\n`, body: `${ctx.lines.join('\n')}\n`,
			indicator: ctx.indicator,
		};
	}

	date(rng, year) {
		const m = rng.int(1, 12), d = rng.int(1, 28);
		const r = rng.float();
		if (r < 0.03)
			return { fm: `"${year}"`, iso: `${year}-01-01`, cn: `${year}年` };
		if (r < 0.1)
			return { fm: `${year}-${pad(m)}`, iso: `${year}-${pad(m)}-01`, cn: `${year}年${m}月` };
		return { fm: `${year}-${pad(m)}-${pad(d)}`, iso: `${year}-${pad(m)}-${pad(d)}`, cn: `${year}年${m}月${d}日` };
	}

	summary(ctx) {
		const { text, rng, region } = ctx;
		const parts = [`${region.name}${ctx.genre === '任务分解表' ? '把年度重点工作分解为具体任务，逐项列明责任单位和完成时限' : '围绕卫生健康事业发展提出一系列措施'}。`];
		parts.push(text.sentence());
		if (rng.chance(0.6))
			parts.push(text.deadlineSentence());
		return parts.join('');
	}

	noticeHeader(ctx, date) {
		const { lines, text, region, units } = ctx;
		if (ctx.docNumber)
			lines.push(ctx.docNumber, '');
		const addressee = region.lv === '省' ? '各地级以上市人民政府，省政府各部门、各直属机构' :
			region.lv === '市' ? '各县（市、区）人民政府，市府直属各单位' : '各镇人民政府（街道办事处），区直各单位';
		const issuer = Array.isArray(ctx.issuer) ? ctx.issuer.join(' ') : ctx.issuer;
		const heading = ctx.genre === '通知' ? `${issuer}${ctx.title}` : `${issuer}关于印发${ctx.title}的通知`;
		lines.push(`## ${heading}`, '',
			`${addressee}：`, '',
			`《${ctx.title}》已经${ctx.gov}同意，现印发给你们，请认真组织实施。实施过程中遇到的问题，请径向${units.health ? units.health.short || units.health.name : '有关部门'}反映。`, '',
			issuer, '', date.cn, '');
		if (ctx.genre !== '任务分解表') {
			lines.push(`## ${ctx.title}`, '');
			const basis = ctx.cite ? `根据《${ctx.cite.title}》（${ctx.cite.docNumber}）精神，` : '';
			lines.push(`为${text.title()}，${basis}结合工作实际，制定本方案。${text.sentence()}`, '');
		}
	}

	measure(ctx, clauseChance, ascii = false) {
		const { text, rng, units } = ctx;
		const n = ++ctx.measure;
		const num = ascii ? `(${cn(n)})` : `（${cn(n)}）`;
		let body = text.sentences(2, 7);
		if (rng.chance(0.55))
			body += text.deadlineSentence();
		body += text.sentences(0, 3);
		let clause = '';
		if (n === 1 && ctx.standing && units.collective)
			clause = units.standingClause();
		else if (rng.chance(clauseChance))
			clause = units.clause();
		body += clause;
		ctx.lines.push(`**${num}${text.title()}。**${body}`, '');
	}

	measuresBody(ctx, clauseChance) {
		const { lines, text, rng, region } = ctx;
		ctx.standing = region.lv === '市' && rng.chance(0.3);
		lines.push('## 一、总体要求', '', `${text.sentences(2, 4)}${text.deadlineSentence()}${text.sentences(1, 3)}`, '');
		let chapter = 1;
		const min = rng.int(3, 6);
		while (bytes(lines) < ctx.target - 1500 || ctx.measure < min) {
			lines.push(`## ${cn(++chapter)}、${text.heading()}`, '');
			if (rng.chance(0.3))
				lines.push(text.sentences(1, 3), '');
			const k = rng.int(2, 5);
			for (let j = 0; j < k; j++)
				this.measure(ctx, clauseChance);
			if (rng.chance(0.08))
				this.projectTable(ctx);
			if (chapter > 60)
				break;
		}
		lines.push(`## ${cn(++chapter)}、${rng.pick(['保障措施', '组织实施'])}`, '');
		for (const t of rng.sample(CLOSING, rng.int(2, 3))) {
			const n = ++ctx.measure;
			lines.push(`**（${cn(n)}）${t}。**${text.sentences(2, 4)}`, '');
		}
	}

	opinionBody(ctx) {
		const { lines, text, rng } = ctx;
		const ascii = rng.chance(0.5);
		const num = (n) => ascii ? `(${cn(n)})` : `（${cn(n)}）`;
		lines.push(`${text.sentences(2, 3)}现提出如下意见。`.replace('如下意见', '以下意见'), '');
		lines.push('## 一、总体要求', '');
		lines.push(`**${num(++ctx.measure)}指导思想。**${text.sentences(3, 5)}`, '');
		lines.push(`**${num(++ctx.measure)}主要目标。**${text.deadlineSentence()}${text.sentences(1, 3)}`, '');
		let chapter = 1;
		while (bytes(lines) < ctx.target - 800) {
			lines.push(`## ${cn(++chapter)}、${text.heading()}`, '');
			const k = rng.int(2, 5);
			for (let j = 0; j < k; j++)
				this.measure(ctx, 0.15, ascii);
			if (chapter > 60)
				break;
		}
	}

	// 序号 | 项目名称 | 建设内容 | 建设期限: a table that is neither tasks
	// nor indicators.
	projectTable(ctx) {
		const { lines, text, rng } = ctx;
		ctx.tables++;
		lines.push(`${ctx.region.name}卫生健康重点建设项目`, '', '| 序号 | 项目名称 | 建设内容 | 建设期限 |', '|---|---|---|---|');
		const k = rng.int(3, 8);
		for (let j = 1; j <= k; j++) {
			const y = ctx.year + rng.int(0, 2);
			lines.push(`| ${j} | ${text.title()}项目 | ${text.sentence()} | ${y}—${y + rng.int(1, 3)}年 |`);
		}
		lines.push('');
	}

	planBody(ctx) {
		const { lines, text, rng, region } = ctx;
		const chapters = rng.chance(0.5);
		const h2 = (n, t) => chapters ? `## 第${cn(n)}章 ${t}` : `## ${cn(n)}、${t}`;
		const h3 = (n, t) => chapters ? `### 第${cn(n)}节 ${t}` : `### （${cn(n)}）${t}`;
		const h4 = (n, t) => chapters ? `#### （${cn(n)}）${t}` : `#### ${n}. ${t}`;
		const h5 = (n, t) => chapters ? `##### ${n}. ${t}` : `##### （${n}）${t}`;
		const h6 = (n, t) => `###### ${CIRCLED[(n - 1) % 20]}${t}`;
		ctx.noTasks = rng.chance(0.3);
		const withIndicators = rng.chance(0.4);

		lines.push(`${text.sentences(2, 4)}`, '');
		lines.push(h2(1, '规划背景'), '', h3(1, '发展基础'), '', text.sentences(4, 8), '');
		for (let j = 0; j < rng.int(2, 4); j++)
			lines.push(`——**${text.title()}。**${text.sentences(2, 5)}`, '');
		lines.push(h3(2, '面临形势'), '', text.sentences(3, 6), '');
		lines.push(h2(2, '总体要求'), '', h3(1, '指导思想'), '', text.sentences(3, 5), '',
			h3(2, '基本原则'), '');
		for (let j = 0; j < 4; j++)
			lines.push(`**${text.title()}。**${text.sentences(1, 3)}`, '');
		lines.push(h3(3, '发展目标'), '', `${text.deadlineSentence()}${text.sentences(1, 3)}`, '');
		if (withIndicators) {
			const no = ++ctx.tables;
			const setId = `${region.slug}-${String(ctx.i).padStart(5, '0')}`;
			const t = makeIndicatorTable(rng, this.vocab, { slug: ctx.slug, setId, tableNo: no, region });
			lines.push(t.title, '', ...t.lines, '');
			ctx.indicator = { id: setId, yaml: t.yaml, csv: t.csv, count: t.count };
		}
		lines.push(h2(3, '主要任务'), '');
		let sec = 0;
		while (bytes(lines) < ctx.target - 2500 && sec < 40) {
			lines.push(h3(++sec, text.heading()), '', text.sentences(1, 3), '');
			const subs = rng.int(1, 3);
			for (let s = 1; s <= subs; s++) {
				lines.push(h4(s, text.heading()), '');
				const items = rng.int(1, 3);
				for (let k = 1; k <= items; k++) {
					if (rng.chance(0.5)) {
						lines.push(h5(k, text.title()), '', text.sentences(2, 5), '');
						if (rng.chance(0.3))
							for (let m = 1; m <= rng.int(1, 3); m++)
								lines.push(h6(m, text.title()), '', text.sentences(1, 4), '');
					} else {
						const n = k;
						let body = text.sentences(2, 6);
						if (rng.chance(0.4))
							body += text.deadlineSentence();
						if (rng.chance(0.3))
							body += ctx.units.clause();
						lines.push(`**${chapters ? `${n}.` : `（${n}）`}${text.title()}。**${body}`, '');
					}
				}
			}
			if (rng.chance(0.1))
				this.projectTable(ctx);
		}
		lines.push(h2(4, '保障措施'), '');
		let k = 0;
		for (const t of rng.sample(CLOSING, rng.int(2, 4)))
			lines.push(h3(++k, t), '', text.sentences(2, 4), '');
	}

	taskTables(ctx) {
		const { lines, text, rng, units } = ctx;
		lines.push('## 附件', '', ctx.title, '');
		let row = 0, group = 0;
		while (bytes(lines) < ctx.target - 1000 && group < 30) {
			lines.push(`### ${cn(++group)}、${text.heading()}`, '');
			ctx.tables++;
			lines.push('| 序号 | 主要目标要求 | 细化措施 | 责任单位 | 完成时限 | 备注 |', '|---|---|---|---|---|---|');
			const k = rng.int(1, 5);
			for (let j = 0; j < k; j++) {
				const steps = rng.int(1, 5);
				const cells = [];
				for (let s = 0; s < steps; s++)
					cells.push(`${CIRCLED[s]}${text.sentences(1, 3)}`);
				const due = rng.weighted([
					[3, `${ctx.year}年12月底前`], [2, `${ctx.year}年${rng.int(3, 11)}月底前`],
					[2, `${ctx.year}年底前`], [2, '持续推进'], [1, '长期'], [1, `${ctx.year}年上半年`],
					[1, `${ctx.year + 1}年`], [1, '每年'], [1, `${ctx.year}-12-31`], [1, ''],
				]);
				lines.push(`| ${++row} | ${text.goal()}。 | ${cells.join(' ')} | ${units.cell()} | ${due} |  |`);
			}
			lines.push('');
		}
	}

	taskBlocks(ctx) {
		const { lines, text, rng, units } = ctx;
		const k = rng.int(1, 2);
		for (let j = 1; j <= k; j++) {
			const [lead, ...sup] = units.pickTeam(3);
			const due = rng.pick([`${ctx.year + 1}年6月底前`, `${ctx.year + 1}-06-30`, `${ctx.year}年底前`, '持续推进']);
			lines.push('```task', `id: ${ctx.slug}-extra-${j}`, `title: ${text.title()}`,
				`lead: ${lead.short || lead.name}`);
			if (sup.length)
				lines.push(`supports: [${sup.map((u) => u.short || u.name).join(', ')}]`);
			lines.push(`deadline: ${due}`);
			if (rng.chance(0.5))
				lines.push(`status: ${rng.pick(['done', 'in-progress', 'not-started'])}`);
			lines.push('```', '');
		}
	}

	interpretation(i, rng, policy) {
		const region = policy.region;
		const year = +policy.date.iso.slice(0, 4);
		const text = new TextGen(this.vocab, rng, region, year);
		const slug = `${policy.slug.replace(/-\d{5}$/, '')}-interpretation-${String(i).padStart(5, '0')}`;
		const title = `一文读懂：${policy.title}`;
		const ref = policy.docNumber ? `（${policy.docNumber}）` : '';
		const lines = [
			`> **编者注**：本文是本站编辑部根据文件原文撰写的通俗解读，不是发文机关的官方解读，具体内容以原文为准。`, '',
			'## 为什么出台', '',
			`${policy.date.cn}，${policy.issuer}印发《${policy.title}》${ref}。${text.sentences(2, 4)}`, '',
			'## 主要目标', '', text.sentences(1, 3), '',
		];
		for (let j = 0; j < rng.int(3, 6); j++)
			lines.push(`- ${text.deadlineSentence().replace(/。$/, '；')}`);
		lines.push('', '## 重点举措', '');
		const target = rng.int(5000, 10000);
		let n = 0;
		while (bytes(lines) < target - 1200 && n < 12)
			lines.push(`${++n}. **${text.title()}**：${text.sentences(1, 3)}`);
		lines.push('', `## 对${region.short}群众意味着什么`, '', text.sentences(2, 5), '', '## 谁来负责', '',
			text.sentences(1, 3), '');
		const date = { fm: `${policy.date.iso}`, iso: policy.date.iso, cn: policy.date.cn };
		const fm = [
			'---', `title: ${title}`, 'issuer: 本站编辑部', `date: ${date.fm}`, `region: ${region.name}`,
			`level: ${region.level}`, 'kind: interpretation', 'genre: 解读', `interprets: ${policy.slug}`,
			'summary: >-', `  本文用通俗的语言介绍《${policy.title}》${ref}为什么出台、要达到什么目标、有哪些重点举措。${text.sentence()}`,
			'---', '',
		];
		return {
			slug, title, docNumber: null, region, kind: 'interpretation', issuer: '本站编辑部', date,
			markdown: `${fm.join('\n')}\n${lines.join('\n')}\n`, body: `${lines.join('\n')}\n`, indicator: null,
		};
	}
}
