package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/rules"
)

func newRulesCmd(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, group, severity, tags, aliases and summary",
		Long: `dlint rules lists every rule. GROUP is "default" for the rules that run
unless a selection says otherwise, the opt-in group (pinning, style, strict)
of those that run only when selected, or "off" for a rule in no group that
is off by default. --format json also lists the groups and each rule's
aliases, for tools.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch format {
			case "json":
				return writeRulesJSON(stdout)
			case "text":
			default:
				return fmt.Errorf("--format: unknown format %q (want text or json)", format)
			}
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tGROUP\tSEVERITY\tTAGS\tALIASES\tSUMMARY")
			for _, r := range rules.All() {
				aliases := strings.Join(r.Aliases, ",")
				if aliases == "" {
					aliases = "-"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.GroupName(), r.Severity, strings.Join(r.Tags, ","), aliases, r.Summary)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

type ruleJSON struct {
	ID       string   `json:"id"`
	Group    string   `json:"group"`
	Default  bool     `json:"default"`
	Severity string   `json:"severity"`
	Tags     []string `json:"tags"`
	Aliases  []string `json:"aliases"`
	Summary  string   `json:"summary"`
}

type groupJSON struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Rules       []string `json:"rules"`
}

func writeRulesJSON(w io.Writer) error {
	all := rules.All()
	out := struct {
		Groups []groupJSON `json:"groups"`
		Rules  []ruleJSON  `json:"rules"`
	}{}
	for _, g := range rules.Groups {
		gj := groupJSON{Name: g.Name, Description: g.Description, Rules: []string{}}
		for _, r := range all {
			if r.GroupName() == g.Name {
				gj.Rules = append(gj.Rules, r.ID)
			}
		}
		out.Groups = append(out.Groups, gj)
	}
	for _, r := range all {
		rj := ruleJSON{ID: r.ID, Group: r.GroupName(), Default: r.InDefault(), Severity: r.Severity.String(),
			Tags: append([]string{}, r.Tags...), Aliases: append([]string{}, r.Aliases...), Summary: r.Summary}
		out.Rules = append(out.Rules, rj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newExplainCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's documentation (accepts IDs and aliases such as DL3002)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// A peer code several rules have as an alias explains each.
			all := rules.All()
			found := rules.LookupAlias(all, args[0])
			if r, code := rules.LookupCode(all, args[0]); r != nil {
				// An SC code is explained by its rule, and its own page.
				found = []*rules.Rule{r}
				fmt.Fprintf(stdout, "%s is reported by rule %s and documented at %s\n", code, r.ID, r.CodeURL(code))
				if reason, off := r.OffCodes[code]; off {
					fmt.Fprintf(stdout, "%s is off by default: %s\n", code, reason)
				}
				fmt.Fprintln(stdout)
			}
			if len(found) == 0 {
				if c := rules.ClosestRule(all, args[0]); c != "" {
					return fmt.Errorf("unknown rule %q (did you mean %q?) (see 'dlint rules')", args[0], c)
				}
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
			fmt.Fprintln(stdout, currentBuild())
			return nil
		},
	}
}
