package compose

import (
	"strings"

	"pressroom.dev/typeset/model"
)

// Text returns the words an article prints, one block per line, in
// reading order: headline package, photo credits and captions, then the
// body with its dateline, boxes and end credit, cased as the style sets
// them. It is what a reader should find on the page, no more and no less;
// the fidelity checks compare the PDF's text with it.
func (k *Kit) Text(a *model.Article) string {
	s := k.Style
	var b strings.Builder
	line := func(text string, upper bool) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		if upper {
			text = strings.ToUpper(text)
		}
		b.WriteString(text)
		b.WriteByte('\n')
	}
	line(k.kicker(a), s.Type.Kicker.Upper)
	line(a.Headline, s.Type.Headline.Upper)
	line(a.Deck, s.Type.Deck.Upper)
	line(a.Byline, s.Type.Byline.Upper)
	for _, p := range a.Photos {
		line(p.Credit, s.Type.PhotoCredit.Upper)
		line(p.Caption, s.Type.Caption.Upper)
	}
	first := true
	for _, blk := range a.Body {
		switch blk.Kind {
		case model.Paragraph:
			text := model.Plain(blk.Text)
			if first {
				if dl := Dateline(a.Dateline, s.Dateline); dl != "" {
					text = dl + " " + text
				}
				first = false
			}
			line(text, s.Type.Body.Upper)
		case model.Crosshead:
			line(model.Plain(blk.Text), s.Type.Crosshead.Upper)
		case model.QuoteBox:
			line(blk.Title, s.Type.BoxTitle.Upper)
			for _, q := range blk.Quote {
				line(model.Plain(q), s.Type.BoxText.Upper)
			}
			line(attribution(blk.Attribution), s.Type.BoxAttribution.Upper)
		case model.PullQuote:
			for _, q := range blk.Quote {
				line(model.Plain(q), s.Type.PullText.Upper)
			}
			line(attribution(blk.Attribution), s.Type.PullAttrib.Upper)
		}
	}
	line(CreditLine(a.Credit, s.Credit), s.Type.Credit.Upper)
	return b.String()
}
