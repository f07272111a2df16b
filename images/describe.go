package images

import (
	"fmt"
	"io"
	"strings"
)

// Describe prints what is known of img, asked for as asked, one fact a
// line, ending with where the facts came from: `dlint image` and the
// editor's hover show the same text.
func Describe(w io.Writer, asked string, img *Image) {
	fmt.Fprintf(w, "image:       %s (catalogue entry %s, tags %q)\n", asked, img.Name, img.Pattern)
	if img.Product != "" {
		fmt.Fprintf(w, "product:     %s\n", img.Product)
	}
	user := img.User
	if img.RunsAsRoot() {
		user = "root"
		if img.User != "" && img.User != "root" {
			user = img.User + " (root)"
		}
	}
	if img.UID != nil && user != "root" {
		if *img.UID < 0 {
			user += " (UID not known: the build picks it)"
		} else {
			user += fmt.Sprintf(" (UID %d)", *img.UID)
		}
	}
	fmt.Fprintf(w, "user:        %s\n", user)
	fmt.Fprintf(w, "/bin/sh:     %s\n", describeShell(img.Shell))
	if len(img.Expose) > 0 {
		fmt.Fprintf(w, "expose:      %s\n", strings.Join(img.Expose, " "))
	} else if img.ExposeKnown() {
		fmt.Fprintf(w, "expose:      none\n")
	} else {
		fmt.Fprintf(w, "expose:      not known (the entry does not list the image's ports)\n")
	}
	if len(img.Entrypoint) > 0 {
		fmt.Fprintf(w, "entrypoint:  %s\n", jsonArgv(img.Entrypoint))
	}
	if len(img.Cmd) > 0 {
		fmt.Fprintf(w, "cmd:         %s\n", jsonArgv(img.Cmd))
	}
	if img.DropsTo != "" {
		fmt.Fprintf(w, "drops to:    %s (with %s, when started as root and the ENTRYPOINT is kept)\n", img.DropsTo, img.DropTool)
	}
	if img.Workers != "" {
		fmt.Fprintf(w, "workers:     %s (the master process stays root)\n", img.Workers)
	}
	if img.Init != "" {
		fmt.Fprintf(w, "init:        %s is PID 1\n", img.Init)
	}
	if img.UserTool != "" {
		fmt.Fprintf(w, "add users:   %s\n", img.UserTool)
	}
	if img.Base {
		fmt.Fprintf(w, "base image:  yes (runs no application of its own)\n")
	}
	if img.AppUser != "" {
		fmt.Fprintf(w, "app user:    %s\n", img.AppUser)
	}
	if img.Healthcheck != nil {
		fmt.Fprintf(w, "healthcheck: %s\n", map[bool]string{true: "set by the image", false: "none"}[*img.Healthcheck])
	}
	for _, a := range img.Accounts {
		gid := fmt.Sprint(a.GID)
		if a.GID < 0 {
			gid = "?"
		}
		fmt.Fprintf(w, "account:     %s %d:%s\n", a.Name, a.UID, gid)
	}
	fmt.Fprintf(w, "source:      %s (%s)\n", img.Source, img.Origin)
}

func describeShell(s Shell) string {
	switch s {
	case ShellDash:
		return "dash (stays PID 1 under a shell-form CMD)"
	case ShellAsh:
		return "busybox ash (execs a plain last command of sh -c)"
	case ShellBash:
		return "bash 5.1+ (execs a plain last command of sh -c)"
	case ShellOldBash:
		return "bash before 5.1 (execs only a lone simple command)"
	case ShellNone:
		return "none (shell-form CMD, ENTRYPOINT and RUN cannot run)"
	case ShellWindows:
		return "none (a Windows image: cmd or PowerShell)"
	}
	return "unknown"
}

func jsonArgv(argv []string) string {
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = fmt.Sprintf("%q", a)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// DescribeUnknown says what the rules assume of an image the catalogue
// does not have, and how to teach it.
func DescribeUnknown(w io.Writer, asked string) {
	fmt.Fprintf(w, "dlint knows nothing about %s; rules treat it as an image that runs as root with an unknown /bin/sh.\nAdd it under images: in .dlint.yaml (see docs/images.md).\n", asked)
}
