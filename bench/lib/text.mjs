// Running text for one document: sentences, titles and headings from the
// bundled content's vocabulary, with the document's places filled in,
// numbers varied and sentences recombined at their commas, so that a large
// corpus does not repeat the same few hundred sentences word for word.

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五.
export function cn(n) {
	if (n <= 10)
		return n === 10 ? '十' : CN_DIGITS[n];
	if (n < 20)
		return `十${CN_DIGITS[n - 10]}`;
	const tens = Math.floor(n / 10), ones = n % 10;
	return `${CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const VERBS = ['加强', '推进', '完善', '健全', '深化', '提升', '落实', '推动', '强化', '优化',
	'建立', '实施', '探索', '规范', '促进', '扩大', '巩固', '加快', '创新', '发展'];

function province(region) {
	return region.prov === 'gd' ? { name: '广东省', short: '广东' } : { name: '福建省', short: '福建' };
}

export class TextGen {
	constructor(vocab, rng, region, year) {
		this.v = vocab;
		this.rng = rng;
		this.region = region;
		this.year = year;
		const p = province(region);
		this.fill = {
			'{R}': region.name, '{S}': region.short, '{P}': p.name, '{Q}': p.short,
			'{全}': `全${region.lv}`, '{我}': `我${region.lv}`,
		};
		if (!vocab.clauses) {
			vocab.clauses = [...new Set(vocab.sentences.flatMap((s) =>
				s.replace(/。$/, '').split(/[，；]/).filter((c) => c.length >= 6 &&
					/^[\u4e00-\u9fff]/.test(c) && /[\u4e00-\u9fff）)”]$/.test(c) &&
					(c.match(/[（(“]/g) || []).length === (c.match(/[）)”]/g) || []).length)))];
			vocab.objects = [...new Set([...vocab.titles, ...vocab.headings]
				.filter((t) => VERBS.includes(t.slice(0, 2)) && t.length >= 6)
				.map((t) => t.slice(2))
				.filter((o) => !VERBS.includes(o.slice(0, 2))))];
		}
	}

	place(s) {
		return s.replace(/\{[RSPQ全我]\}/g, (m) => this.fill[m]);
	}

	// Vary the numbers of a sentence: years move with the document's year,
	// months and days stay (they may be part of a deadline), other numbers
	// change by up to 40%, a percentage stays at most 100.
	numbers(s) {
		const shift = this.year - 2023;
		return s.replace(/\d+(?:\.\d+)?/g, (m, at, str) => {
			const next = str[at + m.length] || '', prev = str[at - 1] || '';
			if (next === '月' || next === '日' || prev === '月' || /[-—～~至A-Za-z]/.test(prev) ||
			    /[-—～~至A-Za-z+]/.test(next))
				return m;
			if (next === '年' && /^(19|20)\d\d$/.test(m))
				return String(+m + shift);
			if (next === '年' || /^(19|20)\d\d$/.test(m) || m === '0')
				return m;
			const dec = m.includes('.') ? m.split('.')[1].length : 0;
			let x = +m * (0.6 + 0.8 * this.rng.float());
			if (next === '%' && +m <= 100)
				x = Math.min(x, 100);
			const out = x.toFixed(dec);
			return dec === 0 && +out === 0 ? '1' : out;
		});
	}

	// One sentence ending in 。
	sentence() {
		let s;
		if (this.rng.chance(0.5)) {
			s = this.rng.pick(this.v.sentences);
		} else {
			const k = this.rng.int(2, 4);
			const parts = [];
			for (let i = 0; i < k; i++)
				parts.push(this.rng.pick(this.v.clauses));
			s = `${parts.join('，')}。`;
		}
		s = this.place(s);
		return this.rng.chance(0.7) ? this.numbers(s) : s;
	}

	sentences(lo, hi) {
		const n = this.rng.int(lo, hi);
		let out = '';
		for (let i = 0; i < n; i++)
			out += this.sentence();
		return out;
	}

	// A measure title: 加强疾病预防控制体系建设.
	title() {
		if (this.rng.chance(0.5))
			return this.place(this.rng.pick(this.v.titles));
		return this.place(this.rng.pick(VERBS) + this.rng.pick(this.v.objects));
	}

	heading() {
		return this.rng.chance(0.5) ? this.place(this.rng.pick(this.v.headings)) : this.title();
	}

	goal() {
		return this.place(this.rng.pick(this.v.goals.length && this.rng.chance(0.5) ? this.v.goals :
			this.v.titles));
	}

	// A deadline phrase and whether it is a date.
	deadline() {
		const y = this.year + this.rng.int(0, 3), m = this.rng.int(3, 12);
		const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
		return this.rng.weighted([
			[4, `到${y}年底`], [3, `到${y}年`], [4, `${y}年${m}月底前`], [3, `${y}年底前`],
			[1, `${y}年${m}月${last}日前`], [1, `${y}年上半年`], [1, `${y}年三季度`],
			[1, `力争到${y}年`],
		]);
	}

	// A sentence with a deadline in it.
	deadlineSentence() {
		const d = this.deadline();
		const rest = this.place(this.rng.pick(this.v.clauses));
		return this.rng.weighted([
			[3, `${d}，${rest}。`],
			[2, `${rest}，${d}完成。`],
			[1, `${rest}，持续推进。`],
			[1, `每年开展${this.rng.int(1, 4)}次以上${this.title()}专项检查。`],
		]);
	}
}
