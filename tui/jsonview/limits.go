package jsonview

// Limits bound what Build keeps of a body. A field left at zero takes its
// default; values outside what the storage can hold are clamped.
type Limits struct {
	// MaxDepth is the deepest container shown indented; deeper ones are
	// shown compactly on their parent's line.
	MaxDepth int
	// MaxLines is the most lines kept; the rest are counted.
	MaxLines int
	// MaxBytes bounds the text kept: a new line is started only while the
	// text holds less, so the text may pass it by at most one line.
	MaxBytes int
	// MaxLineBytes is the longest line's text (indentation not counted);
	// a longer line is cut to it, ending in "…".
	MaxLineBytes int
	// MaxCompactBytes is the longest text of a compacted container; a
	// longer one is cut to it, ending in "…".
	MaxCompactBytes int
}

// DefaultLimits suit a lead body. Real Kommo bodies nest fewer than ten
// levels; 32 levels are 64 columns of indentation, which still leaves room
// for text on a 120-column screen.
func DefaultLimits() Limits {
	return Limits{
		MaxDepth:        32,
		MaxLines:        20_000,
		MaxBytes:        4 << 20,
		MaxLineBytes:    16 << 10,
		MaxCompactBytes: 512,
	}
}

const (
	maxDepthLimit = 1000    // depths are stored in a uint16 and drawn as spaces
	maxBytesLimit = 1 << 30 // offsets are stored in a uint32
	minLineBytes  = 16      // room for a little text and the "…"
)

// normalized fills zero fields with the defaults and clamps the rest.
func (l Limits) normalized() Limits {
	d := DefaultLimits()
	pick := func(v, def, lo, hi int) int {
		if v <= 0 {
			v = def
		}
		return min(max(v, lo), hi)
	}
	return Limits{
		MaxDepth:        pick(l.MaxDepth, d.MaxDepth, 1, maxDepthLimit),
		MaxLines:        pick(l.MaxLines, d.MaxLines, 1, maxBytesLimit),
		MaxBytes:        pick(l.MaxBytes, d.MaxBytes, 1, maxBytesLimit),
		MaxLineBytes:    pick(l.MaxLineBytes, d.MaxLineBytes, minLineBytes, maxBytesLimit),
		MaxCompactBytes: pick(l.MaxCompactBytes, d.MaxCompactBytes, minLineBytes, maxBytesLimit),
	}
}
