// Package paragraph sets one paragraph: it shapes the words of styled runs,
// finds where words may break (spaces, hyphenation points, explicit hyphens,
// URL separators), builds the box/glue/penalty list, breaks it into lines
// with Knuth–Plass (package linebreak), and places every glyph of every line.
//
// The result is a list of lines of display.Text runs, each positioned from
// its line's left end and baseline; the compose stage stacks them.
package paragraph

import (
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/linebreak"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// Font is a type style resolved to faces: the faces of one family for the
// inline styles, at one size and colour.
type Font struct {
	Regular, Italic, Bold, BoldItalic *shape.Face
	Size                              units.Length
	Color                             display.Color
	Tracking                          int  // letter spacing in per mille of the size
	Upper                             bool // set in capitals
	// Fallback faces are tried, in order, for characters the style's own
	// face lacks.
	Fallback []*shape.Face
}

// Face returns the face for an inline style.
func (f *Font) Face(st model.SpanStyle) *shape.Face {
	switch {
	case st&model.Strong != 0 && st&model.Emphasis != 0 && f.BoldItalic != nil:
		return f.BoldItalic
	case st&model.Strong != 0 && f.Bold != nil:
		return f.Bold
	case st&model.Emphasis != 0 && f.Italic != nil:
		return f.Italic
	}
	if f.Regular != nil {
		return f.Regular
	}
	return f.Bold
}

// Run is text in one font and inline style.
type Run struct {
	Text  string
	Font  *Font
	Style model.SpanStyle
}

// Align is how lines sit in the measure.
type Align uint8

// Alignments. Justify stretches every line but the last to the measure.
const (
	Justify Align = iota
	Left
	Right
	Center
)

// Spec is one paragraph to set.
type Spec struct {
	Runs      []Run
	Align     Align
	Indent    units.Length // first-line indent
	Hyphenate bool
	Looseness int // lines more (+) or fewer (−) than the optimum, if it can be done
	// ID, when not zero, names the paragraph for the setter's reuse of
	// its work: setting the same ID again (at another looseness or
	// measure) skips shaping and hyphenation. A caller gives each
	// paragraph its own ID and never changes the runs of an ID.
	ID uint64
}

// Justification is the H&J range of a style, in per mille: word space of
// the space glyph (minimum, desired, maximum), letter space of the space
// glyph between letters, and horizontal glyph scale.
type Justification struct {
	WordSpace   [3]int
	LetterSpace [3]int
	GlyphScale  [3]int
}

// DefaultJustification is the newspaper setting: word space 80/100/133 %,
// letter space −2/0/+2 %, glyph scale 98/100/102 %.
func DefaultJustification() Justification {
	return Justification{WordSpace: [3]int{800, 1000, 1330}, LetterSpace: [3]int{-20, 0, 20}, GlyphScale: [3]int{980, 1000, 1020}}
}

// Hyphenator finds the break points of a word: byte offsets where a hyphen
// may go, already filtered by the house rules (minimums, capitals), and
// the penalty of breaking there (0 means the setter's HyphenPenalty; a
// house may allow names to break only at a high cost, as a last resort).
type Hyphenator interface {
	Points(word string) (points []int, penalty int)
}

// Line is one set line.
type Line struct {
	Runs       []*display.Text // positioned from the line's left end and baseline
	Width      units.Length    // the measure it was set to
	Used       units.Length    // how much of it the material fills (less than Width on a last or ragged line)
	Ascent     units.Length    // tallest ascender above the baseline
	Descent    units.Length    // deepest descender below it (positive)
	Hyphenated bool            // ends with a hyphen the hyphenator added
	Overfull   units.Length    // how far the line sticks out, if it could not be helped
	Words      int             // words that start on this line
}

// Result is a set paragraph.
type Result struct {
	Lines        []Line
	LoosenessMet bool
	Demerits     int64 // the line breaker's total: lower is better spacing
	Pass         int   // the line breaker's pass (1 without hyphenation, 2 with, 3 emergency)
}

// Setter sets paragraphs. It is not safe for concurrent use; give each
// goroutine its own (its shaper holds per-goroutine state and caches).
type Setter struct {
	Shaper     *shape.Shaper
	Hyph       Hyphenator
	Params     linebreak.Params
	Justify    Justification
	Protrusion map[rune]int // per mille of the glyph's advance that may hang into the right margin
	// ProtrusionLeft is per mille of a line's first glyph's advance that
	// hangs into the left margin (opening quotes).
	ProtrusionLeft map[rune]int
	// ExHyphenPenalty is the cost of breaking after an explicit hyphen or
	// dash; HyphenPenalty after an added one (TeX's \exhyphenpenalty and
	// \hyphenpenalty).
	ExHyphenPenalty int
	HyphenPenalty   int
	URLPenalty      int

	b       builder
	breaker linebreak.Breaker
	built   builtKey
	// Missing collects characters no face of their font (nor its
	// fallbacks) has; they print as the font's empty glyph. The caller
	// reports them and clears the map.
	Missing map[rune]bool
}

// NewSetter returns a setter with the Knuth–Plass defaults and the
// newspaper justification range.
func NewSetter(sh *shape.Shaper, h Hyphenator) *Setter {
	return &Setter{
		Missing:         map[rune]bool{},
		Shaper:          sh,
		Hyph:            h,
		Params:          linebreak.DefaultParams(),
		Justify:         DefaultJustification(),
		ExHyphenPenalty: 50,
		HyphenPenalty:   50,
		URLPenalty:      100,
	}
}

// Set breaks the paragraph into lines of the given widths (line i has
// widths[i]; the last width repeats).
func (s *Setter) Set(p *Spec, widths []units.Length) Result {
	res := s.breakLines(p, widths)
	out := Result{LoosenessMet: res.LoosenessMet, Demerits: res.Demerits, Pass: res.Pass}
	out.Lines = make([]Line, 0, len(res.Lines))
	for i, l := range res.Lines {
		out.Lines = append(out.Lines, s.b.place(l, i == len(res.Lines)-1))
	}
	return out
}

// Measure is what Set would give without placing the glyphs: the number
// of lines, whether the looseness was met, and the line breaker's score.
// Copyfitting and headline balancing try many settings and keep one; they
// measure the others.
type Measure struct {
	Lines        int
	LoosenessMet bool
	Demerits     int64
	Pass         int
	// Hyphenated[i] is set when line i ends with a hyphen the hyphenator
	// added (a column may not end there).
	Hyphenated []bool
}

// Measure breaks the paragraph as Set does and reports the result's
// shape only.
func (s *Setter) Measure(p *Spec, widths []units.Length) Measure {
	res := s.breakLines(p, widths)
	m := Measure{Lines: len(res.Lines), LoosenessMet: res.LoosenessMet, Demerits: res.Demerits, Pass: res.Pass}
	m.Hyphenated = make([]bool, len(res.Lines))
	for i, l := range res.Lines {
		m.Hyphenated[i] = l.Hyphenated
	}
	return m
}

func (s *Setter) breakLines(p *Spec, widths []units.Length) linebreak.Result {
	b := &s.b
	// The items depend on the runs and settings, not on the looseness or
	// the measure: setting the same paragraph (same ID) again reuses them.
	k := builtKey{id: p.ID, align: p.Align, indent: p.Indent, hyphenate: p.Hyphenate, hyph: s.Hyph}
	if p.ID == 0 || k != s.built {
		b.reset(s, p)
		b.build()
		s.built = k
	} else {
		b.p = p
	}
	params := s.Params
	params.Looseness = p.Looseness
	if !p.Hyphenate {
		params.Pretolerance = -1 // one pass, no hyphenation points were added anyway
	}
	return s.breaker.Break(b.items, params, widths)
}

// builtKey identifies the paragraph whose items the builder holds.
type builtKey struct {
	id        uint64
	align     Align
	indent    units.Length
	hyphenate bool
	hyph      Hyphenator
}
