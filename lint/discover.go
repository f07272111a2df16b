// Package lint runs dlint: it finds the files, parses each once, links
// compose services to the Dockerfiles and scripts they run, runs the rules
// in parallel and collects sorted findings.
package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/dlint-dev/dlint/parser"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Kind is what a file is linted as.
type Kind int

// File kinds.
const (
	KindUnknown Kind = iota
	KindDockerfile
	KindCompose
	// KindRuns is a file read for its `docker run` lines: a shell script, a
	// Makefile, a CI file or a Markdown file.
	KindRuns
)

// ParseKind reads a --kind value.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(s) {
	case "", "auto":
		return KindUnknown, true
	case "dockerfile", "containerfile":
		return KindDockerfile, true
	case "compose":
		return KindCompose, true
	}
	return KindUnknown, false
}

// Classify tells a Dockerfile or compose file by its name.
func Classify(name string) Kind {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	if isTemplateName(lower) || hasSuffix(lower, companionSuffixes) {
		return KindUnknown
	}
	switch {
	case base == "Dockerfile" || base == "Containerfile" || lower == "dockerfile" || lower == "containerfile",
		strings.HasPrefix(base, "Dockerfile.") || strings.HasPrefix(base, "Containerfile."),
		strings.HasSuffix(lower, ".dockerfile") || strings.HasSuffix(lower, ".containerfile"):
		return KindDockerfile
	case hyphenatedDockerfile(lower):
		return KindDockerfile
	}
	ext := filepath.Ext(lower)
	if ext != ".yml" && ext != ".yaml" {
		return KindUnknown
	}
	stem := strings.TrimSuffix(lower, ext)
	if notComposeStems[stem] {
		return KindUnknown
	}
	// Besides Compose's own names, those that say compose as a word of
	// their own: compose-debug.yml, kong-tests-compose.yaml, app.compose.yml.
	if stem == "compose" || strings.HasPrefix(stem, "compose.") || strings.HasPrefix(stem, "docker-compose") ||
		strings.HasPrefix(stem, "compose-") || strings.HasPrefix(stem, "compose_") ||
		strings.HasSuffix(stem, "-compose") || strings.HasSuffix(stem, "_compose") || strings.HasSuffix(stem, ".compose") ||
		// Swarm stack files are compose files (`docker stack deploy -c`).
		parser.IsStackFileName(lower) {
		return KindCompose
	}
	return KindUnknown
}

// notComposeStems are names with compose in them of other tools' files:
// Rancher 1.x reads rancher-compose.yml beside a compose file, with its
// own keys (scale, health_check, lb_config) under each service.
var notComposeStems = map[string]bool{"rancher-compose": true}

// hyphenatedDockerfile reports whether a lower-cased name is a Dockerfile
// named with a hyphen or underscore, as many repositories name their
// variants (neo4j's Dockerfile-ubi9, synapse's Dockerfile-workers), and
// not a script or data file about Dockerfiles (dockerfile-lint.sh).
func hyphenatedDockerfile(lower string) bool {
	for _, prefix := range []string{"dockerfile-", "dockerfile_", "containerfile-", "containerfile_"} {
		if rest, ok := strings.CutPrefix(lower, prefix); ok && rest != "" {
			ext := filepath.Ext(rest)
			return ext == "" || !notDockerfileExts[ext]
		}
	}
	return false
}

// notDockerfileExts end the names of files that are not Dockerfiles.
var notDockerfileExts = map[string]bool{
	".sh": true, ".bash": true, ".py": true, ".js": true, ".ts": true, ".go": true, ".rb": true, ".pl": true,
	".json": true, ".yml": true, ".yaml": true, ".toml": true, ".txt": true, ".lock": true, ".cfg": true,
	".conf": true, ".ini": true, ".env": true, ".patch": true, ".diff": true, ".log": true, ".html": true,
}

// templateSuffixes end the names of templates a generator renders into a
// Dockerfile (docker-library's Dockerfile.template, Dockerfile.j2): Docker
// never reads them, and their {{ }} is no instruction. Named on the command
// line, such a file is still linted as a Dockerfile.
var templateSuffixes = []string{".template", ".tmpl", ".tpl", ".gotmpl", ".j2", ".jinja", ".jinja2", ".erb", ".mustache", ".hbs"}

func isTemplateName(lower string) bool { return hasSuffix(lower, templateSuffixes) }

// companionSuffixes end the names of files that sit beside a Dockerfile
// and share its name but are none: BuildKit's per-Dockerfile ignore file
// (Dockerfile.dev.dockerignore) and its documentation.
var companionSuffixes = []string{".dockerignore", ".md", ".markdown", ".rst"}

func hasSuffix(lower string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// leaveOutTemplate records a Dockerfile the walk found that turned out a
// template by its text ({{ }} where an instruction belongs) though not by
// its name, as eng/dockerfile-templates/*/Dockerfile.linux in
// dotnet-docker: it is no input the user meant, so it is no error; one
// note names how many were left out.
func (r *runner) leaveOutTemplate(path string) {
	r.mu.Lock()
	delete(r.sources, path)
	r.templates = append(r.templates, path)
	r.mu.Unlock()
}

// templatesNote tells of the templates left out, naming the first.
func (r *runner) templatesNote() {
	if len(r.templates) == 0 {
		return
	}
	slices.Sort(r.templates)
	what := "a template"
	if n := len(r.templates); n > 1 {
		what = fmt.Sprintf("%d templates", n)
	}
	r.notes = append(r.notes, Note{Msg: fmt.Sprintf("left out %s of Dockerfiles, compose files or CI files found in the directories walked, first %s: {{ }} or {%% %%} stands where an instruction or YAML belongs, or a %%%%NAME%%%% placeholder that a build script replaces: a generator makes the real file from it; name a file on the command line to lint it anyway", what, r.templates[0])})
}

// RunFileKind tells, by its path, what kind of file with `docker run`
// lines a file is: a shell script (*.sh, *.bash), a Makefile (Makefile,
// GNUmakefile, *.mk), a GitHub Actions workflow (.github/workflows/*.yml),
// GitLab CI (.gitlab-ci.yml) or Markdown (*.md); 0 for none of them.
func RunFileKind(path string) parser.RunFileKind {
	base := filepath.Base(path)
	lower := strings.ToLower(base)
	ext := filepath.Ext(lower)
	switch {
	case ext == ".sh" || ext == ".bash":
		return parser.RunShell
	case base == "Makefile" || base == "makefile" || base == "GNUmakefile" || ext == ".mk":
		return parser.RunMakefile
	case lower == ".gitlab-ci.yml" || lower == ".gitlab-ci.yaml" || strings.HasSuffix(lower, ".gitlab-ci.yml"):
		return parser.RunGitLabCI
	case (ext == ".yml" || ext == ".yaml") && filepath.Base(filepath.Dir(path)) == "workflows" && filepath.Base(filepath.Dir(filepath.Dir(path))) == ".github":
		return parser.RunWorkflow
	case ext == ".md" || ext == ".markdown":
		return parser.RunMarkdown
	}
	return 0
}

// skipDirs are never descended into.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// walk finds the Dockerfiles and compose files below root. It does not
// follow symlinked directories and skips anything that is not a regular
// file (a FIFO named Dockerfile must not block the run). listed receives,
// for every directory read in full, which of the configuration file names
// and ".git" it holds, so that looking for configuration needs no stat.
// Directories are read in parallel (each read is a few system calls, and
// a monorepo has thousands of directories), then visited in the order
// filepath.WalkDir would visit them. root itself may be a symbolic link to
// a directory: the user named it. problem receives what the walk cannot
// read below root (a subdirectory, a broken or looping link with a
// Dockerfile or compose name), so nothing is left out without a word.
// filter (nil for none) leaves out what git ignores and --exclude names.
func walk(root string, filter *walkFilter, listed func(dir string, names map[string]bool), visit func(path string, kind Kind), problem func(path string, err error)) error {
	tree, err := readTree(root, filter)
	if err != nil {
		return err
	}
	tree.visit(filter, listed, visit, problem)
	return nil
}

// dirTree is a directory as the walk read it: its entries sorted by name,
// and the subdirectories to descend into.
type dirTree struct {
	path    string
	read    bool  // read in full; an unreadable directory is skipped
	err     error // why it could not be read
	entries []fs.DirEntry
	subdirs map[string]*dirTree // by entry name
	// patterns are the gitignore patterns in force in the directory:
	// its parent's, then its own .gitignore's.
	patterns []gitignore.Pattern
}

// walkReaders is how many directories are read at once.
const walkReaders = 4

// readTree reads root and every directory below it that the walk
// descends into, walkReaders at a time. An unreadable subdirectory is left
// out, not fatal.
func readTree(root string, filter *walkFilter) (*dirTree, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	top := &dirTree{path: root, read: true, entries: entries}
	if filter != nil {
		top.patterns = filter.dirPatterns(filter.above, root, hasGitignore(entries))
	}
	var (
		mu      sync.Mutex
		ready   = sync.NewCond(&mu)
		queue   = top.children(filter)
		pending = len(queue) // queued or being read
		wg      sync.WaitGroup
	)
	for range walkReaders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for {
				for len(queue) == 0 && pending > 0 {
					ready.Wait()
				}
				if pending == 0 {
					mu.Unlock()
					return
				}
				t := queue[len(queue)-1]
				queue = queue[:len(queue)-1]
				mu.Unlock()
				entries, err := os.ReadDir(t.path)
				var more []*dirTree
				if err == nil {
					t.read, t.entries = true, entries
					t.patterns = filter.dirPatterns(t.patterns, t.path, hasGitignore(entries))
					more = t.children(filter)
				} else {
					t.err = err
				}
				mu.Lock()
				queue = append(queue, more...)
				pending += len(more) - 1
				ready.Broadcast()
			}
		}()
	}
	wg.Wait()
	return top, nil
}

// children makes the subdirectories of t the walk descends into: not the
// skipped or ignored ones, and not symbolic links to directories. Each
// starts with t's gitignore patterns.
func (t *dirTree) children(filter *walkFilter) []*dirTree {
	var out []*dirTree
	for _, e := range t.entries {
		if !e.IsDir() || skipDirs[e.Name()] {
			continue
		}
		path := filepath.Join(t.path, e.Name())
		if filter.ignored(path, true, t.patterns) {
			continue
		}
		if t.subdirs == nil {
			t.subdirs = map[string]*dirTree{}
		}
		sub := &dirTree{path: path, patterns: t.patterns}
		t.subdirs[e.Name()] = sub
		out = append(out, sub)
	}
	return out
}

// visit reports t's files and descends into its subdirectories, in the
// order of their names.
func (t *dirTree) visit(filter *walkFilter, listed func(dir string, names map[string]bool), visit func(path string, kind Kind), problem func(path string, err error)) {
	names := map[string]bool{}
	for _, d := range t.entries {
		name := d.Name()
		path := filepath.Join(t.path, name)
		if d.IsDir() {
			if skipDirs[name] {
				if name == ".git" {
					names[".git"] = true
				}
				continue
			}
			if sub := t.subdirs[name]; sub != nil && sub.read {
				sub.visit(filter, listed, visit, problem)
			} else if sub != nil {
				problem(path, fmt.Errorf("cannot read directory: %w", describeOSError(sub.err)))
			}
			continue
		}
		// (.hcl: Bake files under names of their own, for their contexts.)
		// (action.yml: a Docker container action runs the Dockerfile beside it.)
		if name == ".git" || name == ".env" || name == "action.yml" || name == "action.yaml" || isConfigFileName(name) || strings.HasSuffix(strings.ToLower(name), ".hcl") {
			names[name] = true
		}
		kind := Classify(name)
		if kind == KindUnknown && (RunFileKind(path) != 0 || executableScript(d)) {
			kind = KindRuns
		}
		if kind == KindUnknown || filter.ignored(path, false, t.patterns) {
			continue
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil {
				// A script, CI file or README read only for its docker run
				// lines is no input the user named: a broken link to one
				// (frigate's .github/copilot-instructions.md) is passed over.
				if kind != KindRuns {
					problem(path, fmt.Errorf("cannot read: %w", describeLinkError(path, err)))
				}
				continue
			}
			if !info.Mode().IsRegular() {
				continue // a link to a directory or a device is not a file to lint
			}
		} else if !d.Type().IsRegular() {
			continue
		}
		visit(path, kind)
	}
	listed(t.path, names)
}

func hasGitignore(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if e.Name() == ".gitignore" {
			return !e.IsDir()
		}
	}
	return false
}

// executableScript reports whether an entry without an extension is an
// executable file, which may be a shell script (its shebang decides).
func executableScript(d fs.DirEntry) bool {
	if filepath.Ext(d.Name()) != "" || !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
		return false
	}
	info, err := d.Info()
	return err == nil && info.Mode().Perm()&0o111 != 0
}

func isConfigFileName(name string) bool {
	for _, n := range ConfigFileNames {
		if name == n {
			return true
		}
	}
	return false
}

// describeLinkError says why a symbolic link cannot be followed.
func describeLinkError(path string, err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop")
	case errors.Is(err, fs.ErrNotExist):
		target, _ := os.Readlink(path)
		return fmt.Errorf("broken symbolic link to %s", target)
	}
	return describeOSError(err)
}
