package parser

// ComposeProject is a compose file with the override and included files
// `docker compose` merges into it, loaded as one project.
type ComposeProject struct {
	Dir      string    // project directory
	Files    []*Source // the files named for the project, in merge order
	Services []*Service
	// Version is the top-level `version:` key, which Compose v2 ignores.
	Version *Item
}

// Item is a scalar from a compose file with the position of its YAML node.
type Item struct {
	Value string
	Range Range
}

// Service is one compose service after interpolation, extends, include and
// overrides, each field placed at the node in the file that wrote it.
type Service struct {
	Name  string
	Range Range // the service's key

	Image *Item
	Build *Build

	User       *Item
	Entrypoint *ExecSpec // Exec is always true: compose never adds a shell
	Command    *ExecSpec
	Init       *bool
	InitRange  Range
	Privileged *Item // set only when privileged: true

	CapAdd      []*Item
	SecurityOpt []*Item
	// Namespace modes: network_mode, pid, ipc, userns_mode, uts, cgroup.
	Namespaces map[string]*Item

	Ports   []*PublishedPort
	Expose  []*ExposedPort
	Volumes []*Mount
	// Connected lists the services this one depends on or links to.
	Connected []string
}

// Build is a service's build section.
type Build struct {
	Context    string // absolute directory
	Dockerfile string // absolute path; "" with Inline
	Inline     string // dockerfile_inline
	Target     string
	Range      Range
}

// PublishedPort is one entry of `ports:`.
type PublishedPort struct {
	Raw   string // as written (after interpolation) for short syntax
	Spec  PortSpec
	Err   error // why the entry is invalid
	Range Range
}

// Mount is one entry of `volumes:`.
type Mount struct {
	Type   string // bind, volume, tmpfs, npipe
	Source string
	Target string
	Range  Range
}
