package paragraph

import (
	"os"
	"strings"
	"testing"

	"pressroom.dev/typeset/hyphenate"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

type hyphOpts struct {
	h   *hyphenate.Hyphenator
	buf []int
}

func (w *hyphOpts) Points(word string) ([]int, int) {
	w.buf = w.h.PointsAppend(w.buf[:0], word, hyphenate.DefaultOptions())
	return w.buf, 0
}

// BenchmarkSetCorpus measures the whole paragraph stage — shaping (with
// its cache), hyphenation and Knuth–Plass — over generated news text at a
// 55 mm measure, one core. It reports words per second.
func BenchmarkSetCorpus(b *testing.B) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	words := 0
	for _, p := range paras {
		words += len(strings.Fields(p))
	}
	f := testFont(b)
	h, err := hyphenate.Load("en-US")
	if err != nil {
		b.Fatal(err)
	}
	s := NewSetter(shape.NewShaper(), &hyphOpts{h: h})
	s.Protrusion = map[rune]int{'-': 700, ',': 700, '.': 700}
	width := []units.Length{units.FromMm(55)}
	specs := make([]Spec, len(paras))
	for i, p := range paras {
		specs[i] = Spec{Runs: []Run{{Text: p, Font: f}}, Align: Justify, Indent: 9 * units.Pt, Hyphenate: true}
	}
	b.ResetTimer()
	for b.Loop() {
		for i := range specs {
			s.Set(&specs[i], width)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
