package parser

import (
	"encoding/json"
	"path"
	"strings"
	"unicode/utf8"
)

type envGetter map[string]string

func (e envGetter) Get(k string) (string, bool) { v, ok := e[k]; return v, ok }

func (e envGetter) Keys() []string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	return keys
}

func cleanPath(p string) string { return path.Clean(p) }

// posixShell reports whether the stage's shell-form instructions run in a
// shell that mvdan/sh understands (not cmd or PowerShell).
func (b *dfBuilder) posixShell() bool {
	return b.df.Escape == '\\' && IsShell(b.stage.EffectiveShell()[0])
}

func (b *dfBuilder) execSpec(in *Instruction, argv []string, shellForm bool) *ExecSpec {
	spec := &ExecSpec{Exec: !shellForm, Argv: argv, Range: in.ArgsRange(), Instr: in}
	if shellForm {
		if b.posixShell() {
			spec.Script = b.shellFormScript(in)
		}
	} else {
		spec.Script = b.execFormScript(in, argv)
	}
	in.Script = spec.Script
	return spec
}

func (b *dfBuilder) runScript(in *Instruction, argv []string, shellForm bool) *Script {
	if !shellForm {
		return b.execFormScript(in, argv)
	}
	if !b.posixShell() {
		return nil
	}
	return b.shellFormScript(in)
}

// shellFormScript parses the shell text of an instruction in place: the
// keyword and flags are blanked so that lines and columns in the script are
// those of the Dockerfile.
func (b *dfBuilder) shellFormScript(in *Instruction) *Script {
	src := b.df.Source
	first, last := in.Range.Start.Line, in.Range.End.Line
	lines := make([]string, 0, last-first+1)
	for n := first; n <= last; n++ {
		lines = append(lines, src.Line(n))
	}
	argStart := in.ArgsRange().Start.Col
	lines[0] = blankRunes(lines[0], argStart-1)
	if in.Keyword == "HEALTHCHECK" {
		// HEALTHCHECK [options] CMD command: the script starts after CMD.
		rest := []rune(lines[0])
		idx := strings.Index(strings.ToUpper(string(rest)), "CMD")
		if idx >= 0 {
			lines[0] = blankRunes(lines[0], len([]rune(string(rest)[:idx]))+3)
		}
	}
	if hd, ok := heredocOnly(in, lines[0]); ok {
		if !IsShellShebang(hd.Content) {
			return nil
		}
		lines[0] = ""
		// Blank everything after the body: the terminator and other heredocs.
		bodyLines := strings.Count(strings.TrimSuffix(hd.Content, "\n"), "\n") + 1
		for i := 1 + bodyLines; i < len(lines); i++ {
			lines[i] = ""
		}
	} else if len(in.Heredocs) == 0 {
		joinContinuationComments(lines, b.df.Escape)
	}
	text := strings.Repeat("\n", first-1) + strings.Join(lines, "\n")
	return ParseShell(src, text, nil)
}

// heredocOnly reports whether the instruction's command is just a
// here-document (`RUN <<EOF`), whose body buildkit runs as the script.
func heredocOnly(in *Instruction, firstLine string) (Heredoc, bool) {
	if len(in.Heredocs) == 0 {
		return Heredoc{}, false
	}
	f := strings.Fields(firstLine)
	if len(f) == 0 || !strings.HasPrefix(f[0], "<<") {
		return Heredoc{}, false
	}
	for _, w := range f {
		if !strings.HasPrefix(w, "<<") {
			return Heredoc{}, false
		}
	}
	return in.Heredocs[0], true
}

// joinContinuationComments turns comment and blank lines inside a continued
// instruction into bare continuations, as buildkit drops them.
func joinContinuationComments(lines []string, escape rune) {
	cont := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i > 0 && cont && (t == "" || strings.HasPrefix(t, "#")) {
			if i < len(lines)-1 {
				lines[i] = `\`
			} else {
				lines[i] = ""
			}
			continue
		}
		cont = strings.HasSuffix(strings.TrimRight(l, " \t"), string(escape))
	}
}

func blankRunes(s string, n int) string {
	// Each rune becomes as many spaces as it has bytes, so byte columns in
	// the script stay those of the source line.
	var sb strings.Builder
	for i, r := range []rune(s) {
		if i < n && r != '\t' {
			sb.WriteString(strings.Repeat(" ", utf8.RuneLen(r)))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// execFormScript makes a one-command script of an exec-form array, so rules
// see `["sudo", …]` or `["sh", "-c", "…"]` like any other command.
func (b *dfBuilder) execFormScript(in *Instruction, argv []string) *Script {
	src := b.df.Source
	s := &Script{Source: src}
	if len(argv) == 0 {
		return s
	}
	words := make([]*Word, len(argv))
	col := in.ArgsRange().Start.Col
	line := in.Range.Start.Line
	for i, a := range argv {
		enc, _ := json.Marshal(a)
		r, ok := src.FindInLine(line, col, string(enc))
		if !ok {
			r = in.ArgsRange()
		} else {
			col = r.End.Col
		}
		words[i] = &Word{Lit: a, Literal: true, Range: r}
	}
	cmd := &Command{Name: argv[0], Args: words[1:], Exec: true, NameRange: words[0].Range}
	cmd.Range = Range{File: src.Path, Start: words[0].Range.Start, End: words[len(words)-1].Range.End}
	s.Commands = append(s.Commands, cmd)
	s.Final = []*Command{cmd}
	if i := ShellCScript(argv); i > 0 {
		w := words[i]
		start := w.Range.Start
		exact := `"`+argv[i]+`"` == mustJSON(argv[i])
		inner := ParseShell(src, argv[i], func(l, c int) Pos {
			if l == 1 && exact {
				return Pos{Line: start.Line, Col: start.Col + len([]rune(argv[i][:min(c-1, len(argv[i]))])) + 1}
			}
			return start
		})
		for _, ic := range inner.Commands {
			if ic.Parent == nil {
				ic.Parent = cmd
			}
		}
		cmd.Inline = inner
		s.Commands = append(s.Commands, inner.Commands...)
	}
	return s
}

func mustJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
