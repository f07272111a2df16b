package parser

import "fmt"

// ComposeProject is a compose file with the override and included files
// `docker compose` merges into it, loaded as one project.
type ComposeProject struct {
	Dir   string    // project directory, as the caller named it
	Files []*Source // the files named for the project, in merge order
	// Sources holds every file read: Files, then the files reached through
	// `include:` and `extends.file`, so findings in them can show the text.
	Sources  []*Source
	Services []*Service // sorted by name
	// Stack is set when the project is a Swarm stack: its main file is
	// named as one (docker-stack.yml), or `docker stack deploy -c` names
	// its files (MarkStack). Its services are ForSwarm.
	Stack bool
	// Versions holds the top-level `version:` key of each file that has
	// one (Compose v2 ignores it).
	Versions []*Item
	// Problems are what `docker compose up` refuses in a project dlint
	// could still read, each at the key that causes it.
	Problems []*ComposeProblem
	// Unset lists the variables the files use that nothing sets.
	Unset []*UnsetVariable
	// Legacy holds, for each file in the Compose v1 layout (services at
	// the top level), the key of its first service.
	Legacy []*Item
	// Secrets are the top-level secrets read from a file, each at its
	// `file:` entry.
	Secrets []*FileRef
	// RunLines is set when the project stands for the run lines of one
	// file (Files[0]), a script, Makefile, CI file or README: each service
	// is a line (Service.Run), in file order.
	RunLines bool
	// BuildLines are the build lines of that file that tag an image, in
	// file order.
	BuildLines []*BuildLine
	// ComposeLines are the compose commands of that file that name their
	// compose files with -f, in file order.
	ComposeLines []*ComposeLine
}

// FileRef is a file on the host a compose file names: Path is absolute
// (Windows paths as written), Range the entry that names it.
type FileRef struct {
	Name     string // the secret's name; "" for an env_file
	Path     string
	Required bool // env_file: compose refuses the project when it is missing
	// Unresolved is set when the path uses a variable nothing sets;
	// Missing when, resolved, nothing is there.
	Unresolved bool
	Missing    bool
	Range      Range
}

// ComposeProblem is something Compose refuses: Msg says what, in dlint's
// words, and Compose is what `docker compose` itself says.
type ComposeProblem struct {
	Range   Range
	Msg     string
	Compose string
	// Advisory marks a problem of a file linted alone that the project it
	// is merged into may not have (an overlay's): a note, not an error.
	Advisory bool
}

// Service returns the service called name, or nil.
func (p *ComposeProject) Service(name string) *Service {
	for _, s := range p.Services {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Item is a scalar from a compose file, after interpolation. Range covers
// the key and its value for a mapping entry (`user: root`), or the item of
// a list (`- SYS_ADMIN`), in the file that wrote it.
type Item struct {
	Value string
	Range Range
}

// Service is one compose service after interpolation, extends, include and
// overrides, each field placed at the node in the file that wrote it.
//
// A Service also stands for a RunLine (Run is set): the flags of a `docker
// run` line fill the same fields, placed at the flags that set them.
type Service struct {
	Name  string
	Range Range // the service's key, or the whole run line
	// Run is the command line the service is read from; nil for a compose
	// service.
	Run *RunLine

	Image *Item
	Build *Build

	User       *Item
	Entrypoint *ExecSpec // Exec is always true: compose never adds a shell
	Command    *ExecSpec
	Init       *bool
	InitRange  Range
	Privileged *Item // set only when privileged: true
	// StopSignal is `stop_signal:` or `--stop-signal`; nil when unset.
	StopSignal *StopSignal

	CapAdd      []*Item
	SecurityOpt []*Item
	// GroupAdd are the supplementary groups the container's user gets
	// (`group_add:`, `--group-add`).
	GroupAdd []string
	// Namespaces holds the namespace modes that are set, keyed by the
	// compose key: network_mode, pid, ipc, userns_mode, uts, cgroup.
	Namespaces map[string]*Item

	// Ports holds one entry per `ports:` item, a range kept as one entry,
	// after overrides and extends; an item compose cannot parse is kept
	// with Err set.
	Ports   []*PublishedPort
	Expose  []*ExposedPort // compose `expose:` (Instr is nil)
	Volumes []*Mount
	// Devices are the host devices of `devices:`: Value is the host path.
	Devices []*Item
	// Connected lists the other services this one talks to, sorted: those
	// named in depends_on, links and `network_mode: service:x`, and those
	// an environment value names as a host (`DATABASE_URL=postgres://db:5432/x`
	// names db).
	Connected []string
	// EnvHosts are those of Connected that an environment value names.
	EnvHosts []string
	// Profiles are the service's `profiles:`; a service with none always
	// starts. Services whose profiles do not intersect are alternatives
	// that `docker compose up --profile x` starts one at a time.
	Profiles []string
	// Replicas is how many containers `docker compose up` starts for the
	// service, as compose-go counts them: `scale:`, else
	// `deploy.replicas:`, else 1. ReplicasRange is the entry that sets it
	// (`scale: 3` or `replicas: 3`), zero when neither is written.
	Replicas      int
	ReplicasRange Range
	// ForSwarm is set when the service's deploy section uses keys that only
	// `docker stack deploy` reads (placement, update_config,
	// rollback_config, endpoint_mode, labels, a global mode), or it joins
	// an overlay network, or its file is named as a stack file
	// (docker-stack.yml): the file is a Swarm stack, where the routing
	// mesh lets replicas share a published port.
	ForSwarm bool

	ContainerName *Item
	Restart       *Item
	PullPolicy    *Item
	// ReadOnly is set only when read_only: true.
	ReadOnly *Item
	CapDrop  []*Item
	// Healthcheck is the service's own healthcheck, nil when it writes
	// none (the image's HEALTHCHECK, if any, applies).
	Healthcheck *Healthcheck
	// DependsOn lists the services this one waits for, sorted by name:
	// those of depends_on and those compose adds for links, volumes_from
	// and `network_mode`/`ipc`/`pid`/`uts`/`cgroup: service:x`.
	DependsOn []*Dependency
	// Environment holds the variables of `environment:` in name order.
	Environment []*EnvVar
	EnvFiles    []*FileRef
	// Limits lists the resource limits that are set, by compose key:
	// mem_limit, pids_limit, cpus (or their deploy.resources.limits form).
	Limits map[string]bool
}

// Healthcheck is a service's healthcheck section.
type Healthcheck struct {
	Disabled bool // `disable: true` or `test: ["NONE"]`
	Range    Range
}

// Dependency is one service another waits for before it starts.
type Dependency struct {
	Service string
	// Condition is service_started, service_healthy or
	// service_completed_successfully; ConditionWritten is set when the
	// file writes it (`condition: service_started`), not when it is
	// Compose's default for a name alone.
	Condition        string
	ConditionWritten bool
	Required         bool
	// Via is the key that makes the dependency: depends_on, links,
	// volumes_from, network_mode, ipc, pid, uts or cgroup.
	Via   string
	Range Range
}

// EnvVar is one variable of `environment:`.
type EnvVar struct {
	Name  string
	Value string // after interpolation
	// Unset is set for a name without a value (`- DEBUG`), taken from the
	// shell of docker compose.
	Unset bool
	// Raw is the value as written, before interpolation; Literal is set
	// when it holds no variable reference.
	Raw     string
	Literal bool
	// Comment is the comment at the end of the entry's line, without `#`.
	Comment string
	Range   Range // the entry or list item
	// Typed is the YAML tag (!!int, !!float, !!bool) of a mapping value
	// written unquoted that YAML reads as other than a string: compose
	// turns it back into text, which need not be the text written
	// (`1.10` becomes 1.1). ValueRange is that value's place.
	Typed      string
	ValueRange Range
}

// Subject names the service in messages: "service 'web'", or
// "`docker run` at deploy.sh:12".
func (s *Service) Subject() string {
	if s.Run != nil {
		return s.Run.Label()
	}
	return fmt.Sprintf("service '%s'", s.Name)
}

// Build is a service's build section.
type Build struct {
	Context    string // absolute directory; "" for a remote context (a git or https URL)
	Dockerfile string // absolute path; "" with Inline or a remote context
	Inline     string // dockerfile_inline
	Target     string
	Range      Range // the `build` key
	// TargetRange is the `target:` entry, zero when there is none.
	TargetRange Range
	// Network is `network:` of the build (the RUN steps' network), nil
	// when unset; Privileged is set only for `privileged: true`.
	Network    *Item
	Privileged *Item
	// Entitlements are the `entitlements:` the build grants
	// (network.host, security.insecure).
	Entitlements []*Item
	// Args are the build arguments `args:` passes, in the order written.
	Args []*BuildArg
	// Contexts names the build's `additional_contexts:`.
	Contexts []string

	inline *inlineDockerfile
}

// BuildArg is one entry of a build's `args:`.
type BuildArg struct {
	Name  string
	Value string // after interpolation; "" for a name alone
	// Literal is set when the file writes the value out rather than
	// taking it from a variable (`TOKEN: abc`, not `TOKEN: ${TOKEN}`).
	Literal bool
	Range   Range
}

// PublishedPort is one entry of `ports:`.
type PublishedPort struct {
	Raw string // as written (after interpolation) for short syntax
	// Written is a short-syntax item's text before interpolation, and
	// Plain is set when it is written without quotes.
	Written string
	Plain   bool
	Spec    PortSpec
	Err     error // why the entry is invalid
	Range   Range
}

// Mount is one entry of `volumes:`.
type Mount struct {
	Type     string // bind, volume, tmpfs, npipe, image
	Source   string // a bind's host path made absolute, or a volume's name
	Target   string
	ReadOnly bool
	Range    Range
	// Unresolved marks an item that an unset variable makes invalid
	// (`${DATA_DIR}:/data`): its source is not known.
	Unresolved bool
}

// MarkStack records that `docker stack deploy` deploys the project: its
// services run in a Swarm stack.
func (p *ComposeProject) MarkStack() {
	p.Stack = true
	for _, s := range p.Services {
		s.ForSwarm = true
	}
}
