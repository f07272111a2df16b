package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// LiteralSecret reports passwords, tokens and keys written as literal
// values in a compose file's environment (build args are
// secret-in-arg-or-env's).
var LiteralSecret = &Rule{
	ID:       "literal-secret",
	Severity: Warning,
	Tags:     []string{TagCompose, TagSecurity},
	Summary:  "A password, token or key is written in the compose file's `environment:`",
	Doc: `## Why
A value written in the compose file is in version control, in every clone and
CI log that prints the file, and in ` + "`docker inspect`" + ` of the container.
Keep the value out of the file: read it from the environment or an env file
that is not committed (` + "`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}`" + `, with the
value in .env), or better, give it to the container as a secret, a file under
/run/secrets that images such as postgres and mysql read through their
` + "`*_FILE`" + ` variables.

dlint reports a variable whose name says it holds a credential (a word
PASSWORD, PASSWD, PASS, SECRET or TOKEN, or a KEY such as API_KEY, and no
word after it that makes it a _FILE, _PATH, _LENGTH or similar setting; the
same judgement as secret-in-arg-or-env, which reports build args) and whose
value is written
literally, or is a reference whose default is (` + "`${DB_PASSWORD:-hunter2}`" + `:
the default is used whenever the variable is unset, and it is in the file):
not empty, not a ` + "`${VAR}`" + ` reference, not a file path, not a yes/no
flag, and not an obvious placeholder (changeme, <password>, or a value whose
comment asks to change it). A URL whose password is written out
(` + "`postgres://app:s3cret@db/app`" + `, as a value or a default) is reported whatever
the variable's name. In a test's or a developer's own compose file (under
test/, tests/, testing/, e2e/, fixtures/, .devcontainer/ or development/, or
named like docker-compose.test.yml or docker-compose.dev.yml) the finding is
information: such files hold the throwaway passwords of the databases a test
run or a laptop starts. The value is never printed.

## Bad
` + "```yaml" + `
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2
` + "```" + `

## Good
` + "```yaml" + `
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
secrets:
  db_password:
    file: ./db_password.txt   # not committed
` + "```" + `

## Silence
` + "`# dlint ignore=literal-secret`" + ` on the line above the variable (for a
throwaway development password), or ` + "`literal-secret: off`" + ` in .dlint.yaml.`,
	Check: checkLiteralSecret,
}

func checkLiteralSecret(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		for _, ev := range s.Environment {
			switch ref, isDefault := secretDefault(ev); {
			case literalSecret(ev):
				hits = append(hits, serviceHit{Range: ev.Range, Service: s.Name, Key: "env " + ev.Name})
			case isDefault:
				hits = append(hits, serviceHit{Range: ev.Range, Service: s.Name, Key: "default " + ev.Name, Detail: ref})
			case urlWithPassword(ev):
				hits = append(hits, serviceHit{Range: ev.Range, Service: s.Name, Key: "url " + ev.Name})
			}
		}
	}
	// A test harness's compose file holds the throwaway passwords of the
	// databases it starts for one run (phpmyadmin's testing/): true, but
	// information there.
	if pass.ForTests {
		for i := range hits {
			hits[i].Severity = Info
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		kind, name, _ := strings.Cut(h.Key, " ")
		if kind == "url" {
			return fmt.Sprintf("%s of %s is a URL with a password written in the compose file (`scheme://user:…@host`), readable by anyone with the repository or `docker inspect`; build it from `${…}` variables set in an uncommitted .env, or give the password as a `secrets:` file", name, services)
		}
		if kind == "default" {
			return fmt.Sprintf("the default of `${%s:-…}` in %s of %s is a secret written in the compose file, used whenever %s is unset; drop the default (`${%s:?set %s in .env}`) or read it from a `secrets:` file", h.Detail, name, services, h.Detail, h.Detail, h.Detail)
		}
		return fmt.Sprintf("%s of %s is a secret written in the compose file, readable by anyone with the repository or `docker inspect`; use `${%s}` from an uncommitted .env, or a `secrets:` file (%s_FILE=/run/secrets/…) where the image supports it", name, services, name, name)
	})
}

// literalSecret reports a variable that holds a secret written in the
// file, not a placeholder its comment asks to replace (`# change this`).
func literalSecret(ev *parser.EnvVar) bool {
	if !ev.Literal || ev.Unset || !parser.IsSecretName(ev.Name) || !parser.SecretValue(ev.Value) {
		return false
	}
	c := strings.ToLower(ev.Comment)
	for _, w := range []string{"change", "adjust", "replace", "set your", "your own"} {
		if strings.Contains(c, w) {
			return false
		}
	}
	return true
}

// secretDefault reports a credential variable whose value is a reference
// with a literal default (`${DB_PASSWORD:-hunter2}`): the default is the
// secret, written in the file. It returns the variable referred to.
func secretDefault(ev *parser.EnvVar) (string, bool) {
	if ev.Literal || ev.Unset || !parser.IsSecretName(ev.Name) {
		return "", false
	}
	ref, word, ok := parser.LiteralDefault(strings.TrimSpace(ev.Raw))
	if !ok || !parser.SecretValue(word) || strings.Contains(strings.ToLower(ev.Comment), "change") {
		return "", false
	}
	return ref, true
}

// urlWithPassword reports a value, or the default of a reference, that
// is a URL whose password is written out (`postgres://app:s3cret@db/app`,
// `${DATABASE_URL:-amqp://plane:plane@mq/}`), whatever the variable's name.
func urlWithPassword(ev *parser.EnvVar) bool {
	if ev.Unset || strings.Contains(strings.ToLower(ev.Comment), "change") {
		return false
	}
	value := ev.Value
	if !ev.Literal {
		_, word, ok := parser.LiteralDefault(strings.TrimSpace(ev.Raw))
		if !ok {
			return false
		}
		value = word
	}
	_, rest, ok := strings.Cut(value, "://")
	if !ok {
		return false
	}
	authority, _, _ := strings.Cut(rest, "/")
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return false
	}
	_, password, ok := strings.Cut(authority[:at], ":")
	return ok && !strings.Contains(password, "$") && parser.SecretValue(password)
}
