package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/internal/suggest"
)

// Groups a rule may belong to besides the default set. A rule in a group
// runs only when a selection names it (by group, ID, alias, tag or
// prefix): breadth that many teams do not want stays out of their way.
const (
	// GroupDefault names the rules that run when nothing is selected.
	GroupDefault = "default"
	// GroupPinning holds the version-pinning checks (package versions,
	// image digests): reproducibility many teams trade for fresh patches.
	GroupPinning = "pinning"
	// GroupStyle holds checks of how a Dockerfile is written, not of what
	// it builds.
	GroupStyle = "style"
	// GroupStrict holds checks that fire on most real images and are
	// right only for some teams (HEALTHCHECK missing).
	GroupStrict = "strict"
)

// GroupInfo describes a group for `dlint rules`.
type GroupInfo struct {
	Name        string
	Description string
}

// Groups lists every group, the default set first.
var Groups = []GroupInfo{
	{GroupDefault, "correctness, security and hygiene checks with a low false-alarm rate on real repositories; run unless a selection says otherwise"},
	{GroupPinning, "version pinning of base images and packages, for reproducible builds; off by default"},
	{GroupStyle, "how a Dockerfile or compose file is written (casing, quoting, layout, idioms), not what it builds or runs; off by default"},
	{GroupStrict, "checks that fire on most real images and suit only some teams; off by default"},
}

// InDefault reports whether the rule runs when nothing selects or ignores
// it: it is in no opt-in group and not DefaultOff.
func (r *Rule) InDefault() bool { return r.Group == "" && !r.DefaultOff }

// GroupName is the group `dlint rules` shows: the rule's opt-in group,
// "default", or "off" for a rule in no group that is off by default.
func (r *Rule) GroupName() string {
	switch {
	case r.Group != "":
		return r.Group
	case r.DefaultOff:
		return "off"
	}
	return GroupDefault
}

// selectAll is the selector that names every rule.
const selectAll = "ALL"

// Selector names a set of rules: ALL, a rule ID, an alias (a peer's code),
// a group, a tag, or a prefix of IDs and aliases ("DL30"). When selectors
// disagree about a rule, the more specific one wins: an ID or alias beats a
// prefix, a longer prefix a shorter one, a prefix a group or tag, and any
// of them ALL.
type Selector struct {
	Text string
	// Specificity orders selectors that disagree; see the type's doc.
	Specificity int
	match       func(*Rule) bool
	// code is set for a selector of one code of a rule with a CodePrefix
	// (SC2086): it turns that code on or off, not the whole rule.
	code string
}

// Matches reports whether the selector names r.
func (s Selector) Matches(r *Rule) bool { return s.match != nil && s.match(r) }

const (
	specAll   = 0
	specGroup = 1
	specExact = 1 << 20
)

// ParseSelector reads one selector against the rules of pool. A name that
// selects no rule is an error: a selection that does nothing is a typo.
func ParseSelector(pool []*Rule, text string) (Selector, error) {
	name := strings.TrimSpace(text)
	s := Selector{Text: name}
	switch {
	case name == "":
		return s, fmt.Errorf("empty rule selector")
	case strings.EqualFold(name, selectAll):
		s.Specificity, s.match = specAll, func(*Rule) bool { return true }
		return s, nil
	}
	if r, code := LookupCode(pool, name); r != nil {
		s.Specificity, s.code = specExact, code
		s.match = func(x *Rule) bool { return x == r || x.ID == r.ID }
		return s, nil
	}
	if found := LookupAlias(pool, name); len(found) > 0 {
		s.Specificity = specExact
		s.match = func(r *Rule) bool { return containsRulePtr(found, r) }
		return s, nil
	}
	lower := strings.ToLower(name)
	if isGroupName(lower) {
		s.Specificity = specGroup
		if lower == GroupDefault {
			s.match = (*Rule).InDefault
		} else {
			s.match = func(r *Rule) bool { return r.Group == lower }
		}
		return s, nil
	}
	for _, r := range pool {
		if r.HasTag(lower) {
			s.Specificity = specGroup
			s.match = func(r *Rule) bool { return r.HasTag(lower) }
			return s, nil
		}
	}
	prefixMatch := func(r *Rule) bool {
		if strings.HasPrefix(r.ID, lower) {
			return true
		}
		for _, a := range r.Aliases {
			if strings.HasPrefix(strings.ToLower(a), lower) {
				return true
			}
		}
		return false
	}
	for _, r := range pool {
		if prefixMatch(r) {
			s.Specificity = specGroup + len(lower)
			s.match = prefixMatch
			return s, nil
		}
	}
	hint := ""
	if c := suggest.Closest(name, append(ruleWords(pool), SelectorNames(pool)...)); c != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", c)
	}
	return s, fmt.Errorf("unknown rule, group, tag or prefix %q%s (see 'dlint rules')", name, hint)
}

// ClosestRule returns the rule ID or alias of pool one or two edits from
// name, or "": the "did you mean" of a mistyped rule.
func ClosestRule(pool []*Rule, name string) string {
	return suggest.Closest(name, ruleWords(pool))
}

// ruleWords lists the IDs and aliases of pool.
func ruleWords(pool []*Rule) []string {
	var out []string
	for _, r := range pool {
		out = append(out, r.ID)
		out = append(out, r.Aliases...)
	}
	return out
}

// SelectorNames lists what a selector may name besides IDs, aliases and
// prefixes, for messages and the configuration schema.
func SelectorNames(pool []*Rule) []string {
	out := []string{selectAll}
	for _, g := range Groups {
		out = append(out, g.Name)
	}
	seen := map[string]bool{}
	var tags []string
	for _, r := range pool {
		for _, t := range r.Tags {
			if !seen[t] {
				seen[t] = true
				tags = append(tags, t)
			}
		}
	}
	sort.Strings(tags)
	return append(out, tags...)
}

func isGroupName(name string) bool {
	for _, g := range Groups {
		if g.Name == name {
			return true
		}
	}
	return false
}

func containsRulePtr(list []*Rule, r *Rule) bool {
	for _, x := range list {
		if x == r || x.ID == r.ID {
			return true
		}
	}
	return false
}

// Selection is a set of select, extend-select and ignore selectors, as
// ruff has them: Select, when set, replaces what was on before; Extend adds
// to it; Ignore removes. Where an on and an off selector both name a rule,
// the more specific wins, and an ignore wins a tie.
type Selection struct {
	// HasSelect is set when Select was given, even empty (`select: []`
	// turns every rule off but those Extend names).
	HasSelect bool
	Select    []Selector
	Extend    []Selector
	Ignore    []Selector
}

// IsZero reports whether the selection says nothing.
func (s *Selection) IsZero() bool {
	return s == nil || !s.HasSelect && len(s.Extend) == 0 && len(s.Ignore) == 0
}

// Decide returns whether r is on after the selection, given whether it was
// on before.
func (s *Selection) Decide(r *Rule, before bool) bool {
	if s.IsZero() {
		return before
	}
	on, off := -1, -1
	for _, list := range [][]Selector{s.Select, s.Extend} {
		for _, sel := range list {
			if sel.Matches(r) && sel.Specificity > on {
				on = sel.Specificity
			}
		}
	}
	for _, sel := range s.Ignore {
		// Ignoring one code leaves the rule's other codes on.
		if sel.code == "" && sel.Matches(r) && sel.Specificity > off {
			off = sel.Specificity
		}
	}
	switch {
	case on < 0 && off < 0:
		return before && !s.HasSelect
	case off >= on:
		return false
	}
	return true
}

// DecideCode returns whether code of rule r (one with a CodePrefix)
// reports after the selection, given whether it did before: a selector
// naming the code decides (an ignore wins a tie), and a select that names
// codes of r but not r itself leaves the codes it does not name off.
func (s *Selection) DecideCode(r *Rule, code string, before bool) bool {
	if s.IsZero() {
		return before
	}
	on, off := false, false
	for _, list := range [][]Selector{s.Select, s.Extend} {
		for _, sel := range list {
			if sel.code == code && sel.Matches(r) {
				on = true
			}
		}
	}
	for _, sel := range s.Ignore {
		if sel.code == code && sel.Matches(r) {
			off = true
		}
	}
	switch {
	case off:
		return false
	case on:
		return true
	}
	namesCodes, namesRule := false, false
	for _, sel := range s.Select {
		if sel.Matches(r) {
			if sel.code != "" {
				namesCodes = true
			} else {
				namesRule = true
			}
		}
	}
	if namesCodes && !namesRule {
		return false
	}
	return before
}

// CodeOn reports whether code of r reports when no selection names it.
func (r *Rule) CodeOn(code string) bool {
	_, off := r.OffCodes[code]
	return !off
}

// LookupCode finds the rule of pool whose CodePrefix starts name, followed
// by digits only (SC2086), and returns it with the code in canonical case.
func LookupCode(pool []*Rule, name string) (*Rule, string) {
	for _, r := range pool {
		p := r.CodePrefix
		if p == "" || len(name) <= len(p) || !strings.EqualFold(name[:len(p)], p) {
			continue
		}
		digits := name[len(p):]
		if strings.Trim(digits, "0123456789") != "" {
			continue
		}
		return r, p + digits
	}
	return nil, ""
}

// ParseSelectors reads a list of selectors; the first bad one is the error.
func ParseSelectors(pool []*Rule, names []string) ([]Selector, error) {
	var out []Selector
	for _, n := range names {
		sel, err := ParseSelector(pool, n)
		if err != nil {
			return nil, err
		}
		out = append(out, sel)
	}
	return out, nil
}

// ExactSelectors selects each of list by its ID.
func ExactSelectors(list []*Rule) []Selector {
	out := make([]Selector, 0, len(list))
	for _, r := range list {
		r := r
		out = append(out, Selector{Text: r.ID, Specificity: specExact, match: func(x *Rule) bool { return x == r || x.ID == r.ID }})
	}
	return out
}
