package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/x/ansi"
)

// pane is one tab's scrollable content. It re-renders only when the data,
// the names or the width it was drawn for change, so a frame costs a slice
// of ready lines.
type pane struct {
	vp     viewport.Model
	head   []string // lines that stay put above the scrolling ones (column titles)
	lines  []string
	height int // the pane's whole height, head included
	drawn  paneKey
}

// tabContent is a rendered tab: an optional fixed head and the body.
type tabContent struct {
	head []string
	body string
}

// paneKey is what a pane's content depends on.
type paneKey struct {
	data         *leadData
	version      int
	namesVersion int
	width        int
}

func newPane() pane {
	vp := viewport.New(0, 0)
	vp.MouseWheelDelta = 3
	return pane{vp: vp}
}

// sync redraws the pane if key differs from what it holds. A different lead
// starts at the top; the same lead, refreshed, keeps its scroll position.
func (p *pane) sync(key paneKey, render func() tabContent) {
	if p.drawn == key {
		return
	}
	sameLead := p.drawn.data != nil && key.data != nil && p.drawn.data.id == key.data.id
	c := render()
	p.head = fitLines(strings.Join(c.head, "\n"), key.width)
	if len(c.head) == 0 {
		p.head = nil
	}
	p.lines = fitLines(c.body, key.width)
	p.setSize(key.width, p.height)
	// The viewport only does the scrolling arithmetic; view() draws p.lines.
	// Empty lines of the same count spare it measuring every line's width.
	p.vp.SetContent(strings.Repeat("\n", max(0, len(p.lines)-1)))
	if !sameLead {
		p.vp.GotoTop()
	}
	p.drawn = key
}

func (p *pane) setSize(width, height int) {
	p.height = height
	p.vp.Width, p.vp.Height = width, max(0, height-len(p.head))
	// Re-clamp the offset for the new height.
	p.vp.SetYOffset(p.vp.YOffset)
}

// view returns exactly the pane's height in lines, cheaply: no styling
// happens here.
func (p *pane) view() string {
	if p.height <= 0 {
		return ""
	}
	var b strings.Builder
	n := 0
	line := func(s string) {
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
		n++
	}
	for _, l := range p.head[:min(len(p.head), p.height)] {
		line(l)
	}
	start := min(max(0, p.vp.YOffset), len(p.lines))
	end := min(start+p.vp.Height, len(p.lines))
	for _, l := range p.lines[start:end] {
		line(l)
	}
	for n < p.height {
		line("")
	}
	return b.String()
}

// position describes where the pane is scrolled, or "" when all is visible.
func (p *pane) position() string {
	total := len(p.lines)
	if total <= p.vp.Height || p.vp.Height <= 0 {
		return ""
	}
	first := p.vp.YOffset + 1
	last := min(p.vp.YOffset+p.vp.Height, total)
	return fmt.Sprintf("%d–%d of %d · %d%%", first, last, total, int(p.vp.ScrollPercent()*100+0.5))
}

// fitLines splits s into lines no wider than width; the renderers respect
// the width already, this guards against a miscount reaching the terminal.
func fitLines(s string, width int) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		// A line has at least as many bytes as columns: short ones need no measuring.
		if len(l) > width && ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, ellipsis)
		}
	}
	return lines
}
