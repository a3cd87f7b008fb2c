package shape

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"pressroom.dev/fonts"
	"pressroom.dev/typeset/units"
)

func serif(t testing.TB) *Face {
	t.Helper()
	f, err := NewFonts("").Open("PTSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFaceMetrics(t *testing.T) {
	f := serif(t)
	if f.Name != "PTSerif-Regular" || f.Upem != 1000 {
		t.Errorf("name %q upem %d", f.Name, f.Upem)
	}
	if f.Ascender <= 0 || f.Descender >= 0 || f.CapHeight <= 0 || f.CapHeight >= f.Ascender {
		t.Errorf("metrics asc %d desc %d cap %d", f.Ascender, f.Descender, f.CapHeight)
	}
	// PT Serif's space is 243/1000 em: 2.187pt at 9pt.
	if got := f.SpaceWidth(9 * units.Pt); got != units.FromPt(9*0.243) {
		t.Errorf("space at 9pt = %v", got)
	}
}

func TestKerning(t *testing.T) {
	s := NewShaper()
	f := serif(t)
	av := Width(s.Shape(f, "AV", Default))
	a := Width(s.Shape(f, "A", Default))
	v := Width(s.Shape(f, "V", Default))
	if av >= a+v {
		t.Errorf("AV = %d, A+V = %d: no kerning", av, a+v)
	}
	if plain := Width(s.Shape(f, "AV", Liga)); plain != a+v {
		t.Errorf("AV without kerning = %d, want %d", plain, a+v)
	}
}

func TestLigature(t *testing.T) {
	s := NewShaper()
	f := serif(t)
	gs := s.Shape(f, "office", Default)
	if len(gs) != 5 {
		t.Fatalf("office shaped to %d glyphs, want 5 (o, f, fi, c, e)", len(gs))
	}
	fi := gs[2]
	if fi.Code != 'ﬁ' || fi.Start != 2 || fi.End != 4 {
		t.Errorf("fi ligature = %+v, want code U+FB01 over bytes 2..4", fi)
	}
	if gs := s.Shape(f, "office", Kern); len(gs) != 6 {
		t.Errorf("without liga: %d glyphs", len(gs))
	}
	for _, g := range s.Shape(f, "Zürich Łódź", Default) {
		if g.Code == 0 || g.ID == 0 {
			t.Errorf("glyph without code: %+v", g)
		}
	}
}

func TestMissingAndCache(t *testing.T) {
	s := NewShaper()
	f := serif(t)
	gs := s.Shape(f, "a\u0E01b", Default) // Thai ko kai: not in PT Serif
	if gs[1].ID != 0 {
		t.Errorf("Thai letter got glyph %d", gs[1].ID)
	}
	if m := s.Missing(); len(m) != 1 || m[0] != '\u0E01' {
		t.Errorf("missing = %q", m)
	}
	a := s.Shape(f, "cached", Default)
	b := s.Shape(f, "cached", Default)
	if &a[0] != &b[0] {
		t.Error("second shaping of a word did not come from the cache")
	}
}

func BenchmarkShapeCached(b *testing.B) {
	s := NewShaper()
	f := serif(b)
	words := []string{"the", "harbour", "tunnel", "opened", "officially", "on", "Thursday"}
	for b.Loop() {
		for _, w := range words {
			s.Shape(f, w, Default)
		}
	}
}

// TestWithoutLigatures: a word shaped without ligatures, taken from its
// cached shaping with them when that formed none, is what HarfBuzz gives
// for it, in every bundled face, over the paragraph tests' news corpus.
func TestWithoutLigatures(t *testing.T) {
	data, err := os.ReadFile("../paragraph/testdata/news.txt")
	if err != nil {
		t.Skip(err)
	}
	words := map[string]bool{"office": true, "fluffy": true, "Æsop": true, "naïve": true, "—": true}
	for _, w := range strings.Fields(string(data)) {
		words[w] = true
	}
	files, _ := fs.Glob(fonts.FS, "*.ttf")
	derived := 0
	for _, file := range files {
		f, err := NewFonts("").Open(file)
		if err != nil {
			t.Fatal(err)
		}
		cached, fresh := NewShaper(), NewShaper()
		for w := range words {
			cached.Shape(f, w, Default)
			got := cached.Shape(f, w, Kern)
			if cached.withoutLigatures(f, w, Kern) != nil {
				derived++
			}
			if want := fresh.Shape(f, w, Kern); !slices.Equal(got, want) {
				t.Errorf("%s %q: %v, want %v", file, w, got, want)
			}
		}
	}
	if derived == 0 {
		t.Error("no shaping was taken from the cache")
	}
}
