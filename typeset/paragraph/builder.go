package paragraph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pressroom.dev/typeset/linebreak"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// piece is what the builder knows about one item beyond its widths: which
// glyphs a box draws and in what font, whether a glue is a word space, and
// whether a break at a penalty adds a hyphen.
type piece struct {
	font    *Font
	face    *shape.Face
	text    string        // text the glyph offsets refer to
	glyphs  []shape.Glyph // box: its glyphs (a slice of a word's shaping)
	hyphen  bool          // penalty: a break here draws a hyphen
	space   bool          // glue: a word space, drawn as a space glyph
	word    bool          // box: begins a word
	wordEnd bool          // box: ends a word
	// protrusion marks the penalty that lets a word's last glyph hang
	// into the margin when the line ends after it.
	protrusion bool
}

type builder struct {
	s      *Setter
	p      *Spec
	items  []linebreak.Item
	pieces []piece
	frags  []frag
	breaks []brk
	ragged units.Length // line-end stretch for ragged settings; 0 when justified
	glue   []units.Length
}

type frag struct {
	text string
	font *Font
	face *shape.Face
}

type brk struct {
	at      int // byte offset in the word
	kind    breakKind
	hyphen  bool
	penalty int // for an added hyphen: its cost, 0 for the setter's default
}

type breakKind uint8

const (
	autoHyphen breakKind = iota // added by the hyphenator
	explicit                    // after a hyphen or dash typed in the word
	urlBreak                    // after a URL separator, no hyphen
)

func (b *builder) reset(s *Setter, p *Spec) {
	b.s, b.p = s, p
	b.items = b.items[:0]
	b.pieces = b.pieces[:0]
	b.frags = b.frags[:0]
	b.ragged = 0
	if p.Align != Justify && len(p.Runs) > 0 {
		b.ragged = 3 * p.Runs[0].Font.Size
	}
}

func (b *builder) add(it linebreak.Item, pc piece) {
	b.items = append(b.items, it)
	b.pieces = append(b.pieces, pc)
}

// build turns the runs into items: words split at their break points into
// boxes and penalties, spaces into glue, and the paragraph's end.
func (b *builder) build() {
	if b.p.Indent != 0 {
		b.add(linebreak.Item{Kind: linebreak.Box, Width: b.p.Indent}, piece{})
	}
	var spaceFont *Font
	var spaceFace *shape.Face
	for _, r := range b.p.Runs {
		text := r.Text
		if r.Font.Upper {
			text = strings.ToUpper(text)
		}
		face := r.Font.Face(r.Style)
		for len(text) > 0 {
			i := strings.IndexAny(text, " \t\n")
			if i < 0 {
				b.addFrags(text, r.Font, face)
				break
			}
			if i > 0 {
				b.addFrags(text[:i], r.Font, face)
			}
			b.flushWord()
			spaceFont, spaceFace = r.Font, face
			b.space(spaceFont, spaceFace)
			text = text[i+1:]
		}
	}
	b.flushWord()
	// Drop trailing spaces: a paragraph ends at its last word.
	for len(b.items) > 0 && b.items[len(b.items)-1].Kind != linebreak.Box {
		b.items = b.items[:len(b.items)-1]
		b.pieces = b.pieces[:len(b.pieces)-1]
	}
	n := len(b.items)
	b.items = linebreak.AppendParagraphEnd(b.items)
	for i := n; i < len(b.items); i++ {
		b.pieces = append(b.pieces, piece{})
	}
}

// addFrags adds a piece of a word, split where its characters need a
// fallback face: each character goes to the first face that has it.
func (b *builder) addFrags(text string, f *Font, face *shape.Face) {
	if len(f.Fallback) == 0 || covered(face, text) {
		b.frags = append(b.frags, frag{text, f, face})
		return
	}
	start, cur := 0, face
	for i, r := range text {
		fc := b.faceFor(r, f, face)
		if fc != cur && i > start {
			b.frags = append(b.frags, frag{text[start:i], f, cur})
			start = i
		}
		cur = fc
	}
	b.frags = append(b.frags, frag{text[start:], f, cur})
}

func covered(face *shape.Face, text string) bool {
	for _, r := range text {
		if r >= 0x80 && !face.Has(r) {
			return false
		}
		if r < 0x80 && r >= 0x20 && !face.Has(r) {
			return false
		}
	}
	return true
}

// faceFor picks the face for one character: the font's own if it has the
// character, else the first fallback that does; a character no face has
// is recorded as missing.
func (b *builder) faceFor(r rune, f *Font, face *shape.Face) *shape.Face {
	if face.Has(r) {
		return face
	}
	for _, fb := range f.Fallback {
		if fb.Has(r) {
			return fb
		}
	}
	b.s.Missing[r] = true
	return face
}

// space adds an interword space: stretchy glue when justified; in ragged
// settings the Knuth–Plass construction that puts the stretch at the line
// end only (glue 0+S, a break, then the space with −S).
func (b *builder) space(f *Font, face *shape.Face) {
	if n := len(b.items); n == 0 || (b.items[n-1].Kind != linebreak.Box && !b.pieces[n-1].protrusion) {
		return // collapse runs of spaces; no space at the start
	}
	w := face.SpaceWidth(f.Size)
	if b.ragged != 0 {
		b.add(linebreak.Item{Kind: linebreak.Glue, Stretch: b.ragged}, piece{})
		b.add(linebreak.Item{Kind: linebreak.Penalty}, piece{})
		b.add(linebreak.Item{Kind: linebreak.Glue, Width: w, Stretch: -b.ragged}, piece{font: f, face: face, space: true})
		return
	}
	j := b.s.Justify
	b.add(linebreak.Item{
		Kind:    linebreak.Glue,
		Width:   w.Scale(int64(j.WordSpace[1]), 1000),
		Stretch: w.Scale(int64(j.WordSpace[2]-j.WordSpace[1]), 1000),
		Shrink:  w.Scale(int64(j.WordSpace[1]-j.WordSpace[0]), 1000),
	}, piece{font: f, face: face, space: true})
}

// flushWord emits the pending word's fragments as boxes, with a penalty at
// each place the word may break.
func (b *builder) flushWord() {
	if len(b.frags) == 0 {
		return
	}
	var word strings.Builder
	for _, f := range b.frags {
		word.WriteString(f.text)
	}
	w := word.String()
	b.breaks = b.findBreaks(w, b.breaks[:0])
	off := 0 // byte offset of the current fragment in the word
	bi := 0  // next break
	first := true
	if b.ragged == 0 {
		b.protrudeLeft()
	}
	for _, f := range b.frags {
		gs := b.s.Shaper.Shape(f.face, f.text, b.features(f.font))
		start := 0 // first glyph of the pending box
		for gi := 0; gi <= len(gs); gi++ {
			// A break falls before glyph gi when the glyph's cluster starts
			// exactly at the break's offset.
			if gi < len(gs) {
				at := off + int(gs[gi].Start)
				for bi < len(b.breaks) && b.breaks[bi].at < at {
					bi++ // inside a ligature or at a fragment edge handled below
				}
				if bi < len(b.breaks) && b.breaks[bi].at == at && gi > start {
					b.box(f, gs[start:gi], first)
					first = false
					b.penalty(f, b.breaks[bi], gs[gi-1])
					bi++
					start = gi
				}
				continue
			}
			if gi > start {
				b.box(f, gs[start:gi], first)
				first = false
			}
		}
		off += len(f.text)
		// A break exactly at a fragment boundary (a hyphen that ends an
		// italic run, say) comes after the fragment's last box.
		if bi < len(b.breaks) && b.breaks[bi].at == off && off < len(w) && len(gs) > 0 {
			b.penalty(f, b.breaks[bi], gs[len(gs)-1])
			bi++
		}
	}
	b.frags = b.frags[:0]
	for i := len(b.pieces) - 1; i >= 0; i-- {
		if b.items[i].Kind == linebreak.Box {
			b.pieces[i].wordEnd = true
			break
		}
	}
	if b.ragged == 0 {
		b.protrude()
	}
}

func (b *builder) features(f *Font) shape.Features {
	if f.Tracking != 0 {
		return shape.Kern // letter-spaced text looks wrong with ligatures
	}
	return shape.Default
}

func (b *builder) box(f frag, gs []shape.Glyph, word bool) {
	w := f.face.Scale(shape.Width(gs), f.font.Size)
	if f.font.Tracking != 0 {
		w += units.Length(len(gs)) * f.font.Size.Scale(int64(f.font.Tracking), 1000)
	}
	it := linebreak.Item{Kind: linebreak.Box, Width: w}
	if b.ragged == 0 {
		j := b.s.Justify
		sp := f.face.SpaceWidth(f.font.Size)
		n := int64(len(gs))
		it.Stretch = w.Scale(int64(j.GlyphScale[2]-1000), 1000) + sp.Scale(n*int64(j.LetterSpace[2]), 1000)
		it.Shrink = w.Scale(int64(1000-j.GlyphScale[0]), 1000) + sp.Scale(-n*int64(j.LetterSpace[0]), 1000)
	}
	b.add(it, piece{font: f.font, face: f.face, text: f.text, glyphs: gs, word: word})
}

// penalty adds a break inside a word. last is the glyph before it, whose
// protrusion (a hyphen hanging into the margin) makes room on the line.
func (b *builder) penalty(f frag, k brk, last shape.Glyph) {
	it := linebreak.Item{Kind: linebreak.Penalty}
	pc := piece{font: f.font, face: f.face}
	switch k.kind {
	case autoHyphen:
		h := b.hyphenGlyph(f)
		hw := f.face.Scale(h.Advance, f.font.Size)
		it.Width = hw - b.protrusion('-', hw)
		it.Penalty = b.s.HyphenPenalty
		if k.penalty != 0 {
			it.Penalty = k.penalty
		}
		it.Flagged, it.Auto = true, true
		pc.hyphen = true
	case explicit:
		it.Penalty = b.s.ExHyphenPenalty
		it.Flagged = k.hyphen
		if r, _ := utf8.DecodeLastRuneInString(f.text[:min(int(last.End), len(f.text))]); r != utf8.RuneError {
			it.Width = -b.protrusion(r, f.face.Scale(last.Advance, f.font.Size))
		}
	case urlBreak:
		it.Penalty = b.s.URLPenalty
	}
	if b.ragged != 0 {
		// Give the line that ends here its ragged stretch, without making
		// the glue a break of its own (a penalty precedes it).
		b.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: linebreak.Infinity}, piece{})
		b.add(linebreak.Item{Kind: linebreak.Glue, Stretch: b.ragged}, piece{})
		b.add(it, pc)
		b.add(linebreak.Item{Kind: linebreak.Glue, Stretch: -b.ragged}, piece{})
		return
	}
	b.add(it, pc)
}

func (b *builder) hyphenGlyph(f frag) shape.Glyph {
	gs := b.s.Shaper.Shape(f.face, "-", shape.Kern)
	if len(gs) == 0 {
		return shape.Glyph{}
	}
	return gs[0]
}

// protrude lets the last glyph of the word just emitted hang into the right
// margin when a line ends after it: a zero-cost penalty of negative width
// in front of the space that follows. Glue after a penalty is not a legal
// break, so a line that ends here always ends with the allowance.
func (b *builder) protrude() {
	if len(b.s.Protrusion) == 0 || len(b.pieces) == 0 {
		return
	}
	pc := b.pieces[len(b.pieces)-1]
	if len(pc.glyphs) == 0 {
		return
	}
	g := pc.glyphs[len(pc.glyphs)-1]
	r, _ := utf8.DecodeLastRuneInString(pc.text[:g.End])
	adv := pc.face.Scale(g.Advance, pc.font.Size)
	if p := b.protrusion(r, adv); p > 0 {
		b.add(linebreak.Item{Kind: linebreak.Penalty, Width: -p}, piece{protrusion: true})
	}
}

// protrudeLeft lets the first glyph of the word about to be emitted hang
// into the left margin when a line starts with it. The space before the
// word grows by the allowance p and is followed by an empty box, an
// infinite penalty and glue of −p: within a line the two cancel out; a
// line that breaks at the space drops the space and starts with the −p,
// which moves its text left by p. The same −p opens a paragraph that
// starts with such a glyph without an indent.
func (b *builder) protrudeLeft() {
	if len(b.s.ProtrusionLeft) == 0 || len(b.frags) == 0 {
		return
	}
	f := b.frags[0]
	r, _ := utf8.DecodeRuneInString(f.text)
	pm, ok := b.s.ProtrusionLeft[r]
	if !ok {
		return
	}
	gs := b.s.Shaper.Shape(f.face, string(r), shape.Kern)
	if len(gs) == 0 {
		return
	}
	p := f.face.Scale(gs[0].Advance, f.font.Size).Scale(int64(pm), 1000)
	if p <= 0 {
		return
	}
	n := len(b.items)
	switch {
	case n > 0 && b.items[n-1].Kind == linebreak.Glue && b.pieces[n-1].space:
		b.items[n-1].Width += p
		b.add(linebreak.Item{Kind: linebreak.Box}, piece{})
	case n == 0:
		// The paragraph's start, not indented.
	default:
		return
	}
	b.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: linebreak.Infinity}, piece{})
	b.add(linebreak.Item{Kind: linebreak.Glue, Width: -p}, piece{})
}

func (b *builder) protrusion(r rune, adv units.Length) units.Length {
	if pm, ok := b.s.Protrusion[r]; ok {
		return adv.Scale(int64(pm), 1000)
	}
	return 0
}

// findBreaks lists where word may break: after explicit hyphens and dashes,
// after URL separators, and at hyphenation points of its alphabetic parts.
func (b *builder) findBreaks(word string, dst []brk) []brk {
	if isURL(word) {
		for _, at := range urlBreaks(word) {
			dst = append(dst, brk{at: at, kind: urlBreak})
		}
		return dst
	}
	// Explicit hyphens and dashes between two word characters.
	segStart := 0
	for i, r := range word {
		if r != '-' && r != '–' && r != '—' && r != '\u2010' {
			continue
		}
		end := i + utf8.RuneLen(r)
		if i > 0 && end < len(word) {
			if p, _ := utf8.DecodeLastRuneInString(word[:i]); isWordRune(p) {
				if nx, _ := utf8.DecodeRuneInString(word[end:]); isWordRune(nx) {
					dst = b.hyphenate(word, segStart, i, dst)
					dst = append(dst, brk{at: end, kind: explicit, hyphen: r == '-' || r == '\u2010'})
					segStart = end
				}
			}
		}
	}
	return b.hyphenate(word, segStart, len(word), dst)
}

// hyphenate adds the hyphenation points of word[from:to], stripped of the
// punctuation around it.
func (b *builder) hyphenate(word string, from, to int, dst []brk) []brk {
	if b.s.Hyph == nil || !b.p.Hyphenate {
		return dst
	}
	seg := word[from:to]
	lead := strings.IndexFunc(seg, unicode.IsLetter)
	if lead < 0 {
		return dst
	}
	trail := strings.LastIndexFunc(seg, unicode.IsLetter)
	_, sz := utf8.DecodeRuneInString(seg[trail:])
	core := seg[lead : trail+sz]
	pts, pen := b.s.Hyph.Points(core)
	for _, p := range pts {
		dst = append(dst, brk{at: from + lead + p, kind: autoHyphen, hyphen: true, penalty: pen})
	}
	return dst
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isURL reports whether a word is a web or e-mail address: it has a
// scheme, starts with www., is an address (x@y.z), or is a domain followed
// by a path (example.org/reports).
func isURL(w string) bool {
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
		return true
	}
	if at := strings.IndexByte(w, '@'); at > 0 && strings.Contains(w[at:], ".") {
		return true
	}
	if slash := strings.IndexByte(w, '/'); slash > 0 {
		dot := strings.IndexByte(w[:slash], '.')
		return dot > 0 && dot < slash-1
	}
	return false
}

// urlBreaks lists offsets after which a URL or address may break without a
// hyphen: after '/', '.', '-', '?', '&', '=' and '@', never inside "://"
// and never leaving fewer than two characters on either side.
func urlBreaks(w string) []int {
	var out []int
	scheme := strings.Index(w, "://")
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '/', '.', '-', '?', '&', '=', '@', '_':
		default:
			continue
		}
		at := i + 1
		if scheme >= 0 && at <= scheme+3 {
			continue
		}
		if at < 2 || len(w)-at < 2 {
			continue
		}
		if at < len(w) && strings.IndexByte("/.-?&=@_", w[at]) >= 0 {
			continue // break after the last of a run of separators
		}
		out = append(out, at)
	}
	return out
}
