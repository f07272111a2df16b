package lsp

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// dockerfile300 is a 300-line Dockerfile of the usual instructions.
func dockerfile300() string {
	var b strings.Builder
	b.WriteString("FROM debian:12 AS build\n")
	for i := 0; strings.Count(b.String(), "\n") < 296; i++ {
		switch i % 6 {
		case 0:
			fmt.Fprintf(&b, "RUN apt-get update && apt-get install -y --no-install-recommends pkg%d \\\n    && rm -rf /var/lib/apt/lists/*\n", i)
		case 1:
			fmt.Fprintf(&b, "ENV VAR_%d=value%d\n", i, i)
		case 2:
			fmt.Fprintf(&b, "COPY src/%d /app/%d\n", i, i)
		case 3:
			fmt.Fprintf(&b, "WORKDIR /app/%d\n", i)
		case 4:
			fmt.Fprintf(&b, "RUN ./configure --prefix=/opt/%d && make -j4 && make install\n", i)
		case 5:
			fmt.Fprintf(&b, "ARG OPT_%d=on\n", i)
		}
	}
	b.WriteString("FROM debian:12\nCOPY --from=build /opt /opt\nUSER 10001\nCMD [\"/opt/bin/app\"]\n")
	return b.String()
}

// BenchmarkDiagnosticsAfterChange measures from a didChange to the
// diagnostics it brings, without the debounce delay, for a 300-line
// Dockerfile in a workspace of its own.
func BenchmarkDiagnosticsAfterChange(b *testing.B) {
	root := b.TempDir()
	text := dockerfile300()
	if n := strings.Count(text, "\n"); n < 299 || n > 301 {
		b.Fatalf("%d lines", n)
	}
	dockerfile := filepath.Join(root, "Dockerfile")
	c := startSessionDebounce(b, root, time.Nanosecond)
	withFinding := strings.Replace(text, "USER 10001\n", "USER 10001\nMAINTAINER x\n", 1)
	c.open(dockerfile, withFinding)
	c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "maintainer-deprecated") })
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := text // a finding goes and comes, so each change publishes
		if i%2 == 1 {
			next = withFinding
		}
		c.change(dockerfile, i+2, next)
		c.waitDiagnostics(dockerfile, func(d []diagnostic) bool { return has(d, "maintainer-deprecated") == (i%2 == 1) })
	}
	b.StopTimer()
	c.close()
}
