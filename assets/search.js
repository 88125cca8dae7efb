// Full-text search (/search/) over the index the generator writes; the files,
// normalisation, tokens and ranking are those of docs/search-index.md. Query
// and filters live in the URL. Index text only ever becomes text nodes.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const [form, status, out] = ['form', 'status', 'results'].map((s) => $('search-' + s));
  const tag = document.querySelector('meta[name="search-index"]');
  if (!form || !status || !out || !tag) return;
  if ($('search-noscript')) $('search-noscript').hidden = true;
  const dir = new URL(tag.content.replace(/\/*$/, '/'), location.href);
  const KEYS = ['q', 'kind', 'doc', 'region', 'lead'];
  const FIELD = { kind: 0, doc: 1, region: 3, lead: 4 }; // entry field of a filter
  const KINDS = { section: '政策原文', task: '任务', indicator: '指标', department: '部门' };
  const PAGE = 20;
  const TERM = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]+|[a-z0-9]+/gu;
  const WORD = /^[a-z0-9]/;
  const ctl = (k) => form.elements[k];
  // Full-width forms to ASCII, U+3000 to a space, ASCII letters to lower case:
  // one UTF-16 unit each way, so offsets in the result are offsets in s.
  const norm = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ').replace(/[A-Z]+/g, (c) => c.toLowerCase());
  const enc = new TextEncoder();
  const hash = (s) => { // FNV-1a, 32 bits, of the UTF-8 bytes
    let h = 2166136261;
    for (const b of enc.encode(s)) h = Math.imul(h ^ b, 16777619);
    return h >>> 0;
  };

  // Fetched index files, as promises; a failed one is forgotten (retried later).
  const cache = new Map();
  const load = (path) => {
    if (!cache.has(path)) {
      const p = fetch(new URL(path, dir)).then((r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return r.json();
      });
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return cache.get(path);
  };
  const entry = async (id) => {
    const m = await load('meta.json');
    return (await load(`e/${Math.floor(id / m.chunk)}.json`))[id % m.chunk];
  };

  // The ranked candidates of a query: a run that more() walks.
  async function find(q, f) {
    const m = await load('meta.json');
    const terms = [...new Set(norm(q).match(TERM) || [])];
    const tokens = new Set();
    for (const t of terms) {
      const c = [...t];
      if (WORD.test(t) || c.length < 2) tokens.add(t);
      else for (let i = 1; i < c.length; i++) tokens.add(c[i - 1] + c[i]);
    }
    // id -> [score, token in the title every time]; intersect the lists
    let cand = terms.length ? null : new Map();
    for (const t of tokens) {
      const s = await load(`t/${hash(t) % m.shards}.json`);
      const l = Object.hasOwn(s, t) ? s[t] : [];
      const idf = Math.log(1 + m.entries / (l.length / 2));
      const next = new Map();
      for (let i = 0; i < l.length; i += 2) {
        const c = cand ? cand.get(l[i]) : [0, true], w = l[i + 1];
        if (c) next.set(l[i], [c[0] + (idf * w) / (w + 1.2), c[1] && w % 2 === 1]);
      }
      cand = next;
    }
    // Tokens in the title are the terms in it, unless a term has 3+ characters.
    const exact = terms.every((t) => WORD.test(t) || [...t].length < 3);
    if (!exact) {
      await Promise.all([...cand].filter(([, c]) => c[1]).map(async ([id, c]) => {
        const t = norm((await entry(id))[5]);
        c[1] = terms.every((x) => t.includes(x));
      }));
    }
    const ids = [...cand.keys()].sort((a, b) => {
      const x = cand.get(a), y = cand.get(b);
      return y[1] - x[1] || y[0] - x[0] || a - b;
    });
    const check = !exact || Object.keys(FIELD).some((k) => f[k]);
    return { m, terms, ids, f, check, i: 0, hits: [] };
  }

  // Check candidates in rank order until n more results are found.
  async function more(r, n) {
    const goal = r.hits.length + n;
    while (r.hits.length < goal && r.i < r.ids.length) {
      const batch = r.ids.slice(r.i, r.i + goal - r.hits.length);
      r.i += batch.length;
      const es = await Promise.all(batch.map(entry));
      es.forEach((e, k) => {
        const t = norm(e[7]);
        if (r.terms.every((x) => t.includes(x)) &&
          Object.entries(FIELD).every(([key, i]) => !r.f[key] || e[i] === r.f[key])) r.hits.push([batch[k], e]);
      });
    }
  }

  const el = (name, cls, text) => {
    const e = document.createElement(name);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  // About 80 characters around the first match, every match in <mark>.
  function snippet(text, terms) {
    const t = norm(text), at = terms.map((x) => t.indexOf(x)).filter((i) => i >= 0);
    let a = Math.max(0, Math.min(Math.min(...at) - 20, t.length - 80)), b = Math.min(t.length, a + 80);
    if (/[\udc00-\udfff]/.test(t[a])) a--;
    if (/[\udc00-\udfff]/.test(t[b])) b++;
    const marks = [];
    for (const x of terms) {
      for (let i = t.indexOf(x, Math.max(0, a - x.length + 1)); i >= 0 && i < b; i = t.indexOf(x, i + 1)) {
        marks.push([Math.max(i, a), Math.min(i + x.length, b)]);
      }
    }
    marks.sort((x, y) => x[0] - y[0]);
    const p = el('p', 'search-snippet', a ? '…' : '');
    const put = (i, j) => i < j && p.append(text.slice(i, j).replace(/\n/g, ' '));
    let i = a;
    for (const [s, e] of marks) {
      if (e <= i) continue;
      put(i, s);
      p.append(el('mark', '', text.slice(Math.max(s, i), e).replace(/\n/g, ' ')));
      i = e;
    }
    put(i, b);
    if (b < t.length) p.append('…');
    return p;
  }

  let run = null, seq = 0, busy = false; // the results shown; the search under way
  const groups = new Map();
  const moreBtn = el('button', 'search-more', '显示更多');
  moreBtn.type = 'button';
  moreBtn.hidden = true;
  out.after(moreBtn);
  const say = (s) => { if (status.textContent !== s) status.textContent = s; };
  const fail = (err) => say(`搜索出错，请稍后再试。（${err.message}）`);

  // Show the results from index `from` on, grouped by document; returns the
  // first new link. Departments and indicators have groups of their own.
  function show(r, from) {
    let first = null;
    for (const [, e] of r.hits.slice(from)) {
      const own = e[0] === 'department' || e[0] === 'indicator', key = own ? e[0] : 'doc ' + e[1];
      if (!groups.has(key)) {
        const s = el('section', 'search-group');
        s.append(el('h2', '', own ? KINDS[key] : e[2]), el('ol'));
        out.append(s);
        groups.set(key, s.lastChild);
      }
      const li = el('li', 'search-result'), h = el('h3'), a = el('a', '', e[5]);
      a.href = r.m.base + e[6];
      h.append(a);
      li.append(h, el('p', 'search-kind', KINDS[e[0]] || e[0]), snippet(e[7], r.terms));
      groups.get(key).append(li);
      first ||= a;
    }
    const n = r.check ? r.hits.length : r.ids.length;
    moreBtn.hidden = r.i >= r.ids.length;
    say(!n ? `没有找到与“${r.f.q}”相关的内容，请换个关键词试试。`
      : `找到${r.check && !moreBtn.hidden ? '至少' : ''} ${n} 条结果`);
    return first;
  }

  // Search for what the controls hold.
  async function go() {
    const f = Object.fromEntries(KEYS.map((k) => [k, (ctl(k)?.value || '').trim()]));
    const me = ++seq;
    run = null;
    groups.clear();
    out.replaceChildren();
    moreBtn.hidden = true;
    if (f.q) out.setAttribute('aria-busy', 'true');
    if (!f.q) return say('请输入关键词');
    try {
      const r = await find(f.q, f);
      await more(r, PAGE);
      if (me !== seq) return;
      run = r;
      show(r, 0);
    } catch (err) {
      if (me === seq) fail(err);
    }
    if (me === seq) out.removeAttribute('aria-busy');
  }

  moreBtn.addEventListener('click', async () => {
    const r = run;
    if (!r || busy) return;
    const from = r.hits.length;
    busy = true;
    out.setAttribute('aria-busy', 'true');
    try {
      await more(r, PAGE);
      if (run !== r) return;
      const first = show(r, from);
      // A hidden button loses the focus: give it to the new results.
      if (moreBtn.hidden || first) (first || out.querySelector('li:last-child a'))?.focus();
    } catch (err) {
      fail(err);
    } finally {
      busy = false;
      out.removeAttribute('aria-busy');
    }
  });

  // Put the controls' values in the URL (a new history entry), and search.
  function submit() {
    const p = new URLSearchParams();
    for (const k of KEYS) if (ctl(k)?.value.trim()) p.set(k, ctl(k).value.trim());
    if (String(p) !== String(new URLSearchParams(location.search))) {
      history.pushState(null, '', location.pathname + (String(p) ? '?' + p : ''));
    }
    go();
  }
  // Set the controls from the URL (unknown options become ''), and search.
  function fromURL() {
    const p = new URLSearchParams(location.search);
    for (const c of KEYS.map(ctl).filter(Boolean)) {
      c.value = p.get(c.name) || '';
      if (c.selectedIndex < 0) c.value = '';
    }
    go();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  form.addEventListener('change', (e) => e.target.tagName === 'SELECT' && submit());
  addEventListener('popstate', fromURL);
  fromURL();

  // For tests: the ids of every entry matching a query, in rank order.
  window.__policysiteSearch = async (q, f = {}) => {
    const r = await find(String(q), f);
    await more(r, Infinity);
    return r.hits.map((h) => h[0]);
  };
})();
