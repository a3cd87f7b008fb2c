package native

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"pressroom.dev/typeset/model"
)

// Write writes an article in the native format, so that the desk can edit
// wire copy by hand: the front matter, then one paragraph to a line. dir is
// the folder the file will be in; photo paths are written relative to it.
//
// Reading the output back gives the same article (but for Source and the
// line numbers) whenever the format can hold it. Text is escaped so that
// Markdown takes none of it for markup, and written as it is in the
// article: punctuation that the reader would smarten ('"', "--", "...")
// comes out the same only if the article was smartened already, as every
// reader's articles are. What the format cannot hold:
//
//   - Credit.Tagline: no field; it is written as a comment by the credit.
//   - Credit.Source "Staff": "credit: staff" means the paper's own
//     reporting (no end credit); a comment says so.
//   - A quote box or pull quote without quote text: its title (else its
//     attribution) becomes the quote text. A quote paragraph that starts
//     with a dash reads back as the attribution.
//   - Styles that Markdown's emphasis rules cannot place (a style that
//     starts or ends with a space or with punctuation inside a word): the
//     space or punctuation is set roman, else the paragraph is.
//   - An article without body text (the format needs some): nothing is
//     written after the front matter, and the reader refuses the file
//     until the desk adds text.
//   - A date given as text that starts like an ISO date ("17-09-2023"):
//     the dateline is written as one string, "Place, 17-09-2023".
//   - Non-breaking and other Unicode spaces in front-matter fields, which
//     the reader folds to plain spaces.
//
// Differences lists what a round trip lost.
func Write(w io.Writer, a *model.Article, dir string) error {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(frontMatterNode(a, dir)); err != nil {
		return fmt.Errorf("writing the front matter of %s: %w", a.Source, err)
	}
	if err := enc.Close(); err != nil {
		return err
	}
	b.WriteString("---\n")
	for _, blk := range a.Body {
		if md := blockMarkdown(blk); md != "" {
			b.WriteString("\n")
			b.WriteString(md)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// frontMatterNode builds the front matter in the order of the format's
// description.
func frontMatterNode(a *model.Article, dir string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) *yaml.Node {
		k := yamlString(key)
		m.Content = append(m.Content, k, v)
		return k
	}
	text := func(key, s string) {
		if s != "" {
			add(key, yamlString(s))
		}
	}
	text("slug", a.Slug)
	text("section", a.Section)
	text("kicker", a.Kicker)
	add("headline", yamlString(a.Headline)) // required, even when empty
	text("deck", a.Deck)
	text("byline", a.Byline)
	if d := datelineNode(a.Dateline); d != nil {
		add("dateline", d)
	}
	creditNode(a.Credit, add)
	if a.Lang != "" {
		if tag, err := language.Parse(a.Lang); err == nil {
			add("lang", yamlString(tag.String()))
		} else {
			m.Content[len(m.Content)-2].FootComment = fmt.Sprintf("lang %q is not a BCP 47 tag: left out", a.Lang)
		}
	}
	if a.Priority >= 1 && a.Priority <= 5 {
		add("priority", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(a.Priority)})
	}
	if len(a.Photos) > 0 {
		photos := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range a.Photos {
			pm := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{yamlString("file"), yamlString(photoPath(p.File, dir))}}
			for _, f := range [][2]string{{"caption", p.Caption}, {"credit", p.Credit}, {"alt", p.Alt}} {
				if f[1] != "" {
					pm.Content = append(pm.Content, yamlString(f[0]), yamlString(f[1]))
				}
			}
			photos.Content = append(photos.Content, pm)
		}
		add("photos", photos)
	}
	return m
}

// yamlString is a YAML string; the encoder quotes it where YAML would read
// it as something else.
func yamlString(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// datelineNode writes place and ISO date as a mapping, a date given only as
// text as one string; nil when there is no dateline.
func datelineNode(d model.Dateline) *yaml.Node {
	date := d.DateText
	if !d.Date.IsZero() {
		date = d.Date.String()
	}
	switch {
	case d.IsZero():
		return nil
	case d.Place == "" && d.Date.IsZero():
		return yamlString(d.DateText)
	case d.Date.IsZero() && looksISO(d.DateText):
		if _, ok := parseISODate(d.DateText); !ok {
			// "date: 17-09-2023" would be refused as a bad ISO date: keep
			// the words as one printable string.
			return yamlString(d.Place + ", " + d.DateText)
		}
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	if d.Place != "" {
		m.Content = append(m.Content, yamlString("place"), yamlString(d.Place))
	}
	if date != "" {
		v := yamlString(date)
		if !d.Date.IsZero() {
			v.Tag = "" // a plain 2026-11-26, as the desk types it
		}
		m.Content = append(m.Content, yamlString("date"), v)
	}
	return m
}

// creditNode writes the credit, with a comment for what the native format
// cannot say.
func creditNode(c model.Credit, add func(string, *yaml.Node) *yaml.Node) {
	var note []string
	if strings.EqualFold(c.Source, "staff") {
		note = append(note, fmt.Sprintf("The wire credited %q and printed “— %s”; here “staff” means the paper's own reporting, without an end credit.", c.Source, c.Source))
	}
	if c.Tagline != "" {
		note = append(note, "The wire's end tagline, printed instead of the credit: "+c.Tagline)
	}
	var k *yaml.Node
	switch {
	case c.Staff:
		k = add("credit", yamlString("staff"))
	case c.Source != "":
		k = add("credit", yamlString(c.Source))
	case len(note) > 0:
		k = add("credit", yamlString(""))
	}
	if k != nil {
		k.HeadComment = strings.Join(note, "\n")
	}
}

// photoPath makes a photo's path relative to the output folder, with
// forward slashes.
func photoPath(file, dir string) string {
	af, err1 := filepath.Abs(file)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(ad, af)
	if err != nil {
		return filepath.ToSlash(af)
	}
	return filepath.ToSlash(rel)
}

// blockMarkdown writes one body block, ending in a newline; "" for a block
// with no words. Each block is read back as it was written; where Markdown
// cannot place a style, the block is written with fewer styles (see Write).
func blockMarkdown(blk model.Block) string {
	if blk.Kind == model.QuoteBox || blk.Kind == model.PullQuote {
		if len(blk.Quote) == 0 {
			// The format needs quote text: the title, else the
			// attribution, takes its place.
			t := &blk.Title
			if *t == "" {
				t = &blk.Attribution
			}
			if *t == "" {
				return ""
			}
			blk.Quote = []model.Para{{{Text: *t}}}
			*t = ""
		}
	} else if len(blk.Text) == 0 && blk.Kind == model.Paragraph {
		return ""
	}
	// Fewer and fewer styles, until the block reads back with the same
	// words. Second best: the same but for punctuation that the reader
	// smartens once a change of style no longer keeps "." and ".." apart.
	words := plain(expected(blk))
	second := ""
	try := blk
	for _, level := range []func([]model.Span) []model.Span{nil, unstyleEdges(unicode.IsSpace), unstyleEdges(notWordChar), unstyled} {
		if level != nil {
			try = restyle(try, level)
		}
		md := renderBlock(try)
		got, ok := readBack(md)
		want := expected(try)
		switch {
		case !ok || !reflect.DeepEqual(got, want):
		case plain(want) == words:
			return md
		case second == "":
			second = md
		}
	}
	if second != "" {
		return second
	}
	// Not even plain text reads back (a quote paragraph that starts with a
	// dash is an attribution): write the block as it is.
	return renderBlock(blk)
}

// plain is all the text of a block.
func plain(b model.Block) string {
	s := []string{model.Plain(b.Text), b.Title, b.Attribution}
	for _, p := range b.Quote {
		s = append(s, model.Plain(p))
	}
	return strings.Join(s, "\n")
}

// renderBlock writes a block as Markdown.
func renderBlock(b model.Block) string {
	switch b.Kind {
	case model.Crosshead:
		return strings.TrimRight("## "+inline(b.Text, false, true), " ") + "\n"
	case model.QuoteBox, model.PullQuote:
		var s strings.Builder
		if b.Kind == model.QuoteBox {
			s.WriteString(strings.TrimRight("> ### "+escape(b.Title, false, true), " ") + "\n")
		}
		for i, p := range b.Quote {
			if i > 0 {
				s.WriteString(">\n")
			}
			s.WriteString("> " + inline(p, true, false) + "\n")
		}
		if b.Attribution != "" {
			s.WriteString("> -- " + escapeAttribution(b.Attribution) + "\n")
		}
		return s.String()
	}
	return inline(b.Text, true, false) + "\n"
}

// readBack reads md as the native reader does: one block, else false.
func readBack(md string) (model.Block, bool) {
	blocks, errs := parseBody("", []byte(md), 1)
	if len(errs) > 0 || len(blocks) != 1 {
		return model.Block{}, false
	}
	blocks[0].Line = 0
	return blocks[0], true
}

// expected is what the reader makes of a block written without loss: its
// text normalised and smartened as the reader does (a no-op for text read
// by any reader).
func expected(b model.Block) model.Block {
	norm := func(s []model.Span) []model.Span {
		if s = smartenSpans(trimSpans(slices.Clone(s))); len(s) == 0 {
			return nil
		}
		return s
	}
	out := model.Block{Kind: b.Kind}
	switch b.Kind {
	case model.QuoteBox, model.PullQuote:
		if b.Kind == model.QuoteBox {
			out.Title = model.Plain(norm([]model.Span{{Text: b.Title}}))
		}
		for _, p := range b.Quote {
			if p := norm(p); p != nil {
				out.Quote = append(out.Quote, p)
			}
		}
		out.Attribution = model.Smarten(strings.TrimSpace(b.Attribution), 0, 0)
	default:
		out.Text = norm(b.Text)
	}
	return out
}

// restyle applies f to every run of styled text in a block.
func restyle(b model.Block, f func([]model.Span) []model.Span) model.Block {
	b.Text = f(b.Text)
	q := make([]model.Para, len(b.Quote))
	for i, p := range b.Quote {
		q[i] = f(p)
	}
	b.Quote = q
	return b
}

// unstyleEdges sets the characters for which edge is true at the start and
// end of each styled span in roman, where Markdown cannot place a style
// change.
func unstyleEdges(edge func(rune) bool) func([]model.Span) []model.Span {
	return func(in []model.Span) []model.Span {
		var out []model.Span
		for _, s := range in {
			if s.Style == 0 {
				out = append(out, s)
				continue
			}
			core := strings.TrimLeftFunc(s.Text, edge)
			lead := s.Text[:len(s.Text)-len(core)]
			core = strings.TrimRightFunc(core, edge)
			trail := s.Text[len(lead)+len(core):]
			out = append(out, model.Span{Text: lead}, model.Span{Text: core, Style: s.Style}, model.Span{Text: trail})
		}
		return mergeSpans(out)
	}
}

func notWordChar(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// unstyled drops all styles.
func unstyled(in []model.Span) []model.Span {
	return []model.Span{{Text: model.Plain(in)}}
}

// inline writes styled text: *emphasis*, **strong**, nested where they
// overlap. lineStart says the text starts a line (so block markup at its
// start is escaped); heading that it is a heading's text.
func inline(spans []model.Span, lineStart, heading bool) string {
	var b strings.Builder
	var open []model.SpanStyle // outermost first
	closeFrom := func(k int) {
		for j := len(open) - 1; j >= k; j-- {
			b.WriteString(delimiter(open[j]))
		}
		open = open[:k]
	}
	for i, s := range spans {
		if s.Text == "" {
			continue
		}
		for k, st := range open {
			if s.Style&st == 0 {
				closeFrom(k)
				break
			}
		}
		var opening []model.SpanStyle
		for _, st := range []model.SpanStyle{model.Strong, model.Emphasis} {
			if s.Style&st != 0 && !slices.Contains(open, st) {
				opening = append(opening, st)
			}
		}
		// The style that runs on longer is the outer one.
		if len(opening) == 2 && runLength(spans[i:], model.Emphasis) > runLength(spans[i:], model.Strong) {
			opening[0], opening[1] = opening[1], opening[0]
		}
		for _, st := range opening {
			b.WriteString(delimiter(st))
			open = append(open, st)
		}
		b.WriteString(escape(s.Text, lineStart && b.Len() == 0, heading))
	}
	closeFrom(0)
	return b.String()
}

func delimiter(st model.SpanStyle) string {
	if st == model.Strong {
		return "**"
	}
	return "*"
}

// runLength counts the spans at the start of spans that have style st.
func runLength(spans []model.Span, st model.SpanStyle) int {
	n := 0
	for n < len(spans) && spans[n].Style&st != 0 {
		n++
	}
	return n
}

var (
	entityRE      = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
	orderedListRE = regexp.MustCompile(`^[0-9]{1,9}[.)]`)
)

// escape writes text so that Markdown reads it as text: the characters of
// inline markup get a backslash, an '&' that would start a character
// reference is written &amp;, and at the start of a line what would start
// a heading, quote, list, rule or fence is escaped too. In a heading every
// '#' is escaped (a trailing one would close it).
func escape(s string, lineStart, heading bool) string {
	var b strings.Builder
	if lineStart {
		if m := orderedListRE.FindString(s); m != "" {
			b.WriteString(m[:len(m)-1] + `\` + m[len(m)-1:])
			s = s[len(m):]
			lineStart = false
		}
	}
	// Bytes, not runes: every character escaped is ASCII, and bytes that are
	// not UTF-8 must come out as they came in.
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<':
			b.WriteByte('\\')
		case '&':
			if entityRE.MatchString(s[i:]) {
				b.WriteString("&amp;")
				continue
			}
		case '#':
			if heading || lineStart && i == 0 {
				b.WriteByte('\\')
			}
		case '>', '-', '+', '=', '~':
			if lineStart && i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeAttribution escapes an attribution, which follows "-- " on its
// line: a leading '-' would make the line a rule.
func escapeAttribution(s string) string {
	e := escape(s, false, false)
	if r, _ := utf8.DecodeRuneInString(s); r == '-' || r == '=' {
		e = `\` + e
	}
	return e
}

// Differences lists, one line each, the fields in which b differs from a,
// leaving out Source, the lines of blocks and photos, and how a photo's
// path is spelled: what a round trip through Write and Read lost.
func Differences(a, b *model.Article) []string {
	x, y := comparable(a), comparable(b)
	if reflect.DeepEqual(x, y) {
		return nil
	}
	var diffs []string
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	for i := 0; i < vx.NumField(); i++ {
		name := vx.Type().Field(i).Name
		if name != "Body" {
			if fx, fy := vx.Field(i).Interface(), vy.Field(i).Interface(); !reflect.DeepEqual(fx, fy) {
				diffs = append(diffs, fmt.Sprintf("%s: %+v became %+v", name, fx, fy))
			}
			continue
		}
		for j := range max(len(x.Body), len(y.Body)) {
			var bx, by model.Block
			if j < len(x.Body) {
				bx = x.Body[j]
			}
			if j < len(y.Body) {
				by = y.Body[j]
			}
			if !reflect.DeepEqual(bx, by) {
				diffs = append(diffs, fmt.Sprintf("block %d: %+v became %+v", j+1, bx, by))
			}
		}
	}
	return diffs
}

// comparable is a copy of a without what Differences leaves out.
func comparable(a *model.Article) model.Article {
	c := *a
	c.Source = ""
	c.Body = slices.Clone(a.Body)
	for i := range c.Body {
		c.Body[i].Line = 0
	}
	c.Photos = slices.Clone(a.Photos)
	for i := range c.Photos {
		c.Photos[i].Line = 0
		if abs, err := filepath.Abs(c.Photos[i].File); err == nil {
			c.Photos[i].File = abs
		}
	}
	return c
}
