package rules

import (
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// hasTagPart reports whether part is one of the dash-separated words of tag
// ("debug-nonroot-arm64" has "nonroot").
func hasTagPart(tag, part string) bool {
	for _, p := range strings.Split(tag, "-") {
		if p == part {
			return true
		}
	}
	return false
}

// isWindowsStage reports whether the stage builds a Windows image: its base
// is a Windows image, or, on a base dlint does not know to be Linux, its
// SHELL is cmd or Windows PowerShell. pwsh runs on Linux too
// (mcr.microsoft.com/powershell:ubuntu-*), so it says nothing alone.
func isWindowsStage(st *parser.Stage) bool {
	ref := st.RootBase()
	if ref.Registry == "mcr.microsoft.com" && (strings.HasPrefix(ref.Repository, "windows") || strings.Contains(ref.Tag, "nanoserver") || strings.Contains(ref.Tag, "servercore")) {
		return true
	}
	if img := st.Image(); img != nil && img.Shell.Known() {
		return img.Shell == images.ShellWindows
	}
	sh := st.EffectiveShell()
	if len(sh) == 0 {
		return false
	}
	switch strings.TrimSuffix(strings.ToLower(path.Base(strings.ReplaceAll(sh[0], `\`, "/"))), ".exe") {
	case "cmd", "powershell":
		return true
	}
	return false
}
