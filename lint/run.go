package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/internal/intern"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// Options says what to lint and how.
type Options struct {
	Paths         []string  // files, directories, or "-" for standard input
	Stdin         io.Reader // read for "-"
	StdinFilename string    // name shown for standard input
	Kind          Kind      // force every named file to this kind
	// ComposeMerge lists compose files merged into one project, as
	// `docker compose -f a -f b` does.
	ComposeMerge []string
	// Env holds the variables compose files are interpolated with, as if
	// set in the shell that runs compose: they win over `.env`. With
	// EnvFiles set (--env-file), the projects' `.env` files are not read,
	// as `docker compose --env-file` does not read them; Env then holds the
	// env files' variables too.
	Env      map[string]string
	EnvFiles []string
	// Rules are the rules to choose from (nil: rules.All()). The default
	// set runs unless .dlint.yaml selects otherwise; Selection, Enable and
	// Disable override both.
	Rules   []*rules.Rule
	Workers int // 0 means GOMAXPROCS
	// FileTimeout bounds the work on one file (0: DefaultFileTimeout;
	// negative: no bound). See bounded.
	FileTimeout time.Duration
	// MaxFileSize bounds what dlint reads of one file, standard input
	// included (0: a .dlint.yaml's max-file-size, else DefaultMaxFileSize).
	MaxFileSize int64

	// Configuration (see config.go). Command-line settings override every
	// .dlint.yaml; zero values leave the files' settings in force.
	ConfigFile      string // use this file for every linted file
	NoConfig        bool   // use no configuration file at all
	Enable, Disable []*rules.Rule
	// Selection is --select, --extend-select and --ignore; nil when none
	// is given. Enable and Disable act as exact extend-select and ignore.
	Selection           *rules.Selection
	FailLevel           rules.Severity // NeverFail for "none"
	MinSeverity         rules.Severity
	NoIgnore            bool   // disregard inline ignore comments
	ReportUnusedIgnores bool   // turn unused-ignore on everywhere
	Baseline            string // baseline file of findings not to report again
	// IncludeDocs lints the `docker run` lines of Markdown code blocks
	// everywhere; otherwise only where a .dlint.yaml says `docs: true`.
	IncludeDocs bool
	// Overlay holds files as an editor has them, unsaved, by absolute
	// path: reading a linted file takes its text from here instead of the
	// disk. A file named in Paths need not be on disk; the walk finds only
	// those that are.
	Overlay map[string][]byte
	// ReportOnly, when not nil, limits the findings and file errors
	// reported (and counted for the exit status) to these files; the rest
	// of Paths is read for what it says about them: the compose projects
	// that build a Dockerfile, the Dockerfile that runs a script. What is
	// reported about a file does not depend on which others are named.
	ReportOnly []string
	// KeepSources keeps in Result.Sources every file read; otherwise
	// a Dockerfile linted on its own with no finding, error or ignore
	// comment is dropped once checked, so that memory does not grow with
	// the repository (the language server edits files without findings).
	KeepSources bool
	// WholeSources keeps the whole text of the sources in Result.Sources,
	// for fixes, which edit files (--fix, --diff). Otherwise, and without
	// KeepSources, a source is cut down to the lines its findings' report
	// shows (parser.Source.Excerpt) once the run no longer needs the rest.
	WholeSources bool
	// Exclude holds --exclude patterns, relative to the working directory,
	// with the syntax of ignore-paths (see CompileExclude). They, and what
	// git ignores, leave files out of directory walks; a file named in
	// Paths is linted all the same.
	Exclude []string
	// ShellCheck is the shellcheck binary to run for rule shellcheck; ""
	// looks for one on PATH. ShellCheckTimeout bounds each of its processes
	// (0: shellcheck.DefaultTimeout).
	ShellCheck        string
	ShellCheckTimeout time.Duration
}

// CheckExclude reports whether pattern is a valid --exclude pattern.
func CheckExclude(pattern string) error {
	_, err := compileGlob(pattern)
	return err
}

// FileError is a file that could not be read, parsed or checked.
type FileError struct {
	Path string
	Line int
	Col  int
	Msg  string
}

func (e *FileError) Error() string {
	path := parser.PrintablePath(e.Path)
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", path, e.Msg)
}

// Result is everything a run found.
type Result struct {
	Findings []rules.Finding // sorted by file, position, rule
	Errors   []*FileError    // sorted by file and line
	// Sources holds the files read that have a finding or an error, or
	// whose ignore comments were read; every file read with
	// Options.KeepSources.
	Sources map[string]*parser.Source
	Files   int           // files linted (Dockerfiles, compose files, scripts)
	Rules   []*rules.Rule // the rules that ran
	// Failing counts the findings at or above their file's fail level.
	Failing int
	// Recorded is what a baseline written from this run records: every
	// finding after configuration and inline ignores, before --baseline
	// and --min-severity.
	Recorded []rules.Finding
	// Hidden counts the findings the run found but does not report.
	Hidden Hidden
	// Notes are messages for standard error that change nothing else: a
	// ShellCheck that failed, or (Verbose) one that is not installed.
	Notes []Note
}

// Hidden counts the findings left out of a report, by what left them out.
type Hidden struct {
	Baseline int // recorded in the --baseline file
	Ignores  int // silenced by an inline ignore comment
	Severity int // below the file's min-severity
}

// Run lints what opts names. It never panics on input: unreadable and
// unparsable files become Errors and the other files are still linted.
func Run(opts Options) *Result {
	r := newRunner(opts)
	r.discover()
	r.warmUp()
	if !r.applyIgnorePaths() || !r.configure() {
		return r.result()
	}
	r.setUpShellCheck()
	// Compose projects first: they decide which Dockerfiles a service runs,
	// and those are checked with the service's view, not on their own.
	// Before both, the images they build and tag: bases of other files.
	// Run files are read first for the images they build, checked before
	// the Dockerfiles their runs link claim them.
	r.parseRunFiles()
	if r.addNamedGroups(r.commandGroups()) {
		r.chooseRules()
		if !r.takeConfigErrors() {
			return r.result()
		}
	}
	r.findLocalImages()
	r.exportOnly = r.exportOnlyDockerfiles()
	r.checkComposeProjects()
	r.checkRunFiles()
	r.checkDockerfiles()
	r.runShellCheck()
	r.reportRunFileErrors()
	r.restoreNeeded(r.findings) // before fingerprints match a baseline
	r.applyConfig()
	r.keepReportedErrors()
	return r.result()
}

// warmUp starts, on a spare core, the one-time work a compose file's load
// and check would otherwise wait for: compiling compose-go's schema and
// indexing the image catalogue. `dlint compose.yaml` starts up 3-4 ms
// sooner in wall time (not CPU); a Dockerfile alone gains nothing, as its
// parse is shorter than the index.
func (r *runner) warmUp() {
	if len(r.composeGroups) > 0 {
		go parser.PrepareCompose()
		go images.Default()
	}
}

type runner struct {
	opts    Options
	workers int
	hidden  Hidden
	// reportOnly holds Options.ReportOnly as absolute paths.
	reportOnly map[string]bool

	mu      sync.Mutex
	errors  []*FileError
	sources map[string]*parser.Source
	// dropped holds the paths of sources let go once checked (see
	// dropUnneededSource): still counted as linted.
	dropped map[string]bool

	dockerfilePaths []string         // discovered, in order
	walkedPaths     map[string]bool  // those the directory walk found
	templates       []string         // walked Dockerfiles that are templates, left out
	stdinDockerfile *parser.Source   // "-" read as a Dockerfile
	composeGroups   []composeGroup   // discovered compose projects
	dockerfiles     *dockerfileCache // Dockerfiles the compose projects build
	scripts         *scriptCache
	contexts        contextCache // build contexts searched for credentials
	bake            bakeContexts // the named contexts of Bake files, by directory
	runFilePaths    []string     // scripts, Makefiles, CI and Markdown files, discovered
	runFiles        []*runFile   // those with run lines
	runParsed       []*parsedRunFile
	// stackDirs are the directories, absolute, where a script runs a
	// `docker stack deploy` whose files an expansion hides.
	stackDirs map[string]bool

	// Models are dropped as soon as their unit is checked, so memory does
	// not grow with the repository; what the filters need later is kept:
	// the sources, the Dockerfiles' suppressions, the compose files.
	checkedDockerfiles map[string]bool        // by fileKey
	localImages        map[string]*localImage // images compose services build, by name:tag
	// exportOnly are the Dockerfiles, absolute, built only with --output.
	exportOnly map[string]bool
	localMu    sync.Mutex // guards the resolution of localImages
	// repoRoots caches, by directory, the repository root above it ("" for
	// none), which every Dockerfile's build-context guess asks for.
	repoRoots sync.Map
	// namedDirs are the directories the command line names, absolute,
	// found once (namedDirectories).
	namedDirs      []string
	namedDirsOnce  sync.Once
	dockerfileSups map[string]*fileSuppressions // by path
	scriptSups     map[string]*fileSuppressions // entrypoint scripts', by path
	scriptsRead    map[string]bool              // paths of the scripts recorded (addScriptSource)
	composeSups    map[string]*fileSuppressions // compose files', by path
	findings       []rules.Finding

	pool         []*rules.Rule // Options.Rules or rules.All()
	configs      *configSet
	configBroken bool
	active       []*rules.Rule // the rules that run
	baseline     *Baseline
	lookup       ruleLookup // rule names for pragmas
	recorded     []rules.Finding
	failing      int

	sc    shellCheckState
	notes []Note
	// strings holds the texts of the findings kept (see compact).
	strings intern.Pool
}

type composeGroup struct {
	dir   string
	files []string // display paths, in merge order
	stdin *parser.Source
	// walkedAlone marks a compose file the walk found that is not a
	// directory's default project: linted on its own unless a project
	// COMPOSE_FILE or a compose command names holds it.
	walkedAlone bool
	// walked marks a project of files the walk found, not named.
	walked bool
	// envFiles are the --env-file files of the compose command that
	// names the project, read instead of its `.env`; envUnknown is set
	// when one is not a path known here.
	envFiles   []string
	envUnknown bool
	// stack is set when `docker stack deploy -c` names the files.
	stack bool
}

type unit struct {
	path       string // for internal errors
	dockerfile *parser.Dockerfile
	compose    *parser.ComposeProject
	containers []*parser.Container
	builders   []*parser.Container // of a Dockerfile: the services that build it
}

func newRunner(opts Options) *runner {
	w := opts.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	r := &runner{
		opts: opts, workers: w, sources: map[string]*parser.Source{}, pool: opts.Rules,
		walkedPaths: map[string]bool{}, checkedDockerfiles: map[string]bool{}, dockerfileSups: map[string]*fileSuppressions{},
		scriptSups: map[string]*fileSuppressions{}, scriptsRead: map[string]bool{}, composeSups: map[string]*fileSuppressions{},
	}
	if r.pool == nil {
		r.pool = rules.All()
	}
	if opts.ReportOnly != nil {
		r.reportOnly = map[string]bool{}
		for _, p := range opts.ReportOnly {
			r.reportOnly[absPath(p)] = true
		}
	}
	r.configs = newConfigSet(&r.opts, r.pool)
	r.dockerfiles = newDockerfileCache(r)
	r.scripts = newScriptCache(r)
	return r
}

func (r *runner) addError(e *FileError) {
	r.mu.Lock()
	r.errors = append(r.errors, e)
	r.mu.Unlock()
}

func (r *runner) addSource(s *parser.Source) {
	r.mu.Lock()
	r.sources[s.Path] = s
	r.mu.Unlock()
}

// readLinted reads a linted file (a Dockerfile, compose file, script or
// .env) under the size limit that applies to it.
func (r *runner) readLinted(path string) ([]byte, error) {
	limit := r.configs.sizeLimit(path)
	if data, ok := r.opts.Overlay[absFrom(r.configs.cwd, path)]; ok {
		if int64(len(data)) > limit.bytes {
			return nil, &tooLargeError{size: int64(len(data)), limit: limit.bytes, hint: limit.hint()}
		}
		return data, nil
	}
	data, err := readFile(path, limit.bytes)
	if tl, ok := err.(*tooLargeError); ok {
		tl.hint = limit.hint()
	}
	return data, err
}

// describeOSError shortens err to what a person needs ("permission
// denied"); errors.Is still sees the cause (fs.ErrNotExist).
func describeOSError(err error) error {
	switch {
	case os.IsNotExist(err):
		return &describedError{"no such file or directory", err}
	case os.IsPermission(err):
		return &describedError{"permission denied", err}
	}
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

type describedError struct {
	msg   string
	cause error
}

func (e *describedError) Error() string { return e.msg }
func (e *describedError) Unwrap() error { return e.cause }

func (r *runner) discover() {
	byDir := map[string]*composeDir{}
	var dirOrder []string
	// Compose files named on the command line, by directory: a default
	// file named with its override is one project, as in a walk.
	namedByDir := map[string]*composeDir{}
	var namedOrder []string
	// The directories walked, and whether each has a .env: where
	// COMPOSE_FILE may name a project.
	var walked []string
	dotEnv := map[string]bool{}
	listed := func(dir string, names map[string]bool) {
		r.configs.noteWalked(dir, names)
		r.bake.noteWalked(dir, names)
		walked = append(walked, dir)
		dotEnv[dir] = names[".env"]
	}
	for _, p := range r.opts.Paths {
		if p == "-" {
			r.readStdin()
			continue
		}
		info, err := os.Stat(p)
		_, unsaved := r.opts.Overlay[absFrom(r.configs.cwd, p)]
		if err != nil && !unsaved {
			r.addError(&FileError{Path: p, Msg: "cannot read: " + describeOSError(err).Error()})
			continue
		}
		if unsaved || !info.IsDir() {
			kind := r.opts.Kind
			if kind == KindUnknown {
				kind = Classify(p)
			}
			if kind == KindUnknown && (RunFileKind(p) != 0 || namedRunFile(p)) {
				kind = KindRuns
			}
			if kind == KindUnknown {
				kind = sniffKindByName(p)
			}
			switch kind {
			case KindRuns:
				r.runFilePaths = append(r.runFilePaths, p)
			case KindCompose:
				dir := filepath.Dir(p)
				if namedByDir[dir] == nil {
					namedByDir[dir] = &composeDir{}
					namedOrder = append(namedOrder, dir)
				}
				namedByDir[dir].add(p)
			default:
				r.dockerfilePaths = append(r.dockerfilePaths, p)
			}
			continue
		}
		err = walk(p, newWalkFilter(p, r.configs.cwd, r.excludeGlobs(), r.reportOnly), listed, func(path string, kind Kind) {
			switch kind {
			case KindDockerfile:
				r.dockerfilePaths = append(r.dockerfilePaths, path)
				r.walkedPaths[path] = true
			case KindRuns:
				r.runFilePaths = append(r.runFilePaths, path)
				r.walkedPaths[path] = true
			case KindCompose:
				dir := filepath.Dir(path)
				cd := byDir[dir]
				if cd == nil {
					cd = &composeDir{}
					byDir[dir] = cd
					dirOrder = append(dirOrder, dir)
				}
				cd.add(path)
			}
		}, func(path string, err error) {
			r.addError(&FileError{Path: path, Msg: err.Error()})
		})
		if err != nil {
			r.addError(&FileError{Path: p, Msg: "cannot read: " + describeOSError(err).Error()})
		}
	}
	for _, dir := range namedOrder {
		for _, files := range namedByDir[dir].projects(false) {
			r.composeGroups = append(r.composeGroups, composeGroup{dir: dir, files: files.files})
		}
	}
	// COMPOSE_FILE replaces a directory's default project.
	var named []composeGroup
	replaced := map[string]bool{}
	for _, dir := range walked {
		if g, ok := r.composeFileGroup(dir, dotEnv[dir]); ok {
			named = append(named, g)
			replaced[absFrom(r.configs.cwd, dir)] = true
		}
	}
	for _, dir := range dirOrder {
		for _, files := range byDir[dir].projects(replaced[absFrom(r.configs.cwd, dir)]) {
			r.composeGroups = append(r.composeGroups, composeGroup{dir: dir, files: files.files, walkedAlone: !files.isDefault, walked: true})
		}
	}
	if len(r.opts.ComposeMerge) > 0 {
		// A walked file the merge holds (its override) is linted in it, not
		// alone as well.
		merged := map[string]bool{}
		for _, f := range r.opts.ComposeMerge {
			merged[absFrom(r.configs.cwd, f)] = true
		}
		kept := r.composeGroups[:0]
		for _, g := range r.composeGroups {
			if !(g.walkedAlone && len(g.files) == 1 && merged[absFrom(r.configs.cwd, g.files[0])]) {
				kept = append(kept, g)
			}
		}
		kept = append(kept, composeGroup{dir: filepath.Dir(r.opts.ComposeMerge[0]), files: r.opts.ComposeMerge})
		r.composeGroups = kept
	}
	r.addNamedGroups(named)
}

// excludeGlobs compiles Options.Exclude; the command line checked them
// with CheckExclude, so a bad one is left out here.
func (r *runner) excludeGlobs() []glob {
	var out []glob
	for _, p := range r.opts.Exclude {
		if g, err := compileGlob(p); err == nil {
			out = append(out, g)
		}
	}
	return out
}

// sniffKindByName guesses the kind of an explicitly named file whose name
// says nothing: YAML is compose, anything else a Dockerfile.
func sniffKindByName(p string) Kind {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yml", ".yaml":
		return KindCompose
	}
	return KindDockerfile
}

func (r *runner) readStdin() {
	name := r.opts.StdinFilename
	if name == "" {
		name = "<stdin>"
	}
	if r.opts.Stdin == nil {
		r.addError(&FileError{Path: name, Msg: "cannot read: no standard input"})
		return
	}
	limit := r.configs.sizeLimit(name)
	data, err := io.ReadAll(io.LimitReader(r.opts.Stdin, limit.bytes+1))
	if err != nil {
		r.addError(&FileError{Path: name, Msg: "cannot read: " + err.Error()})
		return
	}
	if int64(len(data)) > limit.bytes {
		r.addError(&FileError{Path: name, Msg: fmt.Sprintf("cannot read: input is larger than the %s dlint reads%s", FormatSize(limit.bytes), limit.hint())})
		return
	}
	kind := r.opts.Kind
	if kind == KindUnknown {
		kind = Classify(name)
	}
	if kind == KindUnknown && looksLikeCompose(data) {
		kind = KindCompose
	}
	src := parser.NewSource(name, data)
	if kind == KindCompose {
		dir, _ := os.Getwd()
		r.composeGroups = append(r.composeGroups, composeGroup{dir: dir, files: []string{name}, stdin: src})
		return
	}
	r.stdinDockerfile = src
}

// looksLikeCompose reports whether data has a top-level compose key.
func looksLikeCompose(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		for _, key := range []string{"services:", "version:", "include:", "volumes:", "networks:", "name:"} {
			if bytes.HasPrefix(line, []byte(key)) {
				return true
			}
		}
	}
	return false
}

// checkComposeProjects loads, links and checks each compose project, and
// the Dockerfiles its services build, on the workers.
func (r *runner) checkComposeProjects() {
	results := make([][]rules.Finding, len(r.composeGroups))
	parallel(r.workers, len(r.composeGroups), func(i int) {
		p := r.loadCompose(r.composeGroups[i])
		if p == nil {
			return
		}
		u := &unit{path: r.composeGroups[i].files[0], compose: p, containers: r.linkCompose(p)}
		found := r.checkBounded(u)
		built := map[*parser.Dockerfile]bool{}
		builders := map[*parser.Dockerfile][]*parser.Container{}
		for _, c := range u.containers {
			if c.Dockerfile != nil {
				builders[c.Dockerfile] = append(builders[c.Dockerfile], c)
			}
		}
		for _, c := range u.containers {
			df := c.Dockerfile
			if df == nil || built[df] {
				continue
			}
			built[df] = true
			// A dockerfile_inline lives in the compose file, whose own
			// comments are its suppressions.
			key, inline := df.Source.Path, c.Service.Build != nil && c.Service.Build.Inline != ""
			if inline {
				key += "#" + c.Service.Name
			}
			if r.claimDockerfile(key) {
				found = append(found, r.checkDockerfile(df, nil, builders[df], !inline)...)
			}
		}
		for df := range built {
			r.dockerfiles.forget(df.Source.Path)
		}
		r.keepComposeSources(append(slices.Clip(p.Files), p.Sources...), found)
		results[i] = found
	})
	for _, fs := range results {
		r.findings = append(r.findings, fs...)
	}
}

// checkDockerfiles checks the Dockerfiles that no compose service builds,
// each as the container its final stage makes.
func (r *runner) checkDockerfiles() {
	results := make([][]rules.Finding, len(r.dockerfilePaths)+1)
	parallel(r.workers, len(r.dockerfilePaths), func(i int) {
		path := r.dockerfilePaths[i]
		if !r.claimDockerfile(path) {
			return // built by a compose service, or named twice
		}
		if df := r.readDockerfile(path); df != nil {
			// Built only with --output: its files are written out, and no
			// container runs it.
			var standalone *parser.Container
			if !r.exportOnly[absFrom(r.configs.cwd, path)] {
				standalone = r.standaloneContainer(df)
			}
			results[i] = r.checkDockerfile(df, standalone, nil, true)
			r.dropUnneededSource(df.Source, results[i])
		}
	})
	if src := r.stdinDockerfile; src != nil {
		if df := r.parseDockerfile(src); df != nil {
			results[len(r.dockerfilePaths)] = r.checkDockerfile(df, r.standaloneContainer(df), nil, true)
		}
	}
	for _, fs := range results {
		r.findings = append(r.findings, fs...)
	}
}

// dropUnneededSource lets go of the source of a Dockerfile checked on its
// own, or of the text of it no report reads: no other unit reports in
// such a Dockerfile (compose services and run lines claimed theirs
// before). Without a finding of its check or an ignore comment it is
// dropped; otherwise it is cut down to the lines its findings and ignore
// comments are reported on (unused-ignore reports at the comment). A
// later finding elsewhere in it has the file read again (restoreNeeded).
func (r *runner) dropUnneededSource(src *parser.Source, found []rules.Finding) {
	if r.opts.KeepSources {
		return
	}
	var need []int
	for _, f := range found {
		if r.opts.WholeSources && inFile(f, src.Path) {
			return
		}
		if f.Range.File == src.Path {
			need = appendReportLines(need, f.Range)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sources[src.Path] != src {
		return
	}
	sups := r.dockerfileSups[src.Path]
	if len(need) == 0 && sups == nil {
		delete(r.sources, src.Path)
		if r.dropped == nil {
			r.dropped = map[string]bool{}
		}
		r.dropped[src.Path] = true
		return
	}
	if r.opts.WholeSources {
		return
	}
	r.sources[src.Path] = src.Excerpt(sups.appendLines(need))
}

// keepComposeSources reads the suppressions of a checked project's files
// (its own and those it includes or extends) and cuts each file down to
// the lines the project's findings and those suppressions are on, as a
// Dockerfile's is once checked: compose files would otherwise stay whole
// to the end of the run. A file two projects share keeps the lines of
// both; a later finding on a line an excerpt lacks has its file read again
// (restoreNeeded).
func (r *runner) keepComposeSources(files []*parser.Source, found []rules.Finding) {
	for _, src := range files {
		r.mu.Lock()
		sups, seen := r.composeSups[src.Path]
		if !seen {
			r.composeSups[src.Path] = nil // read once, however many projects hold it
		}
		r.mu.Unlock()
		if !seen && r.wantsPragmas(src) {
			pragmas, errs := composePragmas(src, r.lookup)
			for _, e := range errs {
				r.addError(e)
			}
			sups = &fileSuppressions{kind: KindCompose, pragmas: pragmas}
		}
		var need []int
		if !r.opts.KeepSources && !r.opts.WholeSources {
			for _, f := range found {
				if f.Range.File == src.Path {
					need = appendReportLines(need, f.Range)
				}
			}
			need = sups.appendLines(need)
		}
		r.mu.Lock()
		if !seen {
			r.composeSups[src.Path] = sups
		}
		if cur := r.sources[src.Path]; cur != nil && !r.opts.KeepSources && !r.opts.WholeSources {
			if cur.IsExcerpt() {
				need = append(need, cur.HeldLines()...)
			}
			if !src.IsExcerpt() {
				r.sources[src.Path] = src.Excerpt(need)
			}
		}
		r.mu.Unlock()
	}
}

// appendLines adds the lines an unused-ignore finding at each of the
// suppressions would be reported on; none for nil.
func (s *fileSuppressions) appendLines(lines []int) []int {
	if s == nil {
		return lines
	}
	for _, p := range s.pragmas {
		lines = appendReportLines(lines, parser.Range{Start: parser.Pos{Line: p.line}})
	}
	return lines
}

// appendReportLines adds the lines a report of a finding at rg reads: its
// own (the text snippet, SARIF's snippet, the fingerprint) and those
// around it (SARIF's context region).
func appendReportLines(lines []int, rg parser.Range) []int {
	if rg.Start.Line < 1 {
		return lines
	}
	last := max(rg.End.Line, rg.Start.Line) + parser.ReportContextLines
	for n := max(rg.Start.Line-parser.ReportContextLines, 1); n <= last; n++ {
		lines = append(lines, n)
	}
	return lines
}

// excerptSources cuts every source down to the lines the findings' report
// reads, at the end of the run: the scripts, compose files and run files
// kept whole for their ignore comments and late findings.
func (r *runner) excerptSources(findings ...[]rules.Finding) {
	if r.opts.KeepSources || r.opts.WholeSources {
		return
	}
	need := map[string][]int{}
	for _, fs := range findings {
		for _, f := range fs {
			need[f.Range.File] = appendReportLines(need[f.Range.File], f.Range)
		}
	}
	for path, src := range r.sources {
		r.sources[path] = src.Excerpt(need[path])
	}
}

// inFile reports whether f is in the file at path or its fix edits it.
func inFile(f rules.Finding, path string) bool {
	if f.Range.File == path {
		return true
	}
	if f.Fix != nil {
		for _, e := range f.Fix.Edits {
			if e.Range.File == path {
				return true
			}
		}
	}
	return false
}

// restoreNeeded reads again the sources that a finding turned out to
// need: dropped ones, and excerpts without a line its report reads.
// dropUnneededSource cuts none that a finding of the file's own check
// needs, so this is a safety net for later findings (ShellCheck's): a
// report without the file's text would lose snippets and fingerprints.
func (r *runner) restoreNeeded(findings ...[]rules.Finding) {
	var need map[string][]int // by path, when sources are cut down
	if !r.opts.KeepSources && !r.opts.WholeSources {
		need = map[string][]int{}
		for _, fs := range findings {
			for _, f := range fs {
				need[f.Range.File] = appendReportLines(need[f.Range.File], f.Range)
			}
		}
	}
	reread := func(p string) {
		delete(r.dropped, p)
		if data, err := r.readLinted(p); err == nil {
			src := parser.NewSource(p, data)
			if need != nil {
				src = src.Excerpt(need[p]) // several at once stay small
			}
			r.sources[p] = src
		}
	}
	for _, fs := range findings {
		for _, f := range fs {
			if p := f.Range.File; r.dropped[p] {
				reread(p)
			} else if src := r.sources[p]; src.IsExcerpt() {
				for _, n := range appendReportLines(nil, f.Range) {
					if !src.Holds(n) {
						reread(p)
						break
					}
				}
			}
			if f.Fix != nil && r.opts.WholeSources {
				for _, e := range f.Fix.Edits {
					if r.dropped[e.Range.File] {
						reread(e.Range.File)
					}
				}
			}
		}
	}
}

// claimDockerfile reports whether the Dockerfile at path is still to be
// checked, and marks it checked.
func (r *runner) claimDockerfile(path string) bool {
	key := absFrom(r.configs.cwd, path)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.checkedDockerfiles[key] {
		return false
	}
	r.checkedDockerfiles[key] = true
	return true
}

// checkDockerfile runs the rules on one Dockerfile, with the container of
// its final stage when no compose service runs it, and reads its
// suppressions while the model is at hand.
func (r *runner) checkDockerfile(df *parser.Dockerfile, standalone *parser.Container, builders []*parser.Container, pragmas bool) []rules.Finding {
	u := &unit{path: df.Source.Path, dockerfile: df, builders: builders}
	if standalone != nil {
		u.containers = []*parser.Container{standalone}
	}
	found := r.checkBounded(u)
	r.gatherDockerfileSnippets(df)
	if pragmas {
		r.readDockerfilePragmas(df)
	}
	return found
}

// checkBounded runs the rules on a unit under the per-file bound.
func (r *runner) checkBounded(u *unit) []rules.Finding {
	checked, ok := bounded(r, u.path, "checking", func() checkedUnit { return r.checkUnit(u) })
	if !ok {
		return nil
	}
	for _, e := range checked.errors {
		r.addError(e)
	}
	r.gatherScriptSnippets(u.containers)
	r.extendScriptExcerpts(u.containers, checked.findings)
	return checked.findings
}

// extendScriptExcerpts adds to the excerpts of the containers' entrypoint
// scripts (see scriptCache.parse) the lines the findings in them are
// reported on, from the text the models hold while they exist.
func (r *runner) extendScriptExcerpts(containers []*parser.Container, found []rules.Finding) {
	for _, c := range containers {
		s := c.Script
		if s == nil || s.Source == nil {
			continue
		}
		var need []int
		for _, f := range found {
			if f.Range.File == s.Source.Path {
				need = appendReportLines(need, f.Range)
			}
		}
		if len(need) == 0 {
			continue
		}
		r.mu.Lock()
		if cur := r.sources[s.Source.Path]; cur.IsExcerpt() && !s.Source.IsExcerpt() {
			r.sources[s.Source.Path] = s.Source.Excerpt(append(cur.HeldLines(), need...))
		}
		r.mu.Unlock()
	}
}

type checkedUnit struct {
	findings []rules.Finding
	errors   []*FileError
}

// checkUnit runs every rule on one unit. A panic in a rule is reported as
// an internal error for the unit's file; the other rules still run. It
// returns its errors rather than recording them: it runs under bounded.
func (r *runner) checkUnit(u *unit) checkedUnit {
	var out checkedUnit
	forTests := r.forTests(u)
	for _, rule := range r.active {
		func() {
			defer func() {
				if v := recover(); v != nil {
					out.errors = append(out.errors, internalError(u.path, "running rule "+rule.ID, v, debug.Stack()))
				}
			}()
			pass := rules.NewPass(rule, func(f rules.Finding) { out.findings = append(out.findings, f) })
			pass.Dockerfile, pass.Compose, pass.Containers, pass.Builders = u.dockerfile, u.compose, u.containers, u.builders
			pass.Settings, pass.Options = r.passSettings(u, rule)
			pass.ForTests = forTests
			rule.Check(pass)
		}()
	}
	out.findings = r.compact(out.findings)
	return out
}

// compact returns findings in a slice of their own length with their
// strings interned: they live to the end of the run, and their messages,
// made while the model was built, would otherwise each keep a span of the
// model's memory in use.
func (r *runner) compact(findings []rules.Finding) []rules.Finding {
	if len(findings) == 0 {
		return nil
	}
	out := slices.Clone(findings)
	for i := range out {
		out[i].Compact(r.strings.String)
	}
	return out
}

func (r *runner) result() *Result {
	r.restoreNeeded(r.findings, r.recorded)
	r.excerptSources(r.findings, r.recorded)
	r.templatesNote()
	res := &Result{Sources: r.sources, Rules: r.active, Failing: r.failing, Recorded: r.recorded, Hidden: r.hidden, Notes: r.notes}
	res.Findings = sortFindings(r.findings)
	res.Errors = r.errors
	sort.SliceStable(res.Errors, func(i, j int) bool {
		a, b := res.Errors[i], res.Errors[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
	res.Files = len(r.sources) + len(r.dropped)
	return res
}

// sortFindings orders findings, merges those that differ only in the
// services they name (a Dockerfile line several services build) and drops
// exact duplicates (a script run by two services is checked twice but
// reported once).
func sortFindings(in []rules.Finding) []rules.Finding {
	sortStable(in)
	if merged := rules.Merge(in); len(merged) < len(in) {
		in = merged
		sortStable(in)
	}
	out := in[:0]
	for i, f := range in {
		if i > 0 && sameFinding(in[i-1], f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// sortStable orders findings by compareFindings, equal ones as they came.
// It sorts their indices and then moves each finding once: a finding is
// 160 bytes, and a large run's sort compares them millions of times.
func sortStable(in []rules.Finding) {
	order := make([]int32, len(in))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := compareFindings(&in[i], &in[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	// Position k takes in[order[k]]: follow each cycle of the permutation.
	for start := range order {
		if order[start] == int32(start) {
			continue
		}
		held, k := in[start], start
		for {
			next := int(order[k])
			order[k] = int32(k)
			if next == start {
				in[k] = held
				break
			}
			in[k], k = in[next], next
		}
	}
}

// compareFindings orders findings by file, start, rule, end and message.
func compareFindings(a, b *rules.Finding) int {
	ra, rb := &a.Range, &b.Range
	if c := cmp.Compare(ra.File, rb.File); c != 0 {
		return c
	}
	if c := cmp.Compare(ra.Start.Line, rb.Start.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(ra.Start.Col, rb.Start.Col); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule.ID, b.Rule.ID); c != 0 {
		return c
	}
	if c := cmp.Compare(ra.End.Line, rb.End.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(ra.End.Col, rb.End.Col); c != 0 {
		return c
	}
	return cmp.Compare(a.Message, b.Message)
}

func sameFinding(a, b rules.Finding) bool {
	return a.Rule == b.Rule && a.Range == b.Range && a.Message == b.Message
}

// parallel runs fn(0..n-1) on up to workers goroutines.
func parallel(workers, n int, fn func(i int)) {
	if n == 0 {
		return
	}
	if workers > n {
		workers = n
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
