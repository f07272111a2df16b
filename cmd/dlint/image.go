package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

func newImageCmd(stdout, stderr io.Writer) *cobra.Command {
	var configFile string
	var noConfig bool
	cmd := &cobra.Command{
		Use:   "image NAME[:TAG]",
		Short: "Show what dlint knows about an image, and where each fact came from",
		Long: `Show what dlint knows about an image: the user it runs as, what /bin/sh is,
its ports, ENTRYPOINT and CMD, whether its entrypoint drops privileges or runs
an init, and the source of those facts. Images listed under images: in the
nearest .dlint.yaml (or --config) come first.

    dlint image postgres:17-alpine
    dlint image gcr.io/distroless/static-debian12:nonroot`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, errs := lint.ImageCatalog(".", configFile, noConfig, rules.All())
			for _, e := range errs {
				fmt.Fprintf(stderr, "dlint: %s\n", e.Error())
			}
			if len(errs) > 0 {
				return exitCodeError{exitError}
			}
			ref := parser.ParseImageRef(strings.TrimSpace(args[0]))
			img, ok := cat.Lookup(ref.Name(), ref.Tag)
			if !ok {
				fmt.Fprintf(stdout, "dlint knows nothing about %s; rules treat it as an image that runs as root with an unknown /bin/sh.\nAdd it under images: in .dlint.yaml (see docs/images.md).\n", args[0])
				return exitCodeError{exitFindings}
			}
			writeImage(stdout, args[0], img)
			return nil
		},
	}
	cmd.Flags().StringVar(&configFile, "config", "", "read images: from this configuration file instead of the nearest .dlint.yaml")
	cmd.Flags().BoolVar(&noConfig, "no-config", false, "use only the images dlint ships")
	return cmd
}

// writeImage prints an image's facts, one per line, with their source.
func writeImage(w io.Writer, asked string, img *images.Image) {
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
		user += fmt.Sprintf(" (UID %d)", *img.UID)
	}
	fmt.Fprintf(w, "user:        %s\n", user)
	fmt.Fprintf(w, "/bin/sh:     %s\n", describeShell(img.Shell))
	if len(img.Expose) > 0 {
		fmt.Fprintf(w, "expose:      %s\n", strings.Join(img.Expose, " "))
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
	for _, a := range img.Accounts {
		gid := fmt.Sprint(a.GID)
		if a.GID < 0 {
			gid = "?"
		}
		fmt.Fprintf(w, "account:     %s %d:%s\n", a.Name, a.UID, gid)
	}
	fmt.Fprintf(w, "source:      %s (%s)\n", img.Source, img.Origin)
}

func describeShell(s images.Shell) string {
	switch s {
	case images.ShellDash:
		return "dash (stays PID 1 under a shell-form CMD)"
	case images.ShellAsh:
		return "busybox ash (execs a plain last command of sh -c)"
	case images.ShellBash:
		return "bash 5.1+ (execs a plain last command of sh -c)"
	case images.ShellOldBash:
		return "bash before 5.1 (execs only a lone simple command)"
	case images.ShellNone:
		return "none (shell-form CMD, ENTRYPOINT and RUN cannot run)"
	case images.ShellWindows:
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
