package linebreak

import (
	"slices"
	"testing"

	"pressroom.dev/typeset/units"
)

// TestExpansionOrder sets one line, "10 10" with boxes that may expand or
// condense by 1 pt each and a space of 2 pt plus 1 minus 0.5, at several
// measures. There is no paragraph end, so the line is set to the measure,
// and the space is tied, so the line cannot be broken.
// Natural width 22; glue stretch 1, shrink 0.5; box stretch 2, shrink 2.
func TestExpansionOrder(t *testing.T) {
	flex := Item{Kind: Box, Width: pt(10), Stretch: pt(1), Shrink: pt(1)}
	items := []Item{flex, tie(), gl(2, 1, 0.5), flex}
	for _, c := range []struct {
		name               string
		width              float64
		glue, box, over    float64
		badness, fitness   int
		glueSet, boxExtra0 float64
	}{
		// d = 0.5 ≤ glue stretch: the glue takes it all. Badness from the
		// combined stretch: r = ⌊0.5·297/3⌋ = 49 → 0.
		{"glue alone", 22.5, 0.5, 0, 0, 0, Decent, 2.5, 0},
		// d = 2.5: glue alone would be at ratio 2.5; it takes its 1 pt
		// (ratio 1) and the boxes the other 1.5 (0.75 each).
		// badness(2.5, 3): r = 247 → 57, loose.
		{"glue then boxes", 24.5, 1, 1.5, 0, 57, Loose, 3, 0.75},
		// d = 4 exceeds glue + box stretch (3): boxes at their limit (2),
		// the glue takes the rest, 2 (ratio 2). badness(4, 3) = 237.
		{"beyond capacity", 26, 2, 2, 0, 237, VeryLoose, 4, 1},
		// d = −1: glue shrinks its 0.5, boxes 0.5. badness(1, 2.5) = 6.
		{"shrink glue then boxes", 21, -0.5, -0.5, 0, 6, Decent, 1.5, -0.25},
		// d = −2.5 uses all shrink: badness 100, tight.
		{"all shrink", 19.5, -0.5, -2, 0, 100, Tight, 1.5, -1},
		// d = −3: 0.5 pt overfull after all shrink.
		{"overfull", 19, -0.5, -2, 0.5, Infinity, Tight, 1.5, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultParams()
			p.Expansion = ExpandLast
			r := Break(items, p, []units.Length{pt(c.width)})
			if len(r.Lines) != 1 {
				t.Fatalf("%d lines", len(r.Lines))
			}
			l := r.Lines[0]
			if l.Start != 0 || l.End != 4 || l.Natural != pt(22) || l.GlueStretch != pt(1) || l.BoxShrink != pt(2) {
				t.Fatalf("line %+v", l)
			}
			if l.GlueShare != pt(c.glue) || l.BoxShare != pt(c.box) || l.Overfull != pt(c.over) {
				t.Errorf("glue %v box %v overfull %v, want %v %v %v", l.GlueShare, l.BoxShare, l.Overfull, pt(c.glue), pt(c.box), pt(c.over))
			}
			if l.Badness != c.badness || l.Fitness != c.fitness {
				t.Errorf("badness %d fitness %d, want %d %d", l.Badness, l.Fitness, c.badness, c.fitness)
			}
			gw := l.GlueWidths(items, nil)
			be := l.BoxExtra(items, nil)
			if !slices.Equal(gw, []units.Length{0, 0, pt(c.glueSet), 0}) {
				t.Errorf("glue widths %v", gw)
			}
			if be[0] != pt(c.boxExtra0) || be[0]+be[3] != l.BoxShare || be[1] != 0 || be[2] != 0 {
				t.Errorf("box extra %v", be)
			}
		})
	}
	// Without the boxes' capacity the 24.5 pt line would have badness
	// badness(2.5, 1) = 1558: beyond the default tolerance, so expansion
	// is what makes it feasible. (Without emergency stretch, so that the
	// last-resort pass reports the real badness.)
	plain := []Item{bx(10), tie(), gl(2, 1, 0.5), bx(10)}
	p := DefaultParams()
	p.EmergencyStretch = 0
	if r := Break(plain, p, []units.Length{pt(24.5)}); r.Lines[0].Badness != 1558 || r.Pass != 3 {
		t.Errorf("without expansion: badness %d pass %d", r.Lines[0].Badness, r.Pass)
	}
}

// TestExpansionWithGlue: the same line shared in proportion to capacity.
// Glue stretch 1, box stretch 2: the glue takes a third of any stretch,
// the boxes two thirds; shrink 0.5 against 2: a fifth and four fifths.
func TestExpansionWithGlue(t *testing.T) {
	flex := Item{Kind: Box, Width: pt(10), Stretch: pt(1), Shrink: pt(1)}
	items := []Item{flex, tie(), gl(2, 1, 0.5), flex}
	for _, c := range []struct {
		width, glue, box, over float64
	}{
		{22.75, 0.25, 0.5, 0}, // d = 0.75
		{25, 1, 2, 0},         // d = 3: both at capacity
		{27, 3, 2, 0},         // d = 5: boxes stop at 2, glue takes the rest
		{21, -0.2, -0.8, 0},   // d = −1
		{19, -0.5, -2, 0.5},   // overfull by 0.5
	} {
		r := Break(items, DefaultParams(), []units.Length{pt(c.width)})
		l := r.Lines[0]
		near := func(a, b units.Length) bool { return a-b <= 1 && b-a <= 1 }
		if !near(l.GlueShare, pt(c.glue)) || !near(l.BoxShare, pt(c.box)) || !near(l.Overfull, pt(c.over)) {
			t.Errorf("width %v: glue %v box %v over %v, want %v %v %v", c.width, l.GlueShare, l.BoxShare, l.Overfull, pt(c.glue), pt(c.box), pt(c.over))
		}
	}
}

// TestGlueWidthsRounding: three equal glues share 2 sp of stretch. The
// running share after each glue is ⌊k·2/3⌋ = 0, 1, 2 sp, so the glues get
// 0, 1, 1 sp: exact in total, each within 1 sp, and the same every time.
func TestGlueWidthsRounding(t *testing.T) {
	g := gl(2, 1, 1)
	items := []Item{bx(1), g, bx(1), g, bx(1), g, bx(1)}
	w := pt(2)
	for _, c := range []struct {
		share units.Length
		want  []units.Length
	}{
		{2, []units.Length{0, w, 0, w + 1, 0, w + 1, 0}},
		{-2, []units.Length{0, w, 0, w - 1, 0, w - 1, 0}},
		{pt(3), []units.Length{0, pt(3), 0, pt(3), 0, pt(3), 0}},
		{0, []units.Length{0, w, 0, w, 0, w, 0}},
	} {
		l := Line{Start: 0, End: len(items), GlueShare: c.share}
		if got := l.GlueWidths(items, nil); !slices.Equal(got, c.want) {
			t.Errorf("share %d: %v, want %v", c.share, got, c.want)
		}
	}
}

// TestSetWidthsSum breaks realistic paragraphs and checks that every line
// whose adjustment is fully absorbed sets exactly to its measure: glue set
// widths + box widths + box extras + the hyphen.
func TestSetWidthsSum(t *testing.T) {
	rng := newRand(5)
	var b Breaker
	var gw, be []units.Length
	lines := 0
	for iter := 0; iter < 300; iter++ {
		items := genParagraph(rng, 5+rng.IntN(150), nil)
		items = items[:len(items)-3] // no fill: every line is set to the measure
		w := []units.Length{units.FromMm(40 + 20*rng.Float64())}
		r := b.Break(items, DefaultParams(), w)
		for k, l := range r.Lines {
			if l.Overfull > 0 || l.GlueShare+l.BoxShare != l.Adjust {
				continue
			}
			gw = l.GlueWidths(items, gw)
			be = l.BoxExtra(items, be)
			var sum units.Length
			for i, it := range items[l.Start:l.End] {
				switch it.Kind {
				case Glue:
					sum += gw[i]
				case Box:
					sum += it.Width + be[i]
				}
			}
			if l.End < len(items) && items[l.End].Kind == Penalty {
				sum += items[l.End].Width
			}
			if sum != l.Width {
				t.Fatalf("case %d line %d: set width %v, measure %v", iter, k, sum, l.Width)
			}
			lines++
		}
	}
	if lines < 1000 {
		t.Errorf("only %d lines checked", lines)
	}
}
