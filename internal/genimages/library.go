package main

import (
	"bufio"
	"bytes"
	"strings"
)

// libraryEntry is one stanza of a docker-library/official-images
// library/<name> file, with the file's defaults applied and the fields of
// the architecture dlint reads (amd64, else the first one listed) chosen.
type libraryEntry struct {
	Tags        []string
	SharedTags  []string
	GitRepo     string
	GitFetch    string
	GitCommit   string
	Directory   string
	File        string
	Builder     string
	Constraints []string
	Arch        string
}

// Windows reports whether the entry builds a Windows image.
func (e *libraryEntry) Windows() bool {
	if strings.HasPrefix(e.Arch, "windows-") {
		return true
	}
	for _, c := range e.Constraints {
		if strings.Contains(c, "windowsservercore") || strings.Contains(c, "nanoserver") {
			return true
		}
	}
	return false
}

// parseLibrary reads a library file: RFC 2822-like stanzas separated by
// blank lines, the first holding defaults for the others; `#` lines are
// comments and indented lines continue the field above.
func parseLibrary(data []byte) []*libraryEntry {
	var stanzas []map[string]string
	cur := map[string]string{}
	last := ""
	flush := func() {
		if len(cur) > 0 {
			stanzas = append(stanzas, cur)
		}
		cur, last = map[string]string{}, ""
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.HasPrefix(strings.TrimSpace(line), "#"):
			continue
		case strings.TrimSpace(line) == "":
			flush()
		case line[0] == ' ' || line[0] == '\t':
			if last != "" {
				cur[last] += " " + strings.TrimSpace(line)
			}
		default:
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			last = strings.ToLower(strings.TrimSpace(k))
			cur[last] = strings.TrimSpace(v)
		}
	}
	flush()
	if len(stanzas) == 0 {
		return nil
	}
	defaults := stanzas[0]
	var out []*libraryEntry
	for _, st := range stanzas[1:] {
		if st["tags"] == "" && st["sharedtags"] == "" {
			continue
		}
		out = append(out, newEntry(defaults, st))
	}
	return out
}

func newEntry(defaults, st map[string]string) *libraryEntry {
	merged := map[string]string{}
	for k, v := range defaults {
		merged[k] = v
	}
	for k, v := range st {
		merged[k] = v
	}
	archs := splitList(merged["architectures"])
	arch := "amd64"
	if !contains(archs, arch) && len(archs) > 0 {
		arch = archs[0]
		if contains(archs, "windows-amd64") {
			arch = "windows-amd64"
		}
	}
	field := func(name string) string {
		if v, ok := st[arch+"-"+name]; ok {
			return v
		}
		if v, ok := st[name]; ok {
			return v
		}
		if v, ok := defaults[arch+"-"+name]; ok {
			return v
		}
		return defaults[name]
	}
	e := &libraryEntry{
		Tags:        splitList(merged["tags"]),
		SharedTags:  splitList(merged["sharedtags"]),
		GitRepo:     field("gitrepo"),
		GitFetch:    field("gitfetch"),
		GitCommit:   field("gitcommit"),
		Directory:   strings.Trim(field("directory"), "/"),
		File:        field("file"),
		Builder:     field("builder"),
		Constraints: splitList(merged["constraints"]),
		Arch:        arch,
	}
	if e.File == "" {
		e.File = "Dockerfile"
	}
	return e
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
