// Package shape turns text into positioned glyphs: it loads the fonts a
// style names, shapes words with OpenType features (kerning, ligatures)
// through go-text/typesetting's HarfBuzz port, and caches the result per
// face, features and word, so that a word met again costs a map lookup.
//
// Glyph positions come out in font units (the face's units per em), which do
// not depend on the type size: one cached shaping serves every size.
package shape

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"pressroom.dev/typeset/units"
)

// Face is one font file, parsed once and shared read-only by every
// goroutine.
type Face struct {
	Name string // PostScript name, e.g. "PTSerif-Regular"
	File string // file name it was loaded from
	Data []byte // the font file, for embedding

	font *font.Font
	Upem int32

	// Vertical metrics in font units (descender is negative).
	Ascender, Descender, CapHeight, XHeight int32

	// codes maps each glyph to one code point the cmap gives it, so that an
	// output that addresses glyphs by Unicode (the PDF writer) can name it.
	codes map[font.GID]rune
	space int32   // advance of U+0020
	adv   []int32 // unshaped advance of every glyph
}

// ParseFace parses a TrueType/OpenType font file.
func ParseFace(file string, data []byte) (*Face, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not a font file: %v", file, err)
	}
	f, err := font.NewFont(ld)
	if err != nil {
		return nil, fmt.Errorf("%s: unusable font: %v", file, err)
	}
	face := &Face{File: file, Data: data, font: f, Upem: int32(f.Upem())}
	gf := font.NewFace(f)
	if ext, ok := gf.FontHExtents(); ok {
		face.Ascender = int32(ext.Ascender)
		face.Descender = int32(ext.Descender)
	}
	face.CapHeight = int32(gf.LineMetric(font.CapHeight))
	face.XHeight = int32(gf.LineMetric(font.XHeight))
	if face.CapHeight == 0 {
		face.CapHeight = face.Ascender * 7 / 10
	}
	face.codes = make(map[font.GID]rune)
	it := f.Cmap.Iter()
	for it.Next() {
		r, g := it.Char()
		if old, ok := face.codes[g]; !ok || r < old {
			face.codes[g] = r
		}
	}
	n := 0
	if maxp, err := ld.RawTable(ot.MustNewTag("maxp")); err == nil && len(maxp) >= 6 {
		n = int(maxp[4])<<8 | int(maxp[5])
	}
	face.adv = make([]int32, n)
	for g := 0; g < n; g++ {
		face.adv[g] = int32(gf.HorizontalAdvance(font.GID(g)))
	}
	if g, ok := f.NominalGlyph(' '); ok {
		face.space = int32(gf.HorizontalAdvance(g))
	} else {
		face.space = face.Upem / 4
	}
	face.Name = postScriptName(f, file)
	return face, nil
}

func postScriptName(f *font.Font, file string) string {
	desc := f.Describe()
	name := strings.ReplaceAll(desc.Family, " ", "")
	if a := desc.Aspect; a.Weight >= 600 || a.Style == font.StyleItalic {
		suffix := ""
		if a.Weight >= 600 {
			suffix = "Bold"
		}
		if a.Style == font.StyleItalic {
			suffix += "Italic"
		}
		name += "-" + suffix
	} else {
		name += "-Regular"
	}
	if name == "-Regular" {
		name = strings.TrimSuffix(file, ".ttf")
	}
	return name
}

// Code returns a code point the face's cmap maps to glyph g, and whether
// there is one. Ligatures such as "ﬁ" are reachable this way when the font
// encodes them (U+FB01).
func (f *Face) Code(g uint16) (rune, bool) {
	r, ok := f.codes[font.GID(g)]
	return r, ok
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.font.NominalGlyph(r)
	return ok
}

// SpaceWidth returns the width of the space at size.
func (f *Face) SpaceWidth(size units.Length) units.Length { return f.Scale(f.space, size) }

// Scale converts font units to a length at the given size.
func (f *Face) Scale(v int32, size units.Length) units.Length {
	return size.Scale(int64(v), int64(f.Upem))
}

// Advance returns the unshaped advance of glyph g in font units.
func (f *Face) Advance(g uint16) int32 {
	if int(g) < len(f.adv) {
		return f.adv[g]
	}
	return 0
}

// Font gives the parsed font, for outputs that draw glyph outlines.
func (f *Face) Font() *font.Font { return f.font }

// Codes lists the (glyph, code point) pairs of the face, ordered by glyph.
func (f *Face) Codes() []GlyphCode {
	out := make([]GlyphCode, 0, len(f.codes))
	for g, r := range f.codes {
		out = append(out, GlyphCode{uint16(g), r})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Glyph < out[j].Glyph })
	return out
}

// GlyphCode pairs a glyph with a code point that reaches it.
type GlyphCode struct {
	Glyph uint16
	Code  rune
}
