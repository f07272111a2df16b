package lint

import (
	"strings"
	"testing"
)

// TestConfigImages: a team's own base images in .dlint.yaml are what the
// rules know of them, and win over the shipped catalogue.
func TestConfigImages(t *testing.T) {
	pool := ruleSet(t, "missing-user", "shell-form-pid1")
	files := map[string]string{
		"a/Dockerfile": "FROM ghcr.io/acme/runtime:1.4\nCMD ./server --port 8080\n",
		"b/Dockerfile": "FROM ghcr.io/acme/tools:2\nCMD [\"app\"]\n",
	}
	got, _ := lintTree(t, files, pool, Options{})
	sameList(t, "unknown images", got, []string{"a/Dockerfile:1 missing-user", "a/Dockerfile:2 shell-form-pid1", "b/Dockerfile:1 missing-user"})

	files[".dlint.yaml"] = "images:\n  - image: ghcr.io/acme/runtime\n    user: \"10001\"\n    shell: ash\n  - {image: ghcr.io/acme/*, tags: [\"2\"], shell: dash}\n"
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// runtime runs as 10001 and its ash execs the server; tools:2 is
	// known but runs as root.
	sameList(t, "configured", got, []string{"b/Dockerfile:1 missing-user"})
}

func TestConfigImagesErrors(t *testing.T) {
	pool := ruleSet(t, "missing-user")
	for _, tc := range []struct{ text, want string }{
		{"images:\n  - image: a/b\n    shel: ash\n", `c.yaml:3:5: unknown images field "shel" (did you mean "shell"?)`},
		{"images:\n  - image: a/b\n    shell: zsh\n", `c.yaml:3:12: shell must be one of dash, ash, bash, bash-old, none, windows, not "zsh"`},
		{"images:\n  - user: app\n", `c.yaml:2:5: an images entry needs image:`},
		{"images: {image: a}\n", `c.yaml:1:9: images must be a list`},
		{"images:\n  - image: a/b\n    uid: ten\n", `c.yaml:2:5: images entry a/b:`},
	} {
		_, err := ParseConfig("c.yaml", []byte(tc.text), pool)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s…", tc.text, err, tc.want)
		}
	}
}

// TestConfigImagesExposeNone: a team image whose entry says nothing of
// its ports may EXPOSE the published one; `expose: []` says it EXPOSEs
// none, so a published port its Dockerfile does not EXPOSE is reported.
func TestConfigImagesExposeNone(t *testing.T) {
	pool := ruleSet(t, "published-port-not-exposed")
	files := map[string]string{
		"Dockerfile":   "FROM ghcr.io/acme/runtime:1.4\nUSER 10001\nCMD [\"./server\"]\n",
		"compose.yaml": "services:\n  web:\n    build: .\n    ports:\n      - \"127.0.0.1:8080:8080\"\n",
		".dlint.yaml":  "images:\n  - image: ghcr.io/acme/runtime\n    user: \"10001\"\n",
	}
	got, errs := lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "ports not said", got, nil)

	files[".dlint.yaml"] = "images:\n  - image: ghcr.io/acme/runtime\n    user: \"10001\"\n    expose: []\n"
	got, errs = lintTree(t, files, pool, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sameList(t, "exposes none", got, []string{"compose.yaml:5 published-port-not-exposed"})
}
