package rules_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestMissingUserSeverity: a server whose master process stays root by
// design (nginx, php-fpm, httpd) is information; an app that runs as root
// is a warning.
func TestMissingUserSeverity(t *testing.T) {
	for path, want := range map[string]string{
		"php-fpm-app.Dockerfile":      "info",
		"nginx-custom-cmd.Dockerfile": "info",
		"nginx.Dockerfile":            "info",
		"nginx-shell-form.Dockerfile": "info",
		"script-nginx/Dockerfile":     "info",
		"script-cmd-php-fpm":          "info",
		"script-php-entrypoint":       "info",
		"script-cmd-args":             "info",
		"procfile":                    "info",
		"procfile-app":                "info",
		"bad.Dockerfile":              "warning",
	} {
		res := lint.Run(lint.Options{Paths: []string{filepath.Join("testdata", "missing-user", path)}, Rules: []*rules.Rule{rules.MissingUser}, Workers: 1})
		if len(res.Errors) > 0 || len(res.Findings) != 1 {
			t.Errorf("%s: errors %v, findings %v", path, res.Errors, res.Findings)
			continue
		}
		if got := fmt.Sprint(res.Findings[0].Severity); got != want {
			t.Errorf("%s: severity %s, want %s (%s)", path, got, want, res.Findings[0].Message)
		}
	}
}

// A compose `entrypoint:` that is a script of the image, not on disk, may
// drop privileges itself: the finding says so, as info, and does not
// advise a USER that would break its own gosu.
func TestMissingUserUnseenComposeEntrypoint(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"compose.yaml":   "services:\n  cron:\n    build: ./app\n    entrypoint: /cron.sh\n",
		"app/Dockerfile": "FROM friendica:apache\nCOPY addon.config.php /usr/src/config/\n",
	}, rules.MissingUser)
	var cron []rules.Finding
	for _, f := range findings {
		if strings.Contains(f.Message, "'cron'") {
			cron = append(cron, f)
		}
	}
	if len(cron) != 1 || cron[0].Severity != rules.Info || !strings.Contains(cron[0].Message, "unless `/cron.sh`") || strings.Contains(cron[0].Message, "USER 33") {
		t.Errorf("findings: %+v", findings)
	}
}

// UBI minimal has no useradd and no gosu: the advice works there.
func TestMissingUserAdviceOnUBIMinimal(t *testing.T) {
	path := filepath.Join("testdata", "missing-user", "ubi-minimal.Dockerfile")
	res := lint.Run(lint.Options{Paths: []string{path}, Rules: []*rules.Rule{rules.MissingUser}, NoConfig: true})
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "microdnf install -y shadow-utils") || strings.Contains(res.Findings[0].Message, "gosu") {
		t.Errorf("findings: %+v", res.Findings)
	}
}

// A server's own configuration copied in names its workers' user: nginx's
// `user nobody;`, not the image's nginx.
func TestMissingUserWorkersFromTheServersConfiguration(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"Dockerfile": "FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n",
		"nginx.conf": "user nobody nogroup;\nevents {}\nhttp {\n  server { listen 80; }\n}\n",
	}, rules.MissingUser)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "its workers as nobody") {
		t.Errorf("findings: %+v", findings)
	}
}

// An unknown base the Dockerfile installs into with apk is Alpine: the
// advice uses busybox adduser and su-exec, which it has, not useradd.
func TestMissingUserAdviceOnUnknownAlpineBase(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"Dockerfile": "FROM ghcr.io/example/base:1\nRUN apk add --no-cache curl\nCMD [\"app\"]\n",
	}, rules.MissingUser)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "adduser -D -u 10001 app") || strings.Contains(findings[0].Message, "useradd") {
		t.Errorf("findings: %+v", findings)
	}
}

// A cluster of short options whose last takes a value (`-ms /bin/bash`)
// is read as useradd reads it: the account is the word after the value.
func TestMissingUserAdviceReadsClusteredUseraddOptions(t *testing.T) {
	for _, run := range []string{"useradd -ms /bin/bash localstack", "useradd -mu1000 localstack", "useradd -m -s /bin/bash localstack"} {
		findings := lintFiles(t, map[string]string{
			"Dockerfile": "FROM debian:12\nRUN " + run + "\nCMD [\"sleep\", \"1\"]\n",
		}, rules.MissingUser)
		if len(findings) != 1 || !strings.Contains(findings[0].Message, "switch to the localstack user") {
			t.Errorf("RUN %s: %+v", run, findings)
		}
	}
}

// An entrypoint that chooses by its first argument runs the branch the
// CMD selects: a gosu in another branch does not drop the privileges of
// the one that runs, and the branch that drops is not reported.
func TestMissingUserFollowsTheCaseBranchOfCMD(t *testing.T) {
	const entrypoint = "#!/bin/sh\nset -e\nshell() { exec gosu app sh; }\ncase \"$1\" in\n  app:run) exec /usr/local/bin/app ;;\n  app:shell) shell ;;\n  *) exec \"$@\" ;;\nesac\n"
	for cmd, want := range map[string]int{`["app:run"]`: 1, `["app:shell"]`: 0} {
		findings := lintFiles(t, map[string]string{
			"Dockerfile":    "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/* && useradd --uid 10001 app\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD " + cmd + "\n",
			"entrypoint.sh": entrypoint,
		}, rules.MissingUser)
		if len(findings) != want {
			t.Errorf("CMD %s: %d findings, want %d: %+v", cmd, len(findings), want, findings)
		}
	}
}

// A process manager whose configuration is made inside the image may run
// each program as another user: the finding says so, as information.
func TestMissingUserUnreadSupervisorConfig(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"Dockerfile": "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends supervisor && rm -rf /var/lib/apt/lists/*\nCMD [\"supervisord\", \"-n\"]\n",
	}, rules.MissingUser)
	if len(findings) != 1 || findings[0].Severity != rules.Info || !strings.Contains(findings[0].Message, "its main process is supervisord") {
		t.Errorf("findings: %+v", findings)
	}
}

// An entrypoint in another language than shell, copied from the build
// context, may drop privileges where dlint cannot read (synapse's
// start.py execs gosu): information, and no USER advice that would break
// its drop.
func TestMissingUserForeignEntrypoint(t *testing.T) {
	for name, df := range map[string]string{
		"shebang":     "FROM python:3.12-slim\nCOPY start.py /start.py\nENTRYPOINT [\"/start.py\"]\n",
		"interpreter": "FROM python:3.12-slim\nCOPY start.py /start.py\nENTRYPOINT [\"python3\", \"/start.py\"]\n",
	} {
		findings := lintFiles(t, map[string]string{
			"Dockerfile": df,
			"start.py":   "#!/usr/bin/env python3\nimport os\nos.execv('/usr/sbin/gosu', ['gosu', '991:991', 'synapse'])\n",
		}, rules.MissingUser)
		if len(findings) != 1 || findings[0].Severity != rules.Info || !strings.Contains(findings[0].Message, "unless `/start.py`, a script in another language than shell") {
			t.Errorf("%s: %+v", name, findings)
		}
	}
}

// A service that mounts the Docker socket is told to add the socket's
// group as well, or an unprivileged user cannot open it (watchtower).
func TestMissingUserDockerSocketClient(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"compose.yaml": "services:\n  watchtower:\n    build: .\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n",
		"Dockerfile":   "FROM alpine:3.20\nCOPY watchtower /watchtower\nENTRYPOINT [\"/watchtower\"]\n",
		"watchtower":   "\x7fELF\x00\x00",
	}, rules.MissingUser)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "group_add") {
		t.Errorf("findings: %+v", findings)
	}
}

// php-fpm started as root by supervisord runs its workers as www-data:
// root by the server's design, information, and the advice does not tell
// to give php-fpm a user= (it then cannot open supervisord's pipes).
func TestMissingUserSupervisedMasterWorkers(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"Dockerfile":       "FROM php:8.3-fpm\nCOPY supervisord.conf /etc/supervisor/conf.d/app.conf\nCMD [\"supervisord\", \"-n\"]\n",
		"supervisord.conf": "[program:php-fpm]\ncommand=/usr/local/sbin/php-fpm -F\n\n[program:queue]\ncommand=php artisan queue:work\nuser=www-data\n",
	}, rules.MissingUser)
	if len(findings) != 1 || findings[0].Severity != rules.Info || strings.Contains(findings[0].Message, "give it an unprivileged user there") {
		t.Errorf("findings: %+v", findings)
	}
}

// A mail server's supervisord starts dovecot, whose master needs root, and
// a setup script as root: information, with the advice about the script.
func TestMissingUserSupervisedSomeRootByDesign(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"Dockerfile":     "FROM debian:13-slim\nCOPY conf/*.conf /etc/supervisor/conf.d/\nCMD [\"supervisord\", \"-n\"]\n",
		"conf/mail.conf": "[program:setup]\ncommand=/usr/local/bin/start-mailserver.sh\n\n[program:dovecot]\ncommand=/usr/sbin/dovecot -F\n",
	}, rules.MissingUser)
	if len(findings) != 1 || findings[0].Severity != rules.Info || !strings.Contains(findings[0].Message, "[program:setup]") {
		t.Errorf("findings: %+v", findings)
	}
}
