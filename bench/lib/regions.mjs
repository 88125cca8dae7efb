// Regions and their department registries for the synthetic corpus, in the
// format of docs/departments.md: two provinces, fifteen cities and four
// districts or counties of Guangdong and Fujian, each with the units its
// documents name as responsible. Which optional units a region has comes
// from the seed.

import { Rng } from './prng.mjs';

export const REGIONS = [
	{ name: '广东省', short: '广东', slug: 'guangdong', level: '省级', lv: '省', prov: 'gd', abbr: '粤' },
	{ name: '福建省', short: '福建', slug: 'fujian', level: '省级', lv: '省', prov: 'fj', abbr: '闽' },
	{ name: '梅州市', short: '梅州', slug: 'meizhou', level: '市级', lv: '市', prov: 'gd', abbr: '梅' },
	{ name: '清远市', short: '清远', slug: 'qingyuan', level: '市级', lv: '市', prov: 'gd', abbr: '清' },
	{ name: '韶关市', short: '韶关', slug: 'shaoguan', level: '市级', lv: '市', prov: 'gd', abbr: '韶' },
	{ name: '河源市', short: '河源', slug: 'heyuan', level: '市级', lv: '市', prov: 'gd', abbr: '河' },
	{ name: '汕尾市', short: '汕尾', slug: 'shanwei', level: '市级', lv: '市', prov: 'gd', abbr: '汕尾' },
	{ name: '肇庆市', short: '肇庆', slug: 'zhaoqing', level: '市级', lv: '市', prov: 'gd', abbr: '肇' },
	{ name: '云浮市', short: '云浮', slug: 'yunfu', level: '市级', lv: '市', prov: 'gd', abbr: '云' },
	{ name: '揭阳市', short: '揭阳', slug: 'jieyang', level: '市级', lv: '市', prov: 'gd', abbr: '揭' },
	{ name: '潮州市', short: '潮州', slug: 'chaozhou', level: '市级', lv: '市', prov: 'gd', abbr: '潮' },
	{ name: '三明市', short: '三明', slug: 'sanming', level: '市级', lv: '市', prov: 'fj', abbr: '明' },
	{ name: '南平市', short: '南平', slug: 'nanping', level: '市级', lv: '市', prov: 'fj', abbr: '南' },
	{ name: '龙岩市', short: '龙岩', slug: 'longyan', level: '市级', lv: '市', prov: 'fj', abbr: '龙' },
	{ name: '宁德市', short: '宁德', slug: 'ningde', level: '市级', lv: '市', prov: 'fj', abbr: '宁' },
	{ name: '莆田市', short: '莆田', slug: 'putian', level: '市级', lv: '市', prov: 'fj', abbr: '莆' },
	{ name: '潮州市湘桥区', short: '湘桥', slug: 'xiangqiao', level: '县区级', lv: '区', prov: 'gd', abbr: '湘' },
	{ name: '梅州市梅县区', short: '梅县', slug: 'meixian', level: '县区级', lv: '区', prov: 'gd', abbr: '梅县' },
	{ name: '三明市沙县区', short: '沙县', slug: 'shaxian', level: '县区级', lv: '区', prov: 'fj', abbr: '沙' },
	{ name: '韶关市仁化县', short: '仁化', slug: 'renhua', level: '县区级', lv: '县', prov: 'gd', abbr: '仁' },
];

const KIND_ORDER = ['government', 'party', 'collective', 'agency', 'hospital', 'regulator', 'group', 'other'];

// Units of a city, district or county. `n` is the official name after the
// region's name, `s` the short form after the level word (市/区/县), `a`
// aliases after the level word; `p` the chance that a region has the unit.
// `gd`/`fj` override for one province.
const LOCAL = [
	{ id: 'health', kind: 'government', gd: { n: '卫生健康局', s: '卫生健康局', a: ['卫健局'] },
		fj: { n: '卫生健康委员会', s: '卫健委', a: ['卫生健康委', '卫生健康委员会'] } },
	{ id: 'development-reform', kind: 'government',
		gd: { n: '发展和改革局', s: '发展改革局', a: ['发展和改革局', '发改局'] },
		fj: { n: '发展和改革委员会', s: '发改委', a: ['发展改革委', '发展和改革委员会'] } },
	{ id: 'finance', kind: 'government', n: '财政局', s: '财政局' },
	{ id: 'education', kind: 'government', n: '教育局', s: '教育局' },
	{ id: 'civil-affairs', kind: 'government', n: '民政局', s: '民政局' },
	{ id: 'human-resources-social-security', kind: 'government',
		gd: { n: '人力资源和社会保障局', s: '人力资源社会保障局', a: ['人力资源和社会保障局', '人社局'] },
		fj: { n: '人力资源和社会保障局', s: '人社局', a: ['人力资源和社会保障局', '人力资源社会保障局'] } },
	{ id: 'medical-security', kind: 'government', n: '医疗保障局', s: '医保局', a: ['医疗保障局'] },
	{ id: 'market-regulation', kind: 'government', n: '市场监督管理局', s: '市场监管局', a: ['市场监督管理局'] },
	{ id: 'public-security', kind: 'government', n: '公安局', s: '公安局', p: 0.8 },
	{ id: 'justice', kind: 'government', n: '司法局', s: '司法局', p: 0.6 },
	{ id: 'science-technology', kind: 'government', n: '科学技术局', s: '科技局', a: ['科学技术局'], p: 0.8 },
	{ id: 'industry-it', kind: 'government', n: '工业和信息化局', s: '工业和信息化局', a: ['工信局'], p: 0.7 },
	{ id: 'emergency-management', kind: 'government', n: '应急管理局', s: '应急管理局', a: ['应急局'], p: 0.7 },
	{ id: 'natural-resources', kind: 'government', n: '自然资源局', s: '自然资源局', p: 0.6 },
	{ id: 'housing-urban-rural', kind: 'government', n: '住房和城乡建设局', s: '住房城乡建设局',
		a: ['住房和城乡建设局', '住建局'], p: 0.6 },
	{ id: 'ecology-environment', kind: 'government', n: '生态环境局', s: '生态环境局', p: 0.5 },
	{ id: 'agriculture-rural', kind: 'government', n: '农业农村局', s: '农业农村局', p: 0.6 },
	{ id: 'culture-tourism', kind: 'government',
		gd: { n: '文化广电旅游体育局', s: '文化广电旅游体育局', a: ['文广旅体局'] },
		fj: { n: '文化和旅游局', s: '文旅局', a: ['文化和旅游局'] }, p: 0.7 },
	{ id: 'sports', kind: 'government', fj: { n: '体育局', s: '体育局' }, p: 0.8 },
	{ id: 'government-services-data', kind: 'government',
		gd: { n: '政务服务和数据管理局', s: '政务服务和数据管理局', a: ['政务服务数据管理局', '政数局'] },
		fj: { n: '数据管理局', s: '数据管理局', a: ['大数据局'] }, p: 0.7 },
	{ id: 'veterans-affairs', kind: 'government', n: '退役军人事务局', s: '退役军人事务局', p: 0.4 },
	{ id: 'statistics', kind: 'government', n: '统计局', s: '统计局', p: 0.4 },
	{ id: 'transport', kind: 'government', n: '交通运输局', s: '交通运输局', a: ['交通局'], p: 0.4 },
	{ id: 'water', kind: 'government', n: '水务局', s: '水务局', p: 0.3 },
	{ id: 'establishment-office', kind: 'party', party: '机构编制委员会办公室', s: '委编办', a: ['编办'] },
	{ id: 'organization-department', kind: 'party', party: '组织部', s: '委组织部', p: 0.7 },
	{ id: 'publicity-department', kind: 'party', party: '宣传部', s: '委宣传部', p: 0.6 },
	{ id: 'organs-work-committee', kind: 'party', party: '直属机关工作委员会', s: '直机关工委',
		a: ['直属机关工委'], p: 0.3 },
	{ id: 'cdc', kind: 'agency', n: '疾病预防控制中心', s: '疾控中心', a: ['疾病预防控制中心'], p: 0.8 },
	{ id: 'emergency-center', kind: 'agency', n: '紧急医疗救援指挥中心', s: '急救指挥中心', p: 0.4 },
	{ id: 'health-supervision', kind: 'agency', n: '卫生健康综合监督所', s: '卫生监督所', p: 0.4 },
	{ id: 'peoples-hospital', kind: 'hospital', n: '人民医院', s: '人民医院', p: 0.7 },
	{ id: 'tcm-hospital', kind: 'hospital', n: '中医医院', s: '中医医院', a: ['中医院'], p: 0.6 },
	{ id: 'maternal-child-hospital', kind: 'hospital', n: '妇幼保健院', s: '妇幼保健院', p: 0.5 },
	{ id: 'reform-office', kind: 'group', n: '深化医药卫生体制改革领导小组办公室', s: '医改办',
		a: ['医改领导小组办公室'], p: 0.7 },
	{ id: 'patriotic-health-office', kind: 'group', n: '爱国卫生运动委员会办公室', s: '爱卫办', p: 0.5 },
	{ id: 'red-cross', kind: 'other', n: '红十字会', s: '红十字会', p: 0.7 },
	{ id: 'trade-unions', kind: 'other', n: '总工会', s: '总工会', p: 0.4 },
	{ id: 'women-federation', kind: 'other', n: '妇女联合会', s: '妇联', p: 0.5 },
	{ id: 'disabled-federation', kind: 'other', n: '残疾人联合会', s: '残联', p: 0.5 },
];

const PROVINCIAL = [
	{ id: 'health', kind: 'government', n: '卫生健康委员会', s: '卫生健康委', a: ['卫健委', '卫生健康委员会'] },
	{ id: 'development-reform', kind: 'government', n: '发展和改革委员会', s: '发展改革委', a: ['发改委'] },
	{ id: 'finance', kind: 'government', n: '财政厅', s: '财政厅' },
	{ id: 'education', kind: 'government', n: '教育厅', s: '教育厅' },
	{ id: 'civil-affairs', kind: 'government', n: '民政厅', s: '民政厅' },
	{ id: 'human-resources-social-security', kind: 'government', n: '人力资源和社会保障厅',
		s: '人力资源社会保障厅', a: ['人社厅'] },
	{ id: 'medical-security', kind: 'government', n: '医疗保障局', s: '医保局', a: ['医疗保障局'] },
	{ id: 'market-regulation', kind: 'government', n: '市场监督管理局', s: '市场监管局' },
	{ id: 'drug-administration', kind: 'government', n: '药品监督管理局', s: '药监局' },
	{ id: 'tcm-administration', kind: 'government', n: '中医药管理局', s: '中医药局' },
	{ id: 'disease-control', kind: 'government', n: '疾病预防控制局', s: '疾控局' },
	{ id: 'science-technology', kind: 'government', n: '科学技术厅', s: '科技厅' },
	{ id: 'industry-it', kind: 'government', n: '工业和信息化厅', s: '工业和信息化厅', a: ['工信厅'] },
	{ id: 'public-security', kind: 'government', n: '公安厅', s: '公安厅', p: 0.7 },
	{ id: 'justice', kind: 'government', n: '司法厅', s: '司法厅', p: 0.6 },
	{ id: 'emergency-management', kind: 'government', n: '应急管理厅', s: '应急管理厅', p: 0.7 },
	{ id: 'housing-urban-rural', kind: 'government', n: '住房和城乡建设厅', s: '住房城乡建设厅', p: 0.6 },
	{ id: 'sports', kind: 'government', n: '体育局', s: '体育局', p: 0.7 },
	{ id: 'statistics', kind: 'government', n: '统计局', s: '统计局', p: 0.5 },
	{ id: 'government-services-data', kind: 'government', gd: { n: '政务服务和数据管理局', s: '政务服务和数据管理局',
		a: ['政数局'] }, fj: { n: '大数据管理局', s: '大数据管理局', a: ['数据管理局'] } },
	{ id: 'establishment-office', kind: 'party', party: '机构编制委员会办公室', s: '委编办' },
	{ id: 'organization-department', kind: 'party', party: '组织部', s: '委组织部' },
	{ id: 'publicity-department', kind: 'party', party: '宣传部', s: '委宣传部', p: 0.7 },
	{ id: 'reform-office', kind: 'group', n: '深化医药卫生体制改革领导小组办公室', s: '医改办' },
	{ id: 'red-cross', kind: 'other', n: '红十字会', s: '红十字会', p: 0.8 },
	{ id: 'disabled-federation', kind: 'other', n: '残疾人联合会', s: '残联', p: 0.6 },
];

function makeUnit(region, t) {
	const v = { ...t, ...(t[region.prov] || {}) };
	if (!v.n && !v.party)
		return null;	/* a unit this province does not have */
	const lv = region.lv;
	const name = v.party ? `中共${region.name}委${v.party}` : `${region.name}${v.n}`;
	const short = `${lv}${v.s}`;
	const aliases = (v.a || []).map((a) => `${lv}${a}`).filter((a) => a !== short && a !== name);
	return { id: `${region.slug}-${t.id}`, name, short, aliases, region: region.name,
		level: region.level, kind: t.kind };
}

// The units of one region; `rng` decides which optional units it has.
function regionUnits(region, rng) {
	const units = [];
	const templates = region.lv === '省' ? PROVINCIAL : LOCAL;
	for (const t of templates) {
		if (t.p !== undefined && !rng.chance(t.p))
			continue;
		const u = makeUnit(region, t);
		if (u)
			units.push(u);
	}
	// The collective unit every document of the region may name.
	if (region.lv === '市')
		units.push({ id: `${region.slug}-counties`, name: '各县（市、区）人民政府', short: null,
			aliases: ['各县（市、区）'], region: region.name, level: '县区级', kind: 'collective' });
	else if (region.lv === '省')
		units.push({ id: `${region.slug}-cities`, name: region.prov === 'gd' ? '各地级以上市人民政府' :
			'各设区市人民政府', short: null, aliases: [region.prov === 'gd' ? '各地级以上市' : '各设区市'],
			region: region.name, level: '市级', kind: 'collective' });
	else
		units.push({ id: `${region.slug}-towns`, name: '各镇人民政府（街道办事处）', short: null,
			aliases: ['各镇（街道）'], region: region.name, level: '县区级', kind: 'collective' });
	if (region.lv === '市') {
		units.push({ id: `${region.slug}-nfra-branch`, name: `国家金融监督管理总局${region.short}监管分局`,
			short: null, aliases: [`${region.short}金融监管分局`, '金融监管分局'], region: region.name,
			level: '市级', kind: 'regulator' });
		if (rng.chance(0.5))
			units.push({ id: `${region.slug}-taxation`, name: `国家税务总局${region.name}税务局`,
				short: '市税务局', aliases: [], region: region.name, level: '市级', kind: 'regulator' });
	}
	units.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return units;
}

export function makeRegistry(seed) {
	const rng = new Rng(seed, 'departments');
	const byRegion = new Map();
	for (const r of REGIONS)
		byRegion.set(r.name, regionUnits(r, rng));
	return byRegion;
}

function yamlList(items) {
	return `[${items.join(', ')}]`;
}

export function registryYaml(byRegion) {
	const out = [
		'# Department registry of the synthetic benchmark corpus (bench/corpus.mjs).',
		'# Format: docs/departments.md. Grouped by region; within a region sorted by kind,',
		'# then by id.',
		'',
	];
	for (const r of REGIONS) {
		out.push(`# ── ${r.name} ${'─'.repeat(60)}`, '');
		for (const u of byRegion.get(r.name)) {
			out.push(`- id: ${u.id}`, `  name: ${u.name}`);
			if (u.short)
				out.push(`  short: ${u.short}`);
			if (u.aliases.length)
				out.push(`  aliases: ${yamlList(u.aliases)}`);
			out.push(`  region: ${u.region}`, `  level: ${u.level}`, `  kind: ${u.kind}`, '');
		}
	}
	return out.join('\n');
}
