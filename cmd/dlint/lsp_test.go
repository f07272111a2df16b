package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func framed(msgs ...string) *bytes.Buffer {
	var b bytes.Buffer
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return &b
}

func TestLSPCommand(t *testing.T) {
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":null,"capabilities":{}}}`
	cases := []struct {
		name   string
		args   []string
		in     *bytes.Buffer
		status int
		out    string
		errOut string
	}{
		{"session", []string{"lsp"}, framed(initialize, `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`, `{"jsonrpc":"2.0","method":"exit"}`), 0, `"serverInfo":{"name":"dlint"`, ""},
		{"exit without shutdown", []string{"lsp"}, framed(initialize, `{"jsonrpc":"2.0","method":"exit"}`), 1, `"id":1`, "exit before shutdown"},
		{"stream closed", []string{"lsp"}, framed(initialize), 1, `"id":1`, "without shutdown and exit"},
		{"bad flag", []string{"lsp", "--select", "nope"}, framed(), 2, "", `--select: unknown rule`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := Main(c.args, c.in, &stdout, &stderr); got != c.status {
				t.Errorf("status %d, want %d (stderr %q)", got, c.status, stderr.String())
			}
			if !strings.Contains(stdout.String(), c.out) || c.out == "" && stdout.Len() > 0 {
				t.Errorf("stdout %q, want %q", stdout.String(), c.out)
			}
			if !strings.Contains(stderr.String(), c.errOut) || c.errOut == "" && stderr.Len() > 0 {
				t.Errorf("stderr %q, want %q", stderr.String(), c.errOut)
			}
		})
	}
}
