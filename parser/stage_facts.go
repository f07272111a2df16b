package parser

import (
	"strings"

	"github.com/dlint-dev/dlint/images"
)

// Facts is what an image built from this stage brings to a Dockerfile
// that says FROM it: its USER, /bin/sh, EXPOSE, ENTRYPOINT and CMD,
// through the stages it builds on and its own base image.
func (s *Stage) Facts() images.Facts {
	var f images.Facts
	if img := s.Image(); img != nil {
		f = img.Facts // what the chain's base image brings, overridden below
		f.Expose = append([]string(nil), img.Expose...)
	}
	if u := s.EffectiveUser(); u != nil {
		f.User, f.UID = u.Name, nil
		if !u.Resolved {
			f.User = u.Raw
		}
	}
	f.Shell = s.ShellKind(s.EffectiveShell()[0])
	for _, e := range s.EffectiveExpose() {
		if e.Err == nil {
			f.Expose = append(f.Expose, e.Value)
		}
	}
	if hc := s.lastHealthcheck(); hc != nil {
		set := len(hc.Args) == 0 || !strings.EqualFold(hc.Args[0], "NONE")
		f.Healthcheck = &set
	}
	ep, cmd := s.EffectiveEntrypoint(), s.EffectiveCmd()
	if ep != nil || cmd != nil || !s.RunsOwnImageEntrypoint() {
		f.Entrypoint, f.Cmd = specArgv(s, ep), specArgv(s, cmd)
		f.DropsTo, f.DropTool, f.Init = "", "", "" // only the base's ENTRYPOINT did those
		if ep != nil && len(f.Entrypoint) > 0 && s.RunsInit(f.Entrypoint[0]) {
			f.Init = strings.TrimPrefix(f.Entrypoint[0][strings.LastIndex(f.Entrypoint[0], "/")+1:], "/")
		}
		f.Base = ep == nil && images.IsInteractive(f.Cmd)
	}
	return f
}

// lastHealthcheck is the HEALTHCHECK in effect at the end of the stage,
// through the stages it builds on; nil when none sets one.
func (s *Stage) lastHealthcheck() *Instruction {
	for _, st := range s.Ancestors() {
		for i := len(st.Instructions) - 1; i >= 0; i-- {
			if st.Instructions[i].Keyword == "HEALTHCHECK" {
				return st.Instructions[i]
			}
		}
	}
	return nil
}

// specArgv is a spec as Docker runs it: exec form as is, shell form
// through the stage's SHELL.
func specArgv(s *Stage, spec *ExecSpec) []string {
	if spec == nil {
		return nil
	}
	if spec.Exec {
		return append([]string(nil), spec.Argv...)
	}
	return append(append([]string(nil), s.EffectiveShell()...), strings.Join(spec.Argv, " "))
}

// rootOnlySubcommands are the subcommands of the system package managers
// that write the package database, which only root can.
var rootOnlySubcommands = map[string]bool{
	"install": true, "add": true, "update": true, "upgrade": true, "dist-upgrade": true, "full-upgrade": true,
	"remove": true, "del": true, "purge": true, "autoremove": true, "reinstall": true, "erase": true,
}

// accountTools change /etc/passwd and /etc/group, which only root can.
var accountTools = map[string]bool{
	"useradd": true, "groupadd": true, "adduser": true, "addgroup": true, "usermod": true, "groupmod": true,
	"userdel": true, "groupdel": true, "deluser": true, "delgroup": true,
}

// NeedsRoot reports whether only root can run the command: a system
// package manager that installs or updates (apt-get install, apk add), or
// a tool that adds users and groups. Under sudo it is sudo's to need.
func (c *Command) NeedsRoot() bool {
	if c.NameWord == nil || !c.NameWord.Literal {
		return false
	}
	if accountTools[c.Base()] {
		return true
	}
	pc := c.Package()
	if pc == nil || c.Base() == "sudo" {
		return false
	}
	switch pc.Manager {
	case "apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper":
		return rootOnlySubcommands[pc.Sub]
	}
	return false
}

// BaseUserProvenRoot reports whether the stage chain's own steps show its
// base image runs as root, whatever the catalogue knows of it: a RUN before
// any USER runs, without sudo, a command only root can (apt-get install,
// useradd), and the build is taken to succeed.
func (s *Stage) BaseUserProvenRoot() bool {
	for _, st := range s.Ancestors() {
		for _, in := range st.Instructions {
			if in.Keyword != "RUN" || in.UserBefore != nil || in.Script == nil {
				continue
			}
			for _, cmd := range in.Script.Commands {
				if cmd.NeedsRoot() {
					return true
				}
			}
		}
	}
	return false
}
