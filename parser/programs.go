package parser

import (
	"path"
	"slices"
	"strings"
)

// ExitsAtOnce reports whether argv runs a program that prints something
// and exits (`node -v`, `app --version`, `echo ready`, `printenv`) or a
// job that finishes (`npm ci`, `yarn build`), so nothing stays running to
// be signalled or reaped.
func ExitsAtOnce(argv []string) bool {
	if len(argv) == 0 {
		return false
	}
	name := path.Base(argv[0])
	args := argv[1:]
	switch name {
	case "echo", "printf", "true", "false", "printenv", "id", "whoami", "hostname", "uname", "date", "pwd", ":":
		return true
	case "env":
		return len(args) == 0
	case "npm", "yarn", "pnpm":
		return installsOrBuilds(name, args)
	}
	if len(args) == 1 {
		switch args[0] {
		case "-v", "-V", "--version", "version", "-version", "-h", "--help", "help":
			return true
		}
	}
	return false
}

// installsOrBuilds reports whether a node package manager's arguments
// install the dependencies (`npm ci`, `yarn`, `pnpm install --frozen-lockfile`)
// or run the build script with nothing after it: jobs that finish, not
// the app.
func installsOrBuilds(name string, args []string) bool {
	var words []string // the arguments that are not options
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			words = append(words, a)
		}
	}
	if len(words) == 0 {
		return name == "yarn" // a bare `yarn` installs
	}
	switch words[0] {
	case "ci", "install", "i", "add":
		return true
	case "run", "run-script":
		return len(args) == 2 && words[1] == "build"
	case "build":
		return name != "npm" && len(args) == 1 // `yarn build`; `npm build` is no script runner
	}
	return false
}

// IsKeepAlive reports whether argv only keeps a container running without
// doing anything (`tail -f /dev/null`, `sleep infinity`): as PID 1 it
// ignores SIGTERM whether or not a shell is in front of it.
func IsKeepAlive(argv []string) bool {
	if len(argv) == 0 {
		return false
	}
	args := argv[1:]
	switch path.Base(argv[0]) {
	case "sleep":
		return len(args) == 1 && (args[0] == "infinity" || args[0] == "inf" || len(args[0]) >= 6 && strings.Trim(args[0], "0123456789") == "")
	case "tail":
		follows, devNull := false, false
		for _, a := range args {
			switch a {
			case "-f", "-F", "--follow", "--follow=name", "--follow=descriptor":
				follows = true
			case "/dev/null":
				devNull = true
			}
		}
		return follows && devNull
	}
	return false
}

// Argv returns the command's name and arguments as written.
func (c *Command) Argv() []string {
	return append([]string{c.Name}, c.ArgValues()...)
}

// serverPollers are programs that check whether a server accepts
// connections, by the port of the server they speak to; an entrypoint
// that runs one waits for that server before it starts the application.
var serverPollers = map[string]string{
	"pg_isready": "5432/tcp", "mysqladmin": "3306/tcp", "mariadb-admin": "3306/tcp",
	"redis-cli": "6379/tcp", "valkey-cli": "6379/tcp",
}

// WaitsForServer reports whether the command waits for a server to
// accept connections, and for which port's server ("" for any): a poller
// (`pg_isready`, `mysqladmin ping`, `redis-cli ping`), `nc -z`, or a wait
// tool (wait-for-it, dockerize -wait, Laravel's `artisan waitfordb`,
// Friendica's wait-for-connection).
func (c *Command) WaitsForServer() (port string, ok bool) {
	name := strings.ToLower(c.Base())
	if p, ok := serverPollers[name]; ok {
		return p, true
	}
	args := c.ArgValues()
	switch {
	case strings.Contains(name, "wait-for") || strings.Contains(name, "wait_for") || strings.Contains(name, "waitfor"):
		return "", true
	case name == "dockerize":
		return "", slices.ContainsFunc(args, func(a string) bool { return strings.HasPrefix(a, "-wait") })
	case name == "nc" || name == "netcat" || name == "ncat":
		return "", slices.ContainsFunc(args, func(a string) bool {
			return strings.HasPrefix(a, "-") && strings.Contains(a, "z") && !strings.HasPrefix(a, "--")
		})
	}
	// `php artisan waitfordb`, `php bin/wait-for-connection db 3306 300`.
	for _, a := range args {
		if b := strings.ToLower(path.Base(a)); strings.Contains(b, "wait-for") || strings.Contains(b, "waitfor") {
			return "", true
		}
	}
	return "", false
}

// ArgvWaitsForServer is WaitsForServer for an exec-form command line.
func ArgvWaitsForServer(argv []string) (port string, ok bool) {
	if len(argv) == 0 {
		return "", false
	}
	c := &Command{Name: argv[0]}
	for _, a := range argv[1:] {
		c.Args = append(c.Args, &Word{Lit: a, Literal: true})
	}
	return c.WaitsForServer()
}

// ServerWaits lists the ports of the servers the script waits for ("" for
// any server), one entry per waiting command: a poller or wait tool, or a
// command a loop retries until it succeeds. A poll kept in a variable
// the script expands (`prog="mysqladmin … status"`, then
// `while ! run_as app ${prog}`) counts too.
func (s *Script) ServerWaits() []string {
	var out []string
	for _, cmd := range s.Commands {
		if port, ok := cmd.WaitsForServer(); ok {
			out = append(out, port)
		}
	}
	// A command retried until it succeeds waits for what it needs
	// (`until php occ status; do sleep 5; done`), a server not named.
	for _, cmd := range s.retried {
		// (A poll kept in a variable is read below, by its value.)
		if _, ok := cmd.WaitsForServer(); !ok && cmd.NameWord != nil && cmd.NameWord.Literal && slices.Contains(s.Commands, cmd) {
			out = append(out, "")
		}
	}
	for _, set := range s.Sets {
		if set.Value == nil || !s.Reads[set.Name] {
			continue
		}
		fields := strings.Fields(strings.Trim(set.Value.Lit, `"'`))
		if len(fields) == 0 {
			continue
		}
		if port, ok := (&Command{Name: fields[0], Args: literalWords(fields[1:])}).WaitsForServer(); ok {
			out = append(out, port)
		}
	}
	return out
}

// literalWords makes words of literal strings.
func literalWords(ss []string) []*Word {
	out := make([]*Word, len(ss))
	for i, s := range ss {
		out[i] = &Word{Lit: s, Literal: true}
	}
	return out
}
