package rules

// MultipleCmd reports a CMD that a later CMD of the same stage replaces.
var MultipleCmd = &Rule{
	ID:       "multiple-cmd",
	Aliases:  []string{"DL4003", "MultipleInstructionsDisallowed", "DS016"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "A stage has more than one CMD; only the last one takes effect",
	Doc: `## Why
An image has one default command. Each CMD replaces the one before it, so only
the last CMD of a stage is used and the earlier ones are dead code, often a
sign that a merge or an edit went wrong (the command you read first is not the
one that runs). Stages are independent: a CMD in a build stage and another in
the final stage are fine.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
COPY . /app
CMD ["node", "server.js"]
RUN npm ci --omit=dev
CMD ["npm", "start"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
COPY . /app
RUN npm ci --omit=dev
CMD ["node", "server.js"]
` + "```" + `

## Silence
` + "`# dlint ignore=multiple-cmd`" + ` on the line above the earlier CMD, or
` + "`multiple-cmd: off`" + ` in .dlint.yaml. ` + "`# hadolint ignore=DL4003`" + ` works too.`,
	Check: func(pass *Pass) { reportOverridden(pass, "CMD") },
}
