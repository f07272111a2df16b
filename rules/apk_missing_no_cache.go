package rules

import "github.com/dlint-dev/dlint/parser"

// ApkMissingNoCache reports apk add leaving the package index in the
// final image.
var ApkMissingNoCache = &Rule{
	ID:       "apk-missing-no-cache",
	Aliases:  []string{"DL3019", "DS025", "ae9c56a6-3ed1-4ac0-9b54-31267f51151d"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "`apk add` without --no-cache leaves the package index in the image",
	Doc: `## Why
` + "`apk add`" + ` fetches the repositories' indexes (a few megabytes) into
/var/cache/apk and leaves them in the layer. ` + "`--no-cache`" + ` reads them into
memory only (and needs no ` + "`apk update`" + ` first). Removing /var/cache/apk in the
same RUN, or a cache mount there (` + "`RUN --mount=type=cache,target=/var/cache/apk`" + `),
keeps them out of the image too, and ` + "`apk add --no-network`" + ` fetches nothing
(the packages are already there). dlint reports only stages that end up in
the final image. The fix adds ` + "`--no-cache`" + `, which changes nothing else.

## Bad
` + "```dockerfile" + `
RUN apk add curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apk add --no-cache curl
` + "```" + `

## Silence
` + "`# dlint ignore=apk-missing-no-cache`" + ` above the RUN. hadolint's ` + "`DL3019`" + ` works too.`,
	Check: checkApkMissingNoCache,
}

func checkApkMissingNoCache(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if pc.Manager != "apk" || pc.Sub != "add" || pc.HasOption("--no-cache", "--no-network") || pc.Simulates() || !shipsInFinalImage(df, pr.in.Stage) {
			continue
		}
		dirs := parser.CacheDirs("apk")
		if mountsCache(pr.in, dirs...) || removesDir(pr.in.Script, pc.Cmd, dirs...) || cleansIn(pr.in.Script, pc.Cmd, []string{"apk"}) {
			continue
		}
		if apkUpdateBefore(pr.in.Script, pc.Cmd) {
			// --no-cache alone would leave the index `apk update` wrote.
			pass.Report(pc.Cmd.Range, "`apk add` after `apk update` leaves the package index (a few MB) in /var/cache/apk, in this layer of the final image; drop the `apk update` and add --no-cache, which fetches a fresh index and keeps none")
			continue
		}
		at := parser.Range{File: pc.SubWord.Range.File, Start: pc.SubWord.Range.End, End: pc.SubWord.Range.End}
		pass.ReportFix(pc.Cmd.Range, "`apk add` without --no-cache leaves the package index (a few MB) in /var/cache/apk, in this layer of the final image; add --no-cache",
			&Fix{Description: "add --no-cache", Edits: []Edit{{Range: at, NewText: " --no-cache"}}})
	}
}

// apkUpdateBefore reports whether the RUN runs `apk update` before cmd.
func apkUpdateBefore(s *parser.Script, cmd *parser.Command) bool {
	for _, c := range s.Commands {
		if c == cmd {
			return false
		}
		if c.Base() == "apk" && len(c.Args) > 0 && c.Args[0].Lit == "update" {
			return true
		}
	}
	return false
}
