package rules

import (
	"fmt"
	"path"
)

// SecretFileInImage reports credential files a COPY or ADD brings from the
// build context into the image that is built.
var SecretFileInImage = &Rule{
	ID:       "secret-file-in-image",
	Aliases:  []string{"DS031", "AVD-DS-0031"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagDockerfile},
	Summary:  "A COPY or ADD puts a credential file (.npmrc, id_rsa, a private key, .env, .git-credentials, ~/.aws) into the image",
	Doc: `## Why
Whatever a COPY brings into the image stays in its layer, for anyone who pulls
the image: a later ` + "`RUN rm`" + ` only hides it. dlint looks at what the build
context really holds, through ` + "`.dockerignore`" + ` as BuildKit reads it (and a
` + "`Dockerfile.dockerignore`" + ` beside the Dockerfile): a ` + "`COPY . .`" + ` counts when the
directory holds such a file and ` + "`.dockerignore`" + ` does not exclude it. The content
decides: a ` + "`.pem`" + ` with only a certificate, an ` + "`.npmrc`" + ` whose token is
` + "`${NPM_TOKEN}`" + `, an ` + "`.env`" + ` without a credential are not reported. A file the CI
makes before the build (not in the checkout) is judged by its name: SSH keys,
` + "`*.key`" + `, ` + "`.git-credentials`" + `, ` + "`.aws/credentials`" + `. Only the stages the image is
built from count: a builder stage's files stay out unless copied.

Use a build secret for a credential a step needs (` + "`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`" + `
with ` + "`docker build --secret id=npmrc,src=$HOME/.npmrc`" + `), an SSH mount for git
(` + "`RUN --mount=type=ssh`" + `), and mount runtime credentials as a volume or a compose
secret, not in the image; add the file to ` + "`.dockerignore`" + `.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci
` + "```" + `
with an ` + "`.npmrc`" + ` holding ` + "`//registry.npmjs.org/:_authToken=npm_abc…`" + ` and no
` + "`.dockerignore`" + ` entry for it.

## Good
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
COPY src/ src/
` + "```" + `

## Silence
` + "`# dlint ignore=secret-file-in-image`" + ` on the line above the COPY (for a test key
meant to ship), or ` + "`secret-file-in-image: off`" + ` in .dlint.yaml.`,
	Check: checkSecretFileInImage,
}

func checkSecretFileInImage(pass *Pass) {
	for _, c := range pass.Containers {
		for _, s := range c.CopiedSecrets {
			in := s.Copy.Instr
			r := in.ArgsRange()
			if s.Named {
				r = in.Find(firstSource(s.Copy.Sources, s.Path))
			}
			how := fmt.Sprintf("the build context's `%s`", s.Path)
			if !s.OnDisk {
				how = fmt.Sprintf("`%s` (not in the checkout: the name says what it is)", s.Path)
			} else if !s.Named {
				how = fmt.Sprintf("`%s` from the build context (nothing in .dockerignore excludes it)", s.Path)
			}
			pass.ReportAbout(c, Finding{Range: r, Message: fmt.Sprintf(
				"%s copies %s, %s, into a layer of the image of %s, where anyone who pulls the image can read it; add it to .dockerignore and pass it to the step that needs it with `RUN --mount=type=secret,id=%s` and `docker build --secret id=%s,src=%s`",
				in.Keyword, how, s.Kind, subjectMark, secretID(s.Path), secretID(s.Path), s.Path)})
		}
	}
}

// firstSource is the COPY source that names the file, for its range.
func firstSource(sources []string, rel string) string {
	for _, s := range sources {
		if path.Clean("/"+s) == "/"+rel {
			return s
		}
	}
	if len(sources) > 0 {
		return sources[0]
	}
	return rel
}

// secretID makes a build secret id from a file name: ".npmrc" → "npmrc".
func secretID(rel string) string {
	base := path.Base(rel)
	for len(base) > 1 && base[0] == '.' {
		base = base[1:]
	}
	return base
}
