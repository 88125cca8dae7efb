#include "cli.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

void cli_usage(FILE *out)
{
	fputs("usage: policysite build [--content DIR] [--out DIR] [--base-url URL] [--as-of DATE]\n"
	      "                        [--templates DIR] [--assets DIR] [--no-compress] [--jobs N]\n"
	      "                        [--force] [--werror]\n"
	      "       policysite check [--content DIR] [--as-of DATE] [--werror] [--external]\n"
	      "       policysite import FILE [-o OUT.md] [--region R] [--slug S] [--removed FILE]\n"
	      "                        [--werror]\n"
	      "       policysite --help | --version\n"
	      "\n"
	      "Commands:\n"
	      "  build   render the content folder into a static site\n"
	      "  check   read and validate the content, write nothing\n"
	      "  import  turn a text extracted from a PDF into a document (Markdown with\n"
	      "          front matter) and warn, at its lines, of what needs a human\n"
	      "\n"
	      "Options:\n"
	      "  --content DIR    content folder with site.yaml and policies/ (default: content)\n"
	      "  --out DIR        output folder, replaced whole on success (default: public)\n"
	      "  --base-url URL   absolute URL the site is served from, e.g.\n"
	      "                   https://example.org/sub/ (default: base_url in site.yaml)\n"
	      "  --as-of DATE     date deadlines are judged against, YYYY-MM-DD (default: as_of\n"
	      "                   in site.yaml, else SOURCE_DATE_EPOCH)\n"
	      "  --templates DIR  HTML templates (default: templates/ of the installation)\n"
	      "  --assets DIR     files copied to <out>/assets/ under content-hashed names\n"
	      "                   (default: assets/ of the installation)\n"
	      "  --no-compress    skip the .gz and .br copies of text files of 1 KB or more\n"
	      "  --jobs N         parse documents, write pages and compress on N threads\n"
	      "                   (default: the number of processors); the output is the\n"
	      "                   same for any N\n"
	      "  --force          parse every document and write every file anew; by\n"
	      "                   default a build whose inputs and output folder are as the\n"
	      "                   last build left them writes nothing, a document that did\n"
	      "                   not change is not parsed again, a page made from the same\n"
	      "                   inputs as in the previous output is not rendered again,\n"
	      "                   and a file the previous output holds with the same bytes\n"
	      "                   is hard-linked, with its .gz and .br (the output is the\n"
	      "                   same either way)\n"
	      "  --werror         treat warnings as errors: report them and exit 1 (build: write\n"
	      "                   nothing)\n"
	      "  --external       check: also fetch every http(s) link of the documents and warn\n"
	      "                   of those that fail (needs the network; off by default)\n"
	      "  -o OUT.md        import: write the document there (a folder ending in / takes\n"
	      "                   --slug); default: standard output\n"
	      "  --region R       import: the region the document governs, e.g. 梅州市 (default:\n"
	      "                   guessed from the issuer, with a warning)\n"
	      "  --slug S         import: the document's slug, when -o is a folder\n"
	      "  --removed FILE   import: list the input lines left out (page numbers, running\n"
	      "                   heads, the printed table of contents …) with the reason\n"
	      "\n"
	      "Diagnostics are printed as FILE:LINE:COLUMN: error: MESSAGE, then that line\n"
	      "of the file with a caret under the column.\n"
	      "Exit status: 0 success, 1 errors in the content (or the output cannot be\n"
	      "written), 2 wrong command line.\n", out);
}

static int option_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t n = strlen(name);

	if (!strcmp(argv[*i], name)) {
		if (*i + 1 >= argc) {
			fprintf(stderr, "policysite: option %s needs a value\n", name);
			return -1;
		}
		*out = argv[++*i];
		return 1;
	}
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	return 0;
}

static int parse_option(struct cli_options *opt, int argc, char **argv, int *i)
{
	/* A flag (is_flag) sets an int; the others take a string value. Each
	 * option is for the commands in its mask. */
	enum {
		BUILD = 1 << CLI_BUILD,
		CHECK = 1 << CLI_CHECK,
		IMPORT = 1 << CLI_IMPORT,
	};
	static const struct {
		const char *name;
		size_t offset;
		int is_flag;
		int commands;
	} options[] = {
		{ "--content", offsetof(struct cli_options, content), 0, BUILD | CHECK },
		{ "--as-of", offsetof(struct cli_options, as_of), 0, BUILD | CHECK },
		{ "--werror", offsetof(struct cli_options, werror), 1, BUILD | CHECK | IMPORT },
		{ "--out", offsetof(struct cli_options, out), 0, BUILD },
		{ "--base-url", offsetof(struct cli_options, base_url), 0, BUILD },
		{ "--templates", offsetof(struct cli_options, templates), 0, BUILD },
		{ "--assets", offsetof(struct cli_options, assets), 0, BUILD },
		{ "--no-compress", offsetof(struct cli_options, no_compress), 1, BUILD },
		{ "--jobs", offsetof(struct cli_options, jobs_arg), 0, BUILD },
		{ "--force", offsetof(struct cli_options, force), 1, BUILD },
		{ "--external", offsetof(struct cli_options, external), 1, CHECK },
		{ "-o", offsetof(struct cli_options, import_out), 0, IMPORT },
		{ "--region", offsetof(struct cli_options, region), 0, IMPORT },
		{ "--slug", offsetof(struct cli_options, slug), 0, IMPORT },
		{ "--removed", offsetof(struct cli_options, removed), 0, IMPORT },
	};
	static const char *const names[] = { "build", "check", "import" };

	for (size_t k = 0; k < sizeof(options) / sizeof(*options); k++) {
		void *field = (char *)opt + options[k].offset;
		int r;
		if (options[k].is_flag) {
			r = !strcmp(argv[*i], options[k].name);
			if (r)
				*(int *)field = 1;
		} else {
			r = option_value(argc, argv, i, options[k].name, field);
		}
		if (r < 0)
			return -1;
		if (!r)
			continue;
		if (!(options[k].commands & (1 << opt->command))) {
			fprintf(stderr, "policysite: option %s is not for %s\n", options[k].name,
				names[opt->command]);
			return -1;
		}
		return 0;
	}
	fprintf(stderr, "policysite: unknown option '%s'\n", argv[*i]);
	return -1;
}

int cli_parse(struct cli_options *opt, int argc, char **argv)
{
	memset(opt, 0, sizeof(*opt));
	opt->content = "content";
	opt->out = "public";
	if (argc < 2) {
		cli_usage(stderr);
		return -1;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		opt->command = CLI_HELP;
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		opt->command = CLI_VERSION;
		return 0;
	}
	if (!strcmp(argv[1], "build"))
		opt->command = CLI_BUILD;
	else if (!strcmp(argv[1], "check"))
		opt->command = CLI_CHECK;
	else if (!strcmp(argv[1], "import"))
		opt->command = CLI_IMPORT;
	else {
		fprintf(stderr, "policysite: unknown command '%s'\n\n", argv[1]);
		cli_usage(stderr);
		return -1;
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			opt->command = CLI_HELP;
			return 0;
		}
		if (opt->command == CLI_IMPORT && argv[i][0] != '-' && !opt->input) {
			opt->input = argv[i];
			continue;
		}
		if (parse_option(opt, argc, argv, &i) < 0)
			return -1;
	}
	if (opt->command == CLI_IMPORT && !opt->input) {
		fprintf(stderr, "policysite: import needs the text file to read\n");
		return -1;
	}
	opt->jobs = pool_default_jobs();
	if (opt->jobs_arg) {
		char *end;
		long n = strtol(opt->jobs_arg, &end, 10);
		if (*end || end == opt->jobs_arg || n < 1 || n > 256) {
			fprintf(stderr, "policysite: --jobs needs a number from 1 to 256, not '%s'\n",
				opt->jobs_arg);
			return -1;
		}
		opt->jobs = (int)n;
	}
	return 0;
}
