package jsonview

// printer turns parsed tokens into json.Indent's layout: a container's
// elements one a line, indented by depth, "{}" and "[]" when empty, ": "
// after keys. Containers nested past maxDepth are written compactly on
// their parent's line instead, as json.Compact would.
type printer struct {
	w        *writer
	maxDepth int

	depth       int  // indentation of the current line's elements
	pendingOpen bool // a container was opened and may yet be empty
	compact     int  // containers open in compact mode
}

// beforeToken breaks the line after a container's opening once it turns
// out not to be empty.
func (p *printer) beforeToken() {
	if p.pendingOpen {
		p.pendingOpen = false
		p.depth++
		p.w.newline(p.depth)
	}
}

// open writes a container's opening; nesting counts it.
func (p *printer) open(c byte, nesting int) {
	p.beforeToken()
	if p.compact == 0 && nesting > p.maxDepth {
		p.w.beginCompact()
	}
	if p.compact > 0 || nesting > p.maxDepth {
		p.compact++
		p.w.put([]byte{c})
		return
	}
	p.w.put([]byte{c})
	p.pendingOpen = true
}

func (p *printer) close(c byte) {
	if p.compact > 0 {
		p.compact--
		p.w.put([]byte{c})
		if p.compact == 0 {
			p.w.endCompact()
		}
		return
	}
	if p.pendingOpen {
		p.pendingOpen = false
	} else {
		p.depth--
		p.w.newline(p.depth)
	}
	p.w.put([]byte{c})
}

func (p *printer) comma() {
	p.w.put(comma)
	if p.compact == 0 {
		p.w.newline(p.depth)
	}
}

func (p *printer) colon() {
	if p.compact > 0 {
		p.w.put(colon)
		return
	}
	p.w.put(colonSpace)
}

// string writes a string token, quotes included, cleaned for the terminal.
func (p *printer) string(tok []byte) {
	p.beforeToken()
	p.w.putClean(tok)
}

// scalar writes a number or literal: ASCII, nothing to clean.
func (p *printer) scalar(tok []byte) {
	p.beforeToken()
	p.w.put(tok)
}

var (
	comma      = []byte(",")
	colon      = []byte(":")
	colonSpace = []byte(": ")
)
