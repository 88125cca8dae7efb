#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "output.h"
#include "strbuf.h"
#include "taskview.h"
#include "xalloc.h"

#define UTF8_BOM "\xEF\xBB\xBF"

static void task_url(const struct model *m, const struct task *t, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%spolicies/%s/#", m->config.base_url, t->doc->slug);
	url_component(out, t->anchor);
}

static void dept_url(const struct model *m, const struct dept *d, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%sdepartments/%s/", m->config.base_url, d->id);
}

static void json_key(struct strbuf *out, const char *key, int first)
{
	strbuf_adds(out, first ? "\n    " : ",\n    ");
	json_string(out, key);
	strbuf_adds(out, ": ");
}

static void task_json(const struct model *m, struct strbuf *out, const struct task *t,
		      struct strbuf *tmp)
{
	char iso[11];

	strbuf_adds(out, "  {");
	json_key(out, "id", 1);
	json_string(out, t->id);
	json_key(out, "document", 0);
	json_string(out, t->doc->slug);
	json_key(out, "number", 0);
	json_string(out, t->number);
	json_key(out, "title", 0);
	json_string(out, t->title);
	json_key(out, "text", 0);
	json_string(out, t->text);
	json_key(out, "lead", 0);
	json_string(out, t->lead ? t->lead->id : NULL);
	json_key(out, "supports", 0);
	strbuf_addch(out, '[');
	for (size_t i = 0; i < t->nsupports; i++) {
		if (i)
			strbuf_adds(out, ", ");
		json_string(out, t->supports[i]->id);
	}
	strbuf_addch(out, ']');
	json_key(out, "deadline", 0);
	if (t->has_deadline) {
		date_format(&t->deadline, iso);
		json_string(out, iso);
	} else {
		strbuf_adds(out, "null");
	}
	json_key(out, "deadline_text", 0);
	json_string(out, t->deadline_text);
	json_key(out, "deadline_source", 0);
	json_string(out, task_deadline_source_name(t->deadline_source));
	json_key(out, "status", 0);
	json_string(out, task_status_name(t->status));
	json_key(out, "status_reported", 0);
	strbuf_adds(out, t->status_reported ? "true" : "false");
	json_key(out, "origin", 0);
	json_string(out, t->origin == TASK_FROM_MEASURE ? "measure"
			 : t->origin == TASK_FROM_TABLE ? "table" : "block");
	json_key(out, "url", 0);
	task_url(m, t, tmp);
	json_string(out, tmp->buf);
	strbuf_adds(out, "\n  }");
}

static int write_tasks_json(struct output *o)
{
	const struct model *m = o->model;
	struct strbuf out = STRBUF_INIT, tmp = STRBUF_INIT;
	int ret;

	if (output_reuse_overview(o, "data/tasks.json"))
		return 0;
	strbuf_adds(&out, "[\n");
	for (size_t i = 0; i < m->ntasks; i++) {
		task_json(m, &out, m->tasks[i], &tmp);
		strbuf_adds(&out, i + 1 < m->ntasks ? ",\n" : "\n");
	}
	strbuf_adds(&out, "]\n");
	ret = output_write(o, "data/tasks.json", out.buf, out.len);
	strbuf_release(&out);
	strbuf_release(&tmp);
	return ret;
}

static void dept_name_list(struct strbuf *out, struct dept *const *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addf(out, "%s%s", i ? "、" : "", d[i]->name);
}

static int write_tasks_csv(struct output *o)
{
	const struct model *m = o->model;
	struct strbuf out = STRBUF_INIT, tmp = STRBUF_INIT;
	char iso[11];
	int ret;

	if (output_reuse_overview(o, "data/tasks.csv"))
		return 0;
	strbuf_adds(&out, UTF8_BOM "id,document,number,title,lead,lead_name,supports,"
		    "supports_names,deadline,deadline_text,deadline_source,status,url\r\n");
	for (size_t i = 0; i < m->ntasks; i++) {
		const struct task *t = m->tasks[i];
		const char *fields[13];
		strbuf_reset(&tmp);
		for (size_t k = 0; k < t->nsupports; k++)
			strbuf_addf(&tmp, "%s%s", k ? " " : "", t->supports[k]->id);
		char *supports = xstrndup(tmp.buf, tmp.len);
		strbuf_reset(&tmp);
		dept_name_list(&tmp, t->supports, t->nsupports);
		char *names = xstrndup(tmp.buf, tmp.len);
		iso[0] = '\0';
		if (t->has_deadline)
			date_format(&t->deadline, iso);
		task_url(m, t, &tmp);
		fields[0] = t->id;
		fields[1] = t->doc->slug;
		fields[2] = t->number;
		fields[3] = t->title;
		fields[4] = t->lead ? t->lead->id : "";
		fields[5] = t->lead ? t->lead->name : "";
		fields[6] = supports;
		fields[7] = names;
		fields[8] = iso;
		fields[9] = t->deadline_text ? t->deadline_text : "";
		fields[10] = task_deadline_source_name(t->deadline_source);
		fields[11] = task_status_name(t->status);
		fields[12] = tmp.buf;
		for (size_t k = 0; k < 13; k++) {
			if (k)
				strbuf_addch(&out, ',');
			csv_field(&out, fields[k]);
		}
		strbuf_adds(&out, "\r\n");
		free(supports);
		free(names);
	}
	ret = output_write(o, "data/tasks.csv", out.buf, out.len);
	strbuf_release(&out);
	strbuf_release(&tmp);
	return ret;
}

static int write_departments_json(struct output *o)
{
	const struct model *m = o->model;
	struct strbuf out = STRBUF_INIT, tmp = STRBUF_INIT;
	int ret;

	if (output_reuse_overview(o, "data/departments.json"))
		return 0;
	strbuf_adds(&out, "[\n");
	for (size_t i = 0; i < m->depts.count; i++) {
		const struct dept *d = &m->depts.items[i];
		strbuf_adds(&out, "  {");
		json_key(&out, "id", 1);
		json_string(&out, d->id);
		json_key(&out, "name", 0);
		json_string(&out, d->name);
		json_key(&out, "short", 0);
		json_string(&out, d->short_name);
		json_key(&out, "aliases", 0);
		strbuf_addch(&out, '[');
		for (size_t k = 0; k < d->aliases.count; k++) {
			if (k)
				strbuf_adds(&out, ", ");
			json_string(&out, d->aliases.items[k]);
		}
		strbuf_addch(&out, ']');
		json_key(&out, "region", 0);
		json_string(&out, d->region);
		json_key(&out, "level", 0);
		json_string(&out, d->level);
		json_key(&out, "kind", 0);
		json_string(&out, d->kind);
		json_key(&out, "url", 0);
		dept_url(m, d, &tmp);
		json_string(&out, tmp.buf);
		json_key(&out, "lead_count", 0);
		strbuf_addf(&out, "%zu", d->nled);
		json_key(&out, "support_count", 0);
		strbuf_addf(&out, "%zu", d->nsupported);
		strbuf_adds(&out, i + 1 < m->depts.count ? "\n  },\n" : "\n  }\n");
	}
	strbuf_adds(&out, "]\n");
	ret = output_write(o, "data/departments.json", out.buf, out.len);
	strbuf_release(&out);
	strbuf_release(&tmp);
	return ret;
}

static int write_departments_csv(struct output *o)
{
	const struct model *m = o->model;
	struct strbuf out = STRBUF_INIT, tmp = STRBUF_INIT, aliases = STRBUF_INIT;
	char led[24], sup[24];
	int ret;

	if (output_reuse_overview(o, "data/departments.csv"))
		return 0;
	strbuf_adds(&out, UTF8_BOM "id,name,short,aliases,region,level,kind,url,lead_count,"
		    "support_count\r\n");
	for (size_t i = 0; i < m->depts.count; i++) {
		const struct dept *d = &m->depts.items[i];
		strbuf_reset(&aliases);
		for (size_t k = 0; k < d->aliases.count; k++)
			strbuf_addf(&aliases, "%s%s", k ? "、" : "", d->aliases.items[k]);
		dept_url(m, d, &tmp);
		snprintf(led, sizeof(led), "%zu", d->nled);
		snprintf(sup, sizeof(sup), "%zu", d->nsupported);
		const char *fields[] = {
			d->id, d->name, d->short_name ? d->short_name : "", aliases.buf, d->region,
			d->level, d->kind, tmp.buf, led, sup,
		};
		for (size_t k = 0; k < sizeof(fields) / sizeof(*fields); k++) {
			if (k)
				strbuf_addch(&out, ',');
			csv_field(&out, fields[k]);
		}
		strbuf_adds(&out, "\r\n");
	}
	ret = output_write(o, "data/departments.csv", out.buf, out.len);
	strbuf_release(&out);
	strbuf_release(&tmp);
	strbuf_release(&aliases);
	return ret;
}

/* An iCalendar content line, folded at 75 octets between characters. */
static void ics_line(struct strbuf *out, const char *line)
{
	size_t len = strlen(line), col = 0;

	for (size_t i = 0; i < len;) {
		size_t n = 1;
		while (i + n < len && ((unsigned char)line[i + n] & 0xC0) == 0x80)
			n++;
		if (col + n > 75) {
			strbuf_adds(out, "\r\n ");
			col = 1;
		}
		strbuf_add(out, line + i, n);
		col += n;
		i += n;
	}
	strbuf_adds(out, "\r\n");
}

static void ics_event(const struct model *m, struct strbuf *out, const struct task *t,
		      const char *role, struct strbuf *line)
{
	struct date next = t->deadline;
	char stamp[11];

	/* An all-day event ends the next day. */
	if (++next.day > date_days_in_month(next.year, next.month)) {
		next.day = 1;
		if (++next.month > 12) {
			next.month = 1;
			next.year++;
		}
	}
	date_format(&m->config.as_of, stamp);
	ics_line(out, "BEGIN:VEVENT");
	strbuf_reset(line);
	strbuf_addf(line, "UID:%s@policysite", t->id);
	ics_line(out, line->buf);
	strbuf_reset(line);
	strbuf_addf(line, "DTSTAMP:%.4s%.2s%.2sT000000Z", stamp, stamp + 5, stamp + 8);
	ics_line(out, line->buf);
	strbuf_reset(line);
	strbuf_addf(line, "DTSTART;VALUE=DATE:%04d%02d%02d", t->deadline.year, t->deadline.month,
		    t->deadline.day);
	ics_line(out, line->buf);
	strbuf_reset(line);
	strbuf_addf(line, "DTEND;VALUE=DATE:%04d%02d%02d", next.year, next.month, next.day);
	ics_line(out, line->buf);
	strbuf_reset(line);
	strbuf_adds(line, "SUMMARY:");
	ics_text(line, role);
	ics_text(line, t->title);
	ics_line(out, line->buf);
	strbuf_reset(line);
	strbuf_adds(line, "DESCRIPTION:");
	ics_text(line, t->doc->meta.title);
	ics_text(line, " ");
	ics_text(line, t->number);
	ics_text(line, "\n");
	ics_text(line, t->text);
	ics_line(out, line->buf);
	strbuf_reset(line);
	strbuf_adds(line, "URL:");
	struct strbuf url = STRBUF_INIT;
	task_url(m, t, &url);
	strbuf_adds(line, url.buf);
	strbuf_release(&url);
	ics_line(out, line->buf);
	ics_line(out, "END:VEVENT");
}

static int write_ics(struct output *o, const struct dept *d)
{
	const struct model *m = o->model;
	struct strbuf out = STRBUF_INIT, line = STRBUF_INIT, path = STRBUF_INIT;
	int ret;

	strbuf_addf(&path, "departments/%s/deadlines.ics", d->id);
	if (output_reuse(o, path.buf, pagekey_dept(o->keys, "calendar", d))) {
		strbuf_release(&path);
		return 0;
	}
	ics_line(&out, "BEGIN:VCALENDAR");
	ics_line(&out, "VERSION:2.0");
	ics_line(&out, "PRODID:-//policysite//policysite//ZH");
	ics_line(&out, "CALSCALE:GREGORIAN");
	strbuf_adds(&line, "X-WR-CALNAME:");
	ics_text(&line, d->name);
	ics_text(&line, " 任务截止日期");
	ics_line(&out, line.buf);
	for (size_t i = 0; i < d->nled; i++)
		if (d->led[i]->has_deadline)
			ics_event(m, &out, d->led[i], "【牵头】", &line);
	for (size_t i = 0; i < d->nsupported; i++)
		if (d->supported[i]->has_deadline)
			ics_event(m, &out, d->supported[i], "【配合】", &line);
	ics_line(&out, "END:VCALENDAR");
	ret = output_write(o, path.buf, out.buf, out.len);
	strbuf_release(&out);
	strbuf_release(&line);
	strbuf_release(&path);
	return ret;
}

/* File i: the four tables, then each department's calendar. */
size_t data_items(const struct output *o)
{
	return o->model->depts.count + 4;
}

int data_write_item(struct output *o, size_t i)
{
	switch (i) {
	case 0:
		return write_tasks_json(o);
	case 1:
		return write_tasks_csv(o);
	case 2:
		return write_departments_json(o);
	case 3:
		return write_departments_csv(o);
	default:
		return write_ics(o, &o->model->depts.items[i - 4]);
	}
}
