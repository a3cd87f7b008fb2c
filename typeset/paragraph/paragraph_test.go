package paragraph

import (
	"strings"
	"testing"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

func testFont(t testing.TB) *Font {
	t.Helper()
	lib := shape.NewFonts("")
	open := func(n string) *shape.Face {
		f, err := lib.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	return &Font{
		Regular: open("PTSerif-Regular.ttf"), Italic: open("PTSerif-Italic.ttf"),
		Bold: open("PTSerif-Bold.ttf"), BoldItalic: open("PTSerif-BoldItalic.ttf"),
		Size: 9 * units.Pt, Color: display.Black,
	}
}

const sample = "North Korean leader Kim Jong Un left Russia on Sunday after a six-day visit that included a rare summit with President Vladimir Putin and tours of sensitive military sites, as the two countries pledged to deepen their cooperation despite international concern over possible arms deals. Officials in Seoul said the office would publish details at https://www.example-ministry.gov/energy/report-2026 later."

func lineText(l Line) string {
	var b strings.Builder
	for _, r := range l.Runs {
		b.WriteString(r.String())
	}
	return b.String()
}

func TestJustifiedParagraph(t *testing.T) {
	f := testFont(t)
	s := NewSetter(shape.NewShaper(), nil)
	width := units.FromMm(55)
	res := s.Set(&Spec{Runs: []Run{{Text: "SEOUL, September 17 —", Font: f, Style: model.Strong}, {Text: " " + sample, Font: f}}, Align: Justify}, []units.Length{width})
	if len(res.Lines) < 8 {
		t.Fatalf("only %d lines", len(res.Lines))
	}
	var words []string
	for i, l := range res.Lines {
		txt := lineText(l)
		t.Logf("%2d %-60s used %v", i, txt, l.Used)
		if l.Overfull > 0 {
			t.Errorf("line %d overfull by %v", i, l.Overfull)
		}
		if i < len(res.Lines)-1 && l.Used != width {
			t.Errorf("line %d not justified: %v of %v", i, l.Used, width)
		}
		// The last glyph of a justified line must end at the measure.
		if i < len(res.Lines)-1 {
			last := l.Runs[len(l.Runs)-1]
			end := last.X + last.Advance()
			if d := end - width; d < -units.Pt/100 || d > units.Pt/2 {
				t.Errorf("line %d ends at %v, measure %v", i, end, width)
			}
		}
		words = append(words, txt)
	}
	// Every word of the source must come out, in order, once line-end
	// hyphens after added breaks are removed.
	joined := strings.Join(words, "\n")
	joined = strings.ReplaceAll(joined, "/\n", "/")
	joined = strings.ReplaceAll(joined, "-\n", "-")
	got := strings.Fields(joined)
	want := strings.Fields("SEOUL, September 17 — " + sample)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("text changed:\n got %q\nwant %q", strings.Join(got, " "), strings.Join(want, " "))
	}
	if res.Lines[0].Runs[0].Face != f.Bold {
		t.Error("dateline run-in is not bold")
	}
}

func TestRaggedAndCentered(t *testing.T) {
	f := testFont(t)
	s := NewSetter(shape.NewShaper(), nil)
	width := units.FromMm(40)
	for _, a := range []Align{Left, Center, Right} {
		res := s.Set(&Spec{Runs: []Run{{Text: sample, Font: f}}, Align: a}, []units.Length{width})
		for i, l := range res.Lines {
			if l.Used > width {
				t.Errorf("align %d line %d too wide", a, i)
			}
			x0 := l.Runs[0].X
			switch a {
			case Left:
				if x0 != 0 {
					t.Errorf("left line %d starts at %v", i, x0)
				}
			case Right:
				last := l.Runs[len(l.Runs)-1]
				if d := last.X + last.Advance() - width; d < -units.Pt/10 || d > units.Pt/10 {
					t.Errorf("right line %d ends %v from the edge", i, d)
				}
			}
			// Spaces are natural in ragged text: no gap wider than 1.2 spaces.
			_ = l
		}
	}
}

func TestIsURL(t *testing.T) {
	for w, want := range map[string]bool{
		"https://www.example.gov/a":                    true,
		"www.example.org":                              true,
		"data.harbourcity.org/tables/reports/reports,": true,
		"press@example-ministry.gov":                   true,
		"and/or":                                       false,
		"3.5/4":                                        true,
		"e.g.":                                         false,
		"U.S.":                                         false,
		"reports.climate-institute.org":                false,
	} {
		if got := isURL(w); got != want {
			t.Errorf("isURL(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestLeftProtrusion: a line that starts with an opening quote hangs it
// into the left margin by the style's share of its advance; lines that
// start with a letter start at the margin; the words and the justified
// right edge are the same as without protrusion.
func TestLeftProtrusion(t *testing.T) {
	f := testFont(t)
	text := "“Quotes open many of these sentences,” said one reporter. “They hang into the margin when a line starts with one,” said another, “and the column edge looks straight.” “Every line that starts with a quote shows it,” she added. “So does the first.”"
	width := units.FromMm(40)
	set := func(left map[rune]int) Result {
		s := NewSetter(shape.NewShaper(), nil)
		s.ProtrusionLeft = left
		return s.Set(&Spec{Runs: []Run{{Text: text, Font: f}}, Align: Justify}, []units.Length{width})
	}
	plain, hung := set(nil), set(map[rune]int{'“': 500})
	quoteAdv := f.Regular.Scale(shape.NewShaper().Shape(f.Regular, "“", shape.Kern)[0].Advance, f.Size)
	starts := 0
	var words []string
	for i, l := range hung.Lines {
		first := l.Runs[0]
		x := first.X + first.Glyphs[0].X
		txt := lineText(l)
		words = append(words, strings.Fields(txt)...)
		if strings.HasPrefix(txt, "“") {
			starts++
			if want := -quoteAdv / 2; x < want-units.FromPt(0.01) || x > want+units.FromPt(0.01) {
				t.Errorf("line %d %q starts at %v, want %v (half the quote hangs out)", i, txt, x, want)
			}
		} else if x != 0 {
			t.Errorf("line %d %q starts at %v, want 0", i, txt, x)
		}
		if i < len(hung.Lines)-1 && l.Used != width {
			t.Errorf("line %d not justified: %v of %v", i, l.Used, width)
		}
	}
	if starts < 2 {
		t.Fatalf("only %d lines start with a quote; the test text needs more", starts)
	}
	var want []string
	for _, l := range plain.Lines {
		want = append(want, strings.Fields(lineText(l))...)
	}
	if strings.Join(words, " ") != strings.Join(want, " ") {
		t.Errorf("the words differ with protrusion:\n%q\n%q", words, want)
	}
}
