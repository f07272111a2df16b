package fix

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// at is an edit of file from line:col to endLine:endCol.
func at(file string, line, col, endLine, endCol int, text string) rules.Edit {
	return rules.Edit{
		Range:   parser.Range{File: file, Start: parser.Pos{Line: line, Col: col}, End: parser.Pos{Line: endLine, Col: endCol}},
		NewText: text,
	}
}

func finding(id string, edits ...rules.Edit) rules.Finding {
	return rules.Finding{
		Rule:  &rules.Rule{ID: id},
		Range: edits[0].Range,
		Fix:   &rules.Fix{Description: id, Edits: edits},
	}
}

// file is a File whose bytes on disk are data, as dlint reads them.
func file(path, data string) File {
	return File{Source: parser.NewSource(path, []byte(data)), Data: []byte(data)}
}

func ids(fs []rules.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID)
	}
	return out
}

func TestApply(t *testing.T) {
	const df = "FROM alpine\nRUN sudo apk add curl\nCMD node app.js\n"
	tests := []struct {
		name      string
		files     map[string]string
		findings  []rules.Finding
		want      map[string]string // changed files
		wantFixed []string
		wantStale []string
	}{
		{
			name:  "one edit",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("sudo", at("Dockerfile", 2, 5, 2, 10, "")),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nRUN apk add curl\nCMD node app.js\n"},
			wantFixed: []string{"sudo"},
		},
		{
			name:  "overlapping fixes: the first wins",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("a", at("Dockerfile", 3, 5, 3, 16, `["node", "app.js"]`)),
				finding("b", at("Dockerfile", 3, 9, 3, 16, "")),
				finding("c", at("Dockerfile", 2, 5, 2, 10, "")),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nRUN apk add curl\nCMD [\"node\", \"app.js\"]\n"},
			wantFixed: []string{"a", "c"},
		},
		{
			name:  "touching fixes wait for the next pass",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("a", at("Dockerfile", 2, 5, 2, 10, "")),
				finding("b", at("Dockerfile", 2, 10, 2, 10, "doas ")),
				finding("c", at("Dockerfile", 2, 1, 2, 5, "RUN  ")),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nRUN apk add curl\nCMD node app.js\n"},
			wantFixed: []string{"a"},
		},
		{
			name:  "a fix with several edits",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("multi", at("Dockerfile", 1, 6, 1, 12, "alpine:3.20"), at("Dockerfile", 2, 5, 2, 10, ""), at("Dockerfile", 2, 10, 2, 13, "apk")),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine:3.20\nRUN apk add curl\nCMD node app.js\n"},
			wantFixed: []string{"multi"},
		},
		{
			name:  "a fix is all or nothing",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("sudo", at("Dockerfile", 2, 5, 2, 10, "")),
				finding("multi", at("Dockerfile", 1, 6, 1, 12, "alpine:3.20"), at("Dockerfile", 2, 7, 2, 8, "D")),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nRUN apk add curl\nCMD node app.js\n"},
			wantFixed: []string{"sudo"},
		},
		{
			name:  "a fix whose own edits overlap is left out",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("bad", at("Dockerfile", 2, 5, 2, 10, ""), at("Dockerfile", 2, 6, 2, 7, "x")),
			},
			want: map[string]string{},
		},
		{
			name:  "the same fix from two rules is made once",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("shell-form-pid1", at("Dockerfile", 3, 5, 3, 16, `["node", "app.js"]`)),
				finding("shell-form-cmd", at("Dockerfile", 3, 5, 3, 16, `["node", "app.js"]`)),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nRUN sudo apk add curl\nCMD [\"node\", \"app.js\"]\n"},
			wantFixed: []string{"shell-form-pid1", "shell-form-cmd"},
		},
		{
			name:     "a fix that changes nothing is not made",
			files:    map[string]string{"Dockerfile": df},
			findings: []rules.Finding{finding("noop", at("Dockerfile", 2, 5, 2, 9, "sudo"))},
			want:     map[string]string{},
		},
		{
			name:  "positions outside the text",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("past-line-end", at("Dockerfile", 2, 20, 2, 23, "")),
				finding("past-text-end", at("Dockerfile", 9, 1, 9, 2, "")),
				finding("backwards", at("Dockerfile", 2, 9, 2, 5, "")),
			},
			want: map[string]string{},
		},
		{
			name: "a fix across files",
			files: map[string]string{
				"Dockerfile":    "FROM alpine\nENTRYPOINT [\"/entrypoint.sh\"]\n",
				"entrypoint.sh": "#!/bin/sh\ngosu app \"$@\"\n",
			},
			findings: []rules.Finding{
				finding("both", at("entrypoint.sh", 2, 1, 2, 1, "exec "), at("Dockerfile", 1, 12, 1, 12, ":3.20")),
			},
			want: map[string]string{
				"Dockerfile":    "FROM alpine:3.20\nENTRYPOINT [\"/entrypoint.sh\"]\n",
				"entrypoint.sh": "#!/bin/sh\nexec gosu app \"$@\"\n",
			},
			wantFixed: []string{"both"},
		},
		{
			name:  "a fix across files, one of them not at hand",
			files: map[string]string{"Dockerfile": df},
			findings: []rules.Finding{
				finding("both", at("Dockerfile", 2, 5, 2, 10, ""), at("entrypoint.sh", 2, 1, 2, 1, "exec ")),
			},
			want: map[string]string{},
		},
		{
			name: "CRLF line endings are kept, and given to new lines",
			files: map[string]string{
				"compose.yaml": "version: \"3\"\r\nservices:\r\n  db:\r\n    ports:\r\n      - target: 5432\r\n",
			},
			findings: []rules.Finding{
				finding("obsolete-version", at("compose.yaml", 1, 1, 2, 1, "")),
				finding("loopback", at("compose.yaml", 5, 9, 5, 9, "host_ip: 127.0.0.1\n        ")),
			},
			want: map[string]string{
				"compose.yaml": "services:\r\n  db:\r\n    ports:\r\n      - host_ip: 127.0.0.1\r\n        target: 5432\r\n",
			},
			wantFixed: []string{"obsolete-version", "loopback"},
		},
		{
			name:  "a byte order mark is kept",
			files: map[string]string{"Dockerfile": "\xef\xbb\xbfFROM alpine\r\nUSER root\r\n"},
			findings: []rules.Finding{
				finding("root-user", at("Dockerfile", 2, 6, 2, 10, "10001:10001")),
			},
			want:      map[string]string{"Dockerfile": "\xef\xbb\xbfFROM alpine\r\nUSER 10001:10001\r\n"},
			wantFixed: []string{"root-user"},
		},
		{
			name:  "no final newline",
			files: map[string]string{"Dockerfile": "FROM alpine\nCMD node app.js"},
			findings: []rules.Finding{
				finding("exec-form", at("Dockerfile", 2, 5, 2, 16, `["node", "app.js"]`)),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nCMD [\"node\", \"app.js\"]"},
			wantFixed: []string{"exec-form"},
		},
		{
			name:  "deleting a last line with no final newline",
			files: map[string]string{"compose.yaml": "services: {}\nversion: \"3\""},
			findings: []rules.Finding{
				finding("obsolete-version", at("compose.yaml", 2, 1, 3, 1, "")),
			},
			want:      map[string]string{"compose.yaml": "services: {}\n"},
			wantFixed: []string{"obsolete-version"},
		},
		{
			name:  "columns count characters, not bytes",
			files: map[string]string{"Dockerfile": "FROM alpine\nRUN echo \"héllo ✓\" && sudo apk add curl\n"},
			findings: []rules.Finding{
				finding("sudo", at("Dockerfile", 2, 23, 2, 28, "")),
			},
			want:      map[string]string{"Dockerfile": "FROM alpine\nRUN echo \"héllo ✓\" && apk add curl\n"},
			wantFixed: []string{"sudo"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]File{}
			for path, data := range tt.files {
				files[path] = file(path, data)
			}
			res := Apply(tt.findings, files)
			got := map[string]string{}
			for path, data := range res.Files {
				got[path] = string(data)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("files:\n got %q\nwant %q", got, tt.want)
			}
			if g := ids(res.Fixed); !reflect.DeepEqual(g, tt.wantFixed) {
				t.Errorf("fixed %v, want %v", g, tt.wantFixed)
			}
			if !reflect.DeepEqual(res.Stale, tt.wantStale) {
				t.Errorf("stale %v, want %v", res.Stale, tt.wantStale)
			}
		})
	}
}

func TestApplyLeavesChangedFilesAlone(t *testing.T) {
	linted := "FROM alpine\nRUN sudo apk add curl\n"
	files := map[string]File{
		"Dockerfile": {Source: parser.NewSource("Dockerfile", []byte(linted)), Data: []byte("FROM alpine\nRUN  sudo apk add curl\n")},
		"other":      file("other", linted),
	}
	res := Apply([]rules.Finding{
		finding("sudo", at("Dockerfile", 2, 5, 2, 10, "")),
		finding("both", at("Dockerfile", 1, 1, 1, 5, "from"), at("other", 1, 1, 1, 5, "from")),
		finding("sudo", at("other", 2, 5, 2, 10, "")),
	}, files)
	if want := []string{"Dockerfile"}; !reflect.DeepEqual(res.Stale, want) {
		t.Errorf("stale %v, want %v", res.Stale, want)
	}
	want := map[string][]byte{"other": []byte("FROM alpine\nRUN apk add curl\n")}
	if !reflect.DeepEqual(res.Files, want) {
		t.Errorf("files %q, want %q", res.Files, want)
	}
	// dlint drops a byte order mark when it reads a file: a file with one
	// matches its Source, and keeps the mark.
	files = map[string]File{"Dockerfile": {Source: parser.NewSource("Dockerfile", []byte(linted)), Data: []byte("\xef\xbb\xbf" + linted)}}
	res = Apply([]rules.Finding{finding("sudo", at("Dockerfile", 2, 5, 2, 10, ""))}, files)
	if got := string(res.Files["Dockerfile"]); got != "\xef\xbb\xbfFROM alpine\nRUN apk add curl\n" {
		t.Errorf("with a byte order mark: %q", got)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Dockerfile")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "new" {
		t.Fatalf("read back %q, %v", data, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	assertOnly(t, dir, "Dockerfile")
}

func TestWriteFileThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "Dockerfile.base")
	link := filepath.Join(dir, "app", "Dockerfile")
	for _, d := range []string{filepath.Dir(target), filepath.Dir(link)} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "real", "Dockerfile.base"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFile(link, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is gone: %v, %v", info, err)
	}
	if data, err := os.ReadFile(target); err != nil || string(data) != "new" {
		t.Errorf("target holds %q, %v", data, err)
	}
	assertOnly(t, filepath.Dir(target), "Dockerfile.base")
	assertOnly(t, filepath.Dir(link), "Dockerfile")
}

func TestWriteFileErrors(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, nil, []byte("x")); err != ErrNotRegular {
		t.Errorf("a directory: %v, want %v", err, ErrNotRegular)
	}
	missing := filepath.Join(dir, "missing")
	if err := WriteFile(missing, nil, []byte("x")); err == nil || !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("WriteFile created a missing file: %v", err)
	}
}

// TestWriteFileReadOnly: a read-only file is left as it is, even though
// the directory would let a new file be renamed over it.
func TestWriteFileReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Dockerfile")
	if err := os.WriteFile(path, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("old"), []byte("new"))
	if !errors.Is(err, fs.ErrPermission) || err.Error() != "permission denied" {
		t.Errorf("WriteFile = %v, want permission denied", err)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "old" {
		t.Errorf("the file holds %q, %v", data, err)
	}
	assertOnly(t, dir, "Dockerfile")
}

// TestWriteFileChanged: a file edited after dlint read it keeps the edit.
func TestWriteFileChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Dockerfile")
	for _, now := range []string{"edited", "old and more", "ol"} {
		if err := os.WriteFile(path, []byte(now), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, []byte("old"), []byte("new")); err != ErrChanged {
			t.Errorf("%q: WriteFile = %v, want %v", now, err, ErrChanged)
		}
		if data, err := os.ReadFile(path); err != nil || string(data) != now {
			t.Errorf("%q: the file holds %q, %v", now, data, err)
		}
		assertOnly(t, dir, "Dockerfile")
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Dockerfile")
	if err := os.WriteFile(path, []byte("FROM alpine\nUSER root\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file grown since it was linted is read only far enough to differ.
	src := parser.NewSource(path, []byte("FROM alpine\n"))
	data, err := ReadFile(path, src)
	if err != nil || len(data) != len(src.Text)+4 {
		t.Errorf("read %q, %v", data, err)
	}
	if _, err := ReadFile(dir, src); err != ErrNotRegular {
		t.Errorf("a directory: %v, want %v", err, ErrNotRegular)
	}
}

// assertOnly fails unless dir holds exactly the entry name: no temporary
// file is left behind.
func assertOnly(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !reflect.DeepEqual(names, []string{name}) {
		t.Errorf("%s holds %v, want only %s", dir, names, name)
	}
}
