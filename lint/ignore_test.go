package lint

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// ruleSet looks rules up by ID; the test is skipped when one is missing
// (a rule another change has not landed yet).
func ruleSet(t *testing.T, ids ...string) []*rules.Rule {
	t.Helper()
	var out []*rules.Rule
	for _, id := range ids {
		r := rules.Lookup(rules.All(), id)
		if r == nil {
			t.Skipf("rule %s is not registered", id)
		}
		out = append(out, r)
	}
	return out
}

// lintTree lints files with pool and returns "file:line rule" per finding
// and the errors.
func lintTree(t *testing.T, files map[string]string, pool []*rules.Rule, opts Options) ([]string, []string) {
	t.Helper()
	root := writeTree(t, files)
	opts.Paths, opts.Rules, opts.NoConfig = []string{root}, pool, opts.ConfigFile == "" && !hasConfig(files)
	if opts.MinSeverity == 0 {
		opts.MinSeverity = rules.Style
	}
	res := Run(opts)
	var got []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(root, f.Range.File)
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), f.Range.Start.Line, f.Rule.ID))
	}
	return got, errorLines(root, res)
}

func hasConfig(files map[string]string) bool {
	for name := range files {
		if strings.HasSuffix(name, ".dlint.yaml") {
			return true
		}
	}
	return false
}

func TestDockerfilePragmas(t *testing.T) {
	pool := ruleSet(t, "root-user", "sudo", "shell-form-pid1", "entrypoint-ignores-cmd", "numeric-user")
	cases := []struct {
		name, text      string
		want            []string
		silencesNothing bool
	}{
		{"above the instruction", "FROM debian:12-slim\n# dlint ignore=root-user\nUSER root\n", nil, false},
		{"alias", "FROM debian:12-slim\n# dlint ignore=DL3002\nUSER root\n", nil, false},
		{"another rule", "FROM debian:12-slim\n# dlint ignore=sudo\nUSER root\n", []string{"3 root-user"}, true},
		{"list with spaces and a reason", "FROM debian:12-slim\n# dlint ignore=sudo , DL3002 needs root for port 80\nUSER root\n", nil, false},
		{"blank line and comments between", "FROM debian:12-slim\n# dlint ignore=root-user\n# why: legacy image\n\nUSER root\n", nil, false},
		{"not directly above", "FROM debian:12-slim\n# dlint ignore=root-user\nRUN true\nUSER root\n", []string{"4 root-user"}, true},
		{"above FROM covers only FROM", "# dlint ignore=root-user\nFROM debian:12-slim\nUSER root\n", []string{"3 root-user"}, true},
		{"continuation lines", "FROM debian:12-slim\n# dlint ignore=sudo\nRUN apt-get update && \\\n    sudo apt-get install -y curl\nRUN sudo true\n", []string{"5 sudo"}, false},
		{"global anywhere", "FROM debian:12-slim\nRUN sudo true\nUSER root\n# dlint global ignore=sudo,DL3002\n", nil, false},
		{"hadolint", "FROM debian:12-slim\n# hadolint ignore=DL3004,DL3008\nRUN sudo true\nUSER root\n", []string{"4 root-user"}, false},
		{"hadolint global", "FROM debian:12-slim\n# hadolint global ignore=DL3002\nRUN sudo true\nUSER root\n", []string{"3 sudo"}, false},
		{"check directive", "# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM debian:12-slim\nCMD /usr/local/bin/app\n", nil, false},
		{"check above an instruction", "FROM debian:12-slim\n# check=skip=JSONArgsRecommended\nCMD /usr/local/bin/app\n", nil, false},
		{"only the first check comment counts", "FROM debian:12-slim\n# check=skip=StageNameCasing\n# check=skip=JSONArgsRecommended\nCMD /usr/local/bin/app\n", []string{"4 shell-form-pid1"}, true},
		{"check skip=all is BuildKit's", "# check=skip=all\nFROM debian:12-slim\nCMD /usr/local/bin/app\n", []string{"3 shell-form-pid1"}, true},
		{"check directive after a blank line is a per-instruction comment", "\n# check=skip=JSONArgsRecommended\nFROM debian:12-slim\nCMD /usr/local/bin/app\n", []string{"4 shell-form-pid1"}, true},
		{"inside a heredoc", "FROM debian:12-slim\nRUN <<EOF\n# dlint global ignore=sudo\nsudo true\nEOF\n", []string{"4 sudo"}, true},
		{"prose mentioning dlint", "FROM debian:12-slim\n# dlint is run in CI; it ignores nothing here\nUSER root\n", []string{"3 root-user"}, true},
		// A peer code two rules have as an alias silences both.
		{"hadolint code of two rules", "FROM debian:12-slim\n# hadolint ignore=DL3025\nENTRYPOINT /usr/local/bin/app\nCMD [\"--verbose\"]\n", nil, false},
		{"without it both report", "FROM debian:12-slim\nENTRYPOINT /usr/local/bin/app\nCMD [\"--verbose\"]\n", []string{"2 entrypoint-ignores-cmd", "2 shell-form-pid1"}, true},
		{"check code of two rules", "FROM debian:12-slim\n# check=skip=JSONArgsRecommended\nENTRYPOINT /usr/local/bin/app\nCMD [\"--verbose\"]\n", nil, false},
		{"DL3066 is numeric-user", "FROM debian:12-slim\nRUN useradd --uid 10001 app\n# hadolint ignore=DL3066\nUSER app\n", nil, false},
		// hadolint 2.15's stage ignore: the stage below the comment, to the next FROM.
		{"hadolint stage ignore", "# hadolint stage ignore=DL3002,DL3004\nFROM debian:12-slim\nRUN sudo true\nUSER root\n", nil, false},
		{"hadolint stage ignore ends at the next FROM", "# hadolint stage ignore=DL3004\nFROM debian:12-slim AS build\nRUN sudo true\nFROM debian:12-slim\nRUN sudo true\n", []string{"5 sudo"}, false},
		{"hadolint stage ignore of a later stage", "FROM debian:12-slim AS build\nRUN sudo true\n# hadolint stage ignore=DL3004\nFROM debian:12-slim\nRUN sudo true\nUSER root\n", []string{"2 sudo", "6 root-user"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, errs := lintTree(t, map[string]string{"Dockerfile": c.text}, pool, Options{})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			var want []string
			for _, w := range c.want {
				want = append(want, "Dockerfile:"+w)
			}
			sameList(t, "findings", got, want)
			all, _ := lintTree(t, map[string]string{"Dockerfile": c.text}, pool, Options{NoIgnore: true})
			if !c.silencesNothing && len(all) <= len(c.want) {
				t.Errorf("--no-ignore should bring back the silenced findings: %v", all)
			}
		})
	}
}

func TestMalformedPragmas(t *testing.T) {
	pool := ruleSet(t, "root-user")
	cases := map[string]string{
		"# dlint ignore=root-usr":      `Dockerfile:2:16: invalid ignore comment: unknown rule "root-usr" in ` + "`# dlint ignore`",
		"# dlint ignore":               "Dockerfile:2:3: invalid ignore comment: `# dlint ignore` names no rule",
		"# dlint ignore=":              "Dockerfile:2:16: invalid ignore comment: `# dlint ignore=` names no rule",
		"# dlint global root-user":     "Dockerfile:2:3: invalid ignore comment: `# dlint global` must be followed by `ignore=rule-a,rule-b`",
		"# dlint disable=root-user":    `Dockerfile:2:3: invalid ignore comment: unknown dlint comment "dlint disable=root-user"`,
		"# dlint ignore=root-user,bad": `Dockerfile:2:26: invalid ignore comment: unknown rule "bad"`,
	}
	for comment, want := range cases {
		got, errs := lintTree(t, map[string]string{"Dockerfile": "FROM debian:12-slim\n" + comment + "\nUSER root\n"}, pool, Options{})
		if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
			t.Errorf("%s:\n got %v\nwant %s…", comment, errs, want)
		}
		if len(got) == 0 && !strings.Contains(comment, "root-user") {
			t.Errorf("%s: the file is still linted, got no finding", comment)
		}
		// --no-ignore reads no comment, so it finds nothing wrong with them.
		if _, errs := lintTree(t, map[string]string{"Dockerfile": "FROM debian:12-slim\n" + comment + "\nUSER root\n"}, pool, Options{NoIgnore: true}); len(errs) > 0 {
			t.Errorf("%s with --no-ignore: %v", comment, errs)
		}
	}
	// hadolint's pragmas with codes dlint does not know are left alone.
	if _, errs := lintTree(t, map[string]string{"Dockerfile": "FROM debian:12-slim\n# hadolint ignore=DL9999,SC2086\nUSER root\n"}, pool, Options{}); len(errs) > 0 {
		t.Errorf("hadolint codes: %v", errs)
	}
}

func TestComposePragmas(t *testing.T) {
	pool := ruleSet(t, "root-user", "published-on-all-interfaces")
	compose := `services:
  # dlint ignore=root-user
  web:
    image: nginx:1.27
    user: root
  api:
    image: example/api:1
    # dlint ignore=DL3002
    user: root
  db:
    image: postgres:16
    user: root # dlint ignore=root-user
  worker:
    image: example/worker:1
    user: root
    ports:
      # dlint ignore=published-on-all-interfaces
      - "5432:5432"
      - "6379:6379"
`
	got, errs := lintTree(t, map[string]string{"compose.yaml": compose}, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "compose", got, []string{"compose.yaml:15 root-user", "compose.yaml:19 published-on-all-interfaces"})

	global := "# dlint global ignore=root-user\nservices:\n  web:\n    image: nginx:1.27\n    user: root\n"
	got, _ = lintTree(t, map[string]string{"compose.yaml": global}, pool, Options{})
	sameList(t, "global", got, nil)

	// postgres's entrypoint drops to the postgres user even under
	// `user: root`, so db has nothing to ignore.
	got, _ = lintTree(t, map[string]string{"compose.yaml": compose}, pool, Options{NoIgnore: true})
	if len(got) != 5 {
		t.Errorf("--no-ignore: %v", got)
	}

	_, errs = lintTree(t, map[string]string{"compose.yaml": "services:\n  # dlint ignore=rootuser\n  web:\n    image: nginx\n"}, pool, Options{})
	if len(errs) != 1 || !strings.HasPrefix(errs[0], `compose.yaml:2:18: invalid ignore comment: unknown rule "rootuser"`) {
		t.Errorf("malformed compose pragma: %v", errs)
	}
	// A comment-like line inside a block scalar is text, not a pragma.
	block := "services:\n  web:\n    image: nginx:1.27\n    command:\n      - sh\n      - -c\n      - |\n        # dlint ignore=rootuser\n        exec nginx\n    user: root\n"
	got, errs = lintTree(t, map[string]string{"compose.yaml": block}, pool, Options{})
	if len(errs) > 0 || len(got) != 1 {
		t.Errorf("block scalar: %v %v", got, errs)
	}
}

// TestDockerfileCommentSilencesComposeService: a finding a compose service
// gets from its Dockerfile is silenced by a comment in the Dockerfile.
func TestDockerfileCommentSilencesComposeService(t *testing.T) {
	pool := ruleSet(t, "root-user")
	files := map[string]string{
		"compose.yaml": "services:\n  app:\n    build: .\n",
		"Dockerfile":   "FROM debian:12-slim\n# dlint ignore=root-user\nUSER root\nCMD [\"app\"]\n",
	}
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "silenced", got, nil)
	got, _ = lintTree(t, files, pool, Options{NoIgnore: true})
	sameList(t, "--no-ignore", got, []string{"Dockerfile:3 root-user"})
}

func TestScriptPragmas(t *testing.T) {
	pool := ruleSet(t, "entrypoint-script-missing-exec", "unused-ignore")
	dockerfile := "FROM debian:12-slim\nCOPY entrypoint.sh /entrypoint.sh\nUSER 10001\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [\"app\"]\n"
	script := "#!/bin/sh\nset -e\n# dlint ignore=entrypoint-script-missing-exec\n\"$@\"\n"
	files := map[string]string{"Dockerfile": dockerfile, "entrypoint.sh": script}
	got, errs := lintTree(t, files, pool, Options{ReportUnusedIgnores: true})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "silenced", got, nil)
	got, _ = lintTree(t, files, pool, Options{NoIgnore: true})
	sameList(t, "--no-ignore", got, []string{"entrypoint.sh:4 entrypoint-script-missing-exec"})
	files["entrypoint.sh"] = "#!/bin/sh\n# dlint ignore=entrypoint-script-missing-exec\necho starting\n\"$@\"\n"
	got, _ = lintTree(t, files, pool, Options{ReportUnusedIgnores: true})
	sameList(t, "one line only", got, []string{"entrypoint.sh:2 unused-ignore", "entrypoint.sh:4 entrypoint-script-missing-exec"})
}

func TestUnusedIgnoreSettings(t *testing.T) {
	pool := ruleSet(t, "root-user", "sudo", "unused-ignore")
	dockerfile := "FROM debian:12-slim\n# dlint ignore=root-user\nUSER 10001\n"
	files := map[string]string{"Dockerfile": dockerfile}
	got, _ := lintTree(t, files, pool, Options{})
	sameList(t, "off by default", got, nil)
	got, _ = lintTree(t, files, pool, Options{ReportUnusedIgnores: true})
	sameList(t, "flag", got, []string{"Dockerfile:2 unused-ignore"})
	got, _ = lintTree(t, files, pool, Options{Enable: ruleSet(t, "unused-ignore")})
	sameList(t, "--enable", got, []string{"Dockerfile:2 unused-ignore"})
	got, _ = lintTree(t, files, pool, Options{ReportUnusedIgnores: true, Disable: ruleSet(t, "root-user")})
	sameList(t, "a rule that did not run is not judged", got, nil)
	files[".dlint.yaml"] = "report-unused-ignores: true\n"
	got, _ = lintTree(t, files, pool, Options{})
	sameList(t, "config key", got, []string{"Dockerfile:2 unused-ignore"})
	files[".dlint.yaml"] = "report-unused-ignores: true\nrules:\n  root-user: off\n"
	got, _ = lintTree(t, files, pool, Options{})
	sameList(t, "rule off in config", got, nil)
	files[".dlint.yaml"] = "rules:\n  unused-ignore: warning\n"
	got, errs := lintTree(t, files, pool, Options{})
	sameList(t, "severity turns it on", got, []string{"Dockerfile:2 unused-ignore"})
	if len(errs) > 0 {
		t.Error(errs)
	}
}

func TestParseComment(t *testing.T) {
	lookup := newRuleLookup(rules.All())
	forms := []pragmaForm{formDlint, formHadolint, formCheck}
	cases := []struct {
		text   string
		global bool
		names  string // name@col…
	}{
		{"# dlint ignore=root-user", false, "root-user@16"},
		{"#dlint ignore=root-user,DL3004", false, "root-user@15 DL3004@25"},
		{"# dlint global ignore = root-user , sudo reason", true, "root-user@25 sudo@37"},
		{"# hadolint ignore=DL3002,SC2086", false, "DL3002@19 SC2086@26"},
		{"# check=skip=JSONArgsRecommended,Other;error=true", false, "JSONArgsRecommended@14 Other@34"},
		{"# check=error=true;skip=JSONArgsRecommended // why", false, "JSONArgsRecommended@25"},
		{"# hadolint stage ignore=DL3002", false, "DL3002@25"},
	}
	for _, c := range cases {
		p, perr := parseComment(c.text, 1, forms, lookup)
		if perr != nil || p == nil {
			t.Errorf("%q: %v %v", c.text, p, perr)
			continue
		}
		var names []string
		for _, n := range p.names {
			names = append(names, fmt.Sprintf("%s@%d", n.name, n.col))
		}
		if p.global != c.global || strings.Join(names, " ") != c.names {
			t.Errorf("%q: global=%v names=%v, want %v %s", c.text, p.global, names, c.global, c.names)
		}
	}
	for _, text := range []string{"# plain comment", "# dlint: see docs", "# hadolint is great", "# check this out", "#"} {
		if p, perr := parseComment(text, 1, forms, lookup); p != nil || perr != nil {
			t.Errorf("%q is not a pragma: %+v %+v", text, p, perr)
		}
	}
}

func TestMayHavePragmas(t *testing.T) {
	for text, want := range map[string]bool{
		"FROM x\n":                           false,
		"# dlint ignore=a\n":                 true,
		"# hadolint ignore=DL3002\n":         true,
		"# CHECK=skip=JSONArgsRecommended\n": true,
		"ENV A=b C=d\n":                      false,
	} {
		if got := mayHavePragmas([]byte(text)); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// TestComposeExtendsPragma: a comment in a file reached through
// extends.file silences the finding it holds.
func TestComposeExtendsPragma(t *testing.T) {
	pool := ruleSet(t, "root-user")
	files := map[string]string{
		"compose.yaml": "services:\n  web:\n    extends:\n      file: base.yml\n      service: base\n",
		"base.yml":     "services:\n  base:\n    image: nginx:1.27\n    # dlint ignore=root-user\n    user: root\n",
	}
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "extends", got, nil)
	got, _ = lintTree(t, files, pool, Options{NoIgnore: true})
	sameList(t, "--no-ignore", got, []string{"base.yml:5 root-user"})
}

// FuzzPragmas: no comment or file text makes the pragma readers panic, and
// every position they report lies on the comment's line.
func FuzzPragmas(f *testing.F) {
	for _, s := range []string{
		"# dlint ignore=root-user", "# dlint global ignore=a, b c", "# hadolint ignore=DL3002",
		"# check=skip=A;skip=B", "# check=error=true;skip=JSONArgsRecommended x", "#dlint ignore=", "# dlint ignore=,",
		"# check=skip=a,a;a", "# dlint  global\tignore =\tsudo", "# dlint ignore=é,ü",
	} {
		f.Add(s)
	}
	lookup := newRuleLookup(rules.All())
	f.Fuzz(func(t *testing.T, text string) {
		text = "#" + strings.TrimPrefix(text, "#")
		p, perr := parseComment(text, 3, []pragmaForm{formDlint, formHadolint, formCheck}, lookup)
		limit := 3 + len([]rune(text))
		if perr != nil && (perr.col < 3 || perr.col > limit) {
			t.Errorf("%q: error column %d out of the comment", text, perr.col)
		}
		if p != nil {
			for _, n := range p.names {
				if n.col < 3 || n.endCol > limit || n.endCol <= n.col {
					t.Errorf("%q: name %q at %d-%d out of the comment", text, n.name, n.col, n.endCol)
				}
			}
		}
		src := parser.NewSource("compose.yaml", []byte("services:\n  web:\n    "+text+"\n    image: x\n"+text+"\n"))
		composePragmas(src, lookup)
		scriptPragmas(parser.NewSource("s.sh", []byte(text+"\necho\n"+text)), lookup)
	})
}

// TestSharedAliasInConfig: a peer code several rules have as an alias sets
// all of them in .dlint.yaml, as it silences all of them in a comment.
func TestSharedAliasInConfig(t *testing.T) {
	pool := ruleSet(t, "shell-form-pid1", "entrypoint-ignores-cmd", "root-user")
	files := map[string]string{
		"Dockerfile":  "FROM debian:12-slim\nENTRYPOINT /usr/local/bin/app\nCMD [\"--verbose\"]\nUSER root\n",
		".dlint.yaml": "rules:\n  DL3025: off\n",
	}
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "DL3025: off", got, []string{"Dockerfile:4 root-user"})
	files[".dlint.yaml"] = "rules:\n  DL3025: off\n  shell-form-pid1: on\n"
	if _, errs := lintTree(t, files, pool, Options{}); len(errs) != 1 || !strings.Contains(errs[0], "rule shell-form-pid1 is set twice") {
		t.Errorf("setting a rule through its shared alias and its ID: %v", errs)
	}
}
