# sqlite-kl — build, test and clean.
#
#   make          builds ./kl.so (load it with .load ./kl)
#   make test     runs every test: SQL scripts and C hosts
#   make demo     runs sql/demo.sql in the sqlite3 shell
#   make clean
#
# Build dependencies: a C compiler, sqlite3 and libsqlite3-dev.
# No flag here depends on the build machine's CPU.

CC      ?= cc
CFLAGS  ?= -O2
WARN    = -Wall -Wextra -Werror
KLFLAGS = -fPIC -fvisibility=hidden -std=c99 -D_POSIX_C_SOURCE=200809L $(WARN)
LDLIBS  = -lm

SRC     = src/kl.c src/kl_args.c src/kl_gauss.c src/kl_discrete.c \
          src/kl_vectors.c \
          src/kl_vec.c src/kl_math.c
HDR     = $(wildcard src/*.h)
CORE    = src/kl_vec.c src/kl_math.c

SQLITE  ?= sqlite3

TEST_HOSTS = tests/harness.so tests/unit_core tests/host

.PHONY: all test demo clean

all: kl.so

kl.so: $(SRC) $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -shared -o $@ $(SRC) $(LDFLAGS) $(LDLIBS)

tests/harness.so: tests/harness.c
	$(CC) $(CFLAGS) $(KLFLAGS) -shared -o $@ tests/harness.c $(LDFLAGS) $(LDLIBS)

tests/unit_core: tests/unit_core.c $(CORE) $(HDR)
	$(CC) $(CFLAGS) $(KLFLAGS) -Isrc -o $@ tests/unit_core.c $(CORE) $(LDFLAGS) $(LDLIBS)

tests/host: tests/host.c
	$(CC) $(CFLAGS) $(KLFLAGS) -o $@ tests/host.c $(LDFLAGS) -lsqlite3 $(LDLIBS)

test: kl.so $(TEST_HOSTS)
	SQLITE=$(SQLITE) sh tests/run.sh

demo: kl.so
	$(SQLITE) :memory: -cmd ".load ./kl" < sql/demo.sql

clean:
	rm -f kl.so $(TEST_HOSTS)
	rm -rf tests/tmp
