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
	fixed bool // its depth may not change when it is set (a stack beside it was planned to it)
}

// plan is a sequence of modules for one stack, with its score (lower is
// better): empty slots left, and penalties for short legs and running
// order changes.
type plan struct {
	opts  []option
	score int
}

// span is a run of slots [from, to).
type span struct{ from, to int }

// buttPenalty is what a headline beside another at the same height costs
// a plan: about a two-column hole of fifteen lines.
const buttPenalty = 300

// planStack finds the best pile of stories for a stack of w columns from
// slot top to slot bottom, taking candidates in running order where the
// fit allows. It is a dynamic programme over (slot, stories used so far,
// headline cap): the cost of a pile is the sum of its modules' costs and
// the white left at its foot. beside lists the slots where the stack to
// the left has headline packages: a headline here at the same height
// would butt against one of them, so it costs buttPenalty; a story in a
// narrow stack may take the small head of a brief there instead.
func (m *makeup) planStack(ps *pageState, cands []*item, w, top, bottom int, taken map[*item]bool, capSize units.Length, beside []span) plan {
	if len(cands) > 60 {
		cands = cands[:60]
	}
	type key struct {
		y    int
		used uint64
		cap  units.Length
	}
	type result struct {
		score int
		opt   option
		next  key
		end   bool
	}
	memo := map[key]result{}
	inUse := func(used uint64, i int) bool { return taken[cands[i]] || used&(1<<i) != 0 }
	var solve func(k key, depth int) result
	solve = func(k key, depth int) result {
		if r, ok := memo[k]; ok {
			return r
		}
		rem := bottom - k.y
		// Leaving the rest empty is always possible: a hole.
		best := result{score: max(rem, 0) * w * 10, end: true}
		if rem >= minLegLines && depth < 4 {
			for ci, it := range cands {
				if inUse(k.used, ci) {
					continue
				}
				// Out of running order: each story passed over costs a
				// little, passing over one of an earlier section (sections
				// stay together) a lot.
				pen := 0
				for pi, prev := range cands[:ci] {
					if inUse(k.used, pi) {
						continue
					}
					pen += 40
					if prev.a.Section != it.a.Section && prev.cont == nil {
						pen += 600
					}
				}
				used := k.used | 1<<ci
				try := func(o option, cost int, next key) {
					if next.y >= bottom {
						next.y = bottom
					}
					r := solve(next, depth+1)
					if total := cost + m.optionCost(o) + r.score; total < best.score {
						best = result{score: total, opt: o, next: next}
					}
				}
				sizes := m.sizes(it, w, k.cap)
				brief := units.Length(0)
				if hs := m.k.Style.Type.Headline; it.cont == nil && w <= 2 && hs.BriefSize > 0 && hs.BriefSize < m.k.headlineMin() && sizes[0] != hs.BriefSize {
					if p, err := m.k.prep(it, w, sizes[0], bottom-top); err == nil && overlaps(beside, k.y, k.y+p.headSlots) {
						// A rail beside a bigger head: its story opens
						// with a brief's head rather than butt.
						brief = hs.BriefSize
						sizes = append([]units.Length{brief}, sizes...)
					}
				}
				for si, size := range sizes {
					p, err := m.k.prep(it, w, size, bottom-top)
					if err != nil {
						continue
					}
					cost := pen
					if p.headSize >= m.k.headlineMin() && overlaps(beside, k.y, k.y+p.headSlots) {
						cost += buttPenalty
					}
					if size == brief && brief > 0 {
						cost += 40 // a long story under a small head
					}
					below := k.cap
					if it.cont == nil && p.headSize > 0 && (below == 0 || p.headSize < below) {
						below = p.headSize // heads lower down are no bigger
					}
					n := p.natural
					if si == 0 && n+gapSlots+minLegLines+3 <= rem {
						// At its natural depth, with room for another story.
						try(option{it: it, p: p, depth: n}, cost, key{k.y + n + gapSlots, used, below})
					}
					lo := n - p.flex
					if it.cont != nil || it.pin.NoJump {
						lo = n // it cannot jump: never count on tightening it
					}
					if lo <= rem && rem <= n+p.flex+1 {
						// Fitted to the stack's foot.
						try(option{it: it, p: p, depth: rem, exact: true}, cost+15*si, key{bottom, used, below})
					}
					if si == 0 && n > rem && m.canJump(it, p, rem) {
						try(option{it: it, p: p, depth: rem, jump: true}, cost+30, key{bottom, used, below})
					}
				}
			}
		}
		memo[k] = best
		return best
	}
	start := key{top, 0, capSize}
	r := solve(start, 0)
	pl := plan{score: r.score}
	for k := start; ; {
		r := memo[k]
		if r.end {
			break
		}
		pl.opts = append(pl.opts, r.opt)
		k = r.next
	}
	return pl
}

// overlaps reports whether [from, to) meets any of the spans.
func overlaps(spans []span, from, to int) bool {
	for _, s := range spans {
		if from < s.to && s.from < to {
			return true
		}
	}
	return false
}

// headSpans lists where a plan starting at slot y puts headline packages
// big enough to butt (see headlineMin).
func (m *makeup) headSpans(pl plan, y int) []span {
	var out []span
	for _, o := range pl.opts {
		if o.p.headSize >= m.k.headlineMin() {
			out = append(out, span{y, y + o.p.headSlots})
		}
		y += o.depth + gapSlots
	}
	return out
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

// optionCost weighs one module of a stack plan: white it leaves inside
// (legs that end short), legs too short or too deep to read well; taking
// a story at all earns a little.
func (m *makeup) optionCost(o option) int {
	s := m.estShort(o) * 25
	body := o.depth - o.p.headSlots
	if body < 12 {
		s += (12 - body) * o.p.cols * 4
	}
	if body > 70 {
		s += (body - 70) * o.p.cols
	}
	return s - 5
}

// canJump reports whether a story may jump from a module of depth slots:
// it is not a continuation itself (a story jumps once), enough of it runs
// before the jump and enough is left to be worth a continuation.
func (m *makeup) canJump(it *item, p *prep, depth int) bool {
	if it.cont != nil || it.pin.NoJump {
		return false
	}
	run := (depth - p.headSlots - 1) * p.cols
	return run >= minJumpRun && it.st.totalSlots()-run >= minJumpRest
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
// what copyfitting will leave there, found by copyfitting from
// measurements (holes deeper than two lines count twice); a jump leaves
// none. A story that cannot be made to fit its depth gets a prohibitive
// estimate: realize would have to jump it, unplanned.
func (m *makeup) estShort(o option) int {
	switch {
	case o.jump:
		return 0
	case !o.exact:
		return o.p.short
	}
	// The estimate depends on the body's depth and where its columns
	// start, not on the headline above it: preps of other headline sizes
	// share it.
	k := shortKey{o.it, o.p.cols, o.p.tops[0], o.depth - o.p.headSlots}
	if v, ok := m.shorts[k]; ok {
		return v
	}
	sc := o.it.st.estimateFit(o.p.tops, o.depth-o.p.headSlots)
	v := unfit
	if sc.fitted() {
		v = sc.short + 2*sc.deep
	}
	if m.shorts == nil {
		m.shorts = map[shortKey]int{}
	}
	m.shorts[k] = v
	return v
}

// unfit is estShort's answer for a story that cannot fit its depth.
const unfit = 1000

// shortKey identifies a fit estimate. A prep's column tops follow from
// its width and the slot under its photos, which its first column has.
type shortKey struct {
	it         *item
	cols, top0 int
	body       int
}
