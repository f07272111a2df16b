package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// This file turns what the image catalogue knows of a container's base
// image into the small answers rules need; the facts themselves live in
// package images.

// wellKnownIDs are the UID:GID of an account the base image creates, and
// where that fact comes from, for messages.
func wellKnownIDs(user string, img *images.Image) (ids, from string) {
	if img == nil {
		return "", ""
	}
	a, ok := img.Account(user)
	if !ok {
		return "", ""
	}
	return accountIDs(a), "the " + imageLabel(img) + " image"
}

// accountIDs writes an account's UID:GID, or the UID alone when the
// group's ID is not known.
func accountIDs(a images.Account) string {
	if a.GID < 0 {
		return fmt.Sprint(a.UID)
	}
	return fmt.Sprintf("%d:%d", a.UID, a.GID)
}

// imageLabel names a catalogued image in messages: "node:22-alpine".
func imageLabel(img *images.Image) string {
	name := img.Name
	if strings.ContainsAny(name, "*?[") {
		return strings.TrimSuffix(name, "/*")
	}
	if img.Tag != "" && img.Tag != "latest" {
		return name + ":" + img.Tag
	}
	return name
}

// usesAdduser reports whether users are made with BusyBox's adduser
// rather than useradd in the image the stage starts from.
func usesAdduser(st *parser.Stage) bool {
	if img := st.Image(); img != nil && img.UserTool != "" {
		return img.UserTool == "adduser"
	}
	ref := st.RootBase()
	name := ref.Repository[strings.LastIndex(ref.Repository, "/")+1:]
	// An unknown base the Dockerfile installs into with apk is Alpine.
	return name == "alpine" || name == "busybox" || strings.Contains(strings.ToLower(ref.Tag), "alpine") || st.UsesApk()
}

// appAccount is the unprivileged account the image ships for its own
// application (node in node, www-data in php), if any.
func appAccount(img *images.Image) (images.Account, bool) {
	if img == nil || img.AppUser == "" {
		return images.Account{}, false
	}
	return img.Account(img.AppUser)
}

// runsUnprivileged reports whether the image already runs as a user other
// than root, so a container built on it needs no USER of its own.
func runsUnprivileged(img *images.Image) bool {
	return img != nil && !img.RunsAsRoot()
}

// keepsImageEntrypoint reports whether the container runs its base
// image's ENTRYPOINT: neither the Dockerfile nor compose sets another.
func keepsImageEntrypoint(c *parser.Container) bool {
	if c.Service != nil && c.Service.Entrypoint != nil {
		return false
	}
	return c.Stage == nil || c.Stage.RunsOwnImageEntrypoint()
}

// handsOverOnly reports whether every path of the script ends by running
// its arguments as the program: `exec "$@"`, also through a privilege drop
// or an init (`exec gosu app "$@"`, `exec tini -- "$@"`).
func handsOverOnly(s *parser.Script) bool {
	if len(s.Final) == 0 {
		return false
	}
	for _, f := range s.Final {
		argv := f.Argv()
		for {
			if i := dropToolChild(argv); i > 0 {
				argv = argv[i:]
			} else if i := parser.InitChild(argv); i > 0 && i < len(argv) {
				argv = argv[i:]
			} else {
				break
			}
		}
		// `exec "$@"`, or with no arguments a shell or a prompt (prefect's
		// `exec bash --login`), as a base image's default CMD would.
		if !isAllArgsWord(argv[0]) && !images.IsInteractive(argv) {
			return false
		}
	}
	return true
}

// runsNoApplication reports whether the container only starts a shell or
// an interpreter's prompt (the CMD of a base image such as python or
// node), directly or through an entrypoint script that runs its
// arguments: an image to build on, not an application.
func runsNoApplication(c *parser.Container) bool {
	ep, cmd := c.Entrypoint(), c.Cmd()
	// An entrypoint script that ignores its arguments is the application;
	// one dlint cannot see is taken to run them, as a CMD of `node` or
	// `php -a` beside it says.
	if ep != nil && c.Script != nil && !c.Script.UsesArgs {
		return false
	}
	if cmd == nil {
		if ep != nil {
			// An ENTRYPOINT clears the CMD it inherits: a wrapper that only
			// hands over to its arguments runs nothing until an image built
			// on it sets a CMD (eclipse-temurin's JRE images).
			return c.Script != nil && handsOverOnly(c.Script)
		}
		// Nothing set here: the base image's own ENTRYPOINT and CMD run.
		img := c.BaseImage()
		return img != nil && img.Base
	}
	argv := cmd.Argv
	if !cmd.Exec {
		argv = strings.Fields(strings.Join(argv, " "))
	}
	return images.IsInteractive(argv)
}
