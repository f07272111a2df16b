package parser

import (
	"fmt"

	"github.com/dlint-dev/dlint/images"
)

// Container is the runtime view of one container: what will run, as which
// user, with which PID 1 and ports. It joins a Dockerfile stage with the
// compose service that runs it, when there is one.
type Container struct {
	Service    *Service // nil for a Dockerfile linted on its own
	Project    *ComposeProject
	Dockerfile *Dockerfile // nil for a service that only names an image
	Stage      *Stage      // the stage that is run (final or build target)

	// Script is the entrypoint script that ENTRYPOINT (or CMD) starts, when
	// it was found on disk; ScriptArgv0 is how the Dockerfile names it.
	Script      *Script
	ScriptArgv0 string
	// ForeignEntrypoint is the path in the image of the program the
	// ENTRYPOINT (or CMD) starts when it is a script in another language
	// than shell that the stage copies from the build context (synapse's
	// /start.py): dlint cannot read what it does, such as a privilege
	// drop (os.setuid, an execve of gosu).
	ForeignEntrypoint string
	// Selected is the view of Script for the arguments the container
	// starts it with, when they are known: the `case "$1"` branch they
	// select (Script.ForArgs). RunningScript reads it.
	Selected *Script
	// ScriptArgs are those arguments (the words after the script in
	// ENTRYPOINT and CMD), nil when they are not known or none.
	ScriptArgs []string
	// Sourced are the files Script sources (`source "$LIB_DIR/functions"`,
	// the path expanded with the image's ENV) that were found on disk.
	Sourced []*Script

	// WorkersUsers are the users the configuration copied or mounted into
	// the container runs its servers' workers as, by server ("nginx",
	// "php-fpm"; see ServerConfigs).
	WorkersUsers map[string]string

	// Supervised lists the programs the container's process manager
	// starts, read from the configuration its stage copies in.
	Supervised []*Supervised
	// Manager is the process manager that is the container's main program
	// ("supervisord", "s6", "runit", "uwsgi"; ProcessManagerOf), whether
	// or not its configuration was found; "" when none is.
	Manager string

	// CopiedSecrets are the files holding credentials that a COPY or ADD
	// of the stage (or a stage it builds on) brings from the build context
	// into the image, found on disk through .dockerignore.
	CopiedSecrets []*CopiedSecret
	// IgnoredSources are the COPY and ADD sources of the Dockerfile that
	// the build context's .dockerignore excludes.
	IgnoredSources []*IgnoredSource

	// Image is what dlint knows of the image a service runs when no
	// Dockerfile of the repository builds it (`image:` alone).
	Image *images.Image
	// Published is what the catalogue knows of the `image:` name of a
	// service that builds: set when that name is a published image the
	// build's tag would stand for.
	Published *images.Image
}

// RunningScript is the part of the entrypoint script that runs with the
// container's arguments: Selected when known, else all of Script. Rules
// about what runs (its user, its PID 1) read it; rules about the script's
// code read Script, whose other branches `docker run IMAGE ARG` can take.
func (c *Container) RunningScript() *Script {
	if c.Selected != nil {
		return c.Selected
	}
	return c.Script
}

// BaseImage is what dlint knows of the image the container starts from:
// the root of its stage chain, or the service's image; nil when unknown.
func (c *Container) BaseImage() *images.Image {
	if c.Stage != nil {
		return c.Stage.Image()
	}
	return c.Image
}

// ShellKind tells what the shell argv0 names is in the container's image.
func (c *Container) ShellKind(argv0 string) images.Shell {
	if c.Stage != nil {
		return c.Stage.ShellKind(argv0)
	}
	name, tag := "", ""
	if c.Service != nil && c.Service.Image != nil {
		ref := ParseImageRef(c.Service.Image.Value)
		name, tag = ref.Repository, ref.Tag
	}
	return shellKind(c.Image, name, tag, argv0)
}

// Name describes the container in messages: "service 'web'" or "stage 'app'".
func (c *Container) Name() string {
	if c.Service != nil {
		return c.Service.Subject()
	}
	if c.Stage != nil && c.Stage.Name != "" {
		return fmt.Sprintf("final stage '%s'", c.Stage.DisplayName())
	}
	if c.Stage != nil {
		return "the final stage"
	}
	return "container"
}

// Entrypoint is the effective entrypoint: compose's over the Dockerfile's.
func (c *Container) Entrypoint() *ExecSpec {
	if c.Service != nil && c.Service.Entrypoint != nil {
		return c.Service.Entrypoint
	}
	if c.Stage != nil {
		return c.Stage.EffectiveEntrypoint()
	}
	return nil
}

// Cmd is the effective command. Compose's `entrypoint:` resets the image's
// CMD, as `docker run --entrypoint` does.
func (c *Container) Cmd() *ExecSpec {
	if c.Service != nil {
		if c.Service.Command != nil {
			return c.Service.Command
		}
		if c.Service.Entrypoint != nil {
			return nil
		}
	}
	if c.Stage != nil {
		return c.Stage.EffectiveCmd()
	}
	return nil
}

// OneOff reports whether the container is a job the command line waits
// for, not a service that runs until it is stopped: a run line without
// -d. Signals and stopping matter little there. Nil-safe.
func (c *Container) OneOff() bool {
	return c != nil && c.Service != nil && c.Service.Run != nil && !c.Service.Run.Detach
}

// InitEnabled reports whether compose runs an init process (tini) as PID 1.
func (c *Container) InitEnabled() bool {
	return c.Service != nil && c.Service.Init != nil && *c.Service.Init
}

// ComposeUser is compose's `user:`, or nil.
func (c *Container) ComposeUser() *Item {
	if c.Service == nil {
		return nil
	}
	return c.Service.User
}

// ImageUser is the USER the built image runs as, nil when none is set.
func (c *Container) ImageUser() *User {
	if c.Stage == nil {
		return nil
	}
	return c.Stage.EffectiveUser()
}

// IgnoredSource is a COPY or ADD source that .dockerignore excludes from
// the build context.
type IgnoredSource struct {
	Copy       *Copy
	Source     string // as the instruction writes it
	Pattern    string // the .dockerignore pattern that excludes it
	IgnoreFile string // the ignore file's path
}

// CopiedSecret is a file of the build context that holds a credential and
// that a COPY or ADD puts into the image.
type CopiedSecret struct {
	Copy *Copy
	Path string // slash-separated, relative to the build context
	Kind string // what it holds, from SecretFile: "an SSH private key"
	// Named is set when the COPY names the file itself, not a directory
	// or pattern that holds it.
	Named bool
	// OnDisk is cleared when the file is not in the context on disk
	// (made by the CI before the build): it is then judged by name alone.
	OnDisk bool
}
