package rules

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// LabelType is the type of a label's value in label-schema.
type LabelType string

// The label value types label-schema accepts.
const (
	LabelText    LabelType = "text"
	LabelURL     LabelType = "url"
	LabelSemver  LabelType = "semver"
	LabelEmail   LabelType = "email"
	LabelRFC3339 LabelType = "rfc3339"
	LabelSPDX    LabelType = "spdx"
	LabelHash    LabelType = "hash"
)

var labelTypes = []LabelType{LabelText, LabelURL, LabelSemver, LabelEmail, LabelRFC3339, LabelSPDX, LabelHash}

// labelTypeWants says, for a message, what a value of each type looks like.
var labelTypeWants = map[LabelType]string{
	LabelURL:     "an absolute URL such as https://github.com/acme/app",
	LabelSemver:  "a semantic version such as 1.4.2 or 2.0.0-rc.1",
	LabelEmail:   "one email address such as team@example.com or Team <team@example.com>",
	LabelRFC3339: "an RFC 3339 time such as 2024-05-01T12:00:00Z",
	LabelSPDX:    "an SPDX license expression such as MIT or Apache-2.0 OR MIT",
	LabelHash:    "a git commit hash (7 to 40 hex digits, or 64)",
}

// ParseLabelType reads a type name of label-schema.
func ParseLabelType(name string) (LabelType, bool) {
	for _, t := range labelTypes {
		if strings.EqualFold(name, string(t)) {
			return t, true
		}
	}
	return "", false
}

// LabelTypeNameList lists the type names label-schema accepts.
func LabelTypeNameList() []string {
	out := make([]string, len(labelTypes))
	for i, t := range labelTypes {
		out[i] = string(t)
	}
	return out
}

// LabelTypeNames is LabelTypeNameList for a message.
func LabelTypeNames() string { return strings.Join(LabelTypeNameList(), ", ") }

var (
	semverRe  = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)
	hashRe    = regexp.MustCompile(`^([0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$`)
	spdxIDRe  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]*\+?$`)
	spdxOpRe  = regexp.MustCompile(`^(AND|OR|WITH)$`)
	spdxToken = regexp.MustCompile(`\(|\)|[^\s()]+`)
)

// labelValueValid reports whether value is of type t.
func labelValueValid(t LabelType, value string) bool {
	switch t {
	case LabelURL:
		u, err := url.Parse(value)
		return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
	case LabelSemver:
		return semverRe.MatchString(value)
	case LabelEmail:
		_, err := mail.ParseAddress(value) // one mailbox: bare, or with a display name
		return err == nil
	case LabelRFC3339:
		_, err := time.Parse(time.RFC3339Nano, value)
		return err == nil
	case LabelSPDX:
		return spdxExpression(value)
	case LabelHash:
		return hashRe.MatchString(value)
	}
	return true
}

// spdxExpression checks the syntax of an SPDX license expression: license
// ids (and LicenseRef-…) joined by AND, OR and WITH, with parentheses. It
// does not check the ids against SPDX's list, so a misspelt id passes.
func spdxExpression(s string) bool {
	tokens := spdxToken.FindAllString(s, -1)
	depth, wantID := 0, true
	for _, tok := range tokens {
		switch {
		case tok == "(":
			if !wantID {
				return false
			}
			depth++
		case tok == ")":
			if wantID || depth == 0 {
				return false
			}
			depth--
		case spdxOpRe.MatchString(tok):
			if wantID {
				return false
			}
			wantID = true
		case spdxIDRe.MatchString(tok) && strings.ContainsAny(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
			if !wantID {
				return false
			}
			wantID = false
		default:
			return false
		}
	}
	return len(tokens) > 0 && !wantID && depth == 0
}
