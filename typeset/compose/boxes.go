package compose

import (
	"strings"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// boxed is a set box: its frame height and how to draw it between a top
// and a bottom (it centres its content when given more room).
type boxed struct {
	height units.Length
	words  int
	draw   func(top, bottom units.Length) []display.Item
}

// stack is blocks set one under another, baseline to baseline.
type stack struct {
	blocks []block
	gaps   []units.Length // space above each block's first line's ascent
}

func (st *stack) add(b block, gap units.Length) {
	st.blocks = append(st.blocks, b)
	st.gaps = append(st.gaps, gap)
}

// height from the top of the first ascent to the last line's descent;
// place stacks the blocks the same way.
func (st *stack) height() units.Length {
	var h units.Length
	for i, b := range st.blocks {
		h += st.gaps[i]
		if ls := b.lines; len(ls) > 0 {
			h += b.height() + ls[len(ls)-1].Descent
		}
	}
	return h
}

func (st *stack) words() int {
	n := 0
	for _, b := range st.blocks {
		for _, l := range b.lines {
			n += l.Words
		}
	}
	return n
}

func (st *stack) place(dst []display.Item, x, y units.Length) []display.Item {
	for i, b := range st.blocks {
		y += st.gaps[i]
		if len(b.lines) == 0 {
			continue
		}
		y += b.lines[0].Ascent
		dst = b.place(dst, x, y)
		y += units.Length(len(b.lines)-1)*b.leading + b.lines[len(b.lines)-1].Descent
	}
	return dst
}

// attribution formats who said a quote: "— Name, role".
func attribution(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "— " + s
}

// quoteBox sets a boxed quote sidebar: title, quote, attribution, in a
// ruled and tinted frame as wide as the column.
func (k *Kit) quoteBox(b model.Block, w units.Length) boxed {
	s := k.Style
	pad := s.Box.Padding + s.Box.Rule
	inner := w - 2*pad
	var st stack
	if b.Title != "" {
		st.add(k.set("box_title", plain(b.Title), inner, paragraph.Left, false), 0)
	}
	for i, q := range b.Quote {
		gap := units.Length(0)
		if i > 0 || b.Title != "" {
			gap = s.Type.BoxText.Before
		}
		st.add(k.set("box_text", q, inner, paragraph.Left, true), gap)
	}
	if a := attribution(b.Attribution); a != "" {
		st.add(k.set("box_attribution", plain(a), inner, paragraph.Right, false), s.Type.BoxAttribution.Before)
	}
	h := st.height() + 2*pad
	fill := k.optColor(s.Box.Tint)
	stroke := k.optColor(s.Box.Color)
	if s.Box.Rule == 0 {
		stroke = nil
	}
	return boxed{height: h, words: st.words(), draw: func(top, bottom units.Length) []display.Item {
		items := []display.Item{&display.Rect{X: s.Box.Rule / 2, Y: top, W: w - s.Box.Rule, H: bottom - top, Fill: fill, Stroke: stroke, LineWidth: s.Box.Rule}}
		extra := (bottom - top - h) / 2
		return st.place(items, pad, top+pad+extra)
	}}
}

// pullQuote sets a quote from the story large between two rules.
func (k *Kit) pullQuote(b model.Block, w units.Length) boxed {
	s := k.Style
	var st stack
	for i, q := range b.Quote {
		gap := units.Length(0)
		if i > 0 {
			gap = s.Type.PullText.Before
		}
		st.add(k.set("pull_text", q, w, paragraph.Center, false), gap)
	}
	if a := attribution(b.Attribution); a != "" {
		st.add(k.set("pull_attribution", plain(a), w, paragraph.Center, false), s.Type.PullAttrib.Before)
	}
	pad := s.Pull.Rule + units.FromPt(4)
	h := st.height() + 2*pad
	c := k.Color(s.Pull.Color)
	return boxed{height: h, words: st.words(), draw: func(top, bottom units.Length) []display.Item {
		r := s.Pull.Rule
		items := []display.Item{
			&display.Rule{X1: 0, Y1: top + r/2, X2: w, Y2: top + r/2, Width: r, Color: c},
			&display.Rule{X1: 0, Y1: bottom - r/2, X2: w, Y2: bottom - r/2, Width: r, Color: c},
		}
		extra := (bottom - top - h) / 2
		return st.place(items, 0, top+pad+extra)
	}}
}

func (k *Kit) optColor(name string) *display.Color {
	if name == "" {
		return nil
	}
	c := k.Color(name)
	return &c
}
