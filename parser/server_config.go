package parser

import (
	"bufio"
	"bytes"
	"path"
	"strings"
)

// ServerConfig is a configuration file, by its path in the image, whose
// workers' user dlint reads, and the server that reads it (WorkersServer).
type ServerConfig struct{ Path, Server string }

// ServerConfigs are those files in the order the servers read them: a
// later pool file's `user` wins (php-fpm's zz-docker.conf after www.conf).
var ServerConfigs = []ServerConfig{
	{"/etc/nginx/nginx.conf", "nginx"},
	{"/usr/local/openresty/nginx/conf/nginx.conf", "nginx"},
	{"/usr/local/etc/php-fpm.d/www.conf", "php-fpm"},
	{"/usr/local/etc/php-fpm.d/zz-docker.conf", "php-fpm"},
}

// WorkersServer names the server argv starts, as ServerConfigs names it:
// "nginx" for nginx and openresty, "php-fpm" for php-fpm8.2; "" for others.
func WorkersServer(argv []string) string {
	if len(argv) == 0 {
		return ""
	}
	switch name := path.Base(argv[0]); {
	case name == "nginx" || name == "openresty":
		return "nginx"
	case strings.HasPrefix(name, "php-fpm"):
		return "php-fpm"
	}
	return ""
}

// ConfiguredWorkersUser reads the user a server's configuration runs its
// workers as: nginx's top-level `user nobody nogroup;`, a php-fpm pool's
// `user = app`; "" when the file sets none.
func ConfiguredWorkersUser(server string, data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	depth := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		switch server {
		case "nginx":
			if depth == 0 {
				if rest, ok := strings.CutPrefix(line, "user "); ok {
					fields := strings.Fields(strings.TrimSuffix(strings.TrimSpace(rest), ";"))
					if len(fields) > 0 && !strings.ContainsAny(fields[0], "${}") {
						return fields[0]
					}
				}
			}
			depth += strings.Count(line, "{") - strings.Count(line, "}")
		case "php-fpm":
			key, value, ok := strings.Cut(line, "=")
			if ok && strings.TrimSpace(key) == "user" {
				if v := strings.TrimSpace(value); v != "" && !strings.ContainsAny(v, "${}") {
					return v
				}
			}
		}
	}
	return ""
}
