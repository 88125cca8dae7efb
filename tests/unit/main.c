#include "harness.h"

struct test_counts test_counts;

/* The cache's suite, declared here rather than in harness.h. */
void test_doccache(void);

void test_report(int pass, const char *file, int line, const char *what)
{
	if (pass) {
		test_counts.passed++;
		printf("ok - unit %s\n", what);
	} else {
		test_counts.failed++;
		printf("not ok - unit %s\n    at %s:%d\n", what, file, line);
	}
}

char *test_next_line(char **p, unsigned *line)
{
	char *l = *p, *nl;

	if (!*l)
		return NULL;
	nl = strchr(l, '\n');
	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = l + strlen(l);
	}
	++*line;
	return l;
}

int main(void)
{
	test_utf8();
	test_slug();
	test_date();
	test_docnum();
	test_numbering();
	test_markdown();
	test_yaml();
	test_frontmatter();
	test_clause();
	test_deadline();
	test_indvalue();
	test_import();
	test_diag();
	test_lookup();
	test_doccache();
	test_output();
	test_pagekey();
	printf("# unit: %d passed, %d failed\n", test_counts.passed, test_counts.failed);
	return test_counts.failed ? 1 : 0;
}
