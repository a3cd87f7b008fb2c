package compose

// Polishing a fit. The fitter's greedy steps change the paragraph whose
// extra or lost line is cheapest, wherever it stands; a leg that ends
// short because the break rules found no allowed place at its foot (a
// three-line paragraph cannot be split, a hyphen may not end a leg) needs
// a change near that place. polish tries every single paragraph's
// looseness change, pours the story for each from measurements alone
// (light elements, no glyphs), and keeps the change that leaves the fewest
// deep holes, then the fewest short slots, then costs the least; again,
// until no change helps.

// fitScore ranks a pour: holes deeper than two lines first (what the desk
// sees), then every short slot, then the demerits of the changed
// paragraphs.
type fitScore struct {
	deep, short int
	cost        int64
}

func (a fitScore) less(b fitScore) bool {
	if a.deep != b.deep {
		return a.deep < b.deep
	}
	if a.short != b.short {
		return a.short < b.short
	}
	return a.cost < b.cost
}

// worstScore ranks a pour that does not fit.
var worstScore = fitScore{deep: 1 << 30}

// scoreLegs scores a pour. In a jumping pour the last column keeps its
// foot slot for the jump line.
func scoreLegs(l legs, els []elem, tops []int, jump bool) fitScore {
	if !jump && !l.fits {
		return worstScore
	}
	var s fitScore
	for c := range l.cols {
		d := l.depth
		if jump && c == len(l.cols)-1 {
			d--
		}
		sh := max(d-l.end(els, c, tops[c]), 0)
		s.short += sh
		s.deep += max(sh-2, 0)
	}
	return s
}

// pourer pours a story's elements into columns at a depth.
type pourer func(els []elem, tops []int, depth int) legs

// looseCost is what the story's looseness changes cost in demerits.
func (st *story) looseCost() int64 {
	var c int64
	for i := range st.parts {
		p := &st.parts[i]
		if p.spec == nil || p.loose == 0 {
			continue
		}
		c += st.measure(p, p.loose).Demerits - st.measure(p, 0).Demerits
	}
	return c
}

// canLoosen reports whether part i may be set at looseness v: a paragraph
// not printed yet (before a jump), long enough, whose setting at v has
// exactly one line more or less and needs no emergency pass.
func (st *story) canLoosen(i, v int) bool {
	p := &st.parts[i]
	if p.spec == nil || (st.startPart > 0 || st.startLine > 0) && i <= st.startPart {
		return false
	}
	if v == 0 {
		return true
	}
	base := st.measure(p, 0)
	if base.Lines < 2 || v > 0 && base.Lines < 3 {
		return false
	}
	m := st.measure(p, v)
	return m.LoosenessMet && m.Lines == base.Lines+v && m.Pass != 3
}

// polish improves the story's looseness for pouring at depth from the
// current state and reports whether it changed it. The story is left at
// the best state found.
func (st *story) polish(tops []int, depth int, pour pourer, jump bool) bool {
	var buf []elem
	score := func() fitScore {
		buf = st.assemble(buf[:0], true)
		s := scoreLegs(pour(buf, tops, depth), buf, tops, jump)
		s.cost = st.looseCost()
		return s
	}
	cur := score()
	changed := false
	for round := 0; round < 8 && cur.short > 0; round++ {
		bestI, bestV, best := -1, 0, cur
		for i := range st.parts {
			p := &st.parts[i]
			was := p.loose
			for _, v := range [...]int{-1, 0, 1} {
				if v == was || !st.canLoosen(i, v) {
					continue
				}
				p.loose = v
				if s := score(); s.less(best) {
					bestI, bestV, best = i, v, s
				}
			}
			p.loose = was
		}
		if bestI < 0 {
			break
		}
		st.parts[bestI].loose = bestV
		cur, changed = best, true
	}
	return changed
}

// jumpFit pours a story that jumps at depth: its legs as full as the
// rules allow, polished when some end short.
func (st *story) jumpFit(tops []int, depth int) (legs, []elem) {
	els := st.elems()
	lg := jumpPour(els, tops, depth)
	s0 := scoreLegs(lg, els, tops, true)
	if s0.short == 0 {
		return lg, els
	}
	snap := st.snapshot()
	if st.polish(tops, depth, jumpPour, true) {
		e2 := st.elems()
		if l2 := jumpPour(e2, tops, depth); scoreLegs(l2, e2, tops, true).less(s0) {
			return l2, e2
		}
		st.restore(snap)
	}
	return lg, els
}

// polish lets the story polish the fitter's best pour at depth and keeps
// the result when it scores better.
func (f *fitter) polish(depth int) {
	st := f.st
	st.restore(f.best)
	if !st.polish(f.tops, depth, pour, false) {
		return
	}
	els := f.elems()
	l := pour(els, f.tops, depth)
	if scoreLegs(l, els, f.tops, false).less(scoreLegs(f.legs, f.els, f.tops, false)) {
		f.legs, f.els, f.short, f.best = l, f.keep(els), l.shortfall(els, f.tops), st.snapshot()
		return
	}
	st.restore(f.best)
}

// estimateFit is what fitTo at depth will leave, from measurements: the
// planner's view of an exact fit. The story's looseness is left as it was.
func (st *story) estimateFit(tops []int, depth int) fitScore {
	snap := st.snapshot()
	defer st.restore(snap)
	st.restore(st.fresh(snap))
	lg, els := st.fitToWith(tops, depth, true)
	return scoreLegs(lg, els, tops, false)
}

// fresh is snapshot s with the looseness and growth of every part not yet
// printed set back to none.
func (st *story) fresh(s []int) []int {
	out := make([]int, len(s))
	if st.startPart > 0 || st.startLine > 0 {
		copy(out[:min(st.startPart+1, len(s))], s)
	}
	return out
}
