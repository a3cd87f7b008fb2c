// Package linebreak chooses where the lines of a paragraph end, with the
// Knuth–Plass "total fit" algorithm (D. E. Knuth and M. F. Plass, Breaking
// Paragraphs into Lines, 1981; TeX: The Program §813–890), tuned for narrow
// newspaper columns.
//
// # Model
//
// A paragraph is a list of Items: Boxes (material of fixed width, here word
// fragments), Glue (the spaces, which may stretch and shrink) and Penalties
// (places where a break is allowed, encouraged, discouraged or forced, with
// the width of a hyphen if the break happens there). A line may end at
// a glue that follows a box (the glue then disappears) or at any penalty
// below Infinity. After a break, the glue and penalties at the start of the
// next line are discarded up to the next box.
//
// For every candidate line the breaker compares the natural width of its
// material with the measure. The difference is spread over the line's
// flexibility and gives the line a badness, about 100·r³ where r is the
// fraction of the flexibility used (TeX's integer approximation, at most
// 10000). A line is feasible when it is not overfull and its badness is
// within the tolerance of the pass. Each feasible line costs demerits:
// (LinePenalty + badness)² plus the square of the penalty broken at, plus
// extras for two hyphenated lines in a row, a hyphenated penultimate line
// and adjacent lines of visually incompatible tightness. Among all ways to
// set the paragraph with feasible lines the breaker returns one of least
// total demerits — the optimum over the whole paragraph, not line by line —
// by dynamic programming over "active" breakpoints, as TeX does.
//
// Passes follow TeX: a first pass without the hyphenator's breaks (Auto
// penalties) and a strict tolerance, a second with hyphenation, a third
// with emergency stretch, and a last resort that accepts any line that is
// not overfull and makes overfull lines only where nothing else can be done.
// Breaking is deterministic: all decisions use integer arithmetic.
//
// # Expansion
//
// Besides glue, boxes may carry stretch and shrink: the capacity of
// font expansion and letter spacing of their glyphs. That capacity counts in
// the badness (so the breaker may pick better breaks), but when a line is set
// the glue takes the adjustment first, up to its own stretch or shrink, the
// boxes take what the glue cannot, up to their capacity, and only what is
// left again goes to the glue, beyond its stretch. Line.GlueShare and
// Line.BoxShare record the split; Line.GlueWidths and Line.BoxExtra turn
// it into exact per-item widths.
//
// # Ending a paragraph
//
// As in TeX, a paragraph ends with
//
//	Penalty{Infinity}, Glue{0 width, FillStretch}, Penalty{-Infinity}
//
// (AppendParagraphEnd appends them): the last line is filled with the
// "parfillskip" instead of being stretched to the measure. If the list does
// not end in a forced break, Break acts as if there were one just after the
// last item, with no fill: the last line is then set to the measure.
package linebreak
