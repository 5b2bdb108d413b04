package jsonview

// Build makes the Doc of a response body in one pass over raw, within lim
// (zero fields take DefaultLimits). leadID names the lead in the summary of
// left-out lines, which points to `leadscope get ID --json`; 0 leaves the
// command out. An empty body gives an empty Doc.
func Build(raw []byte, leadID int64, lim Limits) *Doc {
	lim = lim.normalized()
	if len(raw) == 0 {
		return &Doc{leadID: leadID}
	}
	d := &Doc{json: true, leadID: leadID}
	if !buildJSON(raw, d, lim) {
		d = &Doc{leadID: leadID}
		buildText(raw, d, lim)
	}
	return d
}

// What the parser expects next.
type expect uint8

const (
	expectValue        expect = iota
	expectValueOrClose        // after '['
	expectKeyOrClose          // after '{'
	expectKey                 // after ',' in an object
	expectColon
	expectCommaOrClose // after a value in a container
	expectEnd          // after the top-level value
)

// buildJSON lays raw out as json.Indent would, within the limits, and
// reports whether raw was valid JSON as encoding/json's scanner defines it
// (strings may hold invalid UTF-8; nesting is unlimited).
func buildJSON(raw []byte, d *Doc, lim Limits) bool {
	p := printer{w: newWriter(d, lim), maxDepth: lim.MaxDepth}
	var stack bitStack // true for an object
	state := expectValue
	for i := 0; ; {
		i = skipSpace(raw, i)
		if i == len(raw) {
			p.w.finish()
			return state == expectEnd
		}
		c := raw[i]
		switch state {
		case expectValueOrClose, expectKeyOrClose:
			if c == ']' && state == expectValueOrClose || c == '}' && state == expectKeyOrClose {
				p.close(c)
				stack.pop()
				state = afterValue(&stack)
				i++
				continue
			}
			if state == expectKeyOrClose {
				state = expectKey
				continue
			}
			state = expectValue
			continue
		case expectKey:
			if c != '"' {
				return false
			}
			end := stringEnd(raw, i)
			if end < 0 {
				return false
			}
			p.string(raw[i:end])
			i, state = end, expectColon
		case expectColon:
			if c != ':' {
				return false
			}
			p.colon()
			i, state = i+1, expectValue
		case expectCommaOrClose:
			object := stack.top()
			switch {
			case c == ',':
				p.comma()
				state = expectValue
				if object {
					state = expectKey
				}
				i++
			case c == ']' && !object, c == '}' && object:
				p.close(c)
				stack.pop()
				state = afterValue(&stack)
				i++
			default:
				return false
			}
		case expectEnd:
			return false
		case expectValue:
			switch {
			case c == '{' || c == '[':
				stack.push(c == '{')
				p.open(c, stack.len())
				state = expectValueOrClose
				if c == '{' {
					state = expectKeyOrClose
				}
				i++
			case c == '"':
				end := stringEnd(raw, i)
				if end < 0 {
					return false
				}
				p.string(raw[i:end])
				i, state = end, afterValue(&stack)
			default:
				end := scalarEnd(raw, i)
				if end < 0 {
					return false
				}
				p.scalar(raw[i:end])
				i, state = end, afterValue(&stack)
			}
		}
	}
}

func afterValue(stack *bitStack) expect {
	if stack.len() == 0 {
		return expectEnd
	}
	return expectCommaOrClose
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) {
		switch raw[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// bitStack is the kinds of the open containers, a bit each: nesting a
// million deep costs 128 KB.
type bitStack struct {
	bits []uint64
	n    int
}

func (s *bitStack) push(object bool) {
	word, bit := s.n>>6, uint(s.n&63)
	if word == len(s.bits) {
		s.bits = append(s.bits, 0)
	}
	if object {
		s.bits[word] |= 1 << bit
	} else {
		s.bits[word] &^= 1 << bit
	}
	s.n++
}

func (s *bitStack) pop() { s.n-- }

func (s *bitStack) top() bool {
	i := s.n - 1
	return s.bits[i>>6]&(1<<uint(i&63)) != 0
}

func (s *bitStack) len() int { return s.n }
