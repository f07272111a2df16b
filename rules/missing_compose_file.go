package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// MissingComposeFile reports env files and secret files a compose project
// names that are not on disk.
var MissingComposeFile = &Rule{
	ID:       "missing-compose-file",
	Severity: Info, // true, but such files are often made on the host on purpose (.env, stack.env): 4 of 4 on real repositories
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "An `env_file:` or a secret's `file:` names a file that does not exist",
	Doc: `## Why
Compose reads every ` + "`env_file:`" + ` when it loads the project and refuses to start
anything when one is missing ("env file … not found"), unless the entry says
` + "`required: false`" + `. A secret's ` + "`file:`" + ` is mounted into the container, and a
missing one stops the container from being created. dlint checks the paths
against the checkout it lints, after interpolation; a path that uses a
variable nothing sets is left to ` + "`unset-variable`" + `.

A file that each deployment creates (a .env kept out of version control) is
reported too: commit an example (` + "`app.env.example`" + `) and say how to make the
real one, mark the entry ` + "`required: false`" + `, or silence the finding.

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    env_file: ./app.env       # not in the repository
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    env_file:
      - path: ./app.env
        required: false
` + "```" + `

## Silence
` + "`# dlint ignore=missing-compose-file`" + ` on the line above the entry, or
` + "`missing-compose-file: off`" + ` in .dlint.yaml.`,
	Check: checkMissingComposeFile,
}

func checkMissingComposeFile(pass *Pass) {
	if pass.Compose == nil || pass.Compose.RunLines {
		return
	}
	// One finding per missing file, at its first use, naming every
	// service that reads it: `.env` is often listed by each service.
	first := map[string]parser.Range{}
	for _, s := range composeFileServices(pass) {
		for _, ef := range s.EnvFiles {
			if r, seen := first[ef.Path]; ef.Required && ef.Missing && (!seen || r.File == ef.Range.File && before(ef.Range.Start, r.Start)) {
				first[ef.Path] = ef.Range
			}
		}
	}
	var hits []serviceHit
	// profile is, per missing file, a profile of the services that read
	// it when every one of them has profiles: Compose (2.34 on) reads an
	// env file only for the services it starts, so a plain `up` does not.
	profile := map[string]string{}
	always := map[string]bool{}
	for _, s := range composeFileServices(pass) {
		for _, ef := range s.EnvFiles {
			if ef.Required && ef.Missing {
				hits = append(hits, serviceHit{Range: first[ef.Path], Service: s.Name, Key: ef.Path})
				if len(s.Profiles) == 0 {
					always[ef.Path] = true
				} else if profile[ef.Path] == "" {
					profile[ef.Path] = s.Profiles[0]
				}
			}
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		up := "`docker compose up`"
		if p := profile[h.Key]; p != "" && !always[h.Key] {
			up = fmt.Sprintf("`docker compose --profile %s up`", p)
		}
		if tmpl := envTemplate(h.Key); tmpl != "" {
			return fmt.Sprintf("env file %s of %s does not exist, and %s refuses the project without it; copy %s to it and fill it in, or write the entry as `- path: %s` with `required: false`",
				displayPath(pass, h.Key), services, up, displayPath(pass, tmpl), displayPath(pass, h.Key))
		}
		return fmt.Sprintf("env file %s of %s does not exist, and %s refuses the project without it; create it, or write the entry as `- path: %s` with `required: false`",
			displayPath(pass, h.Key), services, up, displayPath(pass, h.Key))
	})
	for _, sec := range pass.Compose.Secrets {
		if sec.Missing {
			pass.Report(sec.Range, fmt.Sprintf("the file %s of secret '%s' does not exist, so no container that uses the secret can be created; create it (and keep it out of version control), or take the secret from `environment:`",
				displayPath(pass, sec.Path), sec.Name))
		}
	}
}

// displayPath writes a path relative to the project directory when it is
// inside it.
func displayPath(pass *Pass, p string) string {
	if dir, err := filepath.Abs(pass.Compose.Dir); err == nil {
		if rel, err := filepath.Rel(dir, p); err == nil && filepath.IsLocal(rel) {
			return "./" + filepath.ToSlash(rel)
		}
	}
	return p
}

// envTemplate returns the example a project ships for a missing env file
// (.env.example beside .env, app.env.sample beside app.env), or "".
func envTemplate(path string) string {
	dir, base := filepath.Split(path)
	stem := strings.TrimSuffix(base, ".env")
	candidates := []string{base + ".example", base + ".sample", base + ".template", base + ".dist", base + ".tmpl"}
	if base == ".env" {
		// The template for Docker first: it names the compose services
		// (DB_HOST=db) where .env.example names a local install's.
		candidates = append([]string{".env.docker", "docker.env"}, candidates...)
		candidates = append(candidates, "example.env", "env.example", "sample.env", ".env.local.example")
	} else if stem != base {
		candidates = append(candidates, stem+".example.env", stem+".sample.env")
	}
	for _, c := range candidates {
		if info, err := os.Stat(filepath.Join(dir, c)); err == nil && info.Mode().IsRegular() {
			return filepath.Join(dir, c)
		}
	}
	return ""
}
