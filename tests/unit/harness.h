#ifndef POLICYSITE_TEST_HARNESS_H
#define POLICYSITE_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

/*
 * A small harness in the manner of cmark's api_test: every check prints
 * one `ok - …` or `not ok - …` line (with got/expected on failure) and
 * counts; the run goes on after a failure.
 */
struct test_counts {
	int passed, failed;
};

extern struct test_counts test_counts;

void test_report(int pass, const char *file, int line, const char *what);

/* The next line of an example file held in memory, cut in place at `*p`
 * (which advances); counts lines in `*line`; NULL at the end. */
char *test_next_line(char **p, unsigned *line);

#define OK(cond, what) test_report(!!(cond), __FILE__, __LINE__, (what))

#define INT_EQ(got, want, what) do {						\
	long long got_ = (long long)(got), want_ = (long long)(want);		\
	test_report(got_ == want_, __FILE__, __LINE__, (what));			\
	if (got_ != want_)							\
		printf("    got %lld, expected %lld\n", got_, want_);		\
} while (0)

#define STR_EQ(got, want, what) do {						\
	const char *got_ = (got), *want_ = (want);				\
	int same_ = got_ && want_ && !strcmp(got_, want_);			\
	test_report(same_, __FILE__, __LINE__, (what));				\
	if (!same_)								\
		printf("    got \"%s\", expected \"%s\"\n", got_ ? got_ : "(null)",	\
		       want_ ? want_ : "(null)");				\
} while (0)

void test_utf8(void);
void test_slug(void);
void test_date(void);
void test_docnum(void);
void test_numbering(void);
void test_markdown(void);
void test_yaml(void);
void test_frontmatter(void);
void test_clause(void);
void test_deadline(void);
void test_indvalue(void);
void test_import(void);
void test_diag(void);
void test_lookup(void);
void test_output(void);
void test_pagekey(void);

#endif
