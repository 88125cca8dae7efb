# policysite: `make site` builds the generator and renders content/ into public/;
# `make test` runs every test and ends with "N passed, N failed".

PREFIX ?= /usr/local
CC ?= cc
BUILD := build
PKGS := libxml-2.0 yaml-0.1 libcmark-gfm zlib libbrotlienc libcurl
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

# Debian packages: what the build needs, then what the tests need.
BUILD_DEBS := gcc libc6-dev make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
	libxml2-dev libyaml-dev zlib1g-dev libbrotli-dev libcurl4-openssl-dev
TEST_DEBS := libxml2-utils default-jre-headless chromium fonts-noto-cjk nginx \
	libnginx-mod-http-brotli-static rsync
# node and npm may come from Debian or elsewhere: only installed when missing.
NODE_DEBS := nodejs npm

.PHONY: all site test clean install serve deps deps-build deps-test check-site

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
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -O1 -Igenerator -o $@ $^ $(LIBS)

$(BUILD)/sitecheck: tests/sitecheck.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -O1 -o $@ $< $(LIBS)

$(BUILD) $(BUILD)/obj $(BUILD)/asan:
	mkdir -p $@

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d)

# Install what is missing with apt-get when root; otherwise print the command.
deps-build:
	@tests/deps.sh $(BUILD_DEBS)

deps-test:
	@tests/deps.sh $(BUILD_DEBS) $(TEST_DEBS) --node $(NODE_DEBS)

deps: deps-test

node_modules/.package-lock.json: package-lock.json | deps-test
	npm ci --ignore-scripts --no-audit --no-fund

test: deps-test node_modules/.package-lock.json $(BUILD)/policysite $(BUILD)/asan/policysite \
		$(BUILD)/unit-tests $(BUILD)/sitecheck
	@tests/run.sh $(BUILD)

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
