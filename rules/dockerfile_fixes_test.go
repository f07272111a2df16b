package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestDockerfileFixes applies each rule's fixes to a Dockerfile and checks
// the text that results; findings without a safe fix stay unfixed.
func TestDockerfileFixes(t *testing.T) {
	tests := []struct {
		rule        *rules.Rule
		in, want    string
		wantUnfixed int
	}{
		{rules.MaintainerDeprecated, "FROM alpine:3.20\nMAINTAINER Jane \"JD\" Doe <jane@example.com>\n",
			"FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe <jane@example.com>\"\n", 0},
		{rules.AptInRun, "FROM debian:12\nRUN apt update && apt install -y curl && apt upgrade -y\n",
			"FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt upgrade -y\n", 1},
		{rules.AddInsteadOfCopy, "FROM alpine:3.20\nADD --chown=1:1 a.txt /a\nADD src/*.py /app/\nADD --keep-git-dir=true b /b\n",
			"FROM alpine:3.20\nCOPY --chown=1:1 a.txt /a\nADD src/*.py /app/\nADD --keep-git-dir=true b /b\n", 2},
		{rules.StageNameCasing, "FROM alpine:3.20 AS Build\nFROM build\n", "FROM alpine:3.20 AS build\nFROM build\n", 0},
		{rules.FromAsCasing, "FROM alpine:3.20 as build\nfrom build AS final\n", "FROM alpine:3.20 AS build\nfrom build as final\n", 0},
		{rules.InstructionCasing, "FROM alpine:3.20\nrun echo a\nCmd [\"sh\"]\n", "FROM alpine:3.20\nRUN echo a\nCMD [\"sh\"]\n", 0},
		{rules.LegacyKeyValueFormat, "FROM alpine:3.20\nENV A 1\nLABEL who Jane Doe\nENV Q \"x y\"\nENV M a \\\n  b\n",
			"FROM alpine:3.20\nENV A=1\nLABEL who=\"Jane Doe\"\nENV Q \"x y\"\nENV M a \\\n  b\n", 2},
		{rules.ExposeProtoCasing, "ARG P=UDP\nFROM alpine:3.20\nEXPOSE 53/UDP 80/Tcp\nEXPOSE 1/${P}\n", "ARG P=UDP\nFROM alpine:3.20\nEXPOSE 53/udp 80/tcp\nEXPOSE 1/${P}\n", 1},
		{rules.RedundantTargetPlatform, "FROM --platform=$TARGETPLATFORM alpine:3.20 AS a\n", "FROM alpine:3.20 AS a\n", 0},
		{rules.CopyToFilePath, "FROM alpine:3.20\nCOPY a b /etc/app\nCOPY [\"a\", \"b\", \"/x\"]\n", "FROM alpine:3.20\nCOPY a b /etc/app/\nCOPY [\"a\", \"b\", \"/x\"]\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.rule.ID, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "Dockerfile")
			if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
				t.Fatal(err)
			}
			res := lint.Run(lint.Options{WholeSources: true, Paths: []string{path}, Rules: []*rules.Rule{tt.rule}, Enable: []*rules.Rule{tt.rule}, NoConfig: true, Workers: 1})
			if len(res.Errors) > 0 {
				t.Fatal(res.Errors[0])
			}
			if unfixed := applyFixes(t, res); unfixed != tt.wantUnfixed {
				t.Errorf("%d findings without a fix, want %d", unfixed, tt.wantUnfixed)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("fixed text:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
