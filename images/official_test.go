package images

import (
	"strings"
	"testing"
)

// These tests read the committed official.json: they check that the
// generated data says what the images' own Dockerfiles say.

func officialCatalog(t *testing.T) *Catalog {
	t.Helper()
	entries, err := Decode(officialJSON)
	if err != nil {
		t.Fatalf("official.json: %v", err)
	}
	if len(entries) < 100 {
		t.Fatalf("official.json has %d images, want at least 100", len(entries))
	}
	return (&Catalog{}).With("generated", entries)
}

func mustLookup(t *testing.T, c *Catalog, name, tag string) *Image {
	t.Helper()
	im, ok := c.Lookup(name, tag)
	if !ok {
		t.Fatalf("%s:%s is not in official.json", name, tag)
	}
	return im
}

func TestOfficialDropsPrivileges(t *testing.T) {
	c := officialCatalog(t)
	for _, tc := range []struct{ name, tag, user string }{
		{"postgres", "", "postgres"},
		{"postgres", "16-alpine", "postgres"},
		{"redis", "7", "redis"},
		{"mysql", "8.0", "mysql"},
		{"mongo", "7", "mongodb"},
		{"rabbitmq", "3-management", "rabbitmq"},
	} {
		im := mustLookup(t, c, tc.name, tc.tag)
		if im.DropsTo != tc.user || im.DropTool == "" {
			t.Errorf("%s:%s drops to %q with %q, want %q (source %s)", tc.name, tc.tag, im.DropsTo, im.DropTool, tc.user, im.Source)
		}
		if !im.RunsAsRoot() {
			t.Errorf("%s:%s runs as %q; its entrypoint starts as root to drop privileges", tc.name, tc.tag, im.User)
		}
	}
	// nginx stays root as a master process: no drop in its entrypoint.
	if im := mustLookup(t, c, "nginx", ""); im.DropsTo != "" {
		t.Errorf("nginx drops to %q, want none", im.DropsTo)
	}
}

func TestOfficialAccounts(t *testing.T) {
	c := officialCatalog(t)
	for _, tc := range []struct {
		name, tag, account string
		uid, gid           int
	}{
		{"node", "", "node", 1000, 1000},
		{"node", "20-alpine", "node", 1000, 1000},
		{"postgres", "", "postgres", 999, 999},
		{"postgres", "alpine", "postgres", 70, 70},
		{"nginx", "", "nginx", 101, 101},
		{"httpd", "", "www-data", 33, 33},
	} {
		im := mustLookup(t, c, tc.name, tc.tag)
		a, ok := im.Account(tc.account)
		if !ok || a.UID != tc.uid || a.GID != tc.gid {
			t.Errorf("%s:%s account %s = %+v (found %v), want %d:%d", tc.name, tc.tag, tc.account, a, ok, tc.uid, tc.gid)
		}
	}
}

func TestOfficialBaseImages(t *testing.T) {
	c := officialCatalog(t)
	for _, ref := range []string{"python", "python:3.12-slim", "node", "golang:1.22", "ruby", "eclipse-temurin:21-jdk", "buildpack-deps"} {
		name, tag, _ := strings.Cut(ref, ":")
		if im := mustLookup(t, c, name, tag); !im.Base {
			t.Errorf("%s is not a base image: cmd %v entrypoint %v", ref, im.Cmd, im.Entrypoint)
		}
	}
	for _, ref := range []string{"postgres", "nginx", "redis", "traefik", "httpd", "wordpress"} {
		if im := mustLookup(t, c, ref, ""); im.Base {
			t.Errorf("%s is marked a base image, but runs %v %v", ref, im.Entrypoint, im.Cmd)
		}
	}
}

func TestOfficialShells(t *testing.T) {
	c := officialCatalog(t)
	for _, tc := range []struct {
		ref   string
		shell Shell
	}{
		{"postgres:alpine", ShellAsh},
		{"node:20-alpine3.20", ShellAsh},
		{"python:3.13-alpine", ShellAsh},
		{"nginx:alpine", ShellAsh},
		{"redis:alpine", ShellAsh},
		{"postgres", ShellDash},
		{"node:lts-bookworm-slim", ShellDash},
		{"python:3.12-windowsservercore-ltsc2022", ShellWindows},
	} {
		name, tag, _ := strings.Cut(tc.ref, ":")
		if im := mustLookup(t, c, name, tag); im.Shell != tc.shell {
			t.Errorf("%s: shell %q (pattern %q), want %q", tc.ref, im.Shell, im.Pattern, tc.shell)
		}
	}
}

func TestOfficialInits(t *testing.T) {
	c := officialCatalog(t)
	for _, name := range []string{"couchdb", "elasticsearch", "neo4j"} {
		if im := mustLookup(t, c, name, ""); im.Init != "tini" {
			t.Errorf("%s: init %q, want tini (entrypoint %v)", name, im.Init, im.Entrypoint)
		}
	}
	if im := mustLookup(t, c, "postgres", ""); im.Init != "" {
		t.Errorf("postgres: init %q, want none", im.Init)
	}
}

func TestOfficialSources(t *testing.T) {
	entries, err := Decode(officialJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		last := e.Variants[len(e.Variants)-1]
		if last.Tags[len(last.Tags)-1] != "*" {
			t.Errorf("%s: the last variant ends in %q, want the catch-all *", e.Image, last.Tags[len(last.Tags)-1])
		}
		for _, v := range e.Variants {
			if !strings.Contains(v.Source, "@") || !strings.Contains(v.Source, ":") {
				t.Errorf("%s %v: source %q names no repo@commit:path", e.Image, v.Tags, v.Source)
			}
		}
	}
}
