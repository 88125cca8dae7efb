// Responsibility clauses and 责任单位 cells over a region's registry, in
// the forms docs/departments.md and the README list: short names, aliases and
// full names, lists with a shared prefix left out (市卫健委、教育局、民政局),
// 牵头/配合, labels, and the standing rule of 梅市府办〔2024〕1号.

const LEVEL_PREFIXES = ['市委', '省委', '区委', '县委', '市', '省', '区', '县'];

function hasPrefix(s) {
	return LEVEL_PREFIXES.some((p) => s.startsWith(p));
}

export class Units {
	constructor(units, rng, lv) {
		this.rng = rng;
		this.lv = lv;
		this.all = units;
		this.forms = new Set(units.flatMap((u) => [u.name, u.short, ...u.aliases].filter(Boolean)));
		this.lead = units.filter((u) => u.kind === 'government' || u.kind === 'group');
		this.health = units.find((u) => u.id.endsWith('-health'));
		this.others = units.filter((u) => u.kind !== 'collective');
		this.collective = units.find((u) => u.kind === 'collective');
	}

	// How a document writes a unit: mostly its short name.
	form(u) {
		const r = this.rng.float();
		if (u.short && r < 0.75)
			return u.short;
		if (u.aliases.length && r < 0.9)
			return this.rng.pick(u.aliases);
		return u.short && r < 0.93 ? u.short : u.name;
	}

	// A lead and 0–5 supporting units, the lead usually the health department.
	pickTeam(maxSupports = 5) {
		const lead = this.health && this.rng.chance(0.6) ? this.health : this.rng.pick(this.lead);
		const pool = this.others.filter((u) => u !== lead);
		return [lead, ...this.rng.sample(pool, this.rng.int(0, maxSupports))];
	}

	// Written forms of `units` in order; with `compress`, a government unit
	// after one that starts with the level word drops it (市卫健委、教育局).
	written(units, compress) {
		const out = [];
		let prev = null;
		for (const u of units) {
			let f = this.form(u);
			const lv = this.lv;
			if (compress && prev && prev.startsWith(lv) && u.kind === 'government' &&
			    f.startsWith(lv) && !f.startsWith(`${lv}委`)) {
				const bare = f.slice(lv.length);
				if (bare && !this.forms.has(bare))
					f = bare;
			}
			if (hasPrefix(f))
				prev = f;
			out.push(f);
		}
		return out;
	}

	// A clause for the end of a measure, brackets included.
	clause() {
		const team = this.pickTeam();
		const w = this.written(team, this.rng.chance(0.15));
		const [lead, ...sup] = w;
		const form = this.rng.weighted([
			[45, 'duty'], [15, 'lead'], [10, 'label'], [15, 'resp'], [10, 'one'], [5, 'local'],
		]);
		if (form === 'lead' && sup.length)
			return `（${lead}牵头，${sup.join('、')}配合）`;
		if (form === 'label' && sup.length)
			return `（牵头单位：${lead}；配合单位：${sup.join('、')}）`;
		if (form === 'resp')
			return `（责任单位：${w.join('、')}）`;
		if (form === 'one' || !sup.length)
			return `（${lead}负责）`;
		if (form === 'local' && this.collective)
			return `（${w.join('、')}按职责分工负责，${this.collective.name}负责落实）`;
		return `（${w.join('、')}等按职责分工负责）`;
	}

	// The clause of 梅市府办〔2024〕1号's first measure: a standing rule for
	// every later measure of the document.
	standingClause() {
		const w = this.written(this.pickTeam(4), false);
		const c = this.collective.name;
		return `[${w.join('、')}等按职责分工负责，${c}负责落实。以下均需${c}落实，不再列出]`;
	}

	// A 责任单位 cell: 市卫健委、教育局、民政局，各县（市、区）
	cell() {
		const team = this.pickTeam(6);
		let s = this.written(team, this.rng.chance(0.6)).join('、');
		if (this.collective && this.rng.chance(0.4))
			s += `，${this.form(this.collective)}`;
		return s;
	}
}
