package rules

import "github.com/dlint-dev/dlint/parser"

// Pass hands one unit of work to a rule: a Dockerfile, or a compose
// project, with the runtime views of the containers that unit owns.
type Pass struct {
	Rule *Rule
	// Exactly one of Dockerfile and Compose is set.
	Dockerfile *parser.Dockerfile
	Compose    *parser.ComposeProject
	// Containers are the runtime views checked with this unit: the final
	// stage of a Dockerfile no compose service runs, or the services of a
	// compose project.
	Containers []*parser.Container
	// Builders are, for a Dockerfile that compose services or build lines
	// build, those of them (their build args say what a build passes);
	// their runtime findings belong to the compose unit, not to this one.
	Builders []*parser.Container
	// Settings are the project-wide settings of .dlint.yaml; never nil.
	Settings *Settings
	// ForTests is set when the unit's file is a test's fixture or a
	// developer's local setup (in a tests/, testdata/ or .devcontainer/
	// directory below the one the command line named, or named like
	// docker-compose.test.yml or docker-compose.dev.yml): its passwords
	// and data are throwaway.
	ForTests bool
	// Options holds the rule's configured options (a value Rule.Options
	// made); read it with OptionsOf.
	Options any

	report func(Finding)
}

// NewPass prepares a pass for rule; report receives each finding.
func NewPass(rule *Rule, report func(Finding)) *Pass {
	return &Pass{Rule: rule, Settings: &Settings{}, report: report}
}

// Report records a finding at r with the rule's default severity.
func (p *Pass) Report(r parser.Range, msg string) {
	p.ReportFinding(Finding{Range: r, Message: msg})
}

// ReportFix records a finding with a suggested fix.
func (p *Pass) ReportFix(r parser.Range, msg string, fix *Fix) {
	p.ReportFinding(Finding{Range: r, Message: msg, Fix: fix})
}

// ReportFinding records f, filling in the rule and, when unset, its
// severity.
func (p *Pass) ReportFinding(f Finding) {
	f.Rule = p.Rule
	if f.Severity == 0 {
		f.Severity = p.Rule.Severity
	}
	p.report(f)
}

// Scripts returns every shell script the unit holds, each once: RUN and
// CMD/ENTRYPOINT bodies and the entrypoint scripts of its containers.
func (p *Pass) Scripts() []*parser.Script {
	var out []*parser.Script
	seen := map[*parser.Script]bool{}
	add := func(s *parser.Script) {
		if s != nil && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if p.Dockerfile != nil {
		for _, in := range p.Dockerfile.Instructions {
			add(in.Script)
		}
	}
	for _, c := range p.Containers {
		add(c.Script)
	}
	return out
}
