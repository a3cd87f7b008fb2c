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

// unfitScore is the least score of a pour that does not fit; the slots
// left out are added to it, so that a story tightened towards fitting
// ranks better on the way.
const unfitScore = 1 << 24

// fitted reports whether the scored pour fits.
func (a fitScore) fitted() bool { return a.deep < unfitScore }

// scoreLegs scores a pour. In a jumping pour the last column keeps its
// foot slot for the jump line.
func scoreLegs(l legs, els []elem, tops []int, jump bool) fitScore {
	if !jump && !l.fits {
		in := l.placed()
		s := fitScore{deep: unfitScore}
		for j, e := range els {
			if !in[j] {
				s.deep += e.slots
			}
		}
		return s
	}
	var s fitScore
	for c := range l.cols {
		d := l.depth
		if jump && c == len(l.cols)-1 {
			d--
		}
		w, deep := l.white(els, c, tops[c], d)
		s.short += w
		s.deep += deep
	}
	return s
}

// trackCost is what tracking a paragraph tighter or looser costs, on top
// of its demerits: it shows more than looseness.
const trackCost = 40000

// growCost is what a box grown by a slot costs, against a paragraph's
// looseness in demerits: more air in a box shows less than a paragraph
// set looser or tighter.
const growCost = 30000

// looseCost is what the story's looseness changes and box growth cost.
func (st *story) looseCost() int64 {
	var c int64
	for i := range st.parts {
		p := &st.parts[i]
		c += int64(p.grow) * growCost
		if p.spec == nil || p.loose == 0 {
			continue
		}
		c += st.measure(p, p.loose).Demerits - st.measure(p, 0).Demerits
		if p.loose == 2 || p.loose == -2 {
			c += trackCost
		}
	}
	return c
}

// canLoosen reports whether part i may be set at looseness v: a paragraph
// not printed yet (before a jump), long enough, whose setting at v has
// exactly one line more or less and needs no emergency pass. Looseness ±2
// is ±1 with tracking, allowed while st.track is set.
func (st *story) canLoosen(i, v int) bool {
	p := &st.parts[i]
	if p.spec == nil || st.printed(i) {
		return false
	}
	switch {
	case v == 0:
		return true
	case v < -2 || v > 2:
		return false
	case (v == 2 || v == -2) && (!st.track || st.k.Style.Article.CopyfitTracking == 0):
		return false
	}
	dir := 1
	if v < 0 {
		dir = -1
	}
	if v != dir && st.canLoosen(i, dir) {
		return false // the line comes without tracking
	}
	base := st.measure(p, 0)
	if base.Lines < 2 || v > 0 && base.Lines < 3 {
		return false
	}
	m := st.measure(p, v)
	return m.LoosenessMet && m.Lines == base.Lines+dir && m.Pass != 3
}

// printed reports whether part i stands before the jump the story goes on
// from (the paragraph it broke in included): it keeps its setting.
func (st *story) printed(i int) bool {
	return (st.startPart > 0 || st.startLine > 0) && i <= st.startPart
}

// A move sets one part's lever: a paragraph's looseness (−1, 0, +1) or a
// box's growth (0, 1, 2 slots).
type move struct{ part, v int }

// lever returns part i's lever and whether it has one.
func (st *story) lever(i int) (*int, bool) {
	p := &st.parts[i]
	switch {
	case p.spec != nil && !st.printed(i):
		return &p.loose, true
	case p.box != nil && !st.printed(i):
		return &p.grow, true
	}
	return nil, false
}

// allowed reports whether part i's lever may take value v.
func (st *story) allowed(i, v int) bool {
	if st.parts[i].box != nil {
		return v >= 0 && v <= 2
	}
	return st.canLoosen(i, v)
}

var leverValues = [...]int{-2, -1, 0, 1, 2}

// tryLever sets part i's lever to each value it may take other than its
// own, calling try after each, and puts it back.
func (st *story) tryLever(i int, try func(v int)) {
	lv, _ := st.lever(i)
	was := *lv
	for _, v := range leverValues {
		if v == was || !st.allowed(i, v) {
			continue
		}
		*lv = v
		try(v)
	}
	*lv = was
}

// polish improves the story's looseness and box growth for pouring at
// depth, from the current state, and reports whether it changed them; the
// story is left at the best state found. With pairs, when single changes
// leave a hole deeper than two lines, it also tries changing two parts at
// once (a leg that needs one line more where a paragraph cannot be split
// may need one paragraph longer above it and one shorter below).
func (st *story) polish(tops []int, depth int, jump, pairs bool) bool {
	buf := st.scratch[0][:0] // shared with the fitter, whose best is kept apart
	var scratch legs         // the pours are scored and dropped
	score := func() fitScore {
		buf = st.assemble(buf[:0], true)
		st.scratch[0] = buf
		var l legs
		if jump {
			l = jumpPour(buf, tops, depth)
		} else {
			l = pourInto(&scratch, buf, tops, depth, noJump)
		}
		s := scoreLegs(l, buf, tops, jump)
		s.cost = st.looseCost()
		return s
	}
	var parts []int
	for i := range st.parts {
		if _, ok := st.lever(i); ok {
			parts = append(parts, i)
		}
	}
	cur := score()
	changed := false
	for round := 0; round < 8 && (cur.short > 0 || !cur.fitted()); round++ {
		best, bestS := move{part: -1}, cur
		for _, i := range parts {
			st.tryLever(i, func(v int) {
				if s := score(); s.less(bestS) {
					best, bestS = move{i, v}, s
				}
			})
			if bestS.short == 0 && bestS.fitted() {
				break // flat: no later change can be better but for its cost
			}
		}
		if best.part < 0 {
			break
		}
		lv, _ := st.lever(best.part)
		*lv = best.v
		cur, changed = bestS, true
	}
	if pairs && cur.deep > 0 && st.polishPairs(parts, score, &cur) {
		changed = true
	}
	if cur.deep > 0 && (pairs || cur.deep <= 2) && !st.track && st.k.Style.Article.CopyfitTracking > 0 {
		// The last lever: a paragraph tracked a little tighter or looser
		// loses or gains the line looseness alone could not. (The
		// planner's estimates try it only on shallow holes: deep ones
		// rule the option out anyway.)
		st.track = true
		if st.polish(tops, depth, jump, pairs) {
			changed = true
		}
		st.track = false
	}
	return changed
}

// polishPairs tries every change of two parts' levers at once and keeps
// the best that beats cur. Stories of more than maxPairParts levers are
// left alone (the pairs grow with the square).
func (st *story) polishPairs(parts []int, score func() fitScore, cur *fitScore) bool {
	const maxPairParts = 48
	if len(parts) > maxPairParts {
		return false
	}
	a, b, bestS := move{part: -1}, move{part: -1}, *cur
	for x, i := range parts {
		st.tryLever(i, func(vi int) {
			for _, j := range parts[x+1:] {
				st.tryLever(j, func(vj int) {
					if s := score(); s.less(bestS) {
						a, b, bestS = move{i, vi}, move{j, vj}, s
					}
				})
			}
		})
	}
	if a.part < 0 {
		return false
	}
	la, _ := st.lever(a.part)
	lb, _ := st.lever(b.part)
	*la, *lb = a.v, b.v
	*cur = bestS
	return true
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
	if st.polish(tops, depth, true, true) {
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
	if !st.polish(f.tops, depth, false, f.pairs) {
		return
	}
	els := f.elems()
	l := pour(els, f.tops, depth)
	if scoreLegs(l, els, f.tops, false).less(scoreLegs(f.legs, f.els, f.tops, false)) {
		f.legs, f.els, f.best = l, f.keep(els), st.snapshot()
		f.short = 1 << 30
		if l.fits {
			f.short = l.shortfall(els, f.tops)
		}
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
	lg, els := st.fitToWith(tops, depth, true, false)
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
