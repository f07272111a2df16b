package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/rules"
)

func newRulesCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, severity, tags and summary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSEVERITY\tTAGS\tSUMMARY")
			for _, r := range rules.All() {
				sev := r.Severity.String()
				if r.DefaultOff {
					sev += " (off)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, sev, strings.Join(r.Tags, ","), r.Summary)
			}
			return tw.Flush()
		},
	}
}

func newExplainCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's documentation (accepts IDs and aliases such as DL3002)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// A peer code several rules have as an alias explains each.
			found := rules.LookupAlias(rules.All(), args[0])
			if len(found) == 0 {
				return fmt.Errorf("unknown rule %q (see 'dlint rules')", args[0])
			}
			for i, r := range found {
				if i > 0 {
					fmt.Fprintln(stdout)
				}
				fmt.Fprintf(stdout, "%s (%s)\n", r.ID, r.Severity)
				if len(r.Aliases) > 0 {
					fmt.Fprintf(stdout, "aliases: %s\n", strings.Join(r.Aliases, ", "))
				}
				fmt.Fprintf(stdout, "tags: %s\n\n%s\n\n%s\n", strings.Join(r.Tags, ", "), r.Summary, strings.TrimSpace(r.Doc))
			}
			return nil
		},
	}
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print dlint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(stdout, "dlint %s\n", version)
			return nil
		},
	}
}
