#include "linkcheck.h"

#include <cmark-gfm.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define PARALLEL 8		/* transfers at a time */
#define CONNECT_SECONDS 10L
#define TOTAL_SECONDS 30L
#define MAX_REDIRECTS 5L

/* One place a link appears. */
struct link_use {
	const char *url;	/* in the document's Markdown tree */
	const struct document *doc;
	unsigned line, col;
};

/* One distinct URL and what fetching it gave. */
struct link {
	const char *url;
	int tried_get;		/* HEAD was refused, so GET was tried */
	char problem[CURL_ERROR_SIZE + 32];	/* empty: fine */
	char curl_error[CURL_ERROR_SIZE];
};

struct use_list {
	struct link_use *items;
	size_t count, alloc;
};

static int is_web_url(const char *url)
{
	return url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8));
}

/* Where `url` of link `node` is in the file: its block's line, then the
 * text itself when it appears there as written. */
static void add_use(struct use_list *list, const struct document *d, cmark_node *node,
		    const char *url)
{
	cmark_node *n = node;
	struct link_use *u;

	while (n && cmark_node_get_start_line(n) <= 0)
		n = cmark_node_parent(n);
	if (list->count == list->alloc) {
		list->alloc = list->alloc ? list->alloc * 2 : 32;
		list->items = xrealloc(list->items, list->alloc * sizeof(*list->items));
	}
	u = &list->items[list->count++];
	u->url = url;
	u->doc = d;
	u->line = n ? d->body_line + (unsigned)cmark_node_get_start_line(n) - 1 : 0;
	u->col = 0;
	if (!document_locate(d, u->line, url, &u->line, &u->col))
		u->col = 0;
}

static void collect(const struct model *m, struct use_list *uses)
{
	for (size_t i = 0; i < m->ndocs; i++) {
		const struct document *d = &m->docs[i];
		cmark_iter *it = cmark_iter_new(document_root(d));
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *n = cmark_iter_get_node(it);
			cmark_node_type t = cmark_node_get_type(n);
			if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
			    is_web_url(cmark_node_get_url(n)))
				add_use(uses, d, n, cmark_node_get_url(n));
		}
		cmark_iter_free(it);
	}
}

static int compare_uses(const void *pa, const void *pb)
{
	const struct link_use *a = pa, *b = pb;
	int c = strcmp(a->url, b->url);

	return c ? c : a->doc < b->doc ? -1 : a->doc > b->doc ? 1 : (int)a->line - (int)b->line;
}

/* After a GET's first bytes the status is known: stop the download. */
static size_t discard_body(char *data, size_t size, size_t n, void *unused)
{
	(void)data;
	(void)size;
	(void)n;
	(void)unused;
	return 0;
}

static CURL *start(CURLM *multi, struct link *l)
{
	CURL *h = curl_easy_init();

	if (!h)
		return NULL;
	curl_easy_setopt(h, CURLOPT_URL, l->url);
	curl_easy_setopt(h, CURLOPT_PRIVATE, l);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, l->curl_error);
	curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, MAX_REDIRECTS);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, CONNECT_SECONDS);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, TOTAL_SECONDS);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard_body);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "policysite/" POLICYSITE_VERSION " (link check)");
	curl_multi_add_handle(multi, h);
	return h;
}

/* A finished transfer: the verdict, or 1 when it goes on as a GET. */
static int finish(CURLM *multi, CURL *h, CURLcode rc)
{
	struct link *l;
	long status = 0;

	curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&l);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_multi_remove_handle(multi, h);
	/* Many servers refuse or mishandle HEAD; a GET settles it. */
	if (rc == CURLE_OK && !l->tried_get && status >= 400) {
		l->tried_get = 1;
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
		curl_multi_add_handle(multi, h);
		return 1;
	}
	if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && l->tried_get))
		snprintf(l->problem, sizeof(l->problem), "cannot be fetched: %s",
			 *l->curl_error ? l->curl_error : curl_easy_strerror(rc));
	else if (status >= 400)
		snprintf(l->problem, sizeof(l->problem), "answers HTTP %ld", status);
	curl_easy_cleanup(h);
	return 0;
}

static void fetch_all(struct link *links, size_t n)
{
	CURLM *multi = curl_multi_init();
	size_t next = 0, active = 0;

	while (next < n || active) {
		while (active < PARALLEL && next < n) {
			if (start(multi, &links[next]))
				active++;
			else
				snprintf(links[next].problem, sizeof(links[next].problem),
					 "cannot be fetched: libcurl failed to start");
			next++;
		}
		int running;
		curl_multi_perform(multi, &running);
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(multi, &left)))
			if (msg->msg == CURLMSG_DONE && !finish(multi, msg->easy_handle, msg->data.result))
				active--;
		if (active)
			curl_multi_poll(multi, NULL, 0, 1000, NULL);
	}
	curl_multi_cleanup(multi);
}

void linkcheck_external(const struct model *m, struct diag_list *diags)
{
	struct use_list uses = { NULL, 0, 0 };
	struct link *links;
	size_t nlinks = 0;

	collect(m, &uses);
	if (!uses.count)
		return;
	qsort(uses.items, uses.count, sizeof(*uses.items), compare_uses);
	links = xcalloc(uses.count, sizeof(*links));
	for (size_t i = 0; i < uses.count; i++)
		if (!i || strcmp(uses.items[i].url, uses.items[i - 1].url))
			links[nlinks++].url = uses.items[i].url;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		diag_error(diags, NULL, 0, 0, "--external: libcurl cannot start");
	} else {
		fetch_all(links, nlinks);
		curl_global_cleanup();
		for (size_t i = 0, k = 0; i < uses.count; i++) {
			while (strcmp(links[k].url, uses.items[i].url))
				k++;
			const struct link_use *u = &uses.items[i];
			if (*links[k].problem)
				diag_warning(diags, u->doc->path, u->line, u->col, "link %s %s",
					     u->url, links[k].problem);
		}
	}
	free(links);
	free(uses.items);
}
