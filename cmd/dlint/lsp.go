package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/internal/lsp"
)

func newLSPCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	f := lintFlags{failLevel: "warning", minSeverity: "style"}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (Language Server Protocol over standard input and output)",
		Long: `Run dlint as a language server for editors, speaking the Language Server
Protocol on standard input and output. The editor starts it; see
docs/editors.md for Neovim, VS Code, Helix, Zed, Emacs and JetBrains IDEs.

Open Dockerfiles, compose files and scripts are linted from their unsaved
text, with the workspace linked as 'dlint DIR' links it: editing a compose
file updates the findings of the Dockerfile it builds. Fixes and ignore
comments are code actions; hovering a finding shows its rule, hovering a
FROM or image: line what dlint knows of the image. .dlint.yaml applies as
on the command line; the flags below override it for the session.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, err := lintOptions(cmd, f, nil, nil)
			if err != nil {
				return err
			}
			opts.Paths = nil // the workspace folders
			if err := lsp.Serve(stdin, stdout, lsp.Options{Version: version, Log: stderr, Lint: opts}); err != nil {
				fmt.Fprintf(stderr, "dlint lsp: %v\n", err)
				return exitCodeError{1} // the protocol's status for an exit without shutdown
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "use configuration `FILE` for every file instead of the nearest .dlint.yaml")
	fl.BoolVar(&f.noConfig, "no-config", false, "use no .dlint.yaml at all")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in baseline `FILE`")
	fl.BoolVar(&f.includeDocs, "include-docs", false, "also lint the docker run lines of Markdown code blocks")
	fl.StringSliceVar(&f.selectRules, "select", nil, "run only these `RULES` (as dlint --select)")
	fl.StringSliceVar(&f.extendSelect, "extend-select", nil, "also run these `RULES`")
	fl.StringSliceVar(&f.ignoreRules, "ignore", nil, "do not run these `RULES`")
	return cmd
}
