// Command gendocs writes docs/rules.md from the rule registry, so the
// documentation never drifts from the code. Run it with `go generate ./...`;
// a test fails when docs/rules.md is stale.
package main

//go:generate go run . -o ../../docs/rules.md

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/dlint-dev/dlint/rules"
)

func main() {
	out := flag.String("o", "", "write to `FILE` instead of standard output")
	flag.Parse()
	doc, err := render(rules.All())
	if err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
	if *out == "" {
		if _, err := os.Stdout.Write(doc); err != nil {
			fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if err := os.WriteFile(*out, doc, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
}

// sectionNames are the headings inside each rule's doc; a rule ID equal to
// one would lose its anchor to that heading.
var sectionNames = map[string]bool{"rules": true, "why": true, "bad": true, "good": true, "silence": true, "options": true}

// render writes the page: an index table, then one section per rule whose
// heading is the rule ID, so its anchor is #<id> (the helpUri in SARIF).
func render(list []*rules.Rule) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from the rule registry by internal/gendocs. Do not edit: run `go generate ./...`. -->\n\n")
	fmt.Fprintf(&b, "dlint has %d rules. Each section below says why the rule matters, shows a file that\n", len(list))
	b.WriteString("triggers it and one that does not, and how to silence it. `dlint explain <id>` prints the same\n")
	b.WriteString("text in a terminal; aliases (hadolint codes, buildkit check names) work wherever an ID does.\n\n")
	b.WriteString("| Rule | Severity | Tags | Summary |\n|---|---|---|---|\n")
	for _, r := range list {
		if sectionNames[r.ID] {
			return nil, fmt.Errorf("rule ID %q clashes with a section heading of docs/rules.md", r.ID)
		}
		sev := r.Severity.String()
		switch {
		case r.Group != "":
			sev += " (group " + r.Group + ")"
		case r.DefaultOff:
			sev += " (off by default)"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, r.ID, sev, strings.Join(r.Tags, ", "), cell(r.Summary))
	}
	for _, r := range list {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		facts := []string{"**Severity:** " + r.Severity.String()}
		if len(r.Tags) > 0 {
			facts = append(facts, "**Tags:** "+strings.Join(r.Tags, ", "))
		}
		if len(r.Aliases) > 0 {
			facts = append(facts, "**Aliases:** "+strings.Join(r.Aliases, ", "))
		}
		switch {
		case r.Group != "":
			facts = append(facts, fmt.Sprintf("**Group:** %s, off by default: select it with `--extend-select %s` (or `%s`)", r.Group, r.Group, r.ID))
		case r.DefaultOff:
			facts = append(facts, fmt.Sprintf("**Off by default:** select it with `--extend-select %s`", r.ID))
		}
		b.WriteString(strings.Join(facts, " · ") + "\n\n")
		b.WriteString(strings.TrimSpace(r.Summary) + "\n\n")
		b.WriteString(demoteHeadings(strings.TrimSpace(r.Doc)) + "\n")
		if opts := optionsTable(r); opts != "" {
			b.WriteString("\n### Options\n\n" + opts)
		}
	}
	return b.Bytes(), nil
}

// demoteHeadings moves the doc's headings one level down so they nest
// under the rule's heading; lines inside code fences are left alone.
func demoteHeadings(md string) string {
	lines := strings.Split(md, "\n")
	fenced := false
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if !fenced && strings.HasPrefix(line, "#") {
			lines[i] = "#" + line
		}
	}
	return strings.Join(lines, "\n")
}

// optionsTable lists a rule's .dlint.yaml options: key, default and the
// field's `doc` tag.
func optionsTable(r *rules.Rule) string {
	if r.Options == nil {
		return ""
	}
	v := reflect.ValueOf(r.Options())
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	var b strings.Builder
	b.WriteString("| Option | Default | Description |\n|---|---|---|\n")
	rows := 0
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || key == "-" {
			continue
		}
		if key == "" {
			key = strings.ToLower(f.Name)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", key, defaultValue(v.Field(i)), cell(f.Tag.Get("doc")))
		rows++
	}
	if rows == 0 {
		return ""
	}
	return b.String()
}

func defaultValue(v reflect.Value) string {
	if v.IsZero() && (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) {
		return "none"
	}
	return "`" + strings.ReplaceAll(fmt.Sprint(v.Interface()), "|", "\\|") + "`"
}

// cell makes text safe inside a markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", "\\|")
}
