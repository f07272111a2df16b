package parser

import "strings"

// JobPIDVar returns the variable the script saves a background job's PID
// in (`server & pid=$!`): one set to `$!` after the job and before the
// next background command; "" when none is.
func (s *Script) JobPIDVar(job *Command) string {
	at, next := -1, len(s.Commands)
	for i, c := range s.Commands {
		switch {
		case c == job:
			at = i
		case at >= 0 && c.Background:
			next = i
		}
		if at >= 0 && next < len(s.Commands) {
			break
		}
	}
	if at < 0 {
		return ""
	}
	for _, v := range s.Sets {
		if v.Value == nil || v.Value.Literal || v.Before <= at || v.Before > next {
			continue
		}
		switch strings.Trim(v.Value.Lit, `"`) {
		case "$!", "${!}":
			return v.Name
		}
	}
	return ""
}

// ParamNames lists the variables a word expands by name (`$pid`,
// `"${PID}"`, `${pid:-0}`); special parameters ($!, $$, $1) are left out.
func (w *Word) ParamNames() []string {
	if w == nil || w.Literal {
		return nil
	}
	var out []string
	s := w.Lit
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			continue
		}
		j := i + 1
		if s[j] == '{' {
			j++
		}
		k := j
		for k < len(s) && (s[k] == '_' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || k > j && s[k] >= '0' && s[k] <= '9') {
			k++
		}
		if k > j {
			out = append(out, s[j:k])
		}
		i = max(k, j) - 1
	}
	return out
}
