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
				images.DescribeUnknown(stdout, args[0])
				return exitCodeError{exitFindings}
			}
			images.Describe(stdout, args[0], img)
			return nil
		},
	}
	cmd.Flags().StringVar(&configFile, "config", "", "read images: from this configuration file instead of the nearest .dlint.yaml")
	cmd.Flags().BoolVar(&noConfig, "no-config", false, "use only the images dlint ships")
	return cmd
}
