package parser

import "testing"

func TestIsSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"GITHUB_TOKEN": true, "NPM_TOKEN": true, "DB_PASSWORD": true, "DB_USER_PASSWORD": true,
		"AWS_SECRET_ACCESS_KEY": true, "API_KEY": true, "apiKey": true, "SECRET_KEY_BASE": true,
		"npmAuthToken": true, "DB_PASS": true, "SSH_PRIVATE_KEY": true, "_authToken": true,
		"GPG_KEY": false, "AWS_ACCESS_KEY_ID": false, "AWS_ACCESS_KEY": false, "MINIO_ACCESS_KEY": false,
		"MINIO_SECRET_KEY": true, "AWS_SECRET_KEY": true, "PAPERLESS_DBPASS": true, "PASSWORD_FILE": false, "TOKEN_URL": false,
		"CONNECT_CONFIG_PROVIDERS_SECRET_CLASS": false, "CONNECT_SECRET_PARAM_KAFKASTORE_BOOTSTRAP_SERVERS": false,
		"API_KEY_RATE_LIMIT": false, "SECRET_SASL_MECHANISM": false, "SECRET_SECURITY_PROTOCOL": false, "SERVER_SECRET": true,
		"SECRET_KEY_BASE_DUMMY": false, "KEY_SERVER": false, "NODE_VERSION": false, "PWD": false,
		"PASSWORD_MIN_LENGTH": false, "CSRF_TOKEN_NAME": false, "PUBLIC_API_KEY": false,
		"TOKENIZERS_PARALLELISM": false, "AUTH_METHOD": false, "USERNAME": false, "PASSWORD_HASHING_ALG": false, "PASSWORD_HASHING": false,
	} {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSecretFile(t *testing.T) {
	for rel, want := range map[string]bool{
		".npmrc": true, "app/.pypirc": true, "id_rsa": true, "keys/id_ed25519": true, "id_rsa.pub": false,
		"certs/server.pem": true, "tls.key": true, ".env": true, ".env.production": true, ".env.example": false,
		".aws/credentials": true, ".aws/config": false, ".ssh/deploy": true, ".ssh/known_hosts": false,
		".git-credentials": true, "src/main.go": false, "credentials": true, "environment.ts": false,
	} {
		if got := SecretFile(rel) != ""; got != want {
			t.Errorf("SecretFile(%q) = %q, want secret %v", rel, SecretFile(rel), want)
		}
	}
}

func TestFileHoldsSecret(t *testing.T) {
	for _, c := range []struct {
		rel, content string
		want         bool
	}{
		{"ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", false},
		{"key.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n", true},
		{".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", false},
		{".npmrc", "registry=https://npm.example.com/\n//npm.example.com/:_authToken=npm_abc123\n", true},
		{".npmrc", "save-exact=true\n", false},
		{".env", "NODE_ENV=production\nPORT=3000\n", false},
		{".env", "DATABASE_PASSWORD=hunter2\n", true},
		{".env", "API_KEY=\n", false},
		{".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc\n", true},
	} {
		if got := FileHoldsSecret(c.rel, []byte(c.content)); got != c.want {
			t.Errorf("FileHoldsSecret(%q, %q) = %v, want %v", c.rel, c.content, got, c.want)
		}
	}
}

func TestCountingValue(t *testing.T) {
	for v, want := range map[string]bool{"123456": true, "654321": true, "abcdef": true, "ABCD": true, "0123": true, "123": false, "815026": false, "abcdeg": false, "s3cret": false} {
		if got := CountingValue(v); got != want {
			t.Errorf("CountingValue(%q) = %v", v, got)
		}
	}
}

func TestIsEnvTemplate(t *testing.T) {
	for name, want := range map[string]bool{".env.example": true, "env.sample": true, "example.env": true, "prod.env.template": true, ".env.dist": true, "defaults.env": true,
		".env": false, "stack.env": false, "environment.example": false, "db.env": false, "example.yml": false} {
		if got := IsEnvTemplate(name); got != want {
			t.Errorf("IsEnvTemplate(%q) = %v", name, got)
		}
	}
}
