// Full-text search (/search/) in the index, by the rules of docs/search-index.md.
// Query and filters live in the URL. Index text only becomes text nodes.
'use strict';
(() => {
  const [form, status, out, help] = ['form', 'status', 'results', 'noscript'].map((s) => document.getElementById('search-' + s));
  const tag = document.querySelector('meta[name="search-index"]');
  if (!form || !status || !out || !tag) return;
  help?.setAttribute('hidden', '');
  const dir = new URL(tag.content.replace(/\/*$/, '/'), location.href);
  const FIELD = { kind: 0, doc: 1, region: 3, lead: 4 }; // entry field of a filter
  const KEYS = ['q', ...Object.keys(FIELD)];
  const PAGE = 10; // results a page: each may need a chunk of the index
  const KINDS = { section: '政策原文', task: '任务', indicator: '指标', department: '部门' };
  const TERM = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]+|[a-z0-9]+/gu;
  const WORD = /^\w/; // terms are Han runs or [a-z0-9]+
  const val = (k) => form.elements[k]?.value.trim() || '';
  // One UTF-16 unit for one: offsets in norm(s) are offsets in s.
  const norm = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ').replace(/[A-Z]+/g, (c) => c.toLowerCase());
  const has = (t, terms) => terms.every((x) => t.includes(x));
  const hash = (s) => { // FNV-1a, 32 bits, of the UTF-8 bytes
    let h = 2166136261;
    for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 16777619);
    return h >>> 0;
  };

  // gzip (RFC 1952, 1951) unpacked by hand, for browsers without
  // DecompressionStream (Safari before 16.4, Firefox before 113).
  const gunzip = (src) => {
    const flags = src[3];
    let pos = 10, bit = 0, out = new Uint8Array(src.length * 4), n = 0;
    if (flags & 4) pos += 2 + (src[10] | (src[11] << 8)); // FEXTRA
    for (const f of [8, 16]) if (flags & f) while (src[pos++]); // FNAME, FCOMMENT
    if (flags & 2) pos += 2; // FHCRC
    const bits = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++, bit = (bit + 1) & 7, pos += !bit) {
        if (pos >= src.length) throw new Error('gzip: truncated');
        v |= ((src[pos] >> bit) & 1) << i;
      }
      return v;
    };
    const put = (x) => {
      if (n === out.length) { const o = new Uint8Array(out.length * 2); o.set(out); out = o; }
      out[n++] = x;
    };
    // A canonical Huffman code from its code lengths: counts per length, symbols in order.
    const code = (lengths) => {
      const count = new Uint16Array(16), offs = new Uint16Array(16), symbol = new Uint16Array(lengths.length);
      for (const l of lengths) count[l]++;
      for (let l = 1; l < 15; l++) offs[l + 1] = offs[l] + count[l];
      lengths.forEach((l, s) => { if (l) symbol[offs[l]++] = s; });
      count[0] = 0;
      return { count, symbol };
    };
    const decode = ({ count, symbol }) => {
      for (let len = 1, c = 0, first = 0, index = 0; len < 16; len++) {
        c |= bits(1);
        if (c - first < count[len]) return symbol[index + c - first];
        index += count[len];
        first = (first + count[len]) << 1;
        c <<= 1;
      }
      throw new Error('gzip: bad code');
    };
    const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    for (let last = 0; !last;) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) { // stored
        if (bit) { bit = 0; pos++; }
        const len = src[pos] | (src[pos + 1] << 8);
        pos += 4;
        for (let i = 0; i < len; i++) put(src[pos++]);
        continue;
      }
      let lit, dist;
      if (type === 1) {
        lit = code(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
        dist = code(new Array(30).fill(5));
      } else if (type === 2) {
        const nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
        const cl = new Array(19).fill(0);
        for (let i = 0; i < ncode; i++) cl[ORDER[i]] = bits(3);
        const clc = code(cl), lengths = [];
        while (lengths.length < nlen + ndist) {
          const s = decode(clc);
          if (s < 16) lengths.push(s);
          else if (s === 16) lengths.push(...new Array(bits(2) + 3).fill(lengths.at(-1)));
          else lengths.push(...new Array(s === 17 ? bits(3) + 3 : bits(7) + 11).fill(0));
        }
        lit = code(lengths.slice(0, nlen));
        dist = code(lengths.slice(nlen, nlen + ndist));
      } else throw new Error('gzip: bad block');
      for (let s; (s = decode(lit)) !== 256;) {
        if (s < 256) { put(s); continue; }
        const len = LBASE[s - 257] + bits(LEXT[s - 257]), d = decode(dist), back = DBASE[d] + bits(DEXT[d]);
        if (back > n) throw new Error('gzip: bad distance');
        for (let i = 0; i < len; i++) put(out[n - back]);
      }
    }
    return out.subarray(0, n);
  };

  // Index files, fetched once; a failure is forgotten, to retry. Shards and
  // chunks are gzip files, unpacked here unless a server already did (sent
  // them with Content-Encoding: gzip, and the bytes lack gzip's 1f 8b).
  const cache = new Map();
  const unpack = async (r) => {
    const b = new Uint8Array(await r.arrayBuffer());
    if (b[0] !== 0x1f || b[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(b));
    if (typeof DecompressionStream === 'undefined') return JSON.parse(new TextDecoder().decode(gunzip(b)));
    const s = new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(s).text());
  };
  const load = (path) => cache.get(path) || cache.set(path, fetch(new URL(path, dir)).then((r) => {
    if (r.ok) return path.endsWith('.gz') ? unpack(r) : r.json();
    throw new Error(`${path}: HTTP ${r.status}`);
  }).catch((err) => { cache.delete(path); throw err; })).get(path);
  // The index's groups of entries (docs/search-index.md), each numbered from
  // the entry after the last of the groups before it.
  const meta = async () => {
    const m = await load('meta.json');
    m.groups.reduce((from, g) => (g.from = from) + g.entries, 0);
    return m;
  };
  const entry = async (id, m) => {
    let g = m.groups[0];
    for (const x of m.groups) if (x.from <= id) g = x;
    const k = id - g.from;
    return (await load(`../${g.dir}/e/${Math.floor(k / g.chunk)}.json.gz`))[k % g.chunk];
  };
  // Postings as stored (2 × gap, or 2 × gap + 1 and a weight) to entry, weight
  // pairs, entries numbered from `from`.
  const pairs = (l, from) => {
    const out = [];
    for (let i = 0, e = from; i < l.length; i++) {
      e += l[i] >> 1;
      out.push(e, l[i] & 1 ? l[++i] : 2);
    }
    return out;
  };

  // A query's ranked candidates, for more() to check.
  async function find(q, f) {
    const m = await meta();
    const terms = [...new Set(norm(q).match(TERM))];
    const tokens = new Set();
    for (const t of terms) {
      const c = [...t];
      if (WORD.test(t) || !c[1]) tokens.add(t);
      else for (let i = 1; c[i]; i++) tokens.add(c[i - 1] + c[i]);
    }
    // A token's postings: its list in each group, one group after the other.
    const lists = await Promise.all([...tokens].map(async (t) => (await Promise.all(m.groups.map(async (g) => {
      const s = await load(`../${g.dir}/t/${hash(t) % g.shards}.json.gz`);
      return Object.hasOwn(s, t) ? pairs(s[t], g.from) : [];
    }))).flat()));
    // id -> [score, in the title]; weight 1 is the title alone, never a match
    let cand = lists[0] ? null : new Map();
    for (const l of lists) {
      const idf = Math.log(1 + m.entries / (l.length / 2)), next = new Map();
      for (let i = 0; i < l.length; i += 2) {
        const c = cand ? cand.get(l[i]) : [0, 1], w = l[i + 1];
        if (c && w > 1) next.set(l[i], [c[0] + (idf * w) / (w + 1.2), c[1] & w]);
      }
      cand = next;
    }
    // Odd weights tell the title has the terms, unless one has 3+ characters.
    const exact = terms.every((t) => WORD.test(t) || ![...t][2]);
    if (!exact) await Promise.all([...cand].map(async ([id, c]) => c[1] && (c[1] = has(norm((await entry(id, m))[5]), terms))));
    const ids = [...cand.keys()].sort((a, b, [x, y] = [cand.get(a), cand.get(b)]) => y[1] - x[1] || y[0] - x[0] || a - b);
    // Short terms and no filters: every candidate is a result.
    return { m, terms, ids, f, i: 0, hits: [], check: !exact || Object.keys(FIELD).some((k) => f[k]) };
  }

  // Check candidates in rank order for n more results.
  async function more(r, n) {
    const goal = r.hits.length + n;
    while (r.hits.length < goal && r.i < r.ids.length) {
      const batch = r.ids.slice(r.i, (r.i += goal - r.hits.length));
      (await Promise.all(batch.map((id) => entry(id, r.m)))).forEach((e, k) => {
        if (has(norm(e[7]), r.terms) && Object.entries(FIELD).every(([key, i]) => !r.f[key] || e[i] === r.f[key])) r.hits.push([batch[k], e]);
      });
    }
  }

  const el = (name, cls, ...kids) => {
    const e = document.createElement(name);
    if (cls) e.className = cls;
    e.append(...kids);
    return e;
  };
  // About 80 characters from a little before the first match; matches marked.
  function snippet(text, terms) {
    const t = norm(text), on = new Uint8Array(t.length), low = /[\udc00-\udfff]/;
    for (const x of terms) for (let j = t.indexOf(x); j >= 0; j = t.indexOf(x, j + 1)) on.fill(1, j, j + x.length);
    let a = Math.max(0, Math.min(on.indexOf(1) - 20, t.length - 80)), b = Math.min(t.length, a + 80);
    if (low.test(t[a])) a--;
    if (low.test(t[b])) b++;
    const p = el('p', 'search-snippet', a ? '…' : '');
    for (let i = a, j; i < b; i = j) {
      for (j = i; j < b && on[j] === on[i]; j++);
      const s = text.slice(i, j).replace(/\n/g, ' ');
      p.append(on[i] ? el('mark', '', s) : s);
    }
    if (b < t.length) p.append('…');
    return p;
  }

  let run = null, seq = 0; // the results shown; the latest search
  const groups = new Map();
  const moreBtn = el('button', 'search-more', '显示更多');
  moreBtn.type = 'button';
  out.after(moreBtn);
  const say = (s) => status.textContent !== s && (status.textContent = s);
  const fail = (err) => say(`搜索出错，请稍后再试。（${err.message}）`);
  const busy = (on) => (on ? out.setAttribute('aria-busy', 'true') : out.removeAttribute('aria-busy'));

  // Show results from index `from` on, grouped by document (departments and
  // indicators apart); returns the first new link.
  function show(r, from) {
    let first = null;
    for (const [, e] of r.hits.slice(from)) {
      const own = /^(department|indicator)$/.test(e[0]), key = own ? e[0] : 'doc ' + e[1];
      if (!groups.has(key)) {
        const s = el('section', 'search-group', el('h2', '', own ? KINDS[key] : e[2]));
        groups.set(key, s.appendChild(el('ol')));
        out.append(s);
      }
      const a = el('a', '', e[5]);
      a.href = r.m.base + e[6];
      groups.get(key).append(el('li', 'search-result', el('h3', '', a), el('p', 'search-kind', KINDS[e[0]] || e[0]), snippet(e[7], r.terms)));
      first ||= a;
    }
    const n = r.check ? r.hits.length : r.ids.length;
    moreBtn.hidden = r.i >= r.ids.length;
    say(n ? `找到${r.check && !moreBtn.hidden ? '至少' : ''} ${n} 条结果` : `没有找到与“${r.f.q}”相关的内容，请换个关键词试试。`);
    return first;
  }

  // Search for what the controls hold.
  async function go() {
    const f = Object.fromEntries(KEYS.map((k) => [k, val(k)]));
    const me = ++seq;
    run = null;
    groups.clear();
    out.replaceChildren();
    moreBtn.hidden = true;
    if (!f.q) return say('请输入关键词');
    busy(1);
    try {
      const r = await find(f.q, f);
      await more(r, PAGE);
      if (me === seq) show((run = r), 0);
    } catch (err) {
      if (me === seq) fail(err);
    }
    if (me === seq) busy(0);
  }

  moreBtn.addEventListener('click', async () => {
    const r = run, from = r?.hits.length;
    if (!r || out.hasAttribute('aria-busy')) return;
    busy(1);
    const err = await more(r, PAGE).catch((e) => e);
    if (run !== r) return; // a new search is under way
    busy(0);
    if (err) return fail(err);
    // The focus goes to the first new result (the button may be gone).
    (show(r, from) || (moreBtn.hidden && out.querySelector('li:last-child a')))?.focus();
  });

  // Controls to the URL (a new history entry), and search.
  const query = () => `${new URLSearchParams(location.search)}`;
  let searched;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = `${new URLSearchParams(KEYS.filter(val).map((k) => [k, val(k)]))}`;
    if (p !== query()) history.pushState(null, '', location.pathname + (p ? '?' + p : ''));
    searched = p;
    go();
  });
  form.addEventListener('change', (e) => e.target.tagName === 'SELECT' && form.requestSubmit());
  // The URL to the controls (unknown options become ''), and search; not
  // again for a link to a fragment.
  const fromURL = () => {
    if (query() === searched) return;
    const p = new URLSearchParams((searched = query()));
    for (const k of KEYS) {
      const c = form.elements[k] || {};
      c.value = p.get(k) || '';
      if (c.selectedIndex < 0) c.value = '';
    }
    go();
  };
  addEventListener('popstate', fromURL);
  fromURL();

  // For tests: the ids of every entry matching a query, in rank order.
  window.__policysiteSearch = async (q, f = {}) => {
    const r = await find(`${q}`, f);
    await more(r, Infinity);
    return r.hits.map((h) => h[0]);
  };
})();
