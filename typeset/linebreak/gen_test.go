package linebreak

import (
	"math/rand/v2"

	"pressroom.dev/typeset/units"
)

// Synthetic but realistic news paragraphs for the benchmark and the large
// property tests: 9 pt PT Serif-like text.
//
//   - Word lengths follow English running text (mostly 2–5 letters, mean
//     about 4.7, up to 14).
//   - Letters are 2.5–6.7 pt wide (mean 4.6 pt, about half an em).
//   - One word in eight carries punctuation (a comma or full stop, 2.2 pt).
//   - The space is 2.2 pt, stretch 1.1 pt, shrink 0.7 pt.
//   - Box expansion: 2 % glyph scaling plus about 1 % letter spacing, so
//     boxes stretch and shrink by 3 % of their width.
//   - Words of five letters or more have hyphenation points, about one every
//     three letters, at least two letters from the start and three from the
//     end (Auto, flagged, penalty 50, hyphen 3 pt).
//   - A paragraph starts with a 9 pt indent and ends with AppendParagraphEnd.

// wordLengthWeights[i] is the relative frequency of words of i+1 letters.
var wordLengthWeights = [14]int{30, 170, 200, 160, 110, 90, 80, 60, 40, 30, 15, 8, 4, 3}

func wordLength(rng *rand.Rand) int {
	total := 0
	for _, w := range wordLengthWeights {
		total += w
	}
	r := rng.IntN(total)
	for i, w := range wordLengthWeights {
		if r < w {
			return i + 1
		}
		r -= w
	}
	return len(wordLengthWeights)
}

func letterWidth(rng *rand.Rand) units.Length {
	return units.FromPt(2.5) + units.Length(rng.IntN(int(units.FromPt(4.2))))
}

// genParagraph appends a paragraph of the given number of words to dst.
func genParagraph(rng *rand.Rand, words int, dst []Item) []Item {
	space := Item{Kind: Glue, Width: units.FromPt(2.2), Stretch: units.FromPt(1.1), Shrink: units.FromPt(0.7)}
	hyphen := Item{Kind: Penalty, Width: units.FromPt(3), Penalty: 50, Flagged: true, Auto: true}
	box := func(w units.Length) Item {
		return Item{Kind: Box, Width: w, Stretch: w * 3 / 100, Shrink: w * 3 / 100}
	}
	dst = append(dst, Item{Kind: Box, Width: units.FromPt(9)})
	for i := 0; i < words; i++ {
		if i > 0 {
			dst = append(dst, space)
		}
		n := wordLength(rng)
		var w units.Length
		last := 0 // letters since the last hyphenation point
		for k := 0; k < n; k++ {
			if n >= 5 && k >= 2 && k <= n-3 && k-last >= 2 && rng.IntN(3) == 0 {
				dst = append(dst, box(w), hyphen)
				w, last = 0, k
			}
			w += letterWidth(rng)
		}
		if rng.IntN(8) == 0 {
			w += units.FromPt(2.2)
		}
		dst = append(dst, box(w))
	}
	return AppendParagraphEnd(dst)
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }
