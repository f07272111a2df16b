package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// The script cache keeps a bounded number of models: a dropped script is
// parsed again when it is needed, and its source still has its ignore
// comments read.
func TestScriptCacheDropsOldModels(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.sh", "b.sh", "c.sh"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\nexec \"$@\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	r := newRunner(Options{Paths: []string{dir}, Rules: rules.All(), NoConfig: true})
	c := newScriptCache(r)
	c.limit = 2
	first := c.get(paths[0])
	if first == nil || c.get(paths[0]) != first {
		t.Fatal("a script in use is parsed once")
	}
	c.get(paths[1])
	c.get(paths[0]) // most recently used: b.sh goes first
	c.get(paths[2])
	if c.recent.Len() != 2 {
		t.Errorf("models kept: %d, want 2", c.recent.Len())
	}
	if c.get(paths[0]) != first {
		t.Error("the most recently used script was dropped")
	}
	again := c.get(paths[1])
	if again == nil || again.Source.Path != paths[1] {
		t.Fatalf("a dropped script is not parsed again: %v", again)
	}
	if got := len(r.sources); got != 3 || len(r.scriptsRead) != 3 {
		t.Errorf("sources: %d, scripts read %d, want 3 (a dropped script's too)", got, len(r.scriptsRead))
	}
	if !c.read(paths[2]) {
		t.Error("read forgets a script tried")
	}
}
