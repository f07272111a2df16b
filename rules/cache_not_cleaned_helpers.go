package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// checkCacheNotCleaned reports, once per RUN of a stage that ends up in
// the final image, a command of the given manager families for which
// fills reports true (an install) when the same RUN neither cleans the
// cache (a command of one of cleaners for which CleansCache holds, or rm
// of a cache directory) nor mounts a cache over it. A build stage's cache
// is not reported: only what COPY --from names of it reaches the image.
func checkCacheNotCleaned(pass *Pass, fills func(*parser.PackageCommand) bool, cleaners []string, managers ...string) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	done := map[*parser.Instruction]bool{}
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if done[pr.in] || !containsString(managers, pc.Manager) || !fills(pc) || !shipsInFinalImage(df, pr.in.Stage) {
			continue
		}
		dirs := parser.CacheDirs(pc.Manager)
		shown := parser.CacheShown(pc.Manager)
		target := ""
		if pc.Manager == "yarn" {
			// Yarn 1 keeps root's cache under /usr/local/share, any other
			// user's under their home.
			if dir, ok := yarnHomeCache(pr.in); ok {
				shown, target = dir, dir
				if dir == "" {
					shown, target = "~/.cache/yarn of the step's user", "<home>/.cache/yarn"
				} else {
					dirs = append([]string{dir}, dirs...)
				}
			}
		}
		if target == "" {
			target = dirs[0]
		}
		if mountsCache(pr.in, dirs...) || pc.Manager == "yarn" && yarnCacheMount(pr.in) || removesDir(pr.in.Script, pc.Cmd, dirs...) || cleansIn(pr.in.Script, pc.Cmd, cleaners) || pr.in.Script.RunsScriptFileAfter(pc.Cmd) {
			continue
		}
		done[pr.in] = true
		pass.Report(pc.Cmd.Range, fmt.Sprintf("`%s` leaves its cache (%s) in this layer of the final image; end the same RUN with `%s`, or mount a cache there (RUN --mount=type=cache,target=%s)",
			strings.TrimSpace(pc.Manager+" "+pc.Sub), shown, parser.CleanCommand(pc.Manager), target))
	}
}

// yarnHomeCache is where yarn 1 keeps the cache of the RUN's user when it
// is not root: ~/.cache/yarn (/home/node/.cache/yarn for node; "" when the
// user has no name to tell the home by); ok is false for root, or a user
// dlint cannot tell.
func yarnHomeCache(in *parser.Instruction) (dir string, ok bool) {
	root, known := runsAsRoot(in)
	if root || !known {
		return "", false
	}
	name := ""
	if raw, ok := userBefore(in); ok {
		name, _, _ = cutUser(raw)
	} else if img := in.Stage.Image(); img != nil {
		name, _, _ = cutUser(img.User)
	}
	if name == "" || isNumericID(name) || strings.Contains(name, "$") {
		return "", true
	}
	return "/home/" + name + "/.cache/yarn", true
}

// cleansIn reports whether the script runs a cache clean of one of the
// manager families after the command after (a clean before the install
// leaves the install's cache).
func cleansIn(s *parser.Script, after *parser.Command, managers []string) bool {
	if s == nil {
		return false
	}
	for _, c := range s.Commands {
		if !before(after.Range.Start, c.Range.Start) {
			continue
		}
		if pc := c.Package(); pc != nil && containsString(managers, pc.Manager) && pc.CleansCache() {
			return true
		}
	}
	return false
}

// removesDir reports whether the script runs `rm`, after the command
// after, on one of dirs, on something below it, or on a glob of a
// directory above it (`rm -rf /var/cache/*`).
func removesDir(s *parser.Script, after *parser.Command, dirs ...string) bool {
	if s == nil {
		return false
	}
	for _, c := range s.Commands {
		if c.Base() != "rm" || !before(after.Range.Start, c.Range.Start) {
			continue
		}
		for _, a := range c.Args {
			arg := strings.Trim(a.Lit, `"'`)
			parent := strings.TrimRight(arg, "/*")
			for _, d := range dirs {
				// `rm -rf /var/cache` takes /var/cache/dnf with it, as
				// `rm -rf /var/cache/*` does.
				if parent == d || strings.HasPrefix(arg, d+"/") || parent != "" && strings.HasPrefix(arg, "/") && strings.HasPrefix(d, parent+"/") {
					return true
				}
			}
		}
	}
	return false
}

// installsPkgs is the fills test of the rpm managers: a command that
// downloads metadata and packages (install, upgrade, reinstall).
func installsPkgs(pc *parser.PackageCommand) bool {
	switch pc.Sub {
	case "install", "in", "groupinstall", "localinstall", "reinstall", "rei", "update", "upgrade", "up", "upgrade-minimal", "up-min", "downgrade", "distro-sync", "dist-upgrade", "dup", "patch":
		return true
	}
	return false
}

// yarnInstalls is yarn's: `yarn install`, a bare `yarn` (which
// installs, unless it only prints its version or help), `yarn add`.
func yarnInstalls(pc *parser.PackageCommand) bool {
	if pc.SubWord == nil {
		return !pc.HasOption("-v", "--version", "-h", "--help")
	}
	return pc.Sub == "install" || pc.Sub == "add"
}

// yarnCacheMount reports a cache mount of a yarn cache wherever the user's
// home is (/home/node/.cache/yarn, /usr/local/share/.cache/yarn).
func yarnCacheMount(in *parser.Instruction) bool {
	for _, t := range cacheMountTargets(in) {
		if strings.Contains(t, "yarn") {
			return true
		}
	}
	return false
}
