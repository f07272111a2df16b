package rules

import (
	"fmt"
)

// EntrypointIgnoresCmd reports a shell-form ENTRYPOINT, which drops CMD
// and `docker run` arguments.
var EntrypointIgnoresCmd = &Rule{
	ID:       "entrypoint-ignores-cmd",
	Aliases:  []string{"DL3025", "JSONArgsRecommended"},
	Severity: Info,
	Tags:     []string{TagPID1, TagDockerfile, TagCorrectness},
	Summary:  "A shell-form ENTRYPOINT silently ignores CMD and `docker run` arguments",
	Doc: `## Why
A shell-form ENTRYPOINT runs ` + "`/bin/sh -c 'app --flag'`" + `. Docker appends CMD (or
the arguments given to ` + "`docker run image …`" + `) after that, where they become ` + "`$0`" + `,
` + "`$1`" + `, … of the ` + "`-c`" + ` string, which never reads them: ` + "`docker run image --debug`" + `
does nothing, and a CMD in the Dockerfile or a compose ` + "`command:`" + ` is dead
text. Use the exec form so CMD supplies default arguments that users can
override. A shell-form ENTRYPOINT that reads its positional parameters on
purpose (` + "`\"$@\"`" + `, ` + "`$1`" + `) is not reported.

## Bad
` + "```dockerfile" + `
FROM alpine:3.20
ENTRYPOINT /usr/local/bin/app --config /etc/app.yaml
CMD ["--verbose"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
ENTRYPOINT ["/usr/local/bin/app", "--config", "/etc/app.yaml"]
CMD ["--verbose"]
` + "```" + `

## Silence
` + "`# dlint ignore=entrypoint-ignores-cmd`" + ` on the line above the ENTRYPOINT, or
` + "`entrypoint-ignores-cmd: off`" + ` in .dlint.yaml. hadolint's ` + "`# hadolint ignore=DL3025`" + ` and
BuildKit's ` + "`# check=skip=JSONArgsRecommended`" + `, which cover every shell-form
ENTRYPOINT, silence it too (and shell-form-pid1 with it).`,
	Check: checkEntrypointIgnoresCmd,
}

func checkEntrypointIgnoresCmd(pass *Pass) {
	for _, v := range runViews(pass) {
		ep := v.entrypoint
		if ep == nil || ep.Exec || ep.Instr == nil || ep.Script == nil || ep.Script.Err != nil || ep.Script.UsesArgs {
			continue
		}
		ignored := "`docker run` arguments"
		if cmd := v.cmd; cmd != nil {
			switch {
			case cmd.Instr == nil && v.container != nil && v.container.Service != nil:
				ignored = fmt.Sprintf("the `command:` of %s and `docker run` arguments", about(v.container))
			case cmd.Instr != nil:
				ignored = fmt.Sprintf("the CMD on line %d and `docker run` arguments", cmd.Instr.Range.Start.Line)
				if cmd.Range.File != ep.Range.File {
					ignored = fmt.Sprintf("the CMD at %s:%d and `docker run` arguments", cmd.Range.File, cmd.Instr.Range.Start.Line)
				}
			}
		}
		msg := fmt.Sprintf("shell-form ENTRYPOINT runs `%s '…'` and silently ignores %s (they become $0, $1… of the -c script, which never reads them); use the exec form %s so CMD supplies its arguments",
			shellCommandLine(ep), ignored, execFormExample("ENTRYPOINT", ep))
		// With a CMD, the exec form would start passing it on: not a
		// mechanical fix.
		var fix *Fix
		if v.cmd == nil {
			fix = execFormFix(ep)
		}
		pass.ReportAbout(v.container, Finding{Range: ep.Range, Message: msg, Fix: fix})
	}
}
