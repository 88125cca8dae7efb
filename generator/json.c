#include "json.h"

#include <string.h>

void json_string(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	if (!s) {
		strbuf_adds(out, "null");
		return;
	}
	strbuf_addch(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* Bytes that need no escape go in as one run. */
		const unsigned char *run = p;
		while (*p >= 0x20 && *p != '"' && *p != '\\' && *p != '<' && *p != '>' &&
		       *p != '&' && *p != 0xE2)
			p++;
		strbuf_add(out, run, (size_t)(p - run));
		if (!*p)
			break;
		switch (*p) {
		case '"': strbuf_adds(out, "\\\""); continue;
		case '\\': strbuf_adds(out, "\\\\"); continue;
		case '\n': strbuf_adds(out, "\\n"); continue;
		case '\r': strbuf_adds(out, "\\r"); continue;
		case '\t': strbuf_adds(out, "\\t"); continue;
		default: break;
		}
		if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&') {
			strbuf_adds(out, "\\u00");
			strbuf_addch(out, hex[*p >> 4]);
			strbuf_addch(out, hex[*p & 15]);
		} else if (*p == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
			/* U+2028 and U+2029 end lines in older JavaScript. */
			strbuf_adds(out, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
			p += 2;
		} else {
			strbuf_addch(out, *p);
		}
	}
	strbuf_addch(out, '"');
}

/* A cell a spreadsheet would run as a formula: =, +, @, or - followed by
 * something that is not a number ("=" and "-" alone, or "-0.5", are data). */
static int looks_like_formula(const char *s)
{
	if (*s == '\t' || *s == '\r')
		return 1;
	if (!s[0] || !s[1])
		return 0;
	if (*s == '=' || *s == '+' || *s == '@')
		return 1;
	return *s == '-' && !(s[1] >= '0' && s[1] <= '9') && s[1] != '.';
}

void csv_field(struct strbuf *out, const char *s)
{
	int formula;

	if (!s)
		return;
	formula = looks_like_formula(s);
	if (!formula && !strpbrk(s, ",\"\n\r")) {
		strbuf_adds(out, s);
		return;
	}
	strbuf_addch(out, '"');
	/* A leading apostrophe makes spreadsheet programs show it as text. */
	if (formula)
		strbuf_addch(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addch(out, '"');
		strbuf_addch(out, *s);
	}
	strbuf_addch(out, '"');
}

void ics_text(struct strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			strbuf_addch(out, '\\');
		if (*s == '\n') {
			strbuf_adds(out, "\\n");
			continue;
		}
		if ((unsigned char)*s < 0x20)
			continue;
		strbuf_addch(out, *s);
	}
}

void url_component(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			strbuf_addch(out, *p);
		} else {
			strbuf_addch(out, '%');
			strbuf_addch(out, hex[*p >> 4]);
			strbuf_addch(out, hex[*p & 15]);
		}
	}
}
