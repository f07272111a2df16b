package parser

import (
	"bytes"
	"reflect"
	"sync"

	interp "github.com/compose-spec/compose-go/v2/interpolation"
	"github.com/compose-spec/compose-go/v2/tree"
)

// compose-go's interpolation tries every string of a file against each of
// its ~95 type casts (`services.*.deploy.replicas` → int), splitting both
// dotted paths for every comparison: a tenth of dlint's CPU on real
// repositories. A cast can only apply at a path whose every key is written
// in the file, so the casts whose keys a project's files never mention are
// left out of its load. The answer is the same: a cast left out matches no
// path the load has.

// castIndex is the keys (path parts other than * and []) of each cast of a
// mapping, and every distinct key once.
type castIndex struct {
	mapping  map[tree.Path]interp.Cast
	patterns []tree.Path
	keys     [][]int // keys[i]: the words of patterns[i], as indices
	words    [][]byte
}

var (
	defaultCastsOnce sync.Once
	defaultCasts     *castIndex
)

func indexCasts(mapping map[tree.Path]interp.Cast) *castIndex {
	ix := &castIndex{mapping: mapping}
	seen := map[string]int{}
	for p := range mapping {
		var keys []int
		for _, part := range p.Parts() {
			if part == tree.PathMatchAll || part == tree.PathMatchList {
				continue
			}
			w, ok := seen[part]
			if !ok {
				w = len(ix.words)
				seen[part] = w
				ix.words = append(ix.words, []byte(part))
			}
			keys = append(keys, w)
		}
		ix.patterns = append(ix.patterns, p)
		ix.keys = append(ix.keys, keys)
	}
	return ix
}

// castsFor returns the casts of mapping that may apply to the files of
// texts: those whose keys all occur in one file's text. A text that
// includes or extends other files (whose keys dlint has not read), or that
// could spell a key with an escape in a quoted key (\x, \u, \U, or a
// backslash before a line break, which joins the lines), keeps every cast.
func castsFor(mapping map[tree.Path]interp.Cast, texts [][]byte) map[tree.Path]interp.Cast {
	for _, t := range texts {
		if bytes.Contains(t, []byte("include")) || bytes.Contains(t, []byte("extends")) || mayEscapeKey(t) {
			return mapping
		}
	}
	ix := castIndexOf(mapping)
	kept := make(map[tree.Path]interp.Cast)
	present := make([]bool, len(ix.words))
	for _, t := range texts {
		for w, word := range ix.words {
			present[w] = bytes.Contains(t, word)
		}
	pattern:
		for i, keys := range ix.keys {
			for _, w := range keys {
				if !present[w] {
					continue pattern
				}
			}
			kept[ix.patterns[i]] = mapping[ix.patterns[i]]
		}
	}
	return kept
}

// castIndexOf indexes compose-go's mapping once; another mapping (never
// seen, but possible) is indexed on each call.
func castIndexOf(mapping map[tree.Path]interp.Cast) *castIndex {
	defaultCastsOnce.Do(func() { defaultCasts = indexCasts(mapping) })
	if reflect.ValueOf(defaultCasts.mapping).UnsafePointer() == reflect.ValueOf(mapping).UnsafePointer() {
		return defaultCasts
	}
	return indexCasts(mapping)
}

// mayEscapeKey reports whether text holds a YAML escape that could write a
// letter of a key, or a line joined by a backslash.
func mayEscapeKey(text []byte) bool {
	for {
		i := bytes.IndexByte(text, '\\')
		if i < 0 || i+1 == len(text) {
			return false
		}
		switch text[i+1] {
		case 'x', 'u', 'U', '\n', '\r':
			return true
		}
		text = text[i+1:]
	}
}
