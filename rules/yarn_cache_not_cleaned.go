package rules

// YarnCacheNotCleaned reports yarn install leaving its cache in the final image.
var YarnCacheNotCleaned = &Rule{
	ID:       "yarn-cache-not-cleaned",
	Aliases:  []string{"DL3060"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "`yarn install` leaves its cache in the image unless the same RUN cleans it",
	Doc: `## Why
` + "`yarn install`" + ` keeps the repository metadata and packages it downloads in
/usr/local/share/.cache/yarn under root, in ~/.cache/yarn under another user
(/home/node/.cache/yarn after ` + "`USER node`" + `): often tens of megabytes the image ships for nothing. Only a
clean in the same RUN keeps them out of the layer (` + "`" + `yarn cache clean` + "`" + `, removing the cache directory, or a cache mount (any target under a yarn cache directory, /usr/local/share/.cache/yarn for root));
one in a later RUN hides them but the earlier layer still holds them. A
cache mount (` + "`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn`" + `) keeps them out
of the image too. dlint reports only stages that end up in the final image
(the last stage and the stages it builds on): a build stage's cache is
dropped, since only what COPY --from names reaches the image.

## Bad
` + "```dockerfile" + `
RUN yarn install --frozen-lockfile
` + "```" + `

## Good
` + "```dockerfile" + `
RUN yarn install --frozen-lockfile && yarn cache clean
` + "```" + `

## Silence
` + "`# dlint ignore=yarn-cache-not-cleaned`" + ` above the RUN. hadolint's ` + "`DL3060`" + ` works too.`,
	Check: func(pass *Pass) { checkCacheNotCleaned(pass, yarnInstalls, []string{"yarn"}, "yarn") },
}
