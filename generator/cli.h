#ifndef POLICYSITE_CLI_H
#define POLICYSITE_CLI_H

#include <stdio.h>

/* Exit statuses, as documented in --help and the man page. */
enum {
	EXIT_OK = 0,
	EXIT_CONTENT = 1,	/* the content has errors */
	EXIT_USAGE = 2,		/* the command line is wrong */
};

enum cli_command {
	CLI_BUILD,
	CLI_CHECK,
	CLI_IMPORT,
	CLI_HELP,
	CLI_VERSION,
};

struct cli_options {
	enum cli_command command;
	const char *content;	/* default "content" */
	const char *out;	/* default "public" */
	const char *base_url;	/* NULL: from site.yaml */
	const char *as_of;	/* NULL: from site.yaml or SOURCE_DATE_EPOCH */
	const char *templates;	/* NULL: found next to the program */
	const char *assets;
	int werror;		/* --werror: warnings are errors */
	int no_compress;	/* --no-compress: no .gz and .br copies */
	int force;		/* --force: write every file anew, reuse nothing */
	int external;		/* --external: fetch the documents' web links */
	const char *jobs_arg;	/* --jobs as given */
	int jobs;		/* threads writing pages: --jobs, else the processors */
	const char *input;	/* import: the text file */
	const char *import_out;	/* import -o: NULL for standard output */
	const char *slug;	/* import --slug */
	const char *region;	/* import --region */
	const char *removed;	/* import --removed: list the lines left out */
};

/* Parse argv; on a usage error print it to stderr and return -1. */
int cli_parse(struct cli_options *opt, int argc, char **argv);

void cli_usage(FILE *out);

#endif
