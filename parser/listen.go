package parser

import (
	"strconv"
	"strings"
)

// ConfiguredToListen reports whether the service's own settings tell its
// program to listen on port where a published port reaches it: a port
// variable of its environment (`PORT=9999`), a port option of its command
// or entrypoint (`--port 4000`, `--http-port=4000`), or an address on every
// interface (`--inspect=0.0.0.0:9229`, `-b 0.0.0.0:8000`, `runserver
// 0.0.0.0:8000`, also inside `sh -c` or NODE_OPTIONS). Then something
// listens there, whatever the image EXPOSEs. A loopback address
// (`--inspect=9229` binds 127.0.0.1) is not such a setting: a published
// port never reaches it.
func (s *Service) ConfiguredToListen(port int) bool {
	want := strconv.Itoa(port)
	for _, ev := range s.Environment {
		if ev.Unset {
			continue
		}
		if OwnPortVar(ev.Name) && strings.TrimSpace(ev.Value) == want {
			return true
		}
		if wordsListen(strings.Fields(ev.Value), want) {
			return true
		}
	}
	for _, spec := range []*ExecSpec{s.Entrypoint, s.Command} {
		if spec == nil {
			continue
		}
		var words []string
		for _, arg := range spec.Argv {
			words = append(words, strings.Fields(wordBreaks.Replace(arg))...)
		}
		if wordsListen(words, want) {
			return true
		}
	}
	return false
}

// wordBreaks splits a `sh -c` string into words well enough to find an
// option and its value.
var wordBreaks = strings.NewReplacer(`"`, " ", `'`, " ", ";", " ")

// wordsListen reports whether command words set port as a listening port:
// a port option's value or an address on every interface.
func wordsListen(words []string, port string) bool {
	for i, w := range words {
		name, value, hasValue := strings.Cut(w, "=")
		if strings.HasPrefix(name, "-") && portOption(name) {
			if hasValue && value == port || !hasValue && i+1 < len(words) && words[i+1] == port {
				return true
			}
		}
		if !hasValue {
			value = w
		}
		if anyInterfaceAddr(value, port) {
			return true
		}
	}
	return false
}

// portOption reports an option that names the port a program serves on:
// -p, --port, --http-port, --listen-port.
func portOption(name string) bool {
	name = strings.ToLower(strings.TrimLeft(name, "-"))
	return name == "p" || name == "port" || strings.HasSuffix(name, "-port") || strings.HasSuffix(name, "_port")
}

// anyInterfaceAddr reports whether value is port on every interface:
// 0.0.0.0:N, [::]:N, *:N, :N, or a URL to 0.0.0.0:N.
func anyInterfaceAddr(value, port string) bool {
	i := strings.LastIndex(value, ":")
	if i < 0 || value[i+1:] != port {
		return false
	}
	switch host := value[:i]; host {
	case "", "0.0.0.0", "[::]", "::", "*":
		return true
	default:
		return strings.HasSuffix(host, "//0.0.0.0") // tcp://0.0.0.0:N, http://0.0.0.0:N
	}
}

// OwnPortVar reports a variable that sets the port a program serves its
// own HTTP or API on (PORT, HTTP_PORT, GOTRUE_API_PORT), not one that
// names a server it is (REDIS_PORT) or talks to (DB_PORT).
func OwnPortVar(name string) bool {
	name = strings.ToUpper(name)
	if name == "PORT" {
		return true
	}
	for _, s := range []string{"HTTP_PORT", "API_PORT", "SERVER_PORT", "APP_PORT", "LISTEN_PORT", "WEB_PORT"} {
		if name == s || strings.HasSuffix(name, "_"+s) {
			return true
		}
	}
	return false
}
