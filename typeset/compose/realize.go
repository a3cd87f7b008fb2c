package compose

import (
	"fmt"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// realize sets a planned module on the page: its story fitted to the
// module's depth (or jumped), drawn at its place.
func (m *makeup) realize(ps *pageState, o option, col, w, top int) (int, error) {
	k := m.k
	s := k.Style
	it, p := o.it, o.p
	if p.cols != w {
		var err error
		if p, err = k.prep(it, w, 0, o.depth); err != nil {
			return 0, err
		}
	}
	pitch := s.Page.Baseline
	bodyDepth := o.depth - p.headSlots
	jump := o.jump
	var lg legs
	var els []elem
	switch {
	case jump:
		lg, els = it.st.jumpFit(p.tops, bodyDepth)
	default:
		lg, els = it.st.fitTo(p.tops, bodyDepth)
		// When looseness alone cannot make the story fit its depth, a
		// headline a step smaller gives the body more room, a step bigger
		// takes up the slack of a story that comes out short.
		if o.exact && (!lg.fits || lg.shortfall(els, p.tops) > 1) && it.cont == nil {
			bestShort := 1 << 30
			if lg.fits {
				bestShort = lg.shortfall(els, p.tops)
			}
			snap := it.st.snapshot()
			for _, size := range m.k.nearSizes(p.headSize, capFor(p, o)) {
				q, err := k.prep(it, w, size, o.depth)
				if err != nil {
					return 0, err
				}
				if q.headSlots >= o.depth {
					continue
				}
				it.st.restore(it.st.fresh(snap))
				l2, e2 := it.st.fitLight(q.tops, o.depth-q.headSlots)
				if l2.fits && l2.shortfall(e2, q.tops) < bestShort {
					p, lg, els, bestShort = q, l2, e2, l2.shortfall(e2, q.tops)
					snap = it.st.snapshot()
					bodyDepth = o.depth - q.headSlots
				}
				if bestShort == 0 {
					break
				}
			}
			it.st.restore(snap)
			if lg.fits {
				lg, els = it.st.fitTo(p.tops, bodyDepth)
			}
		}
		if !o.exact && !o.jump && lg.fits && lg.shortfall(els, p.tops) > 0 {
			// At its natural depth the story leaves legs short. Its depth
			// is ours to choose: a slot more or less, with the headline a
			// step smaller or bigger, may bring the legs out flat (the
			// modules under it move; the last one, fitted to the foot,
			// takes the difference).
			type try struct {
				q     *prep
				depth int
			}
			best := try{p, o.depth}
			bestShort := lg.shortfall(els, p.tops)
			bestSnap := it.st.snapshot()
			sizes := []units.Length{p.headSize}
			if it.cont == nil {
				sizes = append(sizes, m.k.nearSizes(p.headSize, capFor(p, o))...)
			}
			for _, size := range sizes {
				q := p
				if size != p.headSize {
					var err error
					if q, err = k.prep(it, w, size, o.depth); err != nil {
						return 0, err
					}
				}
				for _, d := range []int{o.depth - 1, o.depth} { // never deeper: the last module of the stack may not be able to give a slot back
					if d-q.headSlots < 2 || (q == p && d == o.depth) || o.fixed && d != o.depth {
						continue
					}
					it.st.restore(it.st.fresh(bestSnap))
					l2, e2 := it.st.fitLight(q.tops, d-q.headSlots)
					if !l2.fits {
						continue
					}
					if sh := l2.shortfall(e2, q.tops); sh < bestShort {
						best, bestShort, bestSnap = try{q, d}, sh, it.st.snapshot()
					}
				}
			}
			it.st.restore(bestSnap)
			p, o.depth = best.q, best.depth
			bodyDepth = o.depth - p.headSlots
			lg, els = it.st.fitTo(p.tops, bodyDepth)
		}
		if !lg.fits && it.cont == nil && !it.pin.NoJump && bodyDepth > 2 {
			// (A continuation never jumps again: what does not fit of it
			// is overset.)
			// It did not fit after all: jump the rest rather than lose it.
			jump = true
			lg, els = it.st.jumpFit(p.tops, bodyDepth)
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
	pl.cover = make([][][2]int, w)
	for c := range lg.cols {
		end := lg.end(els, c, p.tops[c])
		pl.short += max(lg.depth-end, 0)
		body := top + p.headSlots
		// The headline package and photos cover the column down to where
		// its text starts; then each element, with the planned space
		// between it and the one before.
		iv := [][2]int{{top, body + p.tops[c]}}
		prev := -1
		for _, j := range lg.cols[c] {
			e := els[j]
			from := body + lg.slot[j]
			if prev >= 0 {
				from -= max(els[prev].below, e.above)
			}
			iv = append(iv, [2]int{from, body + lg.slot[j] + e.slots})
			prev = j
		}
		if jump && c == w-1 {
			iv = append(iv, [2]int{top + o.depth - 1, top + o.depth}) // the jump line
		}
		pl.cover[c] = iv
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
			it.st.resume(mod.Rest.els)
			cont := &item{a: it.a, st: it.st, cont: &continuation{from: it, fromPage: ps.pg.Number, line: jl}}
			m.conts = append(m.conts, cont)
			m.jumps = append(m.jumps, jl)
			pl.jumpTo = cont
		} else {
			pl.oversetLines, pl.oversetWords = mod.Overset.Lines, mod.Overset.Words
			k.warnf("%s: overset %d lines (%d words) on page %d", it.a.Source, mod.Overset.Lines, mod.Overset.Words, ps.pg.Number)
		}
	}
	if !jump {
		// The story is placed for good: what it kept for setting its
		// paragraphs again can go (most of the make-up's memory).
		it.st.release()
		it.preps = nil
	}
	if it.cont != nil {
		it.cont.line.target = ps
		// The head of a continuation links back to where the story began.
		ps.pg.Items = append(ps.pg.Items, &display.Link{X: x0, Y: y0, W: s.Span(w), H: bodyY, Page: it.cont.fromPage - 1})
	}
	return o.depth, nil
}

// jumpHead is the head of a continuation: the story's headline at the
// jump-head size and "Continued from Page N". Over three columns or more
// the head grows to the smallest headline sizes, so that a wide
// continuation does not open with one short line and white beside it.
// It returns the stack and the head's size.
func (k *Kit) jumpHead(it *item, cols int, w units.Length) (stack, units.Length) {
	var st stack
	size := k.Style.Type.JumpHead.Size
	if sizes := k.Style.Type.Headline.Sizes; cols >= 3 && len(sizes) > 0 {
		size = max(size, sizes[0])
		if cols >= 5 && len(sizes) > 1 {
			size = max(size, sizes[1])
		}
		st.add(k.headline(it.a.Headline, size, w), 0)
	} else {
		st.add(k.set("jump_head", plain(it.a.Headline), w, paragraph.Left, false), 0)
	}
	line := fmt.Sprintf("Continued from Page %d", it.cont.fromPage)
	// Under its headline, flush left whatever the style sets for the
	// "Continued on" line at the foot of a leg: on the right of a wide
	// module it would read as a line of its own.
	st.add(k.setRuns(k.typeStyle("jump"), []paragraph.Run{{Text: line, Font: k.Font("jump")}}, w, paragraph.Left, false), units.FromPt(2))
	return st, size
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
		pitch := k.Style.Page.Baseline
		items := b.place(nil, 0, 0)
		items = append(items, &display.Link{X: 0, Y: -pitch, W: jl.w, H: pitch, Page: jl.target.index})
		jl.page.pg.Items = append(jl.page.pg.Items, &display.Group{X: jl.x, Y: jl.y, Label: "jump", Items: items})
	}
}

// jumpPour pours a jumping story, breaking it where the strict rule
// allows, or, if that leaves more than two lines of white at the foot of
// the last leg, at the end of a paragraph too, or, failing that, where a
// single line goes over.
func jumpPour(els []elem, tops []int, depth int) legs {
	lg := pourJump(els, tops, depth, jumpStrict)
	last := len(tops) - 1
	for _, mode := range [...]int{jumpParagraph, jumpRelaxed} {
		if depth-1-lg.end(els, last, tops[last]) <= 2 {
			break
		}
		if r := pourJump(els, tops, depth, mode); r.end(els, last, tops[last]) > lg.end(els, last, tops[last]) {
			lg = r
		}
	}
	return lg
}

// nearSizes lists headline sizes one and two steps either side of size in
// the style's scale, nearest first, no bigger than limit (0: no limit).
func (k *Kit) nearSizes(size, limit units.Length) []units.Length {
	scale := k.Style.Type.Headline.Sizes
	idx := -1
	for i, s := range scale {
		if s == size {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var out []units.Length
	for _, d := range []int{-1, 1, -2, 2} {
		if j := idx + d; j >= 0 && j < len(scale) && (limit == 0 || scale[j] <= limit) {
			out = append(out, scale[j])
		}
	}
	return out
}

// capFor is the largest headline a module may take without breaking the
// page's order: no bigger than the one it was planned with, plus a step
// when the plan allows (its own size was already the cap's).
func capFor(p *prep, o option) units.Length {
	return p.headSize + 6*units.Pt
}
