package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The GitHub Action's logic is scripts/action.sh; these tests run it the
// way a runner does (GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP, RUNNER_OS,
// RUNNER_ARCH, INPUT_*) against a local stand-in for the releases page.

// fakeReleases serves the GitHub releases of dlint: /latest redirects to
// the newest tag, /download/TAG/… serves its archives and checksums.txt.
type fakeReleases struct {
	*httptest.Server
	mu        sync.Mutex
	downloads []string
}

const fakeDlint = "#!/bin/sh\necho 'dlint 1.2.3 (release binary)'\n"

func newFakeReleases(t *testing.T, tag string, tamper bool) *fakeReleases {
	t.Helper()
	files := map[string][]byte{}
	var sums strings.Builder
	for _, os := range []string{"linux", "darwin", "windows"} {
		for _, arch := range []string{"amd64", "arm64"} {
			name := fmt.Sprintf("dlint_%s_%s_%s", strings.TrimPrefix(tag, "v"), os, arch)
			var data []byte
			if os == "windows" {
				name += ".zip"
				data = zipArchive(t, "dlint.exe", fakeDlint)
			} else {
				name += ".tar.gz"
				data = tarArchive(t, "dlint", fakeDlint)
			}
			files[name] = data
			sum := sha256.Sum256(data)
			if tamper {
				sum[0] ^= 0xff
			}
			fmt.Fprintf(&sums, "%x  %s\n", sum, name)
		}
	}
	files["checksums.txt"] = []byte(sums.String())
	f := &fakeReleases{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/latest" {
			http.Redirect(w, r, "/tag/"+tag, http.StatusFound)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/tag/") {
			return
		}
		name, ok := strings.CutPrefix(r.URL.Path, "/download/"+tag+"/")
		data, found := files[name]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		if r.Method == http.MethodGet {
			f.mu.Lock()
			f.downloads = append(f.downloads, name)
			f.mu.Unlock()
		}
		w.Write(data)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeReleases) takeDownloads() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	d := f.downloads
	f.downloads = nil
	return d
}

func tarArchive(t *testing.T, name, content string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, file := range []struct{ name, body string }{{"README.md", "dlint\n"}, {name, content}} {
		if err := tw.WriteHeader(&tar.Header{Name: file.name, Mode: 0o755, Size: int64(len(file.body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(file.body))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	gz.Close()
	return buf.Bytes()
}

func zipArchive(t *testing.T, name, content string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, file := range []struct{ name, body string }{{"README.md", "dlint\n"}, {name, content}} {
		w, err := zw.Create(file.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(file.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// runner is one job's environment: its temp directory, output files and
// the variables every step sees.
type runner struct {
	t        *testing.T
	temp     string
	env      []string
	outputs  map[string]string
	lastPath string
}

func newRunner(t *testing.T, releasesURL, runnerOS, runnerArch string) *runner {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	temp := t.TempDir()
	work := filepath.Join(temp, "workspace")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	return &runner{t: t, temp: temp, outputs: map[string]string{}, env: []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + temp,
		"GITHUB_WORKSPACE=" + work,
		"RUNNER_TEMP=" + filepath.Join(temp, "runner-temp"),
		"RUNNER_OS=" + runnerOS,
		"RUNNER_ARCH=" + runnerArch,
		"DLINT_RELEASES_URL=" + releasesURL,
	}}
}

// step runs `action.sh sub` with extra variables, as one step of the job,
// and collects what it wrote to GITHUB_OUTPUT and GITHUB_PATH.
func (r *runner) step(sub string, env ...string) (string, error) {
	r.t.Helper()
	stepDir, err := os.MkdirTemp(r.temp, "step")
	if err != nil {
		r.t.Fatal(err)
	}
	out, path := filepath.Join(stepDir, "output"), filepath.Join(stepDir, "path")
	os.MkdirAll(filepath.Join(r.temp, "runner-temp"), 0o755)
	script, _ := filepath.Abs(repoFile("scripts/action.sh"))
	cmd := exec.Command("bash", script, sub)
	cmd.Dir = filepath.Join(r.temp, "workspace")
	cmd.Env = append(append(append([]string{}, r.env...), "GITHUB_OUTPUT="+out, "GITHUB_PATH="+path), env...)
	log, err := cmd.CombinedOutput()
	if data, readErr := os.ReadFile(out); readErr == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				r.outputs[k] = v
			}
		}
	}
	if data, readErr := os.ReadFile(path); readErr == nil {
		r.lastPath = strings.TrimSpace(string(data))
	}
	return string(log), err
}

// install runs the resolve and install steps as action.yml does.
func (r *runner) install(version string) (string, error) {
	r.t.Helper()
	if log, err := r.step("resolve", "INPUT_VERSION="+version); err != nil {
		r.t.Fatalf("resolve: %v\n%s", err, log)
	}
	return r.step("install",
		"DLINT_KIND="+r.outputs["kind"], "DLINT_VERSION="+r.outputs["version"],
		"DLINT_PLATFORM="+r.outputs["platform"], "DLINT_BIN_DIR="+r.outputs["bin-dir"])
}

func TestActionInstallsReleaseBinary(t *testing.T) {
	for _, tt := range []struct{ os, arch, archive, exe string }{
		{"Linux", "X64", "dlint_1.2.3_linux_amd64.tar.gz", "dlint"},
		{"Linux", "ARM64", "dlint_1.2.3_linux_arm64.tar.gz", "dlint"},
		{"macOS", "ARM64", "dlint_1.2.3_darwin_arm64.tar.gz", "dlint"},
		{"macOS", "X64", "dlint_1.2.3_darwin_amd64.tar.gz", "dlint"},
		{"Windows", "X64", "dlint_1.2.3_windows_amd64.zip", "dlint.exe"},
	} {
		t.Run(tt.os+"/"+tt.arch, func(t *testing.T) {
			if strings.HasSuffix(tt.archive, ".zip") {
				if _, err := exec.LookPath("unzip"); err != nil {
					t.Skip("no unzip")
				}
			}
			rel := newFakeReleases(t, "v1.2.3", false)
			r := newRunner(t, rel.URL, tt.os, tt.arch)
			log, err := r.install("1.2.3")
			if err != nil {
				t.Fatalf("install: %v\n%s", err, log)
			}
			if r.outputs["kind"] != "release" || r.outputs["version"] != "v1.2.3" {
				t.Errorf("resolve outputs %v, want kind release, version v1.2.3", r.outputs)
			}
			if got := rel.takeDownloads(); strings.Join(got, " ") != tt.archive+" checksums.txt" {
				t.Errorf("downloaded %v, want %s and checksums.txt", got, tt.archive)
			}
			bin := r.outputs["bin-dir"]
			if _, err := os.Stat(filepath.Join(bin, tt.exe)); err != nil {
				t.Errorf("no %s in %s: %v", tt.exe, bin, err)
			}
			if r.lastPath != bin {
				t.Errorf("GITHUB_PATH = %q, want %q", r.lastPath, bin)
			}
			if !strings.Contains(log, "dlint 1.2.3 (release binary)") {
				t.Errorf("install does not run the installed dlint:\n%s", log)
			}

			// actions/cache restored the directory: nothing is downloaded.
			log, err = r.install("v1.2.3")
			if err != nil {
				t.Fatalf("second install: %v\n%s", err, log)
			}
			if got := rel.takeDownloads(); len(got) != 0 {
				t.Errorf("with the binary cached, downloaded %v", got)
			}
			if !strings.Contains(log, "from the cache") {
				t.Errorf("second install does not say it used the cache:\n%s", log)
			}
		})
	}
}

func TestActionRejectsBadChecksum(t *testing.T) {
	rel := newFakeReleases(t, "v1.2.3", true)
	r := newRunner(t, rel.URL, "Linux", "X64")
	log, err := r.install("v1.2.3")
	if err == nil {
		t.Fatalf("install of an archive whose checksum differs succeeded:\n%s", log)
	}
	if !strings.Contains(log, "::error title=dlint action::dlint_1.2.3_linux_amd64.tar.gz of dlint v1.2.3 has SHA-256 ") ||
		!strings.Contains(log, "but checksums.txt says") {
		t.Errorf("unclear message:\n%s", log)
	}
	if _, err := os.Stat(filepath.Join(r.outputs["bin-dir"], "dlint")); err == nil {
		t.Error("the binary was installed anyway")
	}
}

func TestActionResolve(t *testing.T) {
	rel := newFakeReleases(t, "v1.2.3", false)
	for _, tt := range []struct {
		name, os, arch, version, actionRef string
		kind, want                         string
		offline                            bool
	}{
		{"the action's ref is a release", "Linux", "X64", "", "v1.2.3", "release", "v1.2.3", false},
		{"no ref: the latest release", "Linux", "X64", "", "", "release", "v1.2.3", false},
		{"latest", "macOS", "ARM64", "latest", "main", "release", "v1.2.3", false},
		{"a branch builds from source", "Linux", "X64", "", "main", "go", "main", false},
		{"a commit builds from source", "Linux", "X64", "0123456789abcdef0123456789abcdef01234567", "", "go", "0123456789abcdef0123456789abcdef01234567", false},
		{"a tag without a release builds from source", "Linux", "X64", "v9.9.9", "", "go", "v9.9.9", false},
		{"a runner dlint publishes no binary for", "Linux", "X86", "v1.2.3", "", "go", "v1.2.3", false},
		{"the releases page cannot be reached: go install @latest", "Linux", "X64", "", "", "go", "latest", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			url := rel.URL
			if tt.offline {
				url = "http://127.0.0.1:1" // nothing listens
			}
			r := newRunner(t, url, tt.os, tt.arch)
			log, err := r.step("resolve", "INPUT_VERSION="+tt.version, "ACTION_REF="+tt.actionRef)
			if err != nil {
				t.Fatalf("resolve: %v\n%s", err, log)
			}
			if r.outputs["kind"] != tt.kind || r.outputs["version"] != tt.want {
				t.Errorf("kind %q version %q, want %q %q\n%s", r.outputs["kind"], r.outputs["version"], tt.kind, tt.want, log)
			}
		})
	}
}

// TestActionGoInstall: a ref that is not a release is built with go
// install, into the directory added to the PATH.
func TestActionGoInstall(t *testing.T) {
	rel := newFakeReleases(t, "v1.2.3", false)
	r := newRunner(t, rel.URL, "Linux", "X64")
	// A stand-in go records its arguments and GOBIN and "installs" dlint.
	fakeBin := filepath.Join(r.temp, "fake-go")
	os.MkdirAll(fakeBin, 0o755)
	record := filepath.Join(r.temp, "go-args")
	os.WriteFile(filepath.Join(fakeBin, "go"), []byte("#!/bin/sh\necho \"$* GOBIN=$GOBIN\" > '"+record+"'\nprintf '#!/bin/sh\\necho dlint from source\\n' > \"$GOBIN/dlint\"\nchmod +x \"$GOBIN/dlint\"\n"), 0o755)
	r.env[0] = "PATH=" + fakeBin + string(os.PathListSeparator) + os.Getenv("PATH")
	log, err := r.install("main")
	if err != nil {
		t.Fatalf("install: %v\n%s", err, log)
	}
	args, _ := os.ReadFile(record)
	want := "install github.com/dlint-dev/dlint/cmd/dlint@main GOBIN=" + r.outputs["bin-dir"] + "\n"
	if string(args) != want {
		t.Errorf("go ran with %q, want %q", args, want)
	}
	if got := rel.takeDownloads(); len(got) != 0 {
		t.Errorf("a source build downloaded %v", got)
	}
	if !strings.Contains(log, "dlint from source") || r.lastPath != r.outputs["bin-dir"] {
		t.Errorf("GITHUB_PATH %q, log:\n%s", r.lastPath, log)
	}
}

// fakeLinter is a dlint that writes a SARIF report when asked (status 1),
// or, with NO_SARIF set, fails before writing one (status 2).
const fakeLinter = `#!/bin/sh
out=""
while [ $# -gt 0 ]; do
  case "$1" in --output) out="$2"; shift ;; esac
  shift
done
if [ -n "$NO_SARIF" ]; then echo "dlint: unknown flag" >&2; exit 2; fi
if [ -n "$out" ]; then echo '{"version":"2.1.0"}' > "$out" || exit 3; exit 1; fi
exit 0
`

func TestActionRun(t *testing.T) {
	for _, tt := range []struct {
		name, sarif, upload string
		noSARIF             bool
		written, status     string
		message             string
	}{
		{name: "a sarif-file in a missing directory is created", sarif: "reports/dlint/out.sarif", upload: "true", written: "true", status: "1"},
		{name: "no SARIF written: the upload is skipped, saying why", sarif: "dlint.sarif", upload: "true", noSARIF: true, written: "false", status: "2",
			message: "::warning title=dlint action::dlint wrote no SARIF report to dlint.sarif (exit status 2; see its errors above), so nothing is uploaded to code scanning."},
		{name: "no SARIF and no upload asked: no message", sarif: "dlint.sarif", upload: "false", noSARIF: true, written: "false", status: "2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRunner(t, "http://127.0.0.1:1", "Linux", "X64")
			fakeBin := filepath.Join(r.temp, "bin")
			os.MkdirAll(fakeBin, 0o755)
			os.WriteFile(filepath.Join(fakeBin, "dlint"), []byte(fakeLinter), 0o755)
			r.env[0] = "PATH=" + fakeBin + string(os.PathListSeparator) + os.Getenv("PATH")
			env := []string{"INPUT_SARIF_FILE=" + tt.sarif, "INPUT_UPLOAD_SARIF=" + tt.upload, "INPUT_PATHS=.", "INPUT_ANNOTATIONS=true"}
			if tt.noSARIF {
				env = append(env, "NO_SARIF=1")
			}
			log, err := r.step("run", env...)
			if err != nil {
				t.Fatalf("run: %v\n%s", err, log)
			}
			if r.outputs["sarif-written"] != tt.written || r.outputs["exit-code"] != tt.status || r.outputs["sarif-file"] != tt.sarif {
				t.Errorf("outputs %v, want sarif-written %s, exit-code %s", r.outputs, tt.written, tt.status)
			}
			_, statErr := os.Stat(filepath.Join(r.temp, "workspace", tt.sarif))
			if (statErr == nil) != (tt.written == "true") {
				t.Errorf("SARIF file exists = %v, want %s", statErr == nil, tt.written)
			}
			if got := strings.Contains(log, "::warning"); got != (tt.message != "") || (tt.message != "" && !strings.Contains(log, tt.message)) {
				t.Errorf("log:\n%s\nwant message %q", log, tt.message)
			}
		})
	}
}
