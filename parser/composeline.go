package parser

import (
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
// commands that name their files with -f; dir is the directory the script
// starts in, moved by `cd` as for FindBuildLines.
func FindComposeLines(s *Script, dir string, atLineStart bool) []*ComposeLine {
	var out []*ComposeLine
	eachCommandDir(s, dir, atLineStart, func(cmd *Command, dir string) {
		if c := parseComposeWords(s.Source, append([]*Word{cmd.NameWord}, cmd.Args...)); c != nil {
			c.Dir = dir
			out = append(out, c)
		}
	})
	return out
}

// parseComposeWords reads words as a compose command line with -f files;
// nil when it is not one, or when an expansion among its options may hide
// more files.
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
		flag, value, hasValue := text, "", false
		switch {
		case strings.HasPrefix(text, "--"):
			flag, value, hasValue = strings.Cut(text, "=")
		case len(text) > 2:
			// -fFILE and -f=FILE, as the CLI's flag parser reads them.
			flag, value, hasValue = text[:2], strings.TrimPrefix(text[2:], "="), true
		}
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
		}
	}
	if len(c.Files) == 0 {
		return nil
	}
	return c
}
