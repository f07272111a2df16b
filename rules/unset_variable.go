package rules

import "fmt"

// UnsetVariable reports the variables a compose file uses that nothing
// dlint reads sets.
var UnsetVariable = &Rule{
	ID:       "unset-variable",
	Severity: Info,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "A compose file uses a variable that no .env, --env-file or --env sets, so Compose makes it blank",
	Doc: `## Why
Compose interpolates ` + "`${VAR}`" + ` and ` + "`$VAR`" + ` from the shell's environment and the
project's ` + "`.env`" + `. An unset variable becomes an empty string, with a warning
(` + "`The \"VAR\" variable is not set. Defaulting to a blank string.`" + `), and a value
such as ` + "`${DATA_DIR}:/data`" + ` becomes ` + "`:/data`" + `, which Compose then refuses.
` + "`${VAR:?message}`" + ` stops Compose when VAR is unset.

dlint never reads its own environment, so that results do not depend on the
shell that runs it: it interpolates like Compose with blanks, keeps an item that
only a blank makes invalid as written, and reports each unset variable once per
file, at its first use. When CI knows the real values, pass them with
` + "`--env-file FILE`" + ` or ` + "`--env KEY=VALUE`" + `.

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app
    volumes:
      - ${DATA_DIR}:/data
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app
    volumes:
      - ${DATA_DIR:-./data}:/data
` + "```" + `

## Silence
Set the variable in ` + "`.env`" + `, with ` + "`--env-file`" + ` or ` + "`--env`" + `, give it a default, or
write ` + "`unset-variable: off`" + ` in .dlint.yaml.`,
	Check: checkUnsetVariable,
}

func checkUnsetVariable(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	for _, u := range pass.Compose.Unset {
		what := "Compose makes it blank and warns"
		if u.Required {
			what = fmt.Sprintf("Compose stops, as the file requires it (`${%s%s…}`)", u.Name, u.Operator)
		}
		more := ""
		if u.Uses > 1 {
			more = fmt.Sprintf(" (used %d times in this file)", u.Uses)
		}
		pass.Report(u.Range, fmt.Sprintf("variable %s is not set%s: %s; set it in .env, or pass --env-file or --env %s=… to lint with its value", u.Name, more, what, u.Name))
	}
}
