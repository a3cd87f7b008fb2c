package display

import (
	"testing"
	"unsafe"
)

// TestGlyphSize: an edition holds about a million glyphs, several times
// over while the make-up tries settings; a field more must not make each
// one bigger unnoticed.
func TestGlyphSize(t *testing.T) {
	if n := unsafe.Sizeof(Glyph{}); n > 32 {
		t.Errorf("a Glyph is %d bytes, want at most 32", n)
	}
}
