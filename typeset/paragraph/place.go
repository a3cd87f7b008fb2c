package paragraph

import (
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/linebreak"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// place positions the glyphs of one broken line.
func (b *builder) place(l linebreak.Line, last bool) Line {
	out := Line{Width: l.Width, Hyphenated: l.Hyphenated, Overfull: l.Overfull}
	ragged := b.ragged != 0
	var glue []units.Length
	if !ragged {
		b.glue = l.GlueWidths(b.items, b.glue)
		glue = b.glue
	}
	// Expansion: the share the boxes take, as one glyph scale and one
	// letter-space ratio for the whole line (num/den of their maximum).
	num, den := int64(l.BoxShare), int64(0)
	j := b.s.Justify
	scaleLim, spaceLim := int64(0), int64(0)
	switch {
	case l.BoxShare > 0:
		den = int64(l.BoxStretch)
		scaleLim, spaceLim = int64(j.GlyphScale[2]-1000), int64(j.LetterSpace[2])
	case l.BoxShare < 0:
		den = int64(l.BoxShrink)
		scaleLim, spaceLim = int64(1000-j.GlyphScale[0]), int64(-j.LetterSpace[0])
	}
	scale := 1000
	if den != 0 {
		scale = 1000 + int(num*scaleLim/den)
	}
	// The boxes' share is spread over the glyphs in proportion to what each
	// can give (its advance times the scale limit, plus a letter space), as
	// cumulative integer shares so that the line adds up exactly.
	var capTotal, capDone, extraDone int64
	lastBox := -1 // its last glyph ends the line: no letter space after it
	for i := l.End - 1; i >= l.Start; i-- {
		if b.items[i].Kind == linebreak.Box && len(b.pieces[i].glyphs) > 0 {
			lastBox = i
			break
		}
	}
	if den != 0 {
		for i := l.Start; i < l.End; i++ {
			if pc := b.pieces[i]; b.items[i].Kind == linebreak.Box {
				for gi, g := range pc.glyphs {
					capTotal += glyphCap(pc, gi, g, scaleLim, spaceLim, i == lastBox)
				}
			}
		}
	}
	var x units.Length
	var cur *display.Text
	// One array holds the glyphs of all the line's runs, each run a
	// capped slice of it: at most a glyph per box glyph, a space per glue
	// and a hyphen.
	n := 1
	for i := l.Start; i < l.End; i++ {
		n += len(b.pieces[i].glyphs) + 1
	}
	store := make([]display.Glyph, n)
	used := 0
	emit := func(face *shape.Face, f *Font, g shape.Glyph, text string, at units.Length) {
		if cur == nil || cur.Face != face || cur.Size != f.Size || cur.Color != f.Color {
			if cur != nil {
				used += len(cur.Glyphs)
				cur.Glyphs = cur.Glyphs[:len(cur.Glyphs):len(cur.Glyphs)]
			}
			cur = &display.Text{X: at, Face: face, Size: f.Size, Scale: scale, Color: f.Color, Glyphs: store[used:used]}
			out.Runs = append(out.Runs, cur)
			asc := face.Scale(face.Ascender, f.Size)
			desc := -face.Scale(face.Descender, f.Size)
			out.Ascent = max(out.Ascent, asc)
			out.Descent = max(out.Descent, desc)
		}
		dg := display.Glyph{ID: g.ID, Code: g.Code, X: at - cur.X + face.Scale(g.XOffset, f.Size)}
		if g.End-g.Start > 1 || (g.Code != 0 && text != "" && string(g.Code) != text[g.Start:g.End]) {
			if s := text[g.Start:g.End]; s != string(g.Code) {
				cur.Alt = append(cur.Alt, display.AltText{Glyph: len(cur.Glyphs), Text: s})
			}
		}
		cur.Glyphs = append(cur.Glyphs, dg)
	}
	for i := l.Start; i < l.End; i++ {
		it, pc := b.items[i], b.pieces[i]
		switch it.Kind {
		case linebreak.Box:
			if pc.word {
				out.Words++
			}
			if len(pc.glyphs) == 0 {
				x += it.Width // an indent
				continue
			}
			track := pc.font.Size.Scale(int64(pc.font.Tracking), 1000)
			for gi, g := range pc.glyphs {
				emit(pc.face, pc.font, g, pc.text, x)
				x += pc.face.Scale(g.Advance, pc.font.Size) + track
				if capTotal > 0 {
					capDone += glyphCap(pc, gi, g, scaleLim, spaceLim, i == lastBox)
					share := num * capDone / capTotal
					x += units.Length(share - extraDone)
					extraDone = share
				}
			}
		case linebreak.Glue:
			// Ragged lines keep their spaces natural; the line's end
			// takes what is left.
			w := it.Width
			if !ragged {
				w = glue[i-l.Start]
			}
			if pc.space && w > 0 && cur != nil {
				emit(pc.face, pc.font, spaceGlyph(b.s.Shaper, pc.face), "", x)
			}
			x += w
		case linebreak.Penalty:
			// Only the penalty a line breaks at draws anything; see below.
		}
	}
	if l.End < len(b.items) {
		it, pc := b.items[l.End], b.pieces[l.End]
		if it.Kind == linebreak.Penalty && pc.hyphen {
			h := b.hyphenGlyph(frag{face: pc.face, font: pc.font})
			emit(pc.face, pc.font, h, "", x)
			x += pc.face.Scale(h.Advance, pc.font.Size)
		}
	}
	out.Used = x
	if b.p.Align == Justify && !last && out.Overfull == 0 {
		out.Used = l.Width
	}
	var shift units.Length
	switch b.p.Align {
	case Right:
		shift = l.Width - x
	case Center:
		shift = (l.Width - x) / 2
	}
	if shift != 0 {
		for _, r := range out.Runs {
			r.X += shift
		}
	}
	return out
}

func spaceGlyph(sh *shape.Shaper, face *shape.Face) shape.Glyph {
	gs := sh.Shape(face, " ", shape.Kern)
	if len(gs) == 0 {
		return shape.Glyph{}
	}
	g := gs[0]
	g.Start, g.End = 0, 0
	return g
}

// glyphCap is how much a glyph can give to justification, in the same
// proportions the builder used for its box: its advance times the glyph
// scale limit, plus the letter-space limit of a space when another letter
// of the word follows it (a word's last letter has no gap to widen).
func glyphCap(pc piece, i int, g shape.Glyph, scaleLim, spaceLim int64, lineEnd bool) int64 {
	c := int64(pc.face.Scale(g.Advance, pc.font.Size)) * scaleLim
	if i < len(pc.glyphs)-1 || !(pc.wordEnd || lineEnd) {
		c += int64(pc.face.SpaceWidth(pc.font.Size)) * spaceLim
	}
	return c / 1000
}
