package images

import (
	"strings"
	"testing"
)

func intp(n int) *int { return &n }

func TestLookup(t *testing.T) {
	cat := (&Catalog{}).With("generated", []Entry{
		{Image: "postgres", Variants: []Variant{
			{Tags: []string{"*alpine*"}, Facts: Facts{Shell: ShellAsh, DropsTo: "postgres"}, Source: "a"},
			{Tags: []string{"*"}, Facts: Facts{Shell: ShellDash, DropsTo: "postgres"}, Source: "b"},
		}},
		{Image: "ubuntu", Variants: []Variant{{Tags: []string{"*"}, Facts: Facts{Shell: ShellDash}, Source: "u"}}},
	}).With("vendor", []Entry{
		{Image: "registry.example/ubi9/*", Variants: []Variant{{Tags: []string{"*"}, Facts: Facts{User: "1001", UID: intp(1001)}, Source: "c"}}},
		{Image: "registry.example/ubi9/ubi", Variants: []Variant{{Tags: []string{"*"}, Facts: Facts{Shell: ShellBash}, Source: "d"}}},
	})
	for _, tc := range []struct {
		name, tag string
		source    string
		shell     Shell
	}{
		{"postgres", "17-alpine3.21", "a", ShellAsh},
		{"postgres", "", "b", ShellDash},
		{"docker.io/library/postgres", "16", "b", ShellDash},
		{"public.ecr.aws/docker/library/postgres", "16", "b", ShellDash},
		{"mirror.gcr.io/library/postgres", "16", "b", ShellDash},
		{"Postgres", "16", "b", ShellDash},
		// The per-architecture copies of the official images.
		{"arm64v8/postgres", "16", "b", ShellDash},
		{"docker.io/amd64/postgres", "17-alpine", "a", ShellAsh},
		{"ubuntu.azurecr.io/ubuntu", "noble", "u", ShellDash},
		// The exact name wins over the family pattern listed before it.
		{"registry.example/ubi9/ubi", "9.5", "d", ShellBash},
		{"registry.example/ubi9/nodejs-20", "latest", "c", ShellUnknown},
	} {
		img, ok := cat.Lookup(tc.name, tc.tag)
		if !ok {
			t.Errorf("%s:%s not found", tc.name, tc.tag)
			continue
		}
		if img.Source != tc.source || img.Shell != tc.shell {
			t.Errorf("%s:%s: source %q shell %q, want %q %q", tc.name, tc.tag, img.Source, img.Shell, tc.source, tc.shell)
		}
	}
	for _, miss := range [][2]string{{"postgresql", "1"}, {"acme/postgres", "1"}, {"amd64/acme/postgres", "1"}, {"postgres", "${TAG}"}, {"$IMAGE", ""}} {
		if _, ok := cat.Lookup(miss[0], miss[1]); ok {
			t.Errorf("%v found", miss)
		}
	}
}

// TestOldAlpineShell: busybox before 1.28 forks for sh -c's last command,
// so a tag that names Alpine 3.7 or older says nothing sure about /bin/sh.
func TestOldAlpineShell(t *testing.T) {
	cat := (&Catalog{}).With("t", []Entry{
		{Image: "node", Variants: []Variant{{Tags: []string{"*alpine*"}, Facts: Facts{Shell: ShellAsh}, Source: "s"}}},
		{Image: "alpine", Variants: []Variant{{Tags: []string{"*"}, Facts: Facts{Shell: ShellAsh}, Source: "s"}}},
	})
	for tag, want := range map[string]Shell{"8.9.4-alpine3.6": ShellUnknown, "14.17.3-alpine3.14": ShellAsh, "22-alpine3.21": ShellAsh, "22-alpine": ShellAsh, "12-alpine3.8": ShellAsh} {
		img, _ := cat.Lookup("node", tag)
		if img.Shell != want {
			t.Errorf("node:%s: %q, want %q", tag, img.Shell, want)
		}
	}
	for tag, want := range map[string]Shell{"3.5": ShellUnknown, "3.7": ShellUnknown, "3.12": ShellAsh, "3.13": ShellAsh, "3.21": ShellAsh, "latest": ShellAsh, "edge": ShellAsh} {
		img, _ := cat.Lookup("alpine", tag)
		if img.Shell != want {
			t.Errorf("alpine:%s: %q, want %q", tag, img.Shell, want)
		}
	}
}

func TestRunsAsRoot(t *testing.T) {
	for _, tc := range []struct {
		f    Facts
		root bool
	}{
		{Facts{}, true}, {Facts{User: "root"}, true}, {Facts{User: "0:0"}, true}, {Facts{User: "ContainerAdministrator"}, true},
		{Facts{User: "postgres"}, false}, {Facts{User: "1001"}, false}, {Facts{User: "app", UID: intp(0)}, true},
	} {
		if got := tc.f.RunsAsRoot(); got != tc.root {
			t.Errorf("%+v: %v", tc.f, got)
		}
	}
}

func TestIsInteractive(t *testing.T) {
	for _, tc := range []struct {
		argv []string
		want bool
	}{
		{nil, true}, {[]string{"bash"}, true}, {[]string{"/bin/sh"}, true}, {[]string{"python3"}, true},
		{[]string{"python3.13"}, true}, {[]string{"node"}, true}, {[]string{"irb"}, true}, {[]string{"php", "-a"}, true},
		{[]string{"jshell"}, true}, {[]string{"sh", "-l"}, true}, {[]string{"perl5.40.0", "-de0"}, true},
		{[]string{"perl5.40.0", "app.pl"}, false},
		{[]string{"node", "server.js"}, false}, {[]string{"python3", "app.py"}, false}, {[]string{"sh", "-c", "app"}, false},
		{[]string{"php-fpm"}, false}, {[]string{"nginx", "-g", "daemon off;"}, false}, {[]string{"postgres"}, false},
	} {
		if got := IsInteractive(tc.argv); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.argv, got, tc.want)
		}
	}
}

// TestShippedCatalogues decodes what dlint embeds and checks facts that
// rules rely on, read from the images' own sources.
func TestShippedCatalogues(t *testing.T) {
	cat := Default()
	check := func(name, tag string, ok func(*Image) bool, what string) {
		t.Helper()
		img, found := cat.Lookup(name, tag)
		if !found {
			t.Errorf("%s:%s is not in the catalogue", name, tag)
			return
		}
		if !ok(img) {
			t.Errorf("%s:%s: want %s, got %+v", name, tag, what, img.Facts)
		}
	}
	check("gcr.io/distroless/static-debian12", "nonroot", func(i *Image) bool { return !i.RunsAsRoot() && i.Shell == ShellNone }, "non-root, no shell")
	check("gcr.io/distroless/base-debian12", "latest", func(i *Image) bool { return i.RunsAsRoot() && i.Shell == ShellNone }, "root, no shell")
	check("scratch", "", func(i *Image) bool { return i.Shell == ShellNone }, "no shell")
	check("gcc", "15", func(i *Image) bool { return i.RunsAsRoot() && i.Shell == ShellDash && i.Base }, "root, dash, a base image")
	check("perl", "5.40-slim", func(i *Image) bool { return i.Shell == ShellDash && i.Base }, "dash, a base image")
	check("debian", "bookworm-slim", func(i *Image) bool { return i.Shell == ShellDash && i.Base }, "dash, a base image")
	check("alpine", "3.21", func(i *Image) bool { return i.Shell == ShellAsh && i.UserTool == "adduser" }, "ash, adduser")
	check("registry.access.redhat.com/ubi8/ubi", "8.10", func(i *Image) bool { return i.Shell == ShellOldBash }, "bash before 5.1")
	check("registry.access.redhat.com/ubi9/ubi-minimal", "9.5", func(i *Image) bool { return i.Shell == ShellBash }, "bash 5")
	check("registry.access.redhat.com/ubi9/ubi-micro", "9.5", func(i *Image) bool { return i.Shell == ShellBash && i.UserTool == "none" }, "UBI micro: bash, no useradd")
	check("registry.access.redhat.com/ubi8-micro", "8.10", func(i *Image) bool { return i.Shell == ShellOldBash }, "UBI 8 micro: bash before 5.1")
	check("redhat/ubi9-minimal", "latest", func(i *Image) bool { return i.Shell == ShellBash && i.Base }, "Hub's copy of UBI: bash, a base image")
	check("docker.io/redhat/ubi8", "8.10", func(i *Image) bool { return i.Shell == ShellOldBash }, "Hub's copy of UBI 8: bash before 5.1")
	check("mcr.microsoft.com/dotnet/aspnet", "8.0-jammy-chiseled", func(i *Image) bool { return !i.RunsAsRoot() && i.Shell == ShellNone }, "app user, no shell")
	check("mcr.microsoft.com/dotnet/aspnet", "8.0", func(i *Image) bool { return i.RunsAsRoot() && i.AppUser == "app" }, "root with an app user")
	check("mcr.microsoft.com/dotnet/aspnet", "10.0-windowsservercore-ltsc2022", func(i *Image) bool { return i.Shell == ShellWindows && i.RunsAsRoot() }, "Windows, ContainerAdministrator")
	check("mcr.microsoft.com/dotnet/sdk", "8.0-nanoserver-ltsc2022", func(i *Image) bool { return i.Shell == ShellWindows && i.User == "ContainerUser" }, "Windows, ContainerUser")
	check("bitnami/postgresql", "16", func(i *Image) bool { return !i.RunsAsRoot() }, "USER 1001")
	check("lscr.io/linuxserver/plex", "latest", func(i *Image) bool { return i.Init == "s6-overlay" && i.DropsTo == "abc" }, "s6 and abc")
}

func TestBackingService(t *testing.T) {
	cat := Default()
	pg, _ := cat.Lookup("postgres", "16")
	if b, ok := BackingService(pg, "postgres:16"); !ok || b.Kind != "database" || b.Probe == "" {
		t.Errorf("postgres:16: got %+v, %v; want a database with a probe", b, ok)
	}
	// mongosh ships from mongo 5.0 on; older tags have the legacy shell.
	for tag, client := range map[string]string{"4.4": "mongo ", "4.4.29-focal": "mongo ", "5.0": "mongosh ", "8": "mongosh ", "latest": "mongosh "} {
		mongo, _ := cat.Lookup("mongo", tag)
		if b, ok := BackingService(mongo, "mongo:"+tag); !ok || !strings.HasPrefix(b.Probe, client) {
			t.Errorf("mongo:%s: probe %q, want one that runs %s", tag, b.Probe, client)
		}
	}
	crate, _ := cat.Lookup("crate", "")
	if b, ok := BackingService(crate, "crate"); !ok || b.Probe != "" {
		t.Errorf("crate: got %+v, %v; want a database without postgres's probe", b, ok)
	}
	if b, ok := BackingService(nil, "docker.io/bitnami/redis"); !ok || b.Kind != "cache" {
		t.Errorf("bitnami/redis: got %+v, %v; want a cache", b, ok)
	}
	nginx, _ := cat.Lookup("nginx", "")
	for _, name := range []string{"nginx", "example/api", "${DB_IMAGE}"} {
		if b, ok := BackingService(nginx, name); ok {
			t.Errorf("%s: got %+v; want no backing service", name, b)
		}
	}
}

func TestUseraddSkipsLastlog(t *testing.T) {
	for _, tc := range []struct {
		name, tag string
		want      bool
	}{
		{"debian", "12-slim", true}, {"debian", "bookworm", true}, {"debian", "11", false}, {"debian", "bullseye-slim", false},
		{"ubuntu", "24.04", true}, {"ubuntu", "22.04", false}, {"ubuntu", "jammy", false},
		{"python", "3.13-slim-bookworm", true}, {"python", "3.13-slim", false}, {"node", "22-alpine3.20", true},
		{"alpine", "3.16", false}, {"alpine", "3.21", true}, {"redis", "7-alpine", false},
	} {
		img := &Image{Name: tc.name, Tag: tc.tag}
		if got := img.UseraddSkipsLastlog(); got != tc.want {
			t.Errorf("%s:%s: %v, want %v", tc.name, tc.tag, got, tc.want)
		}
	}
}

func TestServerWorkers(t *testing.T) {
	alpine, _ := Default().Lookup("alpine", "3.19")
	httpd, _ := Default().Lookup("httpd", "2.4")
	php, _ := Default().Lookup("php", "8.3-apache")
	for _, tc := range []struct {
		argv []string
		img  *Image
		env  map[string]string
		want string
	}{
		{[]string{"httpd", "-DFOREGROUND"}, httpd, nil, "www-data"},        // the image's httpd.conf
		{[]string{"httpd", "-DNO_DETACH"}, alpine, nil, "apache"},          // Alpine's apache2 package
		{[]string{"httpd"}, nil, nil, "the user its User directive names"}, // not known
		{[]string{"apache2-foreground"}, php, nil, "www-data"},
		{[]string{"apache2-foreground"}, php, map[string]string{"APACHE_RUN_USER": "app"}, "app"},
		{[]string{"apache2-foreground"}, php, map[string]string{"APACHE_RUN_USER": "${USER}"}, "www-data"},
		{[]string{"nginx", "-g", "daemon off;"}, alpine, nil, "nginx"},
	} {
		got, ok := ServerWorkers(tc.argv, tc.img, tc.env)
		if !ok || got != tc.want {
			t.Errorf("ServerWorkers(%q, %v): %q, %v; want %q", tc.argv, tc.env, got, ok, tc.want)
		}
	}
	if _, ok := ServerWorkers([]string{"node", "app.js"}, alpine, nil); ok {
		t.Error("node is no master-workers server")
	}
}

func TestEntrypointRuns(t *testing.T) {
	php, _ := Default().Lookup("php", "8.3-fpm")
	if got, ok := php.EntrypointRuns([]string{"docker-php-entrypoint", "php-fpm"}); !ok || len(got) != 1 || got[0] != "php-fpm" {
		t.Errorf("docker-php-entrypoint php-fpm: %q, %v", got, ok)
	}
	if got, ok := php.EntrypointRuns([]string{"/usr/local/bin/docker-php-entrypoint", "-F"}); !ok || len(got) != 2 || got[0] != "php-fpm" {
		t.Errorf("docker-php-entrypoint -F: %q, %v (the image's CMD goes first)", got, ok)
	}
	if _, ok := php.EntrypointRuns([]string{"other-script", "php-fpm"}); ok {
		t.Error("another program is not the image's entrypoint")
	}
	var none *Image
	if _, ok := none.EntrypointRuns([]string{"docker-php-entrypoint", "php-fpm"}); ok {
		t.Error("an unknown image runs nothing dlint knows")
	}
}
