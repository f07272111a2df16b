package rules

import (
	"fmt"
	"path/filepath"
	"strings"
)

// CopyIgnoredFile reports a COPY or ADD source that .dockerignore keeps
// out of the build context.
var CopyIgnoredFile = &Rule{
	ID:       "copy-ignored-file",
	Aliases:  []string{"CopyIgnoredFile"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "COPY or ADD names a path that .dockerignore excludes from the build context",
	Doc: mdDoc(`## Why
The build sees only what .dockerignore lets into the context. A COPY of an
excluded path finds nothing: the build fails with "not found", or a wildcard
copies less than it says. The context is the Dockerfile's directory, or the
compose service's §build.context§; the ignore file is §<Dockerfile>.dockerignore§
beside the Dockerfile when there is one, else the context's §.dockerignore§,
read with the pattern rules of BuildKit's own matcher (§github.com/moby/patternmatcher§).

As BuildKit's CopyIgnoredFile: when .dockerignore has §!§ exceptions nothing
is reported, since whether an exception brings a path back depends on files
dlint does not list; a source made of a variable is not checked.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
# .dockerignore holds: config/
COPY config/app.yaml /etc/app/
§§§

## Good
§§§dockerfile
# .dockerignore holds: config/local.yaml
COPY config/app.yaml /etc/app/
§§§

## Silence
§# dlint ignore=copy-ignored-file§ above the COPY.`),
	Check: checkCopyIgnoredFile,
}

func checkCopyIgnoredFile(pass *Pass) {
	for _, c := range pass.Containers {
		for _, ig := range c.IgnoredSources {
			in := ig.Copy.Instr
			what := "so the build context does not hold it and the " + in.Keyword + " fails with \"not found\""
			if strings.ContainsAny(ig.Source, "*?[") {
				what = "so the files it names are not in the build context"
			}
			pass.Report(in.Find(ig.Source), fmt.Sprintf("%s source %s is excluded by the pattern `%s` of %s, %s; remove the pattern or copy something else",
				in.Keyword, ig.Source, ig.Pattern, filepath.Base(ig.IgnoreFile), what))
		}
	}
}
