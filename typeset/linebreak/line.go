package linebreak

import (
	"math/bits"

	"pressroom.dev/typeset/units"
)

// Line is one line of a broken paragraph.
type Line struct {
	// Items [Start, End) form the line. Start is the first item kept
	// after the discardable glue and penalties that follow the previous
	// break (0 for the first line). End is the index of the break item:
	// it is not part of the line, except that a penalty's Width (a hyphen)
	// is added at the end. For the implicit break after a list that does
	// not end in a forced break, End == len(items).
	Start, End int
	// Width is the measure of this line.
	Width units.Length
	// Natural is the natural width of items [Start, End) plus the width of
	// the penalty broken at.
	Natural units.Length
	// Flexibility of the line: the glue's stretch and shrink and the boxes'
	// expansion capacity.
	GlueStretch, GlueShrink, BoxStretch, BoxShrink units.Length
	// Adjust is Width − Natural: > 0 to stretch, < 0 to shrink.
	Adjust units.Length
	// GlueShare and BoxShare are how much of Adjust the glue and the boxes
	// take: the glue up to its stretch (shrink) first, then the boxes up to
	// theirs, then the glue again beyond its stretch. They add up to Adjust
	// unless the line is overfull (see Overfull) or has to stretch with no
	// glue stretch left to do it (underfull).
	GlueShare, BoxShare units.Length
	// Badness is TeX's badness of the adjustment against the combined
	// flexibility (in pass 3 counting the emergency stretch, as the breaker
	// did); Infinity if overfull or stretched with nothing to stretch.
	Badness int
	// Fitness is the line's class: VeryLoose (0), Loose, Decent, Tight (3).
	Fitness int
	// Hyphenated is set if the line ends at a flagged penalty.
	Hyphenated bool
	// Overfull, if positive, is how much too wide the line is after all
	// glue and boxes have been shrunk as far as they go.
	Overfull units.Length
}

// Result is a broken paragraph.
type Result struct {
	Lines []Line
	// Demerits is the total of the lines' demerits (a line made only because
	// nothing else could be done costs none, as in TeX).
	Demerits int64
	// Pass is the pass that produced the lines: 1 (Pretolerance, no Auto
	// breaks), 2 (Tolerance) or 3 (the emergency pass: EmergencyStretch
	// added to every line, and if even that finds nothing, any line that is
	// not overfull is accepted, and overfull lines are made only where no
	// setting without them exists). 0 only for an empty item list.
	Pass int
	// LoosenessMet reports whether the paragraph has exactly Looseness lines
	// more (or fewer) than the optimum of its pass. It is true whenever
	// Looseness is 0, and false for any other Looseness in the last-resort
	// pass, which does not apply it.
	LoosenessMet bool
}

// result builds the lines for the breaks in b.chain.
func (b *Breaker) result(pass int, emerg units.Length) Result {
	items := b.items
	res := Result{Lines: make([]Line, len(b.chain)), Demerits: b.demerits, Pass: pass, LoosenessMet: b.met}
	prevEnd := int32(-1)
	for k, end := range b.chain {
		start := int32(0)
		if prevEnd >= 0 {
			start = min(b.nextBox[prevEnd+1], end)
		}
		w := b.widths[min(k, len(b.widths)-1)]
		res.Lines[k] = makeLine(items, int(start), int(end), w, emerg, b.p.Expansion)
		prevEnd = end
	}
	return res
}

// makeLine measures the line of items [start, end) broken at end.
func makeLine(items []Item, start, end int, width, emerg units.Length, mode Expansion) Line {
	l := Line{Start: start, End: end, Width: width}
	for _, it := range items[start:end] {
		switch it.Kind {
		case Penalty:
		case Glue:
			l.Natural += it.Width
			l.GlueStretch += it.Stretch
			l.GlueShrink += it.Shrink
		default:
			l.Natural += it.Width
			l.BoxStretch += it.Stretch
			l.BoxShrink += it.Shrink
		}
	}
	if end < len(items) && items[end].Kind == Penalty {
		l.Natural += items[end].Width
		l.Hyphenated = items[end].Flagged
	}
	l.Adjust = l.Width - l.Natural
	l.GlueShare, l.BoxShare, _ = split(l.Adjust, l.GlueStretch, l.GlueShrink, l.BoxStretch, l.BoxShrink, mode)
	var over bool
	l.Badness, l.Fitness, over = judge(l.Adjust, l.GlueStretch+l.BoxStretch+emerg, l.GlueShrink+l.BoxShrink)
	if over {
		l.Overfull = -l.Adjust - l.GlueShrink - l.BoxShrink
	}
	return l
}

// GlueWidths returns the set width of each item of the line, appended to
// dst[:0]: entry i is for items[l.Start+i]; glue gets its natural width plus
// its share of GlueShare, in proportion to its stretch (or its shrink when
// GlueShare < 0), other items 0. Share k is the difference of the running
// totals ⌊c_k·|GlueShare|/C⌋ − ⌊c_(k−1)·|GlueShare|/C⌋, where c_k is the
// stretch of the first k glues and C of all of them (exact 128-bit integer
// arithmetic): each share is within one scaled point of its exact value,
// the shares add up to GlueShare exactly, and the result is the same on
// every machine. So whenever GlueShare + BoxShare == Adjust, the glue set
// widths, the boxes' widths plus their BoxExtra, and the hyphen (the
// Width of a penalty at End) add up exactly to Width.
// items must be the slice the line was broken from.
func (l Line) GlueWidths(items []Item, dst []units.Length) []units.Length {
	return l.distribute(items, dst, Glue, l.GlueShare)
}

// BoxExtra returns the extra width each box of the line takes from
// BoxShare, appended to dst[:0]: entry i is for items[l.Start+i], 0 for items
// that are not boxes. A box's share is in proportion to its Stretch (or
// Shrink when BoxShare < 0), rounded as in GlueWidths so that the entries add
// up to BoxShare exactly. The renderer turns a box's extra width into font
// expansion and letter spacing.
func (l Line) BoxExtra(items []Item, dst []units.Length) []units.Length {
	return l.distribute(items, dst, Box, l.BoxShare)
}

// distribute shares out among the items of kind k (any non-glue,
// non-penalty kind counting as Box) in proportion to their flexibility.
// Glue entries are the set width; box entries only the extra.
func (l Line) distribute(items []Item, dst []units.Length, k Kind, share units.Length) []units.Length {
	dst = dst[:0]
	seg := items[l.Start:l.End]
	match := func(it *Item) bool {
		if k == Glue {
			return it.Kind == Glue
		}
		return isBox(it.Kind)
	}
	capacity := func(it *Item) uint64 {
		c := it.Stretch
		if share < 0 {
			c = it.Shrink
		}
		return uint64(max(c, 0))
	}
	// The total flexibility; capacities are halved until it fits in 64
	// bits (only absurd lengths need that).
	var total uint64
	shift := uint(0)
	for {
		total = 0
		overflow := false
		for i := range seg {
			if match(&seg[i]) {
				var carry uint64
				total, carry = bits.Add64(total, capacity(&seg[i])>>shift, 0)
				overflow = overflow || carry != 0
			}
		}
		if !overflow {
			break
		}
		shift++
	}
	mag := uint64(share)
	if share < 0 {
		mag = -mag
	}
	// The cumulative share after each item is ⌊cum·|share|/total⌋, so the
	// increments add up to |share| exactly. 128-bit products keep it exact
	// for any lengths (cum <= total, so the quotient fits).
	var cum, done uint64
	for i := range seg {
		it := &seg[i]
		if !match(it) {
			dst = append(dst, 0)
			continue
		}
		var w units.Length
		if k == Glue {
			w = it.Width
		}
		if total > 0 && mag > 0 {
			cum += capacity(it) >> shift
			hi, lo := bits.Mul64(cum, mag)
			q, _ := bits.Div64(hi, lo, total)
			step := units.Length(q - done)
			done = q
			if share < 0 {
				step = -step
			}
			w += step
		}
		dst = append(dst, w)
	}
	return dst
}
