package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// client drives a real server over pipes, as an editor would.
type client struct {
	t      testing.TB
	conn   *conn
	nextID int
	done   chan error

	mu        sync.Mutex
	responses map[string]chan *message
	diags     chan publishDiagnosticsParams
	watchers  []string // glob patterns the server registered
}

func startSession(t *testing.T, root string, caps ...map[string]any) *client {
	t.Helper()
	return startSessionDebounce(t, root, 20*time.Millisecond, caps...)
}

func startSessionDebounce(t testing.TB, root string, debounce time.Duration, caps ...map[string]any) *client {
	t.Helper()
	toServer, fromClient := io.Pipe()
	toClient, fromServer := io.Pipe()
	c := &client{t: t, conn: newConn(toClient, fromClient), done: make(chan error, 1),
		responses: map[string]chan *message{}, diags: make(chan publishDiagnosticsParams, 100)}
	go func() {
		c.done <- Serve(toServer, fromServer, Options{Debounce: debounce, Version: "test"})
		_ = fromServer.Close()
	}()
	go c.readLoop()
	t.Cleanup(func() { _ = fromClient.Close() })
	capabilities := map[string]any{}
	if len(caps) > 0 {
		capabilities = caps[0]
	}
	var res initializeResult
	c.call("initialize", map[string]any{"processId": nil, "rootUri": pathToURI(root), "capabilities": capabilities}, &res)
	if res.Capabilities.PositionEncoding != "utf-16" || !res.Capabilities.HoverProvider {
		t.Fatalf("capabilities: %+v", res.Capabilities)
	}
	c.notify("initialized", map[string]any{})
	return c
}

func (c *client) readLoop() {
	for {
		body, err := c.conn.read()
		if err != nil {
			close(c.diags)
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent bad JSON: %v", err)
			continue
		}
		switch m.Method {
		case "textDocument/publishDiagnostics":
			var p publishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Errorf("bad publishDiagnostics: %v", err)
			}
			c.diags <- p
		case "client/registerCapability":
			var p registrationParams
			var opts struct {
				Watchers []fileSystemWatcher `json:"watchers"`
			}
			_ = json.Unmarshal(m.Params, &p)
			for _, r := range p.Registrations {
				b, _ := json.Marshal(r.RegisterOptions)
				_ = json.Unmarshal(b, &opts)
			}
			c.mu.Lock()
			for _, w := range opts.Watchers {
				c.watchers = append(c.watchers, w.GlobPattern)
			}
			c.mu.Unlock()
			_ = c.conn.reply(m.ID, nil, nil)
		case "":
			c.mu.Lock()
			ch := c.responses[string(m.ID)]
			c.mu.Unlock()
			if ch != nil {
				ch <- &m
			}
		}
	}
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	c.nextID++
	id := fmt.Sprint(c.nextID)
	ch := make(chan *message, 1)
	c.mu.Lock()
	c.responses[id] = ch
	c.mu.Unlock()
	raw, _ := json.Marshal(params)
	if err := c.conn.write(&message{ID: json.RawMessage(id), Method: method, Params: raw}); err != nil {
		c.t.Fatal(err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			c.t.Fatalf("%s: %v", method, m.Error)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s result %s: %v", method, m.Result, err)
			}
		}
	case <-time.After(30 * time.Second):
		c.t.Fatalf("%s: no response", method)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.notify(method, params); err != nil {
		c.t.Fatal(err)
	}
}

// waitDiagnostics returns the next diagnostics published for path that
// satisfy ok.
func (c *client) waitDiagnostics(path string, ok func([]diagnostic) bool) []diagnostic {
	c.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case p, open := <-c.diags:
			if !open {
				c.t.Fatal("server closed the stream")
			}
			if uriToPath(p.URI) == path && ok(p.Diagnostics) {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics as wanted for %s", path)
		}
	}
}

func (c *client) open(path, text string) {
	c.notify("textDocument/didOpen", didOpenTextDocumentParams{TextDocument: textDocumentItem{URI: pathToURI(path), LanguageID: "dockerfile", Version: 1, Text: text}})
}

func (c *client) change(path string, version int, text string) {
	c.notify("textDocument/didChange", didChangeTextDocumentParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: pathToURI(path), Version: version},
		ContentChanges: []textDocumentContentChangeEvent{{Text: text}},
	})
}

func (c *client) close() {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Fatalf("Serve after exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		c.t.Fatal("server did not exit")
	}
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func codes(diags []diagnostic) string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%d:%d-%d:%d %s", d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, d.Code))
	}
	return strings.Join(out, ", ")
}

func has(diags []diagnostic, code string) bool {
	return strings.Contains(" "+codes(diags)+",", " "+code+",")
}

func TestSession(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Dockerfile":   "FROM debian:12\nUSER 1000\n",
		"compose.yaml": "services:\n  app:\n    build: .\n",
	})
	dockerfile, compose := filepath.Join(root, "Dockerfile"), filepath.Join(root, "compose.yaml")
	c := startSession(t, root)

	// The unsaved text is linted, not the disk's, with the compose file's view.
	unsaved := "FROM debian:12\nMAINTAINER x\nCMD [\"sleep\", \"1\"]\n"
	c.open(dockerfile, unsaved)
	diags := c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "maintainer-deprecated") })
	if !has(diags, "missing-user") || !strings.Contains(codes(diags), "1:0-1:10 maintainer-deprecated") {
		t.Fatalf("diagnostics: %s", codes(diags))
	}

	// Editing the compose file re-publishes the Dockerfile's diagnostics.
	composeText := "services:\n  app:\n    build: .\n"
	c.open(compose, composeText)
	c.change(compose, 2, composeText+"    user: \"1000:1000\"\n")
	diags = c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return !has(d, "missing-user") })
	if !has(diags, "maintainer-deprecated") {
		t.Fatalf("after the compose edit: %s", codes(diags))
	}

	// Code actions: the fix, and the ignore comments.
	var actions []codeAction
	c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)},
		Range:        textRange{Start: textPosition{1, 3}, End: textPosition{1, 3}},
	}, &actions)
	byTitle := map[string]codeAction{}
	for _, a := range actions {
		byTitle[a.Title] = a
	}
	fixAction, ok := byTitle["dlint: replace MAINTAINER with LABEL org.opencontainers.image.authors"]
	if !ok || !fixAction.IsPreferred || fixAction.Kind != kindQuickFix {
		t.Fatalf("no safe quick fix among %v", titles(actions))
	}
	if e := fixAction.Edit.Changes[pathToURI(dockerfile)]; len(e) != 1 || e[0].NewText != `LABEL org.opencontainers.image.authors="x"` || e[0].Range != (textRange{textPosition{1, 0}, textPosition{1, 12}}) {
		t.Errorf("fix edit: %+v", e)
	}
	ignore, ok := byTitle["dlint: ignore maintainer-deprecated on this line"]
	if e := ignore.Edit.Changes[pathToURI(dockerfile)]; !ok || len(e) != 1 || e[0].NewText != "# dlint ignore=maintainer-deprecated\n" || e[0].Range.Start != (textPosition{1, 0}) {
		t.Errorf("ignore action: %+v", ignore)
	}
	if _, ok := byTitle["dlint: ignore maintainer-deprecated in this file"]; !ok {
		t.Errorf("no file-wide ignore among %v", titles(actions))
	}
	if _, ok := byTitle["dlint: fix the safe problem in this file"]; !ok {
		t.Errorf("no fix-all among %v", titles(actions))
	}
	// Not on the finding's line: no quick fix of it.
	c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)},
		Range:        textRange{Start: textPosition{2, 0}, End: textPosition{2, 0}},
		Context:      codeActionContext{Only: []string{kindQuickFix}},
	}, &actions)
	if len(actions) != 0 {
		t.Errorf("actions on a clean line: %v", titles(actions))
	}

	// hover: the rule's documentation on a finding, the image's facts on FROM.
	var h *hover
	c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)}, Position: textPosition{1, 2}}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "**maintainer-deprecated**") || strings.Contains(h.Contents.Value, "user:") {
		t.Errorf("hover on the finding: %+v", h)
	}
	c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)}, Position: textPosition{0, 7}}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "image:       debian:12") || !strings.Contains(h.Contents.Value, "source:") {
		t.Errorf("hover on FROM: %+v", h)
	}
	h = nil
	c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)}, Position: textPosition{2, 2}}, &h)
	if h != nil {
		t.Errorf("hover on a clean CMD line: %+v", h)
	}

	// Fixing the problem clears its diagnostics.
	c.change(dockerfile, 2, "FROM debian:12\nLABEL org.opencontainers.image.authors=\"x\"\nCMD [\"sleep\", \"1\"]\n")
	c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return len(d) == 0 })
	c.close()
}

// Protocol columns count UTF-16 code units: the whale is one character to
// dlint, two to the editor, four bytes on disk.
func TestSessionUTF16Positions(t *testing.T) {
	root := writeTree(t, map[string]string{"Dockerfile": "FROM debian:12\nUSER 1000\n"})
	dockerfile := filepath.Join(root, "Dockerfile")
	c := startSession(t, root)
	c.open(dockerfile, "FROM debian:12\nRUN echo \"🐳é\" && apt-get install curl\nUSER 1000\n")
	diags := c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "apt-get-missing-yes") })
	// "install" is rune column 26 (0-based 25); after the whale, character 26.
	if !strings.Contains(codes(diags), "1:26-1:33 apt-get-missing-yes") {
		t.Fatalf("positions: %s", codes(diags))
	}
	var actions []codeAction
	c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)},
		Range:        textRange{Start: textPosition{1, 27}, End: textPosition{1, 27}},
	}, &actions)
	if len(actions) == 0 {
		t.Errorf("no action at the UTF-16 position of the finding")
	}
	c.close()
}

func titles(actions []codeAction) []string {
	var out []string
	for _, a := range actions {
		out = append(out, a.Title)
	}
	return out
}

// applyTextEdits applies one document's edits, given in protocol
// positions, to text.
func applyTextEdits(t *testing.T, text string, edits []textEdit) string {
	t.Helper()
	offset := func(p textPosition) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < p.Line && i < len(lines); i++ {
			off += len(lines[i])
		}
		units := 0
		for i, r := range text[off:] {
			if units >= p.Character || r == '\n' {
				return off + i
			}
			units += utf16Len(r)
		}
		return len(text)
	}
	for i := len(edits) - 1; i >= 0; i-- { // the server sends them in order
		e := edits[i]
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

// A file not yet saved is linted; fix-all rewrites it with every safe fix
// and nothing else.
func TestSessionUnsavedFileAndFixAll(t *testing.T) {
	root := writeTree(t, map[string]string{})
	dockerfile := filepath.Join(root, "Dockerfile")
	c := startSession(t, root)
	text := "FROM debian:12\nMAINTAINER 🐳 x\nUSER 1000\nRUN apt-get install -y curl\n"
	c.open(dockerfile, text)
	c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "maintainer-deprecated") })
	var actions []codeAction
	c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)},
		Context:      codeActionContext{Only: []string{kindFixAll}},
	}, &actions)
	if len(actions) != 1 || actions[0].Kind != kindFixAll {
		t.Fatalf("fix-all: %v", titles(actions))
	}
	fixed := applyTextEdits(t, text, actions[0].Edit.Changes[pathToURI(dockerfile)])
	if !strings.Contains(fixed, "LABEL org.opencontainers.image.authors=\"🐳 x\"\n") || !strings.HasPrefix(fixed, "FROM debian:12\n") || !strings.HasSuffix(fixed, "USER 1000\nRUN apt-get install -y curl\n") {
		t.Errorf("fixed text:\n%s", fixed)
	}

	// Once the text changed, the old findings' edits are not offered.
	c.change(dockerfile, 2, "# a comment\n"+text)
	c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: pathToURI(dockerfile)},
		Range:        textRange{Start: textPosition{1, 0}, End: textPosition{1, 0}},
	}, &actions)
	for _, a := range actions {
		for _, edits := range a.Edit.Changes {
			if strings.Contains(applyTextEdits(t, "# a comment\n"+text, edits), "# dlint ignore=maintainer-deprecated\nFROM") {
				t.Errorf("stale edit offered: %s", a.Title)
			}
		}
	}
	c.close()
}

// A .dlint.yaml changed on disk is read again when the client reports it;
// the server asks for those reports only from a client that can send them.
func TestSessionConfigChange(t *testing.T) {
	root := writeTree(t, map[string]string{"Dockerfile": "FROM debian:12\nMAINTAINER x\nUSER 1000\n"})
	dockerfile := filepath.Join(root, "Dockerfile")
	c := startSession(t, root, map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	c.open(dockerfile, "FROM debian:12\nMAINTAINER x\nUSER 1000\n")
	c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "maintainer-deprecated") })
	c.mu.Lock()
	watched := strings.Join(c.watchers, " ")
	c.mu.Unlock()
	if !strings.Contains(watched, "**/.dlint.yaml") {
		t.Errorf("watchers: %q", watched)
	}
	if err := os.WriteFile(filepath.Join(root, ".dlint.yaml"), []byte("rules:\n  maintainer-deprecated: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": pathToURI(filepath.Join(root, ".dlint.yaml")), "type": 1}}})
	c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return len(d) == 0 })
	c.close()

	c = startSession(t, root)
	c.open(dockerfile, "FROM debian:12\nCMD [\"sleep\", \"1\"]\n")
	c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "missing-user") })
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.watchers) > 0 {
		t.Errorf("watchers registered with a client that cannot: %q", c.watchers)
	}
}

// The entrypoint script a Dockerfile starts is linked with its unsaved
// text, and so is the Dockerfile when the script is edited.
func TestSessionEntrypointScript(t *testing.T) {
	root := writeTree(t, map[string]string{
		"Dockerfile":           "FROM python:3.13-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"gunicorn\", \"app:wsgi\"]\nUSER 10001\n",
		"docker-entrypoint.sh": "#!/bin/sh\nset -e\nexec \"$@\"\n",
	})
	script := filepath.Join(root, "docker-entrypoint.sh")
	c := startSession(t, root)
	c.open(script, "#!/bin/sh\nset -e\npython manage.py migrate --noinput\n\"$@\"\n")
	diags := c.waitDiagnostics(script, func(d []diagnostic) bool { return has(d, "entrypoint-script-missing-exec") })
	if !strings.Contains(codes(diags), "3:0-") {
		t.Errorf("script diagnostics: %s", codes(diags))
	}
	c.change(script, 2, "#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec \"$@\"\n")
	c.waitDiagnostics(script, func(d []diagnostic) bool { return len(d) == 0 })
	c.close()
}
