package linebreak

import (
	"slices"
	"testing"

	"pressroom.dev/typeset/units"
)

// Hand-worked examples. All lengths are in points; badness numbers are
// TeX's integer approximation worked out in the comments: for t <= 110 pt,
// r = ⌊t·297/s⌋ (in scaled points) and badness = ⌊(r³ + 2¹⁷) / 2¹⁸⌋.

func pt(x float64) units.Length { return units.FromPt(x) }

func bx(w float64) Item { return Item{Kind: Box, Width: pt(w)} }

func gl(w, st, sh float64) Item {
	return Item{Kind: Glue, Width: pt(w), Stretch: pt(st), Shrink: pt(sh)}
}

func tie() Item { return Item{Kind: Penalty, Penalty: Infinity} }

func hy(w float64, pen int, auto bool) Item {
	return Item{Kind: Penalty, Width: pt(w), Penalty: pen, Flagged: true, Auto: auto}
}

// words makes boxes of the given widths separated by copies of space.
func words(space Item, ws ...float64) []Item {
	var items []Item
	for i, w := range ws {
		if i > 0 {
			items = append(items, space)
		}
		items = append(items, bx(w))
	}
	return items
}

func cat(parts ...[]Item) []Item { return slices.Concat(parts...) }

func ends(r Result) []int {
	var e []int
	for _, l := range r.Lines {
		e = append(e, l.End)
	}
	return e
}

func badnesses(r Result) []int {
	var b []int
	for _, l := range r.Lines {
		b = append(b, l.Badness)
	}
	return b
}

func TestBadness(t *testing.T) {
	for _, c := range []struct {
		t, s units.Length
		want int
	}{
		{0, 0, 0},                  // nothing to do
		{pt(1), 0, Infinity},       // nothing to stretch with
		{pt(1), pt(1), 100},        // r = 297 → 26329145/2¹⁸ = 100.4
		{pt(6), pt(9), 30},         // r = 198 → 7893464/2¹⁸ = 30.1
		{pt(6), pt(4), 336},        // r = 445 → 88252197/2¹⁸ = 336.7
		{pt(1), pt(2), 12},         // r = 148 → 3372864/2¹⁸ = 12.9
		{pt(2), pt(1), 800},        // r = 594 → 209715656/2¹⁸ = 800.0
		{pt(4), pt(1), 6396},       // r = 1188 → 6396.5
		{pt(4.4), pt(1), Infinity}, // r = 1306 > 1290: infinitely bad
		{pt(200), pt(100), 800},    // t > 7230584 sp: TeX's other branch, r = ⌊t/⌊s/297⌋⌋ = ⌊13107200/22065⌋ = 594
		{pt(10), units.Length(1), Infinity},
	} {
		if got := badness(c.t, c.s); got != c.want {
			t.Errorf("badness(%v, %v) = %d, want %d", c.t, c.s, got, c.want)
		}
	}
}

func TestHandWorked(t *testing.T) {
	def := DefaultParams()
	noAdj := DefaultParams()
	noAdj.AdjDemerits = 0
	tol3000 := DefaultParams()
	tol3000.Tolerance = 3000
	noEmerg := DefaultParams()
	noEmerg.EmergencyStretch = 0
	emerg5 := DefaultParams()
	emerg5.EmergencyStretch = pt(5)
	loose := func(l, tol int) Params {
		p := noAdj
		p.Looseness, p.Tolerance = l, tol
		return p
	}
	for _, c := range []struct {
		name     string
		items    []Item
		p        Params
		widths   []float64
		ends     []int
		demerits int64
		pass     int
		met      bool
		badness  []int
	}{{
		// 30 + 10 + 30 = 70 exactly: one line, badness 0, demerits
		// (LinePenalty + 0)² = 100.
		name:  "exact fit on one line",
		items: AppendParagraphEnd(words(gl(10, 5, 3), 30, 30)),
		p:     def, widths: []float64{70},
		ends: []int{5}, demerits: 100, pass: 1, met: true, badness: []int{0},
	}, {
		// Spaces 2 pt plus 3 pt, no shrink, measure 30. First fit fills
		// line 1 exactly with "5 4 5 4 4" (see TestFirstFitDiffers),
		// leaving "9 9" at badness 3701. Total fit sets "5 4 5 4" (24,
		// d = 6 over stretch 9: badness 30) and "4 9 9" (26, d = 4 over
		// 6: badness 30), both loose, then "9" with the fill:
		// 40² + 40² + 10² = 3300.
		name:  "total fit beats first fit",
		items: AppendParagraphEnd(words(gl(2, 3, 0), 5, 4, 5, 4, 4, 9, 9, 9)),
		p:     def, widths: []float64{30},
		ends: []int{7, 13, 17}, demerits: 3300, pass: 1, met: true, badness: []int{30, 30, 0},
	}, {
		// A \\ (tie, fill, forced break) after two words: although all four
		// fit on one 30 pt line (26 pt), the paragraph breaks at item 5;
		// both lines end in fill: 100 + 100.
		name: "forced break",
		items: cat(words(gl(2, 1, 0.5), 5, 5),
			[]Item{tie(), {Kind: Glue, Stretch: FillStretch}, {Kind: Penalty, Penalty: -Infinity}},
			AppendParagraphEnd(words(gl(2, 1, 0.5), 5, 5))),
		p: def, widths: []float64{30},
		ends: []int{5, 11}, demerits: 200, pass: 1, met: true, badness: []int{0, 0},
	}, {
		// Four 4 pt words, spaces 2 plus 2 minus 1, measure 16: three
		// words fill a line exactly, the fourth goes with the fill:
		// 100 + 100.
		name:  "no tie",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 4, 4, 4, 4)),
		p:     tol3000, widths: []float64{16},
		ends: []int{5, 9}, demerits: 200, pass: 1, met: true,
	}, {
		// The same with the last two words tied: a line may not end at
		// the tied space, one word alone has nothing to stretch (10000),
		// all four are overfull; so "4 4" (d = 6 over 2: badness 2698,
		// very loose) and "4 ~4 4". Demerits 2708² + 10000 (very loose
		// after the paragraph start, which counts as decent) + 100 +
		// 10000 (decent after very loose) = 7353364.
		name:  "forbidden break",
		items: AppendParagraphEnd(cat(words(gl(2, 2, 1), 4, 4, 4), []Item{tie(), gl(2, 2, 1), bx(4)})),
		p:     tol3000, widths: []float64{16},
		ends: []int{3, 10}, demerits: 7353364, pass: 2, met: true, badness: []int{2698, 0},
	}, {
		// "6 9.5-10" fits on one 28 pt line (27.5): the first pass, which
		// may not use the automatic hyphen, succeeds.
		name:  "first pass without hyphenation",
		items: AppendParagraphEnd([]Item{bx(6), gl(2, 2, 1), bx(9.5), hy(1, 50, true), bx(10)}),
		p:     def, widths: []float64{28},
		ends: []int{7}, demerits: 100, pass: 1, met: true,
	}, {
		// At 20 pt the first pass fails: "6" alone has nothing to stretch,
		// all of it is overfull. The second pass hyphenates: "6 9.5-"
		// (18.5 with the 1 pt hyphen, d = 1.5 over 2: badness 42) costs
		// 52² + 50² = 5204, "10" costs 100 + 5000 (hyphenated penultimate
		// line) = 5100.
		name:  "second pass hyphenates",
		items: AppendParagraphEnd([]Item{bx(6), gl(2, 2, 1), bx(9.5), hy(1, 50, true), bx(10)}),
		p:     def, widths: []float64{20},
		ends: []int{3, 7}, demerits: 10304, pass: 2, met: true, badness: []int{42, 0},
	}, {
		// Four 7 pt words, spaces 2 plus 1, measure 20: "7 7" is 4 short
		// with 1 pt of stretch (badness 6396), three words are overfull, one
		// word alone has no stretch. Nothing is within tolerance 800; with
		// 5 pt of emergency stretch "7 7" has badness(4, 6) = 30:
		// 40² + 10² = 1700.
		name:  "emergency stretch",
		items: AppendParagraphEnd(words(gl(2, 1, 0), 7, 7, 7, 7)),
		p:     emerg5, widths: []float64{20},
		ends: []int{3, 9}, demerits: 1700, pass: 3, met: true, badness: []int{30, 0},
	}, {
		// The same without emergency stretch: the last resort takes the
		// underfull "7 7" (6406² + 10000 + 100 + 10000) rather than any
		// overfull line.
		name:  "underfull rather than overfull",
		items: AppendParagraphEnd(words(gl(2, 1, 0), 7, 7, 7, 7)),
		p:     noEmerg, widths: []float64{20},
		ends: []int{3, 9}, demerits: 41056936, pass: 3, met: true, badness: []int{6396, 0},
	}, {
		// Measures 16, 16, then 22 (room for a drop cap): ten 4 pt words
		// set 3 + 3 + 4, every line exact: 3 × 100.
		name:  "line widths per line",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     def, widths: []float64{16, 16, 22},
		ends: []int{5, 11, 21}, demerits: 300, pass: 1, met: true, badness: []int{0, 0, 0},
	}, {
		// Words [2 8 2 9 4 4], spaces 2 plus 2 minus 1, measure 14. Without
		// adjacency demerits: "2 8" (badness 100, very loose), "2 9"
		// (d = 1 over 2: 12, decent), "4 4": 110² + 22² + 10² = 12684.
		name:  "adjacent fitness ignored",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 2, 8, 2, 9, 4, 4)),
		p:     noAdj, widths: []float64{14},
		ends: []int{3, 7, 13}, demerits: 12684, pass: 1, met: true, badness: []int{100, 12, 0},
	}, {
		// With AdjDemerits 10000 that setting costs 12684 + 20000 (a very
		// loose line between the decent start and a decent line), so the
		// two tight lines "2 8 2" (d = −2 over 2: 100) and "9 4" (d = −1
		// over 1: 100), compatible with each other and with decent
		// neighbours, win: 110² + 110² + 10² = 24300.
		name:  "adjacent fitness demerits",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 2, 8, 2, 9, 4, 4)),
		p:     def, widths: []float64{14},
		ends: []int{5, 9, 13}, demerits: 24300, pass: 1, met: true, badness: []int{100, 100, 0},
	}, {
		// Ten 4 pt words, spaces 2 plus 2 minus 1, measure 22: four words
		// fit exactly, five are overfull, three have badness 336. Optimum:
		// 4 + 4 + 2, demerits 300.
		name:  "looseness 0",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     loose(0, 400), widths: []float64{22},
		ends: []int{7, 15, 21}, demerits: 300, pass: 1, met: true,
	}, {
		// Looseness +1: 3 + 3 + 3 + 1, each of the first three lines 346²
		// (no adjacency demerits here): 359248. The first pass (limit 100)
		// cannot do it, so the second pass (tolerance 400) runs.
		name:  "looseness +1",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     loose(1, 400), widths: []float64{22},
		ends: []int{5, 11, 17, 21}, demerits: 359248, pass: 2, met: true,
	}, {
		// Looseness +2 would need five lines; no line holds fewer than
		// three words except the last, so four is the nearest.
		name:  "looseness +2 not feasible",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     loose(2, 400), widths: []float64{22},
		ends: []int{5, 11, 17, 21}, demerits: 359248, pass: 2, met: false,
	}, {
		// Looseness −1 would need two lines, and five words are overfull:
		// the optimum stays, LoosenessMet is false.
		name:  "looseness -1 not feasible",
		items: AppendParagraphEnd(words(gl(2, 2, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     loose(-1, 400), widths: []float64{22},
		ends: []int{7, 15, 21}, demerits: 300, pass: 2, met: false,
	}, {
		// Nine 4 pt words, spaces 2 plus 3 minus 1, measure 25: four words
		// have badness 4 (d = 3 over 9), five are tight at 42 (d = −3 over
		// 4). Optimum 4 + 4 + 1: 14² + 14² + 10² = 492.
		name:  "looseness 0, shrinkable",
		items: AppendParagraphEnd(words(gl(2, 3, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     loose(0, 800), widths: []float64{25},
		ends: []int{7, 15, 19}, demerits: 492, pass: 1, met: true, badness: []int{4, 4, 0},
	}, {
		// Looseness −1: 5 + 4, 52² + 10² = 2804 (4 + 5 would cost 2900).
		name:  "looseness -1",
		items: AppendParagraphEnd(words(gl(2, 3, 1), 4, 4, 4, 4, 4, 4, 4, 4, 4)),
		p:     loose(-1, 800), widths: []float64{25},
		ends: []int{9, 19}, demerits: 2804, pass: 1, met: true, badness: []int{42, 0},
	}, {
		// After a break, glue and penalties are discarded up to the next
		// box: line 2 starts at item 4. Line 1 "4" (a box with 1 pt of
		// expansion) is 1 pt short: badness 100, very loose: 110² + 10000
		// + 10² + 10000.
		name: "discard after break",
		items: AppendParagraphEnd([]Item{{Kind: Box, Width: pt(4), Stretch: pt(1)}, gl(2, 0, 0),
			{Kind: Penalty}, gl(2, 0, 0), bx(3)}),
		p: def, widths: []float64{5},
		ends: []int{1, 7}, demerits: 32200, pass: 1, met: true, badness: []int{100, 0},
	}} {
		t.Run(c.name, func(t *testing.T) {
			var ws []units.Length
			for _, w := range c.widths {
				ws = append(ws, pt(w))
			}
			r := Break(c.items, c.p, ws)
			if err := checkCover(c.items, c.p, ws, r); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ends(r), c.ends) || r.Demerits != c.demerits || r.Pass != c.pass || r.LoosenessMet != c.met {
				t.Errorf("got ends %v demerits %d pass %d met %v, want %v %d %d %v",
					ends(r), r.Demerits, r.Pass, r.LoosenessMet, c.ends, c.demerits, c.pass, c.met)
			}
			if c.badness != nil && !slices.Equal(badnesses(r), c.badness) {
				t.Errorf("badness %v, want %v", badnesses(r), c.badness)
			}
			for k, l := range r.Lines {
				if l.Overfull != 0 {
					t.Errorf("line %d overfull by %v", k, l.Overfull)
				}
			}
			if got := demeritsOf(c.items, c.p, r, false); got != r.Demerits {
				t.Errorf("lines add up to %d demerits", got)
			}
		})
	}
}

// firstFit is the greedy breaker word processors use: each line takes as
// many items as fit with all their shrink.
func firstFit(items []Item, width units.Length) []int {
	bps, final := refBreakpoints(items)
	var out []int
	from := -1
	for {
		best := -1
		for _, bp := range bps {
			if bp.pos <= from {
				continue
			}
			_, nat, _, sh := refLine(items, from, bp.pos)
			if nat-sh > width && best >= 0 {
				break
			}
			best = bp.pos
			if bp.forced {
				break
			}
		}
		out = append(out, best)
		if best == final {
			return out
		}
		from = best
	}
}

// TestFirstFitDiffers shows why total fit matters on the "total fit beats
// first fit" example: the greedy breaker fills line 1 exactly ("5 4 5 4 4")
// and must then stretch "9 9" by 10 pt over 3 pt (badness 3701, beyond any
// sane tolerance).
func TestFirstFitDiffers(t *testing.T) {
	items := AppendParagraphEnd(words(gl(2, 3, 0), 5, 4, 5, 4, 4, 9, 9, 9))
	greedy := firstFit(items, pt(30))
	if !slices.Equal(greedy, []int{9, 13, 17}) {
		t.Fatalf("first fit %v", greedy)
	}
	if b := makeLine(items, 10, 13, pt(30), 0, ExpandWithGlue).Badness; b != 3701 {
		t.Errorf("first fit line 2 badness %d, want 3701", b)
	}
	if got := ends(Break(items, DefaultParams(), []units.Length{pt(30)})); slices.Equal(got, greedy) {
		t.Errorf("total fit chose the greedy breaks %v", got)
	}
}

func TestOverfull(t *testing.T) {
	p := DefaultParams()
	p.EmergencyStretch = 0
	// A 30 pt box on a 20 pt line: nothing can be done; the line is
	// reported 10 pt overfull (and costs nothing, as in TeX).
	items := AppendParagraphEnd([]Item{bx(30)})
	r := Break(items, p, []units.Length{pt(20)})
	if len(r.Lines) != 1 || r.Lines[0].Overfull != pt(10) || r.Pass != 3 || r.Demerits != 0 {
		t.Errorf("single box: %+v", r)
	}

	// "5 30 5" at 20 pt: the wide word gets a line of its own (10 pt
	// overfull) rather than sharing one (17 pt overfull); "5" alone before
	// it is underfull (nothing to stretch: badness 10000, very loose) but
	// not overfull. In the last resort an underfull line is ranked by its
	// extended badness, here the ceiling 3·10⁶ (no stretch at all):
	// (10 + 3·10⁶)² = 9000060000100, + 10000 (very loose after decent)
	// + 0 (the overfull line) + 100 (tight, then decent: compatible).
	items = AppendParagraphEnd(words(gl(2, 1, 0.5), 5, 30, 5))
	r = Break(items, p, []units.Length{pt(20)})
	if err := checkCover(items, p, []units.Length{pt(20)}, r); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ends(r), []int{1, 3, 7}) || r.Demerits != 9000060010200 || r.Pass != 3 {
		t.Fatalf("got ends %v demerits %d pass %d", ends(r), r.Demerits, r.Pass)
	}
	for k, want := range []units.Length{0, pt(10), 0} {
		if got := r.Lines[k].Overfull; got != want {
			t.Errorf("line %d overfull %v, want %v", k, got, want)
		}
	}
}

// TestNoOverfullWhenFeasible breaks realistic paragraphs at narrow and
// very narrow measures, with and without hyphenation points. If every
// stretch of material between two consecutive breakpoints fits the measure,
// breaking at all of them is a setting without overfull lines (underfull
// ones do not matter here), so Break must not make an overfull line.
func TestNoOverfullWhenFeasible(t *testing.T) {
	rng := newRand(11)
	var b Breaker
	checked := 0
	for iter := 0; iter < 600; iter++ {
		items := genParagraph(rng, 3+rng.IntN(150), nil)
		if iter%2 == 1 { // no hyphenation points at all
			kept := items[:0]
			for _, it := range items {
				if !it.Auto {
					kept = append(kept, it)
				}
			}
			items = kept
		}
		w := []units.Length{units.FromMm(15 + 45*rng.Float64())}
		p := DefaultParams()
		p.MaxConsecutiveHyphens = 0
		p.EmergencyStretch = []units.Length{0, pt(13.5)}[rng.IntN(2)]
		r := b.Break(items, p, w)
		if err := checkCover(items, p, w, r); err != nil {
			t.Fatal(err)
		}
		bps, _ := refBreakpoints(items)
		feasible, from := true, -1
		for _, bp := range bps {
			_, nat, _, sh := refLine(items, from, bp.pos)
			feasible = feasible && nat-sh <= w[0]
			from = bp.pos
		}
		if !feasible {
			continue
		}
		checked++
		for k, l := range r.Lines {
			if l.Overfull > 0 {
				t.Fatalf("case %d: line %d overfull by %v though a setting without overfull lines exists", iter, k, l.Overfull)
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d paragraphs checked", checked)
	}
}

func TestEmpty(t *testing.T) {
	r := Break(nil, DefaultParams(), []units.Length{pt(100)})
	if len(r.Lines) != 0 || !r.LoosenessMet {
		t.Errorf("%+v", r)
	}
}

// TestBreakerReuse checks that a Breaker gives the same results as a fresh
// one whatever it broke before.
func TestBreakerReuse(t *testing.T) {
	rng := newRand(3)
	var b Breaker
	for iter := 0; iter < 200; iter++ {
		items := genParagraph(rng, 1+rng.IntN(200), nil)
		p := randomParams(rng)
		w := []units.Length{units.FromMm(40 + 20*rng.Float64())}
		got, want := b.Break(items, p, w), Break(items, p, w)
		if !slices.Equal(got.Lines, want.Lines) || got.Demerits != want.Demerits || got.Pass != want.Pass || got.LoosenessMet != want.LoosenessMet {
			t.Fatalf("case %d: reused breaker differs", iter)
		}
	}
}
