package linebreak

import "pressroom.dev/typeset/units"

// Kind says what an Item is.
type Kind uint8

// The kinds of item. Any other Kind value is treated as a Box.
const (
	// Box is material of fixed width that is never broken or discarded:
	// a word or a fragment of a word between hyphenation points.
	Box Kind = iota
	// Glue is a space. A line may end at a glue that immediately follows
	// a box; the glue is then discarded.
	Glue
	// Penalty is a possible breakpoint with a cost, and with the width of
	// the material (a hyphen) that appears at the end of the line only if
	// the line breaks there.
	Penalty
)

func (k Kind) String() string {
	switch k {
	case Box:
		return "box"
	case Glue:
		return "glue"
	case Penalty:
		return "penalty"
	}
	return "box?"
}

// Infinity is the penalty that forbids a break (Penalty >= Infinity); its
// negation forces one (Penalty <= -Infinity). It is also the badness of a
// line that is "infinitely bad": stretched beyond about 4.3 times its
// stretchability, or with nothing to stretch.
const Infinity = 10000

// Item is one element of a paragraph.
//
// Widths, stretch and shrink are meant to be non-negative, with shrink at
// most the width. Other values are accepted and never make Break panic, but
// the breaker then cannot rule out that an overfull line becomes good again
// further on, and stops pruning such lines: it stays correct but is slower.
// Totals beyond the int64 range (some 10¹⁴ pt) give meaningless, though
// still deterministic, results.
type Item struct {
	Kind Kind
	// Width is the natural width of a box or glue. For a penalty it is the
	// width of the material added to the line if the line breaks there
	// (a hyphen); it is ignored otherwise.
	Width units.Length
	// Stretch is, for glue, how much it may grow (badness 100 when it
	// grows by exactly this much). For a box it is the capacity of font
	// expansion and letter spacing of its glyphs, used as a last resort
	// after the glue's own stretch.
	Stretch units.Length
	// Shrink is, for glue, how much it may shrink at most; for a box, the
	// capacity of its glyphs to be condensed and tightened.
	Shrink units.Length
	// Penalty is the cost of breaking here (penalties only): >= Infinity
	// forbids the break, <= -Infinity forces it. TeX uses 50 for a
	// hyphenation point and for an explicit hyphen.
	Penalty int
	// Flagged marks a hyphenated break (penalties only): two flagged
	// breaks in a row cost DoubleHyphenDemerits, a flagged break ending the
	// penultimate line costs FinalHyphenDemerits, and at most
	// MaxConsecutiveHyphens lines in a row may end at one.
	Flagged bool
	// Auto marks a discretionary break inserted by the hyphenator
	// (penalties only). The first pass does not use these breaks.
	Auto bool
}

// isBox reports whether an item of kind k is box material (never
// discarded, never a breakpoint).
func isBox(k Kind) bool { return k != Glue && k != Penalty }

// FillStretch is the stretchability of the glue that AppendParagraphEnd puts
// at the end of a paragraph (TeX's \parfillskip, 0pt plus 1fil). It is finite
// but so large (2^40 sp, about 16.8 million pt) that the last line has
// badness 0 and the interword glue of that line receives, when set, a share
// of its shortfall below one scaled point per space and column width: in
// effect none of it.
const FillStretch units.Length = 1 << 40

// AppendParagraphEnd appends TeX's paragraph ending to items and returns the
// extended slice: a penalty forbidding a break (so the fill glue is not
// a breakpoint), glue of width 0 and stretch FillStretch that fills the last
// line, and a forced break.
//
// Do not put a forced break of your own just before it: after a break, the
// glue up to the next box is discarded, so that line would lose its fill
// and an empty, infinitely bad last line would be made (as in TeX).
func AppendParagraphEnd(items []Item) []Item {
	return append(items,
		Item{Kind: Penalty, Penalty: Infinity},
		Item{Kind: Glue, Stretch: FillStretch},
		Item{Kind: Penalty, Penalty: -Infinity},
	)
}
