package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Bad input that is easier to generate than to write into a txtar file.
// Each case puts one bad file beside a good one and runs the command: the
// bad file gets exactly the message wanted (or its findings at the right
// positions), the good file is still linted and reported.

const goodDockerfile = "FROM alpine:3.20\nUSER root\n"

const goodFinding = "good/Dockerfile:2:6: warning [root-user] USER root makes the final stage run as root"

type lintRun struct {
	code           int
	stdout, stderr string
}

// lintIn writes files into a fresh directory, changes into it and runs
// dlint with args.
func lintIn(t *testing.T, files map[string][]byte, args ...string) lintRun {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return runDlint(args...)
}

func runDlint(args ...string) lintRun {
	var stdout, stderr bytes.Buffer
	code := Main(append([]string{"--no-color"}, args...), strings.NewReader(""), &stdout, &stderr)
	return lintRun{code, stdout.String(), stderr.String()}
}

func (r lintRun) check(t *testing.T, code int, stderr string, stdout ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	if r.stderr != stderr {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, stderr)
	}
	for _, want := range stdout {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestBadInputBinary(t *testing.T) {
	// The start of an ELF executable, as if a build output were named
	// Dockerfile.
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00"), bytes.Repeat([]byte{0x90, 0x0a, 0xc3}, 500)...)
	r := lintIn(t, map[string][]byte{"bad/Dockerfile": elf, "good/Dockerfile": []byte(goodDockerfile)}, ".")
	r.check(t, 2, "bad/Dockerfile:1: cannot parse: binary data (a NUL byte), not a Dockerfile\n", goodFinding)
}

func TestBadInputBinaryWithoutNUL(t *testing.T) {
	// High bytes and newlines but no NUL: buildkit's complaint quotes the
	// first line, escaped and cut short.
	var garbage []byte
	for i := 0; i < 4000; i++ {
		garbage = append(garbage, byte(0x80+i%0x7f))
		if i%997 == 996 {
			garbage = append(garbage, '\n')
		}
	}
	r := lintIn(t, map[string][]byte{"bad/Dockerfile": garbage, "good/Dockerfile": []byte(goodDockerfile)}, ".")
	line, _, _ := strings.Cut(r.stderr, "\n")
	if r.code != 2 || !strings.HasPrefix(line, `bad/Dockerfile:1: cannot parse: unknown instruction: \x80\x81\x82`) || !strings.HasSuffix(line, "…") || len(line) > 400 {
		t.Errorf("exit status %d, stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, goodFinding) {
		t.Errorf("stdout lacks the good file's finding:\n%s", r.stdout)
	}
}

func TestBadInputInvalidUTF8(t *testing.T) {
	// Invalid UTF-8 is not an error (buildkit passes the bytes through);
	// a finding on such a line still points at its token.
	df := "FROM alpine:3.20\nLABEL note=\"caf\xe9 \xff\xfe\"\nRUN sudo \xe9t\xe9 install\nUSER root\n"
	r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
	r.check(t, 1, "",
		"bad/Dockerfile:3:5: warning [sudo]",
		"bad/Dockerfile:4:6: warning [root-user]",
		goodFinding)
}

func TestBadInputByteOrderMark(t *testing.T) {
	// A BOM is invisible in an editor: columns on line 1 do not count it,
	// and the snippet does not show it.
	df := "\xef\xbb\xbfFROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n"
	r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
	r.check(t, 1, "", "bad/Dockerfile:1:6: warning [missing-user]", "\n1 | FROM scratch\n  |      ^~~~~~~\n", goodFinding)
	compose := "\xef\xbb\xbfservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n"
	r = lintIn(t, map[string][]byte{"compose.yaml": []byte(compose)}, ".")
	r.check(t, 1, "", "compose.yaml:4:5: error [privileged]")
}

func TestBadInputLineEndings(t *testing.T) {
	lf := "FROM alpine:3.20\nRUN sudo apk add curl\nUSER root\n"
	t.Run("CR", func(t *testing.T) {
		// buildkit splits at LF only: a file of CR line endings is one line
		// to it, and `docker build` fails.
		df := strings.ReplaceAll(lf, "\n", "\r")
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 2, "bad/Dockerfile:1: cannot parse: lines end in CR alone (classic Mac OS), which buildkit does not split, so `docker build` reads one long line and fails; convert the line endings to LF\n", goodFinding)
	})
	t.Run("CRLF with a lone CR", func(t *testing.T) {
		// A stray CR in a file of LF lines is not the same: buildkit splits
		// the LF lines.
		df := "FROM alpine:3.20\r\nLABEL a=b\rRUN sudo apk add curl\r\nUSER root\r\n"
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 1, "", "bad/Dockerfile:4:6: warning [root-user]", goodFinding)
	})
	for name, eol := range map[string]string{"CRLF": "\r\n"} {
		t.Run(name, func(t *testing.T) {
			df := strings.ReplaceAll(lf, "\n", eol)
			r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
			r.check(t, 1, "",
				"bad/Dockerfile:2:5: warning [sudo]",
				"\n2 | RUN sudo apk add curl\n  |     ^~~~\n",
				"bad/Dockerfile:3:6: warning [root-user]",
				"\n3 | USER root\n  |      ^~~~\n",
				goodFinding)
			if strings.Contains(r.stdout, "\r") {
				t.Errorf("a line ending leaked into the output:\n%q", r.stdout)
			}
		})
	}
	t.Run("compose CRLF", func(t *testing.T) {
		compose := strings.ReplaceAll("services:\n  web:\n    image: nginx:1.27\n    privileged: true\n", "\n", "\r\n")
		r := lintIn(t, map[string][]byte{"compose.yaml": []byte(compose)}, ".")
		r.check(t, 1, "", "compose.yaml:4:5: error [privileged]", "\n4 |     privileged: true\n  |     ^~~~~~~~~~~~~~~~\n")
	})
}

func TestBadInputHugeDockerfile(t *testing.T) {
	var b strings.Builder
	b.WriteString("FROM alpine:3.20\n")
	for i := 0; b.Len() < 10<<20; i++ {
		b.WriteString("RUN echo 'step' && apk add --no-cache curl wget git make gcc musl-dev\n")
	}
	r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(b.String()), "good/Dockerfile": []byte(goodDockerfile)}, ".")
	r.check(t, 2, "bad/Dockerfile: cannot read: file is 10.0 MiB, larger than the 2 MiB dlint reads; raise the limit with --max-file-size\n", goodFinding)
}

func TestBadInputHugeStdin(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Main([]string{"--no-color", "-"}, bytes.NewReader(bytes.Repeat([]byte("# padding\n"), 1<<20)), &stdout, &stderr)
	if code != 2 || stderr.String() != "<stdin>: cannot read: input is larger than the 2 MiB dlint reads; raise the limit with --max-file-size\n" {
		t.Errorf("exit status %d, stderr %q", code, stderr.String())
	}
}

func TestBadInputLongLine(t *testing.T) {
	df := "FROM alpine:3.20\nRUN echo " + strings.Repeat("x", 1<<20) + "\nUSER root\n"
	r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
	r.check(t, 2, "bad/Dockerfile:2: cannot parse: line is longer than 65535 bytes, the most buildkit accepts\n", goodFinding)
	// The same when the long line is the first one, where buildkit itself
	// claims the file has no instructions.
	r = lintIn(t, map[string][]byte{"bad/Dockerfile": []byte("#" + strings.Repeat("x", 70000) + "\nFROM alpine:3.20\n"), "good/Dockerfile": []byte(goodDockerfile)}, ".")
	r.check(t, 2, "bad/Dockerfile:1: cannot parse: line is longer than 65535 bytes, the most buildkit accepts\n", goodFinding)
}

// Files that cannot be read. chmod 000 stops only a user other than root
// (CI runs as root), so unreadability is also made in ways root meets too.
func TestBadInputUnreadable(t *testing.T) {
	t.Run("named FIFO", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := syscall.Mkfifo("Dockerfile", 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		r := runDlint("Dockerfile", "good/Dockerfile")
		r.check(t, 2, "Dockerfile: cannot read: not a regular file\n", goodFinding)
	})
	t.Run("named socket", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		l, err := net.Listen("unix", "Dockerfile")
		if err != nil {
			t.Skip("no unix sockets here:", err)
		}
		defer l.Close()
		r := runDlint("Dockerfile", "good/Dockerfile")
		r.check(t, 2, "Dockerfile: cannot read: not a regular file\n", goodFinding)
	})
	t.Run("path through a file", func(t *testing.T) {
		r := lintIn(t, map[string][]byte{"app": []byte("not a directory"), "good/Dockerfile": []byte(goodDockerfile)}, "app/Dockerfile", "good/Dockerfile")
		r.check(t, 2, "app/Dockerfile: cannot read: not a directory\n", goodFinding)
	})
	t.Run("missing", func(t *testing.T) {
		r := lintIn(t, map[string][]byte{"good/Dockerfile": []byte(goodDockerfile)}, "nope/Dockerfile", "good/Dockerfile")
		r.check(t, 2, "nope/Dockerfile: cannot read: no such file or directory\n", goodFinding)
	})
	t.Run("dangling symlink", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := os.Symlink("gone", "Dockerfile"); err != nil {
			t.Skip("no symlinks here:", err)
		}
		r := runDlint("Dockerfile", "good/Dockerfile")
		r.check(t, 2, "Dockerfile: cannot read: no such file or directory\n", goodFinding)
	})
	t.Run("permission", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads files whatever their mode")
		}
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := os.WriteFile("Dockerfile", []byte(goodDockerfile), 0o000); err != nil {
			t.Fatal(err)
		}
		r := runDlint(".")
		r.check(t, 2, "Dockerfile: cannot read: permission denied\n", goodFinding)
	})
}

func writeGood(t *testing.T) {
	t.Helper()
	if err := os.MkdirAll("good", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("good", "Dockerfile"), []byte(goodDockerfile), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBadInputControlCharactersInFileNames(t *testing.T) {
	// A name with a newline or an escape sequence must not forge a line of
	// output or drive the terminal: both are written as \xNN.
	name := "bad\x1b[31m\nx/Dockerfile"
	r := lintIn(t, map[string][]byte{name: []byte(goodDockerfile), "good/Dockerfile": []byte("FROM alpine:3.20\nUSER root\nFROM\n")}, ".")
	r.check(t, 2, "good/Dockerfile:3: cannot parse: FROM requires either one or three arguments\n",
		`bad\x1b[31m\x0ax/Dockerfile:2:6: warning [root-user]`)
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("an escape character reached the output:\n%q", r.stdout)
	}
	r = lintIn(t, map[string][]byte{"ok/Dockerfile": []byte(goodDockerfile)}, "ok/Dockerfile", "gone\x1b[2J/Dockerfile")
	r.check(t, 2, "gone\\x1b[2J/Dockerfile: cannot read: no such file or directory\n")
}

func TestBadInputWalkSaysWhatItCannotRead(t *testing.T) {
	// What the walk finds but cannot read is an error line, not silence.
	t.Run("broken link", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := os.Mkdir("app", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("gone", "app/Dockerfile"); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		r := runDlint(".")
		r.check(t, 2, "app/Dockerfile: cannot read: broken symbolic link to gone\n", goodFinding)
	})
	t.Run("link loop", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := os.Symlink("compose.yaml", "compose.yaml"); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		r := runDlint(".")
		r.check(t, 2, "compose.yaml: cannot read: symbolic link loop\n", goodFinding)
	})
	t.Run("link to a directory is not a file", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := os.Symlink("good", "Dockerfile"); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		runDlint(".").check(t, 1, "", goodFinding)
	})
	t.Run("unreadable directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads a directory of mode 000")
		}
		dir := t.TempDir()
		t.Chdir(dir)
		writeGood(t)
		if err := os.Mkdir("locked", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod("locked", 0); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod("locked", 0o755) //nolint:errcheck // so that t.TempDir can remove it
		runDlint(".").check(t, 2, "locked: cannot read directory: permission denied\n", goodFinding)
	})
}

func TestBadInputDeepShell(t *testing.T) {
	const df = "FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [\"app\"]\nUSER 1000\n"
	t.Run("a RUN of 300,000 && lines is linted", func(t *testing.T) {
		// It overflowed the stack of a recursive walk and lost the run.
		run := "FROM alpine:3.20\nRUN true \\\n" + strings.Repeat("&& a\\\n", 300000) + "&& sudo a\nUSER root\n"
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(run), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 1, "", "bad/Dockerfile:300003:4: warning [sudo]", "bad/Dockerfile:300004:6: warning [root-user]", goodFinding)
	})
	t.Run("nesting past the bound is an error at its line", func(t *testing.T) {
		run := "FROM alpine:3.20\nRUN true \\\n" + strings.Repeat("&& (\\\n", 200000) + "a\nUSER root\n"
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(run), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 2, "bad/Dockerfile:1003: cannot parse: shell constructs nest more than 1000 levels deep (subshells, $( ), ${ }, quotes, if/while/case); dlint does not parse such a script; split it into functions or smaller scripts\n", goodFinding)
	})
	t.Run("entrypoint script nested past the bound", func(t *testing.T) {
		script := "#!/bin/sh\necho \\\n" + strings.Repeat("\"$(\\\n", 200000) + "\nexec \"$@\"\n"
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "bad/entrypoint.sh": []byte(script), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 2, "bad/entrypoint.sh:503: cannot parse: shell constructs nest more than 1000 levels deep (subshells, $( ), ${ }, quotes, if/while/case); dlint does not parse such a script; split it into functions or smaller scripts\n", goodFinding)
	})
	t.Run("entrypoint script over the size cap", func(t *testing.T) {
		// Its findings would be lost: it is an error, not silence.
		script := "#!/bin/sh\n" + strings.Repeat("# padding\n", 300000) + "gunicorn app\n"
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "bad/entrypoint.sh": []byte(script), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 2, "bad/entrypoint.sh: cannot read entrypoint script: file is 2.9 MiB, larger than the 2 MiB dlint reads; raise the limit with --max-file-size\n", goodFinding)
	})
	t.Run("a missing entrypoint script is not an error", func(t *testing.T) {
		r := lintIn(t, map[string][]byte{"bad/Dockerfile": []byte(df), "good/Dockerfile": []byte(goodDockerfile)}, ".")
		r.check(t, 1, "", goodFinding)
	})
}

func TestBadInputUnreadableDotEnv(t *testing.T) {
	// A project's .env that is there but cannot be read is an error: the
	// values it sets are unknown. The compose file is still linted.
	const compose = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n"
	t.Run("directory", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		if err := os.WriteFile("compose.yaml", []byte(compose), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(".env", 0o755); err != nil {
			t.Fatal(err)
		}
		runDlint(".").check(t, 2, ".env: cannot read: not a regular file\n", "compose.yaml:4:5: error [privileged]")
	})
	t.Run("FIFO", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		if err := os.WriteFile("compose.yaml", []byte(compose), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(".env", 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		runDlint(".").check(t, 2, ".env: cannot read: not a regular file\n", "compose.yaml:4:5: error [privileged]")
	})
	t.Run("missing is fine", func(t *testing.T) {
		lintIn(t, map[string][]byte{"compose.yaml": []byte(compose)}, ".").check(t, 1, "", "compose.yaml:4:5: error [privileged]")
	})
}
