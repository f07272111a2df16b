package rules

import (
	"sort"
	"strings"
)

// All returns every rule, sorted by ID. The rules are shared values: read
// them, never modify them.
func All() []*Rule {
	list := []*Rule{
		ComposeInvalid,
		ComposeV1Layout,
		DangerousCapability,
		DockerSocketMount,
		EntrypointIgnoresCmd,
		EntrypointScriptMissingExec,
		ExposeInvalid,
		ExposedPortNotPublished,
		HostNamespace,
		HostPortConflict,
		InvalidPort,
		MissingInit,
		MissingUser,
		MultipleCmd,
		MultipleEntrypoint,
		NumericUser,
		ObsoleteVersion,
		Privileged,
		PrivilegeDropWithoutExec,
		PublishedOnAllInterfaces,
		PublishedPortNotExposed,
		RootUser,
		SecurityOptUnconfined,
		SensitiveMount,
		ShellFormCmdWithEntrypoint,
		ShellFormPID1,
		SuPrivilegeDrop,
		Sudo,
		UnsetVariable,
		UnusedIgnore,
		UseraddLargeUID,
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

// Lookup finds a rule by ID or alias, case-insensitively for aliases.
func Lookup(list []*Rule, name string) *Rule {
	for _, r := range list {
		if r.ID == name {
			return r
		}
	}
	for _, r := range list {
		for _, a := range r.Aliases {
			if strings.EqualFold(a, name) {
				return r
			}
		}
	}
	return nil
}
