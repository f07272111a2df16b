package parser

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHoldsReference(t *testing.T) {
	for raw, want := range map[string]bool{
		"${DB_PASSWORD}": true, "$DB_PASSWORD": true, "${X:-hunter2}": true, "a${_X}b": true,
		"hunter2": false, "$$2y$$10$$abc": false, "cost$": false, "$1": false, "": false,
	} {
		if got := holdsReference(raw); got != want {
			t.Errorf("holdsReference(%q) = %v, want %v", raw, got, want)
		}
	}
}

// TestComposeServiceFacts checks the fields the correctness rules read,
// each at the entry that writes it.
func TestComposeServiceFacts(t *testing.T) {
	dir := t.TempDir()
	compose := `services:
  app:
    image: example/app:1.4
    container_name: app
    restart: always
    read_only: true
    cap_drop: [ALL]
    environment:
      - TOKEN=abc   # change me
      - FROM_ENV
      - REF=${REF:-x}
    env_file: [./present.env, ./missing.env]
    links: [db:database]
    network_mode: service:vpn
    pids_limit: 100
    healthcheck:
      disable: true
  db:
    image: postgres:16
    depends_on:
      vpn:
        condition: service_healthy
  vpn:
    image: example/vpn:1
secrets:
  s:
    file: ./missing.txt
`
	path := filepath.Join(dir, "compose.yaml")
	if err := os.WriteFile(path, []byte(compose), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "present.env"), []byte("A=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadCompose(dir, []*Source{NewSource(path, []byte(compose))}, nil)
	if err != nil {
		t.Fatal(err)
	}
	app := p.Service("app")
	if app.ContainerName == nil || app.ContainerName.Range.Start.Line != 4 || app.Restart.Value != "always" || app.ReadOnly == nil || len(app.CapDrop) != 1 {
		t.Errorf("app: container_name %+v, restart %+v, read_only %+v, cap_drop %+v", app.ContainerName, app.Restart, app.ReadOnly, app.CapDrop)
	}
	env := map[string]*EnvVar{}
	for _, e := range app.Environment {
		env[e.Name] = e
	}
	if e := env["TOKEN"]; e == nil || !e.Literal || e.Value != "abc" || e.Comment != "change me" || e.Range.Start.Line != 9 {
		t.Errorf("TOKEN: %+v", e)
	}
	if e := env["FROM_ENV"]; e == nil || e.Literal {
		t.Errorf("FROM_ENV is taken from the environment, not written: %+v", e)
	}
	if e := env["REF"]; e == nil || e.Literal || e.Value != "x" {
		t.Errorf("REF: %+v", e)
	}
	if len(app.EnvFiles) != 2 || app.EnvFiles[0].Missing || !app.EnvFiles[1].Missing || app.EnvFiles[1].Range.Start.Line != 12 {
		t.Errorf("env files: %+v %+v", app.EnvFiles[0], app.EnvFiles[1])
	}
	deps := map[string]*Dependency{}
	for _, d := range app.DependsOn {
		deps[d.Service] = d
	}
	if d := deps["db"]; d == nil || d.Via != "links" || d.Range.Start.Line != 13 {
		t.Errorf("db: %+v", d)
	}
	if d := deps["vpn"]; d == nil || d.Via != "network_mode" || d.Range.Start.Line != 14 {
		t.Errorf("vpn: %+v", d)
	}
	if db := p.Service("db"); len(db.DependsOn) != 1 || db.DependsOn[0].Condition != "service_healthy" || db.DependsOn[0].Range.Start.Line != 21 {
		t.Errorf("db depends_on: %+v", db.DependsOn)
	}
	if !app.Limits["pids_limit"] || app.Limits["mem_limit"] || app.Healthcheck == nil || !app.Healthcheck.Disabled {
		t.Errorf("limits %v, healthcheck %+v", app.Limits, app.Healthcheck)
	}
	if len(p.Secrets) != 1 || !p.Secrets[0].Missing || p.Secrets[0].Range.Start.Line != 27 {
		t.Errorf("secrets: %+v", p.Secrets)
	}
}
