package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// writeProject writes files (name → text) under a temporary directory and
// returns it.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadProject loads the named files of dir as one project.
func loadProject(t *testing.T, dir string, env map[string]string, names ...string) (*ComposeProject, error) {
	t.Helper()
	var srcs []*Source
	for _, n := range names {
		p := filepath.Join(dir, n)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, NewSource(p, data))
	}
	return LoadCompose(dir, srcs, env)
}

func mustLoad(t *testing.T, dir string, env map[string]string, names ...string) *ComposeProject {
	t.Helper()
	p, err := loadProject(t, dir, env, names...)
	if err != nil {
		t.Fatalf("LoadCompose: %v", err)
	}
	return p
}

// at formats a range as file:line:col-endcol with the file's base name.
func at(r Range) string {
	s := filepath.Base(r.File) + ":" + itoa(r.Start.Line) + ":" + itoa(r.Start.Col)
	if r.End.Line != r.Start.Line {
		return s + "-" + itoa(r.End.Line) + ":" + itoa(r.End.Col)
	}
	return s + "-" + itoa(r.End.Col)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func wantAt(t *testing.T, what string, r Range, want string) {
	t.Helper()
	if got := at(r); got != want {
		t.Errorf("%s at %s, want %s", what, got, want)
	}
}

func service(t *testing.T, p *ComposeProject, name string) *Service {
	t.Helper()
	s := p.Service(name)
	if s == nil {
		t.Fatalf("no service %q", name)
	}
	return s
}

const mainCompose = `version: "3.8"
x-common: &common
  init: true
  cap_add:
    - NET_ADMIN
services:
  web:
    <<: *common
    build:
      context: ./web
      target: prod
    ports:
      - "9000-9002:9000-9002"
      - "${WEB_PORT:-8080}:80"
      - target: 443
        published: 8443
        host_ip: 127.0.0.1
    expose: ["7000", 7001]
    command: sh -c "echo hi && exec app --port 80"
    environment:
      DATABASE_URL: postgres://db:5432/x
  db:
    image: postgres:${PG:-16}
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - type: bind
        source: /run
        target: /hostrun
    command:
      - sh
      - -c
      - |
        echo start
        exec postgres -c x=1
  worker:
    extends: web
    privileged: true
    user: "${APP_USER}"
`

const overrideCompose = `services:
  db:
    user: root
    ports:
      - "5432:5432"
  worker:
    cap_add: [SYS_ADMIN]
`

func TestLoadComposeMergesAndPlaces(t *testing.T) {
	dir := writeProject(t, map[string]string{"compose.yaml": mainCompose, "compose.override.yaml": overrideCompose})
	p := mustLoad(t, dir, map[string]string{"PG": "17"}, "compose.yaml", "compose.override.yaml")
	if len(p.Services) != 3 || p.Services[0].Name != "db" || p.Services[2].Name != "worker" {
		t.Fatalf("services: %v", p.Services)
	}
	if len(p.Versions) != 1 || p.Versions[0].Value != "3.8" {
		t.Fatalf("versions: %+v", p.Versions)
	}
	wantAt(t, "version", p.Versions[0].Range, "compose.yaml:1:1-15")

	web := service(t, p, "web")
	wantAt(t, "web", web.Range, "compose.yaml:7:3-6")
	if web.Init == nil || !*web.Init {
		t.Errorf("web.init from the anchor: %v", web.Init)
	}
	wantAt(t, "web init (in the anchor)", web.InitRange, "compose.yaml:3:3-13")
	if len(web.CapAdd) != 1 || web.CapAdd[0].Value != "NET_ADMIN" {
		t.Fatalf("web cap_add: %+v", web.CapAdd)
	}
	wantAt(t, "web cap_add", web.CapAdd[0].Range, "compose.yaml:5:7-16")
	if web.Build == nil || web.Build.Target != "prod" || web.Build.Dockerfile != filepath.Join(dir, "web", "Dockerfile") {
		t.Fatalf("web build: %+v", web.Build)
	}
	wantAt(t, "web build", web.Build.Range, "compose.yaml:9:5-10")
	wantAt(t, "web target", web.Build.TargetRange, "compose.yaml:11:7-19")

	// A range stays one entry; a variable takes its default.
	if len(web.Ports) != 3 {
		t.Fatalf("web ports: %+v", web.Ports)
	}
	if pp := web.Ports[0]; pp.Raw != "9000-9002:9000-9002" || pp.Spec.HostEnd != 9002 || pp.Err != nil {
		t.Errorf("range: %+v", pp)
	}
	wantAt(t, "range", web.Ports[0].Range, "compose.yaml:13:9-30")
	if pp := web.Ports[1]; pp.Raw != "8080:80" || pp.Spec.HostStart != 8080 {
		t.Errorf("interpolated port: %+v", pp)
	}
	if pp := web.Ports[2]; pp.Raw != "" || pp.Spec.HostIP != "127.0.0.1" || pp.Spec.ContainerStart != 443 || pp.Spec.HostStart != 8443 {
		t.Errorf("long syntax port: %+v", pp)
	}
	wantAt(t, "long syntax", web.Ports[2].Range, "compose.yaml:15:9-17:27")
	if len(web.Expose) != 2 || web.Expose[1].Spec.ContainerStart != 7001 {
		t.Errorf("expose: %+v", web.Expose)
	}
	wantAt(t, "expose", web.Expose[1].Range, "compose.yaml:18:22-26")
	if strings.Join(web.Connected, ",") != "db" {
		t.Errorf("web connected: %v", web.Connected)
	}

	// A string command is split into words, not run by a shell; the
	// `sh -c` inside it is parsed in place.
	cmd := web.Command
	if cmd == nil || !cmd.Exec || strings.Join(cmd.Argv, "|") != "sh|-c|echo hi && exec app --port 80" {
		t.Fatalf("web command: %+v", cmd)
	}
	wantAt(t, "command", cmd.Range, "compose.yaml:19:14-51")
	var names []string
	for _, c := range cmd.Script.Commands {
		names = append(names, c.Name)
		if c.Name == "app" {
			wantAt(t, "exec app", c.NameRange, "compose.yaml:19:32-36")
		}
	}
	if strings.Join(names, ",") != "sh,echo,app" {
		t.Errorf("commands: %v", names)
	}

	db := service(t, p, "db")
	if db.Image.Value != "postgres:17" {
		t.Errorf("db image: %q", db.Image.Value)
	}
	wantAt(t, "db user (override)", db.User.Range, "compose.override.yaml:3:5-15")
	if len(db.Ports) != 1 {
		t.Fatalf("db ports: %+v", db.Ports)
	}
	wantAt(t, "db port (override)", db.Ports[0].Range, "compose.override.yaml:5:9-20")
	if len(db.Volumes) != 2 || db.Volumes[0].Source != "/var/run/docker.sock" || !db.Volumes[0].ReadOnly || db.Volumes[1].Type != "bind" || db.Volumes[1].Source != "/run" {
		t.Fatalf("db volumes: %+v", db.Volumes)
	}
	wantAt(t, "short volume", db.Volumes[0].Range, "compose.yaml:25:9-53")
	wantAt(t, "long volume", db.Volumes[1].Range, "compose.yaml:26:9-28:25")
	// A list command: the block script is parsed at its lines.
	var postgres *Command
	for _, c := range db.Command.Script.Commands {
		if c.Name == "postgres" {
			postgres = c
		}
	}
	if postgres == nil || !postgres.Exec {
		t.Fatalf("db command script: %+v", db.Command.Script.Commands)
	}
	wantAt(t, "postgres", postgres.NameRange, "compose.yaml:34:9-13")

	// extends: the base's fields come from web (and web's anchor), the
	// override adds a capability.
	worker := service(t, p, "worker")
	wantAt(t, "worker privileged", worker.Privileged.Range, "compose.yaml:37:5-21")
	if worker.User != nil {
		t.Errorf("unset variable gives an empty user, got %+v", worker.User)
	}
	var caps []string
	for _, c := range worker.CapAdd {
		caps = append(caps, c.Value+"@"+at(c.Range))
	}
	if strings.Join(caps, " ") != "NET_ADMIN@compose.yaml:5:7-16 SYS_ADMIN@compose.override.yaml:7:15-24" {
		t.Errorf("worker cap_add: %v", caps)
	}
	if len(worker.Ports) != 3 {
		t.Errorf("worker ports through extends: %+v", worker.Ports)
	} else {
		wantAt(t, "worker port", worker.Ports[1].Range, "compose.yaml:14:9-31")
	}
}

func TestLoadComposeExtendsFileAndInclude(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": `include:
  - sub/extra.yaml
services:
  app:
    extends:
      file: common/base.yaml
      service: base
    image: app
`,
		"common/base.yaml": `services:
  base:
    security_opt:
      - seccomp:unconfined
    network_mode: host
`,
		"sub/extra.yaml": `services:
  cache:
    image: redis:${REDIS_TAG}
    pid: host
`,
		"sub/.env": "REDIS_TAG=7\n",
	})
	p := mustLoad(t, dir, nil, "compose.yaml")
	app := service(t, p, "app")
	if len(app.SecurityOpt) != 1 {
		t.Fatalf("app security_opt: %+v", app.SecurityOpt)
	}
	wantAt(t, "extended security_opt", app.SecurityOpt[0].Range, "base.yaml:4:9-27")
	if !strings.HasSuffix(filepath.ToSlash(app.SecurityOpt[0].Range.File), "common/base.yaml") {
		t.Errorf("extended file path: %s", app.SecurityOpt[0].Range.File)
	}
	wantAt(t, "extended network_mode", app.Namespaces["network_mode"].Range, "base.yaml:5:5-23")
	cache := service(t, p, "cache")
	if cache.Image.Value != "redis:7" {
		t.Errorf("included .env: image %q", cache.Image.Value)
	}
	wantAt(t, "included pid", cache.Namespaces["pid"].Range, "extra.yaml:4:5-14")
	wantAt(t, "included service", cache.Range, "extra.yaml:2:3-8")
	var sources []string
	for _, s := range p.Sources {
		rel, _ := filepath.Rel(dir, s.Path)
		sources = append(sources, filepath.ToSlash(rel))
	}
	if strings.Join(sources, ",") != "compose.yaml,sub/extra.yaml,common/base.yaml" && strings.Join(sources, ",") != "compose.yaml,common/base.yaml,sub/extra.yaml" {
		t.Errorf("sources: %v", sources)
	}
}

func TestLoadComposeEnvironment(t *testing.T) {
	dir := writeProject(t, map[string]string{"compose.yaml": `services:
  a:
    image: "busybox:${TAG:?set TAG}"
    user: ${UID:-1000}
    env_file: missing.env
    x-custom: 1
x-anything:
  foo: bar
`})
	p := mustLoad(t, dir, nil, "compose.yaml")
	a := service(t, p, "a")
	if a.Image.Value != "busybox:" || a.User.Value != "1000" {
		t.Errorf("image %q user %q", a.Image.Value, a.User.Value)
	}
	p = mustLoad(t, dir, map[string]string{"TAG": "1.36", "UID": "0"}, "compose.yaml")
	a = service(t, p, "a")
	if a.Image.Value != "busybox:1.36" || a.User.Value != "0" {
		t.Errorf("image %q user %q", a.Image.Value, a.User.Value)
	}
	env, err := ParseDotEnv([]byte("A=1\nB=${A}2\n# comment\nC='x y'\n"))
	if err != nil || env["B"] != "12" || env["C"] != "x y" {
		t.Errorf("ParseDotEnv: %v %v", env, err)
	}
}

func TestLoadComposeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line, col  int
		msg        string
		project    bool // the project is still returned
	}{
		{"yaml", "services:\n  a:\n    image: x\n   bad: [\n", 4, 4, "did not find expected key", false},
		{"yaml scanner", "services:\n  a:\n    image: \"x\n", 4, 0, "unexpected end of stream", false},
		{"tab", "services:\n  a:\n\timage: x\n", 3, 0, "cannot start any token", false},
		{"sequence in mapping", "services:\n  a:\n    image: x\n  - b\n", 4, 3, "did not find expected key", false},
		{"duplicate key", "services:\n  a:\n    image: x\n    image: y\n", 4, 0, "already defined", false},
		{"extends missing", "services:\n  a:\n    extends: nope\n", 3, 5, "nope", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeProject(t, map[string]string{"compose.yaml": tc.text})
			p, err := loadProject(t, dir, nil, "compose.yaml")
			if err == nil {
				t.Fatalf("no error")
			}
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if pe.Line != tc.line || tc.col != 0 && pe.Col != tc.col {
				t.Errorf("error at %d:%d, want %d:%d: %v", pe.Line, pe.Col, tc.line, tc.col, err)
			}
			if !strings.Contains(pe.Msg, tc.msg) || strings.HasPrefix(pe.Msg, "validating") || strings.HasPrefix(pe.Msg, "failed to parse") {
				t.Errorf("message %q should mention %q and not repeat the file", pe.Msg, tc.msg)
			}
			if (p != nil) != tc.project {
				t.Errorf("project returned: %v, want %v", p != nil, tc.project)
			}
		})
	}
}

func TestLoadComposeInvalidPortIsKept(t *testing.T) {
	dir := writeProject(t, map[string]string{"compose.yaml": `services:
  a:
    image: x
    ports:
      - "8080:80"
      - "abc:80"
      - "70000:80"
      - target: 80
        published: "x1"
`})
	p := mustLoad(t, dir, nil, "compose.yaml")
	a := service(t, p, "a")
	if len(a.Ports) != 4 {
		t.Fatalf("ports: %+v", a.Ports)
	}
	if a.Ports[0].Err != nil {
		t.Errorf("valid port has error %v", a.Ports[0].Err)
	}
	for i, line := range []int{6, 7, 8} {
		pp := a.Ports[i+1]
		if pp.Err == nil || pp.Range.Start.Line != line {
			t.Errorf("port %d: err %v at line %d, want an error at line %d", i+1, pp.Err, pp.Range.Start.Line, line)
		}
	}
}

func TestLoadComposeInlineDockerfile(t *testing.T) {
	dir := writeProject(t, map[string]string{"compose.yaml": `services:
  a:
    build:
      dockerfile_inline: |
        FROM alpine:3.20
        USER root
        CMD ["sleep", "1"]
  b:
    build:
      dockerfile_inline: "FROM alpine\nUSER root\n"
`})
	p := mustLoad(t, dir, nil, "compose.yaml")
	df, err := service(t, p, "a").Build.ParseInline()
	if err != nil {
		t.Fatal(err)
	}
	u := df.Final().EffectiveUser()
	if u == nil || !u.IsRoot() {
		t.Fatalf("user: %+v", u)
	}
	wantAt(t, "inline USER root", u.Range, "compose.yaml:6:14-18")
	b := service(t, p, "b").Build
	df, err = b.ParseInline()
	if err != nil {
		t.Fatal(err)
	}
	if src := b.InlineSource(); src == nil || df.Source.Path != src.Path || !strings.HasSuffix(src.Path, "#services.b.build.dockerfile_inline") {
		t.Errorf("quoted inline Dockerfile path %q", df.Source.Path)
	}
}

func TestLoadComposeResetAndMultipleFiles(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"a.yaml": `services:
  s:
    image: x
    ports: ["5432:5432"]
    cap_add: [NET_ADMIN]
`,
		"b.yaml": `services:
  s:
    ports: !reset []
    cap_add: !override [SYS_TIME]
`,
	})
	p := mustLoad(t, dir, nil, "a.yaml", "b.yaml")
	s := service(t, p, "s")
	if len(s.Ports) != 0 {
		t.Errorf("reset ports: %+v", s.Ports)
	}
	if len(s.CapAdd) != 1 || s.CapAdd[0].Value != "SYS_TIME" {
		t.Fatalf("cap_add: %+v", s.CapAdd)
	}
	wantAt(t, "override", s.CapAdd[0].Range, "b.yaml:4:25-33")
}

// TestLoadComposeOddInput feeds shapes that compose rejects or accepts in
// unusual forms: loading must return an error or a project, never panic.
func TestLoadComposeOddInput(t *testing.T) {
	for _, text := range []string{
		"",
		"---\n",
		"services:\n",
		"services: []\n",
		"services:\n  a:\n",
		"services:\n  a: 1\n",
		"services:\n  a:\n    image: x\n    ports:\n      -\n",
		"services:\n  a:\n    image: x\n    ports: [80, \"81\", {target: 82}, null]\n",
		"services:\n  a:\n    image: x\n    command: 123\n    entrypoint: [\"a\", 1]\n    user: 0\n",
		"services:\n  a:\n    image: x\n    cap_add: [1, true]\n    volumes: [\"a\", {type: bind}]\n",
		"services:\n  a: &a\n    image: x\n    <<: *a\n",
		"services:\n  a:\n    extends: a\n",
		"services:\n  a:\n    image: x\n    extends: {service: b, file: nope.yaml}\n",
		"include: [nope.yaml]\nservices:\n  a:\n    image: x\n",
		"include:\n  - path: [a.yaml, b.yaml]\n    project_directory: sub\n",
		"x: &x [*x]\n",
		"services:\n  a:\n    image: x\n---\nservices:\n  a:\n    user: root\n",
		"services:\n  a:\n    build:\n      dockerfile_inline: |\n        FROM\n",
		"services:\n  a:\n    image: x\n    ports: [\"${P:?need it}:80\", \"[::1]:8080:80\", \"127.0.0.1::80/udp\"]\n",
		"\xff\xfe",
		"services:\n  a:\n    image: x\n    command: sh -c '\n",
		"services:\n  a:\n    image: x\n    command: [sh, -c, \"if then\"]\n",
	} {
		dir := writeProject(t, map[string]string{"compose.yaml": text})
		func() {
			defer func() {
				if v := recover(); v != nil {
					t.Errorf("panic on %q: %v", text, v)
				}
			}()
			p, err := loadProject(t, dir, nil, "compose.yaml")
			if p == nil && err == nil {
				t.Errorf("%q: neither project nor error", text)
			}
			if p != nil {
				for _, s := range p.Services {
					if s.Build != nil {
						_, _ = s.Build.ParseInline()
					}
				}
			}
		}()
	}
}

func TestLoadComposeAnchorsDocumentsAndOverrideOnlyService(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": `x-a: &a
  user: root
  cap_add: [SYS_TIME]
x-b: &b
  user: "10001"
  pid: host
services:
  s:
    image: x
    <<: [*a, *b]
    links: ["db:database"]
  db:
    image: postgres:17
---
services:
  t:
    image: y
    network_mode: service:s
`,
		"compose.override.yaml": `services:
  extra:
    image: z
    command: [celery, worker]
`,
	})
	p := mustLoad(t, dir, nil, "compose.yaml", "compose.override.yaml")
	s := service(t, p, "s")
	// The first anchor of a merge list wins.
	if s.User.Value != "root" {
		t.Errorf("user %q", s.User.Value)
	}
	wantAt(t, "user from the first anchor", s.User.Range, "compose.yaml:2:3-13")
	wantAt(t, "pid from the second anchor", s.Namespaces["pid"].Range, "compose.yaml:6:3-12")
	if strings.Join(s.Connected, ",") != "db" {
		t.Errorf("links: %v", s.Connected)
	}
	tt := service(t, p, "t")
	wantAt(t, "service of the second document", tt.Range, "compose.yaml:16:3-4")
	if strings.Join(tt.Connected, ",") != "s" {
		t.Errorf("network_mode service: %v", tt.Connected)
	}
	extra := service(t, p, "extra")
	wantAt(t, "service only in the override", extra.Range, "compose.override.yaml:2:3-8")
	if extra.Command == nil || len(extra.Command.Script.Commands) != 1 {
		t.Fatalf("command: %+v", extra.Command)
	}
	wantAt(t, "celery", extra.Command.Script.Commands[0].NameRange, "compose.override.yaml:4:15-21")
}

func TestLoadComposeErrorInIncludedFile(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml":   "include: [sub/extra.yaml]\nservices:\n  a:\n    image: x\n",
		"sub/extra.yaml": "services:\n  b:\n    image: y\n    privileged: maybe\n",
	})
	_, err := loadProject(t, dir, nil, "compose.yaml")
	pe, ok := err.(*ParseError)
	if !ok || filepath.Base(pe.File) != "extra.yaml" || pe.Line != 4 || strings.Contains(pe.Msg, dir) {
		t.Errorf("error %#v", err)
	}
}

// An item an unset variable makes invalid is left out of compose-go's load
// in an included file too, as in a main file, and kept in the model as
// unresolved: the copy compose-go reads keeps the file's directory, so its
// other paths and its .env resolve as before. (The unset-variable finding
// names the variable.)
func TestLoadComposeInvalidVolumeInIncludedFileIsLeftOut(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := writeProject(t, map[string]string{
		"compose.yaml":   "include: [sub/extra.yaml]\nservices:\n  a:\n    image: x\n    volumes: [\"./a:/a\"]\n",
		"sub/extra.yaml": "services:\n  b:\n    image: y\n    volumes:\n      - ${LOGS}:/logs\n      - ${DATA}:/data\n",
		"sub/.env":       "LOGS=./logs\n",
	})
	p := mustLoad(t, dir, nil, "compose.yaml")
	b := p.Service("b")
	if b == nil || len(b.Volumes) != 2 {
		t.Fatalf("service b: %+v", b)
	}
	logs, data := b.Volumes[0], b.Volumes[1]
	if logs.Target != "/logs" || logs.Source != filepath.Join(dir, "sub", "logs") || logs.Unresolved {
		t.Errorf("the item compose reads: %+v", logs)
	}
	if data.Target != "/data" || !data.Unresolved || at(data.Range) != "extra.yaml:6:9-22" {
		t.Errorf("the item left out: %+v at %s", data, at(data.Range))
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems: %s", problemLines(p))
	}
	if matches, _ := filepath.Glob(filepath.Join(tmp, "dlint-include-*")); len(matches) != 0 {
		t.Errorf("copies left behind: %v", matches)
	}
}

// What compose-go says about the copy of an included file names the file.
func TestLoadComposeErrorInCopiedIncludeNamesTheFile(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml":   "include: [sub/extra.yaml]\nservices:\n  a:\n    image: x\n",
		"sub/extra.yaml": "services:\n  b:\n    image: y\n    volumes: [\"${DATA}:/data\"]\n    privileged: maybe\n",
	})
	_, err := loadProject(t, dir, nil, "compose.yaml")
	pe, ok := err.(*ParseError)
	if !ok || filepath.Base(pe.File) != "extra.yaml" || pe.Line != 5 || strings.Contains(pe.Msg, "dlint-include") {
		t.Errorf("error %#v", err)
	}
}

func TestLoadComposeRemoteIncludeAndCycles(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": "include:\n  - oci://docker.io/example/stack:1\n  - path: https://github.com/example/stack.git#main\nservices:\n  a:\n    image: x\n",
		"cycle.yaml":   "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n    depends_on: [a]\n",
	})
	p := mustLoad(t, dir, nil, "compose.yaml")
	if len(p.Services) != 1 {
		t.Errorf("remote includes are skipped: %v", p.Services)
	}
	p = mustLoad(t, dir, nil, "cycle.yaml")
	if len(p.Problems) != 1 || p.Problems[0].Range.Start.Line != 4 || p.Problems[0].Compose != "dependency cycle detected: a -> b -> a" {
		t.Errorf("cycle: %+v", p.Problems)
	}
}

// What compose-go's consistency check refuses is a problem of the project,
// at its key, every one of them, in a stable order; the project is linted.
func TestLoadComposeProblems(t *testing.T) {
	const project = `services:
  a:
    image: x
    depends_on: [nope]
    networks: [front, tipi_main_network]
    volumes:
      - data:/data
    tmpfs: [/data]
  web:
    image: y
    depends_on: [opt]
  opt:
    image: z
    profiles: [debug]
networks:
  front: {}
`
	problems := func(p *ComposeProject) string {
		var got []string
		for _, pr := range p.Problems {
			got = append(got, fmt.Sprintf("%d:%d %s", pr.Range.Start.Line, pr.Range.Start.Col, pr.Compose))
		}
		return strings.Join(got, "\n")
	}
	p := mustLoad(t, writeProject(t, map[string]string{"compose.yaml": project}), nil, "compose.yaml")
	want := strings.Join([]string{
		`4:18 service "a" depends on undefined service "nope"`,
		`5:23 service "a" refers to undefined network tipi_main_network`,
		`7:9 service "a" refers to undefined volume data`,
		`7:9 services.a.volumes[0]: target /data already mounted`,
		`11:18 service "web" depends on undefined service "opt"`,
	}, "\n")
	if got := problems(p); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if len(p.Services) != 3 {
		t.Errorf("services: %d", len(p.Services))
	}
	// A service with no image marks a file merged onto another (an app
	// store's template the platform completes): what that file could
	// declare (the dependency, the network, the volume) is not judged.
	p = mustLoad(t, writeProject(t, map[string]string{"compose.yaml": strings.Replace(project, "networks:\n", "  fragment:\n    environment: {A: \"1\"}\nnetworks:\n", 1)}), nil, "compose.yaml")
	want = strings.Join([]string{
		`7:9 services.a.volumes[0]: target /data already mounted`,
		`11:18 service "web" depends on undefined service "opt"`,
		`15:3 service "fragment" has neither an image nor a build context specified`,
	}, "\n")
	if got := problems(p); got != want {
		t.Errorf("with a fragment service, problems:\n%s\nwant:\n%s", got, want)
	}
	// A key the specification does not have: a problem, and the rest is
	// linted.
	dir := writeProject(t, map[string]string{"compose.yaml": "services:\n  a:\n    image: x\n    privileges: true\n    user: root\n"})
	p = mustLoad(t, dir, nil, "compose.yaml")
	if len(p.Problems) != 1 || p.Problems[0].Range.Start.Line != 4 || !strings.Contains(p.Problems[0].Compose, `unknown key "privileges"`) || p.Services[0].User == nil {
		t.Errorf("unknown key: %+v", p.Problems)
	}
	// A valid project has none.
	dir = writeProject(t, map[string]string{"compose.yaml": "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n"})
	if p := mustLoad(t, dir, nil, "compose.yaml"); len(p.Problems) != 0 {
		t.Errorf("valid project: %+v", p.Problems[0])
	}
}

// Paths on the host are taken from the file that writes them, as compose
// does: the project directory, an extended file's directory (through two
// levels of extends), an included file's directory, and ~ for the home.
func TestLoadComposeHostPaths(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": `include:
  - sub/extra.yaml
services:
  web:
    build: ./web
    volumes:
      - ./data:/data
      - ~/.docker/run/docker.sock:/var/run/docker.sock
      - cache:/cache
  dot:
    build:
      context: .
      dockerfile: docker/app.Dockerfile
  base:
    extends:
      file: common/base.yaml
      service: base
  remote:
    build: https://github.com/example/app.git#main
  short-remote:
    build: github.com/example/app
volumes:
  cache:
`,
		"common/base.yaml": `services:
  base:
    extends:
      file: deeper/root.yaml
      service: root
    volumes:
      - ./conf:/conf
`,
		"common/deeper/root.yaml": `services:
  root:
    build: ./app
`,
		"sub/extra.yaml": `services:
  cache:
    build: ./cache
`,
	})
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home directory:", err)
	}
	p := mustLoad(t, dir, nil, "compose.yaml")
	abs := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	for name, want := range map[string][2]string{
		"web":          {abs("web"), abs("web/Dockerfile")},
		"dot":          {dir, abs("docker/app.Dockerfile")},
		"base":         {abs("common/deeper/app"), abs("common/deeper/app/Dockerfile")},
		"cache":        {abs("sub/cache"), abs("sub/cache/Dockerfile")},
		"remote":       {"", ""},
		"short-remote": {"", ""},
	} {
		b := service(t, p, name).Build
		if b == nil || b.Context != want[0] || b.Dockerfile != want[1] {
			t.Errorf("%s build: %+v, want context %q dockerfile %q", name, b, want[0], want[1])
		}
	}
	var sources []string
	for _, m := range service(t, p, "web").Volumes {
		sources = append(sources, m.Source)
	}
	want := []string{abs("data"), filepath.Join(home, ".docker/run/docker.sock"), "cache"}
	if strings.Join(sources, "|") != strings.Join(want, "|") {
		t.Errorf("web volume sources: %q, want %q", sources, want)
	}
	if v := service(t, p, "base").Volumes; len(v) != 1 || v[0].Source != abs("common/conf") {
		t.Errorf("extended volume: %+v", v)
	}
}

// compose-go's default values are not applied (SkipDefaultValues): the
// model supplies the ones dlint reads. A long-syntax port without a
// protocol is TCP and the same as its short form written in an override;
// a build without a context builds the project directory.
func TestLoadComposeDefaults(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": `services:
  app:
    build:
      dockerfile: app.Dockerfile
    ports:
      - target: 80
        published: "8080"
      - target: 53
        published: "5353"
        protocol: UDP
`,
		"compose.override.yaml": `services:
  app:
    ports:
      - "8080:80"
`,
	})
	p := mustLoad(t, dir, nil, "compose.yaml", "compose.override.yaml")
	app := service(t, p, "app")
	if b := app.Build; b == nil || b.Context != dir || b.Dockerfile != filepath.Join(dir, "app.Dockerfile") {
		t.Errorf("build: %+v", app.Build)
	}
	var specs []string
	for _, port := range app.Ports {
		specs = append(specs, fmt.Sprintf("%d:%s@%s", port.Spec.HostStart, port.Spec, at(port.Range)))
	}
	if got := strings.Join(specs, " "); got != "8080:80/tcp@compose.yaml:6:9-7:26 5353:53/udp@compose.yaml:8:9-10:22" {
		t.Errorf("ports: %s", got)
	}
}

// An include whose env file is a FIFO or a device fails at once, naming
// the env file and the include's line; a regular env file is read.
func TestLoadComposeIncludeEnvFileSpecial(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml":     "include:\n  - sub/compose.yaml\nservices:\n  a:\n    image: x\n",
		"sub/compose.yaml": "services:\n  b:\n    image: y:${TAG}\n",
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "sub", ".env"), 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	_, err := loadProject(t, dir, nil, "compose.yaml")
	pe, ok := err.(*ParseError)
	if !ok || pe.Line != 2 || !strings.Contains(pe.Msg, filepath.Join("sub", ".env")) || !strings.Contains(pe.Msg, "named pipe") {
		t.Errorf("FIFO env file: %#v", err)
	}
	os.Remove(filepath.Join(dir, "sub", ".env"))
	if err := os.WriteFile(filepath.Join(dir, "sub", ".env"), []byte("TAG=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, dir, nil, "compose.yaml")
	if b := service(t, p, "b"); b.Image.Value != "y:1" {
		t.Errorf("image %q", b.Image.Value)
	}
}

// Unset variables: one entry per variable and file at its first use; a
// volume that only a blank makes invalid is kept, the project loads.
func TestLoadComposeUnsetVariables(t *testing.T) {
	dir := writeProject(t, map[string]string{"compose.yaml": "services:\n  a:\n    image: x:${TAG:-1}\n    container_name: ${NAME}\n    volumes:\n      - ${DATA}:/data\n      - ${DATA}/x:/x\n    environment: {A: $$B, C: \"${SET}\"}\n"})
	p := mustLoad(t, dir, map[string]string{"SET": "1"}, "compose.yaml")
	var got []string
	for _, u := range p.Unset {
		got = append(got, fmt.Sprintf("%s:%d:%d", u.Name, u.Range.Start.Line, u.Uses))
	}
	if strings.Join(got, " ") != "NAME:4:1 DATA:6:2" {
		t.Errorf("unset: %v", got)
	}
	vols := service(t, p, "a").Volumes
	if len(vols) != 2 || !vols[1].Unresolved || vols[1].Target != "/data" || vols[1].Range.Start.Line != 6 {
		t.Errorf("volumes: %+v %+v", vols[0], vols[len(vols)-1])
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems: %+v", p.Problems[0])
	}
}

// A number, boolean, duration or size an unset variable leaves blank
// makes compose-go refuse the whole file; dlint loads it without that
// setting and keeps a blank environment value as a value.
func TestLoadComposeBlankTypedSettings(t *testing.T) {
	text := "services:\n  a:\n    image: x\n    privileged: true\n    healthcheck:\n      test: [CMD, \"true\"]\n      retries: ${RETRIES}\n      interval: ${INTERVAL}\n" +
		"    deploy:\n      replicas: ${REPLICAS}\n    mem_limit: ${MEM}\n    read_only: ${RO}\n    init: ${INIT}\n    ulimits:\n      nofile: ${NOFILE}\n    environment:\n      EMPTY: ${EMPTY}\n"
	p := mustLoad(t, writeProject(t, map[string]string{"compose.yaml": text}), nil, "compose.yaml")
	a := service(t, p, "a")
	if a.Privileged == nil {
		t.Errorf("privileged: true was lost")
	}
	if len(a.Environment) != 1 || a.Environment[0].Name != "EMPTY" || a.Environment[0].Value != "" || a.Environment[0].Unset {
		t.Errorf("environment: %+v", a.Environment)
	}
	if len(p.Unset) != 8 {
		t.Errorf("unset: %d variables, want 8", len(p.Unset))
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems: %+v", p.Problems[0])
	}
}

// A `develop.watch` item whose path an unset variable leaves blank makes
// compose-go refuse the file ("value can't be blank"); dlint loads it
// without that item, so the service is linted.
func TestLoadComposeBlankListItem(t *testing.T) {
	text := "services:\n  web:\n    image: x\n    privileged: true\n    develop:\n      watch:\n        - action: sync\n          path: ${CODE}\n          target: /src\n        - action: rebuild\n          path: ./package.json\n"
	p := mustLoad(t, writeProject(t, map[string]string{"compose.yaml": text}), nil, "compose.yaml")
	if web := service(t, p, "web"); web.Privileged == nil {
		t.Errorf("privileged: true was lost")
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems: %+v", p.Problems[0])
	}
}

// A setting Compose cannot read refuses the whole file; dlint reports it
// at its node and loads the project without it, the other settings kept.
func TestLoadComposeRefusedSettings(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line, col  int
	}{
		{"mapping in the environment list", "services:\n  a:\n    image: x\n    privileged: true\n    environment:\n      - OK=1\n      - BAD: value\n", 7, 9},
		{"a scalar where a service belongs", "services:\n  a:\n    image: x\n    privileged: true\n  restart: always\n", 5, 3},
		{"a command the shell cannot split", "services:\n  a:\n    image: x\n    privileged: true\n    command: a=(b\n", 5, 5},
		{"bad boolean", "services:\n  a:\n    image: x\n    privileged: true\n    read_only: maybe\n", 5, 5},
		{"wrong type", "services:\n  a:\n    image: x\n    privileged: true\n    cap_add: NET_ADMIN\n", 5, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mustLoad(t, writeProject(t, map[string]string{"compose.yaml": tc.text}), nil, "compose.yaml")
			if a := service(t, p, "a"); a.Privileged == nil {
				t.Errorf("privileged: true was lost")
			}
			if len(p.Problems) != 1 || p.Problems[0].Range.Start.Line != tc.line || p.Problems[0].Range.Start.Col != tc.col || p.Problems[0].Compose == "" {
				t.Fatalf("problems: %+v", p.Problems)
			}
		})
	}
}

// A Compose v1 file: each top-level key is a service, `net:` is
// network_mode, placed at the `net:` line.
func TestLoadComposeLegacyLayout(t *testing.T) {
	dir := writeProject(t, map[string]string{"docker-compose.yml": "web:\n  build: .\n  dockerfile: Dockerfile.web\n  net: host\n  links: [db]\ndb:\n  image: postgres:9.6\n"})
	p := mustLoad(t, dir, nil, "docker-compose.yml")
	if len(p.Services) != 2 || len(p.Legacy) != 1 || p.Legacy[0].Value != "web" {
		t.Fatalf("services %d legacy %+v", len(p.Services), p.Legacy)
	}
	web := service(t, p, "web")
	if ns := web.Namespaces["network_mode"]; ns == nil || ns.Value != "host" || ns.Range.Start.Line != 4 {
		t.Errorf("net: %+v", ns)
	}
	if web.Build == nil || filepath.Base(web.Build.Dockerfile) != "Dockerfile.web" {
		t.Errorf("build: %+v", web.Build)
	}
	if strings.Join(web.Connected, ",") != "db" {
		t.Errorf("links: %v", web.Connected)
	}
	// A v2 file with a misspelt top-level key is not a v1 file.
	dir = writeProject(t, map[string]string{"compose.yaml": "services:\n  a:\n    image: x\nverson: \"3\"\n"})
	if p := mustLoad(t, dir, nil, "compose.yaml"); len(p.Legacy) != 0 || len(p.Problems) != 1 {
		t.Errorf("legacy %v problems %v", p.Legacy, p.Problems)
	}
}

// A project compose would refuse is loaded by compose-go once, like a
// valid one; an unknown key costs a second load without the schema.
func TestLoadComposeOnce(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		loads      int64
	}{
		{"valid", "services:\n  a:\n    image: x\n", 1},
		{"inconsistent", "services:\n  a:\n    image: x\n    depends_on: [nope]\n  b:\n    environment: {A: \"1\"}\n", 1},
		{"unknown key", "services:\n  a:\n    image: x\n    privileges: true\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeProject(t, map[string]string{"compose.yaml": tc.text})
			before := composeGoLoads.Load()
			mustLoad(t, dir, nil, "compose.yaml")
			if got := composeGoLoads.Load() - before; got != tc.loads {
				t.Errorf("compose-go loaded the project %d times, want %d", got, tc.loads)
			}
		})
	}
}
