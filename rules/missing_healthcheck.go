package rules

import (
	"github.com/dlint-dev/dlint/parser"
)

// MissingHealthcheck reports an image whose Dockerfile sets no HEALTHCHECK
// and a container that sets none either.
var MissingHealthcheck = &Rule{
	ID:       "missing-healthcheck",
	Aliases:  []string{"DL3057", "DS026", "AVD-DS-0026", "b03a748a-542d-44f4-bb86-9199ab4fd2d5"},
	Severity: Info,
	Group:    GroupStrict,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "The Dockerfile sets no HEALTHCHECK, so Docker only knows whether the process runs, not whether it serves",
	Doc: `## Why
Without a health check, Docker (and ` + "`depends_on: condition: service_healthy`" + `,
Swarm's rolling updates, autoheal tools) only sees that the process is
running, not that it answers. A ` + "`HEALTHCHECK`" + ` that asks the application
itself makes a hung server visible.

dlint's image catalogue does not record whether an official image sets a
HEALTHCHECK, so the finding says what is true: this Dockerfile sets none.
A base image that ` + "`images:`" + ` in .dlint.yaml gives ` + "`healthcheck: true`" + `, or an image
built in the repository with a HEALTHCHECK, is not reported; with
` + "`healthcheck: false`" + ` the message names the base image too. A stage of the same file that the image is
built on counts, and so does a compose service's own ` + "`healthcheck:`" + `
(or ` + "`disable: true`" + `). One-off ` + "`docker run`" + ` jobs are not reported. Most real
images have no HEALTHCHECK (orchestrators such as Kubernetes ignore it and
probe on their own), so the rule is in the ` + "`strict`" + ` group.

## Bad
` + "```dockerfile" + `
FROM python:3.13-slim
COPY app.py /app/
CMD ["python", "/app/app.py"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM python:3.13-slim
COPY app.py /app/
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
CMD ["python", "/app/app.py"]
` + "```" + `

## Silence
` + "`# dlint ignore=missing-healthcheck`" + ` above the FROM, or ` + "`HEALTHCHECK NONE`" + ` to say
no check is wanted. hadolint's ` + "`DL3057`" + ` and Trivy's ` + "`DS026`" + ` work too.`,
	Check: checkMissingHealthcheck,
}

func checkMissingHealthcheck(pass *Pass) {
	for _, c := range pass.Containers {
		if c.Stage == nil || c.Stage.From == nil || c.OneOff() {
			continue
		}
		if c.Service != nil && c.Service.Healthcheck != nil {
			continue
		}
		if chainSetsHealthcheck(c.Stage) {
			continue
		}
		img := c.BaseImage()
		if img != nil && img.Healthcheck != nil && *img.Healthcheck {
			continue // the base image's HEALTHCHECK is inherited
		}
		what := "this Dockerfile sets no HEALTHCHECK"
		if img != nil && img.Healthcheck != nil {
			what = "neither this Dockerfile nor its base image " + c.Stage.RootBase().Raw + " sets a HEALTHCHECK"
		}
		if c.Service != nil {
			what += " and " + about(c) + " " + agree("sets", "set") + " no `healthcheck:`"
		}
		pass.ReportAbout(c, Finding{Range: c.Stage.From.KeywordRange(), Message: what + ", so Docker sees only that the container's process runs, not that it answers; add a `HEALTHCHECK CMD …` that asks the application (or `HEALTHCHECK NONE` to say none is wanted)"})
	}
}

// chainSetsHealthcheck reports whether the stage, or a stage of the file it
// builds on, has a HEALTHCHECK (NONE included).
func chainSetsHealthcheck(st *parser.Stage) bool {
	for _, s := range st.Ancestors() {
		for _, in := range s.Instructions {
			if in.Keyword == "HEALTHCHECK" {
				return true
			}
		}
	}
	return false
}
