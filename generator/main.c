#include <libxml/parser.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "cli.h"
#include "compress.h"
#include "diag.h"
#include "doccache.h"
#include "fsio.h"
#include "import.h"
#include "linkcheck.h"
#include "model.h"
#include "progress.h"
#include "site.h"
#include "strbuf.h"
#include "uptodate.h"

#ifndef POLICYSITE_VERSION
#define POLICYSITE_VERSION "0.1.0"
#endif

/* The as-of date from SOURCE_DATE_EPOCH, the reproducible-builds way of
 * giving a build its date; NULL when unset or not a number. */
static const char *as_of_from_environment(char out[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	struct tm tm;

	if (!epoch || !*epoch)
		return NULL;
	long long secs = strtoll(epoch, &end, 10);
	time_t t = (time_t)secs;
	if (*end || secs < 0 || !gmtime_r(&t, &tm) || !strftime(out, 11, "%Y-%m-%d", &tm))
		return NULL;
	return out;
}

/* Templates and assets come from --templates/--assets, else from the
 * installation (<prefix>/share/policysite next to <prefix>/bin), else from
 * the current folder, which is where a source checkout has them. */
static void find_data_dir(struct strbuf *out)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	strbuf_reset(out);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			strbuf_addf(out, "%s/../share/policysite", exe);
			if (fsio_is_dir(out->buf))
				return;
		}
	}
	strbuf_reset(out);
	strbuf_adds(out, ".");
}

static int run_import(const struct cli_options *opt, struct diag_list *diags)
{
	struct import_request req = {
		opt->input, opt->import_out, opt->slug, opt->region, opt->removed,
	};
	const char *note;
	int ret = import_run(&req, stdout, &note, diags);

	if (note)
		fprintf(stderr, "%s: note: %s\n", opt->input, note);
	return ret;
}

/* What shapes a build's output besides its files: the options, the
 * date from the environment, the compression. */
static void build_settings(const struct cli_options *opt, const char *epoch_date,
			   struct strbuf *out)
{
	strbuf_addf(out, "policysite %s\nbase_url %s\nas_of %s\nepoch %s\ncompress %d\n",
		    POLICYSITE_VERSION, opt->base_url ? opt->base_url : "-",
		    opt->as_of ? opt->as_of : "-", epoch_date ? epoch_date : "-",
		    !opt->no_compress);
	strbuf_addf(out, "werror %d\n", opt->werror);
	compress_describe(out);
}

/* The diagnostics as printed, for the stamp of the build. */
static void diagnostics_text(struct diag_list *diags, struct strbuf *out)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return;
	diag_print(diags, f);
	fclose(f);
	strbuf_add(out, text, len);
	free(text);
}

/* What a build reads of its own previous runs: the cache of parsed
 * documents, then the stamps of the output and its staging folder. They
 * are read on threads of their own, beside the reading of the content and
 * the model, which do not need them. */
struct previous {
	struct doccache *cache;
	const char *cache_path;
	int reuse;
	struct site_stamps *stamps;
	struct site_options options;	/* a copy: the build goes on filling its own */
	const char *out;
	pthread_t cache_reader, stamps_reader;
	int cache_reading, stamps_reading;
};

static void *read_cache(void *arg)
{
	struct previous *p = arg;

	doccache_open(p->cache, p->cache_path, 0, p->reuse);
	return NULL;
}

static void *read_stamps(void *arg)
{
	struct previous *p = arg;

	site_stamps_read(p->stamps, &p->options, p->out);
	return NULL;
}

static void read_previous(struct previous *p, int jobs)
{
	p->cache_reading = jobs > 1 && pthread_create(&p->cache_reader, NULL, read_cache, p) == 0;
	if (!p->cache_reading)
		read_cache(p);
	p->stamps_reading = jobs > 1 && pthread_create(&p->stamps_reader, NULL, read_stamps, p) == 0;
	if (!p->stamps_reading)
		read_stamps(p);
}

static void wait_for_cache(struct previous *p)
{
	if (p->cache_reading)
		pthread_join(p->cache_reader, NULL);
	p->cache_reading = 0;
}

static void wait_for_stamps(struct previous *p)
{
	if (p->stamps_reading)
		pthread_join(p->stamps_reader, NULL);
	p->stamps_reading = 0;
}

/* The model and its arena, freed by site_write beside its last steps (see
 * site_options), or after it. */
struct model_owner {
	struct model *model;
	struct arena *arena;
	int released;
};

static void release_model(void *arg)
{
	struct model_owner *owner = arg;

	model_release(owner->model);
	arena_release(owner->arena);
	owner->released = 1;
}

/* Returns -1 on failure; `*skipped` is set when the output was up to date. */
static int run(const struct cli_options *opt, struct diag_list *diags, int *skipped)
{
	if (opt->command == CLI_IMPORT)
		return run_import(opt, diags);
	struct arena arena = ARENA_INIT;
	struct model model;
	struct strbuf data = STRBUF_INIT, templates = STRBUF_INIT, assets = STRBUF_INIT;
	struct strbuf settings = STRBUF_INIT, replay = STRBUF_INIT, counts = STRBUF_INIT;
	struct strbuf cache_path = STRBUF_INIT;
	struct doccache cache;
	struct site_stamps stamps;
	struct previous previous;
	struct fsio_files docs = FSIO_FILES_INIT;
	char epoch_date[11];
	const char *epoch = as_of_from_environment(epoch_date);
	uint64_t inputs = 0, shared_inputs = 0, recorded = 0;
	int known_inputs = 0, ret;
	struct site_options options = { !opt->no_compress, opt->jobs, !opt->force, SITE_STAMP_DIR,
					0, 0, NULL, NULL };
	struct model_owner owner = { &model, &arena, 0 };

	find_data_dir(&data);
	strbuf_addf(&templates, "%s/templates", data.buf);
	strbuf_addf(&assets, "%s/assets", data.buf);
	struct site_paths paths = {
		opt->templates ? opt->templates : templates.buf,
		opt->assets ? opt->assets : assets.buf,
		opt->out,
	};
	/* The documents' parse is kept when the inputs it depends on are
	 * known; --force parses them all again. */
	uptodate_stamp_path(SITE_STAMP_DIR, "parsed", opt->out, &cache_path, NULL);
	previous = (struct previous){ .cache = &cache, .cache_path = cache_path.buf,
				      .reuse = !opt->force, .stamps = &stamps, .options = options,
				      .out = opt->out };
	previous.options.reuse = options.reuse && opt->command == CLI_BUILD;
	if (opt->command != CLI_BUILD)
		previous.cache_path = NULL;
	read_previous(&previous, opt->jobs);
	if (opt->command == CLI_BUILD) {
		const char *read[] = { opt->content, paths.templates, paths.assets };
		struct strbuf docs_dir = STRBUF_INIT;
		strbuf_addf(&docs_dir, "%s/policies", opt->content);
		build_settings(opt, epoch, &settings);
		known_inputs = uptodate_inputs(settings.buf, read, 3, docs_dir.buf, &inputs,
					       &shared_inputs, &docs, opt->jobs) == 0;
		options.keyed = known_inputs;
		options.shared_inputs = shared_inputs;
		strbuf_release(&docs_dir);
		if (known_inputs && !opt->force &&
		    uptodate_check(SITE_STAMP_DIR, opt->out, inputs, &recorded, &replay, &counts) &&
		    (wait_for_stamps(&previous), site_output_unchanged(&stamps, opt->out, opt->jobs)) &&
		    stamps.output_hash == recorded) {
			site_clear_staging(&stamps, opt->out);
			fputs(replay.buf, stderr);
			progress_up_to_date(stdout, counts.buf, opt->out);
			*skipped = 1;
			ret = 0;
			goto out;
		}
		strbuf_reset(&replay);
		strbuf_reset(&counts);
	}
	wait_for_cache(&previous);
	doccache_set_settings(&cache, shared_inputs);
	if (!known_inputs) {
		doccache_close(&cache);
		doccache_open(&cache, NULL, 0, 0);
	}
	ret = model_load(&model, &arena, opt->content, opt->base_url, opt->as_of, epoch, opt->jobs,
			 known_inputs ? &cache : NULL, known_inputs ? &docs : NULL, diags);
	fsio_files_release(&docs);
	if (!ret && !diags->errors)
		doccache_write(&cache);
	if (!ret && opt->external)
		linkcheck_external(&model, diags);
	/* Any error, a --werror warning included, and nothing is written. */
	if (!ret && !diags->errors && opt->command == CLI_BUILD) {
		wait_for_stamps(&previous);
		options.done_with_model = release_model;
		options.done_ctx = &owner;
		ret = site_write(&model, &paths, &options, &stamps, diags);
		if (!ret && known_inputs && stamps.output_hashed) {
			diagnostics_text(diags, &replay);
			progress_counts(&counts);
			uptodate_record(SITE_STAMP_DIR, opt->out, inputs, stamps.output_hash, replay.buf,
					counts.buf);
		}
	}
	if (!owner.released)
		release_model(&owner);
out:
	wait_for_cache(&previous);
	wait_for_stamps(&previous);
	doccache_close(&cache);
	site_stamps_release(&stamps);
	fsio_files_release(&docs);
	strbuf_release(&data);
	strbuf_release(&templates);
	strbuf_release(&assets);
	strbuf_release(&settings);
	strbuf_release(&replay);
	strbuf_release(&counts);
	strbuf_release(&cache_path);
	return ret;
}

int main(int argc, char **argv)
{
	struct cli_options opt;
	struct diag_list diags = DIAG_LIST_INIT;
	int status, skipped = 0;

	if (cli_parse(&opt, argc, argv) < 0)
		return EXIT_USAGE;
	if (opt.command == CLI_HELP) {
		cli_usage(stdout);
		return EXIT_OK;
	}
	if (opt.command == CLI_VERSION) {
		printf("policysite %s\n", POLICYSITE_VERSION);
		return EXIT_OK;
	}
	diags.werror = opt.werror;
#ifdef M_MXFAST
	/* No fast bins: a build frees millions of small nodes between large
	 * allocations, and merging the bins back took 7 % of a build's time. */
	mallopt(M_MXFAST, 0);
#endif
	xmlInitParser();
	progress_begin(opt.command == CLI_BUILD && isatty(STDERR_FILENO) ? stderr : NULL);
	status = run(&opt, &diags, &skipped) < 0 || diags.errors ? EXIT_CONTENT : EXIT_OK;
	progress_clear();
	diag_print(&diags, stderr);
	if (opt.command == CLI_BUILD && status == EXIT_OK && !skipped)
		progress_summary(stdout);
	diag_list_release(&diags);
	xmlCleanupParser();
	return status;
}
