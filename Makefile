# Weerbaar: the two commands of README.md.
#   make run    installs what is missing, builds, starts the app
#   make check  the same set-up, then the whole test suite
#   make bench  the same set-up, then the benchmarks (measurements, no pass/fail)
#   make fuzz   libFuzzer on every parser for FUZZ_SECONDS each (tests/fuzz)
BUILDDIR ?= build
MESON ?= meson
XVFB = xvfb-run -a -s "-screen 0 1280x800x24"
# The core, store and fuzz suites again with ASan, UBSan and LeakSanitizer.
ASANDIR ?= build-asan
FUZZDIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps setup build run check memcheck fuzz bench clean pot update-po

all: build

deps:
	./scripts/install-deps.sh

$(BUILDDIR)/build.ninja:
	$(MESON) setup $(BUILDDIR) --prefix=/usr

setup: deps $(BUILDDIR)/build.ninja

build: setup
	$(MESON) compile -C $(BUILDDIR)

run: build
	$(BUILDDIR)/src/weerbaar

$(ASANDIR)/build.ninja:
	$(MESON) setup $(ASANDIR) --prefix=/usr -Db_sanitize=address,undefined -Db_lundef=false

# Besides the whole suite: the sanitizer run and valgrind memcheck of the store
# suite's C tests (tests/run-sanitized.sh, tests/run-memcheck.sh), one count.
check: build $(ASANDIR)/build.ninja
	WB_ASAN_BUILDDIR=$(ASANDIR) WB_MEMCHECK=1 \
	  $(XVFB) dbus-run-session -- ./tests/run-suite.sh $(BUILDDIR)

memcheck: build
	./tests/run-memcheck.sh $(BUILDDIR)

# clang: libFuzzer's coverage in the libraries, the harnesses linked with it.
$(FUZZDIR)/build.ninja:
	CC=clang CFLAGS="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" \
	  $(MESON) setup $(FUZZDIR) -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dbuildtype=debugoptimized

fuzz: deps
	./scripts/install-deps.sh --fuzz
	$(MAKE) $(FUZZDIR)/build.ninja
	$(MESON) compile -C $(FUZZDIR) $(patsubst %,tests/fuzz/fuzz-%,$(shell sed -n "s/^  '\([a-z-]*\)',$$/\1/p" tests/fuzz/meson.build))
	./tests/fuzz/run-fuzz.sh $(FUZZDIR) $(FUZZ_SECONDS)

# SQLCipher (the peer the benchmarks compare with) comes with --bench; the
# reconfigure lets meson find it in a build dir set up before it was installed.
bench: build
	./scripts/install-deps.sh --bench
	$(MESON) setup --reconfigure $(BUILDDIR) > /dev/null
	$(XVFB) dbus-run-session -- $(MESON) test -C $(BUILDDIR) --benchmark --verbose

pot: build
	$(MESON) compile -C $(BUILDDIR) weerbaar-pot

update-po: pot
	$(MESON) compile -C $(BUILDDIR) weerbaar-update-po

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR)
