# Weerbaar: the two commands of README.md.
#   make run    installs what is missing, builds, starts the app
#   make check  the same set-up, then the whole test suite
#   make bench  the same set-up, then the benchmarks (measurements, no pass/fail)
BUILDDIR ?= build
MESON ?= meson
XVFB = xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: all deps setup build run check bench clean pot update-po

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

check: build
	$(XVFB) dbus-run-session -- ./tests/run-suite.sh $(BUILDDIR)

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
	rm -rf $(BUILDDIR)
