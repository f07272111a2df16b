package parser

import (
	"path"
	"regexp"
	"strings"
)

// PackageCommand is one run of a package manager: `apt-get install -y
// curl`, `pip install --no-cache-dir flask==3.0`, `apk add --no-cache git`.
// It is read from the command's words only: what a package manager's
// configuration files add (apt.conf, pip.conf) is not seen.
type PackageCommand struct {
	Cmd *Command
	// Manager is the program's family name: apt-get, apt, aptitude, apk,
	// yum, dnf, microdnf, zypper, pip, pipx, npm, yarn, pnpm, gem, go, cargo.
	Manager string
	// Sub is the subcommand ("install", "add", "update"); SubWord its word.
	// `yarn global add` has Sub "add".
	Sub     string
	SubWord *Word
	// YarnGlobal is set for `yarn global add`, which the messages name.
	YarnGlobal bool
	// Options are the words that start with "-", with the values of the
	// options that take one in the next word.
	Options []*Word
	// Operands are the other words after the subcommand: packages for an
	// install, as written (a word may be "$PKGS").
	Operands []*Word
}

// packageManagers maps a program name to its family.
var packageManagers = map[string]string{
	"apt-get": "apt-get", "apt": "apt", "apk": "apk", "yum": "yum", "dnf": "dnf", "microdnf": "microdnf",
	"zypper": "zypper", "pip": "pip", "pip3": "pip", "npm": "npm", "yarn": "yarn", "pnpm": "pnpm", "gem": "gem",
	"aptitude": "aptitude", "go": "go", "pipx": "pipx", "cargo": "cargo",
}

var pipVersioned = regexp.MustCompile(`^pip[0-9.]+$`)
var pythonVersioned = regexp.MustCompile(`^python[0-9.]*$`)

// valueOptions are, per family, the options whose value is the next word
// when not written as --opt=value.
var valueOptions = map[string]map[string]bool{
	"apt-get":  set("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release"),
	"apk":      set("-X", "--repository", "-p", "--root", "-t", "--virtual", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"),
	"yum":      set("-c", "--config", "--installroot", "--releasever", "-x", "--exclude", "--enablerepo", "--disablerepo", "--setopt", "-d", "--debuglevel", "-e", "--errorlevel"),
	"zypper":   set("-r", "--repo", "--from", "-t", "--type", "-R", "--root", "--installroot"),
	"pip":      set("-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-t", "--target", "--prefix", "--root", "-f", "--find-links", "--trusted-host", "--cache-dir", "--python-version", "--platform", "--implementation", "--abi", "--src", "--upgrade-strategy", "--progress-bar", "--log", "--timeout", "--retries", "--proxy", "-e", "--editable", "--only-binary", "--no-binary", "--config-settings", "-C", "--report", "--python", "--root-user-action"),
	"npm":      set("--registry", "--prefix", "-w", "--workspace", "--cache", "--loglevel", "--userconfig", "--tag"),
	"yarn":     set("--cache-folder", "--modules-folder", "--network-timeout", "--registry", "--cwd"),
	"pnpm":     set("--registry", "--dir", "-C", "--filter", "-F", "--store-dir"),
	"gem":      set("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "--platform", "-P", "--trust-policy"),
	"go":       set("-o", "-p", "-C", "-ldflags", "-gcflags", "-asmflags", "-gccgoflags", "-tags", "-mod", "-modfile", "-pkgdir", "-overlay", "-pgo", "-toolexec", "-exec"),
	"pipx":     set("--python", "--pip-args", "--index-url", "-i", "--suffix", "--spec"),
	"cargo":    set("--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path", "--root", "--index", "--registry", "-F", "--features", "--target", "--target-dir", "--profile", "-j", "--jobs", "--bin", "--example", "--config", "-Z", "--color"),
	"apt":      nil,
	"aptitude": nil,
	"dnf":      nil,
	"microdnf": nil,
}

func init() {
	valueOptions["apt"] = valueOptions["apt-get"]
	valueOptions["aptitude"] = valueOptions["apt-get"]
	valueOptions["dnf"] = valueOptions["yum"]
	valueOptions["microdnf"] = valueOptions["yum"]
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Package returns the command as a package manager run, or nil when it is
// none. `python -m pip` and `sudo pip` count; so does `yarn global add`.
func (c *Command) Package() *PackageCommand {
	if c.NameWord == nil || !c.NameWord.Literal {
		return nil
	}
	name := path.Base(c.Name)
	args := c.Args
	if name == "sudo" && len(args) > 0 && args[0].Literal && !strings.HasPrefix(args[0].Lit, "-") {
		name, args = path.Base(args[0].Lit), args[1:]
	}
	if strings.HasPrefix(name, "python") && pythonVersioned.MatchString(name) && len(args) >= 2 && args[0].Lit == "-m" && (args[1].Lit == "pip" || args[1].Lit == "pip3") {
		name, args = "pip", args[2:]
	}
	family, ok := packageManagers[name]
	if !ok && strings.HasPrefix(name, "pip") && pipVersioned.MatchString(name) {
		family, ok = "pip", true
	}
	if !ok {
		return nil
	}
	pc := &PackageCommand{Cmd: c, Manager: family}
	values := valueOptions[family]
	for i := 0; i < len(args); i++ {
		w := args[i]
		if family == "gem" && w.Lit == "--" {
			// What follows `gem install pkg --` is handed to the gem's build.
			break
		}
		if w.Literal && strings.HasPrefix(w.Lit, "-") && w.Lit != "-" {
			pc.Options = append(pc.Options, w)
			if values[w.Lit] && i+1 < len(args) {
				i++
				pc.Options = append(pc.Options, args[i])
			}
			continue
		}
		switch {
		case pc.SubWord == nil && family == "yarn" && w.Lit == "global":
			// `yarn global add pkg`: the subcommand follows.
			pc.YarnGlobal = true
		case pc.SubWord == nil:
			pc.Sub, pc.SubWord = w.Lit, w
		default:
			pc.Operands = append(pc.Operands, w)
		}
	}
	return pc
}

// HasOption reports whether one of names is among the options: exactly, as
// `--name=value`, or, for a one-letter option such as -y, inside a group
// of short options (-qy).
func (p *PackageCommand) HasOption(names ...string) bool {
	for _, o := range p.Options {
		for _, n := range names {
			switch {
			case o.Lit == n, strings.HasPrefix(n, "--") && strings.HasPrefix(o.Lit, n+"="):
				return true
			case len(n) == 2 && n[0] == '-' && n[1] != '-' && len(o.Lit) > 2 && o.Lit[0] == '-' && o.Lit[1] != '-' && strings.ContainsRune(o.Lit[1:], rune(n[1])):
				return true
			}
		}
	}
	return false
}

// OptionValue returns the value of the option name (`-o X`, `--opt=X`,
// `--opt X`), or "" when it is absent; for repeated options, the values
// joined by newlines.
func (p *PackageCommand) OptionValue(name string) string {
	var out []string
	for i, o := range p.Options {
		switch {
		case o.Lit == name && i+1 < len(p.Options):
			out = append(out, p.Options[i+1].Lit)
		case strings.HasPrefix(o.Lit, name+"="):
			out = append(out, strings.TrimPrefix(o.Lit, name+"="))
		}
	}
	return strings.Join(out, "\n")
}

// IsApt reports whether the manager is one of Debian's apt front ends
// (apt-get, apt, aptitude), which share the package lists and the
// archive cache.
func (p *PackageCommand) IsApt() bool {
	return p.Manager == "apt-get" || p.Manager == "apt" || p.Manager == "aptitude"
}

// System reports whether the manager installs the operating system's
// packages, which only root may do.
func (p *PackageCommand) System() bool {
	switch p.Manager {
	case "apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper":
		return true
	}
	return false
}

// Installs reports whether the command installs packages.
func (p *PackageCommand) Installs() bool {
	switch p.Manager {
	case "apk":
		return p.Sub == "add"
	case "yarn", "pnpm":
		return p.Sub == "add"
	case "cargo":
		return p.Sub == "install"
	case "npm":
		switch p.Sub {
		case "install", "i", "add", "isntall", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal":
			return true
		}
		return false
	case "zypper":
		return p.Sub == "install" || p.Sub == "in"
	case "gem":
		return p.Sub == "install" || p.Sub == "i"
	case "dnf":
		return p.Sub == "install" || p.Sub == "in"
	}
	return p.Sub == "install"
}

// confirmation says, per manager family that asks before it changes
// packages, which subcommands ask and which options answer yes. microdnf
// is absent: it never asks (its -y does nothing).
var confirmation = map[string]struct {
	asks map[string]bool
	yes  []string
}{
	"yum": {set("install", "groupinstall", "localinstall", "reinstall", "remove", "erase", "update", "upgrade", "downgrade", "autoremove", "distro-sync", "group", "module", "swap"),
		[]string{"-y", "--assumeyes", "--assumeno"}},
	"dnf": {set("install", "in", "up", "rei", "upgrade-minimal", "up-min", "groupinstall", "localinstall", "reinstall", "remove", "erase", "update", "upgrade", "downgrade", "autoremove", "distro-sync", "group", "module", "swap"),
		[]string{"-y", "--assumeyes", "--assumeno"}},
	"zypper": {set("install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si", "install-new-recommends", "inr"),
		[]string{"-n", "--non-interactive", "-y", "--no-confirm"}},
}

// AsksConfirmation reports whether the command stops to ask "Is this ok
// [y/N]" before it changes packages, with no option that answers it. Only
// yum, dnf and zypper are read here; apt-get has its own rule, which knows
// its quiet levels.
func (p *PackageCommand) AsksConfirmation() bool {
	c, ok := confirmation[p.Manager]
	if !ok || !c.asks[p.Sub] {
		return false
	}
	if p.Sub == "install" && len(p.Operands) == 0 && !p.HasOption("-f", "--fix-broken") {
		// Nothing to install: yum and dnf stop with an error, apt-get does
		// nothing; neither asks.
		return false
	}
	if p.Sub == "group" || p.Sub == "module" {
		// `dnf group list` and `dnf module list` ask nothing.
		if len(p.Operands) == 0 || p.Operands[0].Lit != "install" && p.Operands[0].Lit != "remove" && p.Operands[0].Lit != "enable" && p.Operands[0].Lit != "upgrade" {
			return false
		}
	}
	return !p.HasOption(c.yes...)
}

// packageCaches lists, per manager family, the directories where it
// keeps downloaded metadata and packages between runs.
var packageCaches = map[string][]string{
	"yum":      {"/var/cache/yum", "/var/cache/dnf"},
	"dnf":      {"/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"},
	"microdnf": {"/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"},
	"zypper":   {"/var/cache/zypp"},
	"apk":      {"/var/cache/apk", "/etc/apk/cache"},
	"yarn":     {"/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn/berry/cache", "/home/node/.cache/yarn"},
}

// cacheShown is how a message names a manager's cache, where it moved
// between versions.
var cacheShown = map[string]string{
	"dnf": "/var/cache/dnf, /var/cache/libdnf5 for dnf5", "microdnf": "/var/cache/yum, /var/cache/libdnf5 for dnf5",
}

// CacheShown names the manager's cache for a message: its first
// directory, or each where the version decides.
func CacheShown(manager string) string {
	if s, ok := cacheShown[manager]; ok {
		return s
	}
	if d := packageCaches[manager]; len(d) > 0 {
		return d[0]
	}
	return ""
}

// CacheDirs returns the directories where the manager keeps its cache,
// nil for a manager this table does not know.
func CacheDirs(manager string) []string { return packageCaches[manager] }

// CleansCache reports whether the command empties its manager's cache:
// `yum clean all`, `dnf clean all`, `zypper clean`, `apk cache clean`,
// `yarn cache clean`. yum, dnf and microdnf share their cache on the
// distributions that ship more than one of them, so any of their
// `clean all` counts for all three.
func (p *PackageCommand) CleansCache() bool {
	switch p.Manager {
	case "yum", "dnf", "microdnf":
		return p.Sub == "clean" && p.hasOperand("all", "metadata", "dbcache")
	case "zypper":
		return p.Sub == "clean" || p.Sub == "cc"
	case "apk", "yarn":
		return p.Sub == "cache" && p.hasOperand("clean", "purge")
	}
	return false
}

func (p *PackageCommand) hasOperand(values ...string) bool {
	for _, o := range p.Operands {
		for _, v := range values {
			if o.Lit == v {
				return true
			}
		}
	}
	return false
}

var cleanCommands = map[string]string{
	"yum": "yum clean all", "dnf": "dnf clean all", "microdnf": "microdnf clean all",
	"zypper": "zypper clean --all", "apk": "rm -rf /var/cache/apk/*", "yarn": "yarn cache clean",
}

// CleanCommand returns the command that empties the manager's cache, ""
// for a manager CacheDirs does not know.
func CleanCommand(manager string) string { return cleanCommands[manager] }

// Simulates reports whether the command only shows what it would do
// (`apt-get install -s`, `apk add --simulate`), changing nothing.
func (p *PackageCommand) Simulates() bool {
	switch {
	case p.IsApt():
		return p.HasOption("-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon")
	case p.Manager == "apk":
		return p.HasOption("-s", "--simulate")
	}
	return false
}

// RunsScriptFile reports whether the command runs a shell script of the
// image (`/scripts/cleanup.sh`, `./install.sh`, `bash setup.sh`): what it
// does there is not in the RUN's text, so a check for a clean-up in the
// same RUN cannot tell it is missing.
func (c *Command) RunsScriptFile() bool {
	if c.NameWord == nil {
		return false
	}
	if isScriptPath(c.Name) {
		return true
	}
	switch c.Base() {
	case "sh", "bash", "ash", "dash", "zsh", "source", ".":
		for _, a := range c.Args {
			if strings.HasPrefix(a.Lit, "-") {
				if a.Lit == "-c" {
					return false
				}
				continue
			}
			return c.Base() == "source" || c.Base() == "." || isScriptPath(a.Lit) || strings.Contains(a.Lit, "/")
		}
	}
	return false
}

// isScriptPath reports a shell script's name: `./configure` and other
// build tools run from the source tree are programs of their own.
func isScriptPath(name string) bool {
	return strings.HasSuffix(name, ".sh") || strings.HasSuffix(name, ".bash")
}

// RunsScriptFileAfter reports whether a command after cmd in the script
// runs a script file (see Command.RunsScriptFile).
func (s *Script) RunsScriptFileAfter(cmd *Command) bool {
	if s == nil {
		return false
	}
	for _, c := range s.Commands {
		if cmd.Range.Start.Before(c.Range.Start) && c.RunsScriptFile() {
			return true
		}
	}
	return false
}
