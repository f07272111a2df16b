package lint

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

func TestParseFileSize(t *testing.T) {
	good := []struct {
		in   string
		want int64
	}{
		{"1", 1},
		{"2097152", 2 << 20},
		{"512KiB", 512 << 10},
		{"512kib", 512 << 10},
		{"512KB", 512000},
		{"512 kB", 512000},
		{" 4MiB ", 4 << 20},
		{"4MB", 4000000},
		{"1.5MiB", 3 << 19},
		{"1.5 KB", 1500},
		{"100B", 100},
		{"16MiB", MaxFileSizeCap},
		{"0.5KiB", 512},
	}
	for _, c := range good {
		if got, err := ParseFileSize(c.in); err != nil || got != c.want {
			t.Errorf("ParseFileSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, want string }{
		{"0", "a size must be at least one byte"},
		{"0KiB", "a size must be at least one byte"},
		{"0.0001KB", "a size must be at least one byte"},
		{"-1", "a size cannot be negative"},
		{"-2MiB", "a size cannot be negative"},
		{"", `bad size "": want a byte count, or a number with a unit B, KB, KiB, MB or MiB (KB = 1000 bytes, KiB = 1024)`},
		{"abc", `bad size "abc"`},
		{"4M", `bad size "4M"`},
		{"4k", `bad size "4k"`},
		{"4GiB", `bad size "4GiB"`},
		{"1e6", `bad size "1e6"`},
		{"1.", `bad size "1."`},
		{".5MiB", `bad size ".5MiB"`},
		{"+5", `bad size "+5"`},
		{"1 2MiB", `bad size "1 2MiB"`},
		{"1.5", `bad size "1.5": a byte count is a whole number`},
		{"1.5B", `bad size "1.5B": a byte count is a whole number`},
		{"17MiB", "17MiB is more than the 16 MiB dlint reads at most: a parsed file takes 20 to 40 times its size in memory"},
		{"16.1MiB", "16.1MiB is more than the 16 MiB dlint reads at most"},
		{"16777217", "16777217 is more than the 16 MiB dlint reads at most"},
		{"99999999999999999999999", "99999999999999999999999 is more than the 16 MiB dlint reads at most"},
		{"99999999999999999MiB", "is more than the 16 MiB dlint reads at most"},
	}
	for _, c := range bad {
		got, err := ParseFileSize(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseFileSize(%q) = %d, %v; want an error containing %q", c.in, got, err, c.want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	cases := []struct {
		in   int64
		want string
	}{
		{DefaultMaxFileSize, "2 MiB"},
		{512 << 10, "512 KiB"},
		{512000, "512 KB"},
		{4000000, "4 MB"},
		{3 << 19, "1.5 MiB"},
		{1500, "1.5 KB"},
		{100 << 10, "100 KiB"},
		{1100 << 10, "1100 KiB"},
		{1000, "1 KB"},
		{999, "999 bytes"},
		{1001, "1001 bytes"},
	}
	for _, c := range cases {
		if got := FormatSize(c.in); got != c.want {
			t.Errorf("FormatSize(%d) = %q, want %q", c.in, got, c.want)
		}
		// What FormatSize writes reads back as the same size.
		if c.in <= MaxFileSizeCap {
			if back, err := ParseFileSize(strings.TrimSuffix(FormatSize(c.in), " bytes")); err != nil || back != c.in {
				t.Errorf("ParseFileSize(FormatSize(%d)) = %d, %v", c.in, back, err)
			}
		}
	}
}

// dockerfileOfSize is a Dockerfile that runs as root, padded with a
// comment to exactly n bytes.
func dockerfileOfSize(n int) string {
	text := "FROM alpine:3.20\nUSER root\n#"
	return text + strings.Repeat("x", n-len(text)-1) + "\n"
}

func TestMaxFileSize(t *testing.T) {
	t.Parallel()
	const limit = 1000
	root := writeTree(t, map[string]string{
		"fits/Dockerfile": dockerfileOfSize(limit),
		"over/Dockerfile": dockerfileOfSize(limit + 1),
		"big/Dockerfile":  dockerfileOfSize(5000),
		"compose/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    user: root\n#" +
			strings.Repeat("x", limit) + "\n",
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true, MaxFileSize: limit})
	sameList(t, "errors", errorLines(root, res), []string{
		// Rounding to 1.0 KB would hide that it is larger: bytes instead.
		"over/Dockerfile: cannot read: file is 1001 bytes, larger than the 1 KB dlint reads; raise the limit with --max-file-size",
		"big/Dockerfile: cannot read: file is 5.0 KB, larger than the 1 KB dlint reads; raise the limit with --max-file-size",
		"compose/compose.yaml: cannot read: file is 1.1 KB, larger than the 1 KB dlint reads; raise the limit with --max-file-size",
	})
	sameList(t, "findings", summary(root, res), []string{"fits/Dockerfile:2 root-user warning"})

	// Unset, the default applies and every file is read.
	res = Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if len(res.Errors) != 0 || len(res.Findings) != 4 {
		t.Errorf("with the default limit: errors %q, %d findings, want none and 4", errorLines(root, res), len(res.Findings))
	}
}

func TestMaxFileSizeStdin(t *testing.T) {
	t.Parallel()
	const limit = 2 << 10
	run := func(text string) *Result {
		return Run(Options{
			Paths: []string{"-"}, Stdin: strings.NewReader(text), Rules: []*rules.Rule{rules.RootUser},
			NoConfig: true, MaxFileSize: limit,
		})
	}
	res := run(dockerfileOfSize(limit))
	if len(res.Errors) != 0 || len(res.Findings) != 1 {
		t.Errorf("input of exactly the limit: errors %q, %d findings, want none and 1", errorLines("", res), len(res.Findings))
	}
	res = run(dockerfileOfSize(limit + 1))
	want := "<stdin>: cannot read: input is larger than the 2 KiB dlint reads; raise the limit with --max-file-size"
	if got := errorLines("", res); len(got) != 1 || got[0] != want || len(res.Findings) != 0 {
		t.Errorf("input one byte over: errors %q, %d findings, want %q", got, len(res.Findings), want)
	}
}

// A .dlint.yaml's max-file-size applies to the files it configures; the
// command line's wins over it.
func TestMaxFileSizeFromConfig(t *testing.T) {
	t.Parallel()
	root := writeTree(t, map[string]string{
		"small/.dlint.yaml": "max-file-size: 1KiB\n",
		"small/Dockerfile":  dockerfileOfSize(1500),
		"other/Dockerfile":  dockerfileOfSize(1500),
	})
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}})
	sameList(t, "errors", errorLines(root, res), []string{
		"small/Dockerfile: cannot read: file is 1.5 KiB, larger than the 1 KiB dlint reads; raise the limit with max-file-size in small/.dlint.yaml (or --max-file-size)",
	})
	sameList(t, "findings", summary(root, res), []string{"other/Dockerfile:2 root-user warning"})

	res = Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, MaxFileSize: 2000})
	if len(res.Errors) != 0 || len(res.Findings) != 2 {
		t.Errorf("--max-file-size over the config's: errors %q, %d findings, want none and 2", errorLines(root, res), len(res.Findings))
	}
	res = Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, MaxFileSize: 1000})
	if len(res.Errors) != 2 {
		t.Errorf("--max-file-size under both files: errors %q, want two", errorLines(root, res))
	}
}

func TestMaxFileSizeConfigErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"max-file-size: 0\n", "c.yaml:1:16: max-file-size: a size must be at least one byte"},
		{"max-file-size: 4 GB\n", `c.yaml:1:16: max-file-size: bad size "4 GB"`},
		{"max-file-size: 32MiB\n", "c.yaml:1:16: max-file-size: 32MiB is more than the 16 MiB dlint reads at most"},
		{"max-file-size: [1]\n", "c.yaml:1:16: max-file-size must be a size such as 4MiB, not a list"},
		{"max-file-size:\n", "c.yaml:1:15: max-file-size must be a size such as 4MiB, not nothing"},
	}
	for _, c := range cases {
		_, err := ParseConfig("c.yaml", []byte(c.text), rules.All())
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
	for text, want := range map[string]int64{"max-file-size: 3145728\n": 3 << 20, "max-file-size: 4 MB\n": 4000000} {
		c, err := ParseConfig("c.yaml", []byte(text), rules.All())
		if err != nil || c.MaxFileSize != want {
			t.Errorf("%q: got %v, want %d", text, err, want)
		}
	}
}

// The schema accepts what ParseFileSize reads (short of the cap, which a
// pattern cannot see in "32MiB") and refuses what it cannot.
func TestMaxFileSizeSchema(t *testing.T) {
	s := compileSchema(t)
	for _, text := range []string{"512KiB", "4 MB", "1.5MiB", "100b", "1048576", "'1048576'"} {
		doc := "max-file-size: " + text + "\n"
		if err := s.Validate(yamlInstance(t, doc)); err != nil {
			t.Errorf("%q does not validate: %v", doc, err)
		}
		if _, err := ParseConfig("c.yaml", []byte(doc), rules.All()); err != nil {
			t.Errorf("%q: %v", doc, err)
		}
	}
	for _, text := range []string{"0", "4GB", "4k", "-1", "16777217", "true", "[1]", "'1.5'", "1.5B"} {
		doc := "max-file-size: " + text + "\n"
		if err := s.Validate(yamlInstance(t, doc)); err == nil {
			t.Errorf("%q validates", doc)
		}
		if _, err := ParseConfig("c.yaml", []byte(doc), rules.All()); err == nil {
			t.Errorf("%q loads", doc)
		}
	}
}
