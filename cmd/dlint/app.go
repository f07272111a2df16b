package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/internal/suggest"
	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/report"
	"github.com/dlint-dev/dlint/rules"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitCodeError carries an exit status out of a cobra command.
type exitCodeError struct{ code int }

func (e exitCodeError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

type lintFlags struct {
	format        string
	output        string
	noColor       bool
	color         string
	quiet         bool
	failLevel     string
	minSeverity   string
	kind          string
	stdinFilename string
	composeMerge  []string
	envFiles      []string
	envVars       []string
	enable        []string
	disable       []string
	selectRules   []string
	extendSelect  []string
	ignoreRules   []string
	sarifCategory string
	maxFileSize   string
	fix           bool
	diff          bool
	unsafeFixes   bool

	config              string
	noConfig            bool
	noIgnore            bool
	reportUnusedIgnores bool
	includeDocs         bool
	context             string
	baseline            string
	writeBaseline       string
	exclude             []string
	shellcheck          string
	verbose             bool
}

// Main runs dlint with args and returns the exit status. It is what the
// binary runs, and what the end-to-end tests call.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	var ec exitCodeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ec):
		return ec.code
	default:
		fmt.Fprintf(stderr, "dlint: %v\n", err)
		return exitError
	}
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var f lintFlags
	root := &cobra.Command{
		Use:   "dlint [flags] [path ...]",
		Short: "Lint Dockerfiles, Docker Compose files and their entrypoint scripts",
		Long: `dlint reads Dockerfiles, compose files and the entrypoint scripts they start,
builds one model of what will run, and reports containers that run as root,
shells that swallow signals as PID 1, and ports that are exposed, published or
claimed wrongly.

With --fix, dlint applies the safe fixes that findings carry to the files in
place, lints again until none applies, and reports what remains. Fixes that
change what a container does (the user it runs as, where a port is reachable)
wait for --unsafe-fixes.

With no path, dlint lints the current directory. A directory is searched
recursively; "-" reads standard input. To lint a directory that has the name of
a subcommand, write it as a path: dlint ./rules`,
		Version:       currentBuild().String(),
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, f, args, stdin, stdout, stderr)
		},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\nRun 'dlint --help' for usage", err)
	})
	root.SetVersionTemplate("{{.Version}}\n")
	fl := root.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.Names(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	fl.BoolVar(&f.noColor, "no-color", false, "never colour the output, as --color never (NO_COLOR is honoured too)")
	fl.StringVar(&f.color, "color", "auto", "colour the text output: `WHEN` is auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always (even into a pipe or file) or never")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print only the findings: no summary line (errors still go to standard error)")
	fl.StringVar(&f.failLevel, "fail-level", "warning", "lowest severity that makes dlint exit 1: error, warning, info, style or none")
	fl.StringVar(&f.minSeverity, "min-severity", "style", "hide findings below this severity: error, warning, info or style")
	fl.StringVar(&f.minSeverity, "severity", "style", "alias of --min-severity")
	fl.StringVar(&f.kind, "kind", "", "lint named files as `KIND` (dockerfile or compose) whatever their names")
	fl.StringVar(&f.stdinFilename, "stdin-filename", "", "file name to report for standard input (\"-\")")
	fl.StringSliceVar(&f.composeMerge, "compose-merge", nil, "merge these compose `FILES` into one project, like docker compose -f a -f b (repeat or comma-separate)")
	fl.StringArrayVar(&f.envFiles, "env-file", nil, "interpolate compose files with the variables of `FILE` instead of each project's .env, like docker compose --env-file (repeatable)")
	fl.StringArrayVarP(&f.envVars, "env", "e", nil, "set `KEY=VALUE` for compose interpolation, as the shell that runs docker compose would; wins over .env and --env-file (repeatable)")
	fl.StringSliceVar(&f.selectRules, "select", nil, "run only these `RULES`: IDs, aliases (DL3008), groups (default, pinning, style, strict), tags, prefixes (DL30) or ALL; replaces the default set and .dlint.yaml's selection")
	fl.StringSliceVar(&f.extendSelect, "extend-select", nil, "also run these `RULES` (IDs, aliases, groups, tags, prefixes)")
	fl.StringSliceVar(&f.ignoreRules, "ignore", nil, "do not run these `RULES` (IDs, aliases, groups, tags, prefixes); a more specific --select or --extend-select wins")
	fl.StringSliceVar(&f.enable, "enable", nil, "same as --extend-select")
	fl.StringSliceVar(&f.disable, "disable", nil, "same as --ignore")
	fl.StringVar(&f.maxFileSize, "max-file-size", strings.ReplaceAll(lint.FormatSize(lint.DefaultMaxFileSize), " ", ""),
		"largest file dlint reads, standard input too: `SIZE` in bytes or with B, KB, KiB, MB or MiB (KB = 1000 bytes, KiB = 1024); at most "+
			lint.FormatSize(lint.MaxFileSizeCap)+", as a parsed file takes 20 to 40 times its size in memory")
	fl.BoolVar(&f.fix, "fix", false, "apply the safe fixes in place, linting again until none applies, and report what remains; with \"-\" the fixed text goes to standard output, the report to standard error")
	fl.BoolVar(&f.diff, "diff", false, "with --fix, print a unified diff of the fixes instead of the report and write nothing; the exit status is that of linting without --fix")
	fl.BoolVar(&f.unsafeFixes, "unsafe-fixes", false, "with --fix, also apply the fixes that change what a container does (USER root to 10001:10001, a published port bound to 127.0.0.1); review the diff")
	fl.StringVar(&f.context, "context", "", "lint `DIR` (e.g. the repository) but report only the findings in the named files, so each file gets the compose projects and Dockerfiles that use it, whichever files are named (the pre-commit hook)")
	fl.StringVar(&f.sarifCategory, "sarif-category", "", "SARIF runs[].automationDetails.id, to tell several code scanning uploads apart (GitHub's category; a '/' is added to a bare name)")
	addConfigFlags(root, &f)

	root.AddCommand(newRulesCmd(stdout), newExplainCmd(stdout), newVersionCmd(stdout),
		newBaselineCmd(root, &f, stdin, stdout, stderr), newConfigCmd(stdout), newImageCmd(stdout, stderr),
		newLSPCmd(stdin, stdout, stderr))
	return root
}

func runLint(cmd *cobra.Command, f lintFlags, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := mistypedCommand(cmd, args); err != nil {
		return err
	}
	formatter, ok := report.Lookup(f.format)
	if !ok {
		return fmt.Errorf("unknown format %q (want one of %s)", f.format, strings.Join(report.Names(), ", "))
	}
	colorMode, err := parseColor(f)
	if err != nil {
		return err
	}
	opts, err := lintOptions(cmd, f, args, stdin)
	if err != nil {
		return err
	}
	var (
		res         *lint.Result
		final       *lint.Result // with --diff, what would remain after the fixes
		fx          *fixer
		stdinFixed  int
		writeFailed bool
	)
	out := stdout
	switch {
	case f.fix:
		if err := checkFixArgs(opts); err != nil {
			return err
		}
		if f.diff && fixStdinOnly(opts) {
			return errors.New(`--diff: the fixed text of standard input ("-") goes to standard output, and nothing is written; leave out --diff`)
		}
	case f.unsafeFixes:
		return errors.New("--unsafe-fixes only works with --fix")
	case f.diff:
		return errors.New("--diff only works with --fix")
	}
	switch {
	case !f.fix:
		res = lint.Run(opts)
	case fixStdinOnly(opts):
		// The fixed text takes standard output; the report goes to
		// standard error (or --output).
		var text io.Reader
		if res, text, stdinFixed, err = fixStdin(opts, f.unsafeFixes, stdin); err != nil {
			return err
		}
		if _, err := io.Copy(stdout, text); err != nil {
			return fmt.Errorf("writing the fixed text: %w", err)
		}
		out = stderr
	default:
		res, fx = fixFiles(opts, f.unsafeFixes, f.diff, stderr)
		writeFailed = fx.writeFailed
		if f.diff {
			// Nothing changed on disk: report as a lint without --fix.
			final, res = res, fx.first
		}
	}
	if f.writeBaseline != "" {
		if err := writeBaselineFile(f.writeBaseline, res); err != nil {
			return err
		}
	}

	in := &report.Input{Sources: res.Sources, Rules: res.Rules, Files: res.Files, Version: currentBuild().Version, SARIFCategory: f.sarifCategory}
	in.Findings = res.Findings
	in.Hidden = report.Hidden{Baseline: res.Hidden.Baseline, Ignores: res.Hidden.Ignores, Severity: res.Hidden.Severity}
	failed := res.Failing > 0
	for _, e := range res.Errors {
		in.Errors = append(in.Errors, report.FileError{Path: e.Path, Line: e.Line, Col: e.Col, Msg: e.Msg})
		fmt.Fprintln(stderr, e.Error())
	}
	for _, n := range res.Notes {
		if !n.Verbose || f.verbose {
			fmt.Fprintln(stderr, "dlint: "+n.Msg)
		}
	}

	if f.output != "" {
		file, err := os.Create(f.output)
		if err != nil {
			return fmt.Errorf("--output: %w", err)
		}
		defer file.Close() //nolint:errcheck // closed and checked below; this one only runs on early returns
		out = file
	}
	in.Color = useColor(colorMode, out)
	in.Quiet = f.quiet
	if f.diff {
		if err := fx.diff(out); err != nil {
			return fmt.Errorf("writing the diff: %w", err)
		}
	} else if err := formatter(out, in); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if f.output != "" {
		if err := out.(*os.File).Close(); err != nil {
			return fmt.Errorf("--output: %w", err)
		}
	}
	switch {
	case f.quiet:
	case final != nil:
		fmt.Fprintln(stderr, fx.summary(final))
	case fx != nil:
		fmt.Fprintln(stderr, fx.summary(res))
	case f.fix:
		fmt.Fprintln(stderr, fixSummary(stdinFixed, "standard input", unsafeLeft(res, f.unsafeFixes)))
	}
	switch {
	case len(res.Errors) > 0 || writeFailed:
		return exitCodeError{exitError}
	case failed:
		return exitCodeError{exitFindings}
	}
	return nil
}

// mistypedCommand returns an error when the first path is a bare word
// that names no file but is one or two edits from a subcommand: `dlint
// rule` most likely meant `dlint rules`, not a missing file.
func mistypedCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 || strings.ContainsAny(args[0], `/\.`) {
		return nil
	}
	if _, err := os.Lstat(args[0]); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if c := suggest.Closest(args[0], names); c != "" {
		return fmt.Errorf("unknown command or path '%s'; did you mean '%s'?", args[0], c)
	}
	return nil
}

// parseFailLevel reads --fail-level; "none" never fails.
func parseFailLevel(s string) (rules.Severity, error) {
	if strings.EqualFold(s, "none") {
		return lint.NeverFail, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("--fail-level: %w (or none)", err)
	}
	return sev, nil
}

// parseColor reads --color, and --no-color as --color never.
func parseColor(f lintFlags) (string, error) {
	mode := strings.ToLower(f.color)
	switch mode {
	case "auto", "always", "never":
	default:
		return "", fmt.Errorf("--color: unknown value %q (want auto, always or never)", f.color)
	}
	if f.noColor {
		if mode == "always" {
			return "", errors.New("--no-color and --color always contradict each other")
		}
		mode = "never"
	}
	return mode, nil
}

// useColor decides whether to colour the report written to out. An
// explicit --color always wins over NO_COLOR, as the convention allows.
func useColor(mode string, out io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	file, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(file.Fd()) || isatty.IsCygwinTerminal(file.Fd()))
}

// selection reads --select, --extend-select and --ignore (with --enable
// and --disable, their older names); nil when none is given.
func selection(cmd *cobra.Command, f lintFlags, all []*rules.Rule) (*rules.Selection, error) {
	var s rules.Selection
	lists := []struct {
		flag  string
		names []string
		dst   *[]rules.Selector
	}{
		{"--select", f.selectRules, &s.Select},
		{"--extend-select", f.extendSelect, &s.Extend},
		{"--enable", f.enable, &s.Extend},
		{"--ignore", f.ignoreRules, &s.Ignore},
		{"--disable", f.disable, &s.Ignore},
	}
	for _, l := range lists {
		sels, err := rules.ParseSelectors(all, l.names)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.flag, err)
		}
		*l.dst = append(*l.dst, sels...)
	}
	// `--select ""` selects nothing but what --extend-select adds.
	s.HasSelect = cmd.Flags().Changed("select")
	if s.IsZero() {
		return nil, nil
	}
	return &s, nil
}
