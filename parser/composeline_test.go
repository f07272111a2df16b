package parser

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestComposeLines(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string // files|project directory, "" for no compose line
	}{
		{"docker compose -f compose.yaml -f compose.prod.yaml up -d", "compose.yaml,compose.prod.yaml|"},
		{"docker-compose --file=deploy/stack.yml -p app pull", "deploy/stack.yml|"},
		{"sudo docker compose --project-directory srv -fbase.yml -f=dev.yml config", "base.yml,dev.yml|srv"},
		{"docker --context prod compose --dry-run -f stack.yml up", "stack.yml|"},
		{"podman compose -f stack.yml up", "stack.yml|"},
		{"docker compose up -d", ""},                           // the default files: found by the walk
		{"docker compose $COMPOSE_OPTS -f a.yml up", ""},       // more -f may hide in the expansion
		{"docker compose -f \"$STACK\" up", ""},                // the file is a variable
		{"docker compose up -f notglobal.yml", ""},             // after the subcommand: not the project's files
		{"docker run -f x.yml app", ""},                        // not compose
		{"echo docker compose -f a.yml up", ""},                // not the engine
		{"docker compose -f a.yml -f - up", "a.yml,-|"},        // parsed; Paths says unknown
		{"docker-compose -f one.yml run --rm web", "one.yml|"}, // a run line too
	} {
		p, err := ParseRunFile(NewSource("run.sh", []byte("#!/bin/sh\n"+tc.line+"\n")), RunShell)
		if err != nil {
			t.Fatalf("%q: %v", tc.line, err)
		}
		got := ""
		if len(p.ComposeLines) > 1 {
			t.Fatalf("%q: %d compose lines", tc.line, len(p.ComposeLines))
		}
		if len(p.ComposeLines) == 1 {
			c := p.ComposeLines[0]
			got = strings.Join(c.Files, ",") + "|" + c.ProjectDir
			if c.Range.Start.Line != 2 {
				t.Errorf("%q: at line %d, want 2", tc.line, c.Range.Start.Line)
			}
		}
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.line, got, tc.want)
		}
	}
}

// The files are relative to the directory the command runs in (moved by
// `cd`, as for build lines); the project directory is the first file's.
func TestComposeLinePaths(t *testing.T) {
	src := "#!/bin/sh\ncd \"$(dirname \"$0\")/..\"\ndocker compose -f deploy/base.yml -f deploy/prod.yml up\n"
	p, err := ParseRunFile(NewSource(filepath.Join("repo", "scripts", "up.sh"), []byte(src)), RunShell)
	if err != nil || len(p.ComposeLines) != 1 {
		t.Fatalf("%v, %d lines", err, len(p.ComposeLines))
	}
	files, dir, ok := p.ComposeLines[0].Paths()
	want := []string{filepath.Join("repo", "deploy", "base.yml"), filepath.Join("repo", "deploy", "prod.yml")}
	if !ok || strings.Join(files, " ") != strings.Join(want, " ") || dir != filepath.Join("repo", "deploy") {
		t.Errorf("got %q in %q (%v), want %q in repo/deploy", files, dir, ok, want)
	}
	for _, c := range []ComposeLine{
		{Files: []string{"a.yml", "-"}, Dir: "repo"},
		{Files: []string{"a.yml"}},                                  // directory unknown
		{Files: []string{"a.yml"}, ProjectDir: "$DIR", Dir: "repo"}, // project directory unknown
		{Files: []string{"https://example.com/c.yml"}, Dir: "repo"}, // remote
	} {
		if files, _, ok := c.Paths(); ok {
			t.Errorf("%+v: got %q, want unknown", c, files)
		}
	}
	c := ComposeLine{Files: []string{"stack.yml"}, ProjectDir: "srv", Dir: "repo"}
	if _, dir, ok := c.Paths(); !ok || dir != filepath.Join("repo", "srv") {
		t.Errorf("--project-directory: got %q", dir)
	}
}
