package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/dlint-dev/dlint/parser"
)

// bakeFileNames are the files `docker buildx bake` reads by default.
var bakeFileNames = []string{"docker-bake.hcl", "docker-bake.json", "docker-bake.override.hcl", "docker-bake.override.json"}

// bakeContextsKey finds the start of a target's `contexts = {` (HCL) or
// `"contexts": {` (JSON); bakeContextKey the names inside the block.
var (
	bakeContextsKey = regexp.MustCompile(`"?\bcontexts"?\s*[=:]\s*\{`)
	bakeContextKey  = regexp.MustCompile(`(?m)^\s*"?([A-Za-z0-9][A-Za-z0-9_.-]*)"?\s*[=:]`)
)

// bakeContexts is the named contexts of the Bake files in a directory,
// and of the other HCL files the walk found: Bake files a project passes
// with `docker buildx bake -f` (Mailu's tests/build.hcl).
type bakeContexts struct {
	mu    sync.Mutex
	byDir map[string][]string
	// others are the walked .hcl files without a default Bake name;
	// otherNames their contexts, read once.
	others     []string
	otherNames []string
	othersRead bool
}

// noteWalked records the directory's HCL files that Bake does not read
// by default.
func (b *bakeContexts) noteWalked(dir string, names map[string]bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for name := range names {
		if strings.HasSuffix(strings.ToLower(name), ".hcl") && !slices.Contains(bakeFileNames, name) {
			b.others = append(b.others, filepath.Join(dir, name))
		}
	}
}

// elsewhere lists the contexts the other HCL files' targets declare.
func (b *bakeContexts) elsewhere() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.othersRead {
		b.othersRead = true
		slices.Sort(b.others)
		for _, p := range b.others {
			if data, err := readFile(p, 1<<20); err == nil && strings.Contains(string(data), "target") {
				b.otherNames = append(b.otherNames, parseBakeContexts(string(data))...)
			}
		}
	}
	return b.otherNames
}

// namedContextsFor lists the contexts the Bake files in the Dockerfile's
// directory and the directories above it (up to the repository's root,
// the directory with .git) declare: a target there builds it with them.
func (r *runner) namedContextsFor(path string) []string {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil
	}
	out := slices.Clone(r.bake.elsewhere())
	for range 8 {
		out = append(out, r.bake.in(dir)...)
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (b *bakeContexts) in(dir string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if names, ok := b.byDir[dir]; ok {
		return names
	}
	if b.byDir == nil {
		b.byDir = map[string][]string{}
	}
	var names []string
	for _, name := range bakeFileNames {
		data, err := readFile(filepath.Join(dir, name), 1<<20)
		if err != nil {
			continue
		}
		names = append(names, parseBakeContexts(string(data))...)
	}
	b.byDir[dir] = names
	return names
}

// parseBakeContexts reads the names of the contexts a Bake file's targets
// declare, without evaluating HCL: enough to know a name is a context.
func parseBakeContexts(text string) []string {
	var names []string
	for _, at := range bakeContextsKey.FindAllStringIndex(text, -1) {
		block := bakeBlock(text[at[1]:])
		for _, key := range bakeContextKey.FindAllStringSubmatch(strings.ReplaceAll(block, ",", "\n"), -1) {
			names = append(names, key[1])
		}
	}
	return names
}

// bakeBlock returns the text up to the } that closes a block; braces in
// quoted strings (${…} interpolations) are neither counted nor kept.
func bakeBlock(text string) string {
	var b strings.Builder
	depth, quoted := 1, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quoted && c == '\\' && i+1 < len(text):
			b.WriteByte(c)
			i++
			c = text[i]
		case c == '"':
			quoted = !quoted
		case quoted && (c == '{' || c == '}'):
			c = ' '
		case quoted:
		case c == '{':
			depth++
		case c == '}':
			if depth--; depth == 0 {
				return b.String()
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// attachNamedContexts records the Bake contexts around the Dockerfile.
// Only a Dockerfile with a COPY --from, or a FROM of one bare word, that
// names no stage needs them.
func (r *runner) attachNamedContexts(df *parser.Dockerfile, path string) {
	for _, st := range df.Stages {
		if st.Parent == nil && st.BaseResolved && !strings.ContainsAny(st.BaseName, "$:/@") && !st.Base.IsScratch() {
			df.NamedContexts = r.namedContextsFor(path)
			return
		}
		for _, cp := range st.Copies {
			if cp.From != "" && !strings.ContainsAny(cp.From, "$:/@") && df.StageFrom(cp.From) == nil {
				df.NamedContexts = r.namedContextsFor(path)
				return
			}
		}
	}
}
