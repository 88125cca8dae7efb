# policysite: `make site` builds the generator and renders content/ into public/;
# `make test` runs every test and ends with "N passed, N failed".

PREFIX ?= /usr/local
CC ?= cc
BUILD := build
PKGS := libxml-2.0 yaml-0.1 libcmark-gfm libdeflate libbrotlienc libcurl
VERSION := 0.1.0

WARNINGS := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wvla \
	-Wwrite-strings -Wformat-security -fno-common
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -DPOLICYSITE_VERSION='"$(VERSION)"' \
	$(WARNINGS) $(CFLAGS) $(PKG_CFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

SRCS := $(sort $(wildcard generator/*.c))
LIB_SRCS := $(filter-out generator/main.c,$(SRCS))
OBJS := $(SRCS:generator/%.c=$(BUILD)/obj/%.o)
ASAN_OBJS := $(SRCS:generator/%.c=$(BUILD)/asan/%.o)
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))

# Debian packages: what the build needs, then what the tests need (zlib:
# the unit tests unpack with another library than the one that packs).
BUILD_DEBS := gcc libc6-dev make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
	libxml2-dev libyaml-dev libdeflate-dev libbrotli-dev libcurl4-openssl-dev
TEST_DEBS := zlib1g-dev libxml2-utils default-jre-headless chromium fonts-noto-cjk nginx \
	libnginx-mod-http-brotli-static rsync
# node and npm may come from Debian or elsewhere: only installed when missing.
NODE_DEBS := nodejs npm

# Fuzzing (tests/fuzz/): one libFuzzer target per parser, built with clang;
# `make fuzz` runs each for FUZZ_SECONDS on a copy of its corpus, and with
# FUZZ_MERGE=1 adds the inputs that reach new code to tests/fuzz/corpus/.
# `make test` replays every corpus through the same entry points under gcc.
FUZZ_ALL := clause csv deadline document frontmatter import indvalue yaml
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 600
FUZZ_MERGE ?= 0
FUZZ_CC ?= clang
FUZZ_DEBS := clang libclang-rt-dev llvm
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJS := $(LIB_SRCS:generator/%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_HELPERS := tests/fuzz/scratch.c
REPLAY_OBJS := $(filter-out $(BUILD)/asan/main.o,$(ASAN_OBJS))
FUZZ_REPLAYS := $(FUZZ_ALL:%=$(BUILD)/fuzz-replay/%)

.PHONY: all site test clean install serve deps deps-build deps-test check-site \
	fuzz fuzz-build deps-fuzz bench bench-corpus deps-bench

all: $(BUILD)/policysite

site: deps-build $(BUILD)/policysite
	./$(BUILD)/policysite build --content content --out public

$(BUILD)/policysite: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/obj/%.o: generator/%.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/policysite: $(ASAN_OBJS)
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -o $@ $(ASAN_OBJS) $(LIBS)

$(BUILD)/asan/%.o: generator/%.c | $(BUILD)/asan
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -O1 -MMD -MP -c -o $@ $<

$(BUILD)/unit-tests: $(UNIT_SRCS) $(filter-out $(BUILD)/asan/main.o,$(ASAN_OBJS))
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -O1 -Igenerator -o $@ $^ $(LIBS) -lz

$(BUILD)/sitecheck: tests/sitecheck.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -O1 -o $@ $< $(LIBS)

$(BUILD) $(BUILD)/obj $(BUILD)/asan:
	mkdir -p $@

# Only pattern rules name them, so make would delete them as intermediate.
.SECONDARY: $(FUZZ_OBJS)

$(BUILD)/fuzz/obj/%.o: generator/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link -O1 -MMD -MP -c -o $@ $<

# A target and its helpers compile in one command, which leaves no usable
# dependency file: they depend on every header instead.
FUZZ_HEADERS := tests/fuzz/fuzz.h $(wildcard generator/*.h)

$(BUILD)/fuzz/bin/%: tests/fuzz/%.c $(FUZZ_HELPERS) $(FUZZ_HEADERS) $(FUZZ_OBJS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SANITIZE) -fsanitize=fuzzer -O1 -Igenerator \
		-o $@ $< $(FUZZ_HELPERS) $(FUZZ_OBJS) $(LIBS)

$(BUILD)/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_HELPERS) $(FUZZ_HEADERS) \
		$(REPLAY_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -O1 -Igenerator -o $@ $< tests/fuzz/replay.c \
		$(FUZZ_HELPERS) $(REPLAY_OBJS) $(LIBS)

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d)
-include $(wildcard $(BUILD)/fuzz/obj/*.d)

# Install what is missing with apt-get when root; otherwise print the command.
deps-build:
	@tests/deps.sh $(BUILD_DEBS)

deps-test:
	@tests/deps.sh $(BUILD_DEBS) $(TEST_DEBS) --node $(NODE_DEBS)

deps-fuzz:
	@tests/deps.sh $(BUILD_DEBS) $(FUZZ_DEBS)

deps: deps-test

node_modules/.package-lock.json: package-lock.json | deps-test
	npm ci --ignore-scripts --no-audit --no-fund

test: deps-test node_modules/.package-lock.json $(BUILD)/policysite $(BUILD)/asan/policysite \
		$(BUILD)/unit-tests $(BUILD)/sitecheck $(FUZZ_REPLAYS)
	@tests/run.sh $(BUILD)

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/bin/%)

fuzz: deps-fuzz fuzz-build
	@tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_MERGE) $(FUZZ_TARGETS)

serve: site
	node tests/browser/serve.mjs public --port 8080

install: $(BUILD)/policysite
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/policysite/templates \
		$(DESTDIR)$(PREFIX)/share/policysite/assets $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/policysite $(DESTDIR)$(PREFIX)/bin/policysite
	install -m 644 templates/*.html $(DESTDIR)$(PREFIX)/share/policysite/templates/
	cp -R assets/. $(DESTDIR)$(PREFIX)/share/policysite/assets/
	install -m 644 doc/policysite.1 $(DESTDIR)$(PREFIX)/share/man/man1/policysite.1

clean:
	rm -rf $(BUILD) public public.staging

# Benchmark (issue 9, README "Benchmark"): `make bench-corpus N=1000` writes a
# synthetic corpus of N documents to bench/work/corpus-N (bench/corpus.mjs);
# `make bench` builds the corpora of BENCH_N with $(BUILD)/policysite and with
# Hugo + Pagefind, prints one "bench: N=…" line per N and writes
# bench/results/<date>-n<N>.csv. `make bench BENCH_N="1000"` is the quick run.
BENCH_N ?= 1000 10000
BENCH_SEED ?= 9
BENCH_DEBS := hugo time

deps-bench:
	@tests/deps.sh $(BUILD_DEBS) $(BENCH_DEBS) --node $(NODE_DEBS)

bench/node_modules/.package-lock.json: bench/package-lock.json | deps-bench
	npm ci --ignore-scripts --no-audit --no-fund --prefix bench

$(BUILD)/bench-floor: bench/floor.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $<

bench-corpus: deps-bench
	node bench/corpus.mjs --n $(or $(N),1000) --seed $(BENCH_SEED) \
		--out bench/work/corpus-$(or $(N),1000)

bench: deps-bench bench/node_modules/.package-lock.json $(BUILD)/policysite $(BUILD)/bench-floor
	bench/run.sh --policysite $(BUILD)/policysite --floor $(BUILD)/bench-floor \
		--seed $(BENCH_SEED) $(BENCH_N)
