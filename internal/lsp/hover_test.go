package lsp

import (
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
)

func TestImageAt(t *testing.T) {
	df := parser.NewSource("Dockerfile", []byte("ARG V=3\nFROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM python:${V}\nFROM build\nfrom scratch\nRUN echo FROM x\n"))
	compose := parser.NewSource("compose.yaml", []byte("services:\n  web:\n    image: \"nginx:1.27\" # pinned\n  db:\n    build: .\n"))
	cases := []struct {
		kind lint.Kind
		src  *parser.Source
		line int
		want string
	}{
		{lint.KindDockerfile, df, 2, "golang:1.23"},
		{lint.KindDockerfile, df, 3, ""}, // a build argument: unknown
		{lint.KindDockerfile, df, 4, ""}, // the stage above, not an image
		{lint.KindDockerfile, df, 5, ""},
		{lint.KindDockerfile, df, 6, ""},
		{lint.KindCompose, compose, 3, "nginx:1.27"},
		{lint.KindCompose, compose, 5, ""},
		{lint.KindRuns, compose, 3, ""},
	}
	for _, c := range cases {
		if got := imageAt(c.kind, c.src, c.line); got != c.want {
			t.Errorf("%s:%d: %q, want %q", c.src.Path, c.line, got, c.want)
		}
	}
}
