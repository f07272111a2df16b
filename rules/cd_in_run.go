package rules

import "fmt"

// CdInRun reports `cd` in a RUN, whose effect ends with the RUN.
var CdInRun = &Rule{
	ID:       "cd-in-run",
	Aliases:  []string{"DL3003", "DS013", "AVD-DS-0013", "f4a6bcd3-e231-4acf-993c-aa027be50d2e"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "RUN changes directory with cd, which lasts for that RUN only; WORKDIR sets it for the instructions after",
	Doc: `## Why
Each RUN starts in the WORKDIR in effect; a ` + "`cd`" + ` inside it is forgotten
when the RUN ends. Where later instructions (RUN, COPY, CMD) are meant to
work in that directory, ` + "`WORKDIR`" + ` says so once and shows it to the reader.
A ` + "`cd`" + ` that only serves the commands after it in the same RUN (into an
unpacked source tree, then back) is fine, which is why this rule is in the
` + "`style`" + ` group. One finding per RUN, at its first ` + "`cd`" + `.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
COPY . /app
RUN cd /app && npm ci
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci
` + "```" + `

## Silence
` + "`# dlint ignore=cd-in-run`" + ` above the RUN. hadolint's ` + "`DL3003`" + ` and Trivy's ` + "`DS013`" + ` work too.`,
	Check: checkCdInRun,
}

func checkCdInRun(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, in := range runInstructions(pass.Dockerfile) {
		if in.Script == nil {
			continue
		}
		for _, cmd := range in.Script.Commands {
			if cmd.Name != "cd" || cmd.Parent != nil {
				continue
			}
			dir := "DIR"
			if len(cmd.Args) > 0 {
				dir = cmd.Args[0].Lit
			}
			pass.Report(cmd.NameRange, fmt.Sprintf("`cd` in RUN lasts only until this RUN ends; if later instructions should work in that directory, set `WORKDIR %s` before them instead", dir))
			break
		}
	}
}
