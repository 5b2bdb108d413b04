package leadpage

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/tui/common"
)

// items is a tab's content as a list of entries (fields, contacts, JSON
// lines...), each rendered on demand into one or more lines.
type items interface {
	Len() int
	Render(i, width int) []string
}

// scroll shows items in a window of lines. INTERIM: it renders every item;
// it is replaced by the virtual scroller (tui/vscroll).
type scroll struct {
	width, height int
	lines         []string
	top           int
}

func (s *scroll) setItems(src items, width int, keep bool) {
	s.lines = s.lines[:0]
	for i := 0; i < src.Len(); i++ {
		for _, l := range src.Render(i, width) {
			if len(l) > width && ansi.StringWidth(l) > width {
				l = ansi.Truncate(l, width, common.Ellipsis)
			}
			s.lines = append(s.lines, l)
		}
	}
	if !keep {
		s.top = 0
	}
	s.clamp()
}

func (s *scroll) setSize(w, h int) { s.width, s.height = w, max(0, h); s.clamp() }

func (s *scroll) clamp() {
	s.top = max(0, min(s.top, len(s.lines)-s.height))
}

func (s *scroll) LineUp(n int)   { s.top -= n; s.clamp() }
func (s *scroll) LineDown(n int) { s.top += n; s.clamp() }
func (s *scroll) PageUp()        { s.LineUp(max(1, s.height)) }
func (s *scroll) PageDown()      { s.LineDown(max(1, s.height)) }
func (s *scroll) Top()           { s.top = 0 }
func (s *scroll) Bottom()        { s.top = len(s.lines); s.clamp() }

func (s *scroll) view() []string {
	end := min(s.top+s.height, len(s.lines))
	out := append([]string(nil), s.lines[s.top:end]...)
	return common.FillLines(out, s.height)
}

func (s *scroll) position() string {
	total := len(s.lines)
	if total <= s.height || s.height <= 0 {
		return ""
	}
	last := min(s.top+s.height, total)
	return fmt.Sprintf("%d–%d of %d · %d%%", s.top+1, last, total, (last*100+total/2)/total)
}
