package intern

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

func TestStringKeepsValuesAcrossBlocks(t *testing.T) {
	var p Pool
	want := map[string]string{}
	for i := range 20000 { // ~25 blocks
		s := fmt.Sprintf("message %d: %s", i, strings.Repeat("x", i%90))
		want[s] = p.String(s)
	}
	for s, got := range want {
		if got != s {
			t.Fatalf("String(%q) = %q", s, got)
		}
	}
}

func TestStringSharesEqualStrings(t *testing.T) {
	var p Pool
	a := p.String(fmt.Sprint("apt-get ", "install"))
	b := p.String(fmt.Sprint("apt-get", " install"))
	if unsafe.StringData(a) != unsafe.StringData(b) {
		t.Error("equal strings are stored twice")
	}
	if p.String("") != "" {
		t.Error(`String("") is not ""`)
	}
}

func TestStringLarge(t *testing.T) {
	var p Pool
	big := strings.Repeat("y", blockSize)
	if got := p.String(big); got != big {
		t.Error("a string larger than a block is changed")
	}
	if got := p.String("after"); got != "after" {
		t.Errorf("String after a large one = %q", got)
	}
}

func TestStringConcurrent(t *testing.T) {
	var p Pool
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				s := fmt.Sprintf("m%d-%d", i%500, g%2)
				if got := p.String(s); got != s {
					t.Errorf("String(%q) = %q", s, got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
