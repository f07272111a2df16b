package rules

// NpmUnpinned reports npm install, yarn add and pnpm add naming packages
// without a version: the three take the npm registry's names and ranges.
var NpmUnpinned = &Rule{
	ID:       "npm-unpinned",
	Aliases:  []string{"DL3016", "e36d8880-3f78-4546-b9a1-12f0745ca0d5"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`npm install`, `yarn add` or `pnpm add` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name@VERSION` + "`" + ` (a range such as ` + "`" + `@^4` + "`" + ` counts; ` + "`" + `@latest` + "`" + ` does not). The same holds for ` + "`" + `yarn add` + "`" + ` (` + "`" + `yarn global add` + "`" + ` too) and ` + "`" + `pnpm add` + "`" + ` (` + "`" + `-g` + "`" + ` too), which read the same ` + "`" + `name@range` + "`" + `. ` + "`" + `npm install` + "`" + `, ` + "`" + `npm ci` + "`" + `, ` + "`" + `yarn install` + "`" + ` and ` + "`" + `pnpm install` + "`" + ` without package names install the lockfile's versions and are not reported; nor are tarballs, folders and URLs. A git reference (` + "`" + `git+https://…` + "`" + `, ` + "`" + `user/repo` + "`" + `) is pinned only by a ` + "`" + `#commit` + "`" + ` or ` + "`" + `#semver:` + "`" + ` suffix.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`npm-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN npm install -g typescript
RUN yarn global add serve
` + "```" + `

## Good
` + "```dockerfile" + `
RUN npm install -g typescript@5.6.3
RUN yarn global add serve@14.2.4
` + "```" + `

## Silence
` + "`# dlint ignore=npm-unpinned`" + ` above the RUN. hadolint's ` + "`DL3016`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "npm", "yarn", "pnpm") },
}
