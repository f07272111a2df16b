package lint

import (
	"path/filepath"
	"testing"
)

// An editor's unsaved text is what gets linted, for the file itself and for
// the compose file that decides how its Dockerfile runs.
func TestOverlayReplacesDiskText(t *testing.T) {
	root := composeTree(t, map[string]string{
		"Dockerfile":   "FROM debian:12\nUSER 1000:1000\nCMD [\"sleep\", \"1\"]\n",
		"compose.yaml": "services:\n  app:\n    build: .\n",
	})
	findings, _ := composeRun(t, root, Options{Paths: []string{root}})
	if hasLine(findings, "Dockerfile:", "maintainer-deprecated") || hasLine(findings, "Dockerfile:", "missing-user") {
		t.Fatalf("disk text has no problem, got %q", findings)
	}

	overlay := map[string][]byte{
		filepath.Join(root, "Dockerfile"): []byte("FROM debian:12\nMAINTAINER x\nCMD [\"sleep\", \"1\"]\n"),
	}
	findings, errs := composeRun(t, root, Options{Paths: []string{root}, Overlay: overlay})
	if !hasLine(findings, "Dockerfile:2:1 maintainer-deprecated", "") || !hasLine(findings, "Dockerfile:1:6 missing-user", "service 'app'") {
		t.Fatalf("overlay not linted: %q %q", findings, errs)
	}

	// The compose file's unsaved `user:` changes the Dockerfile's findings.
	overlay[filepath.Join(root, "compose.yaml")] = []byte("services:\n  app:\n    build: .\n    user: \"1000:1000\"\n")
	findings, _ = composeRun(t, root, Options{Paths: []string{root}, Overlay: overlay})
	if hasLine(findings, "Dockerfile:", "missing-user") || !hasLine(findings, "Dockerfile:2:1 maintainer-deprecated", "") {
		t.Fatalf("compose overlay not applied: %q", findings)
	}
}

func TestOverlayObeysSizeLimit(t *testing.T) {
	root := composeTree(t, map[string]string{"Dockerfile": "FROM debian:12\n"})
	big := make([]byte, 2<<20)
	_, errs := composeRun(t, root, Options{Paths: []string{root}, MaxFileSize: 1 << 20, Overlay: map[string][]byte{filepath.Join(root, "Dockerfile"): big}})
	if !hasLine(errs, "Dockerfile:", "larger than") {
		t.Fatalf("want a size error, got %q", errs)
	}
}

// A named file that is only in the overlay (a new, unsaved editor buffer)
// is linted; one in neither is an error.
func TestOverlayFileNotOnDisk(t *testing.T) {
	root := composeTree(t, map[string]string{})
	path := filepath.Join(root, "Dockerfile")
	findings, errs := composeRun(t, root, Options{Paths: []string{path}, Overlay: map[string][]byte{path: []byte("FROM debian:12\nMAINTAINER x\nUSER 1000\n")}})
	if len(errs) > 0 || !hasLine(findings, "Dockerfile:2:1 maintainer-deprecated", "") {
		t.Fatalf("unsaved file: %q %q", findings, errs)
	}
	_, errs = composeRun(t, root, Options{Paths: []string{path}})
	if !hasLine(errs, "Dockerfile:", "no such file") {
		t.Fatalf("missing file: %q", errs)
	}
}
