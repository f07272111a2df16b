package parser

import (
	"maps"
	"slices"

	"github.com/distribution/reference"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// PlatformArgs are the build arguments buildkit defines for every build,
// with the values of a build for linux/amd64 on linux/amd64: FROM may use
// them without declaring them.
var PlatformArgs = map[string]string{
	"BUILDPLATFORM": "linux/amd64", "BUILDOS": "linux", "BUILDOSVERSION": "", "BUILDARCH": "amd64", "BUILDVARIANT": "",
	"TARGETPLATFORM": "linux/amd64", "TARGETOS": "linux", "TARGETOSVERSION": "", "TARGETARCH": "amd64", "TARGETVARIANT": "",
	"TARGETSTAGE": "",
}

// UndeclaredInFrom lists, sorted, the variables a FROM word (its image or
// --platform) uses that no ARG before the first FROM declares and that
// buildkit does not define: they expand to nothing.
func (d *Dockerfile) UndeclaredInFrom(word string) []string {
	env := map[string]string{}
	for k, v := range PlatformArgs {
		env[k] = v
	}
	for _, v := range d.MetaVars {
		env[v.Name] = v.Value
	}
	res, err := shell.NewLex(d.Escape).ProcessWordWithMatches(word, envGetter(env))
	if err != nil {
		return nil
	}
	return slices.Sorted(maps.Keys(res.Unmatched))
}

// DefaultBase expands a stage's FROM image with the ARG defaults alone
// (no --build-arg) and tells whether the result is a valid image
// reference. ok is true when the word cannot be expanded at all: the
// parse reports that.
func (d *Dockerfile) DefaultBase(st *Stage) (expanded string, ok bool) {
	lex := shell.NewLex(d.Escape)
	env := map[string]string{}
	for k, v := range PlatformArgs {
		env[k] = v
	}
	for _, v := range d.MetaVars {
		if !v.HasValue {
			continue
		}
		x, err := lex.ProcessWordWithMatches(v.Value, envGetter(env))
		if err != nil {
			// The ARG's own default fails to expand: that, not FROM, is
			// what the build stops at (buildkit's check gives up too).
			return st.BaseName, true
		}
		env[v.Name] = x.Result
	}
	res, err := lex.ProcessWordWithMatches(st.BaseName, envGetter(env))
	if err != nil {
		return st.BaseName, true
	}
	_, perr := reference.ParseNormalizedNamed(res.Result)
	return res.Result, perr == nil
}

// VarsIn lists, sorted, the variables a word of the Dockerfile refers to.
func (d *Dockerfile) VarsIn(word string) []string {
	res, err := shell.NewLex(d.Escape).ProcessWordWithMatches(word, envGetter(nil))
	if err != nil {
		return nil
	}
	return slices.Sorted(maps.Keys(res.Unmatched))
}
