package rules

import (
	"fmt"
	"strings"
)

// InstructionCasing reports keywords whose casing differs from the
// file's majority, and mixed-case keywords (`Run`).
var InstructionCasing = &Rule{
	ID:       "instruction-casing",
	Aliases:  []string{"ConsistentInstructionCasing"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "An instruction keyword is not in the casing most of the file's keywords use",
	Doc: mdDoc(`## Why
Keywords are case-insensitive, so §run§ and §RUN§ build the same; a file that
mixes them reads as pasted together. The file's casing is that of most of its
all-upper or all-lower keywords (upper case on a tie); a keyword in mixed case
(§Run§) is always reported. The fix rewrites the keyword.

As BuildKit's ConsistentInstructionCasing, with one difference: ARGs before the
first FROM count and are checked too (BuildKit skips them).`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM alpine:3.20
run apk add --no-cache curl
§§§

## Good
§§§dockerfile
FROM alpine:3.20
RUN apk add --no-cache curl
§§§

## Silence
§# dlint ignore=instruction-casing§ above the line; §# check=skip=ConsistentInstructionCasing§
works too.`),
	Check: checkInstructionCasing,
}

func checkInstructionCasing(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	lower, upper := 0, 0
	for _, in := range df.Instructions {
		switch kw := in.KeywordText(); kw {
		case strings.ToLower(kw):
			lower++
		case strings.ToUpper(kw):
			upper++
		}
	}
	wantLower := lower > upper
	for _, in := range df.Instructions {
		kw := in.KeywordText()
		want, casing := strings.ToUpper(kw), "upper"
		if wantLower {
			want, casing = strings.ToLower(kw), "lower"
		}
		if kw == want {
			continue
		}
		msg := fmt.Sprintf("'%s' is not in %s case like most keywords of this file; write '%s'", kw, casing, want)
		if kw != strings.ToLower(kw) && kw != strings.ToUpper(kw) {
			msg = fmt.Sprintf("'%s' mixes upper and lower case; write '%s', the casing of most keywords of this file", kw, want)
		}
		pass.ReportFix(in.KeywordRange(), msg, keywordFix(in, want, "write "+want))
	}
}
