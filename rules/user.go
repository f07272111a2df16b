package rules

import (
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// cutUser splits "user:group".
func cutUser(s string) (user, group string, hasGroup bool) {
	return strings.Cut(strings.TrimSpace(s), ":")
}

func isRootName(name string) bool { return parser.IsRootUser(name) }

func joinUser(name, group string) string {
	if group == "" {
		return name
	}
	return name + ":" + group
}
