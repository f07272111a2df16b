package lint

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"

	"github.com/dlint-dev/dlint/parser"
)

// maxContextFiles bounds the walk of one build context: past it the rest
// of the context is not searched for credentials.
const maxContextFiles = 100_000

// maxSecretProbe is how much of a credential-named file is read to judge it.
const maxSecretProbe = 64 * 1024

// contextFile is a file of a build context whose name reads as a
// credential, judged by its content.
type contextFile struct {
	rel   string // slash-separated
	kind  string
	holds bool
}

// contextIndex lists a build context's credential-named files that
// .dockerignore lets into the build.
type contextIndex struct {
	dir     string
	ignore  *patternmatcher.PatternMatcher
	files   []contextFile
	ignored func(rel string) bool
}

// contextCache walks each (context, ignore file) pair once, however many
// services build from it.
type contextCache struct {
	mu   sync.Mutex
	byID map[string]*contextEntry
}

type contextEntry struct {
	once sync.Once
	idx  *contextIndex
}

func (c *contextCache) get(dir, ignoreFile string) *contextIndex {
	key := dir + "\x00" + ignoreFile
	c.mu.Lock()
	if c.byID == nil {
		c.byID = map[string]*contextEntry{}
	}
	e := c.byID[key]
	if e == nil {
		e = &contextEntry{}
		c.byID[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.idx = indexContext(dir, ignoreFile) })
	return e.idx
}

// dockerignoreFor is the ignore file buildkit reads for a Dockerfile: one
// named after the Dockerfile beside it (`api.Dockerfile.dockerignore`)
// wins over the context's .dockerignore.
func dockerignoreFor(dockerfile, contextDir string) string {
	if own := dockerfile + ".dockerignore"; isFile(own) {
		return own
	}
	return filepath.Join(contextDir, ".dockerignore")
}

func indexContext(dir, ignoreFile string) *contextIndex {
	idx := &contextIndex{dir: dir, ignored: func(string) bool { return false }}
	if f, err := os.Open(ignoreFile); err == nil {
		patterns, err := ignorefile.ReadAll(io.LimitReader(f, 1<<20))
		_ = f.Close()
		if err == nil && len(patterns) > 0 {
			if pm, err := patternmatcher.New(patterns); err == nil {
				idx.ignore = pm
				idx.ignored = func(rel string) bool {
					m, err := pm.MatchesOrParentMatches(rel)
					return err == nil && m
				}
			}
		}
	}
	seen := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // an unreadable entry is left out, as docker build would fail on it itself
		}
		seen++
		if seen > maxContextFiles {
			return filepath.SkipAll
		}
		rel := "."
		if r, rerr := filepath.Rel(dir, p); rerr == nil {
			rel = filepath.ToSlash(r)
		}
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			// .git is sent when not ignored, but holds no file dlint
			// would name; an ignored directory is pruned unless a `!`
			// exception may bring something back.
			if d.Name() == ".git" || idx.ignore != nil && !idx.ignore.Exclusions() && idx.ignored(rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		kind := parser.SecretFile(rel)
		if kind == "" || idx.ignored(rel) {
			return nil
		}
		idx.files = append(idx.files, contextFile{rel: rel, kind: kind, holds: probeSecret(p, rel)})
		return nil
	})
	return idx
}

func probeSecret(p, rel string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, maxSecretProbe))
	if err != nil {
		return false
	}
	return parser.FileHoldsSecret(rel, data)
}

// linkCopiedSecrets finds the credentials the container's stage chain
// copies from its build context.
func (r *runner) linkCopiedSecrets(c *parser.Container, contextDir string) {
	if c.Stage == nil || c.Dockerfile == nil || c.Dockerfile.Source == nil || strings.HasPrefix(c.Dockerfile.Source.Path, "<") {
		return
	}
	if info, err := os.Stat(contextDir); err != nil || !info.IsDir() {
		return
	}
	ignoreFile := dockerignoreFor(c.Dockerfile.Source.Path, contextDir)
	idx := r.contexts.get(contextDir, ignoreFile)
	linkIgnoredCopies(c, idx, ignoreFile)
	for _, st := range c.Stage.Ancestors() {
		for _, cp := range st.Copies {
			if cp.From != "" {
				continue
			}
			c.CopiedSecrets = append(c.CopiedSecrets, idx.copied(cp)...)
		}
	}
}

// copied lists the credentials one COPY or ADD takes from the context.
func (idx *contextIndex) copied(cp *parser.Copy) []*parser.CopiedSecret {
	var out []*parser.CopiedSecret
	for _, src := range cp.Sources {
		if strings.Contains(src, "://") || strings.HasPrefix(src, "git@") || strings.ContainsAny(src, "$") {
			continue
		}
		rel := strings.TrimPrefix(path.Clean("/"+src), "/")
		pattern := strings.ContainsAny(rel, "*?[")
		named := false
		if !pattern && rel != "" {
			info, err := os.Stat(filepath.Join(idx.dir, filepath.FromSlash(rel)))
			switch {
			case err != nil:
				// Not in the context on disk: the CI makes it before
				// the build, and only its name can tell.
				if !idx.ignored(rel) && parser.SecretByName(rel) {
					out = append(out, &parser.CopiedSecret{Copy: cp, Path: rel, Kind: parser.SecretFile(rel), Named: true})
				}
				continue
			case !info.IsDir():
				named = true
			}
		}
		for _, f := range idx.files {
			if !f.holds || !under(f.rel, rel, pattern, named) {
				continue
			}
			out = append(out, &parser.CopiedSecret{Copy: cp, Path: f.rel, Kind: f.kind, Named: named, OnDisk: true})
		}
	}
	return out
}

// under reports whether the context file rel is what a COPY source takes:
// the file itself, a file inside the directory, or a match of the pattern
// (or a file inside a matched directory).
func under(rel, src string, pattern, named bool) bool {
	switch {
	case src == "":
		return true // COPY . : the whole context
	case named:
		return rel == src
	case pattern:
		for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			if ok, _ := path.Match(src, p); ok {
				return true
			}
		}
		return false
	}
	return strings.HasPrefix(rel, src+"/")
}
