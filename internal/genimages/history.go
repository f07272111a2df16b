package main

import (
	"path"
	"strconv"
	"strings"
)

const (
	// historyDepth bounds how far back olderEntries looks in the
	// history of a library file.
	historyDepth = 1000
	// historyStride is how many revisions apart the search for retired
	// tag families reads the library file.
	historyStride = 40
)

// olderEntries returns entries of earlier revisions of library/<name>
// that the current file lacks, read at their own commits:
//
//   - when the mirror cannot give some current entries (a mirror older
//     than the library), the entries of the newest revision whose commits
//     it has;
//   - tag families the image no longer publishes (openjdk:8-jre,
//     node:14-buster-slim): every historyStride-th revision is read, and
//     an entry is kept when one of its tags, its versions generalised, is
//     a pattern no entry kept so far makes.
//
// Tags the current file resolves are removed from them, so the current
// facts win for current tags.
func (g *generator) olderEntries(name string, current []*libraryEntry) []*libraryEntry {
	if g.official == nil || len(current) == 0 {
		return nil
	}
	resolved := map[string]bool{}
	families := map[string]bool{}
	failed := false
	for _, e := range current {
		if d := g.derive(name, e); d != nil {
			for _, t := range allTags(e) {
				resolved[t] = true
				families[generalize(t)] = true
			}
		} else {
			failed = true
		}
	}
	out, err := g.official.git("log", "--format=%H", "-n", strconv.Itoa(historyDepth), g.officialRev, "--", "library/"+name)
	if err != nil {
		return nil
	}
	revs := strings.Fields(string(out))
	if len(revs) > 0 {
		revs = revs[1:] // the current revision
	}
	var found []*libraryEntry
	keep := func(rev string, e *libraryEntry) bool {
		if e.GitCommit == "" {
			return false
		}
		repo, ok := g.repo(e.GitRepo)
		if !ok {
			return false
		}
		if c, ok := repo.commit(e.GitCommit); !ok || !repo.exists(c, path.Join(e.Directory, e.File)) {
			return false
		}
		e.GitFetch = "" // read at its own commit
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
			return false
		}
		e.Tags, e.SharedTags = tags, shared
		for _, t := range allTags(e) {
			resolved[t] = true
			families[generalize(t)] = true
		}
		found = append(found, e)
		return true
	}
	read := func(rev string) []*libraryEntry {
		data, err := g.official.show(rev, "library/"+name)
		if err != nil {
			return nil
		}
		return parseLibrary(data)
	}
	if failed {
		for _, rev := range revs {
			n := 0
			for _, e := range read(rev) {
				if keep(rev, e) {
					n++
				}
			}
			if n > 0 {
				g.notef("%s: %d entries from library/%s at official-images@%s", name, n, name, short(rev))
				break
			}
		}
	}
	for i := historyStride - 1; i < len(revs); i += historyStride {
		for _, e := range read(revs[i]) {
			fresh := false
			for _, t := range allTags(e) {
				fresh = fresh || !families[generalize(t)]
			}
			if fresh && keep(revs[i], e) {
				g.notef("%s: retired tags %v from official-images@%s", name, e.Tags, short(revs[i]))
			}
		}
	}
	g.older += len(found)
	return found
}

func allTags(e *libraryEntry) []string {
	return append(append([]string{}, e.Tags...), e.SharedTags...)
}
