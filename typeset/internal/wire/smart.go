package wire

import (
	"unicode/utf8"

	"pressroom.dev/typeset/model"
)

// Smarten gives an article read from the wire the typographic punctuation
// of model.Smarten, on the fields the native format smartens: kicker,
// headline, deck, byline, dateline, photo captions, credits and alt texts,
// every text of the body, and the end tagline. Names and codes (slug,
// section, agency, language) are left as sent, as in the native format.
//
// Agency copy is mostly typographic already, and Smarten leaves curly
// quotes, dashes and ellipses alone; copy that still comes as typewriter
// text (the IPTC examples: "lawyers' strike", "d'Emilio", "[ ... ]") then
// prints as the same words typed into the native format would.
func Smarten(a *model.Article) {
	for _, s := range fields(a) {
		*s = model.Smarten(*s, 0, 0)
	}
	for _, p := range paragraphs(a) {
		smartenSpans(*p)
	}
}

// Texts returns every printed text of an article in a fixed order: the
// fields Smarten smartens, then each span of the body.
func Texts(a *model.Article) []string {
	var out []string
	for _, s := range fields(a) {
		out = append(out, *s)
	}
	for _, p := range paragraphs(a) {
		for _, s := range *p {
			out = append(out, s.Text)
		}
	}
	return out
}

// fields lists the printed one-string fields of an article.
func fields(a *model.Article) []*string {
	out := []*string{&a.Kicker, &a.Headline, &a.Deck, &a.Byline, &a.Dateline.Place, &a.Dateline.DateText, &a.Credit.Tagline}
	for i := range a.Photos {
		p := &a.Photos[i]
		out = append(out, &p.Caption, &p.Credit, &p.Alt)
	}
	for i := range a.Body {
		out = append(out, &a.Body[i].Title, &a.Body[i].Attribution)
	}
	return out
}

// paragraphs lists the styled texts of the body: paragraphs, crossheads
// and quote paragraphs.
func paragraphs(a *model.Article) []*[]model.Span {
	var out []*[]model.Span
	for i := range a.Body {
		b := &a.Body[i]
		out = append(out, &b.Text)
		for j := range b.Quote {
			out = append(out, (*[]model.Span)(&b.Quote[j]))
		}
	}
	return out
}

// smartenSpans smartens a paragraph span by span; each span sees the
// characters on either side of it, so that a quote mark at a change of
// style turns the right way.
func smartenSpans(spans []model.Span) {
	var before rune
	for i, s := range spans {
		var after rune
		if i+1 < len(spans) {
			after, _ = utf8.DecodeRuneInString(spans[i+1].Text)
		}
		spans[i].Text = model.Smarten(s.Text, before, after)
		before, _ = utf8.DecodeLastRuneInString(spans[i].Text)
	}
}
