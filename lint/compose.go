package lint

import "github.com/dlint-dev/dlint/parser"

// loadCompose loads one compose project. (Filled in by the compose work.)
func (r *runner) loadCompose(g composeGroup) *parser.ComposeProject {
	for _, f := range g.files {
		r.addError(&FileError{Path: f, Msg: "compose files are not supported yet"})
	}
	return nil
}

// linkCompose builds the runtime view of each service.
func (r *runner) linkCompose(p *parser.ComposeProject) []*parser.Container { return nil }
