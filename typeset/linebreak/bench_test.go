package linebreak

import (
	"fmt"
	"testing"

	"pressroom.dev/typeset/units"
)

// benchCorpus is a fixed set of 500 synthetic news paragraphs of 40–200
// words (see gen_test.go), and the number of words in each.
func benchCorpus() (paras [][]Item, words []int) {
	rng := newRand(2026)
	for i := 0; i < 500; i++ {
		n := 40 + rng.IntN(161)
		paras = append(paras, genParagraph(rng, n, nil))
		words = append(words, n)
	}
	return paras, words
}

// BenchmarkBreak breaks the corpus paragraph by paragraph (one paragraph
// per op) with one Breaker, at a 55 mm and a 40 mm measure, and reports
// words per second and the share of paragraphs that needed the last pass.
func BenchmarkBreak(b *testing.B) {
	paras, counts := benchCorpus()
	for _, mm := range []float64{55, 40} {
		b.Run(fmt.Sprintf("%gmm", mm), func(b *testing.B) {
			widths := []units.Length{units.FromMm(mm)}
			p := DefaultParams()
			var br Breaker
			var passes [4]int
			words, i := 0, 0
			b.ReportAllocs()
			for b.Loop() {
				r := br.Break(paras[i], p, widths)
				passes[r.Pass]++
				words += counts[i]
				if i++; i == len(paras) {
					i = 0
				}
			}
			n := passes[1] + passes[2] + passes[3]
			b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
			b.ReportMetric(100*float64(passes[3])/float64(n), "%pass3")
		})
	}
}
