package parser

import "testing"

func TestConfiguredWorkersUser(t *testing.T) {
	for _, tc := range []struct{ server, text, want string }{
		{"nginx", "user nobody nogroup;\nworker_processes auto;\n", "nobody"},
		{"nginx", "# user www-data;\nevents {}\nhttp {\n  server { listen 80; }\n}\n", ""}, // commented out
		{"nginx", "events {}\nhttp {\n  user inside;\n}\n", ""},                            // not top-level
		{"nginx", "user ${NGINX_USER};\n", ""},                                             // a template's variable
		{"php-fpm", "[www]\nuser = app\ngroup = app\nlisten = 9000\n", "app"},
		{"php-fpm", "[www]\n;user = nobody\nlisten = 9000\n", ""},
	} {
		if got := ConfiguredWorkersUser(tc.server, []byte(tc.text)); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.server, tc.text, got, tc.want)
		}
	}
}
