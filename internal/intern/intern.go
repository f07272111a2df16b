// Package intern keeps the strings that live to the end of a run (the
// findings' messages) once each, packed into large blocks. Messages are
// made with fmt.Sprintf while a file's model is built, so without it each
// one pins a small span of the heap that the model's garbage shared: on a
// large repository the heap in use grew to several times what was live,
// and the collector ran far more often per allocated byte (issue 14).
package intern

import (
	"strings"
	"sync"
)

// blockSize is the size of each block: large enough that a block has a
// span of its own, small enough that the last one wastes little.
const blockSize = 64 << 10

// Pool is a set of interned strings. Its zero value is ready to use and it
// is safe for concurrent use.
type Pool struct {
	mu    sync.Mutex
	seen  map[string]string
	block strings.Builder
}

// String returns s, or an equal string the pool already holds. The string
// returned is a copy packed into one of the pool's blocks, so s itself may
// be collected.
func (p *Pool) String(s string) string {
	if s == "" {
		return ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if v, ok := p.seen[s]; ok {
		return v
	}
	v := p.store(s)
	if p.seen == nil {
		p.seen = map[string]string{}
	}
	p.seen[v] = v
	return v
}

// store copies s into the current block, starting a new block when s does
// not fit. Writing within a Builder's capacity never moves the bytes
// already written, so the strings cut from a block stay valid.
func (p *Pool) store(s string) string {
	if len(s) > blockSize/8 {
		return strings.Clone(s) // large enough to be worth a span of its own
	}
	if p.block.Cap()-p.block.Len() < len(s) {
		p.block = strings.Builder{}
		p.block.Grow(blockSize)
	}
	start := p.block.Len()
	p.block.WriteString(s)
	return p.block.String()[start:]
}
