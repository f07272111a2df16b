package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// UseraddLargeUID reports useradd creating a user with a large UID without
// --no-log-init.
var UseraddLargeUID = &Rule{
	ID:       "useradd-large-uid",
	Aliases:  []string{"DL3046"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "useradd with a large UID and no --no-log-init fills the layer with UID-sized lastlog and faillog files",
	Doc: `## Why
useradd resets the new user's entries in ` + "`/var/log/lastlog`" + ` (292 bytes per UID)
and ` + "`/var/log/faillog`" + ` (32 bytes per UID), which sit at offset UID × entry size.
On a host both are sparse files; an image layer stores every byte, so UID
1000000 adds about 324 MB of zeros, and the OpenShift-style UIDs near
1000000000 add hundreds of GB: the build fills the disk or never finishes.
` + "`--no-log-init`" + ` (` + "`-l`" + `) skips both files, which a container never reads.
shadow 4.13 (2022) stopped extending the files, but useradd in Debian 11,
Ubuntu 22.04, RHEL 8 and other images still in wide use is older, and the
flag costs nothing on newer ones. A base image whose tag names a release
with shadow 4.13 or later (Debian 12, Ubuntu 24.04, Alpine 3.17 and their
code names) is not reported.

dlint reports UIDs from 100000 up (about 32 MB, hadolint's "more than five
digits") and puts the size it computes from the UID in the message. It reads
` + "`-u`" + `/` + "`--uid`" + ` in every spelling (` + "`-u 100000`" + `, ` + "`-u100000`" + `, ` + "`--uid=100000`" + `, inside a
cluster such as ` + "`-mu 100000`" + `; the last one wins) and ` + "`-l`" + ` wherever it is
(` + "`-ml`" + `, ` + "`--no-log-init`" + `, an abbreviation such as ` + "`--no-log`" + `). A UID from ARG or ENV
is resolved (` + "`-u ${APP_UID}`" + ` with ` + "`ARG APP_UID=1000000`" + `); one dlint cannot
resolve is not reported. It looks at shell-form and exec-form RUN, heredoc
bodies, ` + "`sh -c`" + ` strings and ONBUILD RUN, in every stage: a build stage's
layers do not ship, but every build still writes them and keeps them in the
build cache. ` + "`adduser`" + ` is not checked: Debian's adduser builds its own useradd
command line, and BusyBox's writes no lastlog. The fix inserts
` + "`--no-log-init`" + ` after ` + "`useradd`" + `.

## Bad
` + "```dockerfile" + `
FROM ubuntu:22.04
ARG APP_UID=1000000
RUN useradd --uid ${APP_UID} --create-home app
USER ${APP_UID}
` + "```" + `

## Good
` + "```dockerfile" + `
FROM ubuntu:22.04
ARG APP_UID=1000000
RUN useradd --no-log-init --uid ${APP_UID} --create-home app
USER ${APP_UID}
` + "```" + `

## Silence
` + "`# dlint ignore=useradd-large-uid`" + ` on the line above the RUN, or
` + "`useradd-large-uid: off`" + ` in .dlint.yaml. hadolint's ` + "`# hadolint ignore=DL3046`" + ` works too.`,
	Check: checkUseraddLargeUID,
}

// largeUID is the smallest UID reported: its log files take about 32 MB.
const largeUID = 100000

// Bytes per UID in /var/log/lastlog (glibc's struct lastlog on 64-bit
// Linux) and in /var/log/faillog (shadow's struct faillog).
const (
	lastlogEntryBytes = 292
	faillogEntryBytes = 32
)

func checkUseraddLargeUID(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for in, cmd := range runCommands(pass.Dockerfile) {
		if cmd.Base() != "useradd" {
			continue
		}
		call := parseUseradd(in, cmd.Args)
		if call.noLogInit || call.defaults || call.unknown || call.uidWord == nil || !call.uidKnown {
			continue
		}
		if in.Stage != nil && in.Stage.Image().UseraddSkipsLastlog() {
			continue // shadow 4.13 or later: nothing is written
		}
		uid, err := strconv.ParseUint(call.uid, 10, 32)
		if err != nil || uid < largeUID || uid == 1<<32-1 {
			continue
		}
		what := fmt.Sprintf("UID %d", uid)
		if from := uidSource(call); from != "" {
			what += fmt.Sprintf(" (from `%s`)", from)
		}
		size := humanBytes((uid + 1) * (lastlogEntryBytes + faillogEntryBytes))
		msg := fmt.Sprintf("`useradd` creates %s without `--no-log-init`: useradd older than shadow 4.13 (Debian 11, Ubuntu 22.04, RHEL 8) fills /var/log/lastlog and /var/log/faillog with zeros up to that UID, about %s in this layer; add `--no-log-init` (`-l`)", what, size)
		pass.ReportFix(uidRange(in.Script.Source, call), msg, noLogInitFix(in, cmd, commandNameRange(in.Script, cmd)))
	}
}

// useraddCall is what one useradd command line asks for.
type useraddCall struct {
	noLogInit bool // -l, --no-log-init
	defaults  bool // -D: shows or sets defaults, adds no user
	// unknown is set when a word that may hold options has no known
	// value (`useradd $OPTS -u 1000000 app`).
	unknown bool
	// uidWord holds the value of the last -u/--uid; uid is that value
	// (uidKnown false when it cannot be resolved), after uidPrefix, the
	// option text that shares its word (`--uid=`, `-u`, or "").
	uidWord   *parser.Word
	uid       string
	uidKnown  bool
	uidPrefix string
}

// useraddOption is one of useradd's options: its short letter (0 for the
// long-only ones) and whether it takes a value.
type useraddOption struct {
	short byte
	value bool
}

// useraddLongOptions are shadow's long options, with those distributions
// add. getopt_long also takes any unambiguous prefix of them.
var useraddLongOptions = map[string]useraddOption{
	"add-subids-for-system": {'F', false},
	"badname":               {0, false},
	"badnames":              {0, false},
	"base-dir":              {'b', true},
	"btrfs-subvolume-home":  {0, false},
	"comment":               {'c', true},
	"create-home":           {'m', false},
	"defaults":              {'D', false},
	"expiredate":            {'e', true},
	"extrausers":            {0, false},
	"gid":                   {'g', true},
	"groups":                {'G', true},
	"help":                  {'h', false},
	"home-dir":              {'d', true},
	"inactive":              {'f', true},
	"key":                   {'K', true},
	"no-create-home":        {'M', false},
	"no-log-init":           {'l', false},
	"no-user-group":         {'N', false},
	"non-unique":            {'o', false},
	"password":              {'p', true},
	"prefix":                {'P', true},
	"root":                  {'R', true},
	"selinux-range":         {0, true},
	"selinux-user":          {'Z', true},
	"shell":                 {'s', true},
	"skel":                  {'k', true},
	"system":                {'r', false},
	"uid":                   {'u', true},
	"user-group":            {'U', false},
}

// useraddShortOptions are useradd's short options; those in
// useraddShortWithValue take a value.
const (
	useraddShortOptions   = "bcdDefFgGhkKlmMNopPrRsuUZ"
	useraddShortWithValue = "bcdefgGkKpPRsuZ"
)

// lookupUseraddLong finds a long option by its name or, as getopt_long
// does, by a prefix that names one option only.
func lookupUseraddLong(name string) (useraddOption, bool) {
	if opt, ok := useraddLongOptions[name]; ok {
		return opt, true
	}
	var found useraddOption
	n := 0
	for full, opt := range useraddLongOptions {
		if name != "" && strings.HasPrefix(full, name) && (n == 0 || opt != found) {
			found = opt
			n++
		}
	}
	return found, n == 1
}

// parseUseradd reads useradd's arguments the way its getopt_long does:
// options may follow the user name, `--` ends them.
func parseUseradd(in *parser.Instruction, args []*parser.Word) useraddCall {
	var c useraddCall
	// value is a word's value, or its text as written when unresolved.
	value := func(i int) (string, bool) {
		if v, ok := in.ExpandWord(args[i]); ok {
			return v, true
		}
		return strings.TrimLeft(args[i].Lit, `"'`), false
	}
	setUID := func(i int, v string, known bool, prefix string) {
		c.uidWord, c.uid, c.uidKnown, c.uidPrefix = args[i], v, known, prefix
	}
	for i := 0; i < len(args); i++ {
		v, known := value(i)
		switch {
		case known && v == "--":
			return c
		case strings.HasPrefix(v, "--"):
			name, val, inline := strings.Cut(v[2:], "=")
			opt, ok := lookupUseraddLong(name)
			if !ok {
				c.unknown = c.unknown || !known
				continue
			}
			c.flag(opt.short)
			if !opt.value {
				continue
			}
			if inline {
				if opt.short == 'u' {
					setUID(i, val, known, v[:len(v)-len(val)])
				}
				continue
			}
			if i+1 < len(args) {
				i++
				if opt.short == 'u' {
					val, known := value(i)
					setUID(i, val, known, "")
				}
			}
		case len(v) > 1 && v[0] == '-':
			for j := 1; j < len(v); j++ {
				letter := v[j]
				if !known && !strings.ContainsRune(useraddShortOptions, rune(letter)) {
					c.unknown = true // `-$FLAGS` may expand to -l
					break
				}
				c.flag(letter)
				if !strings.ContainsRune(useraddShortWithValue, rune(letter)) {
					continue
				}
				if j+1 < len(v) {
					if letter == 'u' {
						setUID(i, v[j+1:], known, v[:j+1])
					}
				} else if i+1 < len(args) {
					i++
					if letter == 'u' {
						val, known := value(i)
						setUID(i, val, known, "")
					}
				}
				break
			}
		case !known && i < len(args)-1:
			// Not the user name at the end: it may expand to options.
			c.unknown = true
		}
	}
	return c
}

// flag records the options that decide the rule.
func (c *useraddCall) flag(short byte) {
	switch short {
	case 'l':
		c.noLogInit = true
	case 'D':
		c.defaults = true
	}
}

// uidRange points at the UID: the value's word, without the option that
// shares it (`--uid=1000000`, `-u1000000`) when that is written plainly.
func uidRange(src *parser.Source, c useraddCall) parser.Range {
	r := c.uidWord.Range
	if text := spanText(src, r); c.uidPrefix != "" && strings.HasPrefix(text, c.uidPrefix) {
		r.Start.Col += len([]rune(c.uidPrefix))
	}
	return r
}

// uidSource is the UID as the command writes it, when a variable gives it.
func uidSource(c useraddCall) string {
	if c.uidWord.Literal {
		return ""
	}
	return strings.TrimPrefix(c.uidWord.Lit, c.uidPrefix)
}

// noLogInitFix inserts --no-log-init after the useradd word when it is
// written plainly on one line (or as an exec-form JSON string).
func noLogInitFix(in *parser.Instruction, cmd *parser.Command, name parser.Range) *Fix {
	src := in.Script.Source
	text := spanText(src, name)
	var insert string
	switch {
	case in.JSON && cmd.Parent == nil:
		if text != `"`+cmd.Name+`"` {
			return nil
		}
		insert = `, "--no-log-init"`
	case text == cmd.Name:
		insert = " --no-log-init"
	default:
		return nil
	}
	at := parser.Range{File: name.File, Start: name.End, End: name.End}
	return &Fix{Description: "add --no-log-init", Edits: []Edit{{Range: at, NewText: insert}}}
}

// humanBytes writes n in decimal units, as `docker images` does: "32 MB".
func humanBytes(n uint64) string {
	units := []string{"B", "kB", "MB", "GB", "TB"}
	f := float64(n)
	u := 0
	for f >= 1000 && u < len(units)-1 {
		f /= 1000
		u++
	}
	if f < 10 && u > 0 {
		return fmt.Sprintf("%.1f %s", f, units[u])
	}
	return fmt.Sprintf("%.0f %s", f, units[u])
}
