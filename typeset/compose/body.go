package compose

import (
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// forbid is the cost of a column break that must not happen.
const forbid = 1 << 30

// elem is one item of a story's column flow: a body line, a crosshead, a
// box. Every elem takes whole grid slots, so lines align across columns.
type elem struct {
	slots  int            // grid slots it takes, not counting gapTop
	gapTop int            // slots of space above it, dropped at the top of a column
	items  []display.Item // relative to the top-left of its first slot (after gapTop)
	brk    int            // cost of a column break after it
	words  int            // words of body text that start in it
	kind   elemKind
	para   int // paragraph index, for lines
}

type elemKind uint8

const (
	lineElem elemKind = iota
	headElem
	boxElem
	creditElem
)

// flow is a story's body as a column flow at one column width.
type flow struct {
	elems []elem
	width units.Length
	pitch units.Length
	base  units.Length // baseline of a text line below its slot's top
	words int
}

// bodyFlow sets an article's body in columns of width w.
func (k *Kit) bodyFlow(a *model.Article, w units.Length) *flow {
	s := k.Style
	fl := &flow{width: w, pitch: s.Page.Baseline}
	body := k.Font("body")
	desc := -body.Regular.Scale(body.Regular.Descender, body.Size)
	fl.base = fl.pitch - desc*3/4
	hyph := k.hyphenator(a.Lang)
	k.Setter.Hyph = hyph
	first := true    // the next paragraph is the story's first
	noIndent := true // the next paragraph follows a heading
	pendingGap := 0  // slots of space owed to the next element (after a box)
	para := 0
	for _, b := range a.Body {
		switch b.Kind {
		case model.Paragraph:
			runs := make([]paragraph.Run, 0, len(b.Text)+1)
			if first {
				if dl := Dateline(a.Dateline, s.Dateline); dl != "" {
					runs = append(runs, paragraph.Run{Text: dl + " ", Font: k.Font("dateline")})
				}
			}
			for _, sp := range b.Text {
				runs = append(runs, paragraph.Run{Text: sp.Text, Font: body, Style: sp.Style})
			}
			indent := s.Type.Body.Indent
			if noIndent {
				indent = 0
			}
			res := k.Setter.Set(&paragraph.Spec{Runs: runs, Align: align(s.Type.Body.Align, paragraph.Justify), Indent: indent, Hyphenate: hyph != nil}, []units.Length{w})
			fl.addLines(res.Lines, para, pendingGap)
			pendingGap = 0
			para++
			first, noIndent = false, false
		case model.Crosshead:
			blk := k.set("crosshead", b.Text, w, paragraph.Left, false)
			gap := int(ceilDiv(s.Type.Crosshead.Before, fl.pitch)) + pendingGap
			pendingGap = 0
			fl.addHead(blk, gap)
			noIndent = true
		case model.QuoteBox:
			fl.addBox(k.quoteBox(b, w), pendingGap+int(ceilDiv(s.Box.Space, fl.pitch)))
			pendingGap = int(ceilDiv(s.Box.Space, fl.pitch))
		case model.PullQuote:
			fl.addBox(k.pullQuote(b, w), pendingGap+int(ceilDiv(s.Pull.Space, fl.pitch)))
			pendingGap = int(ceilDiv(s.Pull.Space, fl.pitch))
		}
	}
	if cl := CreditLine(a.Credit, s.Credit); cl != "" {
		blk := k.set("credit", plain(cl), w, paragraph.Right, false)
		for _, l := range blk.lines {
			e := elem{slots: 1, gapTop: pendingGap, kind: creditElem, words: l.Words}
			pendingGap = 0
			e.items = placeLine(nil, l, 0, fl.base)
			fl.words += l.Words
			fl.elems = append(fl.elems, e)
		}
		// The credit belongs to the story's last line: keep them together.
		if n := len(fl.elems); n >= 2 {
			fl.elems[n-2].brk = forbid
		}
	}
	return fl
}

// addLines adds a paragraph's lines, forbidding the column breaks that
// would leave a widow or an orphan or split a hyphenated word.
func (fl *flow) addLines(lines []paragraph.Line, para, gap int) {
	n := len(lines)
	for i, l := range lines {
		e := elem{slots: 1, kind: lineElem, para: para, words: l.Words}
		if i == 0 {
			e.gapTop = gap
		}
		e.items = placeLine(nil, l, 0, fl.base)
		switch {
		case i == n-1:
			e.brk = 0
		case i == 0 || i == n-2:
			e.brk = forbid // orphan after the first line, widow before the last
		case l.Hyphenated:
			e.brk = forbid // a leg never ends on a hyphen
		}
		fl.words += l.Words
		fl.elems = append(fl.elems, e)
	}
}

// addHead adds a crosshead, kept with the lines that follow it.
func (fl *flow) addHead(b block, gap int) {
	for i, l := range b.lines {
		e := elem{slots: 1, kind: headElem, brk: forbid, words: l.Words}
		if i == 0 {
			e.gapTop = gap
		}
		e.items = placeLine(nil, l, 0, fl.base)
		fl.words += l.Words
		fl.elems = append(fl.elems, e)
	}
}

// addBox adds a boxed element that takes whole slots.
func (fl *flow) addBox(b boxed, gap int) {
	// The frame runs from about the cap height of the first slot's text
	// line to the last slot's baseline, so it lines up with the text in
	// the next column.
	top := fl.base - fl.pitch*2/3
	slots := 1 + int(ceilDiv(b.height-(fl.base-top), fl.pitch))
	e := elem{slots: max(slots, 1), gapTop: gap, kind: boxElem, words: b.words}
	bottom := units.Length(e.slots-1)*fl.pitch + fl.base
	e.items = b.draw(top, bottom)
	fl.words += b.words
	fl.elems = append(fl.elems, e)
}

func ceilDiv(a, b units.Length) units.Length {
	if a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
