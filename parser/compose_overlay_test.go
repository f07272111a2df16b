package parser

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOverlayLintedAlone: a file written to be merged onto a base file is
// reported once, as an advisory note naming the base on disk, and what it
// leaves to the base is not judged.
func TestOverlayLintedAlone(t *testing.T) {
	base := "services:\n  app:\n    image: nginx:1.27\n    networks: [front]\nnetworks:\n  front: {}\n"
	cases := []struct {
		name, file, text string
		wantLine         int    // 0: no problem at all
		wantBase         string // the base named in the note
		dockerfile       string // a Dockerfile to write, for build contexts
	}{
		{"merge tag, services completed", "ci/certbot/compose.yaml",
			"services:\n  app:\n    networks: [front]\n    volumes: !override\n      - ./x:/x\n  pebble:\n    image: letsencrypt/pebble:v2\n    networks: [front]\n",
			2, "../../compose.yaml", ""},
		{"overrides directory, undeclared network", "overrides/compose.migrator.yaml",
			"services:\n  migrator:\n    image: busybox:1.36\n    networks: [front]\n",
			4, "../compose.yaml", ""},
		{"named override beside nothing", "extra/docker-compose.override.yml",
			"services:\n  exporter:\n    image: prom/node-exporter:v1.8.0\n    networks: [mon]\n",
			4, "../compose.yaml", ""},
		{"merge tags and no service", "ci/reset/compose.yaml",
			"services: {}\nnetworks:\n  front: !reset null\n",
			0, "", ""},
		{"override that declares everything", "overrides/compose.redis.yaml",
			"services:\n  redis:\n    image: redis:7\n",
			0, "", ""},
		{"build context written from the base's directory", "extensions/curator/curator-compose.yml",
			"services:\n  curator:\n    build:\n      context: extensions/curator/\n    networks: [front]\n    depends_on: [app]\n",
			5, "../../compose.yaml", "extensions/curator/Dockerfile"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"compose.yaml": base, c.file: c.text}
			if c.dockerfile != "" {
				files[c.dockerfile] = "FROM alpine:3.20\n"
			}
			dir := writeProject(t, files)
			p := mustLoad(t, filepath.Join(dir, filepath.Dir(c.file)), nil, filepath.Base(c.file))
			if c.wantLine == 0 {
				if len(p.Problems) != 0 {
					t.Fatalf("problems: %+v", p.Problems)
				}
				return
			}
			if len(p.Problems) != 1 {
				t.Fatalf("want one problem, got %+v", p.Problems)
			}
			pr := p.Problems[0]
			if !pr.Advisory || pr.Range.Start.Line != c.wantLine {
				t.Errorf("problem %+v: want advisory at line %d", pr, c.wantLine)
			}
			if !strings.Contains(pr.Msg, "--compose-merge "+filepath.Join(filepath.Dir(pr.Range.File), c.wantBase)+",") {
				t.Errorf("message %q does not name the base %s", pr.Msg, c.wantBase)
			}
		})
	}
}

// TestServiceLackingImageInPlainFile: a plain compose file in which one
// service lacks an image is still an error at that service.
func TestServiceLackingImageInPlainFile(t *testing.T) {
	dir := writeProject(t, map[string]string{"compose.yaml": "services:\n  app:\n    image: nginx:1.27\n  worker:\n    environment: {A: \"1\"}\n"})
	p := mustLoad(t, dir, nil, "compose.yaml")
	if len(p.Problems) != 1 || p.Problems[0].Advisory || p.Problems[0].Range.Start.Line != 4 {
		t.Errorf("problems: %+v", p.Problems)
	}
}

// TestSubProjectWithItsOwnContextIsNoOverlay: a compose file in a
// subdirectory whose build context is there from its own directory is a
// project of its own, and its undeclared references stay errors, even
// with a compose file above it.
func TestSubProjectWithItsOwnContextIsNoOverlay(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml":         "services:\n  app:\n    image: nginx:1.27\n",
		"tools/compose.yaml":   "services:\n  tool:\n    build: .\n    depends_on: [app]\n",
		"tools/Dockerfile":     "FROM alpine:3.20\n",
		"tools/tools/.gitkeep": "",
	})
	p := mustLoad(t, filepath.Join(dir, "tools"), nil, "compose.yaml")
	if len(p.Problems) != 1 || p.Problems[0].Advisory || p.Problems[0].Range.Start.Line != 4 {
		t.Errorf("problems: %+v", p.Problems)
	}
}

// TestFileBesideBaseThatDefinesItsDependencies: a compose file whose
// missing dependencies the default file beside it defines is merged onto
// it (zipkin's docker-compose-ui.yml): one note, no error.
func TestFileBesideBaseThatDefinesItsDependencies(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"docker-compose.yml":    "services:\n  zipkin:\n    image: openzipkin/zipkin:3\n",
		"docker-compose-ui.yml": "services:\n  ui:\n    image: openzipkin/zipkin-lens:3\n    depends_on: [zipkin]\n",
		"docker-compose-db.yml": "services:\n  db:\n    image: openzipkin/zipkin-mysql:3\n    depends_on: [storage]\n",
	})
	p := mustLoad(t, dir, nil, "docker-compose-ui.yml")
	if len(p.Problems) != 1 || !p.Problems[0].Advisory {
		t.Errorf("ui: problems %+v, want one advisory note", p.Problems)
	}
	p = mustLoad(t, dir, nil, "docker-compose-db.yml")
	if len(p.Problems) != 1 || p.Problems[0].Advisory {
		t.Errorf("db, whose dependency no file defines: problems %+v, want one error", p.Problems)
	}
}

// A file that completes a service the default file beside it defines, and
// adds a service of its own, is an overlay of that file (FreshRSS's
// docker-compose-proxy.yml); with no base on disk, the note names none.
func TestOverlayCompletingServiceOfBaseBeside(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"docker-compose.yml":       "services:\n  freshrss:\n    image: freshrss/freshrss:1.24\n",
		"docker-compose-proxy.yml": "services:\n  freshrss:\n    labels: [traefik.enable=true]\n  traefik:\n    image: traefik:v3.1\n",
	})
	alone := writeProject(t, map[string]string{"alone/compose.override.yml": "services:\n  web:\n    environment: [A=1]\n"})
	p := mustLoad(t, dir, nil, "docker-compose-proxy.yml")
	if len(p.Problems) != 1 || !p.Problems[0].Advisory {
		t.Errorf("proxy overlay: problems %+v", p.Problems)
	}
	p = mustLoad(t, filepath.Join(alone, "alone"), nil, "compose.override.yml")
	if len(p.Problems) != 1 || !p.Problems[0].Advisory || !strings.Contains(p.Problems[0].Msg, "--compose-merge BASE,") {
		t.Errorf("override with no base on disk: problems %+v", p.Problems)
	}
}
