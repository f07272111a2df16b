package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolveBuild(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-11-30T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	tests := []struct {
		name                string
		ldVersion, ldCommit string
		ldDate              string
		info                *debug.BuildInfo
		want                string
	}{{
		name:      "release build: -ldflags win over the build information",
		ldVersion: "1.2.3", ldCommit: "fedcba9", ldDate: "2026-12-01T00:00:00Z",
		info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs},
		want: "dlint 1.2.3 (commit fedcba9, built 2026-12-01T00:00:00Z, go1.26.8 ",
	}, {
		name: "go install module@version: the module version, no VCS",
		info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}},
		want: "dlint v1.4.0 (go1.26.8 ",
	}, {
		name: "build in a checkout: pseudo-version, revision, time, uncommitted changes",
		info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261130100000-0123456789ab+dirty"}, Settings: vcs},
		want: "dlint v0.0.0-20261130100000-0123456789ab+dirty (commit 0123456789abcdef0123456789abcdef01234567 with uncommitted changes, built 2026-11-30T10:00:00Z, go1.26.8 ",
	}, {
		name: "nothing known",
		info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
		want: "dlint devel (go1.26.8 ",
	}, {
		name: "no build information at all",
		want: "dlint devel (go",
	}, {
		name:      "a version from the Dockerfile's --build-arg alone keeps the checkout's commit",
		ldVersion: "1.2.3",
		info:      &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs[:3]},
		want:      "dlint 1.2.3 (commit 0123456789abcdef0123456789abcdef01234567, built 2026-11-30T10:00:00Z, go1.26.8 ",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolveBuild(tt.ldVersion, tt.ldCommit, tt.ldDate, tt.info).String()
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q…", got, tt.want)
			}
		})
	}
}

// buildDlint builds the dlint binary from the module in dir.
func buildDlint(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds dlint")
	}
	bin := filepath.Join(t.TempDir(), "dlint")
	cmd := exec.Command("go", append(append([]string{"build", "-o", bin}, args...), "./cmd/dlint")...)
	cmd.Dir = dir
	// GOFLAGS may carry -buildvcs=false (this machine's does).
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runBinary(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", bin, args, err, out)
	}
	return string(out)
}

// TestVersionFromLdflags: what a release stamps is what version and
// --version print.
func TestVersionFromLdflags(t *testing.T) {
	bin := buildDlint(t, repoFile("."), "-ldflags",
		"-X main.version=9.8.7 -X main.commit=abcdef1234567 -X main.date=2026-12-01T12:00:00Z")
	want := regexp.MustCompile(`^dlint 9\.8\.7 \(commit abcdef1234567, built 2026-12-01T12:00:00Z, go1\.\S+ \w+/\w+\)\n$`)
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if got := runBinary(t, bin, args...); !want.MatchString(got) {
			t.Errorf("dlint %v = %q, want %v", args, got, want)
		}
	}
}

// TestVersionFromBuildInfo: a build in a git checkout, without -ldflags,
// reports the checkout's commit, commit time and Go's pseudo-version.
// It builds a clone, as Go does not stamp VCS information in a git
// worktree (a .git file rather than a directory).
func TestVersionFromBuildInfo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dlint")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root, err := filepath.Abs(repoFile("."))
	if err != nil {
		t.Fatal(err)
	}
	git := func(dir string, args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Skipf("git %v: %v (not a git checkout?)", args, err)
		}
		return strings.TrimSpace(string(out))
	}
	head := git(root, "rev-parse", "HEAD")
	clone := filepath.Join(t.TempDir(), "src")
	if out, err := exec.Command("git", "clone", "--quiet", "--no-checkout", root, clone).CombinedOutput(); err != nil {
		t.Skipf("git clone: %v\n%s", err, out)
	}
	git(clone, "checkout", "--quiet", head)
	commitTime := git(clone, "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%dT%H:%M:%SZ")

	bin := buildDlint(t, clone)
	got := runBinary(t, bin, "--version")
	want := regexp.MustCompile(`^dlint v\d+\.\d+\.\d+-\S*` + head[:12] + ` \(commit ` + head + `, built ` + commitTime + `, go1\.\S+ \w+/\w+\)\n$`)
	if !want.MatchString(got) {
		t.Errorf("dlint --version = %q, want %v", got, want)
	}
}
