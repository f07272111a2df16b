package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// This file applies the configuration around the rules: ignore-paths before
// parsing, the rule selection before checking, and after checking the rule
// levels, inline suppressions, unused-ignore, the baseline and the severity
// thresholds. Every step runs on sorted data, so the output does not depend
// on the number of workers.

// takeConfigErrors moves configuration errors into the run's errors and
// reports whether the run may go on: a broken --config stops it, since
// dlint cannot know what it asked for; a broken .dlint.yaml found on the
// way only skips the files it governs.
func (r *runner) takeConfigErrors() bool {
	r.configs.mu.Lock()
	errs := r.configs.errors
	r.configs.errors = nil
	r.configs.mu.Unlock()
	for _, e := range errs {
		r.addError(e)
	}
	r.configBroken = r.configBroken || r.configs.fatal
	return !r.configBroken
}

// applyIgnorePaths drops the discovered files that their configuration's
// ignore-paths match, before they are read. It reports whether the
// configurations found so far are valid.
func (r *runner) applyIgnorePaths() bool {
	keep := r.dockerfilePaths[:0]
	for _, p := range r.dockerfilePaths {
		if !r.configs.settings(p).ignored {
			keep = append(keep, p)
		}
	}
	r.dockerfilePaths = keep
	groups := r.composeGroups[:0]
	for _, g := range r.composeGroups {
		if len(g.files) == 0 || !r.configs.settings(g.files[0]).ignored {
			groups = append(groups, g)
		}
	}
	r.composeGroups = groups
	if r.stdinDockerfile != nil && r.configs.settings(r.stdinDockerfile.Path).ignored {
		r.stdinDockerfile = nil
	}
	return r.takeConfigErrors()
}

// configure decides which rules run (those on for at least one file
// named or found) and reads the baseline. It reports whether the run may
// go on.
func (r *runner) configure() bool {
	r.chooseRules()
	r.lookup = newRuleLookup(r.pool)
	if r.opts.Baseline != "" {
		b, err := readBaseline(r.opts.Baseline, r.opts.fileSizeLimit())
		if err != nil {
			r.addError(asFileError(r.opts.Baseline, err))
			r.configBroken = true
		}
		r.baseline = b
	}
	return r.takeConfigErrors()
}

// chooseRules decides which rules run: those on for at least one file.
func (r *runner) chooseRules() {
	paths := append([]string(nil), r.dockerfilePaths...)
	paths = append(paths, r.runFilePaths...)
	for _, g := range r.composeGroups {
		paths = append(paths, g.files...)
	}
	if r.stdinDockerfile != nil {
		paths = append(paths, r.stdinDockerfile.Path)
	}
	sort.Strings(paths)
	r.active = r.configs.activeRules(paths)
}

// passSettings returns the project settings and rule options for a unit.
func (r *runner) passSettings(u *unit, rule *rules.Rule) (*rules.Settings, any) {
	return r.configs.projectSettings(u.path), r.configs.ruleOptions(u.path, rule)
}

// applyConfig turns the rules' raw findings into the reported ones.
func (r *runner) applyConfig() {
	var sups map[string]*fileSuppressions
	if !r.opts.NoIgnore {
		sups = r.suppressions()
	}
	var kept, silenced []rules.Finding
	for _, f := range sortFindings(r.findings) {
		fs := r.configs.settings(f.Range.File)
		d := fs.rules[f.Rule.ID]
		if fs.ignored || !d.on || f.Code != "" && !r.configs.codeOn(f.Range.File, f.Rule, f.Code) {
			continue
		}
		if d.severitySet {
			f.Severity = d.severity
		}
		if sups[f.Range.File].silences(f.Rule.ID, f.Code, f.Range.Start.Line) {
			silenced = append(silenced, f)
			continue
		}
		kept = append(kept, f)
	}
	r.hidden.Ignores = len(r.keepReported(silenced))
	kept = append(kept, r.unusedIgnores(sups)...)
	kept = sortFindings(r.keepReported(kept))
	// The recorded findings share kept's array until a filter below drops
	// one: a copy of every finding would be most of a large run's heap.
	r.recorded = kept
	if r.baseline != nil {
		kept = sortFindings(r.applyBaseline(append([]rules.Finding(nil), kept...)))
	}
	var out []rules.Finding
	for i, f := range kept {
		fs := r.configs.settings(f.Range.File)
		if f.Severity > fs.minSeverity {
			r.hidden.Severity++
			if out == nil {
				out = append(make([]rules.Finding, 0, len(kept)-1), kept[:i]...)
			}
			continue
		}
		if f.Severity <= fs.failLevel {
			r.failing++
		}
		if out != nil {
			out = append(out, f)
		}
	}
	if out == nil {
		out = kept
	}
	r.findings = out
}

// wantsPragmas reports whether src's pragmas are to be read.
func (r *runner) wantsPragmas(src *parser.Source) bool {
	return !r.opts.NoIgnore && src != nil && mayHavePragmas(src.Text) && !r.configs.settings(src.Path).ignored
}

// addScriptSource records an entrypoint script read: its suppressions are
// read now, and the run keeps of its text only the lines its findings are
// reported on (extendScriptExcerpts), not the whole script to the end for
// its ignore comments.
func (r *runner) addScriptSource(src *parser.Source) {
	r.mu.Lock()
	seen := r.scriptsRead[src.Path]
	r.scriptsRead[src.Path] = true
	r.mu.Unlock()
	if seen {
		return // parsed again after the cache let its model go
	}
	var sups *fileSuppressions
	if r.wantsPragmas(src) {
		pragmas, errs := scriptPragmas(src, r.lookup)
		for _, e := range errs {
			r.addError(e)
		}
		sups = &fileSuppressions{kind: KindUnknown, pragmas: pragmas}
	}
	kept := src
	if !r.opts.KeepSources && !r.opts.WholeSources {
		kept = src.Excerpt(nil)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if sups != nil {
		r.scriptSups[src.Path] = sups
	}
	r.sources[src.Path] = kept
}

// readDockerfilePragmas reads a Dockerfile's suppressions while its model
// exists; they need its instructions' line ranges.
func (r *runner) readDockerfilePragmas(df *parser.Dockerfile) {
	if !r.wantsPragmas(df.Source) {
		return
	}
	pragmas, errs := dockerfilePragmas(df, r.lookup)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dockerfileSups[df.Source.Path] != nil {
		return
	}
	r.dockerfileSups[df.Source.Path] = &fileSuppressions{kind: KindDockerfile, pragmas: pragmas}
	r.errors = append(r.errors, errs...)
}

// suppressions gathers the pragmas of every file that has any: the
// Dockerfiles' read during the run, then the compose files' and scripts';
// malformed `# dlint` comments become errors.
func (r *runner) suppressions() map[string]*fileSuppressions {
	out := map[string]*fileSuppressions{}
	for path, s := range r.dockerfileSups {
		out[path] = s
	}
	add := func(kind Kind, src *parser.Source, scan func(*parser.Source, ruleLookup) ([]*pragma, []*FileError)) {
		if !r.wantsPragmas(src) || out[src.Path] != nil {
			return
		}
		pragmas, errs := scan(src, r.lookup)
		for _, e := range errs {
			r.addError(e)
		}
		out[src.Path] = &fileSuppressions{kind: kind, pragmas: pragmas}
	}
	// composeSups holds the files reached through include: and extends too.
	for _, path := range sortedKeys(r.composeSups) {
		if out[path] == nil && r.composeSups[path] != nil {
			out[path] = r.composeSups[path]
		}
	}
	for _, path := range sortedKeys(r.scriptSups) {
		if out[path] == nil {
			out[path] = r.scriptSups[path]
		}
	}
	for _, f := range r.runFiles {
		add(KindUnknown, f.src, func(*parser.Source, ruleLookup) ([]*pragma, []*FileError) { return runPragmas(f, r.lookup) })
	}
	return out
}

// unusedIgnores reports, in the files where unused-ignore is on, each rule a
// pragma names that ran on the file but had no finding to silence, and each
// pragma that sits above nothing.
func (r *runner) unusedIgnores(sups map[string]*fileSuppressions) []rules.Finding {
	unused := rules.Lookup(r.pool, rules.UnusedIgnore.ID)
	if unused == nil {
		return nil
	}
	var out []rules.Finding
	for _, path := range sortedKeys(sups) {
		s := sups[path]
		fs := r.configs.settings(path)
		d := fs.rules[unused.ID]
		if !d.on || fs.ignored {
			continue
		}
		target := map[Kind]string{KindDockerfile: "instruction", KindCompose: "key or list item", KindUnknown: "command line"}[s.kind]
		var found []rules.Finding
		report := func(line, col, endCol int, msg string) {
			found = append(found, rules.Finding{
				Rule: unused, Severity: d.severity, Message: msg,
				Range: parser.Range{File: path, Start: parser.Pos{Line: line, Col: col}, End: parser.Pos{Line: line, Col: max(endCol, col+1)}},
			})
		}
		for _, p := range s.pragmas {
			known := false
			for _, n := range p.names {
				known = known || len(n.ruleIDs) > 0 && !n.names(unused.ID)
			}
			if !p.global && p.to == 0 {
				if known {
					report(p.line, p.col, p.endCol, fmt.Sprintf("`%s` is not above any %s, so it silences nothing; move it to the line directly above the %s it is meant for, or remove it", p.text, target, target))
				}
				continue
			}
			for _, n := range p.names {
				if n.used || n.peerReports || len(n.ruleIDs) == 0 || n.names(unused.ID) {
					continue
				}
				var ran []string
				for _, id := range n.ruleIDs {
					if fs.rules[id].on {
						ran = append(ran, id)
					}
				}
				if len(ran) < len(n.ruleIDs) {
					continue // a rule it names did not run: dlint cannot tell
				}
				ids := strings.Join(ran, " or ")
				where := fmt.Sprintf("the %s below has no %s finding", target, ids)
				switch {
				case p.global:
					where = fmt.Sprintf("the file has no %s finding", ids)
				case p.stage:
					where = fmt.Sprintf("the build stage below has no %s finding", ids)
				case p.from == p.line:
					where = fmt.Sprintf("the %s on this line has no %s finding", target, ids)
				}
				report(p.line, n.col, n.endCol, fmt.Sprintf("ignoring %s here silences nothing: %s; remove %q from the comment", n.name, where, n.name))
			}
		}
		for _, f := range found {
			if !s.silences(unused.ID, "", f.Range.Start.Line) {
				out = append(out, f)
			}
		}
	}
	return out
}
