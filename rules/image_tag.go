package rules

import (
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// ImageTag reports compose services that run an image by the `latest` tag,
// written or implied.
var ImageTag = &Rule{
	ID:       "image-tag",
	Aliases:  []string{"service-image-require-explicit-tag", "DS001"},
	Severity: Info,
	Tags:     []string{TagCompose, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "A compose service runs an image on `:latest` or without a tag",
	Doc: `## Why
` + "`image: postgres`" + ` is ` + "`postgres:latest`" + `: whatever the publisher pushed last. Two
machines that pull at different times run different versions, a routine
` + "`docker compose pull`" + ` can bring a new major version (a database whose data
directory the new version refuses), and nothing records which version ran.
Name the version you tested (` + "`postgres:16.4`" + `), or pin the digest
(` + "`postgres:16.4@sha256:…`" + `) and let a tool such as Renovate or Dependabot
propose the updates.

The image of a service that has a ` + "`build:`" + ` section is the name compose gives
the image it builds, and is not reported. The rule is in the ` + "`pinning`" + ` group, off by
default: select it with ` + "`--extend-select pinning`" + ` (or ` + "`image-tag`" + `).

## Bad
` + "```yaml" + `
services:
  db:
    image: postgres
  cache:
    image: redis:latest
` + "```" + `

## Good
` + "```yaml" + `
services:
  db:
    image: postgres:16.4
  cache:
    image: redis:7.4@sha256:…
` + "```" + `

## Silence
` + "`# dlint ignore=image-tag`" + ` on the line above ` + "`image:`" + `, or leave the rule off.`,
	Check: checkImageTag,
}

func checkImageTag(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		if s.Image == nil || s.Build != nil || strings.Contains(s.Image.Value, "$") {
			continue
		}
		ref := parser.ParseImageRef(s.Image.Value)
		if ref.Digest != "" || ref.Tag != "" && ref.Tag != "latest" {
			continue
		}
		detail := "has no tag, so it is `:latest`"
		if ref.Tag == "latest" {
			detail = "is on `:latest`"
		}
		hits = append(hits, serviceHit{Range: s.Image.Range, Service: s.Name, Key: s.Image.Value, Detail: detail})
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return "the image `" + h.Key + "` of " + services + " " + h.Detail + ": whatever was pushed last, a different version on each pull; name the version you tested, or pin a digest"
	})
}
