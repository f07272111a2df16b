package images

import (
	"reflect"
	"testing"
)

// The index Default builds of each shipped catalogue finds every entry
// Decode reads, with the same variants once decoded.
func TestShippedIndexMatchesDecode(t *testing.T) {
	for _, data := range [][]byte{officialJSON, vendorJSON} {
		indexMatchesDecode(t, data)
	}
}

func indexMatchesDecode(t *testing.T, data []byte) {
	t.Helper()
	want, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := indexEntries("generated", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("index has %d entries, Decode %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Image != want[i].Image || got[i].Product != want[i].Product {
			t.Errorf("entry %d: %s (%s), want %s (%s)", i, got[i].Image, got[i].Product, want[i].Image, want[i].Product)
		}
		if v := got[i].variants(); !reflect.DeepEqual(v, want[i].Variants) {
			t.Errorf("%s: variants differ from Decode's", want[i].Image)
		}
	}
}

// An indexed entry is decoded only when a lookup matches its name, and a
// malformed one is still refused then, as Decode refuses it.
func TestIndexedEntryDecodedWhenNeeded(t *testing.T) {
	data := []byte(`{"images": [
		{"image": "good", "variants": [{"tags": ["*"], "user": "app", "source": "s"}]},
		{"image": "bad", "variants": [{"tags": ["*"], "usr": "typo", "source": "s"}]}
	]}`)
	entries, err := indexEntries("test", data)
	if err != nil {
		t.Fatal(err)
	}
	c := &Catalog{entries: entries}
	img, ok := c.Lookup("good", "1")
	if !ok || img.User != "app" || img.Origin != "test" {
		t.Fatalf("good:1 = %+v, %v", img, ok)
	}
	if entries[1].lazy.variants != nil {
		t.Error("an entry no lookup matched was decoded")
	}
	defer func() {
		if recover() == nil {
			t.Error("a malformed entry was accepted")
		}
	}()
	c.Lookup("bad", "1")
}

func BenchmarkDecodeOfficial(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(officialJSON); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexOfficial is what the first lookup of a run pays now.
func BenchmarkIndexOfficial(b *testing.B) {
	for b.Loop() {
		if _, err := indexEntries("generated", officialJSON); err != nil {
			b.Fatal(err)
		}
	}
}
