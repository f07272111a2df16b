// Package suggest finds the word a person probably meant: the "did you
// mean" of configuration keys, rule IDs and subcommands.
package suggest

import "strings"

// maxEdits is how many edits away a candidate may be: one or two typos.
const maxEdits = 2

// Closest returns the candidate fewest edits from name (ignoring case),
// when it is at most two edits away and not name itself; otherwise "".
// The first of equally close candidates wins.
func Closest(name string, candidates []string) string {
	best, bestDist := "", maxEdits+1
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if d := editDistance(lower, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == name {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
