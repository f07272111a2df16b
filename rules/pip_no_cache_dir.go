package rules

import (
	"regexp"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// PipNoCacheDir reports pip install keeping its download cache in the
// image.
var PipNoCacheDir = &Rule{
	ID:       "pip-no-cache-dir",
	Aliases:  []string{"DL3042"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "pip install keeps its download cache in the image; add --no-cache-dir or mount a cache",
	Doc: `## Why
pip keeps every wheel it downloads in ~/.cache/pip, so the layer ships the
packages twice, once installed and once cached: often tens or hundreds of
megabytes. ` + "`--no-cache-dir`" + `, ` + "`ENV PIP_NO_CACHE_DIR=1`" + `, a cache mount
(` + "`RUN --mount=type=cache,target=/root/.cache/pip`" + `) or removing the cache in the
same RUN keeps it out. dlint reports only stages that end up in the final
image.

## Bad
` + "```dockerfile" + `
RUN pip install -r requirements.txt
` + "```" + `

## Good
` + "```dockerfile" + `
RUN pip install --no-cache-dir -r requirements.txt
` + "```" + `

## Silence
` + "`# dlint ignore=pip-no-cache-dir`" + ` above the RUN. hadolint's ` + "`DL3042`" + ` works too.`,
	Check: checkPipNoCacheDir,
}

func checkPipNoCacheDir(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		// pip takes an unambiguous prefix of a long option: --no-cache.
		if pc.Manager != "pip" || pc.Sub != "install" || pc.HasOption("--no-cache-dir", "--no-cache-di", "--no-cache-d", "--no-cache-", "--no-cache", "--no-cach") || !shipsInFinalImage(df, pr.in.Stage) {
			continue
		}
		// pip turns the cache off for any value, "0" and "false" too.
		if _, set := pr.in.Var("PIP_NO_CACHE_DIR"); set || assigns(pc, "PIP_NO_CACHE_DIR") || exportsBefore(pr.in, pc.Cmd, "PIP_NO_CACHE_DIR") {
			continue
		}
		if mountsCache(pr.in, "/root/.cache/pip") || cacheMountBelow(pr.in, ".cache/pip") || removes(pr.in.Script, "/root/.cache", "~/.cache", "$HOME/.cache", "${HOME}/.cache") || installsLocalWheelsOnly(pc) {
			continue
		}
		pass.Report(pc.Cmd.Range, "`pip install` keeps the wheels it downloads in ~/.cache/pip, so the final image ships every package twice; add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or a cache mount at /root/.cache/pip)")
	}
}

// installsLocalWheelsOnly reports a `pip install --no-deps` (or
// --no-index) of wheel files already on disk (`/deps/wheels/*.whl`): pip
// downloads nothing and builds nothing, so it caches nothing.
func installsLocalWheelsOnly(pc *parser.PackageCommand) bool {
	if len(pc.Operands) == 0 || !pc.HasOption("--no-deps", "--no-index") || pc.HasOption("-r", "--requirement", "-e", "--editable") {
		return false
	}
	for _, w := range pc.Operands {
		if !strings.HasSuffix(w.Lit, ".whl") {
			return false
		}
	}
	return true
}

// assigns reports whether the command sets name for itself (`NAME=1 pip …`).
func assigns(pc *parser.PackageCommand, name string) bool {
	for _, a := range pc.Cmd.Assigns {
		if a == name {
			return true
		}
	}
	return false
}

// cacheMountBelow reports a cache mount whose target ends in suffix (a
// user's ~/.cache/pip).
func cacheMountBelow(in *parser.Instruction, suffix string) bool {
	for _, t := range cacheMountTargets(in) {
		if strings.HasSuffix(t, suffix) || strings.HasSuffix(t, "/.cache") {
			return true
		}
	}
	return false
}

// exportsBefore reports whether the RUN exports name before cmd
// (`export PIP_NO_CACHE_DIR=1 && pip install …`). The script model keeps
// no declarations, so this reads the text before the command.
func exportsBefore(in *parser.Instruction, cmd *parser.Command, name string) bool {
	src := in.Script.Source
	start, ok1 := src.ByteOffset(in.Range.Start)
	end, ok2 := src.ByteOffset(cmd.Range.Start)
	if !ok1 || !ok2 || end < start {
		return false
	}
	return regexp.MustCompile(`\bexport\s+(\w+=\S*\s+)*` + regexp.QuoteMeta(name) + `\b`).Match(src.Text[start:end])
}
