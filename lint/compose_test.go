package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dlint-dev/dlint/rules"
)

// composeTree writes files under a temporary directory.
func composeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// composeRun lints paths with the given rules and returns findings and
// errors as "file:line:col rule (message)" lines relative to root.
func composeRun(t *testing.T, root string, opts Options) (findings, errs []string) {
	t.Helper()
	res := Run(opts)
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return p
	}
	for _, f := range res.Findings {
		findings = append(findings, fmt.Sprintf("%s:%d:%d %s (%s)", rel(f.Range.File), f.Range.Start.Line, f.Range.Start.Col, f.Rule.ID, f.Message))
	}
	for _, e := range res.Errors {
		errs = append(errs, fmt.Sprintf("%s:%d:%d %s", rel(e.Path), e.Line, e.Col, e.Msg))
	}
	sort.Strings(findings)
	return findings, errs
}

func hasLine(list []string, prefix, contains string) bool {
	for _, l := range list {
		if strings.HasPrefix(l, prefix) && strings.Contains(l, contains) {
			return true
		}
	}
	return false
}

func TestComposeLinksDockerfileAndService(t *testing.T) {
	root := composeTree(t, map[string]string{
		"compose.yaml": `services:
  web:
    build: ./app
    user: "10001"
  worker:
    build:
      context: ./app
      dockerfile: Dockerfile
  admin:
    image: alpine:3.20
    user: root
  inline:
    build:
      dockerfile_inline: |
        FROM alpine:3.20
        USER root
`,
		"app/Dockerfile": "FROM alpine:3.20\nUSER root\nCMD [\"sleep\", \"1\"]\n",
	})
	findings, errs := composeRun(t, root, Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, Workers: 2})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []string{
		"app/Dockerfile:2:6 root-user (USER root makes service 'worker'",
		"compose.yaml:11:5 root-user (service 'admin'",
		"compose.yaml:16:14 root-user (USER root makes service 'inline'",
	}
	if len(findings) != len(want) {
		t.Fatalf("findings:\n%s", strings.Join(findings, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(findings[i], w) {
			t.Errorf("finding %d: %s\nwant prefix %s", i, findings[i], w)
		}
	}
}

func TestComposeErrorsKeepOtherFiles(t *testing.T) {
	root := composeTree(t, map[string]string{
		"bad/compose.yaml":     "include:\n  - missing.yaml\nservices:\n  a:\n    image: x\n",
		"refused/compose.yaml": "services:\n  a:\n    image: x\n    user: root\n    privileged: maybe\n",
		"yaml/compose.yaml":    "services:\n  a:\n    image: x\n   oops: [\n",
		"good/compose.yaml":    "services:\n  a:\n    image: x\n    user: root\n",
		"dep/compose.yaml":     "services:\n  a:\n    image: x\n    user: root\n    depends_on: [nope]\n",
	})
	findings, errs := composeRun(t, root, Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser, rules.ComposeInvalid}, Workers: 2})
	for _, want := range []string{"bad/compose.yaml", "yaml/compose.yaml:4:4 cannot parse: "} {
		if !hasLine(errs, want, "") {
			t.Errorf("no error %q in %v", want, errs)
		}
	}
	if len(errs) != 2 {
		t.Errorf("errors: %v", errs)
	}
	// The valid project, and the one whose only fault is a dangling
	// dependency, are linted; the dependency is a finding.
	// A setting Compose cannot read (privileged: maybe) is a finding too.
	for _, want := range []string{"good/compose.yaml:4:5 root-user", "dep/compose.yaml:4:5 root-user", "dep/compose.yaml:5:18 compose-invalid", "refused/compose.yaml:4:5 root-user", "refused/compose.yaml:5:5 compose-invalid"} {
		if !hasLine(findings, want, "") {
			t.Errorf("no finding %q in %v", want, findings)
		}
	}
}

func TestComposeStdinAndMerge(t *testing.T) {
	root := composeTree(t, map[string]string{
		"a.yaml": "services:\n  s:\n    image: x\n",
		"b.yaml": "services:\n  s:\n    user: \"0\"\n",
	})
	findings, errs := composeRun(t, root, Options{
		ComposeMerge: []string{filepath.Join(root, "a.yaml"), filepath.Join(root, "b.yaml")},
		Rules:        []*rules.Rule{rules.RootUser}, Workers: 1,
	})
	if len(errs) > 0 || len(findings) != 1 || !strings.HasPrefix(findings[0], "b.yaml:3:5 root-user") {
		t.Errorf("merge: findings %v errors %v", findings, errs)
	}
	findings, errs = composeRun(t, root, Options{
		Paths: []string{"-"}, Stdin: strings.NewReader("services:\n  s:\n    image: x\n    user: root\n"),
		StdinFilename: "compose.yaml", Rules: []*rules.Rule{rules.RootUser}, Workers: 1,
	})
	if len(errs) > 0 || len(findings) != 1 || !strings.HasPrefix(findings[0], "compose.yaml:4:5 root-user") {
		t.Errorf("stdin: findings %v errors %v", findings, errs)
	}
}

// --env wins over .env; --env-file replaces it.
func TestComposeEnvOptions(t *testing.T) {
	root := composeTree(t, map[string]string{
		"compose.yaml": "services:\n  s:\n    image: x\n    user: ${RUN_AS:-10001}\n    privileged: ${PRIV:-false}\n",
		".env":         "PRIV=true\n",
	})
	only := []*rules.Rule{rules.RootUser, rules.Privileged}
	for _, tc := range []struct {
		name string
		opts Options
		want []string
	}{
		{"dotenv", Options{}, []string{"privileged"}},
		{"env wins", Options{Env: map[string]string{"RUN_AS": "root", "PRIV": "false"}}, []string{"root-user"}},
		{"env file replaces .env", Options{EnvFiles: []string{"ci.env"}, Env: map[string]string{"RUN_AS": "0"}}, []string{"root-user"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Paths, tc.opts.Rules, tc.opts.Workers = []string{root}, only, 1
			findings, errs := composeRun(t, root, tc.opts)
			var got []string
			for _, f := range findings {
				got = append(got, strings.Fields(f)[1])
			}
			if len(errs) > 0 || strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("findings %v errors %v, want %v", findings, errs, tc.want)
			}
		})
	}
}

func TestComposeDotEnv(t *testing.T) {
	root := composeTree(t, map[string]string{
		"compose.yaml": "services:\n  s:\n    image: x\n    user: ${RUN_AS:-10001}\n",
		".env":         "RUN_AS=root\n",
	})
	t.Setenv("RUN_AS", "10001") // the caller's environment must not matter
	findings, errs := composeRun(t, root, Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, Workers: 1})
	if len(errs) > 0 || len(findings) != 1 || !strings.Contains(findings[0], "runs as root") {
		t.Errorf("findings %v errors %v", findings, errs)
	}
}

// TestLocalImageBuiltFromItself: a service that tags its build with the
// name of the image its Dockerfile starts FROM (and two builds FROM each
// other's tags) finishes, and the FROM means the published image.
func TestLocalImageBuiltFromItself(t *testing.T) {
	root := composeTree(t, map[string]string{
		"compose.yaml": `services:
  db:
    build: ./db
    image: postgres:16
  a:
    build: ./a
    image: example/a:1
  b:
    build: ./b
    image: example/b:1
`,
		"db/Dockerfile": "FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n",
		"a/Dockerfile":  "FROM example/b:1\nUSER root\n",
		"b/Dockerfile":  "FROM example/a:1\nUSER root\n",
	})
	done := make(chan []string, 1)
	go func() {
		findings, _ := composeRun(t, root, Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser, rules.BuildTagsPublishedImage}, Workers: 2})
		done <- findings
	}()
	select {
	case findings := <-done:
		if !hasLine(findings, "compose.yaml:4:5", "build-tags-published-image") {
			t.Errorf("no build-tags-published-image finding for postgres:16: %v", findings)
		}
	case <-time.After(time.Minute):
		t.Fatal("linting a build tagged FROM itself does not finish")
	}
}

// A default file named on the command line with its override is one
// project, as the walk of their directory makes it: the secret the
// override declares is no error, and the override is not a fragment.
func TestNamedDefaultFileWithItsOverride(t *testing.T) {
	root := composeTree(t, map[string]string{
		"compose.yaml":          "services:\n  s:\n    image: x\n    secrets: [pw]\n",
		"compose.override.yaml": "services:\n  s:\n    user: \"0\"\nsecrets:\n  pw:\n    file: ./pw.txt\n",
	})
	findings, errs := composeRun(t, root, Options{
		Paths: []string{filepath.Join(root, "compose.yaml"), filepath.Join(root, "compose.override.yaml")},
		Rules: []*rules.Rule{rules.RootUser, rules.ComposeInvalid}, Workers: 1,
	})
	if len(errs) > 0 || len(findings) != 1 || !strings.HasPrefix(findings[0], "compose.override.yaml:3:5 root-user") {
		t.Errorf("findings %v errors %v", findings, errs)
	}
}

// A .env that links to a file a setup script writes later is no .env, as
// for Compose; one Compose cannot parse is an error, and then no variable
// is called unset, since its values are not known.
func TestComposeDotEnvDanglingOrBroken(t *testing.T) {
	root := composeTree(t, map[string]string{"compose.yaml": "services:\n  s:\n    image: nginx:${TAG}\n"})
	if err := os.Symlink("mailcow.conf", filepath.Join(root, ".env")); err != nil {
		t.Skip("no symlinks:", err)
	}
	findings, errs := composeRun(t, root, Options{Paths: []string{root}, Rules: []*rules.Rule{rules.UnsetVariable}, Workers: 1})
	if len(errs) > 0 || len(findings) != 1 {
		t.Errorf("dangling .env: findings %v errors %v", findings, errs)
	}
	if err := os.Remove(filepath.Join(root, ".env")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, ".env"), []byte("./friendica.conf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	findings, errs = composeRun(t, root, Options{Paths: []string{root}, Rules: []*rules.Rule{rules.UnsetVariable}, Workers: 1})
	if len(errs) != 1 || !strings.Contains(errs[0], ".env") || len(findings) != 0 {
		t.Errorf("broken .env: findings %v errors %v", findings, errs)
	}
}
