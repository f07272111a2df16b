package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Release builds set these with -ldflags "-X main.version=1.2.3
// -X main.commit=<sha> -X main.date=<RFC 3339>" (see .goreleaser.yaml and
// the Dockerfile). Left empty, they come from the build information Go
// records: the module version for `go install …@v1.2.3`, the VCS revision
// and time for a build in a checkout.
var (
	version string
	commit  string
	date    string
)

// develVersion is the version of a build that knows none.
const develVersion = "devel"

// buildInfo is what `dlint version` reports.
type buildInfo struct {
	Version  string
	Commit   string
	Date     string
	Modified bool // built from a checkout with uncommitted changes
	Go       string
	Platform string
}

// currentBuild is the running binary's build information.
func currentBuild() buildInfo {
	bi, _ := debug.ReadBuildInfo()
	return resolveBuild(version, commit, date, bi)
}

// resolveBuild prefers what the release build stamped with -ldflags and
// fills the rest from Go's build information, which may be nil.
func resolveBuild(ldVersion, ldCommit, ldDate string, bi *debug.BuildInfo) buildInfo {
	b := buildInfo{Version: ldVersion, Commit: ldCommit, Date: ldDate, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if bi.GoVersion != "" {
			b.Go = bi.GoVersion
		}
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		// A release stamps commit and date together; VCS settings describe
		// the checkout a development build came from.
		if ldCommit == "" {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					b.Commit = s.Value
				case "vcs.time":
					if b.Date == "" {
						b.Date = s.Value
					}
				case "vcs.modified":
					b.Modified = s.Value == "true"
				}
			}
		}
	}
	if b.Version == "" {
		b.Version = develVersion
	}
	// Go's pseudo-versions of a dirty checkout already end in +dirty.
	if strings.HasSuffix(b.Version, "+dirty") {
		b.Modified = true
	}
	return b
}

// String is one line: dlint 1.2.3 (commit 0123abc, built 2026-…, go1.26 linux/amd64).
func (b buildInfo) String() string {
	var parts []string
	if b.Commit != "" {
		c := "commit " + b.Commit
		if b.Modified {
			c += " with uncommitted changes"
		}
		parts = append(parts, c)
	}
	if b.Date != "" {
		parts = append(parts, "built "+b.Date)
	}
	parts = append(parts, strings.TrimSpace(b.Go+" "+b.Platform))
	return fmt.Sprintf("dlint %s (%s)", b.Version, strings.Join(parts, ", "))
}
