package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestNeovimLSP drives `dlint lsp` from a real client, Neovim's built-in
// one (Debian's neovim package): testdata/nvim-lsp.lua opens a Dockerfile,
// waits for dlint's diagnostic, applies its quick fix, writes the file and
// waits for the diagnostic to go away.
func TestNeovimLSP(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dlint and runs Neovim")
	}
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed")
	}
	if v := neovimVersion(t, nvim); v < 7 {
		t.Skipf("Neovim 0.%d is older than 0.7, the oldest the script is written for", v)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "nvim-lsp.lua"))
	if err != nil {
		t.Fatal(err)
	}
	bin := buildDlint(t, repoFile("."))

	project := t.TempDir()
	dockerfile := filepath.Join(project, "Dockerfile")
	before := "FROM debian:bookworm-slim\nUSER 10001\nCMD python3 -m http.server 8080\n"
	want := "FROM debian:bookworm-slim\nUSER 10001\nCMD [\"python3\", \"-m\", \"http.server\", \"8080\"]\n"
	if err := os.WriteFile(dockerfile, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}

	// The script bounds each of its waits to 10 s; this bounds the whole run.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", script)
	cmd.Dir = project
	home := t.TempDir() // Neovim's log, state and shada stay out of $HOME
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home,
		"XDG_STATE_HOME="+home, "XDG_CACHE_HOME="+home, "NVIM_LOG_FILE="+filepath.Join(home, "nvim.log"),
		"DLINT_BIN="+bin, "DLINT_FILE="+dockerfile, "DLINT_ROOT="+project, "DLINT_RULE=shell-form-pid1")
	cmd.WaitDelay = 5 * time.Second // dlint lsp holds the output pipe if Neovim is killed
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("Neovim did not finish within 60 s:\n%s", out)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("Neovim exited with status %d:\n%s", exit.ExitCode(), out)
	} else if err != nil {
		t.Fatal(err)
	}
	t.Logf("Neovim ran %v:\n%s", time.Since(start).Round(time.Millisecond), out)

	got, err := os.ReadFile(dockerfile)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("the Dockerfile after the quick fix:\n%s\nwant:\n%s", got, want)
	}
}

// neovimVersion returns the minor version of nvim 0.x, or 100 for 1.0 and later.
func neovimVersion(t *testing.T, nvim string) int {
	out, err := exec.Command(nvim, "--version").Output()
	if err != nil {
		t.Skipf("nvim --version: %v", err)
	}
	m := regexp.MustCompile(`NVIM v(\d+)\.(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Skipf("nvim --version says %q", out)
	}
	if string(m[1]) != "0" {
		return 100
	}
	minor, _ := strconv.Atoi(string(m[2]))
	return minor
}
