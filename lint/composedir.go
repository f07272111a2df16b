package lint

import (
	"path/filepath"
	"sort"
	"strings"
)

// composeDir groups the compose files found in one directory into the
// projects `docker compose` would load: the default file with its override
// file, and every other compose file on its own.
type composeDir struct {
	files []string
}

func (d *composeDir) add(path string) { d.files = append(d.files, path) }

// defaultNames are the files `docker compose` looks for, in its order of
// preference, each with the override it merges by default.
var defaultNames = []struct{ main, override string }{
	{"compose.yaml", "compose.override.yaml"},
	{"compose.yml", "compose.override.yml"},
	{"docker-compose.yml", "docker-compose.override.yml"},
	{"docker-compose.yaml", "docker-compose.override.yaml"},
}

// dirProject is one project of a directory's compose files.
type dirProject struct {
	files     []string
	isDefault bool // the default file and its override
}

// projects groups the files; with noDefault (COMPOSE_FILE names the
// directory's project instead) every file stands alone.
func (d *composeDir) projects(noDefault bool) []dirProject {
	byName := map[string]string{}
	for _, f := range d.files {
		byName[strings.ToLower(filepath.Base(f))] = f
	}
	used := map[string]bool{}
	var out []dirProject
	for _, n := range defaultNames {
		if noDefault {
			break
		}
		main, ok := byName[n.main]
		if !ok {
			continue
		}
		group := []string{main}
		used[main] = true
		for _, o := range defaultNames {
			// docker compose accepts either extension for the override.
			if ov, ok := byName[o.override]; ok && !used[ov] && strings.HasPrefix(o.override, strings.TrimSuffix(n.main, filepath.Ext(n.main))) {
				group = append(group, ov)
				used[ov] = true
			}
		}
		out = append(out, dirProject{files: group, isDefault: true})
		break
	}
	rest := []string{}
	for _, f := range d.files {
		if !used[f] {
			rest = append(rest, f)
		}
	}
	sort.Strings(rest)
	for _, f := range rest {
		out = append(out, dirProject{files: []string{f}})
	}
	return out
}
