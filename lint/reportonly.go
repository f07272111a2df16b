package lint

import (
	"path/filepath"

	"github.com/dlint-dev/dlint/rules"
)

// reported says whether what is found in path is reported (Options.ReportOnly).
func (r *runner) reported(path string) bool {
	return r.reportOnly == nil || r.reportOnly[absPath(path)]
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// keepReported drops the findings located in files not reported.
func (r *runner) keepReported(fs []rules.Finding) []rules.Finding {
	if r.reportOnly == nil {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if r.reported(f.Range.File) {
			out = append(out, f)
		}
	}
	return out
}

// keepReportedErrors drops the errors of files not reported. A broken
// configuration stops the run before this, so its errors always show.
func (r *runner) keepReportedErrors() {
	if r.reportOnly == nil {
		return
	}
	out := r.errors[:0]
	for _, e := range r.errors {
		if r.reported(e.Path) {
			out = append(out, e)
		}
	}
	r.errors = out
}
