// Package rules holds dlint's rules: each is data plus a check function
// that reads the model and reports findings. Rules never print.
package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Severity orders findings; a lower value is more severe. The zero value
// means "the rule's default".
type Severity int

// The severities, most severe first.
const (
	Error Severity = iota + 1
	Warning
	Info
	Style
)

var severityNames = []string{"error", "warning", "info", "style"}

// Severities lists every severity, most severe first.
var Severities = []Severity{Error, Warning, Info, Style}

func (s Severity) String() string {
	if s < Error || s > Style {
		return "unknown"
	}
	return severityNames[s-1]
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i + 1), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or style)", name)
}

// Tags used across rules.
const (
	TagSecurity     = "security"
	TagPID1         = "pid1"
	TagNetwork      = "network"
	TagCompose      = "compose"
	TagDockerfile   = "dockerfile"
	TagBestPractice = "best-practice"
	TagCorrectness  = "correctness"
)

// Rule is one check with its documentation.
type Rule struct {
	ID       string
	Aliases  []string // hadolint, buildkit, Trivy, Checkov names
	Severity Severity
	Tags     []string
	Summary  string
	// Doc is markdown: why it matters, a bad and a good example, how to
	// silence it.
	Doc string
	// DefaultOff rules run only when selected (--select, --extend-select,
	// --enable or .dlint.yaml).
	DefaultOff bool
	// Group is the opt-in group the rule belongs to (GroupPinning,
	// GroupStyle, GroupStrict), "" for none. A rule in a group is off until
	// a selection names it, as if DefaultOff.
	Group string
	// Options, when set, returns a fresh pointer to the rule's options
	// struct filled with its defaults. .dlint.yaml sets the fields by their
	// `yaml` tags (see OptionsOf); a `doc` tag describes each field.
	Options func() any
	Check   func(*Pass)
	// CodePrefix is set on a rule that reports the codes of an outside
	// checker (shellcheck: "SC"): each finding carries one in Code, and a
	// selector or ignore comment may name a code alone (SC2086).
	CodePrefix string
	// CodeDocs is the page of a code of such a rule, the code in place of
	// %s.
	CodeDocs string
	// OffCodes are the codes of such a rule that report only when a
	// selection names them, each with the reason.
	OffCodes map[string]string
}

// CodeURL returns the page that documents code of a rule with a
// CodePrefix.
func (r *Rule) CodeURL(code string) string {
	if r.CodeDocs == "" {
		return ""
	}
	return fmt.Sprintf(r.CodeDocs, code)
}

// HasTag reports whether the rule carries tag.
func (r *Rule) HasTag(tag string) bool {
	for _, t := range r.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// Finding is one problem found by a rule.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Message  string
	Range    parser.Range
	Fix      *Fix
	// Services names the compose services the finding is about when its
	// message names them (see Pass.ReportAbout), in name order: a
	// Dockerfile line several services build is reported once for all.
	Services []string
	// Code is the outside checker's code of a rule with a CodePrefix
	// (SC2086); URL documents it.
	Code, URL string
	// template is Message with the services left as a mark; runLines are
	// the `docker run` lines it is about instead (their labels, sorted),
	// merged like services when they run one Dockerfile's image.
	template string
	runLines []string
}

// Compact replaces the finding's strings with equal ones from str (an
// interning pool), so that findings kept to the end of a run share their
// texts and do not pin the memory of the model that made them.
func (f *Finding) Compact(str func(string) string) {
	f.Message, f.template = str(f.Message), str(f.template)
	f.Code, f.URL = str(f.Code), str(f.URL)
	f.Range.File = str(f.Range.File)
	if len(f.Services) > 0 { // a copy: the slice may be the model's
		services := make([]string, len(f.Services))
		for i, s := range f.Services {
			services[i] = str(s)
		}
		f.Services = services
	}
	if len(f.runLines) > 0 {
		f.runLines = slices.Clone(f.runLines)
	}
}

// Fix is a suggested change made of text edits.
type Fix struct {
	Description string
	Edits       []Edit
	// Unsafe is set when the change alters what the container does (it
	// runs as another user, a port is no longer reachable from other
	// hosts), so it needs a person's review: `dlint --fix` applies it only
	// with --unsafe-fixes.
	Unsafe bool
}

// Edit replaces the text of Range with NewText.
type Edit struct {
	Range   parser.Range
	NewText string
}
