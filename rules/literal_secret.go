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
the variable's name. In a test's compose file (under test/, tests/,
testing/, e2e/ or fixtures/, or named like docker-compose.test.yml) the
finding is information: such files hold the throwaway passwords of the
databases a test run starts. The value is never printed.

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
	if !ev.Literal || ev.Unset || !parser.IsSecretName(ev.Name) || !secretValue(ev.Value) {
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
	if !ok || !secretValue(word) || strings.Contains(strings.ToLower(ev.Comment), "change") {
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
	return ok && !strings.Contains(password, "$") && secretValue(password)
}

// placeholders are values that ask to be replaced rather than being one.
var placeholders = []string{"changeme", "change_me", "change-me", "changethis", "change_this", "replaceme", "replace_me", "replace-me", "replace_with",
	"change-this", "insecure", "todo", "tbd", "xxx", "your", "example", "placeholder", "redacted", "secret_here", "password_here", "insert", "fill", "set_me", "setme", "user_provided", "choose", "here", "mysecure", "mystrong", "myvery", "verystrong", "mysuper"}

// secretValue reports whether a literal value looks like a secret: not
// empty, a flag, a path, a reference or a placeholder.
func secretValue(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1] // quotes inside a list item are part of the value
	}
	lower := strings.ToLower(v)
	switch strings.Trim(lower, "*") { // **None**: an image's "not set"
	case "none", "password", "secret", "username":
		return false // the setting's own name for a value: a placeholder
	}
	switch lower {
	case "", "true", "false", "yes", "no", "on", "off", "0", "1", "none", "null", "nil", "~", "unset", "-", "*", "***",
		"invalid", "disabled", "disable", "empty", // a value that turns the feature off (API_KEY=invalid)
		"dummy", "fake", "unused", "notused", "not-used", "not_used", // one the feature ignores (an exporter's API_KEY: dummy)
		"jwt", "opaque", "bearer", "basic", "hmac": // a kind of token, not one (STRATEGIES_ACCESS_TOKEN=jwt)
		return false
	}
	if strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "~/") ||
		strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") || strings.HasPrefix(v, "{{") || strings.HasPrefix(lower, "vault:") {
		return false
	}
	if strings.Trim(lower, "x*.-_") == "" || len(v) <= 4 && strings.Trim(v, "0123456789") == "" || parser.CountingValue(v) {
		return false // a mask, a count such as a token limit, or 123456
	}
	if len(v) > 2 && (v[0] == '_' && v[len(v)-1] == '_' || strings.HasPrefix(v, "__") || strings.HasPrefix(v, "@") && strings.HasSuffix(v, "@")) {
		return false // a template's marker a setup script replaces (_admin_password_, @DB_PASS@)
	}
	if strings.Count(v, "%") >= 2 || strings.Contains(v, "/") && hasAnySuffix(lower, ".pem", ".key", ".crt", ".txt", ".json") {
		return false // a framework's parameter (%kernel.project_dir%) or a file
	}
	for _, p := range placeholders {
		if strings.Contains(lower, p) {
			return false
		}
	}
	return true
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
