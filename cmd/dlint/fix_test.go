package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func checkFiles(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	for name, w := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != w {
			t.Errorf("%s:\n got %q\nwant %q", name, got, w)
		}
	}
}

// TestFixKeepsBytes runs --fix through the real parsers on files with a
// byte order mark, CRLF line endings, no final newline and multi-byte
// characters before the edits: everything but the edits stays as it was.
func TestFixKeepsBytes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".git/HEAD": "",
		// Removing sudo makes way for useradd-large-uid's fix: a second pass
		// (Debian 11's useradd is older than shadow 4.13).
		// The compose fix (host_ip inserted with CRLF) is an unsafe one.
		"app/Dockerfile": "\xef\xbb\xbfFROM debian:11\r\n" +
			"RUN echo \"héllo ✓\" && sudo useradd -u 1000000 app\r\n" +
			"USER 1000000\r\n" +
			"CMD /app --greeting=ça\t--listen :8080",
		"db/compose.yaml": "services:\r\n  db:\r\n    image: postgres:16 # ✓ postgres\r\n    user: \"999:999\"\r\n    ports:\r\n      - target: 5432\r\n        published: 5432\r\n",
	})
	want := map[string]string{
		"app/Dockerfile": "\xef\xbb\xbfFROM debian:11\r\n" +
			"RUN echo \"héllo ✓\" && useradd --no-log-init -u 1000000 app\r\n" +
			"USER 1000000\r\n" +
			"CMD [\"/app\", \"--greeting=ça\", \"--listen\", \":8080\"]",
		"db/compose.yaml": "services:\r\n  db:\r\n    image: postgres:16 # ✓ postgres\r\n    user: \"999:999\"\r\n    ports:\r\n      - host_ip: 127.0.0.1\r\n        target: 5432\r\n        published: 5432\r\n",
	}
	paths := []string{filepath.Join(dir, "app"), filepath.Join(dir, "db")}
	var stdout, stderr bytes.Buffer
	code := Main(append([]string{"--fix", "--unsafe-fixes"}, paths...), nil, &stdout, &stderr)
	if code != 0 {
		t.Errorf("exit status %d, want 0\n%s%s", code, stdout.String(), stderr.String())
	}
	checkFiles(t, dir, want)
	if got := stderr.String(); got != "dlint: fixed 4 problems in 2 files\n" {
		t.Errorf("stderr %q", got)
	}

	stdout.Reset()
	stderr.Reset()
	if code := Main(append([]string{"--fix", "--unsafe-fixes"}, paths...), nil, &stdout, &stderr); code != 0 {
		t.Errorf("second run: exit status %d, want 0\n%s%s", code, stdout.String(), stderr.String())
	}
	checkFiles(t, dir, want)
	if got := stderr.String(); got != "dlint: nothing fixed\n" {
		t.Errorf("second run: stderr %q", got)
	}
}

// TestFixWriteError: a file that cannot be written is one line of error and
// exit status 2; the other files are still fixed.
func TestFixWriteError(t *testing.T) {
	dir := t.TempDir()
	const before = "FROM debian:bookworm-slim\nUSER 10001:10001\nCMD /app --listen :8080\n"
	const after = "FROM debian:bookworm-slim\nUSER 10001:10001\nCMD [\"/app\", \"--listen\", \":8080\"]\n"
	writeFiles(t, dir, map[string]string{".git/HEAD": "", "a/Dockerfile": before, "b/Dockerfile": before})
	failing := filepath.Join(dir, "a", "Dockerfile")
	defer func(w func(string, []byte, []byte) error) { writeFixedFile = w }(writeFixedFile)
	real := writeFixedFile
	writeFixedFile = func(path string, read, data []byte) error {
		if path == failing {
			return errors.New("no space left on device")
		}
		return real(path, read, data)
	}

	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--fix", dir}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	checkFiles(t, dir, map[string]string{"a/Dockerfile": before, "b/Dockerfile": after})
	want := "dlint: " + failing + ": cannot write the fixes: no space left on device\n" +
		"dlint: fixed 1 problem in 1 file\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(stdout.String(), "[shell-form-pid1]") {
		t.Errorf("the unfixed finding is not reported:\n%s", stdout.String())
	}
}

// TestFixReadOnlyFile: a read-only file is not replaced, even by root; the
// refusal is an error (exit status 2).
func TestFixReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	const before = "FROM debian:bookworm-slim\nUSER 10001:10001\nCMD /app --listen :8080\n"
	writeFiles(t, dir, map[string]string{".git/HEAD": "", "Dockerfile": before})
	path := filepath.Join(dir, "Dockerfile")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--fix", dir}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	checkFiles(t, dir, map[string]string{"Dockerfile": before})
	want := "dlint: " + path + ": cannot write the fixes: permission denied\n" +
		"dlint: nothing fixed\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr:\n got %q\nwant %q", got, want)
	}
}

// TestFixConcurrentEdit: a file edited between dlint's reading it and
// writing the fixes keeps the edit, with a warning, and is not counted as
// fixed.
func TestFixConcurrentEdit(t *testing.T) {
	dir := t.TempDir()
	const before = "FROM debian:bookworm-slim\nUSER 10001:10001\nCMD /app --listen :8080\n"
	const edited = "FROM debian:bookworm-slim\nUSER 10001:10001\nCMD /app --listen :9090\n"
	writeFiles(t, dir, map[string]string{".git/HEAD": "", "Dockerfile": before})
	path := filepath.Join(dir, "Dockerfile")
	defer func(w func(string, []byte, []byte) error) { writeFixedFile = w }(writeFixedFile)
	real := writeFixedFile
	writeFixedFile = func(path string, read, data []byte) error {
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		return real(path, read, data)
	}

	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--fix", dir}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	checkFiles(t, dir, map[string]string{"Dockerfile": edited})
	want := "dlint: " + path + ": changed since dlint read it; not fixed\n" +
		"dlint: nothing fixed\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr:\n got %q\nwant %q", got, want)
	}
}

// linesReader yields a Dockerfile of size bytes: a FROM line, then comment
// lines, the last one cut short.
type linesReader struct {
	size, at int64
}

func (r *linesReader) Read(p []byte) (int, error) {
	const first, line = "FROM debian:bookworm-slim\n", "# a comment to make the file large\n"
	if r.at >= r.size {
		return 0, io.EOF
	}
	if left := r.size - r.at; int64(len(p)) > left {
		p = p[:left]
	}
	n := 0
	for n < len(p) {
		var from string
		if r.at < int64(len(first)) {
			from = first[r.at:]
		} else {
			from = line[(r.at-int64(len(first)))%int64(len(line)):]
		}
		c := copy(p[n:], from)
		n += c
		r.at += int64(c)
	}
	return n, nil
}

// TestFixStdinTooLarge: standard input past the size cap cannot be linted;
// it is written back whole, not cut at the cap, so that
// `dlint --fix - < f | sponge f` loses nothing.
func TestFixStdinTooLarge(t *testing.T) {
	size := int64(lint.MaxFileSizeCap) + 1<<20 + 123
	want, err := io.ReadAll(&linesReader{size: size})
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--fix", "-"}, &linesReader{size: size}, &stdout, &stderr); code != 2 {
		t.Errorf("exit status %d, want 2\n%s", code, stderr.String())
	}
	if got := stdout.Bytes(); !bytes.Equal(got, want) {
		t.Errorf("standard output holds %d bytes, want the %d of the input", len(got), len(want))
	}
	if !strings.Contains(stderr.String(), "<stdin>: cannot read: input is larger than") {
		t.Errorf("stderr does not say the input is too large:\n%s", stderr.String())
	}
}

// TestFixInlineDockerfileString: a dockerfile_inline written as a quoted
// string has no file to fix; the warning says where to make the fix.
func TestFixInlineDockerfileString(t *testing.T) {
	dir := t.TempDir()
	compose := "services:\n  app:\n    build:\n      context: .\n" +
		`      dockerfile_inline: "FROM debian:bookworm-slim\nUSER 10001:10001\nCMD /app --listen :8080\n"` + "\n"
	writeFiles(t, dir, map[string]string{".git/HEAD": "", "compose.yaml": compose})
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--fix", dir}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("exit status %d, want 1\n%s", code, stderr.String())
	}
	checkFiles(t, dir, map[string]string{"compose.yaml": compose})
	path := filepath.Join(dir, "compose.yaml")
	want := "dlint: " + path + "#services.app.build.dockerfile_inline: not fixed: this Dockerfile is a dockerfile_inline string in " +
		path + ", not a file; make the fix there by hand, or write the string as a literal block (`dockerfile_inline: |`) so that --fix can edit it\n" +
		"dlint: nothing fixed\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr:\n got %q\nwant %q", got, want)
	}
}
