package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// CopyChownRuntimeUser reports COPY or ADD --chown to the user the image
// runs as, which lets the running process rewrite the files it was given.
var CopyChownRuntimeUser = &Rule{
	ID:       "copy-chown-runtime-user",
	Aliases:  []string{"aa93e17f-b6db-4162-9334-c70334e7ac28"},
	Severity: Info,
	Group:    GroupStrict,
	Tags:     []string{TagSecurity, TagDockerfile},
	Summary:  "COPY --chown gives the user the container runs as ownership of the copied files, so the process can rewrite its own code",
	Doc: `## Why
Files that COPY puts in the image belong to root unless ` + "`--chown`" + ` says
otherwise, and the usual modes (644, 755) let any user read and run them.
Giving them to the user the container runs as adds one thing: that user,
and so anyone who takes over the process, can rewrite the application's
code and configuration, and the change survives until the container is
recreated. Copy as root, and give the user only the directories it must
write (uploads, caches), with ` + "`RUN install -d -o app /app/data`" + ` or a volume.

dlint reports a ` + "`--chown`" + ` only when it names the user the final image runs as
(the same name or UID as its last USER), in a stage that ships in that
image. Many images chown their whole application on purpose, so the rule is
in the ` + "`strict`" + ` group.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
COPY --chown=node:node . /app
USER node
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
COPY . /app
RUN install -d -o node -g node /app/uploads
USER node
` + "```" + `

## Silence
` + "`# dlint ignore=copy-chown-runtime-user`" + ` above the COPY. KICS's "Chown Flag Exists"
id works too.`,
	Check: checkCopyChownRuntimeUser,
}

func checkCopyChownRuntimeUser(pass *Pass) {
	df := pass.Dockerfile
	if df == nil || df.Final() == nil {
		return
	}
	runtime := df.Final().EffectiveUser()
	if runtime == nil || !runtime.Resolved || runtime.IsRoot() {
		return
	}
	for _, st := range df.Final().Ancestors() {
		for _, cp := range st.Copies {
			owner := chownFlag(cp.Instr)
			if owner == "" {
				continue
			}
			raw := owner
			if v, ok := cp.Instr.ExpandWord(&parser.Word{Lit: owner, Literal: !strings.Contains(owner, "$")}); ok {
				owner = v
			} else {
				continue
			}
			name, _, _ := cutUser(owner)
			if name != runtime.Name || isRootName(name) {
				continue
			}
			pass.Report(cp.Instr.Find("--chown="+raw), fmt.Sprintf("`--chown=%s` gives these files to %s, the user the container runs as (USER on line %d), so the process can rewrite them; copy them as root and give %s only the directories it writes to", raw, name, runtime.Instr.Range.Start.Line, name))
		}
	}
}

// chownFlag returns the value of an instruction's --chown flag, "" for none.
func chownFlag(in *parser.Instruction) string {
	for _, f := range in.Flags {
		if v, ok := strings.CutPrefix(f, "--chown="); ok {
			return v
		}
	}
	return ""
}
