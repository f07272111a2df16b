package lint

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// The directory walk does not follow symlinked directories (a loop, or a
// link out of the tree) and skips FIFOs, sockets and devices without
// opening them: opening a FIFO would block the run.
func TestWalkSkipsSpecialFilesAndDirectoryLinks(t *testing.T) {
	root := writeTree(t, map[string]string{
		"app/Dockerfile":       "FROM alpine:3.20\nUSER root\n",
		"app/sub/Dockerfile.x": "FROM alpine:3.20\nUSER root\n",
	})
	outside := writeTree(t, map[string]string{"Dockerfile": "FROM alpine:3.20\nUSER root\n"})
	made := []string{}
	must := func(what string, err error) {
		if err != nil {
			t.Logf("cannot make %s here: %v", what, err)
			return
		}
		made = append(made, what)
	}
	must("FIFO", syscall.Mkfifo(filepath.Join(root, "app", "sub", "Dockerfile"), 0o644))
	must("FIFO compose file", syscall.Mkfifo(filepath.Join(root, "compose.yaml"), 0o644))
	if l, err := net.Listen("unix", filepath.Join(root, "app", "api.Dockerfile")); err == nil {
		defer l.Close()
		made = append(made, "socket")
	}
	// A character device like /dev/null (needs root, as in CI).
	must("device", syscall.Mknod(filepath.Join(root, "Dockerfile.dev"), syscall.S_IFCHR|0o644, 1<<8|3))
	must("symlink loop", os.Symlink("..", filepath.Join(root, "app", "sub", "loop")))
	must("link out of the tree", os.Symlink(outside, filepath.Join(root, "outside")))
	must("link to a file", os.Symlink(filepath.Join(outside, "Dockerfile"), filepath.Join(root, "app", "sub", "linked.Dockerfile")))
	must("dangling link", os.Symlink("nowhere", filepath.Join(root, "app", "gone.Dockerfile")))
	must("dangling link to a README", os.Symlink("AGENTS.md", filepath.Join(root, "README.md")))
	must("dangling link to a script", os.Symlink("gone.sh", filepath.Join(root, "deploy.sh")))
	t.Logf("made: %s", strings.Join(made, ", "))

	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	// Only the dangling link named like a Dockerfile is an error: it would
	// otherwise be lost without a word. One to a script or a README, read
	// only for its docker run lines, is passed over.
	var wantErrors []string
	if containsString(made, "dangling link") {
		wantErrors = []string{"app/gone.Dockerfile: cannot read: broken symbolic link to nowhere"}
	}
	if got := fileErrors(root, res); strings.Join(got, "\n") != strings.Join(wantErrors, "\n") {
		t.Errorf("errors: %q, want %q", got, wantErrors)
	}
	got := findingFiles(root, res, rules.RootUser)
	sort.Strings(got)
	want := []string{"app/Dockerfile", "app/sub/Dockerfile.x"}
	if containsString(made, "link to a file") {
		// A symlink to a regular file is read like the file.
		want = append(want, "app/sub/linked.Dockerfile")
		sort.Strings(want)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("linted %q, want %q", got, want)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The parallel walk visits files in filepath.WalkDir's order, names that
// sort around the path separator included ("a-b" after "a/x"), skips the
// same directories, and lists the configuration and .git it sees in each
// directory read.
func TestWalkOrderIsWalkDirs(t *testing.T) {
	files := map[string]string{}
	for _, p := range []string{
		"a/Dockerfile", "a-b/Dockerfile", "a.b/compose.yaml", "a/x/Dockerfile", "a/x.Dockerfile",
		"b/c/d/e/Dockerfile", "b/c/Dockerfile.prod", "b/.dlint.yaml", "node_modules/x/Dockerfile",
		"vendor/Dockerfile", "z/docker-compose.yml", "Dockerfile", "notes.txt",
	} {
		files[p] = "x\n"
	}
	root := writeTree(t, files)
	if err := os.Mkdir(filepath.Join(root, "b", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	var got []string
	listed := map[string]string{}
	err := walk(root, nil, func(dir string, names map[string]bool) {
		rel, _ := filepath.Rel(root, dir)
		var keys []string
		for k := range names {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		listed[filepath.ToSlash(rel)] = strings.Join(keys, ",")
	}, func(path string, kind Kind) {
		rel, _ := filepath.Rel(root, path)
		got = append(got, filepath.ToSlash(rel))
	}, func(path string, err error) {
		t.Errorf("%s: %v", path, err)
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && skipDirs[d.Name()] {
			return filepath.SkipDir
		}
		if !d.IsDir() && Classify(d.Name()) != KindUnknown {
			rel, _ := filepath.Rel(root, path)
			want = append(want, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("visited\n %q\nwant\n %q", got, want)
	}
	if listed["b"] != ".dlint.yaml,.git" || listed["a/x"] != "" {
		t.Errorf("listed: %q", listed)
	}
	if _, ok := listed["node_modules"]; ok {
		t.Errorf("node_modules was read")
	}
}

// A directory named on the command line through a symbolic link is linted:
// the user chose it. Links inside the tree are still not followed.
func TestWalkFollowsANamedLinkToADirectory(t *testing.T) {
	target := writeTree(t, map[string]string{"app/Dockerfile": "FROM alpine:3.20\nUSER root\n"})
	link := filepath.Join(t.TempDir(), "alias")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	res := Run(Options{Paths: []string{link}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if got := findingFiles(link, res, rules.RootUser); strings.Join(got, " ") != "app/Dockerfile" {
		t.Errorf("linted %q through the link, want app/Dockerfile (errors %q)", got, fileErrors(link, res))
	}
}

// A template a generator renders into a Dockerfile is not one: the walk
// leaves it out (its {{ }} would be a parse error), and naming it lints it.
func TestWalkLeavesOutDockerfileTemplates(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Dockerfile":          "FROM alpine:3.20\nUSER root\n",
		"Dockerfile.template": "FROM {{ .base }}\nUSER root\n",
		"Dockerfile.j2":       "FROM alpine:3.20\nUSER root\n",
		"Dockerfile.alpine":   "FROM alpine:3.20\nUSER root\n",
		// BuildKit's ignore file for Dockerfile.alpine, and a README.
		"Dockerfile.alpine.dockerignore": "*.log\ncoverage.txt\n",
		"Dockerfile.md":                  "# How to build\n",
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if errs := fileErrors(root, res); len(errs) != 0 {
		t.Errorf("errors: %q", errs)
	}
	got := findingFiles(root, res, rules.RootUser)
	sort.Strings(got)
	if want := []string{"Dockerfile", "Dockerfile.alpine"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("linted %q, want %q", got, want)
	}
	res = Run(Options{Paths: []string{filepath.Join(root, "Dockerfile.j2")}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if got := findingFiles(root, res, rules.RootUser); len(got) != 1 {
		t.Errorf("named template: findings in %q, want Dockerfile.j2", got)
	}
}

// TestWalkLeavesOutTemplatesByText: a Dockerfile the walk finds whose
// text is a template ({{ }} where an instruction belongs) though its name
// is not is left out with one note, and so is a compose file with a
// %%NAME%% placeholder a script replaces; named, it is a parse error; a
// Dockerfile without FROM is still an error, being no template.
func TestWalkLeavesOutTemplatesByText(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Dockerfile":                       "FROM alpine:3.20\nUSER root\n",
		"templates/Dockerfile.linux":       "{{ if .dev }}\nFROM alpine:3.20\n{{ end }}\n",
		"templates/aspnet/Dockerfile.base": "{% include 'head' %}\nFROM debian:12\n",
		"fragments/Dockerfile.envs":        "ENV A=1\n",
		"templates/compose/compose.yaml":   "{% set env='app.env' %}\nservices:\n  app:\n    image: x\n",
		"neo4j/Dockerfile-ubi9":            "FROM %%NEO4J_BASE_IMAGE%%\nUSER root\n",
		"neo4j/compose.yml":                "services:\n  db:\n    image: neo4j:5\n    user: \"%%USERIDGROUPID%%\"\n",
		"printf/Dockerfile":                "FROM alpine:3.20\nRUN printf '%%s %%d' a 1\nUSER root\n",
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if errs := fileErrors(root, res); len(errs) != 1 || !strings.HasPrefix(errs[0], "fragments/Dockerfile.envs:1:") {
		t.Errorf("errors: %q, want only fragments/Dockerfile.envs's", errs)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].Msg, "left out 4 templates") || !strings.Contains(res.Notes[0].Msg, filepath.Join(root, "neo4j", "compose.yml")) {
		t.Errorf("notes: %+v, want one naming neo4j/compose.yml of 4", res.Notes)
	}
	// A Dockerfile's placeholders stand for values: it is linted.
	if res.Files != 4 {
		t.Errorf("files linted: %d, want 4 (the templates are not)", res.Files)
	}
	res = Run(Options{Paths: []string{filepath.Join(root, "templates", "Dockerfile.linux")}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if errs := fileErrors(root, res); len(errs) != 1 || !strings.Contains(errs[0], "a template that a generator renders") {
		t.Errorf("named template: errors %q, want its parse error", errs)
	}
}

// TestComposeMergeHoldsWalkedOverride: a walked override that
// --compose-merge names is linted in the merge, not alone as well.
func TestComposeMergeHoldsWalkedOverride(t *testing.T) {
	root := writeTree(t, map[string]string{
		"docker-compose.yml":       "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n",
		"docker-compose.extra.yml": "services:\n  web:\n    profiles: [combined]\n",
	})
	merge := []string{filepath.Join(root, "docker-compose.yml"), filepath.Join(root, "docker-compose.extra.yml")}
	res := Run(Options{Paths: []string{root}, ComposeMerge: merge, Rules: []*rules.Rule{rules.ComposeInvalid, rules.Privileged}, NoConfig: true})
	var got []string
	for _, f := range res.Findings {
		got = append(got, filepath.Base(f.Range.File)+" "+f.Rule.ID)
	}
	if strings.Join(got, ", ") != "docker-compose.yml privileged" {
		t.Errorf("findings %q, want only the merged project's privileged", got)
	}
}

// Compose files are told by Compose's own names and by names in which
// compose is a word of its own; other YAML is not one.
func TestClassifyComposeNames(t *testing.T) {
	for name, want := range map[string]Kind{
		"compose.yaml": KindCompose, "docker-compose.prod.yml": KindCompose, "compose.dev.yaml": KindCompose,
		"compose-debug.yml": KindCompose, "kong-tests-compose.yaml": KindCompose, "app.compose.yml": KindCompose,
		"compose_ci.yml": KindCompose, "docker-stack.yml": KindCompose, "docker-traefik-stack.yml": KindCompose,
		"mkdocs.yml": KindUnknown, "stack.yaml": KindUnknown, "tech-stack.yml": KindUnknown, "composer.yaml": KindUnknown,
		"decompose.yml": KindUnknown, "compose.yaml.example": KindUnknown, ".gitlab-ci.yml": KindUnknown,
		// Rancher 1.x's companion file is no compose file.
		"rancher-compose.yml": KindUnknown, "Rancher-Compose.yaml": KindUnknown,
	} {
		if got := Classify(name); got != want {
			t.Errorf("Classify(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestClassifyDockerfileNames(t *testing.T) {
	for name, want := range map[string]Kind{
		"Dockerfile": KindDockerfile, "Dockerfile.dev": KindDockerfile, "app.Dockerfile": KindDockerfile,
		"Dockerfile-ubi9": KindDockerfile, "Dockerfile-workers": KindDockerfile, "dockerfile_alpine": KindDockerfile,
		"Containerfile-fedora": KindDockerfile, "Dockerfile-tilt": KindDockerfile,
		"Dockerfile-lint.sh": KindUnknown, "Dockerfile-": KindUnknown, "dockerfile-versions.json": KindUnknown,
		"Dockerfile-README.md": KindUnknown, "Dockerfile.template": KindUnknown, "Dockerfile-base.j2": KindUnknown,
	} {
		if got := Classify(name); got != want {
			t.Errorf("Classify(%q) = %v, want %v", name, got, want)
		}
	}
}

// A Dockerfile whose COPY sources are not in its own directory but are in
// one above is built from there (`docker build -f docker/Dockerfile .`):
// the entrypoint script it copies is found and read.
func TestStandaloneContextAbove(t *testing.T) {
	root := writeTree(t, map[string]string{
		".git/HEAD":              "ref: refs/heads/main\n",
		"docker/Dockerfile":      "FROM debian:12-slim\nCOPY ./docker/start.sh /start.sh\nENTRYPOINT [\"/start.sh\"]\n",
		"docker/start.sh":        "#!/bin/sh\nchown -R app /data\napp serve\n",
		"docker/unrelated/x.txt": "x\n",
		"other/Dockerfile":       "FROM debian:12-slim\nCOPY start.sh /start.sh\nENTRYPOINT [\"/start.sh\"]\n",
		"other/start.sh":         "#!/bin/sh\nexec app serve\n",
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.EntrypointScriptMissingExec}, NoConfig: true})
	if len(res.Findings) != 1 || filepath.Base(filepath.Dir(res.Findings[0].Range.File)) != "docker" {
		t.Errorf("findings: %+v", res.Findings)
	}
}

// ENTRYPOINT ["/bin/bash"] with CMD ["/entrypoint.sh"]: the shell runs the
// CMD's script, which is read (Kavita's runs ./Kavita without exec).
func TestShellEntrypointRunsCmdScript(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Dockerfile":    "FROM ubuntu:24.04\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/bin/bash\"]\nCMD [\"/entrypoint.sh\"]\n",
		"entrypoint.sh": "#!/bin/bash\nmkdir -p /kavita/config\n./Kavita\n",
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.EntrypointScriptMissingExec}, NoConfig: true})
	if len(res.Findings) != 1 || filepath.Base(res.Findings[0].Range.File) != "entrypoint.sh" {
		t.Errorf("findings: %+v", res.Findings)
	}
}

// Outside a repository the context is not sought above the directory
// named on the command line, and never where a source would be the
// Dockerfile's own directory: goreleaser's `COPY pomerium /bin/` copies a
// built binary, not the checkout named pomerium with its test keys.
func TestStandaloneContextStaysInTheLintRoot(t *testing.T) {
	root := writeTree(t, map[string]string{
		"pomerium/Dockerfile":       "FROM gcr.io/distroless/base-debian12:nonroot\nCOPY pomerium /bin/\nENTRYPOINT [\"/bin/pomerium\"]\n",
		"pomerium/testdata/tls.key": "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
	})
	for _, path := range []string{filepath.Join(root, "pomerium"), root} {
		res := Run(Options{Paths: []string{path}, Rules: []*rules.Rule{rules.SecretFileInImage}, NoConfig: true})
		if len(res.Findings) != 0 {
			t.Errorf("%s: findings %+v", path, res.Findings)
		}
	}
}
