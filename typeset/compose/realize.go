package compose

import (
	"fmt"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// realize sets a planned module on the page: its story fitted to the
// module's depth (or jumped), drawn at its place.
func (m *makeup) realize(ps *pageState, o option, col, w, top int) error {
	k := m.k
	s := k.Style
	it, p := o.it, o.p
	if p.cols != w {
		var err error
		if p, err = k.prep(it, w, 0, o.depth); err != nil {
			return err
		}
	}
	pitch := s.Page.Baseline
	bodyDepth := o.depth - p.headSlots
	jump := o.jump
	var lg legs
	var els []elem
	switch {
	case it.cont != nil:
		els = it.cont.els
		lg = pour(els, p.tops, bodyDepth)
	case jump:
		els = it.elems()
		lg = jumpPour(els, p.tops, bodyDepth)
	default:
		lg, els = it.st.fitTo(p.tops, bodyDepth)
		for _, size := range m.sizes(it, w, p.headSize)[1:] {
			// Still too long: a smaller headline gives the body more room.
			if lg.fits || size >= p.headSize {
				break
			}
			q, err := k.prep(it, w, size, o.depth)
			if err != nil {
				return err
			}
			if q.headSlots < p.headSlots {
				p = q
				bodyDepth = o.depth - p.headSlots
				lg, els = it.st.fitTo(p.tops, bodyDepth)
			}
		}
		if !lg.fits && it.cont == nil && bodyDepth > 2 {
			// It did not fit after all: jump the rest rather than lose it.
			jump = true
			els = it.elems()
			lg = jumpPour(els, p.tops, bodyDepth)
		}
	}
	x0, y0 := k.colX(ps, col), k.slotY(ps, top)
	mod := &Module{Article: it.a, Cols: w, W: s.Span(w)}
	mod.Items = p.head.place(mod.Items, 0, 0)
	mod.Words = p.words
	bodyY := units.Length(p.headSlots) * pitch
	var photos []display.Item
	for _, ph := range p.photos {
		g := *ph.(*display.Group)
		photos = append(photos, &g)
	}
	k.emitLegs(mod, lg, els, p.tops, bodyY, photos)
	pl := &placed{it: it, p: p, col: col, cols: w, top: top, depth: o.depth, words: mod.Words, jumped: jump}
	for _, l := range mod.Legs {
		pl.legs = append(pl.legs, Leg{X: x0 + l.X, Y: y0 + l.Y, W: l.W, H: l.H})
	}
	pl.ends = make([]int, w)
	for c := range lg.cols {
		end := lg.end(els, c, p.tops[c])
		pl.short += max(lg.depth-end, 0)
		pl.ends[c] = top + p.headSlots + end
		if jump && c == w-1 {
			pl.ends[c] = top + o.depth // the jump line fills the foot
		}
	}
	label := "article:" + it.a.Slug
	if it.cont != nil {
		label = "continuation:" + it.a.Slug
	}
	ps.pg.Items = append(ps.pg.Items, &display.Group{X: x0, Y: y0, Label: label, Items: mod.Items})
	if top > ps.top && s.Article.ModuleRule > 0 {
		// A rule in the gap above the module separates it from the one
		// above.
		ry := y0 - pitch/2
		ps.pg.Items = append(ps.pg.Items, &display.Rule{X1: x0, Y1: ry, X2: x0 + s.Span(w), Y2: ry, Width: s.Article.ModuleRule, Color: k.Color(s.Article.RuleColor)})
	}
	ps.modules = append(ps.modules, pl)
	m.remove(it)
	if mod.Rest != nil {
		if jump {
			// The jump line sits in the foot slot of the last column.
			lastCol := w - 1
			jl := &jumpLine{page: ps, x: k.colX(ps, col+lastCol), y: y0 + bodyY + units.Length(bodyDepth-1)*pitch + it.st.fl.base, w: s.ColumnWidth()}
			cont := &item{a: it.a, cont: &continuation{from: it, fromPage: ps.pg.Number, els: mod.Rest.els, line: jl}}
			m.conts = append(m.conts, cont)
			m.jumps = append(m.jumps, jl)
			pl.jumpTo = cont
		} else {
			pl.oversetLines, pl.oversetWords = mod.Overset.Lines, mod.Overset.Words
			k.warnf("%s: overset %d lines (%d words) on page %d", it.a.Source, mod.Overset.Lines, mod.Overset.Words, ps.pg.Number)
		}
	}
	if it.cont != nil {
		it.cont.line.target = ps
		// The head of a continuation links back to where the story began.
		ps.pg.Items = append(ps.pg.Items, &display.Link{X: x0, Y: y0, W: s.Span(w), H: bodyY, Page: it.cont.fromPage - 1})
	}
	return nil
}

// jumpHead is the head of a continuation: the story's headline at the
// jump-head size and "Continued from Page N".
func (k *Kit) jumpHead(it *item, w units.Length) stack {
	var st stack
	st.add(k.set("jump_head", plain(it.a.Headline), w, paragraph.Left, false), 0)
	line := fmt.Sprintf("Continued from Page %d", it.cont.fromPage)
	st.add(k.set("jump", plain(line), w, paragraph.Left, false), units.FromPt(2))
	return st
}

// drawJumps writes the "Continued on Page N" lines, now that every
// continuation has its page, and links both ends for the e-paper.
func (m *makeup) drawJumps() {
	k := m.k
	for _, jl := range m.jumps {
		if jl.target == nil {
			continue
		}
		text := fmt.Sprintf("Continued on Page %d", jl.target.pg.Number)
		b := k.set("jump", plain(text), jl.w, paragraph.Right, false)
		jl.page.pg.Items = b.place(jl.page.pg.Items, jl.x, jl.y)
		pitch := k.Style.Page.Baseline
		jl.page.pg.Items = append(jl.page.pg.Items, &display.Link{X: jl.x, Y: jl.y - pitch, W: jl.w, H: pitch, Page: jl.target.index})
	}
}

// jumpPour pours a jumping story, breaking it where the strict rule
// allows, or, if that leaves more than two lines of white at the foot of
// the last leg, where the relaxed one does.
func jumpPour(els []elem, tops []int, depth int) legs {
	lg := pourJump(els, tops, depth, jumpStrict)
	last := len(tops) - 1
	if depth-1-lg.end(els, last, tops[last]) > 2 {
		if r := pourJump(els, tops, depth, jumpRelaxed); r.end(els, last, tops[last]) > lg.end(els, last, tops[last]) {
			return r
		}
	}
	return lg
}
