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
