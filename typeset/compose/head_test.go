package compose

import (
	"testing"

	"pressroom.dev/typeset/units"
)

// TestHeadlineFillsWidth sets the sample headlines across two to five
// columns at every size of the scale: a headline of more than one line is
// never narrower than balancing its lines would make it, and mostly
// wider (white beside a headline reads as a hole); a lone word on its
// last line never happens.
func TestHeadlineFillsWidth(t *testing.T) {
	k := testKit(t)
	sizes := k.Style.Type.Headline.Sizes
	multi, filled := 0, 0
	for _, s := range sampleStories(t) {
		for cols := 2; cols <= 5; cols++ {
			w := k.Style.Span(cols)
			for _, size := range sizes {
				b := k.headline(s.Article.Headline, size, w)
				n := len(b.lines)
				if n < 2 {
					continue
				}
				multi++
				if b.lines[n-1].Words < 2 {
					t.Errorf("%s at %v over %d columns: a lone word on the last line", s.Article.Slug, size, cols)
				}
				var widest units.Length
				for _, l := range b.lines {
					widest = max(widest, l.Used)
				}
				if widest > w {
					t.Errorf("%s at %v over %d columns: a line of %v in %v", s.Article.Slug, size, cols, widest, w)
				}
				bal := k.setHeadline(s.Article.Headline, size, k.narrowest(s.Article.Headline, size, n, w/2, w))
				var balWidest units.Length
				for _, l := range bal.lines {
					balWidest = max(balWidest, l.Used)
				}
				if widest < balWidest {
					t.Errorf("%s at %v over %d columns: %v wide, balanced %v", s.Article.Slug, size, cols, widest, balWidest)
				}
				if widest > balWidest+units.Pt {
					filled++
				}
			}
		}
	}
	if multi == 0 || filled < multi/3 {
		t.Errorf("%d of %d multi-line headlines wider than balanced", filled, multi)
	}
	t.Logf("%d of %d multi-line headlines wider than balanced", filled, multi)
}
