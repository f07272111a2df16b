package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// SecretInArgOrEnv reports credentials passed through ARG or ENV into the
// image that is built, and literal credentials in compose build args.
var SecretInArgOrEnv = &Rule{
	ID:       "secret-in-arg-or-env",
	Aliases:  []string{"SecretsUsedInArgOrEnv", "DL3064", "DS031", "AVD-DS-0031"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagDockerfile, TagCompose},
	Summary:  "A credential passed by ARG or ENV stays in the image: in its config (ENV) or in `docker history` (ARG used by a RUN)",
	Doc: `## Why
An ` + "`ENV`" + ` value is part of the image config: ` + "`docker inspect`" + ` prints it, and every
container of the image has it. An ` + "`ARG`" + ` value is not in the config, but BuildKit
writes every build argument in scope into the history entry of each RUN that
follows it (` + "`RUN |1 NPM_TOKEN=npm_abc… /bin/sh -c npm ci`" + `), so
` + "`docker history --no-trunc`" + ` shows the token to anyone who pulls the image. A
build secret is mounted for one step and leaves nothing behind:

    RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci

built with ` + "`docker build --secret id=npm_token,env=NPM_TOKEN .`" + `, or in compose
with ` + "`build: {secrets: [npm_token]}`" + ` and a top-level
` + "`secrets: {npm_token: {environment: NPM_TOKEN}}`" + `.

dlint judges the name (a whole word TOKEN, PASSWORD, SECRET, API_KEY,
CREDENTIALS…, not TOKEN_FILE, PASSWORD_PATH, GPG_KEY or AWS_ACCESS_KEY_ID)
and only what reaches the image: an ARG in a builder stage whose files are
copied out with ` + "`COPY --from`" + ` is not reported, nor an ARG no RUN follows. In
compose, a build arg whose value is written in the file (` + "`NPM_TOKEN: npm_abc`" + `,
not ` + "`${NPM_TOKEN}`" + `) is reported too.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \
    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
` + "```" + `

## Silence
` + "`# dlint ignore=secret-in-arg-or-env`" + ` on the line above the ARG or ENV (for a name
that holds no credential), or ` + "`secret-in-arg-or-env: off`" + ` in .dlint.yaml. BuildKit's
` + "`# check=skip=SecretsUsedInArgOrEnv`" + ` and ` + "`# hadolint ignore=DL3064`" + ` work too.`,
	Check: checkSecretInArgOrEnv,
}

func checkSecretInArgOrEnv(pass *Pass) {
	for _, c := range pass.Containers {
		if c.Stage == nil {
			continue
		}
		chain := c.Stage.Ancestors()
		for i := len(chain) - 1; i >= 0; i-- {
			st := chain[i]
			for _, v := range st.Vars {
				if !parser.IsSecretName(v.Name) {
					continue
				}
				if v.Env {
					if placeholderValue(v.Value) {
						continue
					}
					fix := "leave the value out of the image and set it when the container starts (`docker run -e " + v.Name + "`, compose `environment:` or `secrets:`)"
					if _, reader := runsAfter(chain[:i+1], st, v); reader != nil {
						fix = secretMountFix(v.Name)
					}
					pass.ReportAbout(c, Finding{Range: v.Range, Message: fmt.Sprintf(
						"`ENV %s` keeps a credential in the image config, where `docker inspect` shows it and every container of %s has it; %s",
						v.Name, subjectMark, fix)})
					continue
				}
				run, reader := runsAfter(chain[:i+1], st, v)
				if run == nil {
					continue
				}
				use := fmt.Sprintf("the RUN at line %d", run.Range.Start.Line)
				if reader != nil {
					use = fmt.Sprintf("the RUN at line %d, which reads it", reader.Range.Start.Line)
				}
				pass.ReportAbout(c, Finding{Range: v.Range, Message: fmt.Sprintf(
					"`ARG %s` is a credential that BuildKit writes into the image history of %s (`docker history` of %s shows it); %s",
					v.Name, use, subjectMark, secretMountFix(v.Name))})
			}
		}
	}
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		if s.Build == nil {
			continue
		}
		for _, a := range s.Build.Args {
			if a.Literal && strings.TrimSpace(a.Value) != "" && parser.IsSecretName(a.Name) {
				hits = append(hits, serviceHit{Range: a.Range, Service: s.Name, Key: a.Name})
			}
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		id := strings.ToLower(h.Key)
		return fmt.Sprintf("build arg `%s` of %s is a credential written in the compose file, and BuildKit records it in the image history of each RUN after `ARG %s`; declare it under `build.secrets: [%s]` with a top-level `secrets: {%s: {environment: %s}}` and read it with `RUN --mount=type=secret,id=%s,env=%s`",
			h.Key, services, h.Key, id, id, h.Key, id, h.Key)
	})
}

// runsAfter finds the first RUN after the ARG v of stage st, in st and in
// the stages built on it (they inherit its build arguments), and the first
// of those that reads v. chain lists the stages, st's descendants first.
func runsAfter(chain []*parser.Stage, st *parser.Stage, v *parser.Var) (first, reader *parser.Instruction) {
	seen := false
	for i := len(chain) - 1; i >= 0; i-- {
		for _, in := range chain[i].Instructions {
			if chain[i] == st && !seen {
				seen = in == v.Instr
				continue
			}
			if in.Keyword != "RUN" {
				continue
			}
			if first == nil {
				first = in
			}
			if reader == nil && in.Script != nil && in.Script.Reads[v.Name] {
				reader = in
			}
		}
	}
	return first, reader
}

// secretMountFix says how to pass a credential to one build step.
func secretMountFix(name string) string {
	id := strings.ToLower(name)
	return fmt.Sprintf("pass it as a build secret: `RUN --mount=type=secret,id=%s,env=%s …` built with `docker build --secret id=%s,env=%s` (compose: `build.secrets: [%s]`)", id, name, id, name, id)
}

// placeholderValue reports an ENV value that holds no credential: empty,
// one character repeated (`00000000-0000-…`, `xxxx`), a row of digits
// (`123456`), `**None**` (an image's "not set"), or an absolute path,
// the file a credential is read from at run time
// (GOOGLE_APPLICATION_CREDENTIALS=/run/config/key.json).
func placeholderValue(v string) bool {
	v = strings.Trim(v, "\"' \t")
	if strings.HasPrefix(v, "/") && !strings.ContainsAny(v, " \t") {
		return true
	}
	if parser.CountingValue(v) || strings.EqualFold(strings.Trim(v, "*"), "none") {
		return true // 123456: a template's stand-in
	}
	seen := map[rune]bool{}
	for _, r := range v {
		if r != '-' {
			seen[r] = true
		}
	}
	return len(seen) <= 1
}
