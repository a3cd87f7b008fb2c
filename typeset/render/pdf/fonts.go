package pdf

import (
	"fmt"
	"math"
	"math/bits"
	"regexp"
	"sort"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// fontRes is a face as the PDF knows it: the resource name its content
// streams use and the characters drawn with it.
type fontRes struct {
	face *shape.Face
	// name is the resource name our streams call it by (without the
	// slash): F1, F2, … in the order of the faces' names. fpdf names it
	// fpdfName (F and 40 hexadecimal digits); the finishing stage renames
	// it in the resource dictionary.
	name, fpdfName string
	runes          runeSet
}

// runeSet is a set of characters: a bit per character of the Basic
// Multilingual Plane (8 KB), and a map for any beyond it, which the
// writer refuses. Every glyph drawn passes through it.
type runeSet struct {
	bmp   []uint64
	other map[rune]bool
}

func (s *runeSet) add(r rune) {
	if r < 0 || r > 0xFFFF {
		if s.other == nil {
			s.other = map[rune]bool{}
		}
		s.other[r] = true
		return
	}
	if s.bmp == nil {
		s.bmp = make([]uint64, 0x10000/64)
	}
	s.bmp[r>>6] |= 1 << (r & 63)
}

// sorted lists the set's characters in order, those beyond the BMP last.
func (s *runeSet) sorted() []rune {
	var out []rune
	for i, w := range s.bmp {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, rune(i<<6|b))
			w &^= 1 << b
		}
	}
	var big []rune
	for r := range s.other {
		big = append(big, r)
	}
	sort.Slice(big, func(i, j int) bool { return big[i] < big[j] })
	return append(out, big...)
}

var tfRE = regexp.MustCompile(`/(F[0-9A-Za-z]+) [0-9.]+ Tf`)

// registerFonts adds every face the document uses to fpdf and tells it
// which characters are drawn, so that its subsets keep their glyphs.
//
// fpdf addresses the glyphs of a TrueType font by Unicode (its CIDs are
// code points, mapped to glyphs through the font's cmap), and it subsets
// the font to the characters its own text functions saw. We write content
// streams ourselves, so we show it the characters through a template that
// is never drawn: a template shares the document's font table, and its
// Text call records the characters. The template's content also reveals the
// resource name fpdf gave the font, which our streams need.
func (wr *writer) registerFonts() error {
	see := func(t *display.Text) {
		fr := wr.fonts[t.Face]
		if fr == nil {
			fr = &fontRes{face: t.Face}
			wr.fonts[t.Face] = fr
			wr.order = append(wr.order, t.Face)
		}
		for _, g := range t.Glyphs {
			fr.runes.add(g.Code)
		}
	}
	for _, pj := range wr.pages {
		display.Walk(pj.pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
			if t, ok := it.(*display.Text); ok && t.Face != nil {
				see(t)
			}
		})
		if pj.marks.slug != nil {
			see(pj.marks.slug)
		}
	}
	sort.Slice(wr.order, func(i, j int) bool { return wr.order[i].Name < wr.order[j].Name })
	for i, face := range wr.order {
		fr := wr.fonts[face]
		fr.name = "F" + strconv.Itoa(i+1)
		family := face.Name
		wr.pdf.AddUTF8FontFromBytes(family, "", face.Data)
		if err := wr.pdf.Error(); err != nil {
			return fmt.Errorf("pdf: font %s: %w", face.File, err)
		}
		rs := fr.runes.sorted()
		if n := len(rs); n > 0 && rs[n-1] > 0xFFFF {
			return fmt.Errorf("pdf: font %s: character U+%04X is outside the Basic Multilingual Plane, which the PDF writer cannot address", face.File, rs[n-1])
		}
		if len(rs) > 0 && rs[0] == 0 {
			rs = rs[1:]
		}
		text := string(rs)
		tpl := wr.pdf.CreateTemplate(func(t *fpdf.Tpl) {
			t.SetFont(family, "", 10)
			t.Text(0, 0, text)
		})
		m := tfRE.FindSubmatch(tpl.Bytes())
		if m == nil {
			return fmt.Errorf("pdf: font %s: cannot find its resource name", face.File)
		}
		fr.fpdfName = string(m[1])
	}
	return nil
}

// width0 is the advance the PDF declares for a glyph, in thousandths of the
// size: the font's advance rounded as fpdf writes it into /W.
func width0(f *shape.Face, id uint16) float64 {
	return math.Round(float64(f.Advance(id)) * 1000 / float64(f.Upem))
}
