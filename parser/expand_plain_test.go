package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	bkparser "github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// A word isPlainWord passes is what buildkit's expansion makes of it, with
// either escape token: the fast path changes no value. The words are every
// argument of the corpus's Dockerfiles and some made to be awkward.
func TestPlainWordsExpandToThemselves(t *testing.T) {
	words := []string{"", "a b", "  lead", "trail  ", "tab\there", "~/x", "{a,b}", "*.txt", "é✓", "a=b", "${", "#x", "line\nbreak", `C:\app`, `a\ b`, `"q"`, `'s'`, "`x`"}
	var corpus [][]byte
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "corpus")); err == nil {
		corpus = corpusDockerfiles(t)
	}
	for _, f := range corpus {
		res, err := bkparser.Parse(bytes.NewReader(f))
		if err != nil {
			continue
		}
		for _, n := range res.AST.Children {
			for a := n.Next; a != nil; a = a.Next {
				words = append(words, a.Value)
			}
		}
	}
	plain := 0
	for _, escape := range []rune{'\\', '`'} {
		lex := shell.NewLex(escape)
		for _, w := range words {
			if !isPlainWord(w) {
				continue
			}
			plain++
			res, err := lex.ProcessWordWithMatches(w, envGetter(map[string]string{}))
			if err != nil || res.Result != w || len(res.Unmatched) != 0 {
				t.Errorf("escape %q: %q expands to %q (unmatched %v, %v)", escape, w, res.Result, res.Unmatched, err)
			}
		}
	}
	t.Logf("%d plain words of %d", plain/2, len(words))
}
