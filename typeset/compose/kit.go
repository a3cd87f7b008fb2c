// Package compose makes pages: it sets each article's headline package and
// body, fits the body into columns with even bottoms, places the articles
// as modules on the page grid, adds the page furniture, and hands the
// result on as a display list.
package compose

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/hyphenate"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/style"
)

// Kit is everything needed to set text in one style: the style, its fonts
// resolved to faces, and a paragraph setter. A Kit is not safe for
// concurrent use (its setter keeps caches); the Fonts it shares are.
type Kit struct {
	Style  *style.Style
	Fonts  *shape.Fonts
	Shaper *shape.Shaper
	Setter *paragraph.Setter
	Hyph   *hyphenate.Cache

	fonts     map[string]*paragraph.Font
	named     []namedStyle // the style's type styles by name
	hyphs     map[string]paragraph.Hyphenator
	pictures  map[string]*display.Picture
	fallback  []*shape.Face
	wordCount map[*model.Article]int
	ids       *atomic.Uint64 // paragraph IDs given out (see paragraph.Spec.ID), shared by kits working together
	Warnings  []string
	// OnPicture, when set, hears of each photo file as it is first read
	// (an output can start decoding it while the make-up goes on).
	OnPicture func(*display.Picture)
	// OnPage, when set, is called after the make-up finishes each page,
	// with the pages made so far and the stories still waiting: a long
	// build's progress.
	OnPage func(pages, waiting int)
}

func (k *Kit) warnf(format string, args ...any) {
	k.Warnings = append(k.Warnings, fmt.Sprintf(format, args...))
}

// NewKit resolves every type style of s to faces.
func NewKit(s *style.Style, fonts *shape.Fonts, hyph *hyphenate.Cache) (*Kit, error) {
	if fonts == nil {
		dir := ""
		if f := s.File(); f != "" && !strings.HasPrefix(f, "builtin:") {
			dir = filepath.Dir(f)
		}
		fonts = shape.NewFonts(dir)
	}
	if hyph == nil {
		hyph = &hyphenate.Cache{}
	}
	sh := shape.NewShaper()
	k := &Kit{Style: s, Fonts: fonts, Shaper: sh, Hyph: hyph, fonts: map[string]*paragraph.Font{}, hyphs: map[string]paragraph.Hyphenator{}, pictures: map[string]*display.Picture{}, wordCount: map[*model.Article]int{}, ids: &atomic.Uint64{}}
	k.Setter = paragraph.NewSetter(sh, nil)
	k.configure()
	for _, file := range s.Fallback {
		f, err := fonts.Open(file)
		if err != nil {
			return nil, fmt.Errorf("style %s, fallback: %w", s.File(), err)
		}
		k.fallback = append(k.fallback, f)
	}
	k.named = typeStyles(&s.Type)
	for _, ts := range k.named {
		if _, err := k.font(ts.name, *ts.style); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// configure copies the style's H&J settings into the setter.
func (k *Kit) configure() {
	s := k.Style
	st := k.Setter
	pm := func(r style.Ratio) int { return int(float64(r)*1000 + 0.5*sign(float64(r))) }
	j := s.Justify
	st.Justify = paragraph.Justification{
		WordSpace:   [3]int{pm(j.WordSpace[0]), pm(j.WordSpace[1]), pm(j.WordSpace[2])},
		LetterSpace: [3]int{pm(j.LetterSpace[0]), pm(j.LetterSpace[1]), pm(j.LetterSpace[2])},
		GlyphScale:  [3]int{pm(j.GlyphScale[0]), pm(j.GlyphScale[1]), pm(j.GlyphScale[2])},
	}
	st.Protrusion = map[rune]int{}
	for ch, r := range j.Protrusion {
		for _, c := range ch {
			st.Protrusion[c] = pm(r)
		}
	}
	st.ProtrusionLeft = map[rune]int{}
	for ch, r := range j.ProtrusionLeft {
		for _, c := range ch {
			st.ProtrusionLeft[c] = pm(r)
		}
	}
	b := s.Break
	p := &st.Params
	p.Pretolerance = b.Pretolerance
	p.Tolerance = b.Tolerance
	p.EmergencyStretch = b.EmergencyStretch
	p.LinePenalty = b.LinePenalty
	p.AdjDemerits = b.AdjDemerits
	p.DoubleHyphenDemerits = b.DoubleHyphenDemerits
	p.FinalHyphenDemerits = b.FinalHyphenDemerits
	p.MaxConsecutiveHyphens = s.Hyphen.MaxConsecutive
	st.HyphenPenalty = b.HyphenPenalty
	st.ExHyphenPenalty = b.ExHyphenPenalty
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// Font returns the resolved font of a type style.
func (k *Kit) font(name string, ts style.TypeStyle) (*paragraph.Font, error) {
	if f, ok := k.fonts[name]; ok {
		return f, nil
	}
	fam := k.Style.Families[ts.Family]
	open := func(bold, italic bool) (*shape.Face, error) {
		file := fam.File(bold, italic)
		if file == "" {
			return nil, nil
		}
		return k.Fonts.Open(file)
	}
	f := &paragraph.Font{Size: ts.Size, Color: k.Color(ts.Color), Upper: ts.Upper, Tracking: int(float64(ts.Tracking)*1000 + 0.5), Fallback: k.fallback}
	var err error
	if f.Regular, err = open(ts.Bold, ts.Italic); err != nil {
		return nil, fmt.Errorf("style %s, %s: %w", k.Style.File(), name, err)
	}
	// Inline emphasis and strong switch within the family.
	if f.Italic, err = open(ts.Bold, true); err != nil {
		return nil, err
	}
	if f.Bold, err = open(true, ts.Italic); err != nil {
		return nil, err
	}
	if f.BoldItalic, err = open(true, true); err != nil {
		return nil, err
	}
	k.fonts[name] = f
	return f, nil
}

// missing reports the characters of an article that no bundled face has,
// as an input error naming them, and forgets them.
func (k *Kit) missing(a *model.Article) error {
	if len(k.Setter.Missing) == 0 {
		return nil
	}
	rs := make([]rune, 0, len(k.Setter.Missing))
	for r := range k.Setter.Missing {
		rs = append(rs, r)
	}
	clear(k.Setter.Missing)
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "U+%04X %q", r, r)
	}
	return model.Errorf(a.Source, 0, 0, "", "no bundled font has these characters: %s (add a font that has them to the style's fallback list)", b.String())
}

// Font returns the resolved font of the type style at path ("body").
func (k *Kit) Font(name string) *paragraph.Font {
	f := k.fonts[name]
	if f == nil {
		panic("compose: unknown type style " + name)
	}
	return f
}

// Color converts a style colour name to a display colour.
func (k *Kit) Color(name string) display.Color {
	c := k.Style.Color(name)
	return display.Color{CMYK: c.CMYK, RGB: c.RGB}
}

type namedStyle struct {
	name  string
	style *style.TypeStyle
}

// typeStyles names the type styles of t, pointing into it.
func typeStyles(t *style.TypeStyles) []namedStyle {
	return []namedStyle{
		{"body", &t.Body}, {"dateline", &t.Dateline}, {"crosshead", &t.Crosshead},
		{"headline", &t.Headline.TypeStyle}, {"kicker", &t.Kicker.TypeStyle}, {"deck", &t.Deck},
		{"byline", &t.Byline}, {"credit", &t.Credit}, {"box_title", &t.BoxTitle},
		{"box_text", &t.BoxText}, {"box_attribution", &t.BoxAttribution},
		{"pull_text", &t.PullText}, {"pull_attribution", &t.PullAttrib},
		{"caption", &t.Caption}, {"photo_credit", &t.PhotoCredit}, {"folio", &t.Folio},
		{"masthead", &t.Masthead}, {"masthead_line", &t.MastheadLine}, {"jump", &t.Jump},
		{"jump_head", &t.JumpHead},
		{"section_head", &t.SectionHead}, {"drop_cap", &t.DropCap},
	}
}

// typeStyle returns the style.TypeStyle of a name (as the style holds it
// now: the kit's list points into it).
func (k *Kit) typeStyle(name string) style.TypeStyle {
	for _, ts := range k.named {
		if ts.name == name {
			return *ts.style
		}
	}
	panic("compose: unknown type style " + name)
}

// align converts a style alignment.
func align(a string, def paragraph.Align) paragraph.Align {
	switch a {
	case "justify":
		return paragraph.Justify
	case "left":
		return paragraph.Left
	case "right":
		return paragraph.Right
	case "center":
		return paragraph.Center
	}
	return def
}

// newParagraphID numbers a paragraph for the setter's reuse of its work;
// the numbers are the kit's own, as is its setter.
func (k *Kit) newParagraphID() uint64 {
	return k.ids.Add(1)
}
