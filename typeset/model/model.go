// Package model holds a news article as the desk means it, whatever file it
// came from: the native Markdown format, NITF or ninjs all read into these
// structs, and every later stage reads only these structs.
package model

import "fmt"

// Article is one story: the headline package, the body and its furniture.
type Article struct {
	Source   string   // file the article was read from, for messages
	Slug     string   // short desk name, unique in an edition ("kim-russia")
	Section  string   // section it runs in ("World")
	Kicker   string   // small label over the headline
	Headline string   // the headline, one string; the typesetter breaks it
	Deck     string   // one or two sentences under the headline
	Byline   string   // as printed ("By Mia Kowalski")
	Dateline Dateline // place and date run in at the start of the body
	Credit   Credit   // who supplied the story ("— Reuters" at its end)
	Lang     string   // BCP 47 language tag; "" means the style's default
	Priority int      // 1 is the lead story, 5 the least important
	Photos   []Photo  // pictures that go with the story
	Body     []Block  // paragraphs, crossheads, quote boxes, pull quotes
}

// Dateline is where and when a story was filed. Place is printed as given
// (the style may set it in capitals); Date is formatted by the style unless
// the source gave only a printable string, kept in DateText.
type Dateline struct {
	Place    string
	Date     Date
	DateText string
}

// IsZero reports whether the article has no dateline at all.
func (d Dateline) IsZero() bool { return d.Place == "" && d.Date.IsZero() && d.DateText == "" }

// Date is a calendar date without a time zone: a dateline names the day in
// the place it was filed, which is all a reader needs.
type Date struct {
	Year  int
	Month int // 1..12
	Day   int // 1..31
}

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// String gives the ISO form, 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Credit names the source of a story. Source is the agency ("Reuters",
// "AP"); Staff marks the paper's own reporting, which prints no end credit
// unless the style asks for one. Tagline, when a source supplies it (NITF's
// body.end/tagline), is printed exactly as given instead of "— Source".
type Credit struct {
	Source  string
	Staff   bool
	Tagline string
}

// IsZero reports whether no credit is set.
func (c Credit) IsZero() bool { return c.Source == "" && !c.Staff && c.Tagline == "" }

// Photo is a picture that runs with the story. File is a path on disk,
// already resolved against the article's folder and checked to stay inside
// the edition's folder.
type Photo struct {
	File    string
	Caption string
	Credit  string // "Photo: Ana Souza/Staff"
	Alt     string
	Line    int // line in the source that named it, for messages
}

// BlockKind says what a body block is.
type BlockKind int

// The kinds of body block.
const (
	Paragraph BlockKind = iota
	Crosshead           // a subhead inside the body
	QuoteBox            // boxed sidebar: title, quote, attribution
	PullQuote           // a quote from the story set large between rules
)

func (k BlockKind) String() string {
	switch k {
	case Paragraph:
		return "paragraph"
	case Crosshead:
		return "crosshead"
	case QuoteBox:
		return "quote box"
	case PullQuote:
		return "pull quote"
	}
	return fmt.Sprintf("BlockKind(%d)", int(k))
}

// Block is one element of the body. Paragraphs and crossheads use Text;
// quote boxes use Title, Quote and Attribution; pull quotes use Quote and
// Attribution.
type Block struct {
	Kind        BlockKind
	Line        int    // line in the source file where the block starts; 0 if unknown
	Text        []Span // Paragraph, Crosshead
	Title       string // QuoteBox
	Quote       []Para // QuoteBox, PullQuote: one or more paragraphs
	Attribution string // QuoteBox, PullQuote: who said it, without the dash
}

// Para is a run of styled text: one paragraph.
type Para []Span

// Span is text in one style.
type Span struct {
	Text  string
	Style SpanStyle
}

// SpanStyle is a set of inline styles.
type SpanStyle uint8

// Inline styles; they combine.
const (
	Emphasis SpanStyle = 1 << iota // italic
	Strong                         // bold
)

// Plain returns the text of spans without styles.
func Plain(spans []Span) string {
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range spans {
		b = append(b, s.Text...)
	}
	return string(b)
}
