package paragraph

import (
	"os"
	"strings"
	"testing"

	"pressroom.dev/typeset/hyphenate"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Copyfitting pours columns from measurements alone: a measurement must
// give the same lines, and the same hyphenated line ends, as setting the
// paragraph does, at every looseness.
func TestMeasureAgreesWithSet(t *testing.T) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	if len(paras) > 60 {
		paras = paras[:60]
	}
	f := testFont(t)
	h, err := hyphenate.Load("en-US")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSetter(shape.NewShaper(), &hyphOpts{h: h})
	width := []units.Length{units.FromMm(40)}
	hyphens := 0
	for i, p := range paras {
		for _, loose := range []int{-1, 0, 1} {
			spec := Spec{Runs: []Run{{Text: p, Font: f}}, Align: Justify, Hyphenate: true, ID: uint64(i + 1), Looseness: loose}
			m := s.Measure(&spec, width)
			r := s.Set(&spec, width)
			if m.Lines != len(r.Lines) || len(m.Hyphenated) != len(r.Lines) {
				t.Fatalf("paragraph %d looseness %d: measured %d lines (%d flags), set %d", i, loose, m.Lines, len(m.Hyphenated), len(r.Lines))
			}
			for j, l := range r.Lines {
				if m.Hyphenated[j] != l.Hyphenated {
					t.Errorf("paragraph %d looseness %d line %d: measured hyphen %v, set %v", i, loose, j, m.Hyphenated[j], l.Hyphenated)
				}
				if l.Hyphenated {
					hyphens++
				}
			}
		}
	}
	if hyphens == 0 {
		t.Error("no line ended on a hyphen: the test does not test the flags")
	}
}
