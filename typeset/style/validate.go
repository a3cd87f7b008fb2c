package style

import (
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"pressroom.dev/typeset/model"
)

// validate checks what the layout stages rely on, reporting every problem
// with the line of the setting where it can be found.
func (s *Style) validate(root *yaml.Node) error {
	var errs model.Errors
	at := func(path string) (int, int) {
		n := root
		for _, k := range strings.Split(path, ".") {
			if n == nil || n.Kind != yaml.MappingNode {
				return 0, 0
			}
			n = mappingValue(n, k)
		}
		if n == nil {
			return 0, 0
		}
		return n.Line, n.Column
	}
	fail := func(path, format string, args ...any) {
		l, c := at(path)
		errs = append(errs, model.Errorf(s.file, l, c, path, format, args...))
	}
	if t := s.Article.CopyfitTracking; t < 0 || t > 0.05 {
		fail("article.copyfit_tracking", "must be from 0 to 5%%, not %g%%", float64(t)*100)
	}
	if n := s.Article.DropCapLines; n != 0 && (n < 2 || n > 6) {
		fail("article.drop_cap_lines", "must be 0 (no drop caps) or 2 to 6 lines, not %d", n)
	}
	if n := s.Article.DropCapPriority; n < 0 || n > 5 {
		fail("article.drop_cap_priority", "must be a priority from 1 to 5 (0 means 1), not %d", n)
	}
	p := s.Page
	if p.Width <= 0 || p.Height <= 0 {
		fail("page", "width and height must be set and positive")
	}
	if p.Columns < 1 || p.Columns > 20 {
		fail("page.columns", "must be between 1 and 20, not %d", p.Columns)
	}
	if p.Baseline <= 0 {
		fail("page.baseline", "the baseline grid pitch must be set and positive")
	}
	if p.Gutter < 0 || p.Bleed < 0 {
		fail("page", "gutter and bleed cannot be negative")
	}
	if p.Columns >= 1 && p.Width > 0 && s.ColumnWidth() <= 0 {
		fail("page.columns", "the columns do not fit between the margins")
	}
	for name, c := range s.Colors {
		for _, v := range c.CMYK {
			if v < 0 || v > 100 {
				fail("colors."+name+".cmyk", "CMYK values are percentages from 0 to 100")
				break
			}
		}
	}
	for name, f := range s.Families {
		if f.Regular == "" && f.Bold == "" {
			fail("families."+name, "needs at least a regular or a bold font file")
		}
	}
	for _, ts := range s.Type.all() {
		s.checkType(ts.path, ts.style, fail)
	}
	if len(s.Type.Headline.Sizes) == 0 {
		fail("type.headline.sizes", "the headline scale needs at least one size")
	}
	for i := 1; i < len(s.Type.Headline.Sizes); i++ {
		if s.Type.Headline.Sizes[i] <= s.Type.Headline.Sizes[i-1] {
			fail("type.headline.sizes", "sizes must grow from the smallest to the largest")
			break
		}
	}
	for _, pair := range []struct {
		path string
		r    [3]Ratio
	}{{"justification.word_space", s.Justify.WordSpace}, {"justification.letter_space", s.Justify.LetterSpace}, {"justification.glyph_scale", s.Justify.GlyphScale}} {
		if pair.r[0] > pair.r[1] || pair.r[1] > pair.r[2] {
			fail(pair.path, "give minimum, desired and maximum in that order")
		}
	}
	if s.Justify.WordSpace[0] <= 0 {
		fail("justification.word_space", "the minimum word space must be above 0%%")
	}
	for _, name := range []struct{ path, color string }{
		{"quote_box.color", s.Box.Color}, {"quote_box.tint", s.Box.Tint}, {"pull_quote.color", s.Pull.Color}, {"article.rule_color", s.Article.RuleColor},
	} {
		if name.color != "" {
			if _, ok := s.Colors[name.color]; !ok {
				fail(name.path, "unknown colour %q (known: %s)", name.color, s.colorNames())
			}
		}
	}
	if !strings.Contains(s.Dateline.Format, "{place}") && !strings.Contains(s.Dateline.Format, "{date}") {
		fail("dateline.format", "must contain {place} and/or {date}")
	}
	if !strings.Contains(s.Credit.Format, "{source}") {
		fail("credit.format", "must contain {source}")
	}
	return errs.Err()
}

func (s *Style) checkType(path string, t TypeStyle, fail func(string, string, ...any)) {
	fam, ok := s.Families[t.Family]
	switch {
	case t.Family == "":
		fail(path+".family", "missing")
	case !ok:
		fail(path+".family", "unknown family %q (known: %s)", t.Family, s.familyNames())
	case fam.File(t.Bold, t.Italic) == "":
		fail(path+".family", "family %q has no font for this weight", t.Family)
	}
	if t.Size <= 0 {
		fail(path+".size", "must be set and positive")
	}
	if t.Leading < 0 {
		fail(path+".leading", "cannot be negative")
	}
	if t.Color != "" {
		if _, ok := s.Colors[t.Color]; !ok {
			fail(path+".color", "unknown colour %q (known: %s)", t.Color, s.colorNames())
		}
	}
	switch t.Align {
	case "", "left", "right", "center", "justify":
	default:
		fail(path+".align", "%q is not an alignment (left, right, center, justify)", t.Align)
	}
}

func (s *Style) colorNames() string  { return keys(s.Colors) }
func (s *Style) familyNames() string { return keys(s.Families) }

func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

type namedType struct {
	path  string
	style TypeStyle
}

func (t *TypeStyles) all() []namedType {
	return []namedType{
		{"type.body", t.Body}, {"type.dateline", t.Dateline}, {"type.crosshead", t.Crosshead},
		{"type.headline", t.Headline.TypeStyle}, {"type.kicker", t.Kicker.TypeStyle}, {"type.deck", t.Deck},
		{"type.byline", t.Byline}, {"type.credit", t.Credit}, {"type.box_title", t.BoxTitle},
		{"type.box_text", t.BoxText}, {"type.box_attribution", t.BoxAttribution},
		{"type.pull_text", t.PullText}, {"type.pull_attribution", t.PullAttrib},
		{"type.caption", t.Caption}, {"type.photo_credit", t.PhotoCredit}, {"type.folio", t.Folio},
		{"type.masthead", t.Masthead}, {"type.masthead_line", t.MastheadLine}, {"type.jump", t.Jump},
		{"type.jump_head", t.JumpHead},
		{"type.section_head", t.SectionHead}, {"type.drop_cap", t.DropCap},
	}
}

// File returns the font file for a weight and slant, falling back from
// bold-italic to bold, and from italic to regular, when the family lacks it.
func (f Family) File(bold, italic bool) string {
	switch {
	case bold && italic && f.BoldItalic != "":
		return f.BoldItalic
	case bold && f.Bold != "":
		return f.Bold
	case italic && f.Italic != "":
		return f.Italic
	case !bold && f.Regular != "":
		return f.Regular
	}
	if f.Regular != "" {
		return f.Regular
	}
	return f.Bold
}

// ColumnWidth is the width of one column of the grid.
func (s *Style) ColumnWidth() Length {
	p := s.Page
	area := p.Width - p.Margins.Inside - p.Margins.Outside
	return (area - Length(p.Columns-1)*p.Gutter) / Length(p.Columns)
}

// Span is the width of k columns and the k-1 gutters between them.
func (s *Style) Span(k int) Length {
	return Length(k)*s.ColumnWidth() + Length(k-1)*s.Page.Gutter
}

// Color returns the named colour, or process black if the name is empty.
func (s *Style) Color(name string) Color {
	if c, ok := s.Colors[name]; ok {
		return c
	}
	return Color{CMYK: [4]float64{0, 0, 0, 100}}
}

// TypeArea is the rectangle inside the margins of a page (x from the left
// trim edge, y from the top). Odd pages are right-hand pages, with the
// inside margin on the left; even pages have it on the right.
func (s *Style) TypeArea(page int) (x, y, w, h Length) {
	p := s.Page
	left := p.Margins.Inside
	if page%2 == 0 {
		left = p.Margins.Outside
	}
	return left, p.Margins.Top, p.Width - p.Margins.Inside - p.Margins.Outside, p.Height - p.Margins.Top - p.Margins.Bottom
}

// WithMeasure returns a copy of the style whose grid has cols columns of
// exactly measure, centred between the margins; the page grows when they
// do not fit. Proofs use it to set a story at the width it will run.
func (s *Style) WithMeasure(cols int, measure Length) *Style {
	c := *s
	p := &c.Page
	p.Columns = cols
	need := Length(cols)*measure + Length(cols-1)*p.Gutter
	minMargin := min(p.Margins.Inside, p.Margins.Outside)
	if need+2*minMargin > p.Width {
		p.Width = need + 2*minMargin
	}
	side := (p.Width - need) / 2
	p.Margins.Inside, p.Margins.Outside = side, p.Width-need-side
	return &c
}
