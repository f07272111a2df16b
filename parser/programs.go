package parser

import (
	"path"
	"strings"
)

// ExitsAtOnce reports whether argv runs a program that prints something
// and exits (`node -v`, `app --version`, `echo ready`, `printenv`), so
// nothing stays running to be signalled or reaped.
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
	}
	if len(args) == 1 {
		switch args[0] {
		case "-v", "-V", "--version", "version", "-version", "-h", "--help", "help":
			return true
		}
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
