package nitf

import (
	"strings"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// inlineNames are the elements that continue a run of text when they stand
// at block level (NITF's enriched-text elements and a few HTML habits).
var inlineNames = map[string]bool{
	"em": true, "i": true, "strong": true, "b": true, "u": true, "a": true, "span": true,
	"person": true, "org": true, "location": true, "event": true, "function": true,
	"object.title": true, "virtloc": true, "classifier": true, "copyrite": true,
	"money": true, "num": true, "chron": true, "pronounce": true, "q": true,
	"sub": true, "sup": true, "frac": true, "frac-num": true, "frac-den": true,
	"lang": true, "alt-code": true, "city": true, "state": true, "region": true,
	"country": true, "sublocation": true, "postaddr": true, "name.given": true,
	"name.family": true, "byttl": true, "ruby": true, "rb": true, "rt": true, "rp": true,
}

// skipNames are elements that never print.
var skipNames = map[string]bool{
	"note": true, "ed-msg": true, "script": true, "style": true, "hr": true,
	"nitf-colgroup": true, "nitf-col": true, "colgroup": true, "col": true,
}

// styleOf returns the inline style an element adds.
func styleOf(name string) model.SpanStyle {
	switch name {
	case "em", "i":
		return model.Emphasis
	case "strong", "b":
		return model.Strong
	}
	return 0
}

// spans collects the styled text of inline content.
type spans []model.Span

func (s *spans) add(n *node, st model.SpanStyle) {
	if n.name == "" {
		*s = append(*s, model.Span{Text: n.text, Style: st})
		return
	}
	switch n.name {
	case "br":
		*s = append(*s, model.Span{Text: " ", Style: st})
		return
	case "media", "note", "ed-msg", "script", "style":
		return
	}
	st |= styleOf(n.name)
	for _, k := range n.kids {
		s.add(k, st)
	}
}

// inline returns the normalised spans of n's content.
func inline(n *node) []model.Span {
	var s spans
	for _, k := range n.kids {
		s.add(k, 0)
	}
	return wire.NormSpans(s)
}

// flow reads a sequence of body nodes into blocks. Text and inline elements
// standing between blocks form paragraphs of their own, so no words are
// lost; pictures go to the article's photos.
func (r *reader) flow(kids []*node, out []model.Block) []model.Block {
	var run spans
	runLine := 0
	flush := func() {
		if t := wire.NormSpans(run); len(t) > 0 {
			out = append(out, model.Block{Kind: model.Paragraph, Line: runLine, Text: t})
		}
		run, runLine = nil, 0
	}
	for _, k := range kids {
		if k.name == "" || inlineNames[k.name] {
			if runLine == 0 && strings.TrimSpace(k.textContent()) != "" {
				runLine = k.line
			}
			run.add(k, 0)
			r.mediaIn(k)
			continue
		}
		flush()
		switch k.name {
		case "p", "pre", "caption":
			if t := inline(k); len(t) > 0 {
				out = append(out, model.Block{Kind: model.Paragraph, Line: k.line, Text: t})
			}
			r.mediaIn(k)
		case "hl1", "hl2", "hl3", "hl4", "hl5", "hl6", "h1", "h2", "h3", "h4", "h5", "h6":
			if t := inline(k); len(t) > 0 {
				out = append(out, model.Block{Kind: model.Crosshead, Line: k.line, Text: t})
			}
		case "block":
			if isBox(k) {
				if b, ok := r.box(k); ok {
					out = append(out, b)
				}
				continue
			}
			out = r.flow(k.kids, out)
		case "bq", "blockquote":
			if b, ok := r.pullQuote(k); ok {
				out = append(out, b)
			}
		case "media":
			r.media(k)
		case "nitf-table-metadata":
			out = r.flow(k.children("nitf-table-summary"), out)
		case "tr":
			out = r.row(k, out)
		case "br":
		default:
			if skipNames[k.name] {
				continue
			}
			// ul/ol/li, dl/dt/dd, nitf-table, table, tbody, fn, unknown
			// containers: their content, block by block.
			out = r.flow(k.kids, out)
		}
	}
	flush()
	return out
}

// row reads a table row as one paragraph, cells separated by " · ": the
// model has no tables, and their words must not be lost.
func (r *reader) row(tr *node, out []model.Block) []model.Block {
	var cells [][]model.Span
	for _, c := range tr.kids {
		if c.name == "td" || c.name == "th" {
			cells = append(cells, inline(c))
		}
	}
	if t := wire.Row(cells); len(t) > 0 {
		out = append(out, model.Block{Kind: model.Paragraph, Line: tr.line, Text: t})
	}
	return out
}

// isBox reports a boxed sidebar: block class="sidebar", or a block that
// holds both a heading and a block quote.
func isBox(n *node) bool {
	return n.hasClass("sidebar") || n.child("hl2") != nil && n.child("bq") != nil
}

// box reads a sidebar block: its first heading is the title, its block
// quotes and other text the quote, a credit the attribution.
func (r *reader) box(n *node) (model.Block, bool) {
	b := model.Block{Kind: model.QuoteBox, Line: n.line}
	var rest []*node
	flushRest := func() {
		b.Quote = append(b.Quote, wire.Paras(r.flow(rest, nil))...)
		rest = nil
	}
	for _, k := range n.kids {
		switch k.name {
		case "hl1", "hl2", "hl3", "hl4":
			if b.Title == "" {
				b.Title = k.textContent()
				continue
			}
		case "bq", "blockquote":
			flushRest()
			q, attr := r.quote(k)
			b.Quote = append(b.Quote, q...)
			if attr != "" && b.Attribution == "" {
				b.Attribution = attr
			} else if attr != "" {
				b.Quote = append(b.Quote, model.Para{{Text: attr}})
			}
			continue
		case "credit":
			if b.Attribution == "" {
				flushRest()
				b.Attribution = wire.StripDash(k.textContent())
				continue
			}
		}
		rest = append(rest, k)
	}
	flushRest()
	b.Quote, b.Attribution = wire.AttributionLine(b.Quote, b.Attribution)
	return b, b.Title != "" || len(b.Quote) > 0 || b.Attribution != ""
}

// pullQuote reads a bare bq as a pull quote.
func (r *reader) pullQuote(n *node) (model.Block, bool) {
	q, attr := r.quote(n)
	b := model.Block{Kind: model.PullQuote, Line: n.line, Quote: q, Attribution: attr}
	b.Quote, b.Attribution = wire.AttributionLine(b.Quote, b.Attribution)
	return b, len(b.Quote) > 0 || b.Attribution != ""
}

// quote reads a bq: its paragraphs and its credit (or quote-source).
func (r *reader) quote(n *node) ([]model.Para, string) {
	var kids []*node
	attr := ""
	for _, k := range n.kids {
		if k.name == "credit" && attr == "" {
			attr = wire.StripDash(k.textContent())
			continue
		}
		kids = append(kids, k)
	}
	if attr == "" {
		attr = wire.StripDash(wire.Collapse(n.attr("quote-source")))
	}
	return wire.Paras(r.flow(kids, nil)), attr
}

// mediaIn reads the pictures inside inline content (a media element in a
// paragraph), which the text of the paragraph leaves out.
func (r *reader) mediaIn(n *node) {
	for _, k := range n.kids {
		if k.name == "media" {
			r.media(k)
		} else if k.name != "" {
			r.mediaIn(k)
		}
	}
}

// media reads media[@media-type="image"] into a photo. Other media (audio,
// video) and remote images are skipped; a local path must stay inside the
// edition's folder.
func (r *reader) media(n *node) {
	typ := strings.ToLower(n.attr("media-type"))
	var ref *node
	for _, k := range n.children("media-reference") {
		if k.attr("source") != "" {
			ref = k
			break
		}
	}
	if ref == nil {
		return
	}
	mime := strings.ToLower(ref.attr("mime-type"))
	if typ != "image" && typ != "photo" && typ != "graphic" && !strings.HasPrefix(mime, "image/") {
		return
	}
	src := strings.TrimSpace(ref.attr("source"))
	if wire.IsRemote(src) {
		return
	}
	path, ok := wire.Resolve(r.file, r.root, src)
	if !ok {
		r.errorf(ref, ref.path()+"/@source",
			"image %q is outside the edition folder", src)
		return
	}
	p := model.Photo{File: path, Line: ref.line, Alt: wire.Collapse(ref.attr("alternate-text"))}
	var caps []string
	for _, c := range n.children("media-caption") {
		if t := c.textContent(); t != "" {
			caps = append(caps, t)
		}
	}
	p.Caption = strings.Join(caps, " ")
	if pr := n.child("media-producer"); pr != nil {
		p.Credit = pr.textContent()
	}
	if p.Credit == "" {
		p.Credit = wire.Collapse(ref.attr("source-credit"))
	}
	r.art.Photos = append(r.art.Photos, p)
}
