package parser

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	interp "github.com/compose-spec/compose-go/v2/interpolation"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/tree"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/sirupsen/logrus"
)

// composeGoCasts is compose-go's own mapping, as its options hand it over.
func composeGoCasts(t *testing.T) map[tree.Path]interp.Cast {
	t.Helper()
	opts := loader.ToOptions(&types.ConfigDetails{}, nil)
	if opts.Interpolate == nil || len(opts.Interpolate.TypeCastMapping) < 50 {
		t.Fatal("compose-go hands over no cast mapping")
	}
	return opts.Interpolate.TypeCastMapping
}

func castNames(m map[tree.Path]interp.Cast) []string {
	var out []string
	for p := range m {
		out = append(out, string(p))
	}
	slices.Sort(out)
	return out
}

func TestCastsForKeepsTheCastsAFileCanReach(t *testing.T) {
	all := composeGoCasts(t)
	for _, c := range []struct {
		text       string
		want, not  string // a cast kept, a cast left out ("" for none)
		keepsEvery bool
	}{
		{text: "services:\n  web:\n    deploy:\n      replicas: ${N}\n", want: "services.*.deploy.replicas", not: "services.*.privileged"},
		{text: "services:\n  web:\n    privileged: \"true\"\n", want: "services.*.privileged", not: "services.*.deploy.replicas"},
		{text: "services:\n  web:\n    ports:\n      - target: \"80\"\n", want: "services.*.ports.[].target", not: "networks.*.external"},
		{text: "services:\n  web:\n    ulimits:\n      nofile: {soft: \"1024\", hard: \"2048\"}\n", want: "services.*.ulimits.*.soft"},
		{text: "services:\n  web:\n    image: x\n", not: "services.*.ulimits.*"},
		{text: "include:\n  - other.yaml\nservices: {}\n", keepsEvery: true},
		{text: "services:\n  web:\n    extends: {file: base.yaml, service: web}\n", keepsEvery: true},
		{text: "services:\n  web:\n    \"\\x72eplicas\": 1\n", keepsEvery: true},
		{text: "services:\n  web:\n    \"repli\\\n  cas\": 1\n", keepsEvery: true},
	} {
		got := castsFor(all, [][]byte{[]byte(c.text)})
		names := castNames(got)
		switch {
		case c.keepsEvery:
			if len(got) != len(all) {
				t.Errorf("%q: kept %d of %d casts, want every one", c.text, len(got), len(all))
			}
			continue
		case len(got) == len(all):
			t.Errorf("%q: kept every cast", c.text)
		}
		if c.want != "" && !slices.Contains(names, c.want) {
			t.Errorf("%q: %s left out; kept %v", c.text, c.want, names)
		}
		if c.not != "" && slices.Contains(names, c.not) {
			t.Errorf("%q: %s kept", c.text, c.not)
		}
	}
}

// TestCastsForLoadsTheSameProjects loads every compose file of the rules'
// test data and ../shared/corpus with compose-go's whole cast mapping and
// with castsFor's, and requires the same project or the same error, and
// the same for files whose strings must be cast to load.
func TestCastsForLoadsTheSameProjects(t *testing.T) {
	env := map[string]string{"N": "3", "T": "true", "P": "8080"}
	dir := t.TempDir()
	files := map[string][]byte{
		filepath.Join(dir, "a.yaml"): []byte("services:\n  web:\n    image: x\n    deploy: {replicas: \"${N}\"}\n    privileged: \"${T}\"\n    ports:\n      - {target: \"${P}\", published: \"80\"}\n    ulimits: {nofile: {soft: \"1\", hard: \"2\"}}\n    cpus: \"0.5\"\n    init: \"true\"\n"),
		filepath.Join(dir, "b.yaml"): []byte("services:\n  web:\n    image: x\n    deploy: {replicas: \"three\"}\n"),
	}
	for _, root := range []string{filepath.Join("..", "testdata"), filepath.Join("..", "..", "shared", "corpus")} {
		_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name := strings.ToLower(d.Name())
			if !strings.Contains(name, "compose") || !(strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml")) {
				return nil
			}
			if data, err := os.ReadFile(p); err == nil && len(data) < 1<<20 {
				abs, _ := filepath.Abs(p)
				files[abs] = data
			}
			return nil
		})
	}
	if len(files) < 20 {
		t.Logf("only %d compose files: ../shared/corpus is absent", len(files))
	}
	silenceLogrus.Do(func() { logrus.SetOutput(io.Discard) })
	load := func(path string, data []byte, filter bool) (*types.Project, error) {
		cd := types.ConfigDetails{WorkingDir: filepath.Dir(path), Environment: types.Mapping(env),
			ConfigFiles: []types.ConfigFile{{Filename: path, Content: data}}}
		return loader.LoadWithContext(context.Background(), cd, func(o *loader.Options) {
			o.SetProjectName("p", true)
			o.SkipResolveEnvironment, o.SkipResolveLabels, o.SkipConsistencyCheck = true, true, true
			o.SkipInclude, o.SkipExtends = true, true // each file on its own: its keys are all castsFor sees
			o.ResolvePaths, o.SkipDefaultValues, o.Profiles = false, true, []string{"*"}
			if filter {
				o.Interpolate.TypeCastMapping = castsFor(o.Interpolate.TypeCastMapping, [][]byte{data})
			}
		})
	}
	for _, path := range slices.Sorted(maps.Keys(files)) {
		data := files[path]
		want, wantErr := load(path, data, false)
		got, gotErr := load(path, data, true)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: with the kept casts the load fails with %v; with every cast, %v", path, gotErr, wantErr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the kept casts load another project", path)
		}
	}
}
