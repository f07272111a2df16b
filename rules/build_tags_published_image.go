package rules

import "fmt"

// BuildTagsPublishedImage reports services that build an image and name
// it after a published one.
var BuildTagsPublishedImage = &Rule{
	ID:       "build-tags-published-image",
	Aliases:  []string{"no-build-and-image"},
	Severity: Warning,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "A service builds an image and names it after a published image, such as `image: postgres:16`",
	Doc: `## Why
With both ` + "`build:`" + ` and ` + "`image:`" + `, ` + "`image:`" + ` is the name compose gives the image
it builds. That is the usual way to tag a build (` + "`image: registry.example.com/team/api:1.4`" + `)
and dlint does not object to it. It goes wrong when the name is an image
someone else publishes, such as ` + "`postgres:16`" + `: the build replaces the local
copy of the real postgres:16 for every project on the machine, ` + "`docker compose pull`" + `
(and ` + "`up`" + ` when the image is missing, as the Compose specification has it) fetches
the published image, which then runs instead of your build, and
` + "`docker compose push`" + ` tries to push to the publisher's repository.

dlint reports the names its image catalogue knows as published images
(Docker official images and the vendor images it lists; not the images a
.dlint.yaml adds). A service with ` + "`pull_policy: build`" + ` or ` + "`never`" + ` is not
reported.

## Bad
` + "```yaml" + `
services:
  db:
    build: ./db        # FROM postgres:16, with our init scripts
    image: postgres:16
` + "```" + `

## Good
` + "```yaml" + `
services:
  db:
    build: ./db
    image: example/db:16
` + "```" + `

## Silence
` + "`# dlint ignore=build-tags-published-image`" + ` on the line above ` + "`image:`" + `, or
` + "`build-tags-published-image: off`" + ` in .dlint.yaml.`,
	Check: checkBuildTagsPublishedImage,
}

func checkBuildTagsPublishedImage(pass *Pass) {
	var hits []serviceHit
	for _, c := range pass.Containers {
		s := c.Service
		if s == nil || s.Build == nil || s.Image == nil || c.Published == nil {
			continue
		}
		if o := c.Published.Origin; o != "generated" && o != "vendor" {
			continue
		}
		if s.PullPolicy != nil && (s.PullPolicy.Value == "build" || s.PullPolicy.Value == "never") {
			continue
		}
		hits = append(hits, serviceHit{Range: s.Image.Range, Service: s.Name, Key: s.Image.Value})
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("%s builds an image and names it `%s`, a published image: `docker compose pull` fetches the real one, which then runs instead of the build, and `push` targets its publisher; name the build after your project (`image: example/%s`)",
			services, h.Key, lastPathPart(h.Key))
	})
}

func lastPathPart(ref string) string {
	for i := len(ref) - 1; i >= 0; i-- {
		if ref[i] == '/' {
			return ref[i+1:]
		}
	}
	return ref
}
