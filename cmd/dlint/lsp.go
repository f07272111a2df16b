package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/internal/lsp"
)

func newLSPCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (Language Server Protocol over standard input and output)",
		Long: `Run dlint as a language server for editors, speaking the Language Server
Protocol on standard input and output. The editor starts it; see
docs/editors.md for Neovim, VS Code and Helix.

Open Dockerfiles, compose files and scripts are linted from their unsaved
text, with the workspace linked as 'dlint DIR' links it: editing a compose
file updates the findings of the Dockerfile it builds. Fixes and ignore
comments are code actions; hovering a finding shows its rule, hovering a
FROM or image: line what dlint knows of the image.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := lsp.Serve(stdin, stdout, lsp.Options{Version: version, Log: stderr}); err != nil {
				fmt.Fprintf(stderr, "dlint lsp: %v\n", err)
				return exitCodeError{1} // the protocol's status for an exit without shutdown
			}
			return nil
		},
	}
}
