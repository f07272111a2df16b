package main

import (
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/images"
)

// wellKnownGroups are groups every Linux base has, for `-g users`.
var wellKnownGroups = map[string]int{"root": 0, "users": 100, "nogroup": 65534, "nobody": 65534}

// accounts returns the users the Dockerfile's RUN instructions create
// (useradd, adduser) with their IDs, given the accounts the base brings,
// those it deletes (userdel, deluser), and the user-creation tool it uses.
func (b *build) accounts(base map[string]images.Account) (created []images.Account, removed map[string]bool, tool string) {
	groups := map[string]int{}
	for n, g := range wellKnownGroups {
		groups[n] = g
	}
	for _, a := range base {
		groups[a.Name] = a.GID
	}
	var out []images.Account
	removed = map[string]bool{}
	for i := len(b.anc) - 1; i >= 0; i-- {
		for _, in := range b.anc[i].Instructions {
			if in.Keyword != "RUN" || in.Script == nil {
				continue
			}
			for _, c := range in.Script.Commands {
				name := c.Base()
				if (name == "userdel" || name == "deluser") && len(c.Args) > 0 {
					// `userdel --remove ubuntu`: the last word is the user.
					if w := c.Args[len(c.Args)-1]; w.Literal && !strings.HasPrefix(w.Lit, "-") {
						removed[w.Lit] = true
						out = dropAccount(out, w.Lit)
					}
					continue
				}
				if name != "useradd" && name != "adduser" && name != "groupadd" && name != "addgroup" {
					continue
				}
				args := make([]string, 0, len(c.Args))
				for _, w := range c.Args {
					v, ok := in.ExpandWord(w)
					if !ok {
						v = "\x00" // unknown value
					}
					args = append(args, v)
				}
				op := parseAccountCommand(name, args)
				if op.name == "" || strings.Contains(op.name, "\x00") {
					continue
				}
				if tool == "" && (name == "useradd" || name == "groupadd") {
					tool = "useradd"
				} else if tool == "" && !op.long {
					tool = "adduser"
				}
				if op.group {
					if op.memberOf == "" {
						groups[op.name] = op.id
					}
					continue
				}
				gid := -1
				switch {
				case op.gid != "":
					if n, err := strconv.Atoi(op.gid); err == nil {
						gid = n
					} else if g, ok := groups[op.gid]; ok {
						gid = g
					}
				case op.noUserGroup:
					gid = 100
				default:
					if g, ok := groups[op.name]; ok {
						gid = g
					} else if op.id >= 0 {
						gid = op.id // a user group of the same number
					}
					if _, ok := groups[op.name]; !ok {
						groups[op.name] = gid
					}
				}
				if op.id < 0 {
					continue // a system account numbered at build time
				}
				delete(removed, op.name)
				out = append(dropAccount(out, op.name), images.Account{Name: op.name, UID: op.id, GID: gid})
			}
		}
	}
	return out, removed, tool
}

func dropAccount(list []images.Account, name string) []images.Account {
	out := list[:0]
	for _, a := range list {
		if a.Name != name {
			out = append(out, a)
		}
	}
	return out
}

// accountOp is one useradd/adduser/groupadd/addgroup command.
type accountOp struct {
	group       bool   // creates a group
	name        string // user or group name
	id          int    // UID or GID, -1 when not given
	gid         string // the user's primary group (name or number)
	noUserGroup bool   // useradd -N, or adduser --system without --group: no group of its own
	memberOf    string // `addgroup user group`, `adduser user group`: adds a member only
	long        bool   // Debian's adduser/addgroup (long options)
}

// Options that take a value, per tool: short letters and long names.
var accountValueOptions = map[string]struct {
	short string
	long  []string
}{
	"useradd":  {"ugGdsckKefpbZRP", []string{"uid", "gid", "groups", "home-dir", "home", "shell", "comment", "skel", "key", "expiredate", "inactive", "password", "base-dir", "selinux-user", "root", "prefix"}},
	"groupadd": {"gKpRP", []string{"gid", "key", "password", "root", "prefix", "users"}},
	"adduser":  {"hgsGku", []string{"uid", "gid", "ingroup", "home", "shell", "gecos", "comment", "firstuid", "lastuid", "firstgid", "lastgid", "conf", "add-extra-groups", "key"}},
	"addgroup": {"g", []string{"gid", "conf", "firstgid", "lastgid", "key"}},
}

func parseAccountCommand(tool string, args []string) accountOp {
	op := accountOp{id: -1, group: tool == "groupadd" || tool == "addgroup"}
	spec := accountValueOptions[tool]
	opts := map[string]string{}
	flags := map[string]bool{}
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "--"):
			op.long = true
			k, v, hasV := strings.Cut(a[2:], "=")
			if hasV {
				opts[k] = v
			} else if containsStr(spec.long, k) && i+1 < len(args) {
				opts[k] = args[i+1]
				i++
			} else {
				flags[k] = true
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
		letters:
			for j := 1; j < len(a); j++ {
				l := a[j : j+1]
				if strings.Contains(spec.short, l) {
					switch {
					case j+1 < len(a):
						opts[l] = a[j+1:]
					case i+1 < len(args):
						opts[l] = args[i+1]
						i++
					}
					break letters
				}
				flags[l] = true
			}
		default:
			pos = append(pos, a)
		}
	}
	if len(pos) == 0 {
		return op
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if v, ok := opts[k]; ok {
				return v
			}
		}
		return ""
	}
	atoi := func(s string) int {
		if n, err := strconv.Atoi(s); err == nil && n >= 0 {
			return n
		}
		return -1
	}
	switch tool {
	case "useradd":
		op.name = pos[len(pos)-1]
		op.id = atoi(get("u", "uid"))
		op.gid = get("g", "gid")
		op.noUserGroup = flags["N"] || flags["no-user-group"]
	case "groupadd":
		op.name = pos[len(pos)-1]
		op.id = atoi(get("g", "gid"))
	case "adduser":
		op.name = pos[0]
		if len(pos) > 1 {
			op.memberOf = pos[1]
			if op.long { // Debian: `adduser user group` adds a member
				op.name = ""
				return op
			}
		}
		if op.long {
			op.id = atoi(get("uid"))
			op.gid = get("gid", "ingroup")
			op.noUserGroup = flags["system"] && !flags["group"] && op.gid == ""
			if op.noUserGroup {
				op.gid = "nogroup"
				op.noUserGroup = false
			}
		} else {
			op.id = atoi(get("u"))
			op.gid = get("G")
			if op.memberOf != "" && op.gid == "" {
				op.gid = op.memberOf
			}
		}
	case "addgroup":
		op.name = pos[len(pos)-1]
		if len(pos) > 1 {
			op.memberOf = pos[len(pos)-1] // `addgroup user group`
			op.name = pos[0]
			return op
		}
		op.id = atoi(get("g", "gid"))
	}
	return op
}
