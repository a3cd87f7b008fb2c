package compose

// Copyfitting: a story's legs should end on the same baseline. Pouring at
// the least depth leaves the last column short (and break rules may leave
// others a line short). The lever is looseness: a paragraph set one line
// longer (+1) or shorter (−1) than its optimum, at the cost of a little
// spacing quality. We add lines at the poured depth, or take lines away to
// reach the depth one less, choosing each time the paragraph whose change
// costs the least demerits, until the columns end together or no change
// helps.

// shortfall counts the empty slots above the module's foot, over all
// columns: 0 means flat bottoms and no white inside a leg (above a box
// standing at its foot).
func (l legs) shortfall(els []elem, tops []int) int {
	s := 0
	for c := range l.cols {
		w, _ := l.white(els, c, tops[c], l.depth)
		s += w
	}
	return s
}

// white counts the empty slots of column c, which starts at slot top,
// down to slot foot: space no element wanted, between elements (text that
// ends above a box at the column's foot) and under the last. deep is what
// its gaps have beyond two lines each (the holes a reader sees).
func (l legs) white(els []elem, c, top, foot int) (white, deep int) {
	pos, prev := top, -1
	gap := func(to, want int) {
		if g := to - pos - want; g > 0 {
			white += g
			deep += max(g-2, 0)
		}
	}
	for _, j := range l.cols[c] {
		e := els[j]
		want := 0
		if prev >= 0 {
			want = max(els[prev].below, e.above)
		}
		gap(l.slot[j], want)
		pos = max(pos, l.slot[j]+e.slots)
		prev = j
	}
	gap(foot, 0)
	return white, deep
}

// fit pours the story into columns (tops[c] is where column c starts) no
// deeper than limit, and copyfits it for even bottoms at the least depth.
func (st *story) fit(tops []int, limit int) (legs, []elem) {
	els := st.elems()
	lg := balance(els, tops, limit)
	if !lg.fits || lg.shortfall(els, tops) == 0 {
		return lg, els
	}
	f := st.newFitter(tops, lg, els)
	f.try(lg.depth, +1)
	if f.short > 0 && lg.depth > 1 {
		f.try(lg.depth-1, -1)
	}
	return f.done()
}

// fitTo copyfits the story to exactly depth slots: tighter when it runs
// over, looser when it falls short.
func (st *story) fitTo(tops []int, depth int) (legs, []elem) {
	// The search runs on measurements; only its answer is set in full.
	st.fitToWith(tops, depth, true, true)
	els := st.elems()
	return pour(els, tops, depth), els
}

// fitLight is fitTo from measurements: the pour it gives, for weighing
// one choice against another; its elements have no glyphs.
func (st *story) fitLight(tops []int, depth int) (legs, []elem) {
	return st.fitToWith(tops, depth, true, true)
}

// fitToWith is fitTo; light fits from measurements alone, pairs lets
// polishing try two changes at once where one leaves a deep hole.
func (st *story) fitToWith(tops []int, depth int, light, pairs bool) (legs, []elem) {
	f := &fitter{st: st, tops: tops, light: light, pairs: pairs}
	els := f.elems()
	lg := pour(els, tops, depth)
	if lg.fits && lg.shortfall(els, tops) == 0 {
		return lg, els
	}
	f.start(lg, els)
	if !lg.fits {
		f.short = 1 << 30 // anything that fits is better
		f.try(depth, -1)
	} else {
		f.try(depth, +1)
	}
	if f.short > 0 && !st.noPolish {
		f.polish(depth) // looseness where it helps, and box growth
	}
	return f.done()
}

// fitter remembers the best pour found while paragraphs change looseness.
type fitter struct {
	st    *story
	tops  []int
	best  []int // looseness snapshot
	legs  legs
	els   []elem
	short int
	light bool // pour light elements (measured paragraphs, no glyphs)
	pairs bool // polish with pairs of changes too
}

func (st *story) newFitter(tops []int, lg legs, els []elem) *fitter {
	f := &fitter{st: st, tops: tops}
	f.start(lg, els)
	return f
}

func (f *fitter) start(lg legs, els []elem) {
	f.short = 1 << 30
	if lg.fits {
		f.short = lg.shortfall(els, f.tops)
	}
	f.best, f.legs, f.els = f.st.snapshot(), lg, f.keep(els)
}

// elems returns the story's elements at its current looseness.
func (f *fitter) elems() []elem {
	if !f.light {
		return f.st.elems()
	}
	f.st.scratch[0] = f.st.assemble(f.st.scratch[0][:0], true)
	return f.st.scratch[0]
}

// keep makes els safe to keep while the fitter goes on: a copy in the
// story's spare array that does not hold the fitter's best so far. What
// a light fitter returns is good until the story's next light fit.
func (f *fitter) keep(els []elem) []elem {
	if !f.light {
		return els
	}
	st := f.st
	i := 1
	if len(f.els) > 0 && len(st.scratch[1]) > 0 && &f.els[0] == &st.scratch[1][0] {
		i = 2
	}
	st.scratch[i] = append(st.scratch[i][:0], els...)
	return st.scratch[i]
}

// try pours at depth, changing one paragraph's looseness at a time in
// direction dir (tightening until the story fits, then loosening to fill
// short columns), and keeps the best pour.
func (f *fitter) try(depth, dir int) {
	st := f.st
	st.restore(f.best)
	for steps := 0; steps < 3*len(f.tops)+4; steps++ {
		els := f.elems()
		l := pour(els, f.tops, depth)
		if l.fits {
			sh := l.shortfall(els, f.tops)
			if sh < f.short || (sh == f.short && l.depth < f.legs.depth) {
				f.legs, f.els, f.short = l, f.keep(els), sh
				f.best = st.snapshot()
			}
			if sh == 0 {
				return
			}
			dir = +1 // fits: now add lines to fill the short columns
		}
		if !st.step(dir) {
			return
		}
	}
}

func (f *fitter) done() (legs, []elem) {
	f.st.restore(f.best)
	return f.legs, f.els
}

// step changes the looseness of the paragraph where a change of one line
// in direction dir costs least, and reports whether one could be changed.
func (st *story) step(dir int) bool {
	bestI := -1
	var bestCost int64
	for i := range st.parts {
		p := &st.parts[i]
		if p.spec == nil || p.loose != 0 || (st.startPart > 0 || st.startLine > 0) && i <= st.startPart {
			continue // each paragraph moves at most one line; printed ones not at all
		}
		base := st.lines(p)
		if len(base.Lines) < 3 && dir > 0 || len(base.Lines) < 2 {
			continue
		}
		r := st.measure(p, dir)
		if !r.LoosenessMet || r.Lines != len(base.Lines)+dir || r.Pass == 3 {
			continue
		}
		if cost := r.Demerits - base.Demerits; bestI < 0 || cost < bestCost {
			bestI, bestCost = i, cost
		}
	}
	if bestI < 0 {
		return false
	}
	st.parts[bestI].loose = dir
	return true
}

// A snapshot holds each part's looseness and, for boxes, growth: one
// number per part (growth in the tens).
func (st *story) snapshot() []int {
	s := make([]int, len(st.parts))
	for i, p := range st.parts {
		s[i] = p.loose + 10*p.grow
	}
	return s
}

func (st *story) restore(s []int) {
	for i := range st.parts {
		v := s[i]
		st.parts[i].grow = 0
		if st.parts[i].box != nil {
			st.parts[i].grow = (v + 5) / 10
			v -= 10 * st.parts[i].grow
		}
		st.parts[i].loose = v
	}
}
