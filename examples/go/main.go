// Command kl-go: sqlite-kl's single file (sqlite-kl.c, from `make
// amalgamation`) compiled into a Go program that uses database/sql with
// github.com/mattn/go-sqlite3.
//
// Put sqlite-kl.c and sqlite-kl.h next to this file: cgo compiles every
// .c file of the package, with the CFLAGS below (SQLITE_CORE: the
// functions are compiled in, not loaded). sqlite3_auto_extension then
// registers them on every connection that database/sql opens.
//
// Built offline with Debian's golang-go and golang-github-mattn-go-sqlite3-dev
// (GOPATH mode; tests/single_file.sh does it):
//
//	GO111MODULE=off GOPATH=$PWD/gopath:/usr/share/gocode go build -o kl-go kl-go
//
// It prints the article's example, 0.6669851763185995 nats, the versions,
// and the error a bad argument gives.
package main

/*
#cgo CFLAGS: -DSQLITE_CORE
#cgo LDFLAGS: -lm
#include <sqlite3.h>
#include "sqlite-kl.h"

static int register_kl(void) {
	return sqlite3_auto_extension((void (*)(void))sqlite3_kl_init);
}
*/
import "C"

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/mattn/go-sqlite3"
)

const article = "kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')"

func main() {
	if rc := C.register_kl(); rc != C.SQLITE_OK {
		fmt.Fprintf(os.Stderr, "sqlite3_auto_extension: error %d\n", int(rc))
		os.Exit(1)
	}
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()

	var nats, bits float64
	var printed, klVersion, sqliteVersion string
	err = db.QueryRow("SELECT " + article + ", printf('%.16g', " + article + "), " +
		"kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits'), " +
		"kl_version(), sqlite_version()").Scan(&nats, &printed, &bits, &klVersion, &sqliteVersion)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("nats %.16g\n", nats)
	fmt.Printf("printf %s\n", printed)
	fmt.Printf("bits %.15g\n", bits)
	fmt.Printf("sqlite-kl %s on SQLite %s\n", klVersion, sqliteVersion)

	// A bad argument is an SQL error, which database/sql returns.
	err = db.QueryRow("SELECT kl_gauss('[1,2]', '[1,2,3]', '[0,0]', '[1,1]')").Scan(&nats)
	fmt.Printf("error %v\n", err)
}
