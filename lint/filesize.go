package lint

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// DefaultMaxFileSize bounds what dlint reads of one file unless
// Options.MaxFileSize or a .dlint.yaml's max-file-size says otherwise. The
// largest real Dockerfiles and compose files are a few hundred KiB; a
// bigger file is generated or not what it is named, and the model of a
// Dockerfile takes 20 to 40 times its size in memory.
const DefaultMaxFileSize = 2 << 20

// MaxFileSizeCap is the most --max-file-size and max-file-size accept.
// A Dockerfile of short RUN lines this size takes 11 s and 1.3 GB to lint
// (2 MiB: 1 s), a third of DefaultFileTimeout; compose files reached
// through include and extends are read up to the same size.
// Options.MaxFileSize itself is not capped.
const MaxFileSizeCap = 16 << 20

type byteUnit struct {
	name  string
	bytes int64
}

// sizeUnits are the units a size may be written with, by magnitude: KB
// and MB are decimal, KiB and MiB binary, as their names say.
var sizeUnits = [][]byteUnit{
	{{"MiB", 1 << 20}, {"MB", 1000 * 1000}},
	// KB first: 512KB is typed more often than 500KiB, the same size.
	{{"KB", 1000}, {"KiB", 1 << 10}},
}

// ParseFileSize reads a file size bound: a byte count ("1048576") or a
// number with a unit B, KB, KiB, MB or MiB, case-insensitive ("512KiB",
// "1.5 MB"). The result is at least one byte and at most MaxFileSizeCap.
func ParseFileSize(s string) (int64, error) {
	text := strings.TrimSpace(s)
	i := strings.IndexFunc(text, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != '-' && r != '+' })
	if i < 0 {
		i = len(text)
	}
	num, unitName := text[:i], strings.TrimSpace(text[i:])
	unit := int64(1)
	if unitName != "" && !strings.EqualFold(unitName, "B") {
		unit = 0
		for _, level := range sizeUnits {
			for _, u := range level {
				if strings.EqualFold(unitName, u.name) {
					unit = u.bytes
				}
			}
		}
	}
	whole, frac, hasFrac := strings.Cut(num, ".")
	if strings.HasPrefix(whole, "-") {
		return 0, errors.New("a size cannot be negative")
	}
	if unit == 0 || !allDigits(whole) || hasFrac && !allDigits(frac) {
		return 0, fmt.Errorf("bad size %q: want a byte count, or a number with a unit B, KB, KiB, MB or MiB (KB = 1000 bytes, KiB = 1024)", s)
	}
	if hasFrac && unit == 1 {
		return 0, fmt.Errorf("bad size %q: a byte count is a whole number", s)
	}
	overCap := fmt.Errorf("%s is more than the %s dlint reads at most: a parsed file takes 20 to 40 times its size in memory", text, FormatSize(MaxFileSizeCap))
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || n > MaxFileSizeCap {
		return 0, overCap
	}
	n *= unit
	if hasFrac {
		// Digits past the ninth cannot change a size below the cap.
		frac = (frac + "000000000")[:9]
		f, _ := strconv.ParseInt(frac, 10, 64)
		n += f * unit / 1e9
	}
	switch {
	case n == 0:
		return 0, errors.New("a size must be at least one byte")
	case n > MaxFileSizeCap:
		return 0, overCap
	}
	return n, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// FormatSize writes a size in the largest unit that holds it whole or with
// one decimal, so a bound set as 512KiB reads "512 KiB", 4MB "4 MB" and
// 1.5MiB "1.5 MiB".
func FormatSize(n int64) string {
	u := sizeUnit(n)
	switch {
	case u.bytes == 1:
		return fmt.Sprintf("%d bytes", n)
	case n%u.bytes == 0:
		return fmt.Sprintf("%d %s", n/u.bytes, u.name)
	}
	return fmt.Sprintf("%d.%d %s", n/u.bytes, n*10/u.bytes%10, u.name)
}

func sizeUnit(n int64) byteUnit {
	for _, level := range sizeUnits {
		for _, tenths := range []int64{1, 10} {
			for _, u := range level {
				if n >= u.bytes && n*tenths%u.bytes == 0 {
					return u
				}
			}
		}
	}
	return byteUnit{"B", 1}
}

// sizeLimit is the size bound for one file and where it was set.
type sizeLimit struct {
	bytes int64
	// config is the .dlint.yaml that set it; "" for the command line or
	// the default.
	config string
}

// hint tells how to raise the limit.
func (l sizeLimit) hint() string {
	if l.config != "" {
		return "; raise the limit with max-file-size in " + l.config + " (or --max-file-size)"
	}
	return "; raise the limit with --max-file-size"
}

// tooLargeError is a file over its size limit.
type tooLargeError struct {
	size  int64 // what was seen of the file, at least limit+1
	limit int64
	hint  string
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("file is %s, larger than the %s dlint reads%s", formatFileSize(e.size, e.limit), FormatSize(e.limit), e.hint)
}

// formatFileSize writes the size of a file over limit in the limit's unit,
// or in bytes when rounding would hide that it is larger.
func formatFileSize(size, limit int64) string {
	u := sizeUnit(limit)
	if u.bytes > 1 {
		s := strconv.FormatFloat(float64(size)/float64(u.bytes), 'f', 1, 64)
		if v, _ := strconv.ParseFloat(s, 64); v > float64(limit)/float64(u.bytes) {
			return s + " " + u.name
		}
	}
	return fmt.Sprintf("%d bytes", size)
}

// fileSizeLimit is the bound for a file that is not linted (a
// configuration or a baseline): the command line's, or the default.
func (o *Options) fileSizeLimit() sizeLimit {
	if o.MaxFileSize > 0 {
		return sizeLimit{bytes: o.MaxFileSize}
	}
	return sizeLimit{bytes: DefaultMaxFileSize}
}
