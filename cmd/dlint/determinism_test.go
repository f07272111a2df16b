package main

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
)

// The output is the same bytes whatever the number of cores: one run with
// GOMAXPROCS=1 (one worker) and one with many workers, over every test
// file of the repository and the shared corpus when it is there.
func TestOutputIndependentOfWorkers(t *testing.T) {
	paths := []string{"../../testdata", "../../rules/testdata"}
	if _, err := os.Stat("../../../shared/corpus"); err == nil {
		paths = append(paths, "../../../shared/corpus")
	}
	for _, format := range []string{"text", "json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			run := func(procs int) (int, string, string) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				var stdout, stderr bytes.Buffer
				args := append([]string{"--no-color", "--format", format}, paths...)
				code := Main(args, strings.NewReader(""), &stdout, &stderr)
				return code, stdout.String(), stderr.String()
			}
			code1, out1, err1 := run(1)
			codeN, outN, errN := run(16)
			if code1 != codeN {
				t.Errorf("exit status %d with one worker, %d with many", code1, codeN)
			}
			if out1 != outN {
				t.Errorf("stdout differs between one worker and many (%d and %d bytes)", len(out1), len(outN))
			}
			if err1 != errN {
				t.Errorf("stderr differs between one worker and many:\n%s\n---\n%s", err1, errN)
			}
			if len(out1) < 1000 {
				t.Errorf("suspiciously little output (%d bytes): %s%s", len(out1), out1, err1)
			}
		})
	}
}
