package linebreak

import (
	"math"

	"pressroom.dev/typeset/units"
)

// Break breaks items into lines of the given widths with a fresh Breaker.
// Use a Breaker to reuse its memory across paragraphs.
func Break(items []Item, p Params, widths []units.Length) Result {
	var b Breaker
	return b.Break(items, p, widths)
}

// A Breaker breaks paragraphs into lines, keeping its scratch memory from
// one call to the next. The zero value is ready to use. A Breaker must not
// be used by two goroutines at once.
type Breaker struct {
	sums    []sum          // sums[i]: totals of items[:i]
	nextBox []int32        // nextBox[i]: first box at or after i, or n
	bps     []breakpoint   // legal breakpoints in order, the final one last
	nodes   []node         // every node of the current pass
	cand    []cand         // best break per class for the current line group
	chain   []int32        // the chosen breaks, in order
	saved   []int32        // pass 1's breaks while pass 2 runs
	widths  []units.Length // the caller's widths, or a zero measure

	items    []Item
	p        Params
	finalPos int32
	nflag1   int // flagged breakpoints usable in the first pass
	nflag    int // flagged breakpoints usable in later passes
	mono     bool

	// Per pass.
	thr      int
	emerg    units.Length
	rescue   bool
	limit    int32 // consecutive-hyphen limit in force, 0 = none
	hcap     int32 // largest hyphen count a node records
	margin   int64
	capClass int32 // lines from this index on are interchangeable
	active   int32
	ncand    int
	demerits int64
	met      bool
}

// sum holds running totals of width, stretch (glue and box) and shrink.
type sum struct{ w, st, sh units.Length }

type breakpoint struct {
	pos     int32
	pi      int32 // clamped to [-Infinity, Infinity)
	pw      units.Length
	flagged bool
	auto    bool
}

// A node is a break the dynamic programme has reached: an active node while
// lines may still start from it, a passive one afterwards.
type node struct {
	w, st, sh units.Length // totals at the start of the line that begins here
	total     int64        // least demerits of the paragraph up to here
	pos       int32        // index of the break item, -1 for the start
	start     int32        // first item of the next line, after discarding
	line      int32        // number of lines before this break's next line
	hyph      int32        // consecutive hyphenated lines ending here
	prev      int32        // node of the previous break
	next      int32        // next active node, -1 at the end of the list
	fit       int8         // fitness class of the line ending here
}

type cand struct {
	total int64
	from  int32
	line  int32
	ok    bool
}

// Break breaks items into lines of the given widths (widths[i] is the
// measure of line i; the last entry repeats) and returns the lines. See the
// package documentation for the model. A nil or empty widths is a zero
// measure. The returned Lines are freshly allocated.
func (b *Breaker) Break(items []Item, p Params, widths []units.Length) Result {
	if len(items) == 0 {
		return Result{LoosenessMet: p.Looseness == 0}
	}
	if len(items) >= math.MaxInt32-2 {
		panic("linebreak: paragraph too long")
	}
	if len(widths) == 0 {
		widths = []units.Length{0}
	}
	b.widths = widths
	b.items = items
	b.p = p
	b.prepare()
	defer func() { b.items, b.widths = nil, nil }()

	emerg := max(p.EmergencyStretch, 0)
	have1 := false
	var dem1 int64
	var met1 bool
	if p.Pretolerance >= 0 {
		if b.run(p.Pretolerance, 0, false, false) {
			if b.met {
				return b.result(1, 0)
			}
			// Looseness not reached: TeX tries again with hyphenation.
			have1, dem1, met1 = true, b.demerits, b.met
			b.saved = append(b.saved[:0], b.chain...)
		}
	}
	if b.run(p.Tolerance, 0, true, false) {
		return b.result(2, 0)
	}
	if have1 { // only if Tolerance < Pretolerance
		b.chain = append(b.chain[:0], b.saved...)
		b.demerits, b.met = dem1, met1
		return b.result(1, 0)
	}
	if emerg > 0 && b.run(p.Tolerance, emerg, true, false) {
		return b.result(3, emerg)
	}
	if !b.run(Infinity, emerg, true, true) {
		// Cannot happen: the last resort always reaches the end (it breaks
		// wherever the last active node would die). Keep one line anyway.
		b.chain = append(b.chain[:0], b.finalPos)
		b.demerits, b.met = 0, p.Looseness == 0
	}
	return b.result(3, emerg)
}

// prepare computes the running totals, the next-box table and the list of
// legal breakpoints, which all passes share.
func (b *Breaker) prepare() {
	items := b.items
	n := len(items)
	b.sums = grow(b.sums, n+1)
	b.nextBox = grow(b.nextBox, n+2)
	b.bps = b.bps[:0]

	b.finalPos = int32(n)
	if last := items[n-1]; last.Kind == Penalty && last.Penalty <= -Infinity {
		b.finalPos = int32(n - 1)
	}
	var s sum
	mono := true
	b.nflag1, b.nflag = 0, 0
	for i := range items {
		it := &items[i]
		b.sums[i] = s
		if it.Kind != Penalty {
			s.w += it.Width
			s.st += it.Stretch
			s.sh += it.Shrink
			if it.Width < it.Shrink {
				mono = false
			}
			if it.Kind == Glue && i > 0 && isBox(items[i-1].Kind) && int32(i) < b.finalPos {
				b.bps = append(b.bps, breakpoint{pos: int32(i)})
			}
			continue
		}
		if it.Width < 0 {
			mono = false
		}
		if it.Penalty >= Infinity || int32(i) >= b.finalPos {
			continue
		}
		bp := breakpoint{pos: int32(i), pi: int32(max(it.Penalty, -Infinity)),
			pw: it.Width, flagged: it.Flagged, auto: it.Auto && it.Penalty > -Infinity}
		if bp.flagged {
			b.nflag++
			if !bp.auto {
				b.nflag1++
			}
		}
		b.bps = append(b.bps, bp)
	}
	b.sums[n] = s
	b.mono = mono

	final := breakpoint{pos: b.finalPos, pi: -Infinity}
	if b.finalPos < int32(n) {
		final.pw, final.flagged = items[n-1].Width, items[n-1].Flagged
	}
	b.bps = append(b.bps, final)

	b.nextBox[n], b.nextBox[n+1] = int32(n), int32(n)
	for i := n - 1; i >= 0; i-- {
		if isBox(items[i].Kind) {
			b.nextBox[i] = int32(i)
		} else {
			b.nextBox[i] = b.nextBox[i+1]
		}
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// run makes one pass over the breakpoints with badness limit thr. It
// reports whether the end of the paragraph was reached; the chosen breaks
// are then in b.chain, their demerits in b.demerits.
func (b *Breaker) run(thr int, emerg units.Length, auto, rescue bool) bool {
	p := &b.p
	b.thr, b.emerg, b.rescue = thr, emerg, rescue
	nflag := b.nflag
	if !auto {
		nflag = b.nflag1
	}
	// A limit at least the number of hyphenation points cannot bind.
	if m := p.MaxConsecutiveHyphens; m > 0 && m < nflag {
		b.limit, b.hcap = int32(m), int32(m)
	} else {
		b.limit, b.hcap = 0, 1
	}
	b.margin = int64(p.AdjDemerits)
	if b.margin < 0 {
		b.margin = -b.margin
	}
	// Looseness acts within the tolerance only: the last resort, which
	// admits lines of any badness, would otherwise make a paragraph that
	// is already hard to set worse.
	looseness := p.Looseness
	if rescue {
		looseness = 0
	}
	b.capClass = int32(len(b.widths) - 1)
	if looseness != 0 {
		b.capClass = math.MaxInt32 // every line count is its own class
	}
	b.cand = grow(b.cand, 4*int(b.hcap+1))
	clear(b.cand)
	b.ncand = 0

	b.nodes = append(b.nodes[:0], node{pos: -1, prev: -1, next: -1, fit: Decent})
	b.active = 0
	for i := range b.bps {
		bp := &b.bps[i]
		if bp.auto && !auto {
			continue
		}
		b.tryBreak(bp)
		if b.active < 0 {
			return false
		}
	}

	// All active nodes are now at the final break.
	best := b.active
	for r := b.nodes[best].next; r >= 0; r = b.nodes[r].next {
		if b.nodes[r].total < b.nodes[best].total {
			best = r
		}
	}
	b.met = p.Looseness == 0
	if looseness != 0 { // TeX §875
		bestLine := b.nodes[best].line
		actual := int32(0)
		want := int32(max(min(looseness, math.MaxInt32/2), -math.MaxInt32/2))
		for r := b.active; r >= 0; r = b.nodes[r].next {
			nd := &b.nodes[r]
			diff := nd.line - bestLine
			if (diff < actual && want <= diff) || (diff > actual && want >= diff) {
				best, actual = r, diff
			} else if diff == actual && nd.total < b.nodes[best].total {
				best = r
			}
		}
		b.met = actual == want
	}
	b.demerits = b.nodes[best].total
	b.chain = b.chain[:0]
	for r := best; b.nodes[r].pos >= 0; r = b.nodes[r].prev {
		b.chain = append(b.chain, b.nodes[r].pos)
	}
	for i, j := 0, len(b.chain)-1; i < j; i, j = i+1, j-1 {
		b.chain[i], b.chain[j] = b.chain[j], b.chain[i]
	}
	return true
}

// tryBreak considers a break at bp from every active node (TeX §829): it
// records the best new node per class, deactivates nodes that can no longer
// start a line reaching further, and inserts the new nodes.
func (b *Breaker) tryBreak(bp *breakpoint) {
	cur := bp.pos
	cs := b.sums[cur]
	forced := bp.pi <= -Infinity
	final := cur == b.finalPos
	last := int32(len(b.widths) - 1)
	prev, r := int32(-1), b.active
	group := int32(-1)
	var lw units.Length
	for {
		if r < 0 {
			if b.ncand > 0 {
				b.flush(prev, -1, cur)
			}
			return
		}
		if cls := min(b.nodes[r].line, b.capClass); cls != group {
			// Lines of a new class (width): the best breaks found so far
			// become active nodes, before r to keep the list sorted.
			if b.ncand > 0 {
				prev = b.flush(prev, r, cur)
			}
			group = cls
			lw = b.widths[min(cls, last)]
		}
		nd := &b.nodes[r]
		next := nd.next

		var w, st, sh units.Length
		if nd.start < cur {
			w, st, sh = cs.w-nd.w, cs.st-nd.st, cs.sh-nd.sh
		}
		d := lw - w - bp.pw
		bad, fit, over := judge(d, st+b.emerg, sh)

		deactivate, record, artificial := false, false, false
		if over || forced {
			// An overfull line stays overfull at later breaks, unless only
			// the hyphen made it so (or the items are ill-formed).
			permanent := forced || (b.mono && d+bp.pw < -sh)
			if permanent {
				deactivate = true
				if !over && bad <= b.thr {
					record = true
				} else if b.rescue && b.ncand == 0 && prev < 0 && next < 0 {
					// The last hope of the paragraph: break here anyway
					// (TeX's artificial demerits).
					record, artificial = true, true
				}
			}
		} else if bad <= b.thr {
			record = true
		}
		if record {
			h := int32(0)
			if bp.flagged {
				h = nd.hyph + 1
				if b.limit > 0 && h > b.limit && !forced {
					record = false
					if artificial {
						// Rather keep the node and break at the next
						// breakpoint than exceed the hyphen limit.
						deactivate = false
					}
				}
				h = min(h, b.hcap)
			}
			if record {
				var dm int64
				if !artificial {
					db := int64(bad)
					if b.rescue && bad >= Infinity && !over && d > 0 {
						// Beyond TeX's "infinitely bad" every line would
						// cost the same; the last resort still prefers the
						// less gaping of two terrible lines.
						db = extendedBadness(d, st+b.emerg)
					}
					dm = rescueDemerits(int64(b.p.LinePenalty), db, int(bp.pi))
					if nd.hyph > 0 {
						if final {
							dm += int64(b.p.FinalHyphenDemerits)
						} else if bp.flagged {
							dm += int64(b.p.DoubleHyphenDemerits)
						}
					}
					if fd := fit - int(nd.fit); fd > 1 || fd < -1 {
						dm += int64(b.p.AdjDemerits)
					}
				}
				c := &b.cand[int32(fit)*(b.hcap+1)+h]
				if t := nd.total + dm; !c.ok || t <= c.total {
					if !c.ok {
						b.ncand++
					}
					*c = cand{total: t, from: r, line: nd.line, ok: true}
				}
			}
		}
		if deactivate {
			if prev < 0 {
				b.active = next
			} else {
				b.nodes[prev].next = next
			}
		} else {
			prev = r
		}
		r = next
	}
}

// flush turns the recorded candidates into active nodes linked between prev
// and before, and returns the last one inserted (or prev). A candidate more
// than AdjDemerits worse than the best one with the same hyphen count can
// never be part of an optimum and is dropped (TeX §836).
func (b *Breaker) flush(prev, before, cur int32) int32 {
	hc := b.hcap + 1
	start := b.nextBox[cur+1]
	ss := b.sums[start]
	for h := int32(0); h < hc; h++ {
		least := int64(math.MaxInt64)
		for f := int32(0); f < 4; f++ {
			if c := &b.cand[f*hc+h]; c.ok && c.total < least {
				least = c.total
			}
		}
		if least == math.MaxInt64 {
			continue
		}
		limit := least + b.margin
		if limit < least {
			limit = math.MaxInt64
		}
		for f := int32(0); f < 4; f++ {
			c := &b.cand[f*hc+h]
			if !c.ok {
				continue
			}
			c.ok = false
			if c.total > limit {
				continue
			}
			idx := int32(len(b.nodes))
			b.nodes = append(b.nodes, node{
				w: ss.w, st: ss.st, sh: ss.sh, total: c.total,
				pos: cur, start: start, line: c.line + 1, hyph: h,
				prev: c.from, next: before, fit: int8(f),
			})
			if prev < 0 {
				b.active = idx
			} else {
				b.nodes[prev].next = idx
			}
			prev = idx
		}
	}
	b.ncand = 0
	return prev
}
