package display

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// TestGlyphSize: an edition holds about a million glyphs, several times
// over while the make-up tries settings; a field more must not make each
// one bigger unnoticed.
func TestGlyphSize(t *testing.T) {
	if n := unsafe.Sizeof(Glyph{}); n > 16 {
		t.Errorf("a Glyph is %d bytes, want at most 16", n)
	}
}

// TestAltAt walks the alternative texts of a run in glyph order.
func TestAltAt(t *testing.T) {
	run := &Text{Glyphs: make([]Glyph, 6), Alt: []AltText{{Glyph: 1, Text: "fi"}, {Glyph: 4}}}
	var got []string
	k := 0
	for i := range run.Glyphs {
		var s string
		var ok bool
		s, ok, k = run.AltAt(i, k)
		if ok {
			got = append(got, fmt.Sprintf("%d:%q", i, s))
		}
	}
	if want := `1:"fi" 4:""`; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}
