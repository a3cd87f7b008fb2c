package compose

import (
	"sort"

	"pressroom.dev/typeset/units"
)

// Make-up limits, in grid slots of body leading (10.5 pt ≈ 3.7 mm).
const (
	minLegLines = 7  // a leg shorter than ~2.5 cm looks like an accident
	minJumpRun  = 27 // run at least ~10 cm of legs before jumping …
	minJumpRest = 40 // … and jump at least ~15 cm
	gapSlots    = 1  // between modules stacked in a column: one slot, with a rule
)

// option is one way to put a story into a stack: at its natural depth,
// fitted to the stack's foot exactly, or jumped there.
type option struct {
	it    *item
	p     *prep
	depth int
	jump  bool
	exact bool
}

// plan is a sequence of modules for one stack, with its score (lower is
// better): empty slots left, and penalties for short legs and running
// order changes.
type plan struct {
	opts  []option
	score int
	used  map[*item]bool
}

// planStack finds the best pile of stories for a stack of w columns from
// slot top to slot bottom, taking candidates in running order where the
// fit allows.
func (m *makeup) planStack(ps *pageState, cands []*item, w, top, bottom int, taken map[*item]bool, capSize units.Length) plan {
	best := plan{score: 1 << 30}
	var cur []option
	var walk func(y int, order int, capSize units.Length)
	walk = func(y int, order int, capSize units.Length) {
		rem := bottom - y
		// Leaving the rest empty is always an option (scored as a hole).
		if s := m.score(cur, rem, w, order); s < best.score {
			best = plan{opts: append([]option(nil), cur...), score: s}
		}
		if rem < minLegLines || len(cur) >= 4 {
			return
		}
		for ci, it := range cands {
			if taken[it] || inOpts(cur, it) {
				continue
			}
			// Out of running order: each story passed over costs a little,
			// passing over a story of an earlier section (sections stay
			// together) a lot.
			pen := 0
			for _, prev := range cands[:ci] {
				if taken[prev] || inOpts(cur, prev) {
					continue
				}
				pen += 40
				if prev.a.Section != it.a.Section && prev.cont == nil {
					pen += 600
				}
			}
			for si, size := range m.sizes(it, w, capSize) {
				p, err := m.k.prep(it, w, size, bottom-top)
				if err != nil {
					continue
				}
				below := capSize
				if p.headSize > 0 {
					below = min(below, p.headSize) // heads lower down are no bigger
				}
				n := p.natural
				if si == 0 && n+gapSlots+minLegLines+3 <= rem {
					// At its natural depth, with room for another story below.
					cur = append(cur, option{it: it, p: p, depth: n})
					walk(y+n+gapSlots, order+pen, below)
					cur = cur[:len(cur)-1]
				}
				lo := n - p.flex
				if it.cont != nil || it.pin.NoJump {
					lo = n // it cannot jump: never count on tightening it
				}
				if lo <= rem && rem <= n+p.flex+1 {
					// Fitted to the stack's foot.
					cur = append(cur, option{it: it, p: p, depth: rem, exact: true})
					walk(bottom, order+pen+15*si, below)
					cur = cur[:len(cur)-1]
				}
				if si == 0 && n > rem && m.canJump(it, p, rem) {
					cur = append(cur, option{it: it, p: p, depth: rem, jump: true})
					walk(bottom, order+pen+30, below)
					cur = cur[:len(cur)-1]
				}
			}
		}
	}
	walk(top, 0, capSize)
	return best
}

// sizes lists the headline sizes to try for a story at a width: its own,
// then a step smaller, two steps smaller and a step larger. A size
// changes the headline's lines and so the module's depth: the coarse
// lever of copyfitting, where looseness is the fine one.
func (m *makeup) sizes(it *item, w int, capSize units.Length) []units.Length {
	if it.cont != nil {
		return []units.Length{0}
	}
	hs := m.k.Style.Type.Headline
	def := m.k.headlineSize(it.a, w)
	if def == hs.BriefSize {
		return []units.Length{def}
	}
	scale := hs.Sizes
	idx := 0
	for i, s := range scale {
		if s <= def {
			idx = i
		}
	}
	// The page's hierarchy caps the size: no bigger than the heads above.
	for idx > 0 && capSize > 0 && scale[idx] > capSize {
		idx--
	}
	out := []units.Length{scale[idx]}
	for _, d := range []int{-1, -2, 1} {
		if j := idx + d; j >= 0 && j < len(scale) && (capSize == 0 || scale[j] <= capSize) {
			out = append(out, scale[j])
		}
	}
	return out
}

func inOpts(opts []option, it *item) bool {
	for _, o := range opts {
		if o.it == it {
			return true
		}
	}
	return false
}

// score weighs a stack plan: each empty slot left at its foot costs as
// much as its width (it is a hole), short legs and reordering cost less.
func (m *makeup) score(opts []option, rem, w, order int) int {
	s := order
	if rem > 0 {
		s += rem * w * 10
	}
	for _, o := range opts {
		// White inside the module: legs that end short.
		s += m.estShort(o) * 25
		// Legs of 5–25 cm read well: shorter ones look like accidents,
		// deeper ones are hard to follow.
		body := o.depth - o.p.headSlots
		if body < 12 {
			s += (12 - body) * o.p.cols * 4
		}
		if body > 70 {
			s += (body - 70) * o.p.cols
		}
	}
	// Taking more stories is better, all else equal.
	s -= 5 * len(opts)
	return s
}

// canJump reports whether a story may jump from a module of depth slots:
// it is not a continuation itself (a story jumps once), enough of it runs
// before the jump and enough is left to be worth a continuation.
func (m *makeup) canJump(it *item, p *prep, depth int) bool {
	if it.cont != nil || it.pin.NoJump {
		return false
	}
	run := (depth - p.headSlots - 1) * p.cols
	total := 0
	for _, e := range it.elems() {
		total += e.slots + e.above
	}
	return run >= minJumpRun && total-run >= minJumpRest
}

// partitions lists ways to cut c columns into stacks, widest first.
func partitions(c int) [][]int {
	var out [][]int
	var rec func(left int, cur []int)
	rec = func(left int, cur []int) {
		if left == 0 {
			if len(cur) <= 3 {
				out = append(out, append([]int(nil), cur...))
			}
			return
		}
		for w := left; w >= 1; w-- {
			rec(left-w, append(cur, w))
		}
	}
	rec(c, nil)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) < len(out[j]) })
	return out
}

// estShort estimates the white a module leaves at the foot of its legs:
// at its natural depth, what the balanced pour leaves; fitted to a depth,
// what a plain pour there leaves less what copyfitting can add; a jump
// leaves none.
func (m *makeup) estShort(o option) int {
	switch {
	case o.jump:
		return 0
	case !o.exact:
		return o.p.short
	}
	els := o.it.elems()
	l := pour(els, o.p.tops, o.depth-o.p.headSlots)
	if !l.fits {
		return 0 // it will be tightened (or jumped): no white
	}
	return max(0, l.shortfall(els, o.p.tops)-o.p.flex*o.p.cols)
}
