package rules

import (
	"fmt"
	"strings"
)

// ExposeProtoCasing reports `EXPOSE 53/UDP`: Docker writes protocols in
// lower case.
var ExposeProtoCasing = &Rule{
	ID:       "expose-proto-casing",
	Aliases:  []string{"ExposeProtoCasing"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "An EXPOSE protocol is not in lower case",
	Doc: mdDoc(`## Why
The image config lists exposed ports as §80/tcp§ and §53/udp§; §EXPOSE 53/UDP§ is
accepted, but reads unlike every other place a port is written (compose
files, §docker ps§). The fix lower-cases the protocol. As BuildKit's
ExposeProtoCasing.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
EXPOSE 53/UDP
§§§

## Good
§§§dockerfile
EXPOSE 53/udp
§§§

## Silence
§# dlint ignore=expose-proto-casing§ above the EXPOSE.`),
	Check: checkExposeProtoCasing,
}

func checkExposeProtoCasing(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	seen := map[string]bool{}
	for _, st := range df.Stages {
		for _, p := range st.Expose {
			_, proto, ok := strings.Cut(p.Value, "/")
			if !ok || proto == strings.ToLower(proto) {
				continue
			}
			key := fmt.Sprint(p.Range)
			if seen[key] {
				continue // one word holding several ports
			}
			seen[key] = true
			var fix *Fix
			if !strings.Contains(p.Raw, "$") {
				fix = &Fix{Description: "lower-case the protocol", Edits: []Edit{{Range: p.Range, NewText: strings.ToLower(p.Raw)}}}
			}
			pass.ReportFix(p.Range, fmt.Sprintf("protocol '%s' of EXPOSE %s is not in lower case; write %s, as the image config and compose do", proto, p.Raw, strings.ToLower(p.Value)), fix)
		}
	}
}
