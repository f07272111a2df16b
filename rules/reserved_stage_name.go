package rules

import "fmt"

// ReservedStageName reports a stage named `scratch` or `context`.
var ReservedStageName = &Rule{
	ID:       "reserved-stage-name",
	Aliases:  []string{"ReservedStageName", "DL3063"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "A stage is named scratch or context, names buildkit reserves",
	Doc: mdDoc(`## Why
buildkit gives two names a meaning of their own: §scratch§ is the empty image
and §context§ the build context, in §FROM§ and §COPY --from§ alike. A stage of
the same name leaves a reader (and a later edit) unsure which one a §FROM scratch§
or §--from=context§ means. BuildKit warns about it (ReservedStageName). Rename
the stage.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM alpine:3.20 AS context
§§§

## Good
§§§dockerfile
FROM alpine:3.20 AS sources
§§§

## Silence
§# dlint ignore=reserved-stage-name§ above the FROM.`),
	Check: checkReservedStageName,
}

func checkReservedStageName(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		meaning := map[string]string{"scratch": "the empty image", "context": "the build context"}[st.Name]
		if meaning == "" {
			continue
		}
		pass.Report(argWordRange(st.From, 2, df.Source), fmt.Sprintf("stage name '%s' is reserved: in FROM and COPY --from buildkit takes '%s' as %s, so a stage of that name is ambiguous; give the stage another name", st.DisplayName(), st.Name, meaning))
	}
}
