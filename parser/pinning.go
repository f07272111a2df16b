package parser

import (
	"regexp"
	"strings"
)

// UnpinnedPackage is a package an install names without a version, so
// the repository's newest one is taken.
type UnpinnedPackage struct {
	// Name is the package as the install receives it: the word's value,
	// or one field of a variable's value (`$PKGS`).
	Name string
	// Word is the word that names it.
	Word *Word
	// FromVariable is set when Name comes from expanding the word.
	FromVariable bool
}

// pinners says, per manager family, whether one operand of an install is
// a package left to the newest version. Operands that are files, paths,
// URLs or other non-packages are pinned by what they name, not by the
// repository, and are not reported.
var pinners = map[string]func(op string) bool{
	"apt-get":  aptUnpinned,
	"apt":      aptUnpinned,
	"aptitude": aptUnpinned,
	"apk":      apkUnpinned,
	"pip":      pipUnpinned,
	"pipx":     pipUnpinned,
	"npm":      npmUnpinned,
	"yarn":     npmUnpinned, // the npm registry's `name@range` and git references
	"pnpm":     npmUnpinned,
	"cargo":    cargoUnpinned,
	"gem":      gemUnpinned,
	"yum":      rpmUnpinned,
	"dnf":      rpmUnpinned,
	"microdnf": rpmUnpinned,
	"zypper":   zypperUnpinned,
	"go":       goUnpinned,
}

// isPathOrURL reports an operand that names a file, a directory or a URL
// rather than a package in a repository.
func isPathOrURL(op string) bool {
	return strings.HasPrefix(op, "/") || strings.HasPrefix(op, ".") || strings.HasPrefix(op, "~") ||
		strings.Contains(op, "://") || strings.HasPrefix(op, "file:")
}

// apt: `pkg=1.2-1`; `pkg/bookworm-backports` names a release, not a
// version, so it stays unpinned. A .deb file pins itself.
func aptUnpinned(op string) bool {
	return !strings.Contains(op, "=") && !strings.HasSuffix(op, ".deb") && !isPathOrURL(op)
}

// apk: `pkg=1.2-r0`, `pkg~1.2`, `pkg>1.2`, `pkg<2` constrain the version.
func apkUnpinned(op string) bool {
	return !strings.ContainsAny(op, "=~<>") && !strings.HasSuffix(op, ".apk") && !strings.Contains(op, "/")
}

// pip: a requirement specifier (==, ~=, >=, <, !=, ===, `name @ url`)
// constrains the version; archives, wheels, paths and URLs are what they
// name. A VCS reference (git+https://host/repo.git@v1.2#egg=name) is
// pinned by its @ref only: without one it is the default branch.
func pipUnpinned(op string) bool {
	for _, vcs := range []string{"git+", "hg+", "svn+", "bzr+"} {
		if strings.HasPrefix(op, vcs) {
			u, _, _ := strings.Cut(op, "#")
			return !strings.Contains(u[strings.LastIndex(u, "/")+1:], "@")
		}
	}
	if strings.ContainsAny(op, "=<>@") || strings.Contains(op, "/") || isPathOrURL(op) {
		return false
	}
	for _, ext := range []string{".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tar.xz", ".tar"} {
		if strings.HasSuffix(op, ext) {
			return false
		}
	}
	return true
}

var npmGitShorthand = regexp.MustCompile(`^(github:|gitlab:|bitbucket:|gist:)?[A-Za-z0-9][\w.-]*/[\w.-]+(#.*)?$`)

// npm: `name@1.2`, `@scope/name@^1`; `@latest` (or no version) is the
// newest. Git references (git+ssh://, github:user/repo, user/repo) are
// pinned by a `#commit` or `#semver:` suffix only; tarballs, URLs and
// folders are what they name.
func npmUnpinned(op string) bool {
	switch {
	case strings.HasPrefix(op, "git+") || strings.HasPrefix(op, "git://") || npmGitShorthand.MatchString(op):
		return !strings.Contains(op, "#")
	case isPathOrURL(op), strings.HasSuffix(op, ".tgz"), strings.HasSuffix(op, ".tar.gz"), strings.HasSuffix(op, ".tar"):
		return false
	}
	at := strings.LastIndex(op, "@")
	if at <= 0 {
		return true
	}
	v := op[at+1:]
	return v == "" || v == "latest" || v == "*"
}

// cargo install: `crate@1.2.3` (or --version, read in Unpinned) pins;
// --locked pins the crate's dependencies to its Cargo.lock, not the crate.
func cargoUnpinned(op string) bool {
	at := strings.LastIndex(op, "@")
	return at < 0 || at == len(op)-1
}

// cargoGitUnpinned is `cargo install --git URL` without --rev or --tag:
// the default branch (or --branch) as it is on the day of the build. It
// returns the crates named, or the URL's word when none is.
func (p *PackageCommand) cargoGitUnpinned() []UnpinnedPackage {
	if p.HasOption("--rev", "--tag") {
		return nil
	}
	var out []UnpinnedPackage
	for _, w := range p.Operands {
		if w.Literal {
			out = append(out, UnpinnedPackage{Name: w.Lit, Word: w})
		}
	}
	if len(out) > 0 || len(p.Operands) > 0 {
		return out
	}
	for i, o := range p.Options {
		switch {
		case o.Lit == "--git" && i+1 < len(p.Options):
			return []UnpinnedPackage{{Name: p.Options[i+1].Lit, Word: p.Options[i+1]}}
		case strings.HasPrefix(o.Lit, "--git="):
			return []UnpinnedPackage{{Name: strings.TrimPrefix(o.Lit, "--git="), Word: o}}
		}
	}
	return nil
}

// gem: `name:1.2` (a -v option pins every gem of the command).
func gemUnpinned(op string) bool {
	return !strings.Contains(op, ":") && !strings.HasSuffix(op, ".gem") && !isPathOrURL(op)
}

// yum, dnf, microdnf: `name-1.2`, `name-1.2-3.el9`, `name-1:1.2` put the
// version after the last dash (`java-11-openjdk` has none); `name =
// 1.2` forms are not used in installs. RPM files and URLs are what they name;
// `@group` and module names are not packages with a version.
func rpmUnpinned(op string) bool {
	if strings.HasSuffix(op, ".rpm") || isPathOrURL(op) || strings.HasPrefix(op, "@") || strings.ContainsAny(op, "=<>") {
		return false
	}
	dash := strings.LastIndex(op, "-")
	return dash < 0 || dash+1 >= len(op) || op[dash+1] < '0' || op[dash+1] > '9'
}

// zypper: `name=1.2`, `name>=1.2`, `name<2`; RPM files are what they name.
func zypperUnpinned(op string) bool {
	return !strings.ContainsAny(op, "=<>") && !strings.HasSuffix(op, ".rpm") && !isPathOrURL(op)
}

// go install and go run: `pkg@v1.2.3` or `@commit` pins, `@latest` (or
// a branch such as @master) is whatever is newest. A package without
// @version is built from the current module, whose go.mod pins it
// (outside a module the go command refuses it), so it is pinned; so are
// local paths. (`go get pkg` without a version means @upgrade: see
// goGetUnpinned.)
func goUnpinned(op string) bool {
	_, v, ok := strings.Cut(op, "@")
	if !ok {
		return false
	}
	switch v {
	case "latest", "master", "main", "HEAD", "upgrade", "patch":
		return true
	}
	return false
}

// goGetUnpinned: `go get pkg` without a version asks for @upgrade, the
// newest release, as @latest does.
func goGetUnpinned(op string) bool {
	_, v, ok := strings.Cut(op, "@")
	return !isPathOrURL(op) && (!ok || goUnpinned(op) || v == "")
}

// Unpinned returns the packages an install names without a version, for
// the managers the pinning table knows (apt, apk, pip, npm, yarn, pnpm,
// gem, yum, dnf, microdnf, zypper, go install, cargo install). A word with variables is expanded
// through the instruction's ARG and ENV values and each field read on
// its own; a word whose value is unknown (`curl=$VERSION` with VERSION
// set by --build-arg only, `$(cat list)`) could hold a pin and is not
// reported. Commands that pin every package by an option (`gem install -v
// 1.2`, `pip install -c constraints.txt`) return none.
func (p *PackageCommand) Unpinned(in *Instruction) []UnpinnedPackage {
	unpinned := pinners[p.Manager]
	if unpinned == nil || !p.installsPinnable() {
		return nil
	}
	if p.Manager == "gem" && p.HasOption("-v", "--version") || p.Manager == "pip" && p.HasOption("-c", "--constraint") {
		return nil
	}
	if p.Manager == "cargo" {
		switch {
		case p.HasOption("--path"):
			return nil // a local crate: what the build context holds
		case p.HasOption("--git"):
			return p.cargoGitUnpinned()
		case p.HasOption("--version", "--vers"):
			return nil
		}
	}
	ops := p.Operands
	switch {
	case p.Manager == "go" && p.Sub == "run" && len(ops) > 0:
		// What follows the package is the program's arguments.
		ops = ops[:1]
	case p.Manager == "go" && p.Sub == "get":
		unpinned = goGetUnpinned
	}
	if p.Sub == "module" && len(ops) > 0 {
		// `dnf module install name:stream`: the stream pins.
		return modulesUnpinned(ops[1:])
	}
	var out []UnpinnedPackage
	for _, w := range ops {
		if w.Literal {
			if unpinned(w.Lit) {
				out = append(out, UnpinnedPackage{Name: w.Lit, Word: w})
			}
			continue
		}
		v, ok := in.ExpandWord(w)
		if !ok {
			continue
		}
		for _, f := range strings.Fields(v) {
			if unpinned(f) {
				out = append(out, UnpinnedPackage{Name: f, Word: w, FromVariable: true})
			}
		}
	}
	return out
}

func modulesUnpinned(ops []*Word) []UnpinnedPackage {
	var out []UnpinnedPackage
	for _, w := range ops {
		if w.Literal && !strings.Contains(w.Lit, ":") {
			out = append(out, UnpinnedPackage{Name: w.Lit, Word: w})
		}
	}
	return out
}

// installsPinnable reports whether the command is an install whose
// operands the pinning table reads. (`npm install` with no package
// installs the lockfile's versions: it has no operands to report.)
func (p *PackageCommand) installsPinnable() bool {
	switch p.Manager {
	case "go":
		return p.Sub == "install" || p.Sub == "run" || p.Sub == "get"
	case "yum", "dnf", "microdnf":
		return p.Sub == "install" || p.Sub == "module" && len(p.Operands) > 0 && p.Operands[0].Lit == "install"
	}
	return p.Installs()
}

// pinSyntax says, per manager family, how an install names a version.
var pinSyntax = map[string]string{
	"apt-get": "name=VERSION", "apt": "name=VERSION", "aptitude": "name=VERSION",
	"apk": "name=VERSION (or name~MAJOR.MINOR)", "pip": "name==VERSION (or a requirements or constraints file)", "pipx": "name==VERSION",
	"npm": "name@VERSION (or a package-lock.json and a bare `npm ci`)", "gem": "name:VERSION (or -v VERSION)",
	"yum": "name-VERSION", "dnf": "name-VERSION", "microdnf": "name-VERSION",
	"zypper": "name=VERSION", "go": "module@vX.Y.Z",
	"yarn":  "name@VERSION (or a yarn.lock and a bare `yarn install --frozen-lockfile`)",
	"pnpm":  "name@VERSION (or a pnpm-lock.yaml and a bare `pnpm install --frozen-lockfile`)",
	"cargo": "crate@VERSION (or --version VERSION; with --git, --rev or --tag)",
}

// PinSyntax returns how the manager's installs name a version
// ("name=VERSION"), or "" for a manager the pinning table does not know.
func PinSyntax(manager string) string { return pinSyntax[manager] }
