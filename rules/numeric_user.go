package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// NumericUser reports a container that runs as a user given by name.
var NumericUser = &Rule{
	ID:       "numeric-user",
	Aliases:  []string{"DL3066"},
	Severity: Info,
	Tags:     []string{TagSecurity, TagDockerfile, TagCompose},
	Summary:  "USER names the user: Kubernetes runAsNonRoot can only verify a numeric UID",
	Doc: `## Why
An orchestrator that enforces non-root containers (Kubernetes ` + "`runAsNonRoot`" + `,
OpenShift's restricted policies) reads the image's USER before it starts
anything. It cannot look a name up in the image's /etc/passwd, so ` + "`USER app`" + `
is refused ("image has non-numeric user, cannot verify user is non-root")
unless the pod also sets ` + "`runAsUser`" + `. A numeric ` + "`USER 10001:10001`" + ` is checked
at a glance, needs no passwd entry, and works on scratch and distroless. When
the Dockerfile creates the user with ` + "`useradd -u N`" + ` / ` + "`adduser -u N`" + `, dlint
suggests that UID (and the GID of a matching ` + "`groupadd -g`" + `) and offers a fix.
Only the USER the container runs as is checked (the final stage, or the
compose build target); root is left to root-user, and a USER that depends on
a build argument without a default is skipped.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app app
USER app:app
CMD ["/usr/local/bin/app"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app app
USER 10001:10001
CMD ["/usr/local/bin/app"]
` + "```" + `

## Silence
` + "`# dlint ignore=numeric-user`" + ` on the line above the USER (or the compose
` + "`user:`" + ` key), or ` + "`numeric-user: off`" + ` in .dlint.yaml. hadolint's
` + "`# hadolint ignore=DL3066`" + ` works too.`,
	Check: checkNumericUser,
}

func checkNumericUser(pass *Pass) {
	for _, c := range pass.Containers {
		if cu := c.ComposeUser(); cu != nil {
			checkComposeNumericUser(pass, c, cu)
			continue
		}
		u := c.ImageUser()
		if u == nil || !u.Resolved || u.IsRoot() || u.IsNumeric() || u.Name == "" || c.Stage == nil || isWindowsStage(c.Stage) {
			continue
		}
		pass.ReportAbout(c, Finding{Range: u.Range, Message: numericUserMessage(c, u), Fix: numericUserFix(c, u)})
	}
}

// numericUserMessage says which number to write: the UID the Dockerfile
// gives the user, the well-known UID of a base image's user, or how to find
// one.
func numericUserMessage(c *parser.Container, u *parser.User) string {
	head := fmt.Sprintf("USER %s names the user, so Kubernetes `runAsNonRoot` cannot verify that %s %s as non-root (it only trusts a numeric UID)", u.Raw, about(c), agree("runs", "run"))
	uid, gid, creator := createdBy(c.Stage, u)
	created := creator != ""
	if ids := exactIDs(u, uid, gid); ids != "" {
		return fmt.Sprintf("%s; write `USER %s`, the UID this Dockerfile gives %s", head, ids, u.Name)
	}
	if uid != "" {
		// The UID is known but the group's GID is not fixed anywhere.
		return fmt.Sprintf("%s; this Dockerfile gives %s UID %s but group %s no fixed GID: create it with `groupadd --gid %s %s` and write `USER %s:%s`", head, u.Name, uid, u.Group, uid, u.Group, uid, uid)
	}
	if ids, from := wellKnownIDs(u.Name, c.BaseImage()); ids != "" && !created {
		if u.Group != "" && !isNumericID(u.Group) {
			// The catalogue knows the user's own group, not one named
			// apart: Alpine's nogroup is 65533, nobody's group 65534.
			uid, _, _ := strings.Cut(ids, ":")
			return fmt.Sprintf("%s; write `USER %s:<GID>`, with the UID of %s in %s and the GID of group %s there (`getent group %s` shows it)", head, uid, u.Name, from, u.Group, u.Group)
		}
		return fmt.Sprintf("%s; write `USER %s`, the %s of %s in %s", head, ids, idsNoun(ids), u.Name, from)
	}
	if created {
		// The tool the Dockerfile uses: busybox adduser takes -u, Debian's
		// adduser --uid, like useradd.
		add := "useradd --uid 10001 " + u.Name
		switch {
		case creator == "adduser" && usesAdduser(c.Stage):
			add = "adduser -D -u 10001 " + u.Name
		case creator == "adduser":
			add = "adduser --uid 10001 " + u.Name
		}
		return fmt.Sprintf("%s; give %s a fixed UID where the Dockerfile creates it (`%s`) and write `USER 10001:10001`", head, u.Name, add)
	}
	return fmt.Sprintf("%s; write the numeric UID:GID the image gives %s (`id %s` shows them), e.g. `USER 10001:10001`", head, u.Name, u.Name)
}

// numericUserFix replaces the name with the UID the Dockerfile itself
// assigns, which is the same user.
func numericUserFix(c *parser.Container, u *parser.User) *Fix {
	uid, gid, _ := createdIDs(c.Stage, u)
	ids := exactIDs(u, uid, gid)
	if ids == "" || u.Raw != joinUser(u.Name, u.Group) {
		return nil
	}
	return &Fix{Description: "use the numeric UID", Edits: []Edit{{Range: u.Range, NewText: ids}}}
}

// exactIDs is the numeric form of u when the Dockerfile assigns its UID (and
// GID, when u names a group), or "".
func exactIDs(u *parser.User, uid, gid string) string {
	switch {
	case uid == "":
		return ""
	case u.Group == "":
		return uid
	case isNumericID(u.Group):
		return uid + ":" + u.Group
	case gid != "":
		return uid + ":" + gid
	}
	return ""
}

func checkComposeNumericUser(pass *Pass, c *parser.Container, cu *parser.Item) {
	name, group, _ := cutUser(cu.Value)
	// `user: UID:GID` is a placeholder for the reader's IDs (ntfy).
	if name == "" || isNumericID(name) || isRootName(name) || strings.ContainsAny(cu.Value, "${}") || strings.Trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == "" {
		return
	}
	suggest := fmt.Sprintf("the UID:GID the image gives %s (`id %s` in the container shows them), e.g. `user: \"10001:10001\"`", name, name)
	created := false
	if c.Stage != nil {
		var uid, gid string
		uid, gid, created = createdIDs(c.Stage, &parser.User{Raw: cu.Value, Name: name, Group: group, Resolved: true})
		if ids := exactIDs(&parser.User{Name: name, Group: group}, uid, gid); ids != "" {
			suggest = fmt.Sprintf("`user: \"%s\"`, the UID its Dockerfile gives %s", ids, name)
		}
	}
	// The image's own account (postgres 999 in postgres), unless the
	// Dockerfile creates one of that name.
	if ids, from := wellKnownIDs(name, c.BaseImage()); ids != "" && !created {
		suggest = fmt.Sprintf("`user: \"%s\"`, the %s of %s in %s", ids, idsNoun(ids), name, from)
	}
	// An x- anchor gives many services one `user:`: one finding names them all.
	pass.ReportAbout(c, Finding{Range: cu.Range, Message: fmt.Sprintf("%s %s `user: %s` by name, which Kubernetes `runAsNonRoot` (and any check that reads the UID) cannot verify as non-root; use the numeric UID and GID: %s", about(c), agree("sets", "set"), cu.Value, suggest)})
}

// expandArg is an option value of cmd with the ARG and ENV values of the
// RUN put in (`-u ${uid}` with `ARG uid=1000` is 1000); v as written when
// it cannot be resolved.
func expandArg(in *parser.Instruction, cmd *parser.Command, v string) string {
	if !strings.Contains(v, "$") {
		return v
	}
	for _, a := range cmd.Args {
		if a.Lit == v {
			if x, ok := in.ExpandWord(a); ok {
				return x
			}
		}
	}
	return v
}

func isNumericID(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// createdIDs finds the UID a useradd/adduser in the stage chain gives user,
// and the GID a groupadd/addgroup gives group ("" when not written as a
// literal number), and whether the chain creates the user at all.
func createdIDs(stage *parser.Stage, u *parser.User) (uid, gid string, created bool) {
	uid, gid, creator := createdBy(stage, u)
	return uid, gid, creator != ""
}

// createdBy is createdIDs that names the tool that creates the account
// ("useradd", "adduser"), "" when no RUN of the stages does.
func createdBy(stage *parser.Stage, u *parser.User) (uid, gid, creator string) {
	rawUser, rawGroup, _ := cutUser(u.Raw)
	for _, st := range stage.Ancestors() {
		for i := len(st.Instructions) - 1; i >= 0; i-- {
			in := st.Instructions[i]
			if in.Keyword != "RUN" || in.Script == nil {
				continue
			}
			for _, cmd := range in.Script.Commands {
				switch cmd.Base() {
				case "useradd", "adduser":
					if uid == "" && namesAccount(cmd, u.Name, rawUser) {
						creator = cmd.Base()
						if v, ok := cmdOptionValue(cmd.Args, "-u", "--uid"); ok && isNumericID(expandArg(in, cmd, v)) {
							uid = expandArg(in, cmd, v)
						}
					}
				case "groupadd", "addgroup":
					if gid == "" && u.Group != "" && namesAccount(cmd, u.Group, rawGroup) {
						if v, ok := cmdOptionValue(cmd.Args, "-g", "--gid"); ok && isNumericID(expandArg(in, cmd, v)) {
							gid = expandArg(in, cmd, v)
						}
					}
				}
			}
		}
	}
	return uid, gid, creator
}

// namesAccount reports whether the account cmd creates is name, written
// literally or through the same variable as the USER (`useradd "$APP_USER"`
// for `USER ${APP_USER}`).
func namesAccount(cmd *parser.Command, name, raw string) bool {
	word := accountWord(cmd)
	if word == nil {
		return false
	}
	if word.Literal {
		return word.Lit == name
	}
	v := varRef(word.Lit)
	return v != "" && v == varRef(raw)
}

// varRef returns the variable name of a word that is just one variable
// reference: "$X", ${X}, "${X}"; "" otherwise.
func varRef(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	if !strings.HasPrefix(s, "$") {
		return ""
	}
	s = s[1:]
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = s[1 : len(s)-1]
	}
	if s == "" || strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != "" {
		return ""
	}
	return s
}

// accountValueOptions are the options of useradd, adduser, groupadd and
// addgroup (shadow, Debian and BusyBox) that take a value.
var accountValueOptions = map[string]bool{
	"-u": true, "--uid": true, "-g": true, "--gid": true, "-G": true, "--groups": true,
	"-d": true, "--home": true, "--home-dir": true, "-h": true, "-s": true, "--shell": true,
	"-c": true, "--comment": true, "--gecos": true, "-e": true, "--expiredate": true,
	"-f": true, "--inactive": true, "-k": true, "--skel": true, "-K": true, "--key": true,
	"-p": true, "--password": true, "-b": true, "--base-dir": true, "-R": true, "--root": true,
	"-P": true, "--prefix": true, "-Z": true, "--selinux-user": true, "--ingroup": true,
	"--firstuid": true, "--lastuid": true, "--firstgid": true, "--lastgid": true,
	"--conf": true, "--add-extra-groups": false,
}

// accountWord returns the account a useradd/adduser/groupadd/addgroup
// creates: its first operand (`adduser app sudo` adds app to sudo).
func accountWord(cmd *parser.Command) *parser.Word {
	for i := 0; i < len(cmd.Args); i++ {
		a := cmd.Args[i].Lit
		switch {
		case a == "--":
			continue
		case strings.HasPrefix(a, "-"):
			if !strings.Contains(a, "=") && (accountValueOptions[a] || clusterTakesNext(a)) {
				i++
			}
			continue
		}
		return cmd.Args[i]
	}
	return nil
}

// clusterTakesNext reports whether a cluster of short options (`-ms`, for
// `-m -s`) ends in one that takes a value, which is then the next word
// (`useradd -ms /bin/bash app` creates app). A letter that takes a value
// before the end takes the rest of the cluster instead (`-mu1000`).
func clusterTakesNext(a string) bool {
	if len(a) < 3 || strings.HasPrefix(a, "--") {
		return false
	}
	for i := 1; i < len(a); i++ {
		if accountValueOptions["-"+a[i:i+1]] {
			return i == len(a)-1
		}
	}
	return false
}

// idsNoun names what a UID[:GID] string holds.
func idsNoun(ids string) string {
	if strings.Contains(ids, ":") {
		return "IDs"
	}
	return "UID"
}
