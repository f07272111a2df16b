package lint

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/rules"
)

// SchemaURL is where the JSON schema of .dlint.yaml is published; the
// repository holds it as schema/dlint-config.schema.json.
const SchemaURL = "https://raw.githubusercontent.com/dlint-dev/dlint/main/schema/dlint-config.schema.json"

// ConfigSchema returns the JSON schema (draft 2020-12) of .dlint.yaml for
// the rules of pool: every key, every rule ID and alias with its options.
func ConfigSchema(pool []*rules.Rule) []byte {
	level := map[string]any{
		"description": "off, on, or a severity that replaces the rule's own",
		"anyOf": []any{
			map[string]any{"enum": ruleLevels},
			map[string]any{"type": "boolean"},
		},
	}
	ruleProps := map[string]any{}
	defs := map[string]any{"level": level}
	for _, r := range pool {
		def := map[string]any{"$ref": "#/$defs/level"}
		if r.Options != nil {
			props := map[string]any{"severity": map[string]any{"$ref": "#/$defs/level"}}
			for _, f := range optionFields(r.Options()) {
				props[f.name] = fieldSchema(f)
			}
			def = map[string]any{"anyOf": []any{
				map[string]any{"$ref": "#/$defs/level"},
				map[string]any{"type": "object", "properties": props, "additionalProperties": false},
			}}
		}
		def["description"] = fmt.Sprintf("%s (%s by default%s)", r.Summary, r.Severity, offNote(r))
		defs["rule-"+r.ID] = def
		ruleProps[r.ID] = map[string]any{"$ref": "#/$defs/rule-" + r.ID}
		for _, a := range r.Aliases {
			ruleProps[a] = aliasSchema(pool, a)
		}
	}
	defs["rules"] = map[string]any{
		"description":          "Per rule (ID or alias): off, on, or a severity (error, warning, info, style); rules with options also take a mapping of severity and options.",
		"type":                 []string{"object", "null"},
		"properties":           ruleProps,
		"additionalProperties": false,
	}
	globs := map[string]any{"type": []string{"array", "null"}, "items": map[string]any{"type": "string", "minLength": 1}}
	schema := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaURL,
		"title":                "dlint configuration (.dlint.yaml)",
		"type":                 []string{"object", "null"},
		"additionalProperties": false,
		"$defs":                defs,
		"properties": map[string]any{
			"fail-level": map[string]any{
				"description": "Lowest severity that makes dlint exit 1 (none: never).",
				"enum":        []string{"error", "warning", "info", "style", "none"},
			},
			"min-severity": map[string]any{
				"description": "Hide findings below this severity.",
				"enum":        []string{"error", "warning", "info", "style"},
			},
			"report-unused-ignores": map[string]any{
				"description": "Report ignore comments and baseline entries that silence nothing (rule unused-ignore).",
				"type":        "boolean",
			},
			"docs": map[string]any{
				"description": "Also lint the `docker run` lines of sh, bash, shell and console code blocks in Markdown files (as --include-docs does).",
				"type":        "boolean",
			},
			"max-file-size": map[string]any{
				"description": fmt.Sprintf("Largest file dlint reads: bytes, or a number with B, KB, KiB, MB or MiB (KB = 1000 bytes, KiB = 1024); at most %s. --max-file-size overrides it.", FormatSize(MaxFileSizeCap)),
				"anyOf": []any{
					map[string]any{"type": "integer", "minimum": 1, "maximum": MaxFileSizeCap},
					// A byte count is whole; KB, KiB, MB and MiB may have decimals.
					map[string]any{"type": "string", "pattern": `^\s*([0-9]+\s*[bB]?|[0-9]+(\.[0-9]+)?\s*[kKmM][iI]?[bB])\s*$`},
				},
			},
			"ignore-paths": withDescription(globs, "Files and directories not to lint, relative to this file; ** matches any number of directories, a pattern without a slash matches at any depth."),
			"trusted-registries": map[string]any{
				"description": "Registries (or registry/repository prefixes) base images may come from: docker.io, ghcr.io/acme, *.example.com.",
				"type":        []string{"array", "null"},
				"items":       map[string]any{"type": "string", "minLength": 1},
			},
			"label-schema": map[string]any{
				"description":          "Labels every image must carry, each with the type of its value; the label rules (label-missing, label-empty, label-value-type, label-not-in-schema) check them.",
				"type":                 []string{"object", "null"},
				"additionalProperties": map[string]any{"enum": rules.LabelTypeNameList()},
			},
			"images": map[string]any{
				"description": "Your own base images and what they bring, so rules judge what runs on them (see `dlint image NAME`). Entries here win over the images dlint ships.",
				"type":        []string{"array", "null"},
				"items":       imageSchema(),
			},
			"select":        selectorListSchema(pool, "Run only the rules these select (IDs, aliases, groups, tags, prefixes such as DL30, or ALL), instead of the default set."),
			"extend-select": selectorListSchema(pool, "Also run the rules these select (IDs, aliases, groups such as pinning, tags, prefixes)."),
			"ignore":        selectorListSchema(pool, "Do not run the rules these select; where select or extend-select names a rule more specifically (an ID beats a prefix, a prefix a group), that wins."),
			"rules":         map[string]any{"$ref": "#/$defs/rules"},
			"overrides": map[string]any{
				"description": "Rule settings for some files only; entries apply in order, later ones win.",
				"type":        []string{"array", "null"},
				"items": map[string]any{
					"type":                 "object",
					"required":             []string{"files"},
					"additionalProperties": false,
					"properties": map[string]any{
						"files": withDescription(map[string]any{"type": "array", "minItems": 1, "items": map[string]any{"type": "string", "minLength": 1}}, "Globs relative to this file."),
						"rules": map[string]any{"$ref": "#/$defs/rules"},
					},
				},
			},
		},
	}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		panic(err) // only maps, strings and slices: cannot fail
	}
	return append(out, '\n')
}

// selectorListSchema is a list of rule selectors. The names are not an
// enum: a prefix such as DL30 is valid too.
func selectorListSchema(pool []*rules.Rule, d string) map[string]any {
	examples := append(ruleNames(pool), rules.SelectorNames(pool)...)
	return map[string]any{
		"description": d,
		"type":        []string{"array", "null"},
		"items":       map[string]any{"type": "string", "minLength": 1, "examples": examples},
	}
}

// imageSchema is the schema of one `images:` entry.
func imageSchema() map[string]any {
	str := func(d string) map[string]any { return map[string]any{"type": "string", "description": d} }
	list := func(d string) map[string]any {
		return map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": d}
	}
	return map[string]any{
		"type":                 "object",
		"required":             []string{"image"},
		"additionalProperties": false,
		"properties": map[string]any{
			"image":       str("Image name, without tag; a path.Match pattern such as ghcr.io/acme/* matches a family."),
			"tags":        list("Tag patterns this entry covers (path.Match); default every tag."),
			"product":     str("What the image runs, for messages (\"PostgreSQL\")."),
			"source":      str("Where the facts come from; default this file."),
			"user":        str("The USER the image runs as; empty or root for root."),
			"uid":         map[string]any{"type": "integer", "description": "That user's numeric UID."},
			"shell":       map[string]any{"enum": imageShells, "description": "What /bin/sh is: dash never execs the last command of sh -c; ash and bash (5.1+) do; bash-old only a lone command; none: no shell."},
			"expose":      list("Ports the image EXPOSEs (\"5432\", \"53/udp\")."),
			"entrypoint":  list("The image's ENTRYPOINT, in exec form."),
			"cmd":         list("The image's CMD, in exec form."),
			"drops_to":    str("The user the image's entrypoint switches to when started as root."),
			"drop_tool":   str("The program it switches with (gosu, su-exec, setpriv, s6-setuidgid)."),
			"workers":     str("For servers whose master stays root by design: the user its workers run as."),
			"init":        str("The init the image's entrypoint runs as PID 1 (tini, dumb-init, s6-overlay)."),
			"user_tool":   map[string]any{"enum": []string{"useradd", "adduser"}, "description": "How to create users in the image."},
			"base":        map[string]any{"type": "boolean", "description": "The image runs no application of its own (a shell or language prompt)."},
			"app_user":    str("The unprivileged user the image creates for its application."),
			"healthcheck": map[string]any{"type": "boolean", "description": "The image sets a HEALTHCHECK of its own (true), or none (false)."},
			"accounts": map[string]any{
				"type":        "array",
				"description": "Users the image has, with their IDs.",
				"items": map[string]any{
					"type": "object", "required": []string{"name", "uid", "gid"}, "additionalProperties": false,
					"properties": map[string]any{"name": map[string]any{"type": "string"}, "uid": map[string]any{"type": "integer"}, "gid": map[string]any{"type": "integer"}},
				},
			},
		},
	}
}

func withDescription(m map[string]any, d string) map[string]any {
	m["description"] = d
	return m
}

func offNote(r *rules.Rule) string {
	if r.DefaultOff {
		return ", off unless enabled"
	}
	return ""
}

func fieldSchema(f optionField) map[string]any {
	scalar := func(t reflect.Type) map[string]any {
		switch t.Kind() {
		case reflect.Bool:
			return map[string]any{"type": "boolean"}
		case reflect.String:
			return map[string]any{"type": "string"}
		}
		return map[string]any{"type": "integer"}
	}
	var s map[string]any
	if f.typ.Kind() == reflect.Slice {
		items := scalar(f.typ.Elem())
		if f.typ.Elem().Kind() == reflect.String {
			items = map[string]any{"type": []string{"string", "integer"}}
		}
		s = map[string]any{"type": []string{"array", "null"}, "items": items}
	} else {
		s = scalar(f.typ)
	}
	if f.doc != "" {
		s["description"] = f.doc
	}
	return s
}

// DefaultConfig returns a commented .dlint.yaml with every setting at its
// default and every rule of pool listed (commented out) with its default
// level and options.
func DefaultConfig(pool []*rules.Rule) string {
	var b strings.Builder
	b.WriteString(`# yaml-language-server: $schema=` + SchemaURL + `
#
# dlint configuration. dlint uses the nearest .dlint.yaml found in the
# directories above each linted file, up to the repository root (the directory
# that holds .git); the nearest file applies whole. Command-line flags
# (--select, --extend-select, --ignore, --fail-level, --min-severity, --max-file-size) override
# it.

# Lowest severity that makes dlint exit 1: error, warning, info, style, none.
fail-level: warning

# Hide findings below this severity: error, warning, info, style.
min-severity: style

# Report "# dlint ignore=" comments and baseline entries that silence nothing.
report-unused-ignores: false

# Largest file dlint reads, in bytes or with a unit B, KB, KiB, MB or MiB (KB =
# 1000 bytes, KiB = 1024). A parsed file takes 20 to 40 times its size in
# memory; the most allowed is ` + FormatSize(MaxFileSizeCap) + `.
max-file-size: ` + strings.ReplaceAll(FormatSize(DefaultMaxFileSize), " ", "") + `

# Files and directories dlint does not lint, relative to this file. "**"
# matches any number of directories; a pattern without a slash matches a name
# at any depth, as in .gitignore.
ignore-paths:
  # - vendor/**
  # - testdata

# Registries base images may come from; empty allows any. An entry is a
# registry (docker.io, ghcr.io), a registry with a repository prefix
# (ghcr.io/acme) or a wildcard domain (*.dkr.ecr.eu-west-1.amazonaws.com).
trusted-registries:
  # - docker.io
  # - ghcr.io/acme

# Labels every image must carry, and the type of each value: text, url,
# semver, email, rfc3339, spdx or hash (a git commit). Rules label-missing,
# label-empty and label-value-type check them; label-not-in-schema (strict)
# reports the labels not listed.
label-schema:
  # org.opencontainers.image.source: url
  # org.opencontainers.image.version: semver

# Your own base images and what they bring, so rules judge what runs on them
# (` + "`dlint image NAME`" + ` shows what dlint knows). Fields: image, tags, user, uid,
# shell (dash, ash, bash, bash-old, none), expose, entrypoint, cmd, drops_to,
# drop_tool, workers, init, user_tool, base, app_user, accounts, healthcheck.
images:
  # - {image: ghcr.io/acme/runtime, user: "10001", shell: ash}

# Which rules run, as ruff selects them: by ID, alias (DL3008), group
# (default, pinning, style, strict), tag (security), prefix (DL30) or ALL.
# select replaces the default set, extend-select adds to it, ignore removes;
# where two disagree the more specific wins (an ID beats a prefix, a prefix a
# group or tag). The rules below and --select/--extend-select/--ignore on the
# command line come after.
select:
  # - default
extend-select:
  # - pinning
ignore:
  # - DL3059

# Per rule, by ID or alias (DL3002 is root-user): off, on, or a severity
# (error, warning, info, style) that replaces the rule's own. Rules with
# options take a mapping of severity and options. The list shows each rule at
# its default.
rules:
`)
	sorted := append([]*rules.Rule(nil), pool...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, r := range sorted {
		level := r.Severity.String()
		if r.DefaultOff {
			level = "off"
		}
		fields := []optionField(nil)
		if r.Options != nil {
			fields = optionFields(r.Options())
		}
		if len(fields) == 0 {
			fmt.Fprintf(&b, "  # %s: %s  # %s\n", r.ID, level, r.Summary)
			continue
		}
		fmt.Fprintf(&b, "  # %s:  # %s\n  #   severity: %s\n", r.ID, r.Summary, level)
		v := reflect.ValueOf(r.Options()).Elem()
		for _, f := range fields {
			if f.doc != "" {
				fmt.Fprintf(&b, "  #   # %s\n", f.doc)
			}
			fmt.Fprintf(&b, "  #   %s: %s\n", f.name, yamlValue(v.FieldByIndex(f.index)))
		}
	}
	b.WriteString(`
# Settings for some files only, with globs relative to this file. Entries
# apply in order after the rules above; a later entry wins.
overrides:
  # - files: ["tests/**", "examples/**"]
  #   rules:
  #     root-user: off
`)
	return b.String()
}

// yamlValue writes an option value in YAML flow style.
func yamlValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = yamlValue(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.String:
		s := v.String()
		if s == "" || strings.ContainsAny(s, ":#,[]{}&*!|>'\"%@` ") {
			out, _ := json.Marshal(s)
			return string(out)
		}
		return s
	}
	return fmt.Sprint(v.Interface())
}

// aliasSchema describes an alias: as its rule, or, for a peer code several
// rules share, as a level that sets all of them.
func aliasSchema(pool []*rules.Rule, alias string) map[string]any {
	found := rules.LookupAlias(pool, alias)
	if len(found) == 1 {
		return map[string]any{"$ref": "#/$defs/rule-" + found[0].ID, "description": "alias of " + found[0].ID}
	}
	ids := make([]string, len(found))
	for i, r := range found {
		ids[i] = r.ID
	}
	return map[string]any{"$ref": "#/$defs/level", "description": "alias of " + strings.Join(ids, " and ")}
}
