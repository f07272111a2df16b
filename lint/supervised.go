package lint

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// maxSupervisedFiles bounds how many files of a copied directory are read
// for process-manager configuration.
const maxSupervisedFiles = 2000

// linkSupervised reads, for a container whose main process is a process
// manager (supervisord, s6-overlay, runit, uWSGI), the programs it starts
// and their users from the configuration the stage copies in from the
// build context.
func (r *runner) linkSupervised(c *parser.Container, contextDir string) {
	argv := managerArgv(c)
	c.Manager = parser.ProcessManagerOf(argv)
	if c.Stage == nil || contextDir == "" || c.Manager == "" {
		return
	}
	scanDir := parser.ScanDir(argv)
	budget := maxSupervisedFiles
	seen := map[string]bool{}
	for _, st := range c.Stage.Ancestors() {
		for _, cp := range st.Copies {
			if cp.From != "" {
				continue
			}
			for _, src := range cp.Sources {
				if strings.Contains(src, "://") || strings.Contains(src, "$") {
					continue
				}
				local := filepath.Join(contextDir, filepath.FromSlash(path.Clean("/"+src)))
				if !strings.ContainsAny(src, "*?[") {
					r.readSupervised(c, cp, src, local, scanDir, &budget, seen)
					continue
				}
				// `COPY conf.d/* /etc/supervisor/conf.d/`: each match is copied
				// into the destination by its name, as a source of its own.
				matches, _ := filepath.Glob(local)
				for _, m := range matches {
					rel, err := filepath.Rel(contextDir, m)
					if err == nil && !strings.HasPrefix(rel, "..") {
						glob := *cp
						glob.DirDest = true
						r.readSupervised(c, &glob, filepath.ToSlash(rel), m, scanDir, &budget, seen)
					}
				}
			}
		}
	}
	sort.SliceStable(c.Supervised, func(i, j int) bool { return c.Supervised[i].File < c.Supervised[j].File })
}

func (r *runner) readSupervised(c *parser.Container, cp *parser.Copy, src, local, scanDir string, budget *int, seen map[string]bool) {
	info, err := os.Stat(local)
	if err != nil {
		return
	}
	dest := path.Clean(cp.Dest)
	if !info.IsDir() {
		target := dest
		if cp.DirDest || len(cp.Sources) > 1 {
			target = path.Join(dest, path.Base(src))
		}
		r.readSupervisedFile(c, target, local, scanDir, budget, seen)
		return
	}
	_ = filepath.WalkDir(local, func(p string, d os.DirEntry, err error) error {
		if err != nil || *budget <= 0 {
			return filepath.SkipDir
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if rel, relErr := filepath.Rel(local, p); relErr == nil {
			r.readSupervisedFile(c, path.Join(dest, filepath.ToSlash(rel)), p, scanDir, budget, seen)
		}
		return nil
	})
}

func (r *runner) readSupervisedFile(c *parser.Container, target, local, scanDir string, budget *int, seen map[string]bool) {
	if seen[local] || *budget <= 0 {
		return
	}
	seen[local] = true
	*budget--
	base := path.Base(target)
	if base != "run" && !strings.HasSuffix(base, ".conf") && !strings.HasSuffix(base, ".ini") && !parser.IsProcfile(base) {
		return
	}
	if base == "run" && strings.Contains(target, "/s6-rc.d/") {
		if kind, err := os.ReadFile(filepath.Join(filepath.Dir(local), "type")); err == nil && !parser.S6Longrun(kind) {
			return
		}
	}
	data, err := r.readLinted(local)
	if err != nil {
		return
	}
	c.Supervised = append(c.Supervised, parser.SupervisedIn(target, scanDir, r.configs.display(local), data)...)
}

// managerArgv is the argv of the process manager the container's main
// process is, or nil: the ENTRYPOINT/CMD (behind an init), or what its
// entrypoint script execs last.
func managerArgv(c *parser.Container) []string {
	var argv []string
	if ep := c.Entrypoint(); ep != nil && ep.Exec {
		argv = append(argv, ep.Argv...)
	}
	if cmd := c.Cmd(); cmd != nil && cmd.Exec {
		argv = append(argv, cmd.Argv...)
	}
	for len(argv) > 0 && parser.IsInit(argv[0]) && argv[0] != "/init" && parser.InitChild(argv) > 0 {
		argv = argv[parser.InitChild(argv):]
	}
	if parser.ProcessManagerOf(argv) != "" {
		return argv
	}
	var scripts []*parser.Script
	for _, spec := range []*parser.ExecSpec{c.Entrypoint(), c.Cmd()} {
		if spec != nil && spec.Script != nil {
			scripts = append(scripts, spec.Script)
		}
	}
	if s := c.RunningScript(); s != nil {
		scripts = append(scripts, s)
	}
	for _, s := range scripts {
		for _, f := range s.Final {
			if parser.ProcessManagerOf(f.Argv()) != "" {
				return f.Argv()
			}
		}
		// An exec before the end hands over too (couchbase's entrypoint
		// runs `exec runsvdir -P /etc/service` for its own CMD).
		for _, c := range s.Commands {
			if c.Exec && !c.Background && parser.ProcessManagerOf(c.Argv()) != "" {
				return c.Argv()
			}
		}
	}
	return nil
}

// linkServerConfigs reads the workers' user from the server configuration
// the stage copies in from the build context, or a compose bind mount puts
// in place (akaunting's `./nginx.conf:/etc/nginx/nginx.conf`).
func (r *runner) linkServerConfigs(c *parser.Container, contextDir string) {
	if c.Stage == nil {
		return
	}
	for _, conf := range parser.ServerConfigs {
		local := mountedFile(c, conf.Path)
		if local == "" && contextDir != "" {
			local = copiedFileAt(c.Dockerfile, c.Stage, []string{conf.Path}, contextDir, 0)
		}
		if local == "" {
			continue
		}
		data, err := r.readLinted(local)
		if err != nil {
			continue
		}
		if u := parser.ConfiguredWorkersUser(conf.Server, data); u != "" {
			if c.WorkersUsers == nil {
				c.WorkersUsers = map[string]string{}
			}
			c.WorkersUsers[conf.Server] = u
		}
	}
}
