package lint

import (
	"container/list"
	"errors"
	"io/fs"
	"path/filepath"
	"sync"

	"github.com/dlint-dev/dlint/parser"
)

// dockerfileCache parses each Dockerfile once, however many times it is
// named or built by compose services.
type dockerfileCache struct {
	r     *runner
	mu    sync.Mutex
	byKey map[string]*dfEntry
}

type dfEntry struct {
	once sync.Once
	path string // display path
	df   *parser.Dockerfile
}

func newDockerfileCache(r *runner) *dockerfileCache {
	return &dockerfileCache{r: r, byKey: map[string]*dfEntry{}}
}

func fileKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// absFrom is filepath.Abs against a working directory read once per run:
// os.Getwd costs two stat calls, and keys are made for every file.
func absFrom(cwd, path string) string {
	if filepath.IsAbs(path) || cwd == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(cwd, path)
}

// get parses the Dockerfile at path (once) and returns it, or nil when it
// cannot be read or parsed (the error is recorded).
func (c *dockerfileCache) get(path string) *parser.Dockerfile {
	key := absFrom(c.r.configs.cwd, path)
	c.mu.Lock()
	e := c.byKey[key]
	if e == nil {
		e = &dfEntry{path: path}
		c.byKey[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.df = c.r.readDockerfile(path) })
	return e.df
}

// forget drops the Dockerfile at path from the cache once it is checked, so
// that its model can be freed; a later get parses it again.
func (c *dockerfileCache) forget(path string) {
	c.mu.Lock()
	delete(c.byKey, absFrom(c.r.configs.cwd, path))
	c.mu.Unlock()
}

// readDockerfile reads and parses the Dockerfile at path, or returns nil
// when it cannot be read or parsed (the error is recorded).
func (r *runner) readDockerfile(path string) *parser.Dockerfile {
	data, err := r.readLinted(path)
	if err != nil {
		r.addError(&FileError{Path: path, Msg: "cannot read: " + err.Error()})
		return nil
	}
	return r.parseDockerfile(parser.NewSource(path, data))
}

func (r *runner) parseDockerfile(src *parser.Source) *parser.Dockerfile {
	r.addSource(src)
	type parsed struct {
		df  *parser.Dockerfile
		err error
	}
	parse := parseDockerfileFunc // read here: the deadline may abandon the goroutine
	res, ok := bounded(r, src.Path, "parsing", func() parsed {
		df, err := parse(src.Path, src.Text)
		return parsed{df, err}
	})
	if !ok {
		return nil
	}
	df, err := res.df, res.err
	if err != nil {
		fe := &FileError{Path: src.Path, Msg: "cannot parse: " + err.Error()}
		var pe *parser.ParseError
		if errors.As(err, &pe) {
			fe.Line, fe.Col, fe.Msg = pe.Line, pe.Col, "cannot parse: "+pe.Msg
			if pe.Template && r.walkedPaths[src.Path] {
				r.leaveOutTemplate(src.Path)
				return nil
			}
		}
		r.addError(fe)
		return nil
	}
	if df.Source != nil && df.Source.Path == src.Path {
		r.addSource(df.Source) // the model's own: one line index, not two
	}
	r.attachImages(df, src.Path)
	r.attachNamedContexts(df, src.Path)
	df.GitHubAction = githubDockerAction(src.Path, r.configs.exists)
	return df
}

// scriptCache parses each entrypoint script once while it is in use, and
// keeps the models of the scriptModels most recently used: a repository's
// every parsed script would make memory grow with it. A script dropped and
// needed again is parsed again; its source is kept for its ignore comments.
type scriptCache struct {
	r      *runner
	mu     sync.Mutex
	byKey  map[string]*scriptEntry
	recent *list.List // keys of the entries holding a model, most recent first
	limit  int        // models kept
}

// scriptModels is how many parsed scripts the cache keeps.
const scriptModels = 256

type scriptEntry struct {
	once   sync.Once
	script *parser.Script
	parsed bool          // kept when the model is dropped
	elem   *list.Element // in recent, while script is set
}

func newScriptCache(r *runner) *scriptCache {
	return &scriptCache{r: r, byKey: map[string]*scriptEntry{}, recent: list.New(), limit: scriptModels}
}

// read reports whether the script at path was read (or tried) as an
// entrypoint script: its read errors are said already.
func (c *scriptCache) read(path string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byKey[absFrom(c.r.configs.cwd, path)] != nil
}

// get returns the parsed script at path, or nil when it is missing, not a
// shell script, or not valid shell (scripts are optional context, so these
// are not errors).
func (c *scriptCache) get(path string) *parser.Script {
	key := absFrom(c.r.configs.cwd, path)
	c.mu.Lock()
	e := c.byKey[key]
	switch {
	case e == nil:
		e = &scriptEntry{}
		c.byKey[key] = e
	case e.elem != nil:
		c.recent.MoveToFront(e.elem)
	case e.parsed:
		// Parsed before and dropped: parse it again.
		e = &scriptEntry{parsed: true}
		c.byKey[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		s := c.parse(path)
		if s == nil {
			return
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		e.script, e.parsed = s, true
		e.elem = c.recent.PushFront(key)
		for c.recent.Len() > c.limit {
			old := c.recent.Remove(c.recent.Back()).(string)
			if oe := c.byKey[old]; oe != nil && oe.elem != nil {
				c.byKey[old] = &scriptEntry{parsed: true}
			}
		}
	})
	return e.script
}

// parse reads and parses the script at path; it records the errors a
// person needs to hear about.
func (c *scriptCache) parse(path string) *parser.Script {
	data, err := c.r.readLinted(path)
	if err != nil {
		var tooLarge *tooLargeError
		if errors.As(err, &tooLarge) && !parser.IsShellScript(readHead(path)) {
			return nil // a large program, not a script
		}
		if !errors.Is(err, fs.ErrNotExist) {
			// The script is there but dlint cannot check it (too large,
			// unreadable): say so rather than lose its findings.
			c.r.addError(&FileError{Path: path, Msg: "cannot read entrypoint script: " + describeOSError(err).Error()})
		}
		return nil
	}
	parse := parseScriptFunc
	s, _ := bounded(c.r, path, "parsing", func() *parser.Script { return parse(path, data) })
	var ne *parser.NestingError
	if s != nil && errors.As(s.Err, &ne) {
		c.r.addError(&FileError{Path: path, Line: ne.Line, Msg: "cannot parse: " + ne.Error()})
		return nil
	}
	if s == nil || s.Err != nil {
		return nil
	}
	c.r.addScriptSource(s.Source)
	return s
}
