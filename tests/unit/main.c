#include "harness.h"

struct test_counts test_counts;

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
	printf("# unit: %d passed, %d failed\n", test_counts.passed, test_counts.failed);
	return test_counts.failed ? 1 : 0;
}
