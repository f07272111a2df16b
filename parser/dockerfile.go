package parser

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	bkparser "github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"

	"github.com/dlint-dev/dlint/images"
)

// Dockerfile is one parsed Dockerfile.
type Dockerfile struct {
	Source       *Source
	Escape       rune
	MetaArgs     []*Instruction // ARG instructions before the first FROM
	MetaVars     []*Var         // the names those ARGs declare
	Stages       []*Stage
	Instructions []*Instruction // every instruction in source order
	// BuildkitChecks are the warnings buildkit's own linter gives while
	// parsing (the checks of `docker build --check` it computes there).
	BuildkitChecks []*BuildkitCheck
	// NamedContexts are the build contexts a Bake file beside the
	// Dockerfile (or in a directory above it) declares: `COPY --from=NAME`
	// of one of them copies from that context, not from an image.
	NamedContexts []string
	// GitHubAction is set when an action.yml beside the Dockerfile runs it
	// as a Docker container action, which GitHub runs as root: USER would
	// lose the workspace's files (docs.github.com, Dockerfile support).
	GitHubAction bool
}

// BuildkitCheck is one warning of buildkit's linter: its rule name
// (StageNameCasing), its message and the instruction it is about.
type BuildkitCheck struct {
	Rule    string
	Message string
	Instr   *Instruction
}

// Checks returns buildkit's warnings of the named rule.
func (d *Dockerfile) Checks(rule string) []*BuildkitCheck {
	var out []*BuildkitCheck
	for _, c := range d.BuildkitChecks {
		if c.Rule == rule {
			out = append(out, c)
		}
	}
	return out
}

// Final returns the last stage, the one `docker build` produces by default.
func (d *Dockerfile) Final() *Stage {
	if len(d.Stages) == 0 {
		return nil
	}
	return d.Stages[len(d.Stages)-1]
}

// StageByName finds a stage by its (case-insensitive) name.
func (d *Dockerfile) StageByName(name string) *Stage {
	for _, s := range d.Stages {
		if s.Name != "" && strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
}

// StageFrom finds the stage a `COPY --from` names: by its name, or by its
// index (`--from=0`); nil for an image or a named context.
func (d *Dockerfile) StageFrom(from string) *Stage {
	if d == nil {
		return nil
	}
	if st := d.StageByName(from); st != nil {
		return st
	}
	if n, err := strconv.Atoi(from); err == nil && n >= 0 && n < len(d.Stages) {
		return d.Stages[n]
	}
	return nil
}

// Instruction is one Dockerfile instruction.
type Instruction struct {
	Keyword  string   // upper case: "RUN"
	Original string   // text after joining continuation lines
	Args     []string // arguments as buildkit splits them
	Flags    []string // --flag=value strings
	JSON     bool     // exec form (a JSON array)
	Heredocs []Heredoc
	Comments []string // comment lines directly above
	Range    Range    // from the keyword to the end of the last line
	Stage    *Stage   // nil for ARGs before the first FROM
	// UserBefore is the USER in effect when the instruction runs: the
	// stage's last USER before it, else the stage it builds on's; nil when
	// neither sets one (the base image's user applies).
	UserBefore *User
	// Script is the parsed shell of RUN, of shell-form CMD/ENTRYPOINT and
	// HEALTHCHECK CMD-SHELL, or of the `sh -c` string of an exec form.
	Script *Script
	// Shell is the SHELL a shell-form RUN, CMD or ENTRYPOINT is run with:
	// the one in effect where it is written, as buildkit prepends it (a
	// later SHELL does not change it); nil for other instructions. A
	// HEALTHCHECK's CMD-SHELL takes the image's SHELL when it runs.
	Shell []string
	// Run holds a RUN's build-time options (--network, --security,
	// --mount), as buildkit reads them; nil for other instructions.
	Run *RunOptions
	// Workdir is the WORKDIR in effect when the instruction runs ("" when
	// none is set: the base image's, usually /).
	Workdir string
	// Trigger is, for ONBUILD, the instruction it registers for the images
	// built FROM this one, with its own keyword, range and (for RUN)
	// Script. It does not change this stage's model.
	Trigger *Instruction
	// env holds the ARG and ENV values in effect when the instruction
	// runs, for ExpandWord; the list is shared, never modified.
	env *envChain
	df  *Dockerfile
}

// RunOptions are the flags of a RUN that change how the build runs it.
type RunOptions struct {
	Network  string // "default", "none" or "host"
	Security string // "sandbox" or "insecure"
	Mounts   []*RunMount
}

// RunMount is one --mount of a RUN.
type RunMount struct {
	Type   string // bind, cache, tmpfs, secret, ssh
	ID     string // a secret's id ("" when the target's base name is used)
	Target string
	Env    string // the variable a secret is exposed as, "" when none
}

// FlagRange returns the range of the first flag of the instruction that
// starts with prefix (`--network=`), or the keyword's when none does.
func (in *Instruction) FlagRange(prefix string) Range {
	for _, f := range in.Flags {
		if strings.HasPrefix(f, prefix) {
			return in.Find(f)
		}
	}
	return in.KeywordRange()
}

// Heredoc is a here-document attached to RUN, COPY or ADD.
type Heredoc struct {
	Name    string
	Content string
}

// KeywordRange is the range of the instruction keyword.
func (in *Instruction) KeywordRange() Range {
	r := in.Range
	r.End = Pos{r.Start.Line, r.Start.Col + len(in.Keyword)}
	return r
}

// KeywordText is the keyword as the file writes it (`Run`, `from`).
func (in *Instruction) KeywordText() string {
	line := []rune(in.df.Source.Line(in.Range.Start.Line))
	start := in.Range.Start.Col - 1
	if start < 0 || start+len(in.Keyword) > len(line) {
		return in.Keyword
	}
	return string(line[start : start+len(in.Keyword)])
}

// Find returns the range of the first occurrence of word in the
// instruction after its keyword, or the whole instruction when it is absent.
func (in *Instruction) Find(word string) Range {
	src := in.df.Source
	if r, ok := src.FindInLine(in.Range.Start.Line, in.Range.Start.Col+len(in.Keyword), word); ok {
		return r
	}
	for n := in.Range.Start.Line + 1; n <= in.Range.End.Line; n++ {
		if r, ok := src.FindInLine(n, 1, word); ok {
			return r
		}
	}
	return in.Range
}

// findName places a name an ARG or ENV declares: `NAME=` first, so that
// NAME is not found inside an earlier NAME_X.
func (in *Instruction) findName(name string) Range {
	if r := in.Find(name + "="); r != in.Range {
		r.End.Col = r.Start.Col + len([]rune(name))
		return r
	}
	return in.Find(name)
}

// ArgsRange covers the instruction's arguments (everything after the
// keyword and flags).
func (in *Instruction) ArgsRange() Range {
	r := in.Range
	line := []rune(in.df.Source.Line(r.Start.Line))
	col := r.Start.Col + len(in.Keyword)
	rest := string(line[min(col-1, len(line)):])
	trimmed := strings.TrimLeft(rest, " \t")
	col += len([]rune(rest)) - len([]rune(trimmed))
	for _, f := range in.Flags {
		if strings.HasPrefix(trimmed, f) {
			trimmed = trimmed[len(f):]
			n := len([]rune(f))
			t := strings.TrimLeft(trimmed, " \t")
			n += len([]rune(trimmed)) - len([]rune(t))
			trimmed = t
			col += n
		}
	}
	r.Start.Col = col
	if r.End.Line == r.Start.Line && r.End.Col <= col {
		r.End.Col = col + 1
	}
	return r
}

// Stage is one build stage, from its FROM to the next.
type Stage struct {
	Index    int
	Name     string // lower case, "" when unnamed
	From     *Instruction
	BaseName string   // as written, e.g. "golang:${GO_VERSION}"
	Base     ImageRef // expanded base image reference
	// BaseResolved is false when BaseName uses an ARG with no value
	// (`FROM ${BASE}`): the build's --build-arg decides the image.
	BaseResolved bool
	Parent       *Stage // earlier stage this one builds on, or nil
	Platform     string
	Instructions []*Instruction // after FROM

	User       *User       // last USER of this stage, nil when it sets none
	Entrypoint *ExecSpec   // last ENTRYPOINT of this stage
	Cmd        *ExecSpec   // last CMD of this stage
	Shell      []string    // SHELL of this stage (nil: inherited or default)
	StopSignal *StopSignal // last STOPSIGNAL of this stage
	Expose     []*ExposedPort
	Copies     []*Copy
	Workdir    string // WORKDIR in effect at the end of the stage
	// Vars are the stage's ARG and ENV declarations in source order.
	Vars []*Var
	// Env is the environment the image keeps: the ENV values in effect at
	// the end of the stage, expanded, with those of the stages it builds on.
	Env map[string]string
	// Labels are the stage's LABEL pairs in source order.
	Labels []*Label

	// BaseImage is what dlint's image catalogue knows of Base, set when
	// the Dockerfile is linked (nil: unknown, or Parent is set).
	BaseImage *images.Image
}

// IsNamedContext reports whether name is a build context a Bake file
// around the Dockerfile declares (`contexts = { base = "target:base" }`):
// `FROM base` and `COPY --from=base` then use it, not an image.
func (d *Dockerfile) IsNamedContext(name string) bool {
	return slices.ContainsFunc(d.NamedContexts, func(n string) bool { return strings.EqualFold(n, name) })
}

// DisplayName names the stage in messages, as its FROM writes it
// (`AS Build`; Name is lower case, as buildkit matches it).
func (s *Stage) DisplayName() string {
	if s.Name != "" {
		if s.From != nil && len(s.From.Args) == 3 && strings.EqualFold(s.From.Args[2], s.Name) {
			return s.From.Args[2]
		}
		return s.Name
	}
	return fmt.Sprintf("#%d", s.Index)
}

// Ancestors returns the stage and the earlier stages it builds on,
// nearest first.
func (s *Stage) Ancestors() []*Stage {
	var out []*Stage
	seen := map[*Stage]bool{}
	for st := s; st != nil && !seen[st]; st = st.Parent {
		seen[st] = true
		out = append(out, st)
	}
	return out
}

// EffectiveUser is the USER in effect at the end of the stage, through the
// stages it builds on; nil when none sets one.
func (s *Stage) EffectiveUser() *User {
	for _, st := range s.Ancestors() {
		if st.User != nil {
			return st.User
		}
	}
	return nil
}

// RootBase returns the image the stage chain starts from.
func (s *Stage) RootBase() ImageRef {
	anc := s.Ancestors()
	return anc[len(anc)-1].Base
}

// EffectiveShell is the shell that shell-form instructions run with.
func (s *Stage) EffectiveShell() []string {
	for _, st := range s.Ancestors() {
		if st.Shell != nil {
			return st.Shell
		}
	}
	return []string{"/bin/sh", "-c"}
}

// EffectiveEntrypoint and EffectiveCmd follow Docker's inheritance: a stage
// inherits both from the stage it builds on, and setting ENTRYPOINT resets
// an inherited CMD.
func (s *Stage) EffectiveEntrypoint() *ExecSpec {
	for _, st := range s.Ancestors() {
		if st.Entrypoint != nil {
			return st.Entrypoint
		}
	}
	return nil
}

// EffectiveCmd is the CMD in effect at the end of the stage; see
// EffectiveEntrypoint for how inheritance works.
func (s *Stage) EffectiveCmd() *ExecSpec {
	for _, st := range s.Ancestors() {
		if st.Cmd != nil {
			return st.Cmd
		}
		if st.Entrypoint != nil {
			return nil
		}
	}
	return nil
}

// EffectiveExpose lists the ports exposed by the stage and its ancestors.
func (s *Stage) EffectiveExpose() []*ExposedPort {
	var out []*ExposedPort
	for _, st := range s.Ancestors() {
		out = append(out, st.Expose...)
	}
	return out
}

// User is a USER instruction with its value resolved through ARG and ENV.
type User struct {
	Raw      string // as written: "${APP_UID}:app"
	Name     string // user part after expansion: "0"
	Group    string // group part after expansion, "" if none
	Resolved bool   // every variable in Raw had a value
	Instr    *Instruction
	Range    Range // the value in the source
}

// IsRoot reports whether the user is root by name or UID 0.
func (u *User) IsRoot() bool {
	return u != nil && u.Resolved && IsRootUser(u.Name)
}

// IsRootUser reports whether a user name or UID means root. Leading zeros
// are allowed in a UID ("00" is root to the kernel).
func IsRootUser(name string) bool {
	if name == "root" {
		return true
	}
	if name == "" {
		return false
	}
	return strings.Trim(name, "0") == "" && strings.Trim(name, "0123456789") == ""
}

// IsNumeric reports whether the user part is a numeric UID.
func (u *User) IsNumeric() bool {
	return u.Name != "" && strings.Trim(u.Name, "0123456789") == ""
}

// ExecSpec is an ENTRYPOINT or CMD (or a compose entrypoint/command).
type ExecSpec struct {
	Exec   bool     // exec (JSON) form
	Argv   []string // exec form: the array; shell form: the one command string
	Script *Script  // shell form, or the script of an exec-form `sh -c`
	Range  Range
	Instr  *Instruction // nil when the spec comes from compose
}

// Var is one name an ARG or ENV declares.
type Var struct {
	Name string
	// Value is the value as written ("" for `ARG NAME` without one);
	// HasValue tells `ARG NAME=` from `ARG NAME`.
	Value    string
	HasValue bool
	Env      bool // ENV (kept in the image config), not ARG
	Instr    *Instruction
	Range    Range // the name in the source
}

// Label is one key and value a LABEL sets, quotes removed and ARG and ENV
// expanded.
type Label struct {
	Key, Value string
	// Resolved is false when the key or value uses a variable with no
	// value: the build decides them.
	Resolved bool
	Instr    *Instruction
	Range    Range // the key in the source
}

// Copy is a COPY or ADD with its destination made absolute.
type Copy struct {
	Sources []string
	Dest    string // absolute, against WORKDIR
	// Written is the destination as the instruction gives it, after
	// expansion and quote removal ("baz/" of `COPY a b "baz/"`);
	// Unresolved is set when the expansion of a source or of the
	// destination fails (an unbalanced quote), which fails the build.
	Written    string
	Unresolved bool
	DirDest    bool   // dest names a directory (trailing slash or several sources)
	From       string // --from value, "" for the build context
	Add        bool
	Instr      *Instruction
}

// ExposedPort is one word of an EXPOSE, after expansion.
type ExposedPort struct {
	Raw   string // as written
	Value string // expanded
	Spec  PortSpec
	Err   error // why the word is not a valid port
	Instr *Instruction
	Range Range
}

// ImageRef is an image reference split into its parts.
type ImageRef struct {
	Raw        string
	Registry   string // "" for Docker Hub
	Repository string // "library/"-less path: "nginx", "nginxinc/nginx-unprivileged"
	Tag        string
	Digest     string
}

// ParseImageRef splits ref the way Docker does: the first path component is
// a registry when it has a dot or a port, or is localhost.
func ParseImageRef(ref string) ImageRef {
	out := ImageRef{Raw: ref}
	rest := ref
	if i := strings.Index(rest, "@"); i >= 0 {
		out.Digest = rest[i+1:]
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, ":"); i >= 0 && !strings.Contains(rest[i:], "/") {
		out.Tag = rest[i+1:]
		rest = rest[:i]
	}
	if first, after, ok := strings.Cut(rest, "/"); ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		out.Registry = first
		rest = after
	}
	if out.Registry == "docker.io" || out.Registry == "index.docker.io" || out.Registry == "registry-1.docker.io" {
		out.Registry = ""
	}
	if out.Registry == "" {
		rest = strings.TrimPrefix(rest, "library/")
	}
	out.Repository = strings.ToLower(rest)
	return out
}

// Name is the registry and repository: "gcr.io/distroless/static".
func (r ImageRef) Name() string {
	if r.Registry == "" {
		return r.Repository
	}
	return r.Registry + "/" + r.Repository
}

// IsScratch reports whether the reference is the empty image.
func (r ImageRef) IsScratch() bool { return r.Registry == "" && r.Repository == "scratch" }

// ParseError is a file that cannot be parsed, with the line at fault.
type ParseError struct {
	File string
	Line int // 0 when unknown
	Col  int
	Msg  string
	// Template is set when the text is a template a generator renders
	// into a Dockerfile ({{ }} or {% %} where an instruction belongs).
	Template bool
}

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: cannot parse: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: cannot parse: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: cannot parse: %s", e.File, e.Msg)
}

// quietLinter runs buildkit's checks with nowhere to report: a nil linter
// panics on `# check=` comments.
var quietLinter = linter.New(&linter.Config{})

// buildkitExperimental are the experimental checks of buildkit's linter
// that dlint reads (experimental checks run only when named).
var buildkitExperimental = []string{linter.RuleInvalidDefinitionDescription.Name}

// checkLinter collects the warnings buildkit's linter gives on the
// instruction being converted (b.current).
func (b *dfBuilder) checkLinter() *linter.Linter {
	return linter.New(&linter.Config{
		ExperimentalRules: buildkitExperimental,
		Warn: func(rule, _, _, msg string, _ []bkparser.Range) {
			if b.current != nil {
				b.df.BuildkitChecks = append(b.df.BuildkitChecks, &BuildkitCheck{Rule: rule, Message: msg, Instr: b.current})
			}
		},
	})
}

// ParseDockerfile parses a Dockerfile and builds its model. A syntax error
// is returned as *ParseError naming the line.
func ParseDockerfile(path string, data []byte) (*Dockerfile, error) {
	src := NewSource(path, data)
	text := data
	if bytes.ContainsRune(text, '\r') {
		// buildkit reads a lone CR as part of the line; make it a newline so
		// line numbers match what the user sees.
		text = []byte(normalizeNewlines(string(text)))
	}
	if i := bytes.IndexByte(src.Text[:min(len(src.Text), binarySniffBytes)], 0); i >= 0 {
		// As git does: a NUL byte near the start means binary data, and
		// buildkit's complaint about it would be a line of garbage.
		return nil, &ParseError{File: path, Line: src.Offset(i).Line, Msg: "binary data (a NUL byte), not a Dockerfile"}
	}
	if src.LineCount() > 1 && !bytes.ContainsRune(src.Text, '\n') {
		// buildkit splits lines at LF only: the whole file is one line, and
		// `docker build` fails on it.
		return nil, &ParseError{File: path, Line: 1, Msg: "lines end in CR alone (classic Mac OS), which buildkit does not split, so `docker build` reads one long line and fails; convert the line endings to LF"}
	}
	res, err := bkparser.Parse(bytes.NewReader(text))
	if err != nil {
		pe := parseError(path, err)
		noInstructions := pe.Msg == "file with no instructions"
		switch long := firstLongLine(src); {
		case long > 0 && (noInstructions || strings.Contains(pe.Msg, "max allowed size")):
			// buildkit names the line before the long one, or none at all
			// ("file with no instructions" when it is the first).
			pe.Line = long
			pe.Msg = fmt.Sprintf("line is longer than %d bytes, the most buildkit accepts", maxLineBytes)
		case noInstructions:
			pe.Line = 0 // the whole file is at fault, not its last line
			pe.Msg = "no instructions, only comments and blank lines: a Dockerfile needs at least a FROM instruction"
			if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 {
				pe.Msg = "empty file: a Dockerfile needs at least a FROM instruction"
			}
		case strings.HasSuffix(pe.Msg, "parser directive can be used"), strings.HasPrefix(pe.Msg, "invalid escape token"):
			pe.Line++ // buildkit counts directive lines from 0
		}
		return nil, pe
	}
	df := &Dockerfile{Source: src, Escape: res.EscapeToken}
	b := dfBuilder{df: df, lex: shell.NewLex(res.EscapeToken), meta: map[string]string{}, budget: maxExpansionBudget}
	b.linter = b.checkLinter()
	for _, node := range res.AST.Children {
		if err := b.add(node); err != nil {
			return nil, err
		}
	}
	b.current = nil
	b.parserWarnings(res.Warnings)
	if len(df.Stages) == 0 {
		return nil, &ParseError{File: path, Line: max(1, src.LineCount()), Msg: "no FROM instruction: a Dockerfile must start a build stage with FROM"}
	}
	b.finish()
	return df, nil
}

// parseError turns a buildkit error into a ParseError with its line.
func parseError(path string, err error) *ParseError {
	pe := &ParseError{File: path, Msg: printable(err.Error())}
	var le *bkparser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
		pe.Line = le.Locations[0][0].Start.Line
	}
	// buildkit wraps messages as "dockerfile parse error on line N: msg".
	if _, msg, ok := strings.Cut(pe.Msg, ": "); ok && strings.HasPrefix(pe.Msg, "dockerfile parse error on line") {
		pe.Msg = msg
	}
	if strings.HasPrefix(pe.Msg, "unknown instruction: {{") || strings.HasPrefix(pe.Msg, "unknown instruction: {%") {
		pe.Msg += " (a template that a generator renders into a Dockerfile, not one: leave it out with --exclude or ignore-paths)"
		pe.Template = true
	}
	return pe
}

type dfBuilder struct {
	df   *Dockerfile
	lex  *shell.Lex
	meta map[string]string // meta ARG values
	env  map[string]string // current stage's variables (ARG and ENV)
	// envOnly holds the current stage's ENV values: unlike ARG they pass on
	// to stages built FROM this one.
	envOnly map[string]string
	// envChain and envOnlyChain hold the same assignments as env and
	// envOnly, newest first, for the instructions to keep (Instruction.env):
	// a map per instruction would make a file of many ENV lines quadratic.
	envChain, envOnlyChain *envChain
	stage                  *Stage
	// budget is how many bytes expansions may add to the file's text in
	// all; spent is what they added so far.
	budget, spent int
	// stageEnv keeps each finished stage's variables: ENV passes on to
	// stages built FROM it.
	stageEnv map[*Stage]map[string]string
	// linter is buildkit's, collecting its warnings; current is the
	// instruction it is converting.
	linter  *linter.Linter
	current *Instruction
}

// parserWarnings turns the warnings of buildkit's parser (an empty line
// inside a continued instruction, reported at the instruction's last
// line) into checks on the instruction they are about.
func (b *dfBuilder) parserWarnings(ws []bkparser.Warning) {
	for _, w := range ws {
		if w.URL != linter.RuleNoEmptyContinuation.URL || w.Location == nil {
			continue
		}
		line := w.Location.Start.Line
		for _, in := range b.df.Instructions {
			if in.Range.Start.Line <= line && line <= in.Range.End.Line {
				b.df.BuildkitChecks = append(b.df.BuildkitChecks, &BuildkitCheck{Rule: linter.RuleNoEmptyContinuation.Name, Message: linter.RuleNoEmptyContinuation.Format(), Instr: in})
				break
			}
		}
	}
}

func (b *dfBuilder) finish() {
	if b.stage != nil {
		if b.stageEnv == nil {
			b.stageEnv = map[*Stage]map[string]string{}
		}
		b.stageEnv[b.stage] = b.envOnly
		b.stage.Env = b.envOnly
		// ONBUILD triggers run in the images built on this one, as the user
		// this stage ends with.
		for _, in := range b.stage.Instructions {
			if in.Trigger != nil {
				in.Trigger.UserBefore = b.stage.EffectiveUser()
				// Only ENV reaches the images built on this one.
				in.Trigger.env = b.envOnlyChain
			}
		}
	}
}

func (b *dfBuilder) add(node *bkparser.Node) error {
	df := b.df
	in := &Instruction{
		Keyword:  strings.ToUpper(node.Value),
		Original: node.Original,
		Flags:    node.Flags,
		JSON:     node.Attributes["json"],
		Comments: node.PrevComment,
		df:       df,
	}
	for n := node.Next; n != nil; n = n.Next {
		in.Args = append(in.Args, n.Value)
	}
	for _, h := range node.Heredocs {
		in.Heredocs = append(in.Heredocs, Heredoc{Name: h.Name, Content: h.Content})
	}
	in.Range = df.Source.LineRange(node.StartLine, node.EndLine)
	b.current = in
	cmd, err := instructions.ParseInstructionWithLinter(node, b.linter)
	if err != nil {
		pe := parseError(df.Source.Path, err)
		if pe.Line == 0 {
			pe.Line = node.StartLine
		}
		// `FROM postgres:{{ cookiecutter.version }}`: a template's tags
		// split the instruction's words.
		if text := df.Source.Line(node.StartLine); !pe.Template && (strings.Contains(text, "{{") || strings.Contains(text, "{%")) {
			pe.Msg += " (a template that a generator renders into a Dockerfile, not one: leave it out with --exclude or ignore-paths)"
			pe.Template = true
		}
		return pe
	}
	df.Instructions = append(df.Instructions, in)

	if st, ok := cmd.(*instructions.Stage); ok {
		b.startStage(in, st)
		return nil
	}
	if b.stage == nil {
		if a, ok := cmd.(*instructions.ArgCommand); ok {
			b.metaArg(in, a)
			return nil
		}
		return &ParseError{File: df.Source.Path, Line: node.StartLine, Msg: fmt.Sprintf("%s before the first FROM: only ARG may come before FROM", in.Keyword)}
	}
	in.Stage = b.stage
	in.env = b.envChain
	in.UserBefore = b.stage.User
	if in.UserBefore == nil && b.stage.Parent != nil {
		in.UserBefore = b.stage.Parent.EffectiveUser()
	}
	in.Workdir = b.stage.Workdir
	b.stage.Instructions = append(b.stage.Instructions, in)
	switch in.Keyword {
	case "RUN", "CMD", "ENTRYPOINT":
		in.Shell = b.stage.EffectiveShell()
	}
	b.command(in, cmd)
	if _, ok := cmd.(*instructions.OnbuildCommand); ok {
		in.Trigger = b.onbuildTrigger(in, node)
	}
	if err := nestingError(df.Source.Path, in); err != nil {
		return err
	}
	return nil
}

// nestingError reports a shell script of the instruction (or of its ONBUILD
// trigger) too deeply nested to parse: the file is an error at that line.
func nestingError(path string, in *Instruction) error {
	for _, s := range []*Script{in.Script, in.Trigger.script()} {
		if s == nil || s.Err == nil {
			continue
		}
		var ne *NestingError
		if errors.As(s.Err, &ne) {
			return &ParseError{File: path, Line: ne.Line, Msg: ne.Error()}
		}
	}
	return nil
}

func (in *Instruction) script() *Script {
	if in == nil {
		return nil
	}
	return in.Script
}

// onbuildTrigger models the instruction an ONBUILD registers. Only a RUN
// gets a Script; positions are those of the ONBUILD line.
func (b *dfBuilder) onbuildTrigger(in *Instruction, node *bkparser.Node) *Instruction {
	if node.Next == nil || len(node.Next.Children) != 1 {
		return nil
	}
	sub := node.Next.Children[0]
	trig := &Instruction{
		Keyword:  strings.ToUpper(sub.Value),
		Original: sub.Original,
		Flags:    sub.Flags,
		JSON:     sub.Attributes["json"],
		Heredocs: in.Heredocs,
		Range:    in.Range,
		Stage:    in.Stage,
		df:       in.df,
	}
	for n := sub.Next; n != nil; n = n.Next {
		trig.Args = append(trig.Args, n.Value)
	}
	// The trigger's keyword follows ONBUILD on the same line.
	line := []rune(b.df.Source.Line(in.Range.Start.Line))
	col := in.Range.Start.Col - 1 + len("ONBUILD")
	for col < len(line) && (line[col] == ' ' || line[col] == '\t') {
		col++
	}
	if col+len(trig.Keyword) > len(line) || !strings.EqualFold(string(line[col:col+len(trig.Keyword)]), trig.Keyword) {
		return trig
	}
	trig.Range.Start.Col = col + 1
	cmd, err := instructions.ParseInstructionWithLinter(sub, quietLinter)
	if err != nil {
		return trig
	}
	if run, ok := cmd.(*instructions.RunCommand); ok {
		trig.Script = b.runScript(trig, run.CmdLine, run.PrependShell)
		trig.Run = runOptions(run)
	}
	return trig
}

func (b *dfBuilder) expand(word string, env map[string]string) (string, bool) {
	v, ok, _ := b.expandBounded(word, env)
	return v, ok
}

// expandBounded expands word; tooLarge is set when the value would pass
// maxExpandedBytes or the file's expansion budget, and the word is then
// returned unexpanded and unresolved. `ENV a=$a$a` 24 times doubles a 20-byte
// value to 335 MB: dlint keeps such a value unknown rather than build it.
func (b *dfBuilder) expandBounded(word string, env map[string]string) (v string, ok, tooLarge bool) {
	v, ok, tooLarge, _ = b.expandWord(word, env)
	return v, ok, tooLarge
}

// expandWord is expandBounded that also tells when the expansion fails (an
// unbalanced quote: `"C:\Program` of `COPY "C:\Program Files\x" /d`),
// which fails the build.
func (b *dfBuilder) expandWord(word string, env map[string]string) (v string, ok, tooLarge, failed bool) {
	if isPlainWord(word) {
		return word, true, false, false
	}
	be := &boundedEnv{env: envGetter(env), left: min(maxExpandedBytes, b.budget-b.spent)}
	res, err := b.lex.ProcessWordWithMatches(word, be)
	if be.over {
		return word, false, true, false
	}
	if err != nil {
		return word, false, false, true
	}
	b.spent += max(0, len(res.Result)-len(word))
	return res.Result, len(res.Unmatched) == 0, false, false
}

// isPlainWord reports a word the build's expansion leaves as it is: no
// variable, no quote, no escape (either escape token). Most values are;
// the lexer costs a tenth of dlint's own work on a Dockerfile.
func isPlainWord(word string) bool {
	return !strings.ContainsAny(word, "$'\"\\`")
}

// expandValue expands the value an ARG or ENV sets; one too large to
// expand is stored as unknown, so words that use it are unresolved.
func (b *dfBuilder) expandValue(word string, env map[string]string) string {
	v, _, tooLarge := b.expandBounded(word, env)
	if tooLarge {
		return tooLargeValue
	}
	return v
}

func (b *dfBuilder) metaArg(in *Instruction, a *instructions.ArgCommand) {
	b.df.MetaArgs = append(b.df.MetaArgs, in)
	for _, kv := range a.Args {
		b.df.MetaVars = append(b.df.MetaVars, &Var{Name: kv.Key, Value: kv.ValueString(), HasValue: kv.Value != nil, Instr: in, Range: in.findName(kv.Key)})
		if kv.Value != nil {
			b.meta[kv.Key] = b.expandValue(*kv.Value, b.meta)
		}
	}
}

func (b *dfBuilder) startStage(in *Instruction, st *instructions.Stage) {
	df := b.df
	b.finish()
	stage := &Stage{Index: len(df.Stages), Name: st.Name, From: in, BaseName: st.BaseName, Platform: st.Platform}
	in.Stage = stage
	base, ok := b.expand(st.BaseName, b.meta)
	fromScript := HasPlaceholder([]byte(base))
	stage.BaseResolved = ok && !fromScript
	switch parent := df.StageByName(base); {
	case parent != nil:
		stage.Parent = parent
	case fromScript:
		// The image a build script puts in place: none known here.
		stage.Base = ImageRef{Raw: base}
	default:
		stage.Base = ParseImageRef(base)
	}
	b.env, b.envOnly, b.envChain, b.envOnlyChain = map[string]string{}, map[string]string{}, nil, nil
	if stage.Parent != nil {
		for k, v := range b.stageEnv[stage.Parent] {
			b.env[k], b.envOnly[k] = v, v
			b.envChain = b.envChain.with(k, v)
		}
		b.envOnlyChain = b.envChain
		stage.Workdir = stage.Parent.Workdir
	}
	df.Stages = append(df.Stages, stage)
	b.stage = stage
}

func (b *dfBuilder) command(in *Instruction, cmd any) {
	st := b.stage
	switch c := cmd.(type) {
	case *instructions.ArgCommand:
		for _, kv := range c.Args {
			st.Vars = append(st.Vars, &Var{Name: kv.Key, Value: kv.ValueString(), HasValue: kv.Value != nil, Instr: in, Range: in.findName(kv.Key)})
			switch {
			case kv.Value != nil:
				v := b.expandValue(*kv.Value, b.env)
				b.env[kv.Key] = v
				b.envChain = b.envChain.with(kv.Key, v)
			default:
				if v, ok := b.meta[kv.Key]; ok {
					b.env[kv.Key] = v
					b.envChain = b.envChain.with(kv.Key, v)
				}
			}
		}
	case *instructions.EnvCommand:
		// buildkit expands all of one ENV's values before it sets any:
		// `ENV A=1 B=$A` gives B the A from before the line.
		values := make([]string, len(c.Env))
		for i, kv := range c.Env {
			values[i] = b.expandValue(kv.Value, b.env)
		}
		for i, kv := range c.Env {
			st.Vars = append(st.Vars, &Var{Name: kv.Key, Value: kv.Value, HasValue: true, Env: true, Instr: in, Range: in.findName(kv.Key)})
			v := values[i]
			b.env[kv.Key], b.envOnly[kv.Key] = v, v
			b.envChain, b.envOnlyChain = b.envChain.with(kv.Key, v), b.envOnlyChain.with(kv.Key, v)
		}
	case *instructions.LabelCommand:
		for _, kv := range c.Labels {
			key, keyOK := b.expand(kv.Key, b.env)
			value, valueOK := b.expand(kv.Value, b.env) // the old `LABEL key value…` form too: the build expands the rest of the line
			st.Labels = append(st.Labels, &Label{Key: key, Value: value, Resolved: keyOK && valueOK, Instr: in, Range: in.findName(strings.Trim(kv.Key, `"'`))})
		}
	case *instructions.UserCommand:
		u := &User{Raw: c.User, Instr: in, Range: in.ArgsRange()}
		v, ok := b.expand(c.User, b.env)
		u.Resolved = ok
		u.Name, u.Group, _ = strings.Cut(v, ":")
		st.User = u
	case *instructions.WorkdirCommand:
		p, _ := b.expand(c.Path, b.env)
		st.Workdir = joinPath(st.Workdir, p)
	case *instructions.ShellCommand:
		st.Shell = c.Shell
	case *instructions.StopSignalCommand:
		v, ok := b.expand(c.Signal, b.env)
		st.StopSignal = newStopSignal(v, c.Signal, ok, in.ArgsRange())
	case *instructions.EntrypointCommand:
		st.Entrypoint = b.execSpec(in, c.CmdLine, c.PrependShell)
	case *instructions.CmdCommand:
		st.Cmd = b.execSpec(in, c.CmdLine, c.PrependShell)
	case *instructions.RunCommand:
		in.Script = b.runScript(in, c.CmdLine, c.PrependShell)
		in.Run = runOptions(c)
	case *instructions.HealthCheckCommand:
		if c.Health != nil && len(c.Health.Test) == 2 && c.Health.Test[0] == "CMD-SHELL" && b.posixShell() {
			in.Script = b.shellFormScript(in)
		}
	case *instructions.ExposeCommand:
		b.expose(in)
	case *instructions.CopyCommand:
		b.copy(in, c.SourcePaths, c.DestPath, c.From, false)
	case *instructions.AddCommand:
		b.copy(in, c.SourcePaths, c.DestPath, "", true)
	}
}

// runOptions reads a RUN's flags from buildkit's parse of them.
func runOptions(c *instructions.RunCommand) *RunOptions {
	o := &RunOptions{Network: instructions.GetNetwork(c), Security: instructions.GetSecurity(c)}
	for _, m := range instructions.GetMounts(c) {
		rm := &RunMount{Type: string(m.Type), ID: m.CacheID, Target: m.Target}
		if m.Env != nil {
			rm.Env = *m.Env
		}
		o.Mounts = append(o.Mounts, rm)
	}
	return o
}

func (b *dfBuilder) copy(in *Instruction, srcs []string, dest, from string, add bool) {
	d, _, _, unresolved := b.expandWord(dest, b.env)
	dirDest := strings.HasSuffix(d, "/") || len(srcs) > 1
	expanded := make([]string, len(srcs))
	for i, s := range srcs {
		var failed bool
		expanded[i], _, _, failed = b.expandWord(s, b.env)
		unresolved = unresolved || failed
	}
	b.stage.Copies = append(b.stage.Copies, &Copy{
		Sources: expanded, Dest: joinPath(b.stage.Workdir, d), Written: d, Unresolved: unresolved, DirDest: dirDest || d == "." || d == "./",
		From: from, Add: add, Instr: in,
	})
}

// joinPath resolves p against dir as WORKDIR and COPY do.
func joinPath(dir, p string) string {
	if p == "" {
		return dir
	}
	if !strings.HasPrefix(p, "/") {
		if dir == "" {
			dir = "/"
		}
		p = strings.TrimSuffix(dir, "/") + "/" + p
	}
	trailing := strings.HasSuffix(p, "/") && p != "/"
	p = cleanPath(p)
	if trailing {
		p += "/"
	}
	return p
}

func (b *dfBuilder) expose(in *Instruction) {
	// buildkit sorts EXPOSE's ports; keep the order written in the file.
	fromCol := in.ArgsRange().Start.Col
	for _, raw := range in.Args {
		r, found := b.df.Source.FindInLine(in.Range.Start.Line, fromCol, raw)
		if found {
			fromCol = r.End.Col
		} else {
			r = in.Find(raw)
		}
		be := &boundedEnv{env: envGetter(b.env), left: maxExpandedBytes}
		res, err := b.lex.ProcessWordWithMatches(raw, be)
		if err != nil || len(res.Unmatched) > 0 || be.over {
			b.stage.Expose = append(b.stage.Expose, &ExposedPort{Raw: raw, Value: raw, Instr: in, Range: r})
			continue
		}
		// A variable may hold several ports (`ARG PORTS="80 443"`): buildkit
		// splits the expanded word.
		for _, v := range res.Words {
			p := &ExposedPort{Raw: raw, Value: v, Instr: in, Range: r}
			p.Spec, p.Err = ParseExposePort(v)
			b.stage.Expose = append(b.stage.Expose, p)
		}
	}
}

// binarySniffBytes is how much of a file is searched for a NUL byte.
const binarySniffBytes = 8000

// maxLineBytes is buildkit's limit on one (joined) line.
const maxLineBytes = 65535

func firstLongLine(src *Source) int {
	for n := 1; n <= src.LineCount(); n++ {
		if len(src.Line(n)) > maxLineBytes {
			return n
		}
	}
	return 0
}

// PrintablePath returns a file name fit for a terminal: control characters
// (a newline, an escape sequence) are written as \xNN, so a name cannot
// forge a line of output or drive the terminal.
func PrintablePath(p string) string {
	if !strings.ContainsFunc(p, isControl) {
		return p
	}
	var sb strings.Builder
	for _, r := range p {
		if isControl(r) {
			fmt.Fprintf(&sb, `\x%02x`, r)
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }

// maxMessageBytes cuts an error message that quotes a long line.
const maxMessageBytes = 240

// printable escapes control characters and invalid UTF-8 so that an error
// about a binary file stays one readable line.
func printable(s string) string {
	var sb strings.Builder
	for i, r := range s {
		if sb.Len() >= maxMessageBytes {
			sb.WriteString("…")
			break
		}
		switch {
		case r == utf8.RuneError:
			fmt.Fprintf(&sb, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&sb, `\x%02x`, r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
