package fuzzseed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFilesKeepsNamedFilesUnderTheSizeBound(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"Dockerfile":     "FROM a\n",
		"sub/Dockerfile": "FROM b\n",
		"big/Dockerfile": strings.Repeat("#", 100),
		"compose.yaml":   "services: {}\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := Files([]string{dir, filepath.Join(dir, "missing")}, func(base string) bool { return base == "Dockerfile" }, 50)
	if len(got) != 2 {
		t.Fatalf("got %d seeds, want the two small Dockerfiles: %q", len(got), got)
	}
	if Fuzzing() {
		t.Fatal("Fuzzing() is true in a plain test run")
	}
}
