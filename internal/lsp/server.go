// Package lsp is dlint's language server: the findings of the files an
// editor has open, computed from their unsaved text with the workspace
// linked as on the command line, their fixes and ignore comments as code
// actions, and rule and image documentation on hover.
package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// DefaultDebounce is how long the server waits after a change before it
// lints: typing a word should cost one lint, not one per key.
const DefaultDebounce = 200 * time.Millisecond

// Options configures a server.
type Options struct {
	Version  string        // reported to the client
	Debounce time.Duration // 0: DefaultDebounce
	// Lint is the base of every run's options (configuration, selection);
	// the server sets Paths and Overlay.
	Lint lint.Options
	// Log receives what the server cannot tell the client (nil: discarded).
	Log io.Writer
}

// Server is one language server session.
type Server struct {
	opts Options
	conn *conn

	mu          sync.Mutex
	initialized bool
	canWatch    bool // the client registers file watchers on request
	shutdown    bool
	roots       []string             // workspace folders, absolute
	docs        map[string]*document // open documents, by absolute path
	snap        *snapshot            // the last lint
	published   map[string]string    // path → diagnostics last published, as JSON
	timer       *time.Timer          // a pending debounced lint

	lintWanted chan struct{} // a lint is due (buffered: requests coalesce)
	stop       chan struct{}
	linterDone chan struct{}
	// linted is signalled after each lint is published, for tests.
	linted func()
}

type document struct {
	uri     string
	version int
	text    []byte
}

// ErrNoExit is returned when the client closed the stream without the
// shutdown and exit the protocol asks for.
var ErrNoExit = errors.New("the client closed the connection without shutdown and exit")

// Serve runs a session on in and out until the client sends exit (nil
// after shutdown) or closes the stream.
func Serve(in io.Reader, out io.Writer, opts Options) error {
	return newServer(in, out, opts).run()
}

func newServer(in io.Reader, out io.Writer, opts Options) *Server {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{
		opts: opts, conn: newConn(in, out),
		docs: map[string]*document{}, published: map[string]string{},
		lintWanted: make(chan struct{}, 1), stop: make(chan struct{}), linterDone: make(chan struct{}),
	}
}

func (s *Server) run() error {
	go s.linter()
	defer func() {
		close(s.stop)
		<-s.linterDone
	}()
	for {
		body, err := s.conn.read()
		if err == io.EOF {
			return ErrNoExit
		}
		if err != nil {
			return err
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			_ = s.conn.reply(json.RawMessage("null"), nil, &responseError{Code: codeParseError, Message: err.Error()})
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			down := s.shutdown
			s.mu.Unlock()
			if !down {
				return errors.New("exit before shutdown")
			}
			return nil
		}
		s.handle(&m)
	}
}

// handle answers one message; a panic in a handler fails that request,
// not the session.
func (s *Server) handle(m *message) {
	isRequest := len(m.ID) > 0
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.opts.Log, "dlint lsp: %s: internal error: %v\n%s", m.Method, p, debug.Stack())
			if isRequest {
				_ = s.conn.reply(m.ID, nil, &responseError{Code: codeInternalError, Message: fmt.Sprintf("internal error: %v", p)})
			}
		}
	}()
	if m.Method == "" { // a response to a request the server never sends
		return
	}
	s.mu.Lock()
	ready, down := s.initialized, s.shutdown
	s.mu.Unlock()
	if !ready && m.Method != "initialize" {
		if isRequest {
			_ = s.conn.reply(m.ID, nil, &responseError{Code: codeNotInitialized, Message: "initialize first"})
		}
		return
	}
	if down && isRequest {
		_ = s.conn.reply(m.ID, nil, &responseError{Code: codeInvalidRequest, Message: "the server is shut down"})
		return
	}
	var result any
	var rerr *responseError
	switch m.Method {
	case "initialize":
		result, rerr = s.initialize(m.Params)
	case "initialized":
		s.watchFiles()
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
	case "textDocument/didOpen":
		var p didOpenTextDocumentParams
		if rerr = unmarshalParams(m.Params, &p); rerr == nil {
			s.didOpen(p)
		}
	case "textDocument/didChange":
		var p didChangeTextDocumentParams
		if rerr = unmarshalParams(m.Params, &p); rerr == nil {
			s.didChange(p)
		}
	case "textDocument/didSave", "workspace/didChangeWatchedFiles":
		// Saved files, .dlint.yaml and baselines included, are read again.
		s.lintNow()
	case "textDocument/didClose":
		var p didCloseTextDocumentParams
		if rerr = unmarshalParams(m.Params, &p); rerr == nil {
			s.didClose(p)
		}
	case "workspace/didChangeWorkspaceFolders":
		var p struct {
			Event struct {
				Added, Removed []workspaceFolder
			} `json:"event"`
		}
		if rerr = unmarshalParams(m.Params, &p); rerr == nil {
			s.changeFolders(p.Event.Added, p.Event.Removed)
		}
	case "textDocument/codeAction":
		var p codeActionParams
		if rerr = unmarshalParams(m.Params, &p); rerr == nil {
			result = s.codeActions(p)
		}
	case "textDocument/hover":
		var p textDocumentPositionParams
		if rerr = unmarshalParams(m.Params, &p); rerr == nil {
			result = s.hover(p)
		}
	default:
		if isRequest {
			rerr = &responseError{Code: codeMethodNotFound, Message: "method not supported: " + m.Method}
		}
	}
	if isRequest {
		if err := s.conn.reply(m.ID, result, rerr); err != nil {
			fmt.Fprintf(s.opts.Log, "dlint lsp: %v\n", err)
		}
	}
}

func (s *Server) initialize(raw json.RawMessage) (any, *responseError) {
	var p initializeParams
	if rerr := unmarshalParams(raw, &p); rerr != nil {
		return nil, rerr
	}
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if dir := uriToPath(f.URI); dir != "" {
			roots = append(roots, dir)
		}
	}
	if len(roots) == 0 {
		if dir := uriToPath(p.RootURI); dir != "" {
			roots = append(roots, dir)
		} else if p.RootPath != "" {
			if abs, err := filepath.Abs(p.RootPath); err == nil {
				roots = append(roots, abs)
			}
		}
	}
	s.mu.Lock()
	s.roots, s.initialized = roots, true
	s.canWatch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.mu.Unlock()
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   "utf-16",
			TextDocumentSync:   textDocumentSync{OpenClose: true, Change: syncFull, Save: saveOptions{}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{kindQuickFix, kindFixAll}},
			HoverProvider:      true,
			Workspace:          &workspaceServerCapabilities{WorkspaceFolders: workspaceFoldersCapability{Supported: true}},
		},
		ServerInfo: serverInfo{Name: "dlint", Version: s.opts.Version},
	}, nil
}

// watchFiles asks the client to report changes on disk to what a lint
// reads besides the open documents: configuration, the baseline, and the
// Dockerfiles, compose files and scripts it links (a branch switch).
func (s *Server) watchFiles() {
	s.mu.Lock()
	can := s.canWatch
	s.mu.Unlock()
	if !can {
		return
	}
	globs := []string{"**/.dlint.yaml", "**/.dlint.yml", "**/.env", "**/*Dockerfile*", "**/*Containerfile*", "**/*.dockerfile",
		"**/*compose*.yaml", "**/*compose*.yml", "**/*.sh", "**/*.bash"}
	if b := s.opts.Lint.Baseline; b != "" {
		if abs, err := filepath.Abs(b); err == nil {
			globs = append(globs, filepath.ToSlash(abs))
		}
	}
	watchers := make([]fileSystemWatcher, len(globs))
	for i, g := range globs {
		watchers[i] = fileSystemWatcher{GlobPattern: g}
	}
	params, _ := json.Marshal(registrationParams{Registrations: []registration{{
		ID: "dlint-watch", Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: map[string]any{"watchers": watchers},
	}}})
	// The answer carries nothing the server needs; handle drops it.
	if err := s.conn.write(&message{ID: json.RawMessage(`"dlint-watch"`), Method: "client/registerCapability", Params: params}); err != nil {
		fmt.Fprintf(s.opts.Log, "dlint lsp: %v\n", err)
	}
}

func (s *Server) changeFolders(added, removed []workspaceFolder) {
	s.mu.Lock()
	gone := map[string]bool{}
	for _, f := range removed {
		gone[uriToPath(f.URI)] = true
	}
	var roots []string
	for _, r := range s.roots {
		if !gone[r] {
			roots = append(roots, r)
		}
	}
	for _, f := range added {
		if dir := uriToPath(f.URI); dir != "" {
			roots = append(roots, dir)
		}
	}
	s.roots = roots
	s.mu.Unlock()
	s.lintNow()
}

func (s *Server) didOpen(p didOpenTextDocumentParams) {
	path := uriToPath(p.TextDocument.URI)
	if path == "" {
		return
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: p.TextDocument.URI, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	s.lintNow()
}

func (s *Server) didChange(p didChangeTextDocumentParams) {
	path := uriToPath(p.TextDocument.URI)
	if path == "" || len(p.ContentChanges) == 0 {
		return
	}
	s.mu.Lock()
	d := s.docs[path]
	if d == nil {
		d = &document{uri: p.TextDocument.URI}
		s.docs[path] = d
	}
	// Full sync: the last change holds the whole text.
	d.text = []byte(p.ContentChanges[len(p.ContentChanges)-1].Text)
	d.version = p.TextDocument.Version
	s.mu.Unlock()
	s.lintSoon()
}

func (s *Server) didClose(p didCloseTextDocumentParams) {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	delete(s.docs, path)
	s.mu.Unlock()
	// The disk's text counts again.
	s.lintNow()
}

// lintSoon lints once no change has come for the debounce interval.
func (s *Server) lintSoon() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.opts.Debounce, s.lintNow)
}

func (s *Server) lintNow() {
	select {
	case s.lintWanted <- struct{}{}:
	default: // one is already due; it will read the newest text
	}
}

// linter runs the lints, one at a time, and publishes their diagnostics.
func (s *Server) linter() {
	defer close(s.linterDone)
	for {
		select {
		case <-s.stop:
			return
		case <-s.lintWanted:
		}
		s.lintOnce()
		if s.linted != nil {
			s.linted()
		}
	}
}

func (s *Server) lintOnce() {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.opts.Log, "dlint lsp: lint: internal error: %v\n%s", p, debug.Stack())
		}
	}()
	s.mu.Lock()
	overlay := make(map[string][]byte, len(s.docs))
	uris := map[string]string{}
	for path, d := range s.docs {
		overlay[path] = d.text
		uris[path] = d.uri
	}
	paths := lintPaths(s.roots, overlay)
	s.mu.Unlock()
	if len(paths) == 0 {
		return
	}
	opts := s.opts.Lint
	opts.Paths, opts.Overlay, opts.KeepSources = paths, overlay, true
	res := lint.Run(opts)
	snap := newSnapshot(res, overlay, uris)
	s.mu.Lock()
	s.snap = snap
	s.mu.Unlock()
	s.publish(snap)
}

// lintPaths is what a lint names: the workspace folders, and the open
// documents outside them or not yet on disk (or, with no folder, the
// directory of each open document, so its compose file links it).
func lintPaths(roots []string, overlay map[string][]byte) []string {
	paths := append([]string(nil), roots...)
	seen := map[string]bool{}
	for path := range overlay {
		if !lintable(path) {
			continue
		}
		if len(roots) == 0 {
			if dir := filepath.Dir(path); !seen[dir] {
				seen[dir] = true
				paths = append(paths, dir)
			}
			continue
		}
		_, err := os.Stat(path)
		if err != nil || !under(roots, path) {
			paths = append(paths, path)
		}
	}
	sort.Strings(paths[len(roots):])
	return paths
}

// lintable reports whether the name of a file says dlint lints it.
func lintable(path string) bool {
	return lint.Classify(path) != lint.KindUnknown || lint.RunFileKind(path) != 0
}

func under(roots []string, path string) bool {
	for _, r := range roots {
		if rel, err := filepath.Rel(r, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// publish sends the diagnostics of every file that has some, and an empty
// list for those that had some and no longer do. It writes with the lock
// released: a client slow to read must not stop the server reading.
func (s *Server) publish(snap *snapshot) {
	var out []publishDiagnosticsParams
	s.mu.Lock()
	var paths []string
	for path := range snap.files {
		paths = append(paths, path)
	}
	for path := range s.published {
		if snap.files[path] == nil {
			paths = append(paths, path)
		}
	}
	sort.Strings(paths)
	for _, path := range paths {
		diags := []diagnostic{}
		if f := snap.files[path]; f != nil {
			diags = f.diagnostics()
		}
		key, _ := json.Marshal(diags)
		if prev, ok := s.published[path]; ok && prev == string(key) || !ok && len(diags) == 0 {
			continue
		}
		if len(diags) == 0 {
			delete(s.published, path)
		} else {
			s.published[path] = string(key)
		}
		out = append(out, publishDiagnosticsParams{URI: snap.uri(path), Diagnostics: diags})
	}
	s.mu.Unlock()
	for _, p := range out {
		if err := s.conn.notify("textDocument/publishDiagnostics", p); err != nil {
			fmt.Fprintf(s.opts.Log, "dlint lsp: %v\n", err)
			return
		}
	}
}

// snapshot is what one lint found, by file.
type snapshot struct {
	files map[string]*fileResult // by absolute path
	uris  map[string]string      // the client's URIs of open documents
}

type fileResult struct {
	path     string
	src      *parser.Source // nil when the file could not be read
	bom      bool           // the text starts with a byte order mark the Source leaves out
	findings []rules.Finding
	errors   []*lint.FileError
}

func newSnapshot(res *lint.Result, overlay map[string][]byte, uris map[string]string) *snapshot {
	snap := &snapshot{files: map[string]*fileResult{}, uris: uris}
	sources := map[string]*parser.Source{}
	for shown, src := range res.Sources {
		sources[absPath(shown)] = src
	}
	file := func(shown string) *fileResult {
		path := absPath(shown)
		f := snap.files[path]
		if f == nil {
			f = &fileResult{path: path, src: sources[path]}
			f.bom = bytes.HasPrefix(overlay[path], []byte("\xef\xbb\xbf"))
			snap.files[path] = f
		}
		return f
	}
	for _, fd := range res.Findings {
		f := file(fd.Range.File)
		f.findings = append(f.findings, fd)
	}
	for _, e := range res.Errors {
		f := file(e.Path)
		f.errors = append(f.errors, e)
	}
	// Sources of files without findings, for code actions that edit them.
	for path, src := range sources {
		if snap.files[path] == nil {
			snap.files[path] = &fileResult{path: path, src: src, bom: bytes.HasPrefix(overlay[path], []byte("\xef\xbb\xbf"))}
		}
	}
	return snap
}

// current returns the file's result when its text is still what the lint
// read: edits computed from it can be applied.
func (s *Server) current(path string) *fileResult {
	if s.snap == nil {
		return nil
	}
	f := s.snap.files[path]
	if f == nil || f.src == nil {
		return nil
	}
	if d := s.docs[path]; d != nil && !bytes.Equal(bytes.TrimPrefix(d.text, []byte("\xef\xbb\xbf")), f.src.Text) {
		return nil
	}
	return f
}

func (snap *snapshot) uri(path string) string {
	if u, ok := snap.uris[path]; ok {
		return u
	}
	return pathToURI(path)
}

func absPath(shown string) string {
	if abs, err := filepath.Abs(shown); err == nil {
		return abs
	}
	return filepath.Clean(shown)
}

// rangeOf converts a dlint range in this file into a protocol range.
func (f *fileResult) rangeOf(r parser.Range) textRange {
	var out textRange
	if f.src == nil {
		out = textRange{Start: textPosition{max(r.Start.Line-1, 0), max(r.Start.Col-1, 0)}, End: textPosition{max(r.End.Line-1, 0), max(r.End.Col-1, 0)}}
	} else {
		out = toRange(f.src, r)
	}
	if f.bom {
		for _, p := range []*textPosition{&out.Start, &out.End} {
			if p.Line == 0 {
				p.Character++
			}
		}
	}
	return out
}

func (f *fileResult) diagnostics() []diagnostic {
	out := []diagnostic{}
	for _, e := range f.errors {
		line := max(e.Line, 1)
		col := max(e.Col, 1)
		r := f.rangeOf(parser.Range{Start: parser.Pos{Line: line, Col: col}, End: parser.Pos{Line: line, Col: col}})
		if e.Col == 0 && f.src != nil { // the whole line
			r.End = toPosition(f.src, parser.Pos{Line: line, Col: len([]rune(f.src.Line(line))) + 1})
		}
		out = append(out, diagnostic{Range: r, Severity: severityError, Source: "dlint", Message: e.Msg})
	}
	for _, fd := range f.findings {
		out = append(out, f.diagnostic(fd))
	}
	return out
}

func (f *fileResult) diagnostic(fd rules.Finding) diagnostic {
	return diagnostic{
		Range: f.rangeOf(fd.Range), Severity: severityOf(fd.Severity), Code: fd.Rule.ID,
		Source: "dlint", Message: fd.Message,
	}
}

func severityOf(s rules.Severity) int {
	switch s {
	case rules.Error:
		return severityError
	case rules.Warning:
		return severityWarning
	case rules.Info:
		return severityInformation
	}
	return severityHint
}
