package linebreak

import "pressroom.dev/typeset/units"

// Params are the knobs of the line breaker. The names and meanings are TeX's.
type Params struct {
	// Pretolerance is the badness limit of the first pass, which does not
	// break at the hyphenator's (Auto) penalties. -1 skips that pass.
	Pretolerance int
	// Tolerance is the badness limit of the second pass, which may
	// hyphenate, and of the third.
	Tolerance int
	// EmergencyStretch, if positive, is added to the stretch of every line
	// in a third pass, run when the second pass finds no feasible breaks.
	// It changes only how badness is judged: the glue actually takes the
	// extra space when the line is set.
	EmergencyStretch units.Length
	// LinePenalty is added to each line's badness before squaring; it makes
	// fewer lines cheaper.
	LinePenalty int
	// AdjDemerits is charged when adjacent lines are of visually
	// incompatible tightness: their fitness classes differ by more than one.
	AdjDemerits int
	// DoubleHyphenDemerits is charged when two consecutive lines end at
	// flagged (hyphenated) breaks.
	DoubleHyphenDemerits int
	// FinalHyphenDemerits is charged when the penultimate line ends at
	// a flagged break.
	FinalHyphenDemerits int
	// Looseness asks for a paragraph that many lines longer (> 0) or shorter
	// (< 0) than the optimum, if that is feasible within the tolerance; the
	// nearest feasible line count is taken otherwise, and
	// Result.LoosenessMet tells which happened. As in TeX, a first pass that
	// cannot meet it is followed by the second. Unlike TeX, a paragraph
	// that only the last-resort pass can set gets its optimum, not
	// a looser or tighter setting.
	Looseness int
	// MaxConsecutiveHyphens is a hard limit: no more than this many lines in
	// a row may end at a flagged break (0 = no limit). Only a forced
	// flagged break may exceed it.
	MaxConsecutiveHyphens int
	// Expansion says how a line's adjustment is shared between the glue
	// and the boxes' expansion capacity once the breaks are chosen (the
	// badness always counts both).
	Expansion Expansion
}

// Expansion is a way of sharing a line's adjustment between word spaces
// and the glyphs' expansion (letter spacing, glyph scaling).
type Expansion uint8

const (
	// ExpandWithGlue shares in proportion to their capacities, as pdfTeX's
	// font expansion does: every line takes a little of each, so word
	// spaces vary least from line to line. The limits (±2 % glyph scale,
	// ±3 % of a space between letters) keep the expansion invisible.
	ExpandWithGlue Expansion = iota
	// ExpandLast lets the glue take the adjustment up to its own stretch
	// or shrink first and the glyphs only beyond that: expansion as a last
	// resort, as some houses prefer.
	ExpandLast
)

// DefaultParams returns parameters for 9 pt text in 40–60 mm newspaper
// columns.
//
//   - Pretolerance 100 (TeX's): a paragraph whose every line is set within
//     its designed flexibility (badness 100 means stretched by exactly the
//     stretch) is set without hyphenating. In a narrow column this rarely
//     succeeds (2 % of the benchmark paragraphs at 55 mm, none at 40 mm),
//     but trying costs little: a failing first pass usually dies early,
//     when its last active break does (the benchmark runs about as fast
//     with it as with -1).
//   - Tolerance 1000 (TeX: 200): badness 1000 is a ratio of about 2.15 of
//     the line's combined flexibility. A 40–60 mm measure holds only 3–8
//     spaces, so one syllable too many or too few moves the ratio a lot; at
//     200 most paragraphs would have no setting within tolerance at all (on
//     the benchmark corpus: 57 % at 55 mm, 99 % at 40 mm; at 1000: 11 % and
//     74 %). The tolerance hardly changes the lines chosen (the last-resort
//     pass finds the same optimum), but it is the line between a setting the
//     caller need not worry about (passes 1 and 2) and one to check (pass 3),
//     and the limit within which Looseness may act.
//   - EmergencyStretch 0 (TeX's default). TeX needs emergency stretch to
//     avoid overfull lines; this breaker's last-resort pass already finds
//     the best setting without overfull lines, judged by true badness.
//     Emergency stretch flattens the badness of loose lines, so the
//     optimum cares less about spacing and more about penalties: on the
//     benchmark corpus at 40 mm, 13.5 pt (1.5 em) cut hyphenated lines from
//     24.5 % to 18.6 % but nearly doubled the lines of badness over 3000
//     (a glue ratio above 3.1). Set it if fewer hyphens matter more.
//   - LinePenalty 10 (TeX's): a small preference for fewer lines.
//   - AdjDemerits 10000 (plain TeX's): a very loose line next to a decent
//     or tight one costs as much as a line of badness 90, which is visible
//     as a "river" of light between dense lines.
//   - DoubleHyphenDemerits 10000 (plain TeX's) and FinalHyphenDemerits
//     5000 (plain TeX's): avoid hyphen stacks and a hyphen in the last full
//     line, but less strongly than a line of terrible spacing.
//   - Looseness 0: the optimum.
//   - MaxConsecutiveHyphens 2 (TeX has none): newspaper and house styles
//     allow two, sometimes three, hyphens in a row; narrow columns hyphenate
//     often, so demerits alone do not prevent ladders of hyphens.
func DefaultParams() Params {
	return Params{
		Pretolerance:          100,
		Tolerance:             1000,
		EmergencyStretch:      0,
		LinePenalty:           10,
		AdjDemerits:           10000,
		DoubleHyphenDemerits:  10000,
		FinalHyphenDemerits:   5000,
		Looseness:             0,
		MaxConsecutiveHyphens: 2,
	}
}
