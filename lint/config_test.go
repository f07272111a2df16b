package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

var parseRef = parser.ParseImageRef

// writeTree makes a repository (a directory with .git) holding files.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
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

// summary renders findings as "file:line rule severity", relative to root.
func summary(root string, res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(root, f.Range.File)
		out = append(out, fmt.Sprintf("%s:%d %s %s", filepath.ToSlash(rel), f.Range.Start.Line, f.Rule.ID, f.Severity))
	}
	return out
}

func errorLines(root string, res *Result) []string {
	var out []string
	for _, e := range res.Errors {
		out = append(out, strings.ReplaceAll(e.Error(), root+string(filepath.Separator), ""))
	}
	return out
}

func sameList(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

const rootDockerfile = "FROM debian:12-slim\nUSER root\nCMD [\"app\"]\n"

func onlyRootUser() []*rules.Rule { return []*rules.Rule{rules.RootUser, rules.UnusedIgnore} }

func TestParseConfigErrors(t *testing.T) {
	pool := rules.All()
	cases := []struct{ text, want string }{
		{"rulez:\n  root-user: off\n", `c.yaml:1:1: unknown key "rulez" (did you mean "rules"?)`},
		{"rules:\n  root-usr: off\n", `c.yaml:2:3: unknown rule "root-usr" (did you mean "root-user"?)`},
		{"rules:\n  root-user: loud\n", `c.yaml:2:14: bad value "loud" for rule root-user: want off, on, error, warning, info, style`},
		{"rules:\n  root-user: off\n  DL3002: error\n", `c.yaml:3:3: rule root-user is set twice (as "root-user" at line 2)`},
		{"rules:\n  root-user:\n", `c.yaml:2:13: rule root-user has no value`},
		{"rules:\n  root-user:\n    ports: [22]\n", `c.yaml:3:5: rule root-user has no option "ports": it takes only ` + "`severity`"},
		{"rules: [root-user]\n", `c.yaml:1:8: rules must be a mapping`},
		{"fail-level: fatal\n", `c.yaml:1:13: bad severity "fatal": want error, warning, info, style or none`},
		{"min-severity: none\n", `c.yaml:1:15: bad severity "none": want error, warning, info or style`},
		{"report-unused-ignores: maybe\n", `c.yaml:1:24: bad value "maybe": want true or false`},
		{"ignore-paths: vendor\n", `c.yaml:1:15: want a list of glob patterns, not "vendor"`},
		{"ignore-paths: ['a/**b']\n", "c.yaml:1:16: bad glob \"a/**b\": `**` must be a whole path element"},
		{"ignore-paths: ['[a']\n", `c.yaml:1:16: bad glob "[a": malformed pattern element "[a"`},
		{"trusted-registries: [{a: b}]\n", `c.yaml:1:22: want a non-empty string, not a mapping`},
		{"overrides:\n  - rules: {root-user: off}\n", "c.yaml:2:5: an overrides entry needs `files:`"},
		{"overrides:\n  - files: [tests/**]\n    rule: {}\n", `c.yaml:3:5: unknown key "rule" in an overrides entry`},
		{"overrides:\n  - files: []\n", `c.yaml:2:12: files lists no glob`},
		{"overrides:\n  - files: [a]\n    rules: {nope: off}\n", `c.yaml:3:13: unknown rule "nope"`},
		{"overrides: {files: [a]}\n", `c.yaml:1:12: overrides must be a list`},
		{"- a\n", `c.yaml:1:1: the configuration must be a mapping of keys`},
		{"rules:\n  root-user: off\nrules: {}\n", `c.yaml:3:1: key "rules" is set twice (first at line 1)`},
		{"rules: {root-user: off\n", `c.yaml:1: invalid YAML: did not find expected`},
		{"select: [root-usr]\n", `c.yaml:1:10: unknown rule, group, tag or prefix "root-usr" (did you mean "root-user"?) (see 'dlint rules')`},
		{"ignore: DL3002\n", `c.yaml:1:9: want a list of rule IDs, aliases, groups, tags or prefixes, not "DL3002"`},
		{"extend-select: [pinnning]\n", `c.yaml:1:17: unknown rule, group, tag or prefix "pinnning"`},
		{"label-schema: [a]\n", `c.yaml:1:15: label-schema must map label keys to value types (text, url, semver, email, rfc3339, spdx, hash), not`},
		{"label-schema:\n  org.example.v: version\n", `c.yaml:2:18: label-schema: unknown type "version" for "org.example.v" (want one of text, url`},
		{"label-schema:\n  org.example.v: [url]\n", `c.yaml:2:18: label-schema: the type of "org.example.v" must be one of`},
	}
	for _, c := range cases {
		_, err := ParseConfig("c.yaml", []byte(c.text), pool)
		if err == nil {
			t.Errorf("%q: no error, want %q", c.text, c.want)
			continue
		}
		if _, ok := err.(*FileError); !ok {
			t.Errorf("%q: error %T is not a *FileError", c.text, err)
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q:\n got %s\nwant %s…", c.text, err, c.want)
		}
	}
}

func TestParseConfigValid(t *testing.T) {
	text := `
fail-level: none
min-severity: info
report-unused-ignores: true
ignore-paths: ["vendor/**", testdata]
trusted-registries: [docker.io, ghcr.io/acme]
rules:
  DL3002: error
  sudo: off
  missing-user: on
  unused-ignore: style
overrides:
  - files: ["tests/**"]
    rules: {root-user: off}
`
	c, err := ParseConfig("x/.dlint.yaml", []byte(text), rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if c.FailLevel != NeverFail || c.MinSeverity != rules.Info || c.ReportUnusedIgnores == nil || !*c.ReportUnusedIgnores {
		t.Errorf("levels: %+v", c)
	}
	if got := c.rules["root-user"]; got == nil || got.state != stateOn || got.severity != rules.Error {
		t.Errorf("root-user via alias DL3002: %+v", got)
	}
	if got := c.rules["sudo"]; got == nil || got.state != stateOff {
		t.Errorf("sudo: %+v", got)
	}
	if len(c.ignore) != 2 || len(c.overrides) != 1 || len(c.TrustedRegistries) != 2 {
		t.Errorf("lists: %+v", c)
	}
	empty, err := ParseConfig("e.yaml", []byte("# only comments\n"), rules.All())
	if err != nil || len(empty.rules) != 0 {
		t.Errorf("empty config: %v %+v", err, empty)
	}
}

func TestGlob(t *testing.T) {
	cases := []struct {
		pattern string
		yes, no []string
	}{
		{"vendor/**", []string{"vendor", "vendor/a/Dockerfile"}, []string{"src/vendor/Dockerfile", "vendors/Dockerfile"}},
		{"testdata", []string{"testdata/Dockerfile", "a/b/testdata/x/compose.yaml"}, []string{"testdata2/Dockerfile"}},
		{"*.Dockerfile", []string{"app.Dockerfile", "deep/dir/app.Dockerfile"}, []string{"Dockerfile"}},
		{"/Dockerfile", []string{"Dockerfile"}, []string{"sub/Dockerfile"}},
		{"**/tests/**", []string{"tests/Dockerfile", "a/tests/b/Dockerfile"}, []string{"test/Dockerfile"}},
		{"examples/*/Dockerfile", []string{"examples/x/Dockerfile"}, []string{"examples/x/y/Dockerfile", "examples/Dockerfile"}},
		{"docker/**/Dockerfile.*", []string{"docker/Dockerfile.dev", "docker/a/b/Dockerfile.prod"}, []string{"Dockerfile.dev"}},
		{"./services/api", []string{"services/api/Dockerfile"}, []string{"services/apis/Dockerfile"}},
	}
	for _, c := range cases {
		g, err := compileGlob(c.pattern)
		if err != nil {
			t.Fatalf("%s: %v", c.pattern, err)
		}
		for _, p := range c.yes {
			if !g.match(p) {
				t.Errorf("%s should match %s", c.pattern, p)
			}
		}
		for _, p := range c.no {
			if g.match(p) {
				t.Errorf("%s should not match %s", c.pattern, p)
			}
		}
	}
}

// TestConfigPrecedence: flags over the nearest file over farther files over
// the defaults, and overrides within a file.
func TestConfigPrecedence(t *testing.T) {
	root := writeTree(t, map[string]string{
		".dlint.yaml":              "rules:\n  root-user: error\noverrides:\n  - files: [examples/**]\n    rules: {root-user: off}\n",
		"Dockerfile":               rootDockerfile,
		"examples/Dockerfile":      rootDockerfile,
		"svc/Dockerfile":           rootDockerfile,
		"svc/.dlint.yaml":          "rules:\n  root-user: info\n",
		"svc/deep/Dockerfile":      rootDockerfile,
		"other/.dlint.yml":         "# empty: the defaults, not the parent's settings\n",
		"other/Dockerfile":         rootDockerfile,
		"third/x/Dockerfile":       rootDockerfile,
		"ignored/.dlint.yaml":      "ignore-paths: ['**/gen/**', '*.tmp.Dockerfile']\n",
		"ignored/gen/Dockerfile":   rootDockerfile,
		"ignored/a.tmp.Dockerfile": rootDockerfile,
		"ignored/Dockerfile":       rootDockerfile,
	})
	run := func(opts Options) []string {
		opts.Paths, opts.Rules = []string{root}, onlyRootUser()
		res := Run(opts)
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", errorLines(root, res))
		}
		return summary(root, res)
	}
	sameList(t, "files", run(Options{}), []string{
		"Dockerfile:2 root-user error",
		"svc/Dockerfile:2 root-user info",
		"svc/deep/Dockerfile:2 root-user info",
		"other/Dockerfile:2 root-user warning",
		"third/x/Dockerfile:2 root-user error",
		"ignored/Dockerfile:2 root-user warning",
	})
	sameList(t, "--disable", run(Options{Disable: []*rules.Rule{rules.RootUser}}), nil)
	enabled := run(Options{Enable: []*rules.Rule{rules.RootUser}})
	if len(enabled) != 7 { // examples/ comes back; ignore-paths still apply
		t.Errorf("--enable overrides the overrides entry: %v", enabled)
	}
	sameList(t, "--no-config", run(Options{NoConfig: true}), []string{
		"Dockerfile:2 root-user warning", "examples/Dockerfile:2 root-user warning", "svc/Dockerfile:2 root-user warning",
		"svc/deep/Dockerfile:2 root-user warning", "other/Dockerfile:2 root-user warning", "third/x/Dockerfile:2 root-user warning",
		"ignored/gen/Dockerfile:2 root-user warning", "ignored/a.tmp.Dockerfile:2 root-user warning", "ignored/Dockerfile:2 root-user warning",
	})
	// --config replaces the search: its globs are relative to its own directory.
	cfg := filepath.Join(root, "svc", ".dlint.yaml")
	if got := run(Options{ConfigFile: cfg}); len(got) != 9 || !strings.HasSuffix(got[0], " info") {
		t.Errorf("--config: %v", got)
	}
}

// TestConfigSelection: select, extend-select and ignore in .dlint.yaml,
// then its rules: entries, then the command line's selection.
func TestConfigSelection(t *testing.T) {
	root := writeTree(t, map[string]string{
		".dlint.yaml":   "select: [security]\nignore: [DL3002]\n",
		"Dockerfile":    rootDockerfile,
		"a/.dlint.yaml": "ignore: [security]\nrules:\n  root-user: on\n",
		"a/Dockerfile":  rootDockerfile,
		"b/.dlint.yaml": "select: []\n",
		"b/Dockerfile":  rootDockerfile,
		"c/.dlint.yaml": "extend-select: [ALL]\nignore: [root]\n",
		"c/Dockerfile":  rootDockerfile,
		"d/.dlint.yaml": "ignore: [root]\nextend-select: [root-user]\n",
		"d/Dockerfile":  rootDockerfile,
	})
	run := func(opts Options) []string {
		opts.Paths, opts.Rules = []string{root}, onlyRootUser()
		res := Run(opts)
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", errorLines(root, res))
		}
		return summary(root, res)
	}
	// The exact alias beats the tag; rules: beats the file's ignore; an
	// empty select selects nothing; an exact extend-select beats a prefix.
	sameList(t, "files", run(Options{}), []string{"a/Dockerfile:2 root-user warning", "d/Dockerfile:2 root-user warning"})
	sel := &rules.Selection{HasSelect: true, Select: mustSelectors(t, "DL3002")}
	sameList(t, "--select", run(Options{Selection: sel}), []string{
		"Dockerfile:2 root-user warning", "a/Dockerfile:2 root-user warning", "b/Dockerfile:2 root-user warning",
		"c/Dockerfile:2 root-user warning", "d/Dockerfile:2 root-user warning",
	})
	sel = &rules.Selection{Ignore: mustSelectors(t, "dockerfile")}
	sameList(t, "--ignore", run(Options{Selection: sel}), nil)
	sameList(t, "--enable", run(Options{Enable: []*rules.Rule{rules.RootUser}}), []string{
		"Dockerfile:2 root-user warning", "a/Dockerfile:2 root-user warning", "b/Dockerfile:2 root-user warning",
		"c/Dockerfile:2 root-user warning", "d/Dockerfile:2 root-user warning",
	})
}

func mustSelectors(t *testing.T, names ...string) []rules.Selector {
	t.Helper()
	s, err := rules.ParseSelectors(rules.All(), names)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFailAndMinSeverity: --min-severity and --fail-level over the file's.
func TestFailAndMinSeverity(t *testing.T) {
	root := writeTree(t, map[string]string{
		".dlint.yaml": "fail-level: error\nmin-severity: warning\nrules:\n  root-user: info\n",
		"Dockerfile":  rootDockerfile,
	})
	res := Run(Options{Paths: []string{root}, Rules: onlyRootUser()})
	if len(res.Findings) != 0 || res.Failing != 0 {
		t.Errorf("the file hides info findings: %v", summary(root, res))
	}
	res = Run(Options{Paths: []string{root}, Rules: onlyRootUser(), MinSeverity: rules.Style})
	if len(res.Findings) != 1 || res.Failing != 0 {
		t.Errorf("--min-severity style shows it, fail-level error does not fail: %v %d", summary(root, res), res.Failing)
	}
	res = Run(Options{Paths: []string{root}, Rules: onlyRootUser(), MinSeverity: rules.Style, FailLevel: rules.Info})
	if res.Failing != 1 {
		t.Errorf("--fail-level info fails on it: %d", res.Failing)
	}
	res = Run(Options{Paths: []string{root}, Rules: onlyRootUser(), MinSeverity: rules.Style, FailLevel: NeverFail})
	if res.Failing != 0 {
		t.Errorf("--fail-level none: %d", res.Failing)
	}
}

// TestBrokenConfigSkipsItsSubtree: a bad key is an error with its position;
// the files that configuration governs are not linted (dlint cannot know
// what it asks for), every other file is.
func TestBrokenConfigSkipsItsSubtree(t *testing.T) {
	root := writeTree(t, map[string]string{
		"ok/Dockerfile":         rootDockerfile,
		"bad/.dlint.yaml":       "rules:\n  root-user: off\n  sudoo: off\n",
		"bad/Dockerfile":        rootDockerfile,
		"bad/deeper/Dockerfile": rootDockerfile,
		"yaml/.dlint.yaml":      "rules: [\n",
		"yaml/compose.yaml":     "services:\n  web:\n    image: nginx\n    privileged: true\n",
		"yaml/sub/.dlint.yaml":  "",
		"yaml/sub/Dockerfile":   rootDockerfile,
	})
	res := Run(Options{Paths: []string{root}})
	sameList(t, "errors", errorLines(root, res), []string{
		`bad/.dlint.yaml:3:3: unknown rule "sudoo" (did you mean "sudo"?) (see 'dlint rules')`,
		`yaml/.dlint.yaml:1: invalid YAML: did not find expected node content`,
	})
	// yaml/sub has a configuration of its own, which is fine.
	if got := summary(root, res); strings.Join(got, " ") != "ok/Dockerfile:2 root-user warning yaml/sub/Dockerfile:2 root-user warning" {
		t.Errorf("findings %v, want those of ok/ and yaml/sub/ only", got)
	}
	if res.Failing == 0 {
		t.Error("the run does not fail")
	}
	both := writeTree(t, map[string]string{".dlint.yaml": "", ".dlint.yml": "", "Dockerfile": rootDockerfile})
	res = Run(Options{Paths: []string{both}})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Msg, "both") {
		t.Errorf("two config files: %v", errorLines(both, res))
	}
	res = Run(Options{Paths: []string{root}, ConfigFile: filepath.Join(root, "missing.yaml")})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Msg, "cannot read configuration") {
		t.Errorf("missing --config: %v", errorLines(root, res))
	}
}

// TestConfigStopsAtRepositoryRoot: a .dlint.yaml above the directory that
// holds .git is not used.
func TestConfigStopsAtRepositoryRoot(t *testing.T) {
	outer := t.TempDir()
	if err := os.WriteFile(filepath.Join(outer, ".dlint.yaml"), []byte("rules: {root-user: off}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(outer, "repo")
	for _, d := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "app")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "app", "Dockerfile"), []byte(rootDockerfile), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Run(Options{Paths: []string{repo}, Rules: onlyRootUser()})
	if len(res.Findings) != 1 {
		t.Errorf("the config outside the repository applied: %v", summary(repo, res))
	}
}

type portOptions struct {
	Ports   []int    `yaml:"ports" doc:"ports to check"`
	Bases   []string `yaml:"extra-bases"`
	Strict  bool     `yaml:"strict"`
	Label   string   `yaml:"label"`
	private int      //nolint:unused // unexported fields must be ignored by the loader
}

// optionsRule reports its options and the trusted registries at the final
// FROM, so tests can see what the engine passed.
var optionsRule = &rules.Rule{
	ID: "options-probe", Severity: rules.Warning, Tags: []string{"test"}, Summary: "test",
	Options: func() any { return &portOptions{Ports: []int{22}, Label: "default"} },
	Check: func(p *rules.Pass) {
		if p.Dockerfile == nil {
			return
		}
		o := rules.OptionsOf[portOptions](p)
		p.Report(p.Dockerfile.Final().From.Range, fmt.Sprintf("ports=%v bases=%v strict=%v label=%s trusted=%v", o.Ports, o.Bases, o.Strict, o.Label, p.Settings.TrustedRegistries))
	},
}

func TestRuleOptions(t *testing.T) {
	root := writeTree(t, map[string]string{
		".dlint.yaml": `trusted-registries: [ghcr.io/acme]
rules:
  options-probe:
    severity: error
    ports: [5432, 6379]
    extra-bases: [acme/base]
overrides:
  - files: [legacy/**]
    rules:
      options-probe: {strict: true, ports: []}
`,
		"Dockerfile":        rootDockerfile,
		"legacy/Dockerfile": rootDockerfile,
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{optionsRule}})
	if len(res.Errors) > 0 {
		t.Fatal(errorLines(root, res))
	}
	var got []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(root, f.Range.File)
		got = append(got, fmt.Sprintf("%s %s %s", filepath.ToSlash(rel), f.Severity, f.Message))
	}
	sameList(t, "options", got, []string{
		"Dockerfile error ports=[5432 6379] bases=[acme/base] strict=false label=default trusted=[ghcr.io/acme]",
		"legacy/Dockerfile error ports=[] bases=[acme/base] strict=true label=default trusted=[ghcr.io/acme]",
	})
	// Without a config the rule sees its defaults.
	res = Run(Options{Paths: []string{root}, Rules: []*rules.Rule{optionsRule}, NoConfig: true})
	if len(res.Findings) != 2 || !strings.Contains(res.Findings[0].Message, "ports=[22] bases=[] strict=false label=default trusted=[]") {
		t.Errorf("defaults: %v", res.Findings)
	}
	// Bad option values are errors at their position.
	for text, want := range map[string]string{
		"rules:\n  options-probe:\n    ports: [http]\n":   `c.yaml:3:13: ports item must be an integer, not "http"`,
		"rules:\n  options-probe:\n    ports: 22\n":       `c.yaml:3:12: ports must be a list, not "22"`,
		"rules:\n  options-probe:\n    strict: sure\n":    `c.yaml:3:13: strict must be true or false, not "sure"`,
		"rules:\n  options-probe:\n    port: [1]\n":       `c.yaml:3:5: rule options-probe has no option "port" (did you mean "ports"?)`,
		"rules:\n  options-probe:\n    label: [a]\n":      `c.yaml:3:12: label must be a string, not a list`,
		"rules:\n  options-probe:\n    severity: loud\n":  `c.yaml:3:15: bad value "loud" for rule options-probe`,
		"rules:\n  options-probe:\n    private: 1\n":      `c.yaml:3:5: rule options-probe has no option "private"`,
		"rules:\n  options-probe:\n    ports: [1, 2]\n  ": "",
	} {
		_, err := ParseConfig("c.yaml", []byte(text), []*rules.Rule{optionsRule})
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", text, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%q:\n got %v\nwant %s", text, err, want)
		}
	}
}

func TestTrustsImage(t *testing.T) {
	s := &rules.Settings{TrustedRegistries: []string{"docker.io", "ghcr.io/acme", "*.dkr.ecr.eu-west-1.amazonaws.com", "registry.example.com:5000"}}
	for ref, want := range map[string]bool{
		"debian:12":                               true,
		"docker.io/library/debian":                true,
		"bitnami/redis":                           true,
		"ghcr.io/acme/app:1":                      true,
		"ghcr.io/acmecorp/app:1":                  false,
		"ghcr.io/other/app":                       false,
		"123.dkr.ecr.eu-west-1.amazonaws.com/app": true,
		"registry.example.com:5000/team/app":      true,
		"registry.example.com/team/app":           false,
		"scratch":                                 true,
	} {
		if got := s.TrustsImage(parseRef(ref)); got != want {
			t.Errorf("%s: trusted=%v, want %v", ref, got, want)
		}
	}
	if !(&rules.Settings{}).TrustsImage(parseRef("quay.io/x/y")) {
		t.Error("an empty list trusts every registry")
	}
	hubOfficial := &rules.Settings{TrustedRegistries: []string{"docker.io/library"}}
	if !hubOfficial.TrustsImage(parseRef("nginx")) || hubOfficial.TrustsImage(parseRef("bitnami/nginx")) {
		t.Error("docker.io/library trusts official images only")
	}
}

// TestMissingUserNonRootBases: a team's own non-root base images, from
// .dlint.yaml, keep missing-user quiet.
func TestMissingUserNonRootBases(t *testing.T) {
	pool := ruleSet(t, "missing-user")
	files := map[string]string{
		"a/Dockerfile": "FROM ghcr.io/acme/runtime:1.4\nCMD [\"app\"]\n",
		"b/Dockerfile": "FROM acme/base:nonroot\nCMD [\"app\"]\n",
		"c/Dockerfile": "FROM acme/base:latest\nCMD [\"app\"]\n",
		"d/Dockerfile": "FROM docker.io/acme/base:nonroot\nCMD [\"app\"]\n",
		"e/Dockerfile": "FROM ghcr.io/other/runtime:1\nCMD [\"app\"]\n",
	}
	got, _ := lintTree(t, files, pool, Options{})
	if len(got) != 5 {
		t.Fatalf("without options every stage is reported: %v", got)
	}
	files[".dlint.yaml"] = "rules:\n  missing-user:\n    non-root-bases: [\"ghcr.io/acme/*\", \"acme/base:nonroot\"]\n"
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "non-root-bases", got, []string{"c/Dockerfile:1 missing-user", "e/Dockerfile:1 missing-user"})
}

// TestPublishedPortOptions: ports added to and taken off the sensitive list.
func TestPublishedPortOptions(t *testing.T) {
	pool := ruleSet(t, "published-on-all-interfaces")
	files := map[string]string{
		"compose.yaml": "services:\n  app:\n    image: example/app:1\n    ports:\n      - \"8080:8080\"\n      - \"9200:9200\"\n      - \"5432:5432\"\n      - \"8125:8125/udp\"\n",
	}
	got, _ := lintTree(t, files, pool, Options{})
	sameList(t, "defaults", got, []string{"compose.yaml:6 published-on-all-interfaces", "compose.yaml:7 published-on-all-interfaces"})
	files[".dlint.yaml"] = "rules:\n  published-on-all-interfaces:\n    ports: [8080, 8125/udp]\n    allowed-ports: [\"9200\"]\n"
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "configured", got, []string{"compose.yaml:5 published-on-all-interfaces", "compose.yaml:7 published-on-all-interfaces", "compose.yaml:8 published-on-all-interfaces"})
	_, err := ParseConfig("c.yaml", []byte("rules:\n  published-on-all-interfaces:\n    ports: [80/quic]\n"), pool)
	if err == nil || !strings.HasPrefix(err.Error(), `c.yaml:3:5: rule published-on-all-interfaces: ports: "80/quic" has an unknown protocol`) {
		t.Errorf("bad port: %v", err)
	}
}
