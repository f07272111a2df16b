package lint

import (
	"errors"
	"path/filepath"
	"sort"
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

// get parses the Dockerfile at path (once) and returns it, or nil when it
// cannot be read or parsed (the error is recorded).
func (c *dockerfileCache) get(path string) *parser.Dockerfile {
	key := fileKey(path)
	c.mu.Lock()
	e := c.byKey[key]
	if e == nil {
		e = &dfEntry{path: path}
		c.byKey[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		data, err := readFile(path)
		if err != nil {
			c.r.addError(&FileError{Path: path, Msg: "cannot read: " + err.Error()})
			return
		}
		e.df = c.r.parseDockerfile(parser.NewSource(path, data))
	})
	return e.df
}

// parseSource parses a Dockerfile that is not on disk (standard input).
func (c *dockerfileCache) parseSource(src *parser.Source) *parser.Dockerfile {
	e := &dfEntry{path: src.Path}
	e.once.Do(func() { e.df = c.r.parseDockerfile(src) })
	c.mu.Lock()
	c.byKey["\x00"+src.Path] = e
	c.mu.Unlock()
	return e.df
}

// add registers a Dockerfile that is not a file of its own (a compose
// dockerfile_inline), so that it is checked like the others.
func (c *dockerfileCache) add(key string, df *parser.Dockerfile) {
	e := &dfEntry{path: df.Source.Path, df: df}
	e.once.Do(func() {})
	c.mu.Lock()
	c.byKey["\x00"+key] = e
	c.mu.Unlock()
}

// all returns the parsed Dockerfiles in path order.
func (c *dockerfileCache) all() []*parser.Dockerfile {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*parser.Dockerfile
	for _, e := range c.byKey {
		if e.df != nil {
			out = append(out, e.df)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source.Path < out[j].Source.Path })
	return out
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
		}
		r.addError(fe)
		return nil
	}
	return df
}

// scriptCache parses each entrypoint script once.
type scriptCache struct {
	r     *runner
	mu    sync.Mutex
	byKey map[string]*scriptEntry
}

type scriptEntry struct {
	once   sync.Once
	script *parser.Script
}

func newScriptCache(r *runner) *scriptCache {
	return &scriptCache{r: r, byKey: map[string]*scriptEntry{}}
}

// get returns the parsed script at path, or nil when it is missing, not a
// shell script, or not valid shell (scripts are optional context, so these
// are not errors).
func (c *scriptCache) get(path string) *parser.Script {
	key := fileKey(path)
	c.mu.Lock()
	e := c.byKey[key]
	if e == nil {
		e = &scriptEntry{}
		c.byKey[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		data, err := readFile(path)
		if err != nil {
			return
		}
		parse := parseScriptFunc
		s, _ := bounded(c.r, path, "parsing", func() *parser.Script { return parse(path, data) })
		if s == nil || s.Err != nil {
			return
		}
		c.r.addSource(s.Source)
		e.script = s
	})
	return e.script
}
