package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/images"
)

// testVendor stands for vendor.json: the OS bases the FROM chains end in.
const testVendor = `{"images": [
 {"image": "scratch", "variants": [{"tags": ["*"], "shell": "none", "source": "test"}]},
 {"image": "debian", "variants": [{"tags": ["*"], "shell": "dash", "cmd": ["bash"], "user_tool": "useradd", "base": true,
   "accounts": [{"name": "www-data", "uid": 33, "gid": 33}], "source": "test"}]},
 {"image": "alpine", "variants": [{"tags": ["*"], "shell": "ash", "cmd": ["/bin/sh"], "user_tool": "adduser", "base": true, "source": "test"}]}
]}`

// testRepo is the build contexts of the synthetic official images.
var testRepo = map[string]string{
	"db/Dockerfile": `FROM debian:bookworm-slim
RUN groupadd -r -g 999 db && useradd -r -g db --uid=999 db
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE 5432
CMD ["dbd"]
`,
	"db/docker-entrypoint.sh": `#!/bin/sh
set -e
if [ "$(id -u)" = '0' ]; then
	exec gosu db "$0" "$@"
fi
exec "$@"
`,
	"db-alpine/Dockerfile": `FROM alpine:3.20
RUN addgroup -S -g 70 db && adduser -S -D -u 70 -G db db
COPY *.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["dbd"]
`,
	"db-alpine/docker-entrypoint.sh": `#!/bin/sh
[ "$(id -u)" = 0 ] && exec su-exec db:db "$0" "$@"
exec "$@"
`,
	// buildbase sets no CMD: it keeps debian's bash.
	"buildbase/Dockerfile": `FROM debian:bookworm
RUN apt-get update
`,
	"lang/Dockerfile": `FROM buildbase:bookworm
ENV LANG C.UTF-8
CMD ["python3"]
`,
	"app/Dockerfile": `FROM lang:3.12-bookworm
RUN useradd --uid 1000 --create-home app
COPY run.sh /run.sh
USER app
ENTRYPOINT ["tini", "--", "/run.sh"]
CMD ["serve"]
`,
	"app/run.sh": `#!/bin/sh
gosu nobody true
exec "$@"
`,
	// An init in one branch only, and a drop only checked, never exec'd.
	"tool/Dockerfile": `FROM alpine:3.20
COPY entry.sh /
ENTRYPOINT ["/entry.sh"]
CMD ["tool"]
`,
	"tool/entry.sh": `#!/bin/sh
if [ -n "$RESTORE" ]; then
	exec tini -- restore "$@"
fi
gosu nobody true
exec "$@"
`,
}

// old builds on a tag the library no longer lists, which a pattern
// covers; stale on one only the catch-all would, which is not taken.
func init() {
	testRepo["old/Dockerfile"] = "FROM lang:3.7-bookworm\nRUN userdel --remove www-data\nCMD [\"python3\", \"app.py\"]\n"
	testRepo["stale/Dockerfile"] = "FROM db:0.9\nCMD [\"x\"]\n"
	// jre runs nothing without a CMD; dind's script sets its own.
	testRepo["jre/Dockerfile"] = "FROM alpine:3.20\nCOPY entry.sh /\nENTRYPOINT [\"/entry.sh\"]\n"
	testRepo["jre/entry.sh"] = "#!/bin/sh\nexec \"$@\"\n"
	testRepo["dind/Dockerfile"] = "FROM alpine:3.20\nCOPY dind.sh /\nENTRYPOINT [\"/dind.sh\"]\nCMD []\n"
	testRepo["dind/dind.sh"] = "#!/bin/sh\nif [ \"$#\" -eq 0 ]; then\n\tset -- dockerd\nfi\nexec \"$@\"\n"
	for _, name := range []string{"jre", "dind"} {
		testLibrary[name] = "GitRepo: https://github.com/acme/images.git\nGitCommit: COMMIT\n\nTags: 1.0, latest\nDirectory: " + name + "\n"
	}
	// fpm's workers are www-data; fpmuser runs it as USER app, fpmcli runs php -S.
	testRepo["fpm/Dockerfile"] = "FROM debian:bookworm\nRUN ./configure --with-fpm-user=www-data --with-fpm-group=www-data\nCMD [\"php-fpm\"]\n"
	testRepo["fpmuser/Dockerfile"] = "FROM fpm:latest\nUSER 1000\n"
	testRepo["fpmcli/Dockerfile"] = "FROM fpm:latest\nCMD [\"php\", \"-S\", \"0.0.0.0:80\"]\n"
	for _, name := range []string{"fpm", "fpmuser", "fpmcli"} {
		testLibrary[name] = "GitRepo: https://github.com/acme/images.git\nGitCommit: COMMIT\n\nTags: 1.0, latest\nDirectory: " + name + "\n"
	}
	testRepo["db-win/Dockerfile"] = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD [\"dbd.exe\"]\n"
	// db's perl variant builds on db itself, at a version not listed.
	testRepo["db-perl/Dockerfile"] = "FROM db:2.0.9\nRUN apt-get install -y perl\n"
	for _, name := range []string{"old", "stale"} {
		testLibrary[name] = "GitRepo: https://github.com/acme/images.git\nGitCommit: COMMIT\n\nTags: 1.0, latest\nDirectory: " + name + "\n"
	}
}

var testLibrary = map[string]string{
	"db": `Maintainers: Test (@test)
GitRepo: https://github.com/acme/images.git
GitCommit: COMMIT

Tags: 2.1.0, 2.1, 2, latest
Architectures: amd64, arm64v8
Directory: db

Tags: 2.1.0-alpine3.20, 2.1-alpine3.20, 2.1-alpine, alpine
Architectures: amd64
Directory: db-alpine

Tags: 2.1.0-perl, perl
Directory: db-perl

Tags: 2.1.0-windowsservercore-ltsc2022
SharedTags: 2.1.0-windowsservercore, windowsservercore, 2.1, latest
Architectures: windows-amd64
Constraints: windowsservercore-ltsc2022
Directory: db-win
`,
	"buildbase": `GitRepo: https://github.com/acme/images.git

Tags: bookworm, latest
GitCommit: COMMIT
Directory: buildbase
`,
	"lang": `GitRepo: https://github.com/acme/images.git
GitCommit: COMMIT

Tags: 3.12.1-bookworm, 3.12-bookworm, 3.12, latest
Directory: lang
`,
	"app": `GitRepo: https://github.com/acme/images.git
GitCommit: COMMIT

Tags: 1.0, latest
Directory: app
`,
	"tool": `GitRepo: https://github.com/acme/images.git
GitCommit: COMMIT

Tags: 1.0, latest
Directory: tool
`,
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// generateTest builds the synthetic repository and library, runs the
// generator and returns its catalogue.
func generateTest(t *testing.T) *images.Catalog {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	repo := filepath.Join(root, "mirrors", "acme", "images")
	for name, text := range testRepo {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	gitIn(t, repo, "init", "-q")
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-q", "-m", "images")
	commit := gitIn(t, repo, "rev-parse", "HEAD")
	// The working tree goes: the generator reads the commit only.
	if err := os.WriteFile(filepath.Join(repo, "db", "docker-entrypoint.sh"), []byte("#!/bin/sh\nexec \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}

	official := filepath.Join(root, "official")
	if err := os.MkdirAll(filepath.Join(official, "library"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range testLibrary {
		if err := os.WriteFile(filepath.Join(official, "library", name), []byte(strings.ReplaceAll(text, "COMMIT", commit)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vendor := filepath.Join(root, "vendor.json")
	if err := os.WriteFile(vendor, []byte(testVendor), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "official.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-official", official, "-mirrors", filepath.Join(root, "mirrors"), "-vendor", vendor, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := images.Decode(data)
	if err != nil {
		t.Fatalf("the output does not decode: %v", err)
	}
	for _, e := range entries {
		for _, v := range e.Variants {
			if !strings.Contains(v.Source, "github.com/acme/images@"+commit+":") {
				t.Errorf("%s %v: source %q does not name the repository and commit", e.Image, v.Tags, v.Source)
			}
		}
	}
	return (&images.Catalog{}).With("test", entries)
}

func lookup(t *testing.T, c *images.Catalog, name, tag string) *images.Image {
	t.Helper()
	im, ok := c.Lookup(name, tag)
	if !ok {
		t.Fatalf("%s:%s not found", name, tag)
	}
	return im
}

func TestGenerateDropAndAccounts(t *testing.T) {
	c := generateTest(t)
	db := lookup(t, c, "db", "latest")
	if db.DropsTo != "db" || db.DropTool != "gosu" {
		t.Errorf("db drops to %q with %q, want db with gosu", db.DropsTo, db.DropTool)
	}
	if a, ok := db.Account("db"); !ok || a.UID != 999 || a.GID != 999 {
		t.Errorf("db account = %+v, %v; want 999:999", a, ok)
	}
	if _, ok := db.Account("www-data"); !ok {
		t.Errorf("db lacks the accounts of its Debian base: %+v", db.Accounts)
	}
	if db.Shell != images.ShellDash || db.UserTool != "useradd" || !db.Exposes("5432") || db.Base {
		t.Errorf("db facts = %+v", db.Facts)
	}
	if !reflect.DeepEqual(db.Entrypoint, []string{"docker-entrypoint.sh"}) || !reflect.DeepEqual(db.Cmd, []string{"dbd"}) {
		t.Errorf("db entrypoint/cmd = %v %v", db.Entrypoint, db.Cmd)
	}

	alp := lookup(t, c, "db", "alpine")
	if alp.Shell != images.ShellAsh || alp.UserTool != "adduser" || alp.DropsTo != "db" || alp.DropTool != "su-exec" {
		t.Errorf("db:alpine facts = %+v", alp.Facts)
	}
	if a, ok := alp.Account("db"); !ok || a.UID != 70 || a.GID != 70 {
		t.Errorf("db:alpine account = %+v, %v; want 70:70", a, ok)
	}
}

func TestGenerateTagPatterns(t *testing.T) {
	c := generateTest(t)
	for _, tc := range []struct {
		tag, pattern string
		shell        images.Shell
	}{
		{"2.1", "2.1", images.ShellDash},
		{"1.9.3-alpine3.18", "*-alpine*", images.ShellAsh},
		{"1.9-alpine", "*-alpine", images.ShellAsh},
		{"alpine3.19", "alpine*", images.ShellAsh},
		{"1.9.3", "*", images.ShellDash}, // the catch-all has latest's facts
		{"", "latest", images.ShellDash},
	} {
		im := lookup(t, c, "db", tc.tag)
		if im.Pattern != tc.pattern || im.Shell != tc.shell {
			t.Errorf("db:%s matched %q with shell %q, want %q with %q", tc.tag, im.Pattern, im.Shell, tc.pattern, tc.shell)
		}
	}
	if im := lookup(t, c, "lang", "3.7-bookworm"); im.Pattern != "*-bookworm" {
		t.Errorf("lang:3.7-bookworm matched %q, want *-bookworm", im.Pattern)
	}
}

func TestGenerateFromChain(t *testing.T) {
	c := generateTest(t)
	// lang builds on buildbase, which builds on debian: dash from the
	// OS at the root; buildbase keeps debian's CMD bash, lang runs python3.
	bb := lookup(t, c, "buildbase", "bookworm")
	if !bb.Base || !reflect.DeepEqual(bb.Cmd, []string{"bash"}) || bb.Shell != images.ShellDash {
		t.Errorf("buildbase facts = %+v", bb.Facts)
	}
	lang := lookup(t, c, "lang", "3.7")
	if !lang.Base || lang.Shell != images.ShellDash || !reflect.DeepEqual(lang.Cmd, []string{"python3"}) {
		t.Errorf("lang facts = %+v", lang.Facts)
	}
	app := lookup(t, c, "app", "latest")
	if app.Init != "tini" || app.Base || app.Shell != images.ShellDash {
		t.Errorf("app facts = %+v", app.Facts)
	}
	if app.User != "app" || app.UID == nil || *app.UID != 1000 {
		t.Errorf("app user = %q uid %v, want app 1000", app.User, app.UID)
	}
	if app.DropsTo != "" {
		t.Errorf("app drops to %q: `gosu nobody true` checks gosu, it drops nothing", app.DropsTo)
	}
}

func TestGenerateOldBaseTags(t *testing.T) {
	c := generateTest(t)
	old := lookup(t, c, "old", "latest")
	if old.Shell != images.ShellDash || old.Base {
		t.Errorf("old facts = %+v; want dash through lang's *-bookworm pattern, no base", old.Facts)
	}
	if _, ok := old.Account("www-data"); ok {
		t.Errorf("old keeps www-data, which its Dockerfile deletes")
	}
	if perl := lookup(t, c, "db", "perl"); perl.DropsTo != "db" || perl.Shell != images.ShellDash {
		t.Errorf("db:perl facts = %+v; want db:latest's, through db's own catch-all", perl.Facts)
	}
	if stale := lookup(t, c, "stale", "latest"); stale.Shell != images.ShellUnknown {
		t.Errorf("stale shell %q: db:0.9 is matched by the catch-all only, which says nothing of old releases", stale.Shell)
	}
}

func TestGenerateBaseWithoutCmd(t *testing.T) {
	c := generateTest(t)
	if jre := lookup(t, c, "jre", "latest"); !jre.Base {
		t.Errorf("jre: entrypoint %v execs \"$@\" of no CMD, runs no application: want base", jre.Entrypoint)
	}
	if dind := lookup(t, c, "dind", "latest"); dind.Base {
		t.Errorf("dind: its entrypoint sets dockerd when given no CMD: not a base")
	}
}

func TestGenerateWindowsSharedTags(t *testing.T) {
	c := generateTest(t)
	if w := lookup(t, c, "db", "windowsservercore"); w.Shell != images.ShellWindows {
		t.Errorf("db:windowsservercore shell %q (pattern %q), want windows", w.Shell, w.Pattern)
	}
	// 2.1 and latest are shared with the Linux entry, which wins.
	for _, tag := range []string{"2.1", "latest"} {
		if im := lookup(t, c, "db", tag); im.Shell != images.ShellDash {
			t.Errorf("db:%s shell %q, want the Linux entry's dash", tag, im.Shell)
		}
	}
}

func TestGenerateWorkers(t *testing.T) {
	c := generateTest(t)
	if fpm := lookup(t, c, "fpm", "latest"); fpm.Workers != "www-data" {
		t.Errorf("fpm workers %q, want www-data from --with-fpm-user", fpm.Workers)
	}
	for _, name := range []string{"fpmuser", "fpmcli"} {
		if im := lookup(t, c, name, "latest"); im.Workers != "" {
			t.Errorf("%s workers %q: its master is not a root php-fpm", name, im.Workers)
		}
	}
}

func TestGenerateNoInitInOneBranch(t *testing.T) {
	c := generateTest(t)
	tool := lookup(t, c, "tool", "latest")
	if tool.Init != "" || tool.DropsTo != "" {
		t.Errorf("tool init %q drops to %q; want neither: tini runs on one branch, gosu only checks", tool.Init, tool.DropsTo)
	}
	if tool.Shell != images.ShellAsh || tool.Base {
		t.Errorf("tool facts = %+v", tool.Facts)
	}
}

func TestGeneralize(t *testing.T) {
	for tag, want := range map[string]string{
		"17.2-bookworm":                   "*-bookworm",
		"17.2-alpine3.24":                 "*-alpine*",
		"alpine3.24":                      "alpine*",
		"26.7.0-bookworm-slim":            "*-bookworm-slim",
		"3.12-windowsservercore-ltsc2022": "*-windowsservercore-ltsc*",
		"19beta3-trixie":                  "*-trixie",
		"lts-alpine":                      "lts-alpine",
		"latest":                          "latest",
		"21.0.5_11-jdk-noble":             "*-jdk-noble",
	} {
		if got := generalize(tag); got != want {
			t.Errorf("generalize(%q) = %q, want %q", tag, got, want)
		}
	}
	got := patternsOf("26.7.0-bookworm-slim")
	want := map[string]int{"*-bookworm-slim": 1, "*-slim": 2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("patternsOf = %v, want %v", got, want)
	}
}

func TestParseAccountCommand(t *testing.T) {
	for _, tc := range []struct {
		tool, args string
		want       accountOp
	}{
		{"useradd", "-r -g postgres --uid=999 --home-dir=/var/lib/postgresql postgres", accountOp{name: "postgres", id: 999, gid: "postgres", long: true}},
		{"useradd", "-u 1000 -g node -s /bin/bash -m node", accountOp{name: "node", id: 1000, gid: "node"}},
		{"useradd", "-rm app", accountOp{name: "app", id: -1}},
		{"groupadd", "--system --gid 101 nginx", accountOp{group: true, name: "nginx", id: 101, long: true}},
		{"adduser", "-S -D -H -u 70 -G postgres -s /bin/sh postgres", accountOp{name: "postgres", id: 70, gid: "postgres"}},
		{"adduser", "--system --uid 33 www-data", accountOp{name: "www-data", id: 33, gid: "nogroup", long: true}},
		{"addgroup", "-g 82 -S www-data", accountOp{group: true, name: "www-data", id: 82}},
		{"addgroup", "redis tty", accountOp{group: true, name: "redis", id: -1, memberOf: "tty"}},
	} {
		got := parseAccountCommand(tc.tool, strings.Fields(tc.args))
		if got != tc.want {
			t.Errorf("%s %s = %+v, want %+v", tc.tool, tc.args, got, tc.want)
		}
	}
}

func TestParseLibrary(t *testing.T) {
	data := `# comment
Maintainers: A (@a),
             B (@b)
GitRepo: https://github.com/x/y.git
GitCommit: aaaa

Tags: 1.0, latest
SharedTags: 1
Architectures: arm64v8, amd64
amd64-GitCommit: bbbb
Directory: 1.0/bookworm

Tags: 1.0-windowsservercore-ltsc2022
Architectures: windows-amd64
Constraints: windowsservercore-ltsc2022
Directory: 1.0/windows
File: Dockerfile.win
`
	got := parseLibrary([]byte(data))
	if len(got) != 2 {
		t.Fatalf("got %d entries, want 2", len(got))
	}
	e := got[0]
	if e.GitCommit != "bbbb" || e.GitRepo != "https://github.com/x/y.git" || e.Directory != "1.0/bookworm" || e.File != "Dockerfile" || !reflect.DeepEqual(e.Tags, []string{"1.0", "latest"}) || !reflect.DeepEqual(e.SharedTags, []string{"1"}) || e.Windows() {
		t.Errorf("entry 0 = %+v", e)
	}
	w := got[1]
	if w.GitCommit != "aaaa" || w.File != "Dockerfile.win" || !w.Windows() {
		t.Errorf("entry 1 = %+v", w)
	}
}
