package rules

// UnusedIgnore reports suppressions that silenced nothing: inline
// `# dlint ignore=` comments (and the hadolint and buildkit forms dlint
// honours) and baseline entries whose finding is gone. The engine, which
// applies suppressions, reports it: its Check does nothing.
var UnusedIgnore = &Rule{
	ID:         "unused-ignore",
	Severity:   Info,
	Tags:       []string{TagBestPractice},
	Summary:    "An inline ignore comment or a baseline entry silences nothing",
	DefaultOff: true,
	Doc: `## Why
A suppression outlives the problem it hid: the instruction is rewritten, the
rule is fixed, the service is removed, and the comment stays. Stale ignores
pile up, hide the next real finding on the same line, and teach readers that
the code is dangerous when it no longer is. This rule reports every
` + "`# dlint ignore=`" + ` (and ` + "`# hadolint ignore=`" + `, ` + "`# check=skip=`" + `) that silenced no finding
of a rule that ran, and, with ` + "`--baseline`" + `, every baseline entry whose finding
was fixed. A comment that sits above nothing (after the last instruction) is
reported too. A suppression that names a rule that did not run (turned off in
.dlint.yaml or with ` + "`--disable`" + `) is not reported, since dlint cannot tell; nor are
hadolint or BuildKit codes that no dlint rule has as an alias, nor one whose own
check still reports what the comment covers, where dlint's rules are
narrower: ` + "`# hadolint ignore=DL3025`" + ` above a shell-form CMD that execs its program
stays, since hadolint reports every shell-form CMD. hadolint's
` + "`# hadolint stage ignore=`" + ` (above a FROM, for that stage) is honoured. A malformed
` + "`# dlint`" + ` comment (an unknown rule, no rule at all) is not a finding of this rule
but an error, whatever the settings: dlint exits 2.

The rule is off by default. Turn it on with ` + "`--report-unused-ignores`" + `,
` + "`report-unused-ignores: true`" + ` in .dlint.yaml, or ` + "`--enable unused-ignore`" + `.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN useradd --uid 10001 app
# dlint ignore=root-user
USER 10001:10001
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN useradd --uid 10001 app
USER 10001:10001
` + "```" + `

## Silence
Remove the stale comment, or regenerate the baseline with
` + "`dlint baseline > .dlint-baseline.json`" + `. To keep a file's ignores unchecked,
put ` + "`# dlint global ignore=unused-ignore`" + ` in it, or set ` + "`unused-ignore: off`" + ` for
those files with an ` + "`overrides`" + ` entry in .dlint.yaml.`,
	Check: func(*Pass) {},
}
