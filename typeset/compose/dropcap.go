package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// dropCap is the big initial that opens a lead story: its letters sink
// into the first lines of the first paragraph, which are set narrower by
// its width, and its cap height reaches from the last of those lines'
// baseline to the cap height of the first.
type dropCap struct {
	lines  int           // lines it sinks into
	indent units.Length  // what it takes from those lines: its advance and a gap
	text   string        // the letters it draws (and a space after a one-letter word)
	run    *display.Text // the letters at the cap's size; X 0, Y from the first line's baseline
}

// minDropCapWords is the shortest first paragraph that gets a drop cap:
// it must run well past the lines the cap sinks into.
const minDropCapWords = 30

// dropCap prepares the drop cap of an article whose first paragraph is
// runs, and returns the runs without its letters; nil and the runs as
// they were when the article gets none: the style has no drop caps, the
// story is not important enough, the paragraph is short or does not open
// with a letter or digit, or the drop-cap face lacks it.
func (k *Kit) dropCap(a *model.Article, runs []paragraph.Run) (*dropCap, []paragraph.Run) {
	as := k.Style.Article
	if as.DropCapLines < 2 || len(runs) == 0 {
		return nil, runs
	}
	prio := as.DropCapPriority
	if prio == 0 {
		prio = 1
	}
	if a.Priority < 1 || a.Priority > prio {
		return nil, runs
	}
	words := 0
	for _, r := range runs {
		words += len(strings.Fields(r.Text))
	}
	if words < minDropCapWords {
		return nil, runs
	}
	first := runs[0].Text
	n := initialLen(first)
	if n == 0 || n >= len(first) {
		return nil, runs
	}
	letters := first[:n]
	if runs[0].Font.Upper {
		letters = strings.ToUpper(letters)
	}
	f := k.Font("drop_cap")
	face := f.Regular
	for _, r := range letters {
		if !face.Has(r) {
			return nil, runs
		}
	}
	body := k.Font("body")
	pitch := k.Style.Page.Baseline
	if face.CapHeight <= 0 || body.Regular.CapHeight <= 0 {
		return nil, runs
	}
	capH := units.Length(as.DropCapLines-1)*pitch + body.Regular.Scale(body.Regular.CapHeight, body.Size)
	size := units.Length(int64(capH) * int64(face.Upem) / int64(face.CapHeight))
	run := &display.Text{Face: face, Size: size, Color: f.Color, Y: units.Length(as.DropCapLines-1) * pitch}
	var x int32
	for _, g := range k.Shaper.Shape(face, letters, shape.Kern) {
		run.Alt = append(run.Alt, display.AltText{Glyph: len(run.Glyphs)}) // the line carries the letter
		run.Glyphs = append(run.Glyphs, display.Glyph{ID: g.ID, Code: g.Code, X: face.Scale(x+g.XOffset, size)})
		x += g.Advance
	}
	dc := &dropCap{lines: as.DropCapLines, indent: face.Scale(x, size) + body.Size/3, text: letters, run: run}
	rest := first[n:]
	if trimmed := strings.TrimLeft(rest, " \t"); trimmed != rest {
		dc.text += " " // "A woman …": the line's text layer reads "A woman"
		rest = trimmed
	}
	out := append([]paragraph.Run(nil), runs...)
	out[0].Text = rest
	if rest == "" {
		return nil, runs
	}
	return dc, out
}

// initialLen is the length in bytes of a paragraph's initial: opening
// quotation marks, then one letter or digit with its combining marks; 0
// when the text does not open that way.
func initialLen(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("“‘\"'«„‚", r) {
			break
		}
		i += n
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return 0
	}
	i += n
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		i += n
	}
	return i
}

// widths is the measure of each line of a paragraph part: narrower for
// the lines a drop cap sinks into.
func (st *story) widths(p *part) []units.Length {
	if p.drop == nil {
		return []units.Length{st.fl.width}
	}
	w := make([]units.Length, p.drop.lines+1)
	for i := range w {
		w[i] = st.fl.width - p.drop.indent
	}
	w[len(w)-1] = st.fl.width
	return w
}

// dropLine places the items of line i of a paragraph with a drop cap:
// moved right of the cap, and the first line with the cap itself and its
// letters in the text layer of the line's first glyph.
func (fl *flow) dropLine(e *elem, l paragraph.Line, i int, dc *dropCap) {
	e.items = placeLine(nil, l, dc.indent, fl.base)
	if i > 0 || len(e.items) == 0 {
		return
	}
	if t, ok := e.items[0].(*display.Text); ok && len(t.Glyphs) > 0 {
		own, has, _ := t.AltAt(0, 0)
		if !has {
			own = string(t.Glyphs[0].Code)
		}
		// A new Alt: the run's own is shared with the paragraph's cache.
		alt := []display.AltText{{Glyph: 0, Text: dc.text + own}}
		for _, a := range t.Alt {
			if a.Glyph != 0 {
				alt = append(alt, a)
			}
		}
		t.Alt = alt
	}
	c := *dc.run
	c.Y += fl.base
	e.items = append(e.items, &c)
}
