package parser

import (
	"strings"
	"testing"
)

func TestPackageCommand(t *testing.T) {
	cases := []struct {
		script, manager, sub, operands string
		installs                       bool
	}{
		{"apt-get -o Dpkg::Options::=--force-confold -y install curl git", "apt-get", "install", "curl git", true},
		{"sudo apt install -t bookworm-backports curl", "apt", "install", "curl", true},
		{"python3.12 -m pip install -r requirements.txt flask==3.0", "pip", "install", "flask==3.0", true},
		{"pip3.11 install -e . --index-url https://x/simple requests", "pip", "install", "requests", true},
		{"yarn global add typescript", "yarn", "add", "typescript", true},
		{"npm ci", "npm", "ci", "", false},
		{"apk add --no-cache --virtual .build gcc", "apk", "add", "gcc", true},
		{"gem install -v 1.2 bundler", "gem", "install", "bundler", true},
		{"zypper -n in vim", "zypper", "in", "vim", true},
		{"apt-get update", "apt-get", "update", "", false},
		{"aptitude install -y vim", "aptitude", "install", "vim", true},
		{"gem install bundler:2.0.1 -- --use-system-libraries true", "gem", "install", "bundler:2.0.1", true},
		{"go install -ldflags \"-s -w\" ./cmd/app", "go", "install", "./cmd/app", true},
		{"dnf in -y mariadb", "dnf", "in", "mariadb", true},
		{"pnpm add -g --registry https://r.example typescript", "pnpm", "add", "typescript", true},
		{"cargo install --locked --git https://x/y --branch main --root /usr/local tool", "cargo", "install", "tool", true},
		{"cargo build --release --target x86_64-unknown-linux-musl", "cargo", "build", "", false},
	}
	for _, c := range cases {
		s := ParseShell(NewSource("x.sh", []byte(c.script)), c.script, nil)
		pc := s.Commands[0].Package()
		if pc == nil {
			t.Errorf("%q: not a package command", c.script)
			continue
		}
		var ops []string
		for _, w := range pc.Operands {
			ops = append(ops, w.Lit)
		}
		if pc.Manager != c.manager || pc.Sub != c.sub || strings.Join(ops, " ") != c.operands || pc.Installs() != c.installs {
			t.Errorf("%q: got %s %s [%s] installs=%v", c.script, pc.Manager, pc.Sub, strings.Join(ops, " "), pc.Installs())
		}
	}
	for _, notPkg := range []string{"echo apt-get install", "$PM install x", "python -m venv /v", "pipenv install x"} {
		s := ParseShell(NewSource("x.sh", []byte(notPkg)), notPkg, nil)
		if pc := s.Commands[0].Package(); pc != nil {
			t.Errorf("%q: read as %s %s", notPkg, pc.Manager, pc.Sub)
		}
	}
	s := ParseShell(NewSource("x.sh", nil), "apt-get -qy install x", nil)
	if pc := s.Commands[0].Package(); !pc.HasOption("-y") || pc.HasOption("-s") || !pc.HasOption("-q") {
		t.Errorf("HasOption misreads a group of short options")
	}
}

func TestPipesInto(t *testing.T) {
	text := "a | b | c && d | e; f"
	s := ParseShell(NewSource("x.sh", []byte(text)), text, nil)
	want := map[string]bool{"a": true, "b": true, "c": false, "d": true, "e": false, "f": false}
	for _, c := range s.Commands {
		if c.PipesInto != want[c.Name] {
			t.Errorf("%s: PipesInto %v, want %v", c.Name, c.PipesInto, want[c.Name])
		}
	}
}

// TestPackageCacheAndPrompt reads the cache and confirmation tables.
func TestPackageCacheAndPrompt(t *testing.T) {
	cases := []struct {
		script       string
		cleans, asks bool
	}{
		{"yum clean all", true, false},
		{"yum clean packages", false, false},
		{"zypper cc -a", true, false},
		{"apk cache clean", true, false},
		{"yarn cache clean", true, false},
		{"yum install httpd", false, true},
		{"yum -y install httpd", false, false},
		{"dnf group list", false, false},
		{"dnf group install 'Development Tools'", false, true},
		{"zypper -n install vim", false, false},
		{"zypper install vim", false, true},
		{"microdnf install vim", false, false},
		{"apt-get install vim", false, false},
	}
	for _, c := range cases {
		s := ParseShell(NewSource("x.sh", []byte(c.script)), c.script, nil)
		pc := s.Commands[0].Package()
		if pc == nil || pc.CleansCache() != c.cleans || pc.AsksConfirmation() != c.asks {
			t.Errorf("%q: got %+v", c.script, pc)
		}
	}
}

// TestBaseUserProvenRoot: steps before any USER that only root can run
// (without sudo) show the base image runs as root; sudo'd ones, or ones
// after a USER, do not.
func TestBaseUserProvenRoot(t *testing.T) {
	for text, want := range map[string]bool{
		"FROM acme/base:1\nRUN apt-get update && apt-get install -y git\n":      true,
		"FROM acme/base:1\nRUN useradd -m app\n":                                true,
		"FROM acme/base:1 AS a\nRUN apk add --no-cache git\nFROM a\nRUN make\n": true,
		"FROM acme/base:1\nRUN sudo apt-get install -y git\n":                   false,
		"FROM acme/base:1\nRUN apt-get --version && pip install flask\n":        false,
		"FROM acme/base:1\nUSER root\nRUN apt-get install -y git\n":             false,
	} {
		df := mustParseDockerfile(t, text)
		st := df.Stages[len(df.Stages)-1]
		if got := st.BaseUserProvenRoot(); got != want {
			t.Errorf("%q: BaseUserProvenRoot = %v, want %v", text, got, want)
		}
	}
}

func TestRunsScriptFile(t *testing.T) {
	for text, want := range map[string]bool{
		"/scripts/cleanup.sh": true, "./install.sh": true, "./configure": false, "bash setup.sh": true, "sh -e /opt/x/run": true,
		". /etc/profile.d/x.sh": true, "sh -c 'rm -rf /var/lib/apt/lists/*'": false, "rm -rf /tmp/x": false,
		"apt-get clean": false, "bash": false,
	} {
		s := ParseShell(NewSource("Dockerfile", []byte(text)), text, nil)
		if got := len(s.Commands) > 0 && s.Commands[0].RunsScriptFile(); got != want {
			t.Errorf("%q: RunsScriptFile = %v, want %v", text, got, want)
		}
	}
}
