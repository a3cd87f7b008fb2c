package ninjs

import (
	"strings"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// inlineNames are the HTML elements that continue a run of text.
var inlineNames = map[string]bool{
	"a": true, "abbr": true, "acronym": true, "b": true, "bdi": true, "bdo": true, "big": true,
	"cite": true, "code": true, "data": true, "del": true, "dfn": true, "em": true, "font": true,
	"i": true, "ins": true, "kbd": true, "label": true, "mark": true, "q": true, "s": true,
	"samp": true, "small": true, "span": true, "strike": true, "strong": true, "sub": true,
	"sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true, "ruby": true,
	"rb": true, "rt": true, "rp": true,
}

// skipNames never print: document head, scripts, embedded media and forms.
var skipNames = map[string]bool{
	"head": true, "title": true, "meta": true, "link": true, "script": true, "style": true,
	"template": true, "noscript": true, "iframe": true, "object": true, "embed": true,
	"video": true, "audio": true, "svg": true, "canvas": true, "form": true, "button": true,
	"input": true, "select": true, "textarea": true, "nav": true, "hr": true, "source": true,
}

func styleOf(name string) model.SpanStyle {
	switch name {
	case "em", "i", "cite", "dfn", "var":
		return model.Emphasis
	case "strong", "b":
		return model.Strong
	}
	return 0
}

type spans []model.Span

func (s *spans) add(n *hnode, st model.SpanStyle) {
	if n.name == "" {
		*s = append(*s, model.Span{Text: n.text, Style: st})
		return
	}
	switch {
	case n.name == "br":
		*s = append(*s, model.Span{Text: " ", Style: st})
		return
	case n.name == "img" || skipNames[n.name]:
		return
	}
	st |= styleOf(n.name)
	for _, k := range n.kids {
		s.add(k, st)
	}
}

func inline(n *hnode) []model.Span {
	var s spans
	for _, k := range n.kids {
		s.add(k, 0)
	}
	return wire.NormSpans(s)
}

// body turns HTML into blocks; all of them get line, the line of the body's
// value in the JSON file.
type body struct {
	r    *reader
	line int
	at   *value // the body's value, for messages
}

// flow reads a sequence of nodes into blocks. Text and inline elements
// between blocks form paragraphs of their own, so no words are lost.
func (b *body) flow(kids []*hnode, out []model.Block) []model.Block {
	var run spans
	flush := func() {
		if t := wire.NormSpans(run); len(t) > 0 {
			out = append(out, model.Block{Kind: model.Paragraph, Line: b.line, Text: t})
		}
		run = nil
	}
	for _, k := range kids {
		if k.name == "" || inlineNames[k.name] && !b.meta(k) {
			run.add(k, 0)
			b.images(k)
			continue
		}
		flush()
		switch k.name {
		case "p", "pre", "caption", "dt", "dd":
			if !b.meta(k) {
				out = b.para(model.Paragraph, inline(k), out)
				b.images(k)
			}
		case "h1":
			// The headline repeated at the top of an HTML body.
			if !strings.EqualFold(k.textContent(), b.r.art.Headline) {
				out = b.para(model.Crosshead, inline(k), out)
			}
		case "h2", "h3", "h4", "h5", "h6":
			out = b.para(model.Crosshead, inline(k), out)
		case "aside":
			if blk, ok := b.box(k); ok {
				out = append(out, blk)
			}
		case "blockquote":
			if blk, ok := b.pullQuote([]*hnode{k}); ok {
				out = append(out, blk)
			}
		case "figure":
			if k.find("blockquote") != nil {
				if blk, ok := b.pullQuote(k.kids); ok {
					out = append(out, blk)
				}
				continue
			}
			if img := k.find("img"); img != nil {
				b.figure(k, img)
				continue
			}
			out = b.flow(k.kids, out)
		case "img":
			b.figure(nil, k)
		case "tr":
			out = b.row(k, out)
		case "br":
		default:
			if skipNames[k.name] || b.meta(k) {
				continue
			}
			// div, section, article, body, html, ul/ol/li, dl, table and
			// unknown containers: their content, block by block.
			out = b.flow(k.kids, out)
		}
	}
	flush()
	return out
}

// para appends a paragraph or crosshead unless it is empty.
func (b *body) para(kind model.BlockKind, t []model.Span, out []model.Block) []model.Block {
	if len(t) == 0 {
		return out
	}
	return append(out, model.Block{Kind: kind, Line: b.line, Text: t})
}

// meta takes the kicker out of the body: an element of class "kicker" or
// "vignette" (TT's label over the headline) becomes the article's kicker, and
// TT's "dat" line gives its source as the credit when there is none. It
// reports whether n was used up.
func (b *body) meta(n *hnode) bool {
	a := b.r.art
	switch {
	case n.hasClass("kicker"), n.hasClass("vignette"):
		if a.Kicker == "" {
			a.Kicker = n.textContent()
			return true
		}
	case n.hasClass("dat"):
		var rest []*hnode
		for _, k := range n.kids {
			switch {
			case k.name != "" && (k.hasClass("kicker") || k.hasClass("vignette")) && a.Kicker == "":
				a.Kicker = k.textContent()
			case k.name != "" && k.hasClass("source") && a.Credit.IsZero():
				a.Credit.Source = k.textContent()
			case k.name != "" && k.hasClass("source") && strings.EqualFold(k.textContent(), a.Credit.Source):
			default:
				rest = append(rest, k)
			}
		}
		n.kids = rest
		return len(rest) == 0
	}
	return false
}

// row reads a table row as one paragraph, cells separated by " · ".
func (b *body) row(tr *hnode, out []model.Block) []model.Block {
	var cells [][]model.Span
	for _, c := range tr.kids {
		if c.name == "td" || c.name == "th" {
			cells = append(cells, inline(c))
		}
	}
	return b.para(model.Paragraph, wire.Row(cells), out)
}

// box reads an aside as a quote box: its first heading is the title, block
// quotes and other text the quote, a figcaption (or a blockquote's footer)
// the attribution. An aside without a quote is an ordinary sidebar: title
// and paragraphs.
func (b *body) box(n *hnode) (model.Block, bool) {
	blk := model.Block{Kind: model.QuoteBox, Line: b.line}
	var quote []*hnode
	for _, k := range n.kids {
		switch k.name {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			if blk.Title == "" {
				blk.Title = k.textContent()
				continue
			}
		}
		quote = append(quote, k)
	}
	q, attr := b.quote(quote)
	blk.Quote, blk.Attribution = wire.AttributionLine(q, attr)
	return blk, blk.Title != "" || len(blk.Quote) > 0 || blk.Attribution != ""
}

// pullQuote reads a bare blockquote, or a figure holding one, as a pull
// quote.
func (b *body) pullQuote(kids []*hnode) (model.Block, bool) {
	q, attr := b.quote(kids)
	blk := model.Block{Kind: model.PullQuote, Line: b.line}
	blk.Quote, blk.Attribution = wire.AttributionLine(q, attr)
	return blk, len(blk.Quote) > 0 || blk.Attribution != ""
}

// quote reads quote content: the paragraphs of block quotes, figures and
// anything else, and the first figcaption or footer as the attribution
// (later ones stay text).
func (b *body) quote(kids []*hnode) ([]model.Para, string) {
	var q []model.Para
	attr := ""
	var pending []*hnode
	flush := func() {
		q = append(q, wire.Paras(b.flow(pending, nil))...)
		pending = nil
	}
	var walk func(kids []*hnode)
	walk = func(kids []*hnode) {
		for _, k := range kids {
			switch k.name {
			case "figcaption", "footer":
				if attr == "" {
					flush()
					attr = wire.StripDash(k.textContent())
					continue
				}
			case "blockquote", "figure":
				flush()
				walk(k.kids)
				flush()
				continue
			}
			pending = append(pending, k)
		}
	}
	walk(kids)
	flush()
	return q, attr
}

// images reads the images inside inline content, which the text leaves out.
func (b *body) images(n *hnode) {
	for _, k := range n.kids {
		if k.name == "img" {
			b.figure(nil, k)
		} else if k.name != "" {
			b.images(k)
		}
	}
}

// figure handles an image in the body. Pictures come from associations;
// an image the associations do not list (no data-assoc-ref to one) is a
// photo of its own if its src is a local path. fig may be nil.
func (b *body) figure(fig, img *hnode) {
	if ref := img.attr("data-assoc-ref"); ref != "" && b.r.pictures[ref] {
		return
	}
	src := strings.TrimSpace(img.attr("src"))
	if src == "" || wire.IsRemote(src) {
		return
	}
	p := model.Photo{Alt: wire.Collapse(img.attr("alt")), Line: b.line}
	if fig != nil {
		if c := fig.find("figcaption"); c != nil {
			p.Caption = c.textContent()
		}
		for _, k := range fig.kids {
			if k.name != "" && (k.hasClass("byline") || k.hasClass("credit")) {
				p.Credit = k.textContent()
			}
		}
	}
	b.r.photo(p, src, b.at)
}
