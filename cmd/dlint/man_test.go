package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// The man pages are made by this test, so that cobra/doc and its Markdown
// renderer stay out of the dlint binary: `go generate ./cmd/dlint` runs
// it with -update-man.
var updateMan = flag.Bool("update-man", false, "rewrite docs/man from the commands")

var manDir = filepath.Join("..", "..", "docs", "man")

// renderMan returns the man pages of dlint and its subcommands, by file
// name.
func renderMan(t *testing.T) map[string][]byte {
	t.Helper()
	root := newRootCmd(strings.NewReader(""), io.Discard, io.Discard)
	var noAutoGen func(*cobra.Command)
	noAutoGen = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, sub := range c.Commands() {
			noAutoGen(sub)
		}
	}
	noAutoGen(root)
	dir := t.TempDir()
	// A fixed date, removed below: the page should change when the
	// commands do, not every month.
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	header := &doc.GenManHeader{Section: "1", Date: &date, Source: "dlint", Manual: "dlint manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	thDate := regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"Jan 2000"`)
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = thDate.ReplaceAll(data, []byte(`$1""`))
	}
	return out
}

// TestManPagesUpToDate fails when a command or flag changed and docs/man
// was not regenerated.
func TestManPagesUpToDate(t *testing.T) {
	want := renderMan(t)
	if *updateMan {
		if err := os.RemoveAll(manDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(manDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range want {
			if err := os.WriteFile(filepath.Join(manDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := os.ReadDir(manDir)
	if err != nil {
		t.Fatalf("%v: run `go generate ./cmd/dlint` to create docs/man", err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(manDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[e.Name()]; !ok {
			t.Errorf("docs/man/%s is no command's page any more: run `go generate ./cmd/dlint`", e.Name())
		} else if !bytes.Equal(data, w) {
			t.Errorf("docs/man/%s is stale: run `go generate ./cmd/dlint` and commit the result", e.Name())
		}
	}
	for name := range want {
		if _, err := os.Stat(filepath.Join(manDir, name)); err != nil {
			t.Errorf("docs/man/%s is missing: run `go generate ./cmd/dlint`", name)
		}
	}
}

// The page of dlint itself names its flags and subcommands, without a date.
func TestManPageContent(t *testing.T) {
	page := string(renderMan(t)["dlint.1"])
	for _, want := range []string{`.TH "DLINT" "1" "" "dlint" "dlint manual"`, `\fB--fix\fP`, `\fB--exclude\fP`, `\fBdlint-rules(1)\fP`} {
		if !strings.Contains(page, want) {
			t.Errorf("dlint.1 lacks %q", want)
		}
	}
	if strings.Contains(page, "2000") {
		t.Error("dlint.1 holds the placeholder date")
	}
}
