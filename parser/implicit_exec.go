package parser

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/dlint-dev/dlint/images"
)

// tailShape is how a `-c` string ends, which decides whether the shell
// replaces itself with its last command (shared/notes/pid1-shells.md).
type tailShape struct {
	// plain is set when every command in tail position is a simple
	// command reached through `;`, `&&`, `||` and if/case branches only:
	// no pipeline, subshell, loop, background job, function call or exit.
	plain bool
	// viaIf is set when one of them sits in an if or case branch.
	viaIf bool
	// redirected is set when one of them has a redirection.
	redirected bool
	// single is set when the script is one simple command.
	single bool
	// subshell is set when the last command sits in a `( … )` subshell;
	// afterJob when a job was started in the background before it.
	subshell, afterJob bool
}

// ExecsLast reports whether sh, running the script as `sh -c '…'`,
// replaces itself with the script's last command, so that the program and
// not the shell is PID 1. Measured: busybox ash execs a plain last command
// (also in an if branch, redirected, in a trailing `( … )` subshell or
// after a background job: `a && (b & c)` execs c); bash 5.1+ execs one
// that is not in an if, not redirected, not in a subshell and not after a
// background job; older bash only a lone simple command; dash as Debian
// builds it never. A trap with a handler keeps every shell alive.
func (s *Script) ExecsLast(sh images.Shell) bool {
	if s == nil || s.Err != nil || !s.shape.plain || s.trapsHandler() {
		return false
	}
	switch sh {
	case images.ShellAsh:
		return true
	case images.ShellBash:
		return !s.shape.viaIf && !s.shape.redirected && !s.shape.subshell && !s.shape.afterJob
	case images.ShellOldBash:
		return s.shape.single && !s.shape.redirected
	}
	return false
}

// trapsHandler reports whether the script installs a trap with a handler
// for any signal (an ignoring `trap "" HUP` does not count).
func (s *Script) trapsHandler() bool {
	for _, c := range s.Commands {
		if len(handledSignals(c)) > 0 {
			return true
		}
	}
	return false
}

// shapeOf describes how the top-level statement list ends.
func (b *scriptBuilder) shapeOf(list []*syntax.Stmt) tailShape {
	var stmts []*syntax.Stmt
	for _, st := range list {
		if _, ok := st.Cmd.(*syntax.FuncDecl); ok {
			continue
		}
		stmts = append(stmts, st)
	}
	if len(stmts) == 0 {
		return tailShape{}
	}
	sh := tailShape{plain: true}
	for _, st := range stmts[:len(stmts)-1] {
		sh.afterJob = sh.afterJob || st.Background
	}
	b.shapeStmt(stmts[len(stmts)-1], &sh, 0)
	if sh.plain && len(stmts) == 1 && !sh.viaIf {
		if call, ok := stmts[0].Cmd.(*syntax.CallExpr); ok && len(call.Args) > 0 {
			sh.single = true
		}
	}
	return sh
}

// maxShapeDepth bounds the walk down nested if branches and && chains.
const maxShapeDepth = 64

func (b *scriptBuilder) shapeStmt(st *syntax.Stmt, sh *tailShape, depth int) {
	if st == nil || st.Cmd == nil || st.Background || st.Negated || depth > maxShapeDepth {
		sh.plain = false
		return
	}
	if len(st.Redirs) > 0 {
		sh.redirected = true
	}
	switch x := st.Cmd.(type) {
	case *syntax.CallExpr:
		cmd := b.commandOf(x)
		if cmd == nil || cmd.Exec || cmd.Name == "" || b.funcs[cmd.Name] != nil || runsInShell(cmd.Name) {
			sh.plain = false
		}
	case *syntax.BinaryCmd:
		if x.Op != syntax.AndStmt && x.Op != syntax.OrStmt {
			sh.plain = false // a pipeline: the shell waits for it
			return
		}
		b.shapeStmt(x.Y, sh, depth+1)
	case *syntax.IfClause:
		sh.viaIf = true
		for cl := x; cl != nil; cl = cl.Else {
			if len(cl.Then) == 0 {
				sh.plain = false
				return
			}
			if b.exitsAtOnce(cl.Then) {
				// A branch that only reports and exits runs no program the
				// shell could be PID 1 over: busybox 1.35 still execs the
				// other branch's last command (`if …; then a && b; else
				// echo no; exit 1; fi`, measured; with a `sleep 2` before
				// the exit, busybox stays).
				continue
			}
			b.shapeStmt(cl.Then[len(cl.Then)-1], sh, depth+1)
		}
	case *syntax.CaseClause:
		sh.viaIf = true
		for _, it := range x.Items {
			if len(it.Stmts) == 0 {
				continue
			}
			b.shapeStmt(it.Stmts[len(it.Stmts)-1], sh, depth+1)
		}
	case *syntax.Subshell:
		sh.subshell = true
		if len(x.Stmts) == 0 {
			sh.plain = false
			return
		}
		for _, st := range x.Stmts[:len(x.Stmts)-1] {
			sh.afterJob = sh.afterJob || st.Background
		}
		b.shapeStmt(x.Stmts[len(x.Stmts)-1], sh, depth+1)
	default:
		sh.plain = false
	}
}

// runsInShell reports whether the shell runs name itself, with no program
// to exec: its builtins, and the utilities shells build in (echo, test).
// exitsAtOnce reports whether a branch ends in `exit` and runs nothing
// before it but the shell's builtins (`echo usage >&2; exit 1`).
func (b *scriptBuilder) exitsAtOnce(stmts []*syntax.Stmt) bool {
	for i, st := range stmts {
		call, ok := st.Cmd.(*syntax.CallExpr)
		if !ok || st.Background {
			return false
		}
		cmd := b.commandOf(call)
		if cmd == nil || cmd.Name == "" {
			return false
		}
		if i == len(stmts)-1 {
			return cmd.Name == "exit"
		}
		if !runsInShell(cmd.Name) || cmd.Name == "exit" {
			return false
		}
	}
	return false
}

func runsInShell(name string) bool {
	switch name {
	case "echo", "printf", "test", "[", "true", "false":
		return true
	}
	return shellBuiltins[name]
}

// ShellKind tells what the shell named argv0 is in this stage's image:
// "sh" and "/bin/sh" are the image's /bin/sh, "bash" is bash of the image's
// release, the stage's SHELL decides shell-form instructions.
func (s *Stage) ShellKind(argv0 string) images.Shell {
	anc := s.Ancestors()
	root := anc[len(anc)-1]
	name, tag := "", ""
	if root.BaseResolved {
		name, tag = root.Base.Repository, root.Base.Tag
	}
	sh := shellKind(root.BaseImage, name, tag, argv0)
	if sh == images.ShellUnknown && isImageShell(argv0) && s.UsesApk() {
		// apk is Alpine's (and Wolfi's) package manager: /bin/sh there is
		// busybox ash (mailu's ghcr.io/mailu/alpine).
		sh = images.ShellAsh
	}
	return sh
}

// isImageShell reports whether argv0 names the image's /bin/sh.
func isImageShell(argv0 string) bool {
	return argv0 == "sh" || argv0 == "/bin/sh" || argv0 == "/usr/bin/sh"
}

// UsesApk reports whether a RUN of the stage or those it builds on runs
// apk, which only an Alpine-family image has.
func (s *Stage) UsesApk() bool {
	for _, st := range s.Ancestors() {
		for _, in := range st.Instructions {
			if in.Keyword != "RUN" || in.Script == nil {
				continue
			}
			for _, cmd := range in.Script.Commands {
				if cmd.Base() == "apk" {
					return true
				}
			}
		}
	}
	return false
}

// shellKind tells what argv0 is in img, or, for an image not in the
// catalogue, in one whose name and tag are these.
func shellKind(img *images.Image, name, tag, argv0 string) images.Shell {
	var base images.Shell
	if img != nil {
		base = img.Shell
	} else {
		base = images.NameTagShell(name, tag)
	}
	argv0 = strings.ReplaceAll(argv0, `\`, "/")
	switch name := strings.TrimSuffix(strings.ToLower(path.Base(argv0)), ".exe"); name {
	case "sh":
		if strings.Contains(argv0, "/") && argv0 != "/bin/sh" && argv0 != "/usr/bin/sh" {
			return images.ShellUnknown // /busybox/sh: not the image's /bin/sh
		}
		return base
	case "ash", "busybox":
		return images.ShellAsh
	case "dash":
		return images.ShellDash
	case "bash":
		if base == images.ShellNone || base == images.ShellOldBash {
			return base
		}
		if img != nil && img.OldBash() {
			return images.ShellOldBash
		}
		if base == images.ShellUnknown {
			return images.ShellUnknown
		}
		return images.ShellBash
	case "cmd", "powershell", "pwsh":
		return images.ShellWindows
	}
	return images.ShellUnknown
}

// Image is what dlint knows of the image the stage chain starts from, nil
// when nothing (an unknown image or a base reference with no value).
func (s *Stage) Image() *images.Image {
	anc := s.Ancestors()
	return anc[len(anc)-1].BaseImage
}

// RunsOwnImageEntrypoint reports whether the container keeps the
// ENTRYPOINT of the base image: no stage of the chain sets one.
func (s *Stage) RunsOwnImageEntrypoint() bool {
	for _, st := range s.Ancestors() {
		if st.Entrypoint != nil {
			return false
		}
	}
	return true
}

// suReplacingPackages are Alpine packages whose su, unlike busybox's,
// stays as the parent of the shell it starts.
var suReplacingPackages = map[string]bool{"shadow-login": true, "util-linux-login": true}

// BusyboxSu reports whether `su` in the stage's image is busybox's, which
// execs the user's shell in its own place (measured with busybox 1.30.1:
// `su app -c CMD` leaves the shell, not su, as the process), unlike
// util-linux's, which stays as its parent: the image's /bin/sh is busybox
// ash and no RUN installs another su.
func (s *Stage) BusyboxSu() bool {
	if s.ShellKind("/bin/sh") != images.ShellAsh {
		return false
	}
	for _, st := range s.Ancestors() {
		for _, in := range st.Instructions {
			if in.Keyword != "RUN" || in.Script == nil {
				continue
			}
			for _, cmd := range in.Script.Commands {
				if p := cmd.Package(); p != nil && p.Manager == "apk" && p.Installs() {
					for _, w := range p.Operands {
						if suReplacingPackages[strings.SplitN(w.Lit, "=", 2)[0]] {
							return false
						}
					}
				}
			}
		}
	}
	return true
}
