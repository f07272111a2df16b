package rules

import (
	"sort"
	"strings"
)

// All returns every rule, sorted by ID. The rules are shared values: read
// them, never modify them.
func All() []*Rule {
	list := []*Rule{
		Base60Port,
		BuildTagsPublishedImage,
		ComposeInvalid,
		ComposeV1Layout,
		DangerousCapability,
		DependsOnNotReady,
		DockerSocketMount,
		DuplicateContainerName,
		EntrypointIgnoresCmd,
		EntrypointScriptMissingExec,
		ExposeInvalid,
		ExposedPortNotPublished,
		HostNamespace,
		HostPortConflict,
		ImageTag,
		InvalidPort,
		LiteralSecret,
		MissingCapDropAll,
		MissingComposeFile,
		MissingInit,
		MissingNoNewPrivileges,
		MissingReadOnly,
		MissingResourceLimits,
		MissingUser,
		MultipleCmd,
		MultipleEntrypoint,
		NumericUser,
		ObsoleteVersion,
		Privileged,
		PrivilegeDropWithoutExec,
		PrivilegedHostPort,
		PublishedOnAllInterfaces,
		PublishedPortNotExposed,
		RemovedInLaterLayer,
		RestartOneShot,
		RootUser,
		RunNetworkHost,
		RunSecurityInsecure,
		SecretFileInImage,
		SecretInArgOrEnv,
		SecurityOptUnconfined,
		SensitiveMount,
		ShellFormCmdWithEntrypoint,
		ShellFormPID1,
		ShellFormWithoutShell,
		StopSignal,
		ShellCheck,
		SuPrivilegeDrop,
		Sudo,
		UnquotedEnvironmentValue,
		UnquotedPort,
		UnsetVariable,
		UnusedIgnore,
		UseraddLargeUID,
		AptGetMissingYes,
		AptListsNotRemoved,
		PipNoCacheDir,
		PipeWithoutPipefail,
		RelativeWorkdir,
		MaintainerDeprecated,
		AptInRun,
		AddInsteadOfCopy,
		UntaggedBaseImage,
		LatestBaseImage,
		UntrustedRegistry,
		CopyFromUnknownStage,
		CopyFromOwnStage,
		DuplicateStageName,
		AptGetUnpinned,
		ApkUnpinned,
		PipUnpinned,
		NpmUnpinned,
		GemUnpinned,
		YumUnpinned,
		DnfUnpinned,
		ZypperUnpinned,
		GoInstallUnpinned,
		CargoUnpinned,
		YumMissingYes,
		DnfMissingYes,
		ZypperMissingYes,
		AptGetInstallRecommends,
		ApkMissingNoCache,
		YumCacheNotCleaned,
		DnfCacheNotCleaned,
		ZypperCacheNotCleaned,
		YarnCacheNotCleaned,
		DistUpgrade,
		UpdateWithoutInstall,
		StageNameCasing,
		FromAsCasing,
		InstructionCasing,
		DefinitionDescription,
		EmptyContinuationLine,
		ReservedStageName,
		UndefinedArgInFrom,
		InvalidDefaultArgInFrom,
		LegacyKeyValueFormat,
		ExposeProtoCasing,
		RedundantTargetPlatform,
		ConstantPlatform,
		MultipleHealthcheck,
		CopyToFilePath,
		EnvSameLineReference,
		CopyIgnoredFile,
		UndefinedVar,
		CdInRun,
		ConsecutiveRun,
		WgetWithoutProgress,
		CurlAndWget,
		SSHPortExposed,
		WorkdirRuntimeDir,
		RelinkedBinSh,
		MissingHealthcheck,
		RelativeCopyDest,
		UnusableInBuild,
		CopyThenExtract,
		CopyWholeFilesystem,
		LabelInvalidKey,
		LabelMissing,
		LabelEmpty,
		LabelValueType,
		LabelNotInSchema,
		CopyFromStageIndex,
		CopyChownRuntimeUser,
		AddURLWithoutChecksum,
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

// LookupAlias finds the rules a suppression name stands for: the rule with
// that ID, or every rule with that alias (case-insensitively), since a
// peer tool's code may cover several dlint rules.
func LookupAlias(list []*Rule, name string) []*Rule {
	for _, r := range list {
		if r.ID == name {
			return []*Rule{r}
		}
	}
	var out []*Rule
	for _, r := range list {
		if hasAlias(r.Aliases, name) {
			out = append(out, r)
		}
	}
	return out
}

func hasAlias(aliases []string, name string) bool {
	for _, a := range aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// Lookup finds a rule by ID or alias, case-insensitively for aliases; for
// an alias several rules share, the first by ID.
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
