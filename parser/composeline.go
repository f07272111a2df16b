package parser

import (
	"path"
	"path/filepath"
	"strings"
)

// ComposeLine is one `docker compose` (or `docker-compose`, `podman
// compose`, …) command that names its compose files with -f/--file, found
// in a script, a Makefile recipe, a CI file or a README. The files form one
// project, later files overriding earlier ones, as the command loads them.
type ComposeLine struct {
	Tool  string // as typed: "docker compose", "docker-compose"
	Range Range  // the whole command
	// Files are the -f/--file values as written, in order.
	Files []string
	// ProjectDir is --project-directory as written, "" when not given.
	ProjectDir string
	// Dir is the directory the command runs in, as the caller named it;
	// "" when it is not known here.
	Dir string
	// FromEnv is set when Files come from COMPOSE_FILE, the command
	// having no -f.
	FromEnv bool
	// EnvFiles are the --env-file values as written, in order: Compose
	// reads them instead of the project's `.env`.
	EnvFiles []string
	// Stack is set for `docker stack deploy -c a.yml -c b.yml`: the files
	// are a Swarm stack, merged in order like -f files. Partial is set when
	// an expansion among its options may name more (`-c base.yml $FILES`):
	// the stack is known, not its files.
	Stack   bool
	Partial bool
}

// EnvPaths resolves the --env-file values against the directory the
// command runs in, as Compose does; ok is false when one is not a local
// path known here.
func (c *ComposeLine) EnvPaths() (paths []string, ok bool) {
	for _, p := range c.EnvFiles {
		if c.Dir == "" || p == "" || strings.ContainsAny(p, "$`") || strings.HasPrefix(p, "~") {
			return nil, false
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(c.Dir, p)
		}
		paths = append(paths, filepath.Clean(p))
	}
	return paths, true
}

// Paths resolves the files and the project directory as Compose does: the
// files against the directory the command runs in, the project directory
// (the base of the files' relative paths and where `.env` is read) is
// --project-directory, else the first file's directory. ok is false when
// a file is not a local path known here (a variable, `-` for standard
// input, a URL).
func (c *ComposeLine) Paths() (files []string, projectDir string, ok bool) {
	if c.Dir == "" || len(c.Files) == 0 {
		return nil, "", false
	}
	at := func(p string) (string, bool) {
		if p == "" || p == "-" || strings.ContainsAny(p, "$`") || strings.Contains(p, "://") || strings.HasPrefix(p, "~") {
			return "", false
		}
		if filepath.IsAbs(p) {
			return filepath.Clean(p), true
		}
		return filepath.Join(c.Dir, p), true
	}
	for _, f := range c.Files {
		abs, ok := at(f)
		if !ok {
			return nil, "", false
		}
		files = append(files, abs)
	}
	projectDir = filepath.Dir(files[0])
	if c.ProjectDir != "" {
		d, ok := at(c.ProjectDir)
		if !ok {
			return nil, "", false
		}
		projectDir = d
	}
	return files, projectDir, true
}

// FindComposeLines returns the compose command lines among a script's
// commands that name their files with -f or COMPOSE_FILE; dir is the
// directory the script starts in, moved by `cd` as for FindBuildLines.
func FindComposeLines(s *Script, dir string, atLineStart bool) []*ComposeLine {
	lines, _ := findComposeLines(s, dir, atLineStart, shellContext{})
	return lines
}

// shellContext is what a script's commands get from what runs it: the
// environment a CI file sets (env:, variables:) or a Makefile exports, and
// a Makefile's variables, which make expands in the recipe first.
type shellContext struct {
	env      map[string]string
	makeVars map[string]string
}

// The variables `docker compose` takes its files from when no -f is given.
const (
	ComposeFileVar       = "COMPOSE_FILE"
	ComposePathSeparator = "COMPOSE_PATH_SEPARATOR"
)

// SplitComposeFile splits a COMPOSE_FILE value as Compose does: at
// COMPOSE_PATH_SEPARATOR, by default the system's list separator, `:` on
// Linux and macOS and `;` on Windows. A value with `;` and no separator
// set is a Windows list: no file is named with a `;`.
func SplitComposeFile(value, sep string) []string {
	if sep == "" {
		sep = ":"
		if strings.Contains(value, ";") {
			sep = ";"
		}
	}
	var out []string
	for _, f := range strings.Split(value, sep) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// exportedVar is what the script knows of a variable the commands it
// starts may see. known is false when a statement that may or may not run
// set it, or something dlint does not follow (`source`, `eval`) may have.
type exportedVar struct {
	value           string
	known, exported bool
}

// findComposeLines also returns the environment the script leaves for
// what runs after it in the same shell (the next item of a GitLab job's
// script): sc.env with COMPOSE_FILE and COMPOSE_PATH_SEPARATOR as the
// script left them, left out when not known or not exported.
func findComposeLines(s *Script, dir string, atLineStart bool, sc shellContext) ([]*ComposeLine, map[string]string) {
	if s == nil {
		return nil, nil
	}
	vars := map[string]*exportedVar{}
	for _, name := range []string{ComposeFileVar, ComposePathSeparator} {
		v := &exportedVar{known: true}
		if value, ok := sc.env[name]; ok {
			v.value, v.exported = value, true
		}
		vars[name] = v
	}
	touched := false // the script sets one of them itself
	for _, set := range s.Sets {
		touched = touched || vars[set.Name] != nil
	}
	var out []*ComposeLine
	start, next := dir, 0
	for i, cmd := range s.Commands {
		for ; next < len(s.Sets) && s.Sets[next].Before <= i; next++ {
			if v := vars[s.Sets[next].Name]; v != nil {
				v.apply(s.Sets[next])
			}
		}
		if cmd.NameWord == nil {
			continue
		}
		if cmd.Parent == nil {
			switch cmd.Name {
			case "cd":
				dir = changeDir(s.Source, cmd, start, dir, atLineStart)
				continue
			case "source", ".", "eval", "unset", "read":
				for _, v := range vars {
					v.known = false // what these do to the variables is not followed
				}
			}
		}
		words := expandMakeVars(append([]*Word{cmd.NameWord}, cmd.Args...), sc.makeVars)
		words, envSets := envCommand(words, cmd)
		c := parseComposeWords(s.Source, words)
		if c == nil {
			continue
		}
		c.Dir = dir
		if len(c.Files) == 0 {
			// In a function or an `sh -c` string, the variables are
			// those of when it runs.
			fromScript := cmd.Parent == nil && !(cmd.InFunc && touched)
			files, ok := c.envFiles(envSets, vars, fromScript)
			if !ok || c.ProjectDir != "" || viaSudo(words) {
				continue // relative to the project directory or not: not followed
			}
			c.Files, c.FromEnv = files, true
		}
		out = append(out, c)
	}
	for ; next < len(s.Sets); next++ {
		if v := vars[s.Sets[next].Name]; v != nil {
			v.apply(s.Sets[next])
		}
	}
	after := make(map[string]string, len(sc.env))
	for k, v := range sc.env {
		after[k] = v
	}
	for name, v := range vars {
		delete(after, name)
		if v.known && v.exported {
			after[name] = v.value
		}
	}
	return out, after
}

func (v *exportedVar) apply(set *VarSet) {
	if !set.Sure {
		v.known = false
		return
	}
	if set.Valued {
		if set.Value == nil || !set.Value.Literal {
			v.known = false
		}
		if set.Value != nil {
			v.value = set.Value.Lit
		}
	}
	v.exported = v.exported || set.Export
}

// envFiles returns the files COMPOSE_FILE names for a compose command
// without -f: set on the command itself, else exported by the script (when
// fromScript) or by what runs it. ok is false when it names none known
// here: unset, not exported by the script, or holding a variable.
func (c *ComposeLine) envFiles(envSets []*VarSet, vars map[string]*exportedVar, fromScript bool) ([]string, bool) {
	value := func(name string) (string, bool, bool) { // value, set, known
		for i := len(envSets) - 1; i >= 0; i-- {
			if e := envSets[i]; e.Name == name {
				if e.Value == nil || !e.Value.Literal {
					return "", true, false
				}
				return e.Value.Lit, true, true
			}
		}
		v := vars[name]
		if !fromScript {
			return "", false, false
		}
		// Not exported by the script: the value of the shell that runs it.
		return v.value, v.exported, v.known && v.exported
	}
	files, set, known := value(ComposeFileVar)
	if !set || !known {
		return nil, false
	}
	sep, sepSet, sepKnown := value(ComposePathSeparator)
	if sepSet && !sepKnown || !sepSet && fromScript && !vars[ComposePathSeparator].known {
		return nil, false
	}
	list := SplitComposeFile(files, sep)
	return list, len(list) > 0
}

// envCommand reads `env NAME=value … cmd`, which sets NAME for cmd as a
// prefix assignment does: it returns cmd's words and the variables set for
// it, the shell's prefix assignments first. Options of env (`-i`, `-u`)
// change what it passes on: the variables are not known then.
func envCommand(words []*Word, cmd *Command) ([]*Word, []*VarSet) {
	sets := cmd.Env
	if len(words) < 2 || !words[0].Literal || path.Base(words[0].Lit) != "env" {
		return words, sets
	}
	i := 1
	for ; i < len(words); i++ {
		w := words[i]
		name, value, ok := strings.Cut(w.Lit, "=")
		if strings.HasPrefix(w.Lit, "-") {
			return words[i:], append(sets, &VarSet{Name: ComposeFileVar, Valued: true}, &VarSet{Name: ComposePathSeparator, Valued: true})
		}
		if !ok || name == "" || strings.ContainsAny(name, "$`\"'") {
			break
		}
		set := &VarSet{Name: name, Valued: true}
		if w.Literal {
			set.Value = &Word{Lit: value, Literal: true, Range: w.Range}
		}
		sets = append(sets[:len(sets):len(sets)], set)
	}
	return words[i:], sets
}

// viaSudo reports whether a command runs the engine through sudo, which
// starts it with an environment of its own.
func viaSudo(words []*Word) bool {
	for _, w := range words {
		if !w.Literal || runTools[path.Base(w.Lit)] {
			return false
		}
		if path.Base(w.Lit) == "sudo" {
			return true
		}
	}
	return false
}

// expandMakeVars replaces the words that are a Makefile variable alone
// (`$(COMPOSE)`, which the recipe reader made `${COMPOSE}`) with the
// words of its value, as make does before the shell reads the line.
func expandMakeVars(words []*Word, makeVars map[string]string) []*Word {
	if len(makeVars) == 0 {
		return words
	}
	var out []*Word
	for i, w := range words {
		name, ok := strings.CutPrefix(w.Lit, "${")
		name, ok2 := strings.CutSuffix(name, "}")
		value, known := makeVars[name]
		if w.Literal || !ok || !ok2 || !known {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(out, words[:i]...)
		}
		for _, f := range strings.Fields(value) {
			out = append(out, &Word{Lit: f, Literal: true, Range: w.Range})
		}
	}
	if out == nil {
		return words
	}
	return out
}

// parseComposeWords reads words as a compose command line and its -f
// files; nil when it is not one, or when an expansion among its options
// may hide files.
func parseComposeWords(src *Source, words []*Word) *ComposeLine {
	tool, toolWord, _, ok := engineCommand(words)
	if !ok {
		return nil
	}
	i := 0
	for words[i] != toolWord {
		i++
	}
	i++
	name := tool
	if tool != "docker-compose" {
		i = skipGlobalFlags(words, i)
		if i < len(words) && words[i].Literal && words[i].Lit == "stack" && tool == "docker" {
			return parseStackWords(src, words, toolWord, i+1)
		}
		if i >= len(words) || !words[i].Literal || words[i].Lit != "compose" {
			return nil
		}
		name += " compose"
		i++
	}
	c := &ComposeLine{Tool: name, Range: Range{File: src.Path, Start: toolWord.Range.Start, End: words[len(words)-1].Range.End}}
	for ; i < len(words); i++ {
		w := words[i]
		if isExpansion(w) {
			return nil // options may hide in it
		}
		text := wordValue(w)
		if !strings.HasPrefix(text, "-") || text == "-" || text == "--" {
			break // the subcommand
		}
		flag, value, hasValue := splitFlag(text)
		if !globalFlags[flag] {
			continue // a boolean option (--dry-run, --compatibility)
		}
		if !hasValue {
			if i+1 >= len(words) || isExpansion(words[i+1]) {
				return nil
			}
			i++
			value = wordValue(words[i])
		}
		switch flag {
		case "-f", "--file":
			c.Files = append(c.Files, value)
		case "--project-directory":
			c.ProjectDir = value
		case "--env-file":
			c.EnvFiles = append(c.EnvFiles, value)
		}
	}
	return c
}

// stackValueFlags are the options of `docker stack deploy` that take a
// value, besides -c/--compose-file.
var stackValueFlags = map[string]bool{"--resolve-image": true, "--orchestrator": true, "--namespace": true, "--kubeconfig": true}

// parseStackWords reads `docker stack deploy` (or `up`) from words[i],
// its -c/--compose-file files in order; nil when it names none, or when
// an expansion among its options may hide files.
func parseStackWords(src *Source, words []*Word, toolWord *Word, i int) *ComposeLine {
	if i >= len(words) || !words[i].Literal || words[i].Lit != "deploy" && words[i].Lit != "up" {
		return nil
	}
	c := &ComposeLine{Tool: "docker stack " + words[i].Lit, Stack: true, Range: Range{File: src.Path, Start: toolWord.Range.Start, End: words[len(words)-1].Range.End}}
	for i++; i < len(words); i++ {
		w := words[i]
		if isExpansion(w) {
			if i < len(words)-1 || len(c.Files) == 0 {
				c.Partial = true // options, or files, may hide in it
			}
			continue // else the stack's name
		}
		text := wordValue(w)
		if !strings.HasPrefix(text, "-") {
			continue // the stack's name
		}
		flag, value, hasValue := splitFlag(text)
		if flag != "-c" && flag != "--compose-file" {
			if stackValueFlags[flag] && !hasValue {
				i++
			}
			continue
		}
		if !hasValue {
			if i+1 >= len(words) {
				return nil
			}
			i++
			if isExpansion(words[i]) {
				c.Partial = true
				continue
			}
			value = wordValue(words[i])
		}
		c.Files = append(c.Files, value)
	}
	if len(c.Files) == 0 {
		return nil
	}
	return c
}

// splitFlag splits a command-line option as the CLI's flag parser reads
// it: `--file=x` into --file and x, `-fFILE` and `-f=FILE` into -f and
// FILE; hasValue is false for an option whose value, if any, is the next
// word.
func splitFlag(text string) (flag, value string, hasValue bool) {
	switch {
	case strings.HasPrefix(text, "--"):
		return strings.Cut(text, "=")
	case len(text) > 2:
		return text[:2], strings.TrimPrefix(text[2:], "="), true
	}
	return text, "", false
}
