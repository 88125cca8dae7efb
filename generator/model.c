#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "docnum.h"
#include "fsio.h"
#include "progress.h"
#include "slug.h"
#include "strbuf.h"
#include "xalloc.h"

static int ends_with(const char *s, size_t len, const char *suffix, size_t slen)
{
	return slen <= len && !memcmp(s + len - slen, suffix, slen);
}

/* The slug comes from the file name, else from the document's date, which
 * only its front matter gives. */
static void load_document(struct model *m, struct arena *a, const char *path, const char *stem,
			  struct diag_list *diags)
{
	struct document *d = ARENA_PUSH(a, m->docs, m->ndocs, m->adocs);
	struct strbuf slug = STRBUF_INIT;
	int named = slug_from_file_name(&slug, stem) == 0;

	document_load(d, a, path, slug.buf, diags);
	if (!named) {
		char date[11];
		date_format(&d->meta.date, date);
		slug_from_date(&slug, d->meta.date.year ? date : NULL, stem);
		d->slug = arena_strdup(a, slug.buf);
	}
	strbuf_release(&slug);
}

static int compare_slug(const void *pa, const void *pb)
{
	const struct document *a = *(struct document *const *)pa;
	const struct document *b = *(struct document *const *)pb;
	int c = strcmp(a->slug, b->slug);

	return c ? c : strcmp(a->path, b->path);
}

/* Two files that give the same slug are an error. */
static int check_slugs(const struct model *m, struct diag_list *diags)
{
	const struct document **by_slug = xcalloc(m->ndocs ? m->ndocs : 1, sizeof(*by_slug));
	int ret = 0;

	for (size_t i = 0; i < m->ndocs; i++)
		by_slug[i] = &m->docs[i];
	if (m->ndocs)
		qsort(by_slug, m->ndocs, sizeof(*by_slug), compare_slug);
	for (size_t i = 1; i < m->ndocs; i++)
		if (!strcmp(by_slug[i]->slug, by_slug[i - 1]->slug))
			ret = diag_error(diags, by_slug[i]->path, 0, 0,
					 "the file name gives the slug \"%s\", as %s does; rename "
					 "one of them", by_slug[i]->slug, by_slug[i - 1]->path);
	free(by_slug);
	return ret;
}

static int load_documents(struct model *m, struct arena *a, const char *dir,
			  struct diag_list *diags)
{
	struct strbuf path = STRBUF_INIT;
	char **names;
	int n = fsio_list_dir(dir, &names);
	size_t errors = diags->errors;

	if (n < 0)
		return diag_error(diags, dir, 0, 0, "cannot read the policies folder");
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		if (len > 3 && !strcmp(names[i] + len - 3, ".md")) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s/%s", dir, names[i]);
			names[i][len - 3] = '\0';
			load_document(m, a, path.buf, names[i], diags);
			progress_document();
		}
		free(names[i]);
	}
	free(names);
	strbuf_release(&path);
	if (check_slugs(m, diags) < 0)
		return -1;
	return diags->errors > errors ? -1 : 0;
}

static int compare_newest(const void *pa, const void *pb)
{
	const struct document *a = *(struct document *const *)pa;
	const struct document *b = *(struct document *const *)pb;
	int c = date_compare(&b->meta.date, &a->meta.date);

	return c ? c : strcmp(a->slug, b->slug);
}

static void push_doc(struct arena *a, struct document ***list, size_t *n, size_t *alloc,
		     struct document *d)
{
	for (size_t i = 0; i < *n; i++)
		if ((*list)[i] == d)
			return;
	struct document **slot = ARENA_PUSH(a, *list, *n, *alloc);
	*slot = d;
}

static int check_doc_numbers(struct model *m, struct arena *a, struct diag_list *diags)
{
	struct strbuf norm = STRBUF_INIT;
	int ret = 0;

	for (size_t i = 0; i < m->ndocs; i++) {
		struct document *d = &m->docs[i];
		if (!d->meta.doc_number)
			continue;
		if (docnum_normalise(d->meta.doc_number, &norm) < 0) {
			ret = diag_error(diags, d->path, d->meta.doc_number_line,
					 d->meta.doc_number_col,
					 "doc_number \"%s\" is not a document number like "
					 "粤府办〔2023〕19号", d->meta.doc_number);
			continue;
		}
		d->meta.doc_number = arena_strdup(a, norm.buf);
		for (size_t j = 0; j < i; j++)
			if (m->docs[j].meta.doc_number &&
			    !strcmp(m->docs[j].meta.doc_number, norm.buf))
				ret = diag_error(diags, d->path, d->meta.doc_number_line,
						 d->meta.doc_number_col, "duplicate doc_number \"%s\", also in %s", norm.buf,
						 m->docs[j].path);
	}
	strbuf_release(&norm);
	return ret;
}

static int link_documents(struct model *m, struct arena *a, struct diag_list *diags)
{
	int ret = 0;

	for (size_t i = 0; i < m->ndocs; i++) {
		struct document *d = &m->docs[i];
		if (d->meta.interprets) {
			struct document *p = model_find_slug(m, d->meta.interprets);
			if (!p || p == d || p->meta.kind != DOC_POLICY) {
				ret = diag_error(diags, d->path, d->meta.interprets_line,
						 d->meta.interprets_col,
						 "\"interprets\" names \"%s\", which is not a policy in "
						 "content/policies/", d->meta.interprets);
			} else {
				d->interprets = p;
				push_doc(a, &p->interpretations, &p->ninterpretations,
					 &p->ainterpretations, d);
			}
		}
		for (size_t c = 0; c < d->ncitations; c++) {
			const struct citation *ci = &d->citations[c];
			size_t off;
			struct document *t = model_find_docnum(m, ci->run, strlen(ci->run),
							       ci->core, &off);
			if (t && t != d)
				push_doc(a, &t->cited_by, &t->ncited_by, &t->acited_by, d);
		}
	}
	return ret;
}

int model_load(struct model *m, struct arena *a, const char *content_dir,
	       const char *base_url, const char *as_of, const char *default_as_of,
	       struct diag_list *diags)
{
	struct strbuf path = STRBUF_INIT;
	int ret = 0;

	memset(m, 0, sizeof(*m));
	/* Nothing is read from a content folder that links out of itself. */
	if (fsio_check_tree(content_dir, diags) < 0)
		return -1;
	strbuf_addf(&path, "%s/site.yaml", content_dir);
	if (config_load(&m->config, a, path.buf, base_url, as_of, default_as_of, diags) < 0)
		ret = -1;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/departments.yaml", content_dir);
	if (dept_registry_load(&m->depts, a, path.buf, diags) < 0)
		ret = -1;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/policies", content_dir);
	if (load_documents(m, a, path.buf, diags) < 0)
		ret = -1;
	if (check_doc_numbers(m, a, diags) < 0 || link_documents(m, a, diags) < 0)
		ret = -1;
	m->by_date = arena_calloc(a, m->ndocs ? m->ndocs : 1, sizeof(*m->by_date));
	for (size_t i = 0; i < m->ndocs; i++)
		m->by_date[i] = &m->docs[i];
	if (m->ndocs)
		qsort(m->by_date, m->ndocs, sizeof(*m->by_date), compare_newest);
	for (size_t i = 0; i < m->ndocs; i++) {
		struct document *d = &m->docs[i];
		if (d->ninterpretations)
			qsort(d->interpretations, d->ninterpretations, sizeof(*d->interpretations),
			      compare_newest);
		if (d->ncited_by)
			qsort(d->cited_by, d->ncited_by, sizeof(*d->cited_by), compare_newest);
	}
	if (task_extract_all(m, a, diags) < 0)
		ret = -1;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/indicators", content_dir);
	if (indicator_load_all(m, a, path.buf, diags) < 0)
		ret = -1;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/task-status.csv", content_dir);
	if (task_read_reported(m, a, path.buf, diags) < 0)
		ret = -1;
	strbuf_release(&path);
	return ret;
}

void model_release(struct model *m)
{
	for (size_t i = 0; i < m->ndocs; i++)
		document_release(&m->docs[i]);
}

struct document *model_find_slug(const struct model *m, const char *slug)
{
	for (size_t i = 0; i < m->ndocs; i++)
		if (!strcmp(m->docs[i].slug, slug))
			return &m->docs[i];
	return NULL;
}

struct document *model_find_docnum(const struct model *m, const char *run, size_t run_len,
				   const char *core, size_t *prefix_off)
{
	size_t clen = strlen(core);

	for (size_t i = 0; i < m->ndocs; i++) {
		const char *num = m->docs[i].meta.doc_number;
		size_t nlen = num ? strlen(num) : 0;
		if (!num || !ends_with(num, nlen, core, clen))
			continue;
		size_t plen = nlen - clen;
		if (plen && ends_with(run, run_len, num, plen)) {
			*prefix_off = run_len - plen;
			return &m->docs[i];
		}
	}
	return NULL;
}
