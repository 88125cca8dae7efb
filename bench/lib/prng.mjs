// A small seeded PRNG for the corpus generator: sfc32, seeded through
// splitmix32 from (seed, stream), so that every document has a stream of its
// own and document i is the same whatever the corpus size. Math.random is
// never used.

function splitmix32(state) {
	return () => {
		state = (state + 0x9e3779b9) | 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

// A string or number key to 32 bits (FNV-1a over the UTF-16 code units).
export function hash32(key) {
	const s = String(key);
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export class Rng {
	constructor(seed, stream = 0) {
		const sm = splitmix32((hash32(seed) ^ Math.imul(hash32(stream), 0x27d4eb2d)) | 0);
		this.a = sm();
		this.b = sm();
		this.c = sm();
		this.d = sm();
		for (let i = 0; i < 12; i++)
			this.u32();
	}

	u32() {
		let { a, b, c, d } = this;
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		Object.assign(this, { a, b, c, d });
		return t >>> 0;
	}

	// A float in [0, 1).
	float() {
		return this.u32() / 4294967296;
	}

	// An integer in [lo, hi], both included.
	int(lo, hi) {
		return lo + Math.floor(this.float() * (hi - lo + 1));
	}

	chance(p) {
		return this.float() < p;
	}

	pick(list) {
		return list[Math.floor(this.float() * list.length)];
	}

	// Pick by weight: `table` is a list of [weight, value].
	weighted(table) {
		let total = 0;
		for (const [w] of table)
			total += w;
		let x = this.float() * total;
		for (const [w, v] of table) {
			if (x < w)
				return v;
			x -= w;
		}
		return table[table.length - 1][1];
	}

	// `k` distinct elements of `list`, in random order.
	sample(list, k) {
		const copy = list.slice();
		const n = Math.min(k, copy.length);
		for (let i = 0; i < n; i++) {
			const j = i + Math.floor(this.float() * (copy.length - i));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy.slice(0, n);
	}
}
