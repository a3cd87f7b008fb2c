package compose

import (
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/units"
)

// forbid is the cost of a column break that must not happen.
const forbid = 1 << 30

// elem is one item of a story's column flow: a body line, a crosshead, a
// box. Every elem takes whole grid slots, so lines align across columns.
type elem struct {
	slots int            // grid slots it takes, not counting space around it
	above int            // slots of space wanted above it, dropped at a column top
	below int            // slots of space wanted below it, dropped at a column foot
	float bool           // a box that may move to the top of the next column
	items []display.Item // relative to the top-left of its first slot
	brk   int            // cost of a column break after it
	words int            // words of body text that start in it
	kind  elemKind
	para  int // paragraph index, for lines
	line  int // line index in its paragraph
	lines int // lines of its paragraph
	hyph  bool
	part  int  // index of the story part it belongs to
	keep  bool // nothing may break after it, not even a jump (beside a drop cap)
}

// jumpable reports whether a story may jump after this element in a
// pour of the given jump mode. Strictly: in the middle of a paragraph,
// leaving at least two of its lines on each side, and not on a hyphen. At
// a paragraph's end: also after a paragraph's last line. Relaxed: also
// where a single line goes over (a widow on the jump page), the last
// resort against white at the foot of the leg.
func (e elem) jumpable(mode int) bool {
	if e.kind != lineElem || e.hyph || e.keep {
		return false
	}
	if mode != jumpStrict && e.line == e.lines-1 && e.brk < forbid {
		return true
	}
	if e.line < 1 {
		return false
	}
	if mode == jumpRelaxed {
		return e.line <= e.lines-2
	}
	return e.line <= e.lines-3
}

type elemKind uint8

const (
	lineElem elemKind = iota
	headElem
	boxElem
	creditElem
)

// flow is the geometry of a story's column flow: the column width, the
// grid pitch and where a text line's baseline sits in its slot.
type flow struct {
	width units.Length
	pitch units.Length
	base  units.Length // baseline of a text line below its slot's top
}

func ceilDiv(a, b units.Length) units.Length {
	if a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
