# sqlite-kl — build, test and clean.
#
#   make            builds ./kl.so (load it with .load ./kl) and
#                   ./kl_preload.so (LD_PRELOAD shim, for dqlite and friends)
#   make test       runs every test: SQL scripts and C hosts, on kl.so and
#                   on a kl.so built from the single file (below)
#   make amalgamation  the single-file build: build/amalgamation/sqlite-kl.c
#                   and sqlite-kl.h
#   make check      make test, then the same suite under AddressSanitizer +
#                   UndefinedBehaviorSanitizer and under valgrind, the
#                   allocation-failure, thread (also ThreadSanitizer) and
#                   limits hosts, each fuzzer for FUZZ_SECONDS, and branch
#                   coverage (at least 95% of src/)
#   make test-roads install, static embedding, Python/pandas, sqlite-utils,
#                   Node and the Debian package, each for real
#   make test-sqlite-ends  the suite on the newest SQLite a registry
#                   package ships (3.54.1) and on 3.31.1 (fetched with npm)
#   make test-cross  Windows (mingw-w64) and aarch64 builds, their suite run
#                   under wine and qemu-aarch64 (make check runs it too)
#   make test-cluster  three dqlite nodes under kl_preload.so, a leader
#                   killed and restarted (needs Debian's go-dqlite)
#   make fuzz       only the fuzzers (FUZZ_SECONDS each, default 30)
#   make coverage   only the coverage run and its summary
#   make bench      the benchmark (bench/run.sh), written to bench/RESULTS.md
#   make catalogue  rewrites the lists derived from src/catalogue.h
#   make oracle-grid  the value oracle's grid (tests/oracle/grid.sql)
#   make accuracy   the accuracy report: tests/accuracy/grid.sql, ACCURACY.md
#   make install    kl.so to $(LIBDIR), kl.h to $(INCDIR) (PREFIX=/usr/local,
#                   DESTDIR for staging); make uninstall removes them
#   make demo       builds demo.db (sql/demo_data.sql) and runs sql/demo.sql on it
#   make wheel      the Python wheel and sdist in dist/ (bindings/python)
#   make npm        the npm packages' tarballs in dist/npm/ (bindings/npm)
#   make clean
#
# Build dependencies: a C compiler, make and sqlite3 (its runtime library,
# libsqlite3-0, comes with it): SQLite's headers are vendored in
# vendor/sqlite/, and the C hosts link the runtime library by its soname
# (SQLITE_LIB), so libsqlite3-dev is not needed for make, make demo and
# make test.  make check also needs clang, libclang-rt-14-dev, valgrind and
# libsqlite3-dev (the static embedding road).  No flag here depends on the
# build machine's CPU.

CC      ?= cc
CFLAGS  ?= -O2
WARN    = -Wall -Wextra -Werror
INC     = -Isrc -Isrc/core -Isrc/sql -Ivendor/sqlite
# libsqlite3.so.0 is the runtime library itself (libsqlite3-0); -lsqlite3
# would need the libsqlite3.so symlink that only libsqlite3-dev installs.
SQLITE_LIB ?= -l:libsqlite3.so.0
KLFLAGS = -fPIC -fvisibility=hidden -ffp-contract=off -std=c99 \
          -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(INC) $(WARN)
LDLIBS  = -lm

# The layers are folders (ARCHITECTURE.md): src/core/ is pure C (no
# sqlite3.h), src/sql/ the SQL glue, src/kl.c the entry point and
# registration, src/preload/ the LD_PRELOAD shim.  Basenames are unique
# across folders, so objects can live flat in one build directory.
CORE    = $(sort $(wildcard src/core/*.c))
GLUE    = $(sort $(wildcard src/sql/*.c))
SRC     = src/kl.c $(GLUE) $(CORE)
HDR     = $(wildcard src/*.h src/*/*.h)
vpath %.c src src/core src/sql

SQLITE  ?= sqlite3
CLANG   ?= clang
FUZZ_SECONDS ?= 30

TEST_HOSTS = tests/harness.so tests/unit_core tests/host build/pairs_dump
# The statements generated from the catalogue, for the fuzzer and the hosts
CATALOGUE_H = tests/catalogue/examples.h tests/catalogue/fuzz.h \
              tests/catalogue/fuzz_oracle.h
TINC    = -Itests/catalogue

.PHONY: all test amalgamation check check-asan check-valgrind check-hosts test-cluster fuzz coverage bench demo accuracy clean catalogue \
        install uninstall test-roads test-sqlite-ends oracle-grid jsonb-rate wheel npm

# make install: kl.so and kl.h under PREFIX (staged under DESTDIR).
PREFIX  ?= /usr/local
DESTDIR ?=
LIBDIR  ?= $(PREFIX)/lib/sqlite3
INCDIR  ?= $(PREFIX)/include

all: kl.so kl_preload.so

# kl.so and kl_preload.so take the usual CPPFLAGS, CFLAGS and LDFLAGS from
# the environment or the command line (the Debian package passes
# dpkg-buildflags' hardening flags); unset, CFLAGS is -O2 and the others
# add nothing.

kl.so: $(SRC) $(HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(KLFLAGS) -shared -o $@ $(SRC) $(LDFLAGS) $(LDLIBS)

# LD_PRELOAD shim: the extension compiled in, registered on every
# connection a dynamically linked program opens (see src/preload/preload.c).
kl_preload.so: src/preload/preload.c $(SRC) $(HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(KLFLAGS) -DSQLITE_CORE -shared -o $@ src/preload/preload.c $(SRC) $(LDFLAGS) $(SQLITE_LIB) -ldl $(LDLIBS)

tests/harness.so: tests/harness.c
	$(CC) $(CFLAGS) $(KLFLAGS) -shared -o $@ tests/harness.c $(LDFLAGS) $(LDLIBS)

tests/unit_core: tests/unit_core.c $(CORE) $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -o $@ tests/unit_core.c $(CORE) $(LDFLAGS) $(LDLIBS)

tests/host: tests/host.c
	$(CC) $(CFLAGS) $(KLFLAGS) -o $@ tests/host.c $(LDFLAGS) $(SQLITE_LIB) $(LDLIBS)

# The sources concatenate into one translation unit (no clashing
# file-scope names or macros; feature-test macros come from the command
# line, before any include): build/unity.c includes every file.
build/unity.c: $(SRC)
	@mkdir -p $(@D)
	for f in $(SRC); do echo "#include \"../$$f\""; done > $@
build/unity.o: build/unity.c $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -c -o $@ build/unity.c

# The single-file build (make amalgamation): build/amalgamation/sqlite-kl.c
# and sqlite-kl.h (tools/amalgamate.sh).  Next to them, a kl.so and a
# unit_core compiled from that one file with none of KLFLAGS (the file sets
# its feature-test macros and fp-contract itself), and the plain build's
# harness and host: make test runs the suite on it (BUILD=build/amalgamation).
AMALG   = build/amalgamation
AMALG_BUILD = $(AMALG)/kl.so $(AMALG)/unit_core $(AMALG)/harness.so $(AMALG)/host

amalgamation: $(AMALG)/sqlite-kl.c $(AMALG)/sqlite-kl.h

$(AMALG)/sqlite-kl.c: tools/amalgamate.sh $(SRC) $(HDR)
	sh tools/amalgamate.sh $(AMALG) $(SRC)
$(AMALG)/sqlite-kl.h: $(AMALG)/sqlite-kl.c
$(AMALG)/sqlite-kl.o: $(AMALG)/sqlite-kl.c
	$(CC) $(CFLAGS) $(WARN) -fPIC -Ivendor/sqlite -c -o $@ $(AMALG)/sqlite-kl.c
$(AMALG)/kl.so: $(AMALG)/sqlite-kl.o
	$(CC) $(CFLAGS) -shared -o $@ $(AMALG)/sqlite-kl.o $(LDFLAGS) $(LDLIBS)
$(AMALG)/unit_core: tests/unit_core.c $(AMALG)/sqlite-kl.o
	$(CC) $(CFLAGS) $(KLFLAGS) -o $@ tests/unit_core.c $(AMALG)/sqlite-kl.o $(LDFLAGS) $(LDLIBS)
$(AMALG)/harness.so $(AMALG)/host: $(AMALG)/%: tests/%
	@mkdir -p $(@D)
	cp $< $@

# The lists derived from the function catalogue (src/catalogue.h):
# make test checks them (tests/catalogue/check.sh), make catalogue
# rewrites them.
build/catalogue_dump: tests/catalogue/dump.c src/catalogue.h
	@mkdir -p $(@D)
	$(CC) -O1 -std=c99 $(WARN) -Isrc -o $@ tests/catalogue/dump.c

# The table of distribution pairs (docs/functions.md) from the code's tables.
build/pairs_dump: tests/catalogue/pairs.c $(CORE) $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(KLFLAGS) -o $@ tests/catalogue/pairs.c $(CORE) $(LDLIBS)

catalogue: build/catalogue_dump build/pairs_dump
	sh tests/catalogue/check.sh write

test: kl.so $(TEST_HOSTS) build/unity.o build/catalogue_dump build/pairs_dump $(AMALG_BUILD)
	SQLITE=$(SQLITE) sh tests/check.sh test

# ---------------------------------------------------------------- check
# Each variant lives in build/<name>/ with the same file names as the plain
# build, so tests/run.sh can run the whole suite against it (BUILD=...).

SAN     = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
          -fno-sanitize-recover=all
ASAN    = build/asan
CHK     = build/check
COV     = build/cov

$(ASAN)/kl.so: $(SRC) $(HDR)
	@mkdir -p $(@D)
	$(CC) $(SAN) $(KLFLAGS) -shared -o $@ $(SRC) $(LDLIBS)
$(ASAN)/harness.so: tests/harness.c
	@mkdir -p $(@D)
	$(CC) $(SAN) $(KLFLAGS) -shared -o $@ tests/harness.c $(LDLIBS)
$(ASAN)/unit_core: tests/unit_core.c $(CORE) $(HDR)
	@mkdir -p $(@D)
	$(CC) $(SAN) $(KLFLAGS) -o $@ tests/unit_core.c $(CORE) $(LDLIBS)
$(ASAN)/host: tests/host.c
	@mkdir -p $(@D)
	$(CC) $(SAN) $(KLFLAGS) -o $@ tests/host.c -lsqlite3 $(LDLIBS)

# Hosts with the extension compiled in (-DSQLITE_CORE), under ASan/UBSan.
$(CHK)/oom_host $(CHK)/limits_host $(CHK)/threads_host: $(CHK)/%: tests/%.c $(SRC) $(HDR) $(CATALOGUE_H)
	@mkdir -p $(@D)
	$(CC) $(SAN) $(KLFLAGS) -DSQLITE_CORE $(TINC) -o $@ $< $(SRC) -lsqlite3 -lpthread $(LDLIBS)
# ThreadSanitizer's runtime is not up yet when ifunc resolvers run, so the
# TSan build uses the portable kernel only (-DKL_NO_CLONES); the ASan build
# of the same host runs the run-time-dispatched kernels under threads.
$(CHK)/threads_tsan: tests/threads_host.c $(SRC) $(HDR) $(CATALOGUE_H)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -fsanitize=thread $(KLFLAGS) -DKL_NO_CLONES -DSQLITE_CORE $(TINC) -o $@ tests/threads_host.c $(SRC) -lsqlite3 -lpthread $(LDLIBS)
$(CHK)/fuzz_sql: tests/fuzz/fuzz_sql.c $(SRC) $(HDR) $(CATALOGUE_H)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -fsanitize=fuzzer,address,undefined $(KLFLAGS) -DSQLITE_CORE $(TINC) -o $@ tests/fuzz/fuzz_sql.c $(SRC) -lsqlite3 $(LDLIBS)
$(CHK)/fuzz_oracle: tests/fuzz/fuzz_oracle.c $(SRC) $(HDR) $(CATALOGUE_H)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -fsanitize=fuzzer,address,undefined $(KLFLAGS) -DSQLITE_CORE $(TINC) -o $@ tests/fuzz/fuzz_oracle.c $(SRC) -lsqlite3 $(LDLIBS)
$(CHK)/fuzz_diff: tests/fuzz/fuzz_diff.c $(SRC) $(HDR)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -fsanitize=fuzzer,address,undefined $(KLFLAGS) -DSQLITE_CORE -o $@ tests/fuzz/fuzz_diff.c $(SRC) -lsqlite3 $(LDLIBS)
# A SQLite with jsonb() (3.45+): the amalgamation npm's better-sqlite3
# 12.11.1 ships (tests/jsonb_sqlite.sh fails loudly without npm), with the
# extension compiled in, checks JSONB inputs against the real jsonb().
JSONB_SQLITE = build/jsonb/sqlite3.c
$(JSONB_SQLITE):
	sh tests/jsonb_sqlite.sh build/jsonb
build/jsonb/sqlite3.o: $(JSONB_SQLITE)
	$(CC) -O1 -g -w -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -c -o $@ $(JSONB_SQLITE)
$(CHK)/jsonb_host: tests/jsonb_host.c build/jsonb/sqlite3.o $(SRC) $(HDR)
	@mkdir -p $(@D)
	$(CC) $(SAN) -Ibuild/jsonb $(KLFLAGS) -DSQLITE_CORE -o $@ tests/jsonb_host.c $(SRC) build/jsonb/sqlite3.o -lpthread -ldl $(LDLIBS)

# The two ends of the SQLite versions tested besides Debian's 3.40.1
# (docs/install.md, Versions and compatibility): sqlite3 shells on the
# newest SQLite a registry package ships (3.54.1) and on 3.31.1, the
# minimum's (tests/sqlite_shell.sh; fetched with npm); make check runs the
# suite in them.  And 3.30.1, below the minimum, which loading refuses.
NEWEST  = build/sqlite-newest
OLDEST  = build/sqlite-oldest
BELOW   = build/sqlite-below
$(NEWEST)/sqlite3: tests/sqlite_shell.sh
	CC="$(CC)" sh tests/sqlite_shell.sh newest $(NEWEST)
$(OLDEST)/sqlite3: tests/sqlite_shell.sh
	CC="$(CC)" sh tests/sqlite_shell.sh oldest $(OLDEST)
$(BELOW)/sqlite3: tests/sqlite_shell.sh
	CC="$(CC)" sh tests/sqlite_shell.sh below $(BELOW)

$(CHK)/fuzz_decode: tests/fuzz/fuzz_decode.c $(CORE) $(HDR)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -fsanitize=fuzzer,address,undefined $(KLFLAGS) -o $@ tests/fuzz/fuzz_decode.c $(CORE) $(LDLIBS)

# Coverage: one set of objects, compiled in (-DSQLITE_CORE), serves both the
# kl.so that the sqlite3 shell loads (it resolves sqlite3_* from the shell's
# libsqlite3) and the C hosts, so every run adds to the same counts.
COV_OBJ = $(addprefix $(COV)/,$(notdir $(SRC:.c=.o)))
# One variant of each target_clones kernel (-DKL_ONE_CLONE, core/port.h):
# the others are the same source compiled for other CPUs, and only one of
# them can run on the machine that measures.
$(COV)/%.o: %.c $(HDR)
	@mkdir -p $(@D)
	$(CC) -O0 -g --coverage $(KLFLAGS) -DKL_ONE_CLONE -DSQLITE_CORE -c -o $@ $<
$(COV)/kl.so: $(COV_OBJ)
	$(CC) --coverage -shared -o $@ $(COV_OBJ) -lsqlite3 $(LDLIBS)
$(COV)/harness.so: tests/harness.c
	@mkdir -p $(@D)
	$(CC) -O0 $(KLFLAGS) -shared -o $@ tests/harness.c $(LDLIBS)
$(COV)/host: tests/host.c
	@mkdir -p $(@D)
	$(CC) -O0 $(KLFLAGS) -o $@ tests/host.c -lsqlite3 $(LDLIBS)
$(COV)/unit_core: tests/unit_core.c $(COV_OBJ)
	$(CC) -O0 --coverage $(KLFLAGS) -o $@ tests/unit_core.c $(addprefix $(COV)/,$(notdir $(CORE:.c=.o))) $(LDLIBS)
$(COV)/oom_host $(COV)/limits_host $(COV)/threads_host: $(COV)/%: tests/%.c $(COV_OBJ) $(CATALOGUE_H)
	$(CC) -O0 --coverage $(KLFLAGS) -DSQLITE_CORE $(TINC) -o $@ $< $(COV_OBJ) -lsqlite3 -lpthread $(LDLIBS)

ASAN_BUILD = $(ASAN)/kl.so $(ASAN)/harness.so $(ASAN)/unit_core $(ASAN)/host
CHK_BUILD  = $(CHK)/oom_host $(CHK)/limits_host $(CHK)/threads_host \
             $(CHK)/threads_tsan $(CHK)/fuzz_sql $(CHK)/fuzz_oracle $(CHK)/fuzz_diff \
             $(CHK)/fuzz_decode $(CHK)/jsonb_host
COV_BUILD  = $(COV)/kl.so $(COV)/harness.so $(COV)/host $(COV)/unit_core \
             $(COV)/oom_host $(COV)/limits_host $(COV)/threads_host

check: kl.so kl_preload.so $(TEST_HOSTS) build/unity.o build/catalogue_dump build/pairs_dump $(AMALG_BUILD) $(NEWEST)/sqlite3 $(OLDEST)/sqlite3 $(BELOW)/sqlite3 $(ASAN_BUILD) $(CHK_BUILD) $(COV_BUILD) build/bench/bench cross-build
	SQLITE=$(SQLITE) CC=$(CC) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/check.sh all

# One part of make check at a time (the builds it needs first).
check-asan: kl.so $(TEST_HOSTS) $(ASAN_BUILD)
	CC=$(CC) sh tests/check.sh asan
check-valgrind: kl.so $(TEST_HOSTS)
	SQLITE=$(SQLITE) sh tests/check.sh valgrind
check-hosts: $(CHK_BUILD)
	sh tests/check.sh hosts

# The suite on the newest SQLite a registry package ships and on the
# minimum's (needs npm).
test-sqlite-ends: $(NEWEST)/sqlite3 $(OLDEST)/sqlite3 $(BELOW)/sqlite3 kl.so $(TEST_HOSTS) build/catalogue_dump
	sh tests/check.sh sqlite-ends

# Every road to the extension: install, static embedding, Python, sqlite-utils,
# Node, the Debian package (tests/roads.sh; make check runs it too).
test-roads: kl.so
	sh tests/check.sh roads

test-cluster: kl_preload.so
	timeout 300 sh tests/cluster.sh

fuzz: $(CHK)/fuzz_sql $(CHK)/fuzz_oracle $(CHK)/fuzz_diff $(CHK)/fuzz_decode
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/check.sh fuzz

coverage: $(COV_BUILD) build/catalogue_dump
	SQLITE=$(SQLITE) sh tests/check.sh coverage

build/bench/bench: bench/bench.c
	@mkdir -p $(@D)
	$(CC) -O2 $(WARN) -o $@ bench/bench.c -lsqlite3 $(LDLIBS)

# Where kl_gauss's time goes, stage by stage (bench/gauss_stages.c; by hand).
build/bench/gauss_stages: bench/gauss_stages.c build/unity.c $(SRC) $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(KLFLAGS) -DSQLITE_CORE -o $@ bench/gauss_stages.c -lsqlite3 $(LDLIBS)

bench: kl.so build/bench/bench
	sh bench/run.sh

install: kl.so
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR)
	install -m 0644 kl.so $(DESTDIR)$(LIBDIR)/kl.so
	install -m 0644 src/kl.h $(DESTDIR)$(INCDIR)/kl.h

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/kl.so $(DESTDIR)$(INCDIR)/kl.h

# Static embedding: the sources compiled into a program (-DSQLITE_CORE),
# linked against the system SQLite's static library.
examples/static_demo: examples/static_demo.c $(SRC) $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -DSQLITE_CORE -o $@ examples/static_demo.c $(SRC) -l:libsqlite3.a -lpthread -ldl $(LDLIBS)

# ---------------------------------------------------------------- cross
# Other platforms (docs/install.md, "Windows" and "aarch64 and macOS"):
#   make TARGET=windows      kl.dll, with CC=x86_64-w64-mingw32-gcc unless
#                            CC is given (make kl.dll CC=... the same)
#   make TARGET=macos        kl.dylib, on a Mac (cc = Apple's clang)
#   make kl.so CC=aarch64-linux-gnu-gcc   kl.so for aarch64 (or any other
#                            Linux: only x86-64 has run-time dispatched kernels)
# SQLite's headers come from vendor/sqlite/ (INC), as for kl.so.
# make test-cross builds for Windows (mingw-w64) and aarch64 Linux, with a
# sqlite3 shell for each from the amalgamation npm's sqlite3 package ships
# (tests/cross.sh fetch: pinned, its sha256 checked), and runs the SQL
# suite and the core unit tests under wine and qemu-aarch64 (tests/cross.sh).
ifeq ($(TARGET),windows)
ifeq ($(origin CC),default)
CC = x86_64-w64-mingw32-gcc
endif
.DEFAULT_GOAL := kl.dll
endif
ifeq ($(TARGET),macos)
.DEFAULT_GOAL := kl.dylib
endif

# A DLL is position-independent anyway; only sqlite3_kl_init is exported
# (__declspec(dllexport) in src/kl.c).
kl.dll: $(SRC) $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -shared -o $@ $(SRC) $(LDFLAGS) $(LDLIBS)
kl.dylib: $(SRC) $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -dynamiclib -o $@ $(SRC) $(LDFLAGS) $(LDLIBS)

CROSS     = build/cross
XSQL      = $(CROSS)/sqlite
MINGW_CC ?= x86_64-w64-mingw32-gcc
ARM64_CC ?= aarch64-linux-gnu-gcc
# The amalgamation's own headers first: the test builds match the shell.
XFLAGS    = -O2 -I$(XSQL) $(KLFLAGS)
# The shells: math functions as Debian's sqlite3 has them; -municode for
# the shell's wmain on Windows.
XSHELL    = -O1 -w -DSQLITE_THREADSAFE=0 -DSQLITE_ENABLE_MATH_FUNCTIONS
CROSS_WIN   = $(CROSS)/win/kl.dll $(CROSS)/win/harness.dll \
              $(CROSS)/win/unit_core.exe $(CROSS)/win/sqlite3.exe \
              $(CROSS)/win/host.exe
CROSS_ARM64 = $(CROSS)/arm64/kl.so $(CROSS)/arm64/harness.so \
              $(CROSS)/arm64/unit_core $(CROSS)/arm64/sqlite3 \
              $(CROSS)/arm64/host

$(XSQL)/sqlite3.c: tests/cross.sh
	sh tests/cross.sh fetch $(XSQL)
$(XSQL)/sqlite3ext.h: $(XSQL)/sqlite3.c

$(CROSS)/win/kl.dll: $(SRC) $(HDR) $(XSQL)/sqlite3ext.h
	@mkdir -p $(@D)
	$(MINGW_CC) $(XFLAGS) -shared -o $@ $(SRC) $(LDLIBS)
$(CROSS)/win/harness.dll: tests/harness.c $(XSQL)/sqlite3ext.h
	@mkdir -p $(@D)
	$(MINGW_CC) $(XFLAGS) -shared -o $@ tests/harness.c $(LDLIBS)
$(CROSS)/win/unit_core.exe: tests/unit_core.c $(CORE) $(HDR)
	@mkdir -p $(@D)
	$(MINGW_CC) $(XFLAGS) -o $@ tests/unit_core.c $(CORE) $(LDLIBS)
$(CROSS)/win/sqlite3.o: $(XSQL)/sqlite3.c
	@mkdir -p $(@D)
	$(MINGW_CC) $(XSHELL) -c -o $@ $(XSQL)/sqlite3.c
$(CROSS)/win/sqlite3.exe: $(CROSS)/win/sqlite3.o
	$(MINGW_CC) $(XSHELL) -municode -o $@ $(XSQL)/shell.c $(CROSS)/win/sqlite3.o
$(CROSS)/win/host.exe: tests/host.c $(CROSS)/win/sqlite3.o
	$(MINGW_CC) $(XFLAGS) -o $@ tests/host.c $(CROSS)/win/sqlite3.o $(LDLIBS)

$(CROSS)/arm64/kl.so: $(SRC) $(HDR) $(XSQL)/sqlite3ext.h
	@mkdir -p $(@D)
	$(ARM64_CC) $(XFLAGS) -shared -o $@ $(SRC) $(LDLIBS)
$(CROSS)/arm64/harness.so: tests/harness.c $(XSQL)/sqlite3ext.h
	@mkdir -p $(@D)
	$(ARM64_CC) $(XFLAGS) -shared -o $@ tests/harness.c $(LDLIBS)
$(CROSS)/arm64/unit_core: tests/unit_core.c $(CORE) $(HDR)
	@mkdir -p $(@D)
	$(ARM64_CC) $(XFLAGS) -o $@ tests/unit_core.c $(CORE) $(LDLIBS)
$(CROSS)/arm64/sqlite3.o: $(XSQL)/sqlite3.c
	@mkdir -p $(@D)
	$(ARM64_CC) $(XSHELL) -c -o $@ $(XSQL)/sqlite3.c
$(CROSS)/arm64/sqlite3: $(CROSS)/arm64/sqlite3.o
	$(ARM64_CC) $(XSHELL) -o $@ $(XSQL)/shell.c $(CROSS)/arm64/sqlite3.o -ldl -lm
$(CROSS)/arm64/host: tests/host.c $(CROSS)/arm64/sqlite3.o
	$(ARM64_CC) $(XFLAGS) -o $@ tests/host.c $(CROSS)/arm64/sqlite3.o -ldl $(LDLIBS)

.PHONY: cross-build test-cross
# mingw-w64's exact-fma replacement (core/port.h) against this machine's
# fma(), bit for bit.
$(CROSS)/fma_soft: tests/fma_soft.c src/core/port.h
	@mkdir -p $(@D)
	$(CC) -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -ffp-contract=off -Isrc/core $(WARN) -o $@ tests/fma_soft.c $(LDLIBS)

# Both platforms' builds, two at a time (make check needs them too).
cross-build:
	$(MAKE) -j2 $(CROSS_WIN) $(CROSS_ARM64) $(CROSS)/fma_soft

test-cross: cross-build
	sh tests/check.sh cross

# ---------------------------------------------------------------- packages
# make wheel: the Python wheel (bindings/python) and its sdist in $(DIST)/;
# make npm: the npm packages sqlite-kl and sqlite-kl-PLATFORM (bindings/npm)
# as tarballs in $(DIST)/npm/.  Both bundle KL_LIB (default ./kl.so); the
# platform is read from its header, or given (checked against it) as
# KL_PLAT (a wheel tag) / NPM_PLATFORM (linux-x64, linux-arm64, win32-x64):
#   make wheel KL_LIB=path/to/aarch64/kl.so KL_PLAT=linux_aarch64
# The wheel builds offline with Debian's python3-pip, -setuptools, -wheel.
KL_LIB  ?= kl.so
KL_PLAT ?=
NPM_PLATFORM ?=
DIST    ?= dist
PYTHON  ?= /usr/bin/python3

wheel: $(KL_LIB)
	rm -rf build/python && mkdir -p build/python $(DIST)
	cp -R bindings/python/. src vendor Makefile LICENSE build/python/
	cd build/python && KL_LIB=$(abspath $(KL_LIB)) KL_PLAT=$(KL_PLAT) \
	  $(PYTHON) -m pip wheel -q --no-index --no-build-isolation --no-deps -w $(abspath $(DIST)) .
	cd build/python && $(PYTHON) setup.py -q sdist -d $(abspath $(DIST)) 2> /dev/null

npm: $(KL_LIB)
	node bindings/npm/build.mjs $(KL_LIB) $(DIST)/npm $(NPM_PLATFORM)

# The accuracy report: regenerates tests/accuracy/grid.sql and ACCURACY.md
# (needs Debian's python3-mpmath, -numpy, -scipy and -torch).
accuracy: kl.so
	/usr/bin/python3 tests/accuracy/gen.py

# The value oracle's extreme-input grid (tests/oracle/grid.sql; needs
# Debian's python3-mpmath).
# How often float32 vectors are taken for JSONB (docs/functions.md), by hand.
jsonb-rate: build/jsonb_rate
	./build/jsonb_rate
build/jsonb_rate: tests/jsonb_rate.c src/core/vectors.c src/core/numeric.c src/core/vectors.h
	@mkdir -p build
	$(CC) -O2 -std=c99 -Isrc/core -o $@ tests/jsonb_rate.c src/core/vectors.c src/core/numeric.c -lm

oracle-grid: build/catalogue_dump
	/usr/bin/python3 tests/oracle/gen.py

# The example database (reproducible: sql/demo_data.sql) and the demo.
demo.db: sql/demo_data.sql
	rm -f $@ && $(SQLITE) $@ < sql/demo_data.sql

demo: kl.so demo.db
	$(SQLITE) demo.db -cmd ".load ./kl" < sql/demo.sql

clean:
	rm -f kl.so kl_preload.so kl.dll kl.dylib $(TEST_HOSTS) examples/static_demo demo.db *.gcov
	rm -rf tests/tmp build dist
