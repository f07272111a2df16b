package parser

import "mvdan.cc/sh/v3/syntax"

// noteRetries records the commands a loop tries until they succeed: the
// condition of a while or until loop, and in any loop's body a command
// whose success breaks out (`if cmd; then break; fi`, `cmd && break`),
// when the body sleeps between tries. A script that retries a command
// that way waits for what the command needs before it goes on.
func (b *scriptBuilder) noteRetries(cond, body []*syntax.Stmt) {
	if !sleeps(body) {
		return
	}
	var tries []*syntax.Stmt
	tries = append(tries, cond...)
	for _, st := range body {
		switch x := st.Cmd.(type) {
		case *syntax.IfClause:
			if breaks(x.Then) {
				tries = append(tries, x.Cond...)
			}
		case *syntax.BinaryCmd:
			if x.Op == syntax.AndStmt && breaks([]*syntax.Stmt{x.Y}) {
				tries = append(tries, x.X)
			}
		}
	}
	for _, st := range tries {
		syntax.Walk(st, func(n syntax.Node) bool {
			if call, ok := n.(*syntax.CallExpr); ok {
				if cmd := b.commandOf(call); cmd != nil && !testCommands[cmd.Name] {
					b.script.retried = append(b.script.retried, cmd)
				}
			}
			return true
		})
	}
}

// testCommands check a condition of the script itself, not a server.
var testCommands = map[string]bool{"[": true, "[[": true, "test": true, "true": true, ":": true, "false": true, "read": true, "sleep": true, "break": true}

// sleeps reports whether statements run sleep.
func sleeps(list []*syntax.Stmt) bool {
	found := false
	for _, st := range list {
		syntax.Walk(st, func(n syntax.Node) bool {
			if call, ok := n.(*syntax.CallExpr); ok && len(call.Args) > 0 {
				if name, ok := literal(call.Args[0]); ok && name == "sleep" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// breaks reports whether statements leave the loop: break, or exit 0.
func breaks(list []*syntax.Stmt) bool {
	for _, st := range list {
		call, ok := st.Cmd.(*syntax.CallExpr)
		if !ok || len(call.Args) == 0 {
			continue
		}
		if name, _ := literal(call.Args[0]); name == "break" {
			return true
		}
	}
	return false
}

// Retried lists the commands the script tries until they succeed, with
// sleeps between (see noteRetries).
func (s *Script) Retried() []*Command { return s.retried }
