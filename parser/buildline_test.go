package parser

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildLines(t *testing.T) {
	for _, tc := range []struct {
		line string
		want string // tags|context|dockerfile|target, "" for no build line
	}{
		{"docker build -t app .", "app|.||"},
		{"docker build --tag=app:1 --tag app:latest -f docker/Dockerfile.prod --target runtime --build-arg V=1 .", "app:1,app:latest|.|docker/Dockerfile.prod|runtime"},
		{"sudo docker image build -tapp ./svc", "app|./svc||"},
		{"docker buildx build --platform linux/amd64 --load -t app .", "app|.||"},
		{"podman build --layers -t app -f Containerfile .", "app|.|Containerfile|"},
		{"docker --context remote build -t app .", "app|.||"},
		{"docker build .", ""},              // tags nothing: no later run can name it
		{"docker build $OPTS -t app .", ""}, // the context may hide in $OPTS
		{"docker run -t app", ""},           // a run line, not a build
		{"docker compose build -t app", ""}, // builds services, named by compose
		{"echo docker build -t app .", ""},  // not the engine
	} {
		p, err := ParseRunFile(NewSource("run.sh", []byte("#!/bin/sh\n"+tc.line+"\n")), RunShell)
		if err != nil {
			t.Fatalf("%q: %v", tc.line, err)
		}
		got := ""
		if len(p.BuildLines) > 1 {
			t.Fatalf("%q: %d build lines", tc.line, len(p.BuildLines))
		}
		if len(p.BuildLines) == 1 {
			b := p.BuildLines[0]
			got = strings.Join(b.Tags, ",") + "|" + b.Context + "|" + b.Dockerfile + "|" + b.Target
		}
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestBuildLinePaths(t *testing.T) {
	for _, tc := range []struct {
		b       BuildLine
		ctx, df string // "" when not known
	}{
		{BuildLine{Context: ".", Dir: "repo/scripts"}, "repo/scripts", "repo/scripts/Dockerfile"},
		// -f is relative to the working directory, not to the context.
		{BuildLine{Context: "svc", Dockerfile: "docker/Dockerfile", Dir: "repo"}, "repo/svc", "repo/docker/Dockerfile"},
		{BuildLine{Context: ".", Dockerfile: "/abs/Dockerfile", Dir: "repo"}, "repo", "/abs/Dockerfile"},
		{BuildLine{Context: "-", Dir: "repo"}, "", ""},
		{BuildLine{Context: ".", Dockerfile: "-", Dir: "repo"}, "", ""},
		{BuildLine{Context: "$DIR", Dir: "repo"}, "", ""},
		{BuildLine{Context: "https://github.com/x/y.git", Dir: "repo"}, "", ""},
		{BuildLine{Context: "."}, "", ""}, // working directory unknown
	} {
		ctx, df, ok := tc.b.Paths()
		if !ok {
			ctx, df = "", ""
		}
		if ctx != filepath.FromSlash(tc.ctx) || df != filepath.FromSlash(tc.df) {
			t.Errorf("%+v: got %q %q, want %q %q", tc.b, ctx, df, tc.ctx, tc.df)
		}
	}
}

func TestBuildLineDirs(t *testing.T) {
	wf := `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app .
      - run: docker build -t web .
        working-directory: web
      - run: docker build -t runner .
        working-directory: /srv
`
	p, err := ParseRunFile(NewSource("repo/.github/workflows/ci.yml", []byte(wf)), RunWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, b := range p.BuildLines {
		dirs = append(dirs, b.Dir)
	}
	if got, want := strings.Join(dirs, ","), "repo,"+filepath.FromSlash("repo/web")+","; got != want {
		t.Errorf("dirs %q, want %q", got, want)
	}
	mk := "build:\n\tdocker build -t app -f build/Dockerfile .\n"
	p, err = ParseRunFile(NewSource("repo/Makefile", []byte(mk)), RunMakefile)
	if err != nil || len(p.BuildLines) != 1 || p.BuildLines[0].Dir != "repo" {
		t.Errorf("Makefile: %v %+v", err, p.BuildLines)
	}
}

func TestBuildLineCd(t *testing.T) {
	for _, tc := range []struct {
		script string
		dir    string // of the last build line; "" when unknown
	}{
		{"docker build -t app .", "repo/scripts"},
		{"cd \"$(dirname \"$0\")/..\"\ndocker build -t app .", "repo"},
		{"cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\ncd ../web && docker build -t app .", "repo/web"},
		{"cd -- web\ndocker build -t app .", "repo/scripts/web"},
		// Not known to run, or not known where to.
		{"if [ -n \"$X\" ]; then cd web; fi\ndocker build -t app .", ""},
		{"(cd web && make)\ndocker build -t app .", ""},
		{"for d in a b; do\ncd $d\ndone\ndocker build -t app .", ""},
		{"cd \"$ROOT\"\ndocker build -t app .", ""},
		{"cd /srv/app\ndocker build -t app .", ""},
		{"cd web\ncd \"$(dirname \"$0\")\"\ndocker build -t app .", "repo/scripts"},
		{"cd \"$ROOT\"\ncd \"$(dirname \"$0\")/..\"\ndocker build -t app .", "repo"},
	} {
		p, err := ParseRunFile(NewSource("repo/scripts/deploy.sh", []byte("#!/bin/sh\n"+tc.script+"\n")), RunShell)
		if err != nil || len(p.BuildLines) == 0 {
			t.Fatalf("%q: %v, %d build lines", tc.script, err, len(p.BuildLines))
		}
		if got := p.BuildLines[len(p.BuildLines)-1].Dir; got != filepath.FromSlash(tc.dir) {
			t.Errorf("%q: dir %q, want %q", tc.script, got, tc.dir)
		}
	}
	// Each recipe line of a Makefile is its own shell: a cd ends with it.
	mk := "build:\n\tcd web && docker build -t web .\n\tdocker build -t api .\n"
	p, _ := ParseRunFile(NewSource("repo/Makefile", []byte(mk)), RunMakefile)
	if len(p.BuildLines) != 2 || p.BuildLines[0].Dir != filepath.FromSlash("repo/web") || p.BuildLines[1].Dir != "repo" {
		t.Errorf("Makefile dirs: %+v", p.BuildLines)
	}
}
