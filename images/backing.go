package images

import (
	"path"
	"strings"
)

// Backing is a service other containers connect to and wait for: a
// database, a message queue or broker, a cache or a search engine.
type Backing struct {
	Kind string // "database", "message broker", "cache", "search engine"
	// Probe is a healthcheck test that reports the server ready, in
	// compose's CMD-SHELL form, for the image it was written for; "" when
	// there is none or the image is another.
	Probe string
	// Port is the port its clients use ("5432/tcp").
	Port string
}

// backingPort is the server behind a port: its kind, and the image whose
// probe is known.
type backingPort struct {
	kind, home, probe string
}

// olderProbes are the probes of a home image's tags before a major
// version, whose images lack the client the probe runs: mongosh ships
// with mongo 5.0 and later, the legacy mongo shell up to 5.0.
var olderProbes = map[string]struct {
	before int
	probe  string
}{
	"mongo": {5, "mongo --quiet --eval 'db.runCommand({ ping: 1 }).ok'"},
}

// probeFor is the probe of the home image's tag.
func probeFor(bp backingPort, tag string) string {
	if old, ok := olderProbes[bp.home]; ok {
		if major, ok := tagMajor(tag); ok && major < old.before {
			return old.probe
		}
	}
	return bp.probe
}

// tagMajor is the major version a tag starts with ("4.4-focal" is 4).
func tagMajor(tag string) (int, bool) {
	n, digits := 0, 0
	for digits < len(tag) && tag[digits] >= '0' && tag[digits] <= '9' {
		n = n*10 + int(tag[digits]-'0')
		digits++
	}
	return n, digits > 0 && digits < 5
}

// backingPorts are the ports whose server is a backing service, each the
// port its clients use: an image that EXPOSEs one runs that server.
var backingPorts = map[string]backingPort{
	"5432/tcp":  {"database", "postgres", "pg_isready -U $${POSTGRES_USER:-postgres}"},
	"3306/tcp":  {"database", "mysql", "mysqladmin ping -h 127.0.0.1 --silent"},
	"27017/tcp": {"database", "mongo", "mongosh --quiet --eval 'db.runCommand({ ping: 1 }).ok'"},
	"1433/tcp":  {kind: "database"},
	"1521/tcp":  {kind: "database"},
	"26257/tcp": {kind: "database"},
	"9042/tcp":  {"database", "cassandra", "cqlsh -e 'describe keyspaces'"},
	"5984/tcp":  {kind: "database"},
	"8529/tcp":  {kind: "database"},
	"7687/tcp":  {kind: "database"},
	"28015/tcp": {kind: "database"},
	"8086/tcp":  {kind: "database"},
	"8123/tcp":  {kind: "database"},
	"2424/tcp":  {kind: "database"},
	"11210/tcp": {kind: "database"},
	"6379/tcp":  {"cache", "redis", "redis-cli ping"},
	"11211/tcp": {kind: "cache"},
	"5672/tcp":  {"message broker", "rabbitmq", "rabbitmq-diagnostics -q ping"},
	"4222/tcp":  {kind: "message broker"},
	"9092/tcp":  {kind: "message broker"},
	"6650/tcp":  {kind: "message broker"}, // Apache Pulsar's binary protocol
	"1883/tcp":  {kind: "message broker"},
	"2181/tcp":  {kind: "coordination service"},
	"9200/tcp":  {kind: "search engine"},
	"8983/tcp":  {kind: "search engine"},
}

// backingImages are backing-service images the catalogue holds no EXPOSE
// for, by name pattern (path.Match), with the port their server listens
// on.
var backingImages = []struct{ pattern, port string }{
	{"bitnami*/postgresql", "5432/tcp"},
	{"bitnami*/postgresql-repmgr", "5432/tcp"},
	{"bitnami*/mysql", "3306/tcp"},
	{"bitnami*/mariadb", "3306/tcp"},
	{"bitnami*/mariadb-galera", "3306/tcp"},
	{"bitnami*/mongodb", "27017/tcp"},
	{"bitnami*/mongodb-sharded", "27017/tcp"},
	{"bitnami*/redis", "6379/tcp"},
	{"bitnami*/redis-cluster", "6379/tcp"},
	{"bitnami*/valkey", "6379/tcp"},
	{"bitnami*/memcached", "11211/tcp"},
	{"bitnami*/rabbitmq", "5672/tcp"},
	{"bitnami*/kafka", "9092/tcp"},
	{"bitnami*/cassandra", "9042/tcp"},
	{"bitnami*/elasticsearch", "9200/tcp"},
	{"bitnami*/opensearch", "9200/tcp"},
	{"postgis/postgis", "5432/tcp"},
	{"timescale/timescaledb*", "5432/tcp"},
	{"pgvector/pgvector", "5432/tcp"},
	{"tensorchord/pgvecto-rs", "5432/tcp"},
	{"ghcr.io/immich-app/postgres", "5432/tcp"},
	{"clickhouse/clickhouse-server", "8123/tcp"},
	{"mcr.microsoft.com/mssql/server", "1433/tcp"},
	{"mcr.microsoft.com/azure-sql-edge", "1433/tcp"},
	{"valkey/valkey", "6379/tcp"},
	{"eqalpha/keydb", "6379/tcp"},
	{"redis/redis-stack*", "6379/tcp"},
	{"docker.dragonflydb.io/dragonflydb/dragonfly", "6379/tcp"},
	{"cockroachdb/cockroach", "26257/tcp"},
	{"opensearchproject/opensearch", "9200/tcp"},
	{"confluentinc/cp-kafka", "9092/tcp"},
	{"apache/kafka", "9092/tcp"},
	{"apachepulsar/pulsar*", "6650/tcp"},
	{"gvenzl/oracle-*", "1521/tcp"},
	{"container-registry.oracle.com/database/*", "1521/tcp"},
}

// BackingService tells whether a container runs a backing service, from
// the facts of its image (img, nil when unknown) or the image's name.
func BackingService(img *Image, name string) (Backing, bool) {
	if img != nil {
		for _, p := range img.Expose {
			if !strings.Contains(p, "/") {
				p += "/tcp"
			}
			if bp, ok := backingPorts[p]; ok {
				b := Backing{Kind: bp.kind, Port: p}
				if img.Name == bp.home {
					b.Probe = probeFor(bp, img.Tag)
				}
				return b, true
			}
		}
	}
	if name == "" || strings.Contains(name, "$") {
		return Backing{}, false
	}
	name = Normalize(name)
	for _, e := range backingImages {
		if ok, _ := path.Match(e.pattern, name); ok {
			return Backing{Kind: backingPorts[e.port].kind, Port: e.port}, true
		}
	}
	return Backing{}, false
}

// configuredListeners are servers whose listening ports are whatever their
// configuration says; the image's EXPOSE is only the default's (traefik
// EXPOSEs 80 and is usually told to listen on 443 too).
var configuredListeners = map[string]bool{
	"traefik": true, "haproxy": true, "envoyproxy/envoy": true, "caddy": true, "nginx": true,
	"httpd": true, "nginxinc/nginx-unprivileged": true, "openresty/openresty": true, "varnish": true,
}

// ListensByConfig reports whether the image named runs a server that
// listens where its configuration says, so that a configuration the
// Dockerfile copies in decides its ports.
func ListensByConfig(name string) bool { return configuredListeners[Normalize(name)] }

// privilegedPurposes are images whose one job needs `--privileged`: they
// change the host's kernel state or run a container engine.
var privilegedPurposes = map[string]string{
	"tonistiigi/binfmt":          "it registers QEMU emulators in the host kernel's binfmt_misc, for builds of other platforms",
	"multiarch/qemu-user-static": "it registers QEMU emulators in the host kernel's binfmt_misc, for builds of other platforms",
	"docker/binfmt":              "it registers QEMU emulators in the host kernel's binfmt_misc, for builds of other platforms",
}

// PrivilegedPurpose says why the image needs `--privileged` when its job
// cannot be done without it (binfmt registration; Docker-in-Docker, the
// docker image's dind tags), or "".
func PrivilegedPurpose(name, tag string) string {
	n := Normalize(name)
	if why, ok := privilegedPurposes[n]; ok {
		return why
	}
	if n == "docker" && strings.Contains(tag, "dind") {
		return "Docker-in-Docker runs a container engine, which needs it"
	}
	return ""
}

// socketProxies are images whose job is to stand between the Docker socket
// and its clients, passing on only the API calls their settings allow.
var socketProxies = map[string]bool{
	"tecnativa/docker-socket-proxy": true, "lscr.io/linuxserver/socket-proxy": true, "linuxserver/socket-proxy": true,
	"wollomatic/socket-proxy": true, "ghcr.io/wollomatic/socket-proxy": true, "ghcr.io/tecnativa/docker-socket-proxy": true,
}

// IsSocketProxy reports whether the image named is a Docker socket proxy,
// which must mount the socket to do its job.
func IsSocketProxy(name string) bool { return socketProxies[Normalize(name)] }
