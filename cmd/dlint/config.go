package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// addConfigFlags adds the flags about .dlint.yaml, inline ignores and
// baselines.
func addConfigFlags(cmd *cobra.Command, f *lintFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "use configuration `FILE` for every linted file instead of the nearest .dlint.yaml")
	fl.BoolVar(&f.noConfig, "no-config", false, "use no .dlint.yaml at all")
	fl.BoolVar(&f.noIgnore, "no-ignore", false, "disregard every inline ignore comment (# dlint ignore=, hadolint, check=skip), for audits")
	fl.BoolVar(&f.includeDocs, "include-docs", false, "also lint the docker run lines of sh, bash, shell and console code blocks in Markdown files (docs: true in .dlint.yaml)")
	fl.BoolVar(&f.reportUnusedIgnores, "report-unused-ignores", false, "report ignore comments and baseline entries that silence nothing (rule unused-ignore)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in baseline `FILE`")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "leave out of directory walks the paths matching `GLOB` (relative to the working directory; the syntax of ignore-paths in .dlint.yaml); a file named on the command line is still linted (repeatable)")
	fl.StringVar(&f.shellcheck, "shellcheck", "", "run this shellcheck `PATH` for rule shellcheck instead of the one on PATH")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "also say on standard error what was not checked and why (no shellcheck on PATH)")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record this run's findings in baseline `FILE` (and report as usual)")
}

// lintOptions turns the flags into lint options. Settings given on the
// command line override every .dlint.yaml; the others leave them in force.
func lintOptions(cmd *cobra.Command, f lintFlags, args []string, stdin io.Reader) (lint.Options, error) {
	kind, ok := lint.ParseKind(f.kind)
	if !ok {
		return lint.Options{}, fmt.Errorf("--kind: unknown kind %q (want dockerfile or compose)", f.kind)
	}
	if f.config != "" && f.noConfig {
		return lint.Options{}, errors.New("--config and --no-config contradict each other")
	}
	all := rules.All()
	sel, err := selection(cmd, f, all)
	if err != nil {
		return lint.Options{}, err
	}
	failLevel, err := parseFailLevel(f.failLevel)
	if err != nil {
		return lint.Options{}, err
	}
	minSev, err := rules.ParseSeverity(f.minSeverity)
	if err != nil {
		return lint.Options{}, fmt.Errorf("--min-severity: %w", err)
	}
	var maxFileSize int64
	if cmd.Flags().Changed("max-file-size") {
		if maxFileSize, err = lint.ParseFileSize(f.maxFileSize); err != nil {
			return lint.Options{}, fmt.Errorf("--max-file-size: %w", err)
		}
		roomForFiles(maxFileSize)
	}
	env, err := composeEnv(f.envFiles, f.envVars)
	if err != nil {
		return lint.Options{}, err
	}
	for _, g := range f.exclude {
		if err := lint.CheckExclude(g); err != nil {
			return lint.Options{}, fmt.Errorf("--exclude %q: %w", g, err)
		}
	}
	shellcheckBin := ""
	if f.shellcheck != "" {
		if shellcheckBin, err = exec.LookPath(f.shellcheck); err != nil {
			return lint.Options{}, fmt.Errorf("--shellcheck %s: not an executable file", f.shellcheck)
		}
	}
	var reportOnly []string
	if f.context != "" {
		if reportOnly, err = contextFiles(f.context, args); err != nil {
			return lint.Options{}, err
		}
		args = []string{f.context}
	}
	if len(args) == 0 && len(f.composeMerge) == 0 {
		args = []string{"."}
	}
	opts := lint.Options{
		Paths: args, Stdin: stdin, StdinFilename: f.stdinFilename, Kind: kind,
		ComposeMerge: f.composeMerge, Env: env, EnvFiles: f.envFiles, Rules: all, Selection: sel,
		ConfigFile: f.config, NoConfig: f.noConfig, NoIgnore: f.noIgnore,
		ReportUnusedIgnores: f.reportUnusedIgnores, Baseline: f.baseline, IncludeDocs: f.includeDocs,
		MaxFileSize: maxFileSize, ReportOnly: reportOnly, Exclude: f.exclude, ShellCheck: shellcheckBin,
		WholeSources: f.fix, // fixes edit the files' whole text
	}
	flags := cmd.Flags()
	if flags.Changed("fail-level") {
		opts.FailLevel = failLevel
	}
	if flags.Changed("min-severity") || flags.Changed("severity") {
		opts.MinSeverity = minSev
	}
	return opts, nil
}

// contextFiles checks the files named with --context DIR: each an existing
// file inside DIR, so that linting DIR reads it. It returns them non-nil,
// even when none is named: then nothing is reported.
func contextFiles(dir string, files []string) ([]string, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("--context %s: not a directory", dir)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("--context: %w", err)
	}
	out := []string{}
	for _, name := range files {
		if name == "-" {
			return nil, errors.New(`--context: standard input ("-") has no place in the directory; name files`)
		}
		if _, err := os.Stat(name); err != nil {
			return nil, fmt.Errorf("--context: %w", err)
		}
		abs, err := filepath.Abs(name)
		if err != nil {
			return nil, fmt.Errorf("--context: %w", err)
		}
		if rel, err := filepath.Rel(absDir, abs); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("--context %s: %s is outside it, so it would not be linted", dir, name)
		}
		out = append(out, name)
	}
	return out, nil
}

// writeBaselineFile records res in path, with file paths relative to the
// baseline's directory.
func writeBaselineFile(path string, res *lint.Result) error {
	file, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := lint.WriteBaseline(file, res, filepath.Dir(path)); err != nil {
		_ = file.Close()
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	return nil
}

func newBaselineCmd(root *cobra.Command, f *lintFlags, stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline [flags] [path ...]",
		Short: "Record the current findings, so that --baseline reports only new ones",
		Long: `dlint baseline lints like dlint does and writes every finding as a baseline:

    dlint baseline > .dlint-baseline.json
    dlint --baseline .dlint-baseline.json

A later run with --baseline reports only findings the baseline does not hold.
Findings are matched by rule, file and the text of their line, not by line
number, so edits elsewhere in a file do not bring them back. File paths in
the baseline are relative to the current directory (or to the directory of
--output), so write it where you will read it from.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := lintOptions(cmd, *f, args, stdin)
			if err != nil {
				return err
			}
			res := lint.Run(opts)
			for _, e := range res.Errors {
				fmt.Fprintln(stderr, e.Error())
			}
			if f.output != "" {
				err = writeBaselineFile(f.output, res)
			} else {
				err = lint.WriteBaseline(stdout, res, ".")
			}
			if err != nil {
				return err
			}
			if len(res.Errors) > 0 {
				return exitCodeError{exitError}
			}
			return nil
		},
	}
	// The flags that decide what is linted and found, shared with the root
	// command; output format and thresholds do not apply to a baseline.
	for _, name := range []string{"config", "no-config", "no-ignore", "report-unused-ignores", "include-docs", "select", "extend-select", "ignore", "enable", "disable", "kind", "stdin-filename", "compose-merge", "max-file-size"} {
		if fl := root.Flags().Lookup(name); fl != nil {
			cmd.Flags().AddFlag(fl)
		}
	}
	cmd.Flags().StringVarP(&f.output, "output", "o", "", "write the baseline to `FILE` (its paths relative to FILE's directory) instead of standard output")
	return cmd
}

func newConfigCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print a default .dlint.yaml or its JSON schema",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unknown command %q for dlint config (want init or schema)", args[0])
			}
			return errors.New("dlint config needs a command: init or schema")
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "init",
		Short: "Print a commented .dlint.yaml with every setting and rule",
		Long: `Print a commented .dlint.yaml with every setting at its default and every rule:

    dlint config init > .dlint.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(stdout, lint.DefaultConfig(rules.All()))
			return err
		},
	}, &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON schema of .dlint.yaml (for editor completion)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := stdout.Write(lint.ConfigSchema(rules.All()))
			return err
		},
	})
	return cmd
}

// composeEnv reads --env-file files in order, then --env KEY=VALUE pairs,
// which win as the shell's variables win over an env file in compose.
func composeEnv(files, pairs []string) (map[string]string, error) {
	if len(files) == 0 && len(pairs) == 0 {
		return nil, nil
	}
	env := map[string]string{}
	for _, name := range files {
		info, err := os.Stat(name)
		if err != nil {
			return nil, fmt.Errorf("--env-file: %w", err)
		}
		if !info.Mode().IsRegular() || info.Size() > 1<<20 {
			return nil, fmt.Errorf("--env-file %s: not a regular file of at most 1 MiB", name)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("--env-file: %w", err)
		}
		vars, err := parser.ParseDotEnv(data)
		if err != nil {
			var pe *parser.ParseError
			if errors.As(err, &pe) && pe.Line > 0 {
				return nil, fmt.Errorf("--env-file %s:%d: %s", name, pe.Line, pe.Msg)
			}
			return nil, fmt.Errorf("--env-file %s: %w", name, err)
		}
		for k, v := range vars {
			env[k] = v
		}
	}
	for _, p := range pairs {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--env %q: want KEY=VALUE", p)
		}
		env[k] = v
	}
	return env, nil
}
