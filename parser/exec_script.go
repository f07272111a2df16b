package parser

// ExecFormScript makes a one-command script of an exec-form argv (a
// Dockerfile JSON array, a compose command or entrypoint), so rules see
// `["sudo", …]` or `["sh", "-c", "…"]` like any other command. words[i] is
// where argv[i] is written; inline(i), when not nil, places positions
// inside the `sh -c` script found at argv[i] (nil places them all at the
// start of that word).
func ExecFormScript(src *Source, argv []string, words []Range, inline func(i int) PosMapper) *Script {
	s := &Script{Source: src}
	if len(argv) == 0 || len(words) != len(argv) {
		return s
	}
	ws := make([]*Word, len(argv))
	for i, a := range argv {
		ws[i] = &Word{Lit: a, Literal: true, Range: words[i]}
	}
	cmd := &Command{Name: argv[0], Args: ws[1:], Exec: true, NameRange: ws[0].Range, NameWord: ws[0]}
	cmd.Range = Range{File: src.Path, Start: ws[0].Range.Start, End: ws[len(ws)-1].Range.End}
	if cmd.Range.End.Line < cmd.Range.Start.Line || cmd.Range.End.Line == cmd.Range.Start.Line && cmd.Range.End.Col <= cmd.Range.Start.Col {
		cmd.Range.End = ws[0].Range.End
	}
	s.Commands = append(s.Commands, cmd)
	s.Final = []*Command{cmd}
	if i := ShellCScript(argv); i > 0 {
		var mapPos PosMapper
		if inline != nil {
			mapPos = inline(i)
		}
		approx := mapPos == nil
		if approx {
			start := ws[i].Range.Start
			mapPos = func(int, int) Pos { return start }
		}
		inner := ParseShell(src, argv[i], mapPos)
		inner.approx = approx
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
