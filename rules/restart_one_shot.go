package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// RestartOneShot reports a job that other services wait to complete and
// that a restart policy starts again each time it does.
var RestartOneShot = &Rule{
	ID:       "restart-one-shot",
	Severity: Warning,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "A one-shot job (others wait for it with `service_completed_successfully`) has `restart: always` or `unless-stopped`",
	Doc: `## Why
` + "`condition: service_completed_successfully`" + ` says the dependency is a job: it runs
once (a migration, a permission fix, a download) and exits 0, and then the
services that wait for it start. ` + "`restart: always`" + ` and ` + "`unless-stopped`" + ` restart a
container whenever it exits, success included, so the job runs again and again
for as long as the project is up: migrations re-run, seeds are inserted twice,
and the log fills with its output. Give the job ` + "`restart: \"no\"`" + ` (the default),
or ` + "`on-failure`" + ` to retry it only when it fails.

## Bad
` + "```yaml" + `
services:
  migrate:
    image: example/app:1.4
    command: ["migrate"]
    restart: always
  app:
    image: example/app:1.4
    depends_on:
      migrate:
        condition: service_completed_successfully
` + "```" + `

## Good
` + "```yaml" + `
services:
  migrate:
    image: example/app:1.4
    command: ["migrate"]
    restart: on-failure
  app:
    image: example/app:1.4
    depends_on:
      migrate:
        condition: service_completed_successfully
` + "```" + `

## Silence
` + "`# dlint ignore=restart-one-shot`" + ` on the line above ` + "`restart:`" + `, or
` + "`restart-one-shot: off`" + ` in .dlint.yaml.`,
	Check: checkRestartOneShot,
}

func checkRestartOneShot(pass *Pass) {
	waiters := map[string][]string{}
	for _, s := range composeFileServices(pass) {
		for _, d := range s.DependsOn {
			if d.Condition == "service_completed_successfully" {
				waiters[d.Service] = append(waiters[d.Service], s.Name)
			}
		}
	}
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		w := waiters[s.Name]
		if len(w) == 0 || !restartsOnSuccess(s) {
			continue
		}
		sort.Strings(w)
		hits = append(hits, serviceHit{Range: s.Restart.Range, Service: s.Name, Key: s.Restart.Value, Detail: serviceList(w)})
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("%s is a one-shot job (%s %s for it to complete), but `restart: %s` starts it again each time it exits, so it runs over and over; use `restart: on-failure`, or remove `restart:`",
			services, h.Detail, agreeVerb(h.Detail, "waits", "wait"), h.Key)
	})
}

func restartsOnSuccess(s *parser.Service) bool {
	if s.Restart == nil {
		return false
	}
	switch strings.Trim(s.Restart.Value, `"'`) {
	case "always", "unless-stopped":
		return true
	}
	return false
}
