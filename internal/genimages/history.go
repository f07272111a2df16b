package main

import (
	"strconv"
	"strings"
)

// historyDepth bounds how far back olderEntries looks in the history of
// a library file.
const historyDepth = 400

// olderEntries makes up for entries of the current library file whose
// Dockerfile the mirror cannot give (a mirror older than the library):
// it walks back the history of library/<name> to the newest revision
// whose entries' commits the mirror has, and returns those entries, less
// the tags the current file already resolves. Their tags are older ones,
// their facts those of the Dockerfiles that built them.
func (g *generator) olderEntries(name string, current []*libraryEntry) []*libraryEntry {
	if g.official == nil {
		return nil
	}
	resolved := map[string]bool{}
	failed := false
	for _, e := range current {
		if d := g.derive(name, e); d != nil {
			for _, t := range append(append([]string{}, e.Tags...), e.SharedTags...) {
				resolved[t] = true
			}
		} else {
			failed = true
		}
	}
	if !failed || len(current) == 0 {
		return nil
	}
	repo, ok := g.repo(current[0].GitRepo)
	if !ok {
		return nil
	}
	out, err := g.official.git("log", "--format=%H", "-n", strconv.Itoa(historyDepth), g.officialRev, "--", "library/"+name)
	if err != nil {
		return nil
	}
	for _, rev := range strings.Fields(string(out))[1:] {
		data, err := g.official.show(rev, "library/"+name)
		if err != nil {
			continue
		}
		var found []*libraryEntry
		for _, e := range parseLibrary(data) {
			if e.GitCommit == "" || !repo.exists(e.GitCommit, e.Directory+"/"+e.File) && !repo.exists(e.GitCommit, e.File) {
				continue
			}
			e.GitFetch = "" // read at its own commit or not at all
			var tags, shared []string
			for _, t := range e.Tags {
				if !resolved[t] {
					tags = append(tags, t)
				}
			}
			for _, t := range e.SharedTags {
				if !resolved[t] {
					shared = append(shared, t)
				}
			}
			if len(tags)+len(shared) == 0 {
				continue
			}
			e.Tags, e.SharedTags = tags, shared
			found = append(found, e)
		}
		if len(found) > 0 {
			g.older += len(found)
			g.warnf("%s: %d entries from library/%s at official-images@%s", name, len(found), name, short(rev))
			return found
		}
	}
	return nil
}
