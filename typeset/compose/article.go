package compose

import (
	"fmt"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/units"
)

// Module is a story set in a rectangle of whole columns: its headline
// package across the top and its body in legs below, with even bottoms
// where the copy allows.
type Module struct {
	Article *model.Article
	Cols    int
	W, H    units.Length   // size of the rectangle
	Items   []display.Item // relative to the module's top-left corner
	Legs    []Leg          // the body's text areas, for article threads
	Words   int            // words placed
	Overset Overset        // what did not fit (see Rest)
	Rest    *Rest          // the unplaced elements, nil when all fit
}

// Leg is one column of a story's body text.
type Leg struct {
	X, Y, W, H units.Length // relative to the module
}

// Overset is what did not fit.
type Overset struct {
	Lines int
	Words int
}

// Frame is where a module may go on a page: its top edge, the page's grid
// (the top of slot 0 and the pitch), and the lowest baseline it may use.
type Frame struct {
	Top     units.Length
	GridTop units.Length
	Bottom  units.Length
}

// Article sets a story across cols columns in a frame.
func (k *Kit) Article(a *model.Article, cols int, fr Frame) (*Module, error) {
	s := k.Style
	if cols < 1 || cols > s.Page.Columns {
		return nil, fmt.Errorf("%s: a story cannot run across %d columns of a %d-column page", a.Source, cols, s.Page.Columns)
	}
	pitch := s.Page.Baseline
	colW := s.ColumnWidth()
	w := s.Span(cols)
	m := &Module{Article: a, Cols: cols, W: w}

	head := k.headPackage(a, cols, w, 0)
	m.Items = head.place(m.Items, 0, 0)
	headH := head.height()
	m.Words += head.words()

	// The body starts on the first grid slot below the headline package.
	y0 := fr.Top + headH + s.Article.HeadSpace
	slot0 := int(ceilDiv(y0-fr.GridTop, pitch))
	bodyTop := fr.GridTop + units.Length(slot0)*pitch
	limit := int((fr.Bottom - bodyTop) / pitch)
	if limit < 1 {
		return nil, fmt.Errorf("%s: no room for the body under the headline", a.Source)
	}

	st := k.newStory(a, colW)
	fl := st.fl
	tops := make([]int, cols)
	var photoItems []display.Item
	if len(a.Photos) > 0 {
		pc := photoColumns(cols)
		pw := s.Span(pc)
		slot := 0
		for _, p := range a.Photos {
			pb, err := k.setPhoto(a, p, pw, pitch, fl.base, max(limit/2, 6))
			if err != nil {
				return nil, err
			}
			g := &display.Group{Y: units.Length(slot) * pitch, Label: "photo", Items: pb.items}
			photoItems = append(photoItems, g)
			slot += pb.slots
			m.Words += pb.words
		}
		for c := 0; c < pc; c++ {
			tops[c] = slot
		}
	}

	lg, els := st.fit(tops, limit)
	if err := k.missing(a); err != nil {
		return nil, err
	}
	k.emitLegs(m, lg, els, tops, bodyTop-fr.Top, photoItems)
	return m, nil
}

// Rest is what of a story did not fit its module, in reading order, ready
// to be poured somewhere else (the next page of a proof, the jump page).
type Rest struct {
	els []elem
}

// Continue pours the rest of a story into cols columns of a frame, with
// no headline package, and returns the module and what still did not fit.
func (k *Kit) Continue(a *model.Article, rest *Rest, cols int, fr Frame) (*Module, error) {
	s := k.Style
	pitch := s.Page.Baseline
	m := &Module{Article: a, Cols: cols, W: s.Span(cols)}
	slot0 := int(ceilDiv(fr.Top-fr.GridTop, pitch))
	bodyTop := fr.GridTop + units.Length(slot0)*pitch
	limit := int((fr.Bottom - bodyTop) / pitch)
	if limit < 1 {
		return nil, fmt.Errorf("%s: no room to continue the story", a.Source)
	}
	tops := make([]int, cols)
	lg := balance(rest.els, tops, limit)
	k.emitLegs(m, lg, rest.els, tops, bodyTop-fr.Top, nil)
	return m, nil
}

// emitLegs draws a poured story into its module: photos, then each
// column's elements; what found no place becomes the module's Rest.
func (k *Kit) emitLegs(m *Module, lg legs, els []elem, tops []int, bodyY units.Length, photos []display.Item) {
	s := k.Style
	pitch := s.Page.Baseline
	colW := s.ColumnWidth()
	depth := lg.used(els)
	for _, t := range tops {
		depth = max(depth, t)
	}
	for _, it := range photos {
		g := it.(*display.Group)
		g.Y += bodyY
		m.Items = append(m.Items, g)
	}
	for c, col := range lg.cols {
		x := units.Length(c) * (colW + s.Page.Gutter)
		if len(col) > 0 {
			first := lg.slot[col[0]]
			last := lg.end(els, c, first)
			m.Legs = append(m.Legs, Leg{X: x, Y: bodyY + units.Length(first)*pitch, W: colW, H: units.Length(last-first) * pitch})
		}
		for _, i := range col {
			e := els[i]
			m.Items = append(m.Items, &display.Group{X: x, Y: bodyY + units.Length(lg.slot[i])*pitch, Items: e.items})
			m.Words += e.words
		}
	}
	var rest []elem
	for i, in := range lg.placed() {
		if !in {
			m.Overset.Words += els[i].words
			m.Overset.Lines += els[i].slots
			rest = append(rest, els[i])
		}
	}
	if len(rest) > 0 {
		// A story resumes with text, never with the space above it.
		m.Rest = &Rest{els: rest}
	}
	m.H = bodyY + units.Length(depth)*pitch
}

// photoColumns is how many columns a story's photo spans: three fifths of
// the module, at least one.
func photoColumns(cols int) int {
	return max(1, (cols*3+2)/5)
}
