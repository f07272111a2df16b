package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/parser"
)

// raw feeds the server a fixed stream and returns what it wrote.
func raw(t *testing.T, msgs ...string) (string, error) {
	t.Helper()
	var in bytes.Buffer
	for _, m := range msgs {
		in.WriteString("Content-Length: ")
		in.WriteString(itoa(len(m)))
		in.WriteString("\r\n\r\n")
		in.WriteString(m)
	}
	var out bytes.Buffer
	err := Serve(&in, &out, Options{})
	return out.String(), err
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestProtocolErrors(t *testing.T) {
	out, err := raw(t,
		`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"rootUri":null,"capabilities":{}}}`,
		`{"jsonrpc":"2.0","id":3,"method":"textDocument/definition","params":{}}`,
		`{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":"nonsense"}`,
		`{not json`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	)
	if err == nil {
		t.Error("exit before shutdown: want an error")
	}
	for _, want := range []string{`"id":1,"error":{"code":-32002`, `"id":2,"result":{"capabilities"`, `"id":3,"error":{"code":-32601`, `"id":4,"error":{"code":-32602`, `"error":{"code":-32700`} {
		if !strings.Contains(out, want) {
			t.Errorf("want %s in:\n%s", want, out)
		}
	}
	if _, err := raw(t); !errors.Is(err, ErrNoExit) {
		t.Errorf("closed stream: %v", err)
	}
	if err := Serve(strings.NewReader("Content-Length: x\r\n\r\n"), io.Discard, Options{}); !errors.Is(err, errFraming) {
		t.Errorf("bad header: %v", err)
	}
}

func TestPositionsRoundTrip(t *testing.T) {
	src := parser.NewSource("f", []byte("a🐳é b\nx\n"))
	for col, want := range []int{0, 1, 3, 4, 5, 6} { // a, 🐳, é, space, b, end
		if got := toPosition(src, parser.Pos{Line: 1, Col: col + 1}); got != (textPosition{0, want}) {
			t.Errorf("col %d: %+v, want character %d", col+1, got, want)
		}
	}
	if got := toPosition(src, parser.Pos{Line: 1, Col: 5}); got != (textPosition{0, 5}) {
		t.Errorf("after the whale and é: %+v", got)
	}
	for _, p := range []string{"/tmp/a b/Dockerfile", "/x/ü#1/compose.yaml"} {
		if got := uriToPath(pathToURI(p)); got != filepath.Clean(p) {
			t.Errorf("uri round trip of %s: %s (%s)", p, got, pathToURI(p))
		}
	}
	if uriToPath("untitled:Untitled-1") != "" {
		t.Error("a non-file URI names a path")
	}
}
