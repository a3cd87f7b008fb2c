package compose

import "testing"

// TestGeneratedEditions makes up the benchmark generator's 16- and
// 64-page editions (seed 1) and holds them to what the desk asks of a
// finished edition: every story placed and nothing overset; in the
// 16-page one, also no unplanned hole deeper than two body lines on any
// page (the report's holes; the 64-page one still has a few). It needs
// python3 and ../shared/bench/corpus; without them it is skipped.
func TestGeneratedEditions(t *testing.T) {
	if testing.Short() {
		t.Skip("makes up 80 pages")
	}
	for _, pages := range []int{16, 64} {
		stories := benchStoriesT(t, pages)
		k := testKit(t)
		_, rep, err := k.MakeUp(stories, nil, testEdition)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Articles) != len(stories) {
			t.Errorf("%d pages: %d of %d stories in the report", pages, len(rep.Articles), len(stories))
		}
		for _, a := range rep.Articles {
			if len(a.Pages) == 0 {
				t.Errorf("%d pages: %s not placed", pages, a.Slug)
			}
			if a.OversetLines > 0 {
				t.Errorf("%d pages: %s overset by %d lines", pages, a.Slug, a.OversetLines)
			}
		}
		for _, p := range rep.Pages {
			if pages > 16 {
				break
			}
			for _, h := range p.Holes {
				t.Errorf("%d pages: page %d, column %d, line %d: a hole of %d lines", pages, p.Number, h.Col, h.Line, h.Lines)
			}
		}
	}
}
