package images

import "path"

// standardDirs are directories every Linux distribution image has (Debian,
// Ubuntu, Alpine, RHEL and its rebuilds), from the Filesystem Hierarchy
// Standard; scratch has none of them.
var standardDirs = map[string]bool{
	"/bin": true, "/etc": true, "/home": true, "/lib": true, "/opt": true, "/root": true, "/sbin": true,
	"/srv": true, "/tmp": true, "/usr": true, "/usr/bin": true, "/usr/lib": true, "/usr/local": true,
	"/usr/local/bin": true, "/usr/local/lib": true, "/usr/local/sbin": true, "/usr/local/share": true,
	"/usr/sbin": true, "/usr/share": true, "/var": true, "/var/lib": true, "/var/log": true, "/var/tmp": true,
}

// IsStandardDir reports whether p (absolute) is a directory every Linux
// distribution image has, so a COPY to it lands in a directory.
func IsStandardDir(p string) bool { return standardDirs[path.Clean(p)] }
