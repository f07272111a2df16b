package lint

import (
	"path"
	"strings"

	"github.com/moby/patternmatcher"

	"github.com/dlint-dev/dlint/parser"
)

// linkIgnoredCopies finds the COPY and ADD sources of the container's
// Dockerfile that .dockerignore keeps out of the build context, as
// BuildKit's CopyIgnoredFile does: with `!` exceptions in the file nothing
// is reported (whether a path comes back is too hard to tell without the
// files), and the context root only when a pattern ignores everything.
func linkIgnoredCopies(c *parser.Container, idx *contextIndex, ignoreFile string) {
	pm := idx.ignore
	if pm == nil || pm.Exclusions() || c.Dockerfile == nil {
		return
	}
	for _, st := range c.Dockerfile.Stages {
		for _, cp := range st.Copies {
			in := cp.Instr
			if cp.From != "" || len(in.Args) != len(cp.Sources)+1 {
				continue
			}
			for i, raw := range in.Args[:len(cp.Sources)] {
				if strings.Contains(raw, "$") || strings.Contains(raw, "://") || strings.HasPrefix(raw, "git@") || strings.HasPrefix(raw, "<<") {
					continue
				}
				src := path.Clean(strings.ReplaceAll(cp.Sources[i], `\`, "/"))
				src = strings.TrimPrefix(src, "/")
				if src == "" || src == "." {
					if !ignoresRoot(pm) {
						continue
					}
					src = "."
				}
				if ok, err := pm.MatchesOrParentMatches(src); err != nil || !ok {
					continue
				}
				c.IgnoredSources = append(c.IgnoredSources, &parser.IgnoredSource{Copy: cp, Source: raw, Pattern: matchingPattern(pm, src), IgnoreFile: ignoreFile})
			}
		}
	}
}

// ignoresRoot reports a pattern that ignores every entry of the context.
func ignoresRoot(pm *patternmatcher.PatternMatcher) bool {
	for _, p := range pm.Patterns() {
		switch p.String() {
		case "*", "**", "**/*":
			return true
		}
	}
	return false
}

// matchingPattern names the first pattern that ignores src, for the
// message.
func matchingPattern(pm *patternmatcher.PatternMatcher, src string) string {
	for _, p := range pm.Patterns() {
		if ok, err := patternmatcher.MatchesOrParentMatches(src, []string{p.String()}); err == nil && ok {
			return p.String()
		}
	}
	return ""
}
