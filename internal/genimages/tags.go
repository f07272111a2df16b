package main

import (
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/images"
)

var (
	// versionRe is a tag component that is a version: 17, 3.12.1,
	// 21.0.5_11, 19beta3, 20260805, v2.11.
	versionRe = regexp.MustCompile(`^v?[0-9][0-9a-z._+]*$`)
	// trailingVersionRe is a word with a version at its end: alpine3.24,
	// ltsc2022, jdk21.
	trailingVersionRe = regexp.MustCompile(`^([a-z][a-z_]*?)[0-9][0-9._]*$`)
	// prereleaseRe marks tags that are not releases.
	prereleaseRe = regexp.MustCompile(`(^|[0-9.-])(rc|beta|alpha|edge|dev|nightly|snapshot|preview)`)
)

// generalize replaces the versions of a tag by `*`: "17.2-alpine3.24" →
// "*-alpine*", "26-bookworm-slim" → "*-bookworm-slim", "3.24" → "*".
func generalize(tag string) string {
	var out []string
	for _, c := range strings.Split(tag, "-") {
		switch {
		case versionRe.MatchString(c):
			c = "*"
		case trailingVersionRe.MatchString(c):
			c = trailingVersionRe.ReplaceAllString(c, "$1*")
		}
		if c == "*" && len(out) > 0 && out[len(out)-1] == "*" {
			continue
		}
		out = append(out, c)
	}
	return strings.Join(out, "-")
}

// patternsOf returns the tag patterns a tag stands for, with their rank:
// 1 for the tag with its versions generalised, 2 for its generalised
// suffixes ("*-slim" for "26-bookworm-slim"). Lower ranks are more
// faithful and win when two variants produce the same pattern.
func patternsOf(tag string) map[string]int {
	out := map[string]int{}
	gen := generalize(tag)
	if gen != tag {
		out[gen] = 1
	}
	// "*-alpine*" also stands for "alpine3.19".
	if rest, ok := strings.CutPrefix(gen, "*-"); ok && strings.Contains(rest, "*") {
		if _, seen := out[rest]; !seen {
			out[rest] = 2
		}
	}
	parts := strings.Split(gen, "-")
	for k := 1; k <= 2 && k < len(parts); k++ {
		suffix := strings.Join(parts[len(parts)-k:], "-")
		if strings.Trim(suffix, "*-") == "" {
			continue
		}
		p := "*-" + suffix
		if strings.HasPrefix(suffix, "*") {
			p = suffix
		}
		if _, ok := out[p]; !ok {
			out[p] = 2
		}
	}
	return out
}

// group is the tags of an image whose facts are the same.
type group struct {
	facts      images.Facts
	source     string
	tags       []string
	latest     bool // holds "latest"
	prerelease bool // every tag is a prerelease
	windows    bool
	order      int
	entry      *libraryEntry // for entryForTag: the one entry of the group
}

// claim is a pattern given to a group, with the rank it has there.
type claim struct {
	g    *group
	rank int
}

// assign shares an image's tags out among its groups: each exact tag to
// its group (Linux over Windows for a shared tag), each pattern to the
// group it is most faithful to; patterns come sorted most specific first,
// and def is the group of the catch-all "*".
func assign(groups []*group) (exact map[string]*group, claims map[string]claim, patterns []string, def *group) {
	// A shared tag may name a Windows and a Linux entry: Linux wins.
	exact = map[string]*group{}
	for _, g := range groups {
		for _, t := range g.tags {
			if old, ok := exact[t]; !ok || old.windows && !g.windows {
				exact[t] = g
			}
		}
	}
	claims = map[string]claim{}
	for _, g := range groups {
		for _, t := range g.tags {
			for p, r := range patternsOf(t) {
				if _, isExact := exact[p]; isExact || p == "*" {
					continue
				}
				if c, ok := claims[p]; !ok || better(g, c.g, r, c.rank) {
					claims[p] = claim{g, r}
				}
			}
		}
	}
	def = groups[0]
	for _, g := range groups[1:] {
		if better(g, def, 0, 0) {
			def = g
		}
	}
	patterns = make([]string, 0, len(claims))
	for p := range claims {
		patterns = append(patterns, p)
	}
	sort.Slice(patterns, func(i, j int) bool {
		li, lj := literalLen(patterns[i]), literalLen(patterns[j])
		if li != lj {
			return li > lj
		}
		return patterns[i] < patterns[j]
	})
	return exact, claims, patterns, def
}

// better reports whether group a (where a pattern has rank ra) is more
// faithful to it than b: a lower rank, then Linux, latest, a release.
func better(a, b *group, ra, rb int) bool {
	if ra != rb {
		return ra < rb
	}
	if a.windows != b.windows {
		return !a.windows
	}
	if a.latest != b.latest {
		return a.latest
	}
	if a.prerelease != b.prerelease {
		return !a.prerelease
	}
	return a.order < b.order
}

// entryForTag finds the entry a lookup of tag would land on, from the
// tags alone (nothing is derived): its exact tag, else the most specific
// pattern; the catch-all only when catchAll is set.
func entryForTag(entries []*libraryEntry, tag string, catchAll bool) *libraryEntry {
	var groups []*group
	for _, e := range entries {
		g := &group{entry: e, windows: e.Windows(), order: len(groups), prerelease: true}
		for _, t := range allTags(e) {
			g.tags = append(g.tags, t)
			g.latest = g.latest || t == "latest"
			g.prerelease = g.prerelease && prereleaseRe.MatchString(t)
		}
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return nil
	}
	exact, claims, patterns, def := assign(groups)
	if g, ok := exact[tag]; ok {
		return g.entry
	}
	for _, p := range patterns {
		if ok, _ := path.Match(p, tag); ok {
			return claims[p].g.entry
		}
	}
	if catchAll {
		return def.entry
	}
	return nil
}

// variantsOf turns the derived entries of an image into catalogue
// variants: one per group of exact tags, then the generalised patterns
// from most to least specific, each given to the group it is most
// faithful to, and a final "*" with the facts of the default tag.
func variantsOf(entries []*libraryEntry, derivedOf func(*libraryEntry) *derived) []images.Variant {
	var groups []*group
	byKey := map[string]*group{}
	for _, e := range entries {
		d := derivedOf(e)
		if d == nil {
			continue
		}
		key, _ := json.Marshal(d.facts)
		g := byKey[string(key)]
		if g == nil {
			g = &group{facts: d.facts, source: d.source, windows: e.Windows(), order: len(groups), prerelease: true}
			byKey[string(key)] = g
			groups = append(groups, g)
		}
		// A shared tag of a Windows and a Linux entry goes to Linux (see
		// assign); one only Windows entries share is theirs.
		tags := allTags(e)
		latest, prerelease := false, true
		for _, t := range tags {
			if !contains(g.tags, t) {
				g.tags = append(g.tags, t)
			}
			latest = latest || t == "latest"
			prerelease = prerelease && prereleaseRe.MatchString(t)
		}
		// The source names the entry that best stands for the group: the
		// one tagged latest, else a release rather than a prerelease.
		if latest && !g.latest || !prerelease && g.prerelease {
			g.source = d.source
		}
		g.latest = g.latest || latest
		g.prerelease = g.prerelease && prerelease
	}
	if len(groups) == 0 {
		return nil
	}
	exact, claims, patterns, def := assign(groups)

	var out []images.Variant
	for _, g := range groups {
		var tags []string
		for _, t := range g.tags {
			if exact[t] == g {
				tags = append(tags, t)
			}
		}
		if len(tags) == 0 {
			continue
		}
		sort.Strings(tags)
		out = append(out, images.Variant{Tags: tags, Facts: g.facts, Source: g.source})
	}
	var last *group
	for _, p := range patterns {
		g := claims[p].g
		if g == last {
			out[len(out)-1].Tags = append(out[len(out)-1].Tags, p)
			continue
		}
		out = append(out, images.Variant{Tags: []string{p}, Facts: g.facts, Source: g.source})
		last = g
	}
	if def == last {
		out[len(out)-1].Tags = append(out[len(out)-1].Tags, "*")
	} else {
		out = append(out, images.Variant{Tags: []string{"*"}, Facts: def.facts, Source: def.source})
	}
	return out
}

// literalLen is how many characters of a pattern are not wildcards: the
// more, the more specific.
func literalLen(p string) int {
	return len(p) - strings.Count(p, "*") - strings.Count(p, "?")
}
