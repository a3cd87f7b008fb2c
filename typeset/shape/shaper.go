package shape

import (
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Features selects OpenType features.
type Features uint8

// Feature bits. Kerning and standard ligatures are what body text wants;
// letter-spaced text (kickers in capitals) should drop ligatures.
const (
	Kern Features = 1 << iota
	Liga
	Default = Kern | Liga
)

// Glyph is one shaped glyph in font units.
type Glyph struct {
	ID      uint16
	Code    rune  // a code point that reaches ID through the cmap (0 for a missing glyph)
	Advance int32 // font units, kerning included
	XOffset int32
	YOffset int32
	Start   int32 // byte offset of the glyph's cluster in the shaped text
	End     int32 // byte offset where the cluster ends
}

// Shaper shapes words and remembers them. A Shaper is not safe for
// concurrent use: give each goroutine its own (they may share Faces).
type Shaper struct {
	hb    shaping.HarfbuzzShaper
	faces map[*Face]*font.Face
	// cache holds the shaped words of each face and feature set, keyed
	// by the text alone: a string key hashes several times faster than
	// a struct, and a paragraph asks for one face's words in a row, so
	// the last face's map (lastKey, last) is kept at hand.
	cache   map[faceFeat]map[string][]Glyph
	lastKey faceFeat
	last    map[string][]Glyph
	missing map[rune]bool
}

type faceFeat struct {
	face *Face
	feat Features
}

// NewShaper returns an empty shaper.
func NewShaper() *Shaper {
	return &Shaper{faces: map[*Face]*font.Face{}, cache: map[faceFeat]map[string][]Glyph{}, missing: map[rune]bool{}}
}

// Shape returns the glyphs of text (one word, or any run without line
// breaks) in face. The result is shared with the cache: do not modify it.
// Characters the face lacks come out as glyph 0 and are remembered; see
// Missing.
func (s *Shaper) Shape(f *Face, text string, feat Features) []Glyph {
	if k := (faceFeat{f, feat}); s.last == nil || k != s.lastKey {
		m := s.cache[k]
		if m == nil {
			m = map[string][]Glyph{}
			s.cache[k] = m
		}
		s.lastKey, s.last = k, m
	}
	if g, ok := s.last[text]; ok {
		return g
	}
	if g := s.withoutLigatures(f, text, feat); g != nil {
		s.last[text] = g
		return g
	}
	g := s.shape(f, text, feat)
	if feat&Liga != 0 && !encodable(g) {
		// The font formed a glyph no code point reaches (an unencoded
		// ligature). Outputs that name glyphs by Unicode cannot show it,
		// so set the word without ligatures instead.
		g = s.shape(f, text, feat&^Liga)
	}
	s.last[text] = g
	return g
}

// withoutLigatures returns the glyphs of text shaped without ligatures
// when the shaping with them is cached and formed none: the same glyphs
// then (every character its own nominal glyph; kerning is the same
// feature either way). Letter-spaced settings ask for every word of a
// paragraph again without ligatures; most words have none to undo.
func (s *Shaper) withoutLigatures(f *Face, text string, feat Features) []Glyph {
	if feat&Liga != 0 {
		return nil
	}
	g, ok := s.cache[faceFeat{f, feat | Liga}][text]
	if !ok || !nominal(g, text) {
		return nil
	}
	return g
}

// nominal reports whether gs sets text glyph for character: one glyph per
// character, in order, each the cmap's glyph for it (Code is set only
// then).
func nominal(gs []Glyph, text string) bool {
	i := 0
	for off, r := range text {
		if i >= len(gs) || gs[i].Code != r || gs[i].Start != int32(off) {
			return false
		}
		i++
	}
	return i == len(gs)
}

func encodable(gs []Glyph) bool {
	for _, g := range gs {
		if g.Code == 0 && g.ID != 0 {
			return false
		}
	}
	return true
}

var (
	kernTag = ot.MustNewTag("kern")
	ligaTag = ot.MustNewTag("liga")
)

func (s *Shaper) shape(f *Face, text string, feat Features) []Glyph {
	gf := s.faces[f]
	if gf == nil {
		gf = font.NewFace(f.font)
		s.faces[f] = gf
	}
	runes := []rune(text)
	var features []shaping.FontFeature
	if feat&Kern == 0 {
		features = append(features, shaping.FontFeature{Tag: kernTag, Value: 0})
	}
	if feat&Liga == 0 {
		features = append(features, shaping.FontFeature{Tag: ligaTag, Value: 0})
	}
	in := shaping.Input{
		Text:         runes,
		RunStart:     0,
		RunEnd:       len(runes),
		Direction:    di.DirectionLTR,
		Face:         gf,
		FontFeatures: features,
		Size:         fixed.Int26_6(f.Upem) << 6,
		Script:       language.Latin,
		Language:     language.NewLanguage("en"),
	}
	out := s.hb.Shape(in)
	// Byte offsets of each rune, to turn rune clusters into byte ranges.
	offs := make([]int32, len(runes)+1)
	o := int32(0)
	for i, r := range runes {
		offs[i] = o
		o += int32(utf8.RuneLen(r))
	}
	offs[len(runes)] = o
	glyphs := make([]Glyph, len(out.Glyphs))
	for i, g := range out.Glyphs {
		start := offs[g.ClusterIndex]
		end := offs[min(g.ClusterIndex+g.RuneCount, len(runes))]
		gl := Glyph{
			ID:      uint16(g.GlyphID),
			Advance: int32(g.XAdvance.Round()),
			XOffset: int32(g.XOffset.Round()),
			YOffset: int32(g.YOffset.Round()),
			Start:   start,
			End:     end,
		}
		if gl.ID == 0 {
			for _, r := range runes[g.ClusterIndex:min(g.ClusterIndex+g.RuneCount, len(runes))] {
				s.missing[r] = true
			}
		} else if g.RuneCount == 1 && g.GlyphCount == 1 {
			if id, ok := f.font.NominalGlyph(runes[g.ClusterIndex]); ok && uint16(id) == gl.ID {
				gl.Code = runes[g.ClusterIndex]
			}
		}
		if gl.Code == 0 && gl.ID != 0 {
			gl.Code, _ = f.Code(gl.ID)
		}
		glyphs[i] = gl
	}
	return glyphs
}

// Missing returns the characters that some shaped text needed and its face
// lacked, and forgets them.
func (s *Shaper) Missing() []rune {
	var rs []rune
	for r := range s.missing {
		rs = append(rs, r)
	}
	clear(s.missing)
	return rs
}

// Width sums the advances of glyphs, in font units.
func Width(gs []Glyph) int32 {
	var w int32
	for _, g := range gs {
		w += g.Advance
	}
	return w
}
