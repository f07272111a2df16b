package parser

import (
	"bufio"
	"bytes"
	"path"
	"strings"
	"unicode"
)

// What names and files hold credentials. Rules ask these questions; the
// word lists live here so that a change reaches every rule at once.

// secretWords make a variable name read as a credential when one of them
// is a whole word of the name (DB_PASSWORD, npmToken, GH-TOKEN).
var secretWords = map[string]bool{
	"password": true, "passwd": true, "pass": true, "pword": true, "passphrase": true,
	"secret": true, "secrets": true, "token": true, "apikey": true, "credential": true,
	"credentials": true, "creds": true, "privatekey": true, "htpasswd": true,
	"dbpass": true, "dbpassword": true, "dbpasswd": true, // PAPERLESS_DBPASS
}

// secretKeyQualifiers make KEY a credential when they come before it
// (API_KEY, SSH_PRIVATE_KEY); KEY alone is too common (GPG_KEY is a public
// key's fingerprint, KEY_SERVER a host). An access key is the identifier
// half of a key pair (AWS_ACCESS_KEY, MINIO_ACCESS_KEY; the secret half is
// SECRET_ACCESS_KEY or SECRET_KEY), so "access" is not among them.
var secretKeyQualifiers = map[string]bool{
	"api": true, "private": true, "secret": true, "client": true,
	"ssh": true, "signing": true, "encryption": true, "master": true, "license": true,
	"account": true, "service": true, "app": true, "application": true, "auth": true,
	"deploy": true, "session": true,
}

// notSecretWords say the variable names something about a credential
// rather than holding it (PASSWORD_FILE, TOKEN_URL, SECRET_NAME) or is a
// switch (PASSWORD_REQUIRED), or is a placeholder meant for the build
// (SECRET_KEY_BASE_DUMMY).
var notSecretWords = map[string]bool{
	"file": true, "path": true, "dir": true, "url": true, "uri": true, "endpoint": true,
	"host": true, "name": true, "user": true, "username": true, "length": true, "len": true,
	"type": true, "method": true, "mode": true, "version": true, "id": true, "public": true,
	"enabled": true, "enable": true, "required": true, "header": true, "expiry": true,
	"expires": true, "ttl": true, "cmd": true, "command": true, "location": true,
	"format": true, "field": true, "prefix": true, "policy": true, "dummy": true,
	"placeholder": true, "hash": true, "arn": true, "ref": true,
	"provider": true, "store": true, "manager": true, "env": true, "var": true,
	"rotation": true, "min": true, "max": true, "reset": true, "change": true, "timeout": true,
	"generator": true, "helper": true, "script": true, "kind": true, "source": true,
	"hostname": true, "port": true, "address": true, "addr": true, "language": true, "locale": true,
	// A setting of how credentials are made or checked (PASS_SCHEME=BLF-CRYPT,
	// REGISTRY_AUTH_TOKEN_ISSUER, TOKEN_SERVICE: public names in a token).
	"scheme": true, "algorithm": true, "algo": true, "alg": true, "hashing": true, "cipher": true, "issuer": true, "audience": true,
	"realm": true, "service": true, "lifetime": true, "duration": true, "interval": true, "strength": true,
	// A setting of what handles or carries them (CONNECT_CONFIG_PROVIDERS_SECRET_CLASS,
	// …_SECURITY_PROTOCOL, …_SASL_MECHANISM, …_BOOTSTRAP_SERVERS, API_KEY_RATE_LIMIT).
	"class": true, "protocol": true, "mechanism": true, "server": true, "servers": true, "handler": true,
	"callback": true, "backend": true, "engine": true, "rate": true, "limit": true, "limits": true,
	"count": true, "size": true, "level": true, "region": true, "namespace": true, "topic": true,
	"label": true, // HSM_TOKEN_LABEL: the token's public name
}

// placeholderWords anywhere in a name say its value is not a credential.
var placeholderWords = map[string]bool{"public": true, "dummy": true, "placeholder": true, "example": true, "fake": true}

// IsSecretName reports whether a variable name reads as holding a
// credential: a whole word of it is a secret word (TOKEN, PASSWORD,
// SECRET, API_KEY…) and no word after the last of them says it only names
// or describes one (TOKEN_FILE, PASSWORD_PATH, AWS_ACCESS_KEY_ID), while
// one before does not (DB_USER_PASSWORD is a password).
func IsSecretName(name string) bool {
	words := nameWords(name)
	last := -1
	for i, w := range words {
		if placeholderWords[w] {
			return false
		}
		if secretWords[w] || w == "key" && i > 0 && secretKeyQualifiers[words[i-1]] {
			last = i
		}
	}
	if last < 0 {
		return false
	}
	for _, w := range words[last+1:] {
		if notSecretWords[w] {
			return false
		}
	}
	return true
}

// CountingValue reports a value that only counts up or down a row of
// digits or letters (123456, 654321, abcdef): what a template writes where
// a credential is to go, not one.
func CountingValue(v string) bool {
	if len(v) < 4 {
		return false
	}
	lower := strings.ToLower(v)
	for _, row := range []string{"01234567890", "09876543210", "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba"} {
		if strings.Contains(row, lower) {
			return true
		}
	}
	return false
}

// nameWords splits a variable name into lower-case words at _, -, .,
// camelCase boundaries and where letters meet digits
// (JWTBASE64HS256SECRET: jwtbase 64 hs 256 secret).
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.':
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]),
			i > 0 && unicode.IsDigit(r) != unicode.IsDigit(rs[i-1]):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// SecretFile says what credential a file in a build context is by its
// path (slash-separated, relative to the context), or "" when its name is
// not one. Content tells whether the file really holds one; see
// FileHoldsSecret.
func SecretFile(rel string) string {
	rel = strings.TrimPrefix(path.Clean("/"+rel), "/")
	base := path.Base(rel)
	lower := strings.ToLower(base)
	dirs := strings.Split(path.Dir(rel), "/")
	for _, d := range dirs {
		switch d {
		case ".ssh":
			if !strings.HasSuffix(lower, ".pub") && lower != "known_hosts" && lower != "config" {
				return "an SSH key"
			}
		case ".aws":
			if lower == "credentials" {
				return "AWS credentials"
			}
		case ".docker":
			if lower == "config.json" {
				return "Docker registry credentials"
			}
		case ".kube":
			if lower == "config" {
				return "a Kubernetes config with cluster credentials"
			}
		}
	}
	switch {
	case lower == ".npmrc":
		return "npm credentials"
	case lower == ".pypirc":
		return "PyPI credentials"
	case lower == ".netrc" || lower == "_netrc":
		return "netrc login credentials"
	case lower == ".git-credentials":
		return "git credentials"
	case lower == ".pgpass":
		return "PostgreSQL passwords"
	case lower == ".htpasswd":
		return "password hashes"
	case lower == ".dockercfg":
		return "Docker registry credentials"
	case lower == "credentials" || lower == "credentials.json":
		return "credentials"
	case lower == ".env" || strings.HasPrefix(lower, ".env.") && !envTemplate(lower):
		return "an environment file"
	case strings.HasPrefix(lower, "id_rsa") || strings.HasPrefix(lower, "id_dsa") ||
		strings.HasPrefix(lower, "id_ecdsa") || strings.HasPrefix(lower, "id_ed25519"):
		if !strings.HasSuffix(lower, ".pub") {
			return "an SSH private key"
		}
	case strings.HasSuffix(lower, ".pem") || strings.HasSuffix(lower, ".key"):
		return "a private key"
	case strings.HasSuffix(lower, ".p12") || strings.HasSuffix(lower, ".pfx"):
		return "a key store"
	}
	return ""
}

// envTemplate reports whether an .env.* name is a template checked in
// for others to copy (.env.example), not the values.
func envTemplate(lower string) bool {
	for _, s := range []string{".example", ".sample", ".template", ".dist", ".defaults", ".default", ".tmpl", ".tpl", ".schema"} {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// IsEnvTemplate reports whether a file name is an environment file's
// template that a project checks in for its users to copy to .env:
// .env.example, env.sample, example.env, prod.env.template, .env.dist,
// and .env.docker beside no .env.
func IsEnvTemplate(name string) bool {
	lower := strings.ToLower(path.Base(name))
	if lower == ".env.docker" || lower == "docker.env" {
		return true // the template for running with Docker (snipe-it, pixelfed)
	}
	parts := strings.FieldsFunc(lower, func(r rune) bool { return r == '.' || r == '-' || r == '_' })
	hasEnv, hasTemplate := false, false
	for _, p := range parts {
		switch p {
		case "env":
			hasEnv = true
		case "example", "sample", "template", "dist", "default", "defaults", "tmpl", "tpl":
			hasTemplate = true
		}
	}
	return hasEnv && hasTemplate
}

// FileHoldsSecret judges a file SecretFile named by the start of its
// content: a PEM file holds a private key only with a PRIVATE KEY block (a
// certificate is public), npm/PyPI/netrc files and environment files only
// with a credential written as a value (`_authToken=${NPM_TOKEN}` is read
// from the environment when npm runs, so the file holds none).
func FileHoldsSecret(rel string, content []byte) bool {
	lower := strings.ToLower(path.Base(rel))
	switch {
	case strings.HasSuffix(lower, ".pem") || strings.HasSuffix(lower, ".key") || strings.HasPrefix(lower, "id_"):
		if bytes.Contains(content, []byte("-----BEGIN")) {
			return bytes.Contains(content, []byte("PRIVATE KEY-----"))
		}
		return len(bytes.TrimSpace(content)) > 0
	case lower == ".npmrc" || lower == ".pypirc" || lower == ".env" || strings.HasPrefix(lower, ".env."):
		return configHoldsSecret(content)
	case lower == ".netrc" || lower == "_netrc":
		return bytes.Contains(content, []byte("password"))
	}
	return len(bytes.TrimSpace(content)) > 0
}

// configHoldsSecret looks for a `key = value` line whose key reads as a
// credential (_authToken, password, API_KEY) and whose value is written
// out, not taken from a variable.
func configHoldsSecret(content []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(make([]byte, 64*1024), 64*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			key, value, ok = strings.Cut(line, ":")
		}
		if !ok {
			continue
		}
		key = strings.TrimSpace(strings.TrimPrefix(key, "export "))
		if i := strings.LastIndex(key, ":"); i >= 0 {
			key = key[i+1:] // //registry.npmjs.org/:_authToken
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		if value == "" || strings.HasPrefix(value, "$") || !SecretValue(value) {
			continue // MAIL_PASSWORD=null: the app's setting, no credential
		}
		if IsSecretName(key) || key == "_auth" || key == "_authToken" || key == "_password" {
			return true
		}
	}
	return false
}

// SecretByName reports whether a file's name alone says it holds a
// credential, for a file dlint cannot read: SSH private keys, *.key,
// git credentials and the files of ~/.ssh and ~/.aws. A .pem may be a
// certificate and an .npmrc or .env may hold none.
func SecretByName(rel string) bool {
	kind := SecretFile(rel)
	lower := strings.ToLower(path.Base(rel))
	switch {
	case kind == "":
		return false
	case strings.HasSuffix(lower, ".pem"):
		return strings.Contains(lower, "key")
	}
	switch kind {
	case "an SSH private key", "an SSH key", "a private key", "git credentials", "AWS credentials":
		return true
	}
	return false
}

// placeholders are values that ask to be replaced rather than being one.
var placeholders = []string{"changeme", "change_me", "change-me", "changethis", "change_this", "replaceme", "replace_me", "replace-me", "replace_with",
	"change-this", "insecure", "todo", "tbd", "xxx", "your", "example", "placeholder", "redacted", "secret_here", "password_here", "insert", "fill", "set_me", "setme", "user_provided", "choose", "here", "mysecure", "mystrong", "myvery", "verystrong", "mysuper"}

// SecretValue reports whether a literal value looks like a secret: not
// empty, a flag, a path, a reference or a placeholder.
func SecretValue(v string) bool {
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
	if strings.Trim(lower, "x*.-_") == "" || len(v) <= 4 && strings.Trim(v, "0123456789") == "" || CountingValue(v) {
		return false // a mask, a count such as a token limit, or 123456
	}
	if len(v) > 2 && (v[0] == '_' && v[len(v)-1] == '_' || strings.HasPrefix(v, "__") || strings.HasPrefix(v, "@") && strings.HasSuffix(v, "@")) {
		return false // a template's marker a setup script replaces (_admin_password_, @DB_PASS@)
	}
	if strings.Count(v, "%") >= 2 || strings.Contains(v, "/") && hasSuffixAny(lower, ".pem", ".key", ".crt", ".txt", ".json") {
		return false // a framework's parameter (%kernel.project_dir%) or a file
	}
	for _, p := range placeholders {
		if strings.Contains(lower, p) {
			return false
		}
	}
	return true
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
