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
		// A Swarm stack's files, merged in order as -f files are.
		{"docker stack deploy -c docker-compose.default.yml -c docker-compose.app.yml teable", "docker-compose.default.yml,docker-compose.app.yml|"},
		{"docker stack deploy --with-registry-auth --compose-file=stack.yml --resolve-image never app", "stack.yml|"},
		{"docker stack deploy -c stack.yml \"$STACK_NAME\"", "stack.yml|"}, // the name may be a variable
		{"docker stack deploy -c \"$FILE\" app", ""},                       // the file is a variable
		{"docker stack rm app", ""},
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
			if partial := strings.Contains(tc.line, "$FILES"); c.Partial != partial {
				t.Errorf("%q: Partial %v, want %v", tc.line, c.Partial, partial)
			}
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

// COMPOSE_FILE names the files of a compose command without -f: set on
// the command, or exported before it at the top of the script.
func TestComposeLinesFromComposeFile(t *testing.T) {
	for _, tc := range []struct {
		name, script string
		want         string // files, "" for no compose line
	}{
		{"export", "export COMPOSE_FILE=a.yml:b.yml\ndocker compose up -d", "a.yml,b.yml"},
		{"export after", "COMPOSE_FILE=a.yml:b.yml; export COMPOSE_FILE\ndocker compose up", "a.yml,b.yml"},
		{"export first", "export COMPOSE_FILE\nCOMPOSE_FILE=a.yml\ndocker compose up", "a.yml"},
		{"prefix", "COMPOSE_FILE=a.yml:b.yml docker compose up", "a.yml,b.yml"},
		{"prefix over export", "export COMPOSE_FILE=a.yml\nCOMPOSE_FILE=c.yml docker compose up", "c.yml"},
		{"-f wins", "export COMPOSE_FILE=a.yml\ndocker compose -f c.yml up", "c.yml"},
		{"separator", "export COMPOSE_PATH_SEPARATOR=,\nexport COMPOSE_FILE=a.yml,b.yml\ndocker compose up", "a.yml,b.yml"},
		{"prefix separator", "COMPOSE_PATH_SEPARATOR=, COMPOSE_FILE=a.yml,b.yml docker compose up", "a.yml,b.yml"},
		{"chain", "export COMPOSE_FILE=a.yml && docker compose up", "a.yml"},
		{"env", "env COMPOSE_PATH_SEPARATOR=: COMPOSE_FILE=a.yml:b.yml docker compose up -d", "a.yml,b.yml"},
		{"env -i", "export COMPOSE_FILE=a.yml\nenv -i PATH=/bin docker compose up", ""},
		{"env variable", "env COMPOSE_FILE=$F docker compose up", ""},
		{"set -e", "set -e\nexport COMPOSE_FILE=a.yml\ndocker compose up", "a.yml"},
		{"later", "export COMPOSE_FILE=a.yml\ndocker compose up\nexport COMPOSE_FILE=b.yml\ndocker compose down", "a.yml|b.yml"},

		{"not exported", "COMPOSE_FILE=a.yml\ndocker compose up", ""},
		{"after the command", "docker compose up\nexport COMPOSE_FILE=a.yml", ""},
		{"variable", "export COMPOSE_FILE=$BASE:dev.yml\ndocker compose up", ""},
		{"prefix variable", "COMPOSE_FILE=\"$F\" docker compose up", ""},
		{"prefix append", "COMPOSE_FILE+=:b.yml docker compose up", ""},
		{"in a branch", "if [ -n \"$PROD\" ]; then\n  export COMPOSE_FILE=prod.yml\nfi\ndocker compose up", ""},
		{"branch over known", "export COMPOSE_FILE=a.yml\n[ -n \"$X\" ] && export COMPOSE_FILE=b.yml\ndocker compose up", ""},
		{"subshell", "(export COMPOSE_FILE=a.yml)\ndocker compose up", ""},
		{"in a function", "up() {\n  export COMPOSE_FILE=a.yml\n}\nup\ndocker compose up", ""},
		{"command in a function", "export COMPOSE_FILE=a.yml\nup() { docker compose up; }\nexport COMPOSE_FILE=b.yml\nup", ""},
		{"sourced", "export COMPOSE_FILE=a.yml\n. ./env.sh\ndocker compose up", ""},
		{"unset", "export COMPOSE_FILE=a.yml\nunset COMPOSE_FILE\ndocker compose up", ""},
		{"sudo", "export COMPOSE_FILE=a.yml\nsudo docker compose up", ""},
		{"separator unknown", "export COMPOSE_PATH_SEPARATOR=\"$SEP\"\nexport COMPOSE_FILE=a.yml\ndocker compose up", ""},
		{"project directory", "export COMPOSE_FILE=a.yml\ndocker compose --project-directory srv up", ""},
		{"sh -c", "export COMPOSE_FILE=a.yml\nsh -c 'docker compose up'", ""},
	} {
		checkComposeFiles(t, tc.name, NewSource("run.sh", []byte("#!/bin/sh\n"+tc.script+"\n")), RunShell, tc.want)
	}
}

// A workflow's env: (workflow, job, step) and GitLab's variables: (global,
// job) are the environment of the scripts they run.
func TestComposeLinesCIEnv(t *testing.T) {
	workflow := `on: push
env:
  COMPOSE_FILE: base.yml:ci.yml
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: docker compose up
      - run: docker compose up
        env:
          COMPOSE_FILE: base.yml:step.yml
  b:
    runs-on: ubuntu-latest
    env:
      COMPOSE_PATH_SEPARATOR: ","
      COMPOSE_FILE: base.yml,job.yml
    steps:
      - run: docker compose -f other.yml up
      - run: docker compose up
  c:
    runs-on: ubuntu-latest
    env:
      COMPOSE_FILE: ${{ matrix.file }}
    steps:
      - run: docker compose up
`
	gitlab := `variables:
  COMPOSE_FILE: base.yml:ci.yml
test:
  script:
    - docker compose up
deploy:
  variables:
    COMPOSE_FILE:
      value: base.yml:prod.yml
      description: the stack
  script: docker compose up
dyn:
  variables:
    COMPOSE_FILE: $CI_PROJECT_DIR/x.yml
  script: docker compose up
alone:
  inherit:
    variables: false
  script: docker compose up
ruled:
  rules:
    - if: $CI_COMMIT_TAG
      variables:
        COMPOSE_FILE: tag.yml
  script: docker compose up
.template:
  variables:
    COMPOSE_FILE: tmpl.yml
  script: docker compose up
shell:
  before_script:
    - export COMPOSE_FILE=base.yml:before.yml
  script:
    - docker compose up
    - export COMPOSE_FILE=base.yml:item.yml
    - docker compose up
  after_script:
    - docker compose down
branch:
  script:
    - if [ -n "$X" ]; then export COMPOSE_FILE=x.yml; fi
    - docker compose up
emptybefore:
  before_script: []
  script:
    - docker compose up
`
	for _, tc := range []struct {
		path string
		kind RunFileKind
		text string
		want string
	}{
		{".github/workflows/ci.yml", RunWorkflow, workflow, "base.yml,ci.yml|base.yml,step.yml|other.yml|base.yml,job.yml"},
		// The items of a job's before_script and script run in one shell;
		// after_script in another.
		{".gitlab-ci.yml", RunGitLabCI, gitlab, "base.yml,ci.yml|base.yml,prod.yml|base.yml,before.yml|base.yml,item.yml|base.yml,ci.yml|base.yml,ci.yml"},
	} {
		checkComposeFiles(t, tc.path, NewSource(tc.path, []byte(tc.text)), tc.kind, tc.want)
	}
}

// A Makefile variable that holds the compose command or its -f options is
// expanded in the recipe, as make does; one not known here is not.
func TestComposeLinesMakeVars(t *testing.T) {
	for _, tc := range []struct {
		name, makefile string
		want           string
	}{
		{"command", "COMPOSE = docker compose -f deploy/a.yml -f deploy/b.yml\nup:\n\t$(COMPOSE) up -d\n", "deploy/a.yml,deploy/b.yml"},
		{"braces", "COMPOSE := docker compose -f a.yml\nup:\n\t@${COMPOSE} up\n", "a.yml"},
		{"?=", "COMPOSE ?= docker-compose -f a.yml\nup:\n\t$(COMPOSE) up\n", "a.yml"},
		{"files only", "COMPOSE_FILES = -f a.yml -f b.yml\nup:\n\tdocker compose $(COMPOSE_FILES) up\n", "a.yml,b.yml"},
		{"nested", "DC = docker compose\nFILES = -f a.yml\nCOMPOSE = $(DC) $(FILES)\nup:\n\t$(COMPOSE) up\n", "a.yml"},
		{"defined after", "up:\n\t$(COMPOSE) up\nCOMPOSE = docker compose -f a.yml\n", "a.yml"},
		{"continued", "COMPOSE = docker compose \\\n\t-f a.yml\nup:\n\t$(COMPOSE) up\n", "a.yml"},
		{"comment", "COMPOSE = docker compose -f a.yml # the stack\nup:\n\t$(COMPOSE) up\n", "a.yml"},
		{"exported COMPOSE_FILE", "export COMPOSE_FILE = a.yml:b.yml\nup:\n\tdocker compose up\n", "a.yml,b.yml"},
		{"exported later", "COMPOSE_FILE = a.yml\nexport COMPOSE_FILE\nup:\n\tdocker compose up\n", "a.yml"},

		{"not exported", "COMPOSE_FILE = a.yml\nup:\n\tdocker compose up\n", ""},
		{"exported other", "exportCOMPOSE_FILE = a.yml\nexport OTHER\nup:\n\tdocker compose up\n", ""},
		{"conditional", "ifdef PROD\nCOMPOSE = docker compose -f prod.yml\nendif\nup:\n\t$(COMPOSE) up\n", ""},
		{"set twice", "COMPOSE = docker compose -f a.yml\nCOMPOSE = docker compose -f b.yml\nup:\n\t$(COMPOSE) up\n", ""},
		{"appended", "COMPOSE = docker compose -f a.yml\nCOMPOSE += -f b.yml\nup:\n\t$(COMPOSE) up\n", ""},
		{"function", "COMPOSE = docker compose -f $(shell ls *.yml)\nup:\n\t$(COMPOSE) up\n", ""},
		{"unknown variable", "COMPOSE = docker compose -f $(STACK).yml\nup:\n\t$(COMPOSE) up\n", ""},
		{"quoted", "COMPOSE = docker compose -f \"a b.yml\"\nup:\n\t$(COMPOSE) up\n", ""},
		{"target variable", "COMPOSE = docker compose -f a.yml\nprod: COMPOSE = docker compose -f p.yml\nup:\n\t$(COMPOSE) up\n", ""},
		{"not defined", "up:\n\t$(COMPOSE) up\n", ""},
		{"quoted use", "COMPOSE = docker compose -f a.yml\nup:\n\t\"$(COMPOSE)\" up\n", ""},
	} {
		checkComposeFiles(t, tc.name, NewSource("Makefile", []byte(tc.makefile)), RunMakefile, tc.want)
	}
}

// checkComposeFiles parses a run file and compares the files of its
// compose commands, "a.yml,b.yml|c.yml", with want.
func checkComposeFiles(t *testing.T, name string, src *Source, kind RunFileKind, want string) {
	t.Helper()
	p, err := ParseRunFile(src, kind)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var got []string
	for _, c := range p.ComposeLines {
		got = append(got, strings.Join(c.Files, ","))
	}
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("%s: got %q, want %q", name, g, want)
	}
}
