// Task table (/tasks/): filters, sorting, and the view in the URL query so a
// link reproduces it. Without JavaScript the form stays hidden, all rows show.
'use strict';
(() => {
  const $ = (id) => document.getElementById('task-' + id);
  const [form, table, count, empty] = ['filters', 'table', 'count', 'empty'].map($);
  if (!form || !table || !count) return;
  const tbody = table.tBodies[0];
  const rows = [...tbody.rows];
  const heads = [...table.querySelectorAll('th[data-sort]')];
  const KEYS = ['dept', 'role', 'region', 'doc', 'status', 'year', 'q'];
  const STATUS = ['overdue', 'due-soon', 'in-progress', 'not-started', 'later', 'ongoing', 'done'];
  const ctl = (k) => form.elements[k];
  const coll = new Intl.Collator('zh-CN');
  // NFKC folds full-width digits and letters (２ = 2); white space goes.
  const fold = (s) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const text = new Map(rows.map((r) => [r, fold(r.textContent)]));
  let sort = '', dir = 'asc';

  // A row's sort key for a column; '' sorts last either way.
  const key = (r, th) => {
    const d = r.dataset;
    switch (th.dataset.sort) {
      case 'doc': return d.doc;
      case 'number': return +d.order;
      case 'deadline': return d.deadline;
      case 'status': return STATUS.indexOf(d.status) + 1 || 99;
      case 'lead': if (!d.lead) return ''; // fall through
      default: return r.cells[th.cellIndex].textContent.trim();
    }
  };

  // Filter, count and sort the rows; returns the control values.
  function apply() {
    const v = Object.fromEntries(KEYS.map((k) => [k, ctl(k)?.value || '']));
    const q = fold(v.q);
    if (ctl('role')) ctl('role').disabled = !v.dept; // role narrows a department
    let shown = 0;
    for (const r of rows) {
      const d = r.dataset;
      const lead = d.lead === v.dept;
      const sup = (d.supports || '').split(/\s+/).includes(v.dept);
      const ok = (!v.dept || (v.role === 'lead' ? lead : v.role === 'support' ? sup : lead || sup)) &&
        ['region', 'doc', 'status', 'year'].every((k) => !v[k] || d[k] === v[k]) &&
        (!q || text.get(r).includes(q));
      r.hidden = !ok;
      shown += ok;
    }
    const t = (shown < rows.length ? `显示 ${shown} / ` : '') + `共 ${rows.length} 项任务`;
    if (count.textContent !== t) count.textContent = t; // a live region: no repeats
    if (empty) empty.hidden = shown > 0;

    const th = heads.find((h) => h.dataset.sort === sort);
    for (const h of heads) {
      if (h !== th) h.removeAttribute('aria-sort');
      else h.setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');
    }
    const sign = dir === 'desc' ? -1 : 1;
    const sorted = [...rows].sort((a, b) => {
      const x = th && key(a, th), y = th && key(b, th);
      const c = th && ((x === '') - (y === '') ||
        sign * (typeof x === 'number' ? x - y : coll.compare(x, y)));
      return c || a.dataset.order - b.dataset.order; // ties: original order
    });
    // Moving rows can drop the focus: restore it.
    const focus = document.activeElement;
    if (sorted.some((r, i) => r !== tbody.rows[i])) tbody.append(...sorted);
    if (focus !== document.activeElement) focus?.focus({ preventScroll: true });
    return v;
  }

  // Apply, and write the non-empty values to the URL query.
  function update() {
    const v = apply();
    const p = new URLSearchParams();
    for (const k of KEYS) if (v[k] && (k !== 'role' || v.dept)) p.set(k, v[k]);
    if (sort) p.set('sort', sort);
    if (sort && dir === 'desc') p.set('dir', dir);
    const qs = p.toString();
    history.replaceState(history.state, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
  }

  // Set the controls from the URL query (unknown values become '').
  function load() {
    const p = new URLSearchParams(location.search);
    for (const c of KEYS.map(ctl).filter(Boolean)) {
      c.value = p.get(c.name) || '';
      if (c.selectedIndex < 0) c.value = '';
    }
    sort = heads.some((h) => h.dataset.sort === p.get('sort')) ? p.get('sort') : '';
    dir = p.get('dir') === 'desc' ? 'desc' : 'asc';
    apply();
  }

  for (const th of heads) {
    const b = document.createElement('button');
    b.type = 'button';
    b.append(...th.childNodes);
    b.addEventListener('click', () => {
      dir = sort === th.dataset.sort && dir === 'asc' ? 'desc' : 'asc';
      sort = th.dataset.sort;
      update();
    });
    th.append(b);
  }

  let timer;
  form.addEventListener('input', (e) => {
    clearTimeout(timer);
    if (e.target === ctl('q')) timer = setTimeout(update, 150);
    else update();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault(); // clear rather than restore defaults; the sort too
    for (const k of KEYS) if (ctl(k)) ctl(k).value = '';
    sort = '';
    update();
  });
  addEventListener('popstate', load);
  load();
  form.hidden = false;
})();
