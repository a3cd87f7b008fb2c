package hyphenate

import (
	"strings"
	"testing"
)

// BenchmarkPoints hyphenates the words of a synthetic news edition
// (testdata/words-en.txt: names, numbers and punctuation-stripped tokens
// in text order) with the newspaper defaults. One op is one word.
func BenchmarkPoints(b *testing.B) {
	benchWords(b, "en-US", readLines(b, "testdata/words-en.txt"), DefaultOptions())
}

// BenchmarkPointsLower hyphenates the same words lower-cased, with no
// word too short: every word goes through the patterns.
func BenchmarkPointsLower(b *testing.B) {
	var words []string
	for _, w := range readLines(b, "testdata/words-en.txt") {
		words = append(words, strings.ToLower(w))
	}
	benchWords(b, "en-US", words, Options{MinWordLength: 1})
}

// BenchmarkPointsGerman hyphenates the German test words (many long
// compounds) against the largest pattern set.
func BenchmarkPointsGerman(b *testing.B) {
	var words []string
	for _, w := range readLines(b, "testdata/tex-de.txt") {
		words = append(words, strings.ReplaceAll(w, "-", ""))
	}
	benchWords(b, "de", words, Options{MinWordLength: 1})
}

// BenchmarkPointsNewSlice is BenchmarkPoints through Points, which
// allocates the result.
func BenchmarkPointsNewSlice(b *testing.B) {
	h := mustLoad(b, "en-US")
	words := readLines(b, "testdata/words-en.txt")
	opt := DefaultOptions()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = h.Points(words[i%len(words)], opt)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func benchWords(b *testing.B, lang string, words []string, opt Options) {
	h := mustLoad(b, lang)
	var dst []int
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		dst = h.PointsAppend(dst[:0], words[i%len(words)], opt)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkLoad(b *testing.B) {
	for _, lf := range langFiles {
		b.Run(lf.tag, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(lf.tag); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkURLBreaks(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = URLBreaks("https://www.statistics-office.gov/annual-review/energy-outlook")
	}
}
