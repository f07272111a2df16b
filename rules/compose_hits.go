package rules

import "github.com/dlint-dev/dlint/parser"

// serviceHit is one compose setting that a rule reports for one service.
type serviceHit struct {
	Range    parser.Range
	Service  string
	Run      *parser.RunLine // set when the service is a `docker run` line
	Severity Severity        // 0: the rule's
	Fix      *Fix
	// Key groups hits that say the same thing; hits at one range with
	// the same key become one finding.
	Key string
	// Detail is more for the message, taken from the first hit.
	Detail string
}

// reportServiceHits reports hits, one finding per place and key: a line in
// a YAML anchor or in a service that others extend affects several
// services, and its finding names them all. message receives the phrase
// naming them ("service 'a'", "services 'a' and 'b'").
func reportServiceHits(pass *Pass, hits []serviceHit, message func(h serviceHit, services string) string) {
	type group struct {
		first    serviceHit
		services []string
	}
	type groupKey struct {
		r   parser.Range
		key string
	}
	var order []groupKey
	groups := map[groupKey]*group{}
	for _, h := range hits {
		k := groupKey{h.Range, h.Key}
		g := groups[k]
		if g == nil {
			g = &group{first: h}
			groups[k] = g
			order = append(order, k)
		}
		if !containsString(g.services, h.Service) {
			g.services = append(g.services, h.Service)
		}
	}
	for _, k := range order {
		g := groups[k]
		pass.ReportFinding(Finding{
			Range:    g.first.Range,
			Severity: g.first.Severity,
			Message:  message(g.first, hitSubject(g.first, g.services)),
			Fix:      g.first.Fix,
		})
	}
}

// setting writes a setting as the hit's file does: `privileged: true` in
// compose, `--privileged` on a run line.
func (h serviceHit) setting(key, value string) string {
	if h.Run != nil {
		return parser.RunSetting(key, value)
	}
	return key + ": " + value
}

// hitSubject names what a hit is about: the services, or the run line.
func hitSubject(h serviceHit, services []string) string {
	if h.Run != nil {
		return h.Run.Label()
	}
	return serviceList(services)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// composeServices returns the services of the pass's compose project.
func composeServices(pass *Pass) []*parser.Service {
	if pass.Compose == nil {
		return nil
	}
	return pass.Compose.Services
}

// composeFileServices returns the services of a compose project read from
// compose files: nil for the run lines of a script, whose model holds only
// what `docker run` options dlint reads, not every compose key.
func composeFileServices(pass *Pass) []*parser.Service {
	if pass.Compose == nil || pass.Compose.RunLines {
		return nil
	}
	return pass.Compose.Services
}
