package report

import (
	"strings"
	"unicode"
)

// RulesDocURL is the page that documents every rule, one section each.
const RulesDocURL = "https://github.com/dlint-dev/dlint/blob/main/docs/rules.md"

// InformationURL is dlint's home page.
const InformationURL = "https://github.com/dlint-dev/dlint"

// RuleDocURL links a rule's section in docs/rules.md. The generator of that
// page writes one heading per rule whose anchor is the rule ID.
func RuleDocURL(id string) string { return RulesDocURL + "#" + id }

// RuleName turns a rule ID into the PascalCase name SARIF viewers expect
// ("root-user" → "RootUser").
func RuleName(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if r == '-' || r == '_' || r == '.' {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// docSection returns the body of the "## name" section of a rule's
// markdown doc, trimmed, or "".
func docSection(doc, name string) string {
	var body []string
	in, fenced := false, false
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(line, "## ") {
			in = strings.TrimSpace(strings.TrimPrefix(line, "## ")) == name
			continue
		}
		if in {
			body = append(body, line)
		}
	}
	return strings.TrimSpace(strings.Join(body, "\n"))
}

// markdownToText renders a rule's markdown doc as plain text: headings
// lose their hashes and end with a colon, code fences go and their
// contents are indented, and inline backticks stay (they read fine).
func markdownToText(md string) string {
	var out []string
	fenced := false
	for _, line := range strings.Split(strings.TrimSpace(md), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			fenced = !fenced
		case fenced:
			out = append(out, "    "+line)
		case strings.HasPrefix(line, "#"):
			heading := strings.TrimSpace(strings.TrimLeft(line, "#"))
			out = append(out, heading+":")
		default:
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// oneParagraph joins a block of text into one line.
func oneParagraph(s string) string { return normalizeSpace(s) }
