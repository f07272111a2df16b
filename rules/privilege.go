package rules

import (
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// dropTools switch to another user and exec the rest of their arguments
// without a shell in between.
var dropTools = map[string]bool{
	"gosu": true, "su-exec": true, "setpriv": true, "s6-setuidgid": true, "chpst": true, "setuidgid": true,
}

// privilegeDrop reports whether cmd runs a program as another user with a
// tool that execs it directly, and names the tool.
func privilegeDrop(cmd *parser.Command) (string, bool) {
	base := cmd.Base()
	switch {
	case base == "setpriv":
		for _, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "--reuid") || strings.HasPrefix(a.Lit, "--ruid") || strings.HasPrefix(a.Lit, "--euid") {
				return base, true
			}
		}
		return "", false
	case base == "chpst":
		for _, a := range cmd.Args {
			if a.Lit == "-u" || strings.HasPrefix(a.Lit, "-u") {
				return base, true
			}
		}
		return "", false
	case base == "chroot":
		for _, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "--userspec") {
				return "chroot --userspec", true
			}
		}
		return "", false
	case dropTools[base]:
		return base, true
	}
	return "", false
}

// dropsPrivileges reports whether the container's entrypoint script (or its
// ENTRYPOINT/CMD itself) hands the main process to another user, the way
// the official images start as root to fix permissions and then drop.
func dropsPrivileges(c *parser.Container) bool {
	if c.Script != nil {
		for _, cmd := range c.Script.Commands {
			if _, ok := privilegeDrop(cmd); ok && (cmd.Exec || cmd.RunsAllArgs()) {
				return true
			}
		}
	}
	for _, spec := range []*parser.ExecSpec{c.Entrypoint(), c.Cmd()} {
		if spec == nil || spec.Script == nil {
			continue
		}
		for _, cmd := range spec.Script.Commands {
			if _, ok := privilegeDrop(cmd); ok {
				return true
			}
		}
	}
	return false
}

// userFix suggests replacing a root USER value with an unprivileged UID.
func userFix(u *parser.User) *Fix {
	if u == nil || u.Instr == nil {
		return nil
	}
	return &Fix{
		Description: "run as an unprivileged numeric user",
		Edits:       []Edit{{Range: u.Range, NewText: "10001:10001"}},
	}
}
