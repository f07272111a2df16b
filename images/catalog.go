package images

import (
	"bytes"
	_ "embed" // the catalogues
	"encoding/json"
	"fmt"
	"sync"
)

// official.json is written by `go run ./internal/genimages` (see
// docs/images.md); vendor.json by hand, each variant with its source.
var (
	//go:embed official.json
	officialJSON []byte
	//go:embed vendor.json
	vendorJSON []byte
)

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
)

// Default is the catalogue dlint ships: the hand-written vendor entries
// first (they are more specific), then the generated official images.
func Default() *Catalog {
	defaultOnce.Do(func() {
		official, err := indexEntries("generated", officialJSON)
		if err != nil {
			panic(fmt.Sprintf("images: official.json: %v", err)) // a build defect, caught by the tests
		}
		vendor, err := indexEntries("vendor", vendorJSON)
		if err != nil {
			panic(fmt.Sprintf("images: vendor.json: %v", err))
		}
		defaultCatalog = &Catalog{entries: append(vendor, official...)}
	})
	return defaultCatalog
}

// indexEntries reads the names of a catalogue file's entries and leaves
// each entry's variants to be decoded when a lookup first matches its
// name: decoding all of official.json took longer than the rest of
// linting a small compose file. A malformed entry panics then;
// TestShippedIndexMatchesDecode decodes every one.
func indexEntries(origin string, data []byte) ([]catalogEntry, error) {
	var out []catalogEntry
	err := scanEntries(data, func(raw []byte, image, product string) {
		out = append(out, catalogEntry{Entry: Entry{Image: image, Product: product}, origin: origin, lazy: &lazyVariants{raw: raw}})
	})
	return out, err
}

// scanEntries calls entry with each object of the top-level "images"
// array of a catalogue file, and the values of its "image" and "product"
// keys, in one pass over the bytes: encoding/json scans a byte several
// times slower, and an entry decoded in full is the cost being avoided.
func scanEntries(data []byte, entry func(raw []byte, image, product string)) error {
	var (
		depth      int
		inImages   bool // inside the "images" array
		start      int  // of the current entry
		key        string
		image, pro string
		lastString []byte // the last string read, with its quotes
	)
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			j := i
			for {
				k := bytes.IndexByte(data[j+1:], '"')
				if k < 0 {
					return fmt.Errorf("unterminated string")
				}
				j += 1 + k
				n := 0 // backslashes before the quote: odd escapes it
				for data[j-1-n] == '\\' {
					n++
				}
				if n%2 == 0 {
					break
				}
			}
			lastString = data[i : j+1]
			i = j
		case ':':
			if depth == 1 || inImages && depth == 3 { // the keys looked at
				if err := json.Unmarshal(lastString, &key); err != nil {
					return err
				}
			}
		case ',', '}', ']':
			if inImages && depth == 3 && (key == "image" || key == "product") && lastString != nil {
				var v string
				if err := json.Unmarshal(lastString, &v); err != nil {
					return err
				}
				if key == "image" {
					image = v
				} else {
					pro = v
				}
			}
			key, lastString = "", nil
			if c == ',' {
				continue
			}
			depth--
			switch {
			case inImages && depth == 2 && c == '}':
				if image == "" {
					return fmt.Errorf("an entry has no image name")
				}
				entry(data[start:i+1], image, pro)
				image, pro = "", ""
			case inImages && depth == 1:
				inImages = false
			}
		case '{', '[':
			depth++
			switch {
			case depth == 2 && c == '[' && key == "images":
				inImages = true
			case inImages && depth == 3 && c == '{':
				start = i
			}
			key, lastString = "", nil
		default:
			if c > ' ' {
				lastString = nil // a number, true, false or null
			}
		}
	}
	if depth != 0 {
		return fmt.Errorf("unbalanced brackets")
	}
	return nil
}

// lazyVariants are an indexed entry's variants, decoded once when needed.
type lazyVariants struct {
	once     sync.Once
	raw      json.RawMessage
	variants []Variant
}

// variants returns the entry's variants, decoding them on first use.
func (e *catalogEntry) variants() []Variant {
	if e.lazy == nil {
		return e.Variants
	}
	e.lazy.once.Do(func() {
		entries, err := Decode([]byte(`{"images":[` + string(e.lazy.raw) + `]}`))
		if err != nil {
			panic(fmt.Sprintf("images: %s: %v", e.Image, err)) // a build defect, caught by the tests
		}
		e.lazy.variants = entries[0].Variants
	})
	return e.lazy.variants
}

// File is the layout of a catalogue file.
type File struct {
	// Comment says how the file was made.
	Comment string  `json:"comment,omitempty"`
	Images  []Entry `json:"images"`
}

// Decode reads a catalogue file, refusing unknown fields so that a typo
// in a hand-written entry is an error, not a silently missing fact.
func Decode(data []byte) ([]Entry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	for _, e := range f.Images {
		if e.Image == "" {
			return nil, fmt.Errorf("an entry has no image name")
		}
		for _, v := range e.Variants {
			if len(v.Tags) == 0 {
				return nil, fmt.Errorf("%s: a variant has no tags", e.Image)
			}
			if v.Source == "" {
				return nil, fmt.Errorf("%s %v: a variant has no source", e.Image, v.Tags)
			}
		}
	}
	return f.Images, nil
}
