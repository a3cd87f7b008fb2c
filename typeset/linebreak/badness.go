package linebreak

import "pressroom.dev/typeset/units"

// Fitness classes of a line, from loosest to tightest (TeX's four classes,
// numbered in TeX's order). Lines whose classes differ by more than one are
// visually incompatible neighbours and cost AdjDemerits.
const (
	VeryLoose = 0 // stretched, badness > 99
	Loose     = 1 // stretched, badness 13–99
	Decent    = 2 // badness <= 12, stretched or shrunk
	Tight     = 3 // shrunk, badness > 12
)

// badness returns TeX's approximation of 100·(t/s)³ for an adjustment t >= 0
// of a line with flexibility s, capped at Infinity (TeX §108). The same
// integer steps as TeX give the same numbers on every machine.
func badness(t, s units.Length) int {
	if t <= 0 {
		return 0
	}
	if s <= 0 {
		return Infinity
	}
	var r int64
	switch {
	case t <= 7230584:
		r = int64(t) * 297 / int64(s) // 297³ ≈ 100·2¹⁸
	case s >= 1663497:
		r = int64(t) / (int64(s) / 297)
	default:
		r = int64(t)
	}
	if r > 1290 { // 1290³/2¹⁸ ≈ 8192; beyond that TeX calls it infinite
		return Infinity
	}
	return int((r*r*r + 0x20000) / 0x40000)
}

// fitnessOf is the fitness class of a line with badness b that is stretched
// (d > 0) or not.
func fitnessOf(b int, stretched bool) int {
	switch {
	case stretched && b > 99:
		return VeryLoose
	case stretched && b > 12:
		return Loose
	case !stretched && b > 12:
		return Tight
	}
	return Decent
}

// judge evaluates a line with adjustment d (measure − natural width),
// total stretch st and total shrink sh: its badness, fitness class and
// whether it is overfull (cannot shrink enough).
func judge(d, st, sh units.Length) (b, fit int, overfull bool) {
	switch {
	case d > 0:
		b = badness(d, st)
		return b, fitnessOf(b, true), false
	case d < 0:
		if -d > sh {
			return Infinity, Tight, true
		}
		b = badness(-d, sh)
		return b, fitnessOf(b, false), false
	}
	return 0, Decent, false
}

// lineDemerits is TeX's demerits of a line of badness b ending at a break
// with penalty pi (§859), without the hyphen and fitness terms.
func lineDemerits(linePenalty int64, b int, pi int) int64 {
	d := linePenalty + int64(b)
	if d >= 10000 || d <= -10000 {
		d = 100000000
	} else {
		d *= d
	}
	return d + penaltyDemerits(pi)
}

// penaltyDemerits is the break's own term of the demerits: +π² for a
// positive penalty, −π² for a negative one short of a forced break.
func penaltyDemerits(pi int) int64 {
	switch {
	case pi > 0:
		return int64(pi) * int64(pi)
	case pi < 0 && pi > -Infinity:
		return -int64(pi) * int64(pi)
	}
	return 0
}

// extendedBadness is 100·(t/s)³ without TeX's cap, for lines stretched
// past badness 10000. It stops at 3·10⁶ (a line stretched about 31 times
// its stretchability), so that the demerits of even a thousand such lines
// stay far inside int64. Integer steps keep it the same on every machine.
func extendedBadness(t, s units.Length) int64 {
	const ceiling = 3_000_000
	if s <= 0 {
		return ceiling
	}
	// r = 100·t/s in hundredths; 100·r³ = r³/10⁴.
	if t/s > 31 {
		return ceiling
	}
	r := int64(t) * 100 / int64(s)
	return min(r*r*r/10000, ceiling)
}

// rescueDemerits is lineDemerits for a badness that may exceed Infinity.
func rescueDemerits(linePenalty, b int64, pi int) int64 {
	if b <= Infinity {
		return lineDemerits(linePenalty, int(b), pi)
	}
	d := linePenalty + b
	return d*d + penaltyDemerits(pi)
}

// split divides the adjustment d of a line between its glue and its boxes.
// ExpandWithGlue shares it in proportion to their capacities, as pdfTeX's
// font expansion does (boxes never beyond their capacity). ExpandLast
// follows the strict H&J order: the glue first, up to its own stretch (or
// shrink), then the boxes up to their capacity, and any remainder again to
// the glue (stretching beyond ratio 1; glue never shrinks beyond its
// shrink). The capacities are taken as zero if negative. over > 0 is what
// could not be absorbed when shrinking.
func split(d, glueSt, glueSh, boxSt, boxSh units.Length, mode Expansion) (glue, box, over units.Length) {
	if mode == ExpandWithGlue {
		g, bx := max(glueSt, 0), max(boxSt, 0)
		if d < 0 {
			g, bx = max(glueSh, 0), max(boxSh, 0)
		}
		if d < 0 && -d > g+bx {
			return -g, -bx, -d - g - bx
		}
		if g+bx == 0 {
			return 0, 0, 0
		}
		b := units.Length(int64(d) * int64(bx) / int64(g+bx))
		if d > 0 && b > bx {
			b = bx
		}
		return d - b, b, 0
	}
	g, bx := max(glueSt, 0), max(boxSt, 0)
	if d < 0 {
		g, bx = max(glueSh, 0), max(boxSh, 0)
	}
	switch {
	case d > 0 && d <= g:
		return d, 0, 0
	case d > 0 && d-g <= bx:
		return g, d - g, 0
	case d > 0:
		if g > 0 {
			return d - bx, bx, 0
		}
		return 0, bx, 0 // nothing can take the rest: underfull
	case d < 0 && -d <= g:
		return d, 0, 0
	case d < 0 && -d-g <= bx:
		return -g, d + g, 0
	case d < 0:
		return -g, -bx, -d - g - bx
	}
	return 0, 0, 0
}
