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
		official, err := Decode(officialJSON)
		if err != nil {
			panic(fmt.Sprintf("images: official.json: %v", err)) // a build defect, caught by the tests
		}
		vendor, err := Decode(vendorJSON)
		if err != nil {
			panic(fmt.Sprintf("images: vendor.json: %v", err))
		}
		defaultCatalog = (&Catalog{}).With("generated", official).With("vendor", vendor)
	})
	return defaultCatalog
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
