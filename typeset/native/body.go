package native

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"pressroom.dev/typeset/model"
)

// body walks the Markdown tree of an article body.
type body struct {
	file     string
	src      []byte
	lineBase int   // line of the body's first line in the file
	lineOffs []int // byte offset of each line start in src
	errs     model.Errors
}

var markdown = goldmark.New() // CommonMark only: no tables, no typographer (we smarten ourselves)

func parseBody(file string, src []byte, bodyLine int) ([]model.Block, model.Errors) {
	b := &body{file: file, src: src, lineBase: bodyLine}
	b.lineOffs = append(b.lineOffs, 0)
	for i, c := range src {
		if c == '\n' {
			b.lineOffs = append(b.lineOffs, i+1)
		}
	}
	doc := markdown.Parser().Parse(text.NewReader(src))
	var blocks []model.Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if blk, ok := b.block(n); ok {
			blocks = append(blocks, blk)
		}
	}
	if len(blocks) == 0 && len(b.errs) == 0 {
		b.errs = append(b.errs, model.Errorf(file, bodyLine, 0, "body", "the article has no text after the front matter"))
	}
	return blocks, b.errs
}

// line returns the file line of a block node.
func (b *body) line(n ast.Node) int {
	off := -1
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	} else {
		for c := n.FirstChild(); c != nil && off < 0; c = c.NextSibling() {
			if l := b.line(c); l > 0 {
				return l
			}
			if t, ok := c.(*ast.Text); ok {
				off = t.Segment.Start
			}
		}
	}
	if off < 0 {
		return 0
	}
	i := sort.Search(len(b.lineOffs), func(i int) bool { return b.lineOffs[i] > off }) - 1
	return b.lineBase + i
}

func (b *body) errorf(n ast.Node, format string, args ...any) {
	b.errs = append(b.errs, model.Errorf(b.file, b.line(n), 0, "body", format, args...))
}

func (b *body) block(n ast.Node) (model.Block, bool) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		spans := b.inlines(n)
		if len(spans) == 0 {
			return model.Block{}, false
		}
		return model.Block{Kind: model.Paragraph, Line: b.line(n), Text: spans}, true
	case *ast.Heading:
		switch n.Level {
		case 1:
			b.errorf(n, "a level-1 heading ('# ...') is not allowed in the body: the headline goes in the front matter")
		case 2:
			return model.Block{Kind: model.Crosshead, Line: b.line(n), Text: b.inlines(n)}, true
		default:
			b.errorf(n, "a level-%d heading outside a quote box: use '## ' for a crosshead, or start a '>' block with '### Title' for a quote box", n.Level)
		}
	case *ast.Blockquote:
		return b.quote(n)
	case *ast.ThematicBreak:
		// A "* * *" scene break carries no words; the page needs none.
	case *ast.List:
		b.errorf(n, "lists are not supported in an article body; write the items as paragraphs")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.errorf(n, "code blocks are not printed; indenting a paragraph by 4 spaces makes one by accident")
	case *ast.HTMLBlock:
		b.errorf(n, "raw HTML is not printed; remove it or write it as text")
	default:
		b.errorf(n, "%s is not supported in an article body", n.Kind().String())
	}
	return model.Block{}, false
}

// quote turns a block quote into a quote box (when it starts with a
// "### Title") or a pull quote. Its last line may be an attribution,
// introduced by "--", "—" or "―".
func (b *body) quote(q *ast.Blockquote) (model.Block, bool) {
	blk := model.Block{Kind: model.PullQuote, Line: b.line(q)}
	for c := q.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			if c.Level != 3 || c != q.FirstChild() {
				b.errorf(c, "inside a quote, only a first line '### Title' is allowed (it makes a quote box)")
				continue
			}
			blk.Kind = model.QuoteBox
			blk.Title = model.Plain(b.inlines(c))
		case *ast.Paragraph, *ast.TextBlock:
			blk.Quote = append(blk.Quote, b.quoteParas(c, &blk.Attribution)...)
		default:
			b.errorf(c, "a quote holds a title, quote text and an attribution only; %s is not allowed", c.Kind().String())
		}
	}
	if len(blk.Quote) == 0 {
		b.errorf(q, "the quote has no quote text")
		return model.Block{}, false
	}
	return blk, true
}

var attributionMarks = []string{"---", "--", "—", "―", "–"}

// quoteParas splits a quote paragraph at an attribution line: the text
// before it is quote, the line itself (without its dash) the attribution.
func (b *body) quoteParas(p ast.Node, attribution *string) []model.Para {
	spans := b.inlinesKeepBreaks(p)
	var paras []model.Para
	var cur model.Para
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if s.Text != "\n" {
			cur = append(cur, s)
			continue
		}
		if len(cur) > 0 {
			paras = append(paras, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	// Re-join lines into paragraphs; an attribution line ends the quote.
	var out []model.Para
	var acc model.Para
	for _, line := range paras {
		raw := strings.TrimSpace(model.Plain(line))
		if mark := attributionMark(raw); mark != "" {
			*attribution = model.Smarten(strings.TrimSpace(strings.TrimPrefix(raw, mark)), 0, 0)
			continue
		}
		if len(acc) > 0 {
			acc = append(acc, model.Span{Text: " "})
		}
		acc = append(acc, line...)
	}
	if len(acc) > 0 {
		out = append(out, smartenSpans(trimSpans(acc)))
	}
	return out
}

func attributionMark(line string) string {
	for _, m := range attributionMarks {
		if strings.HasPrefix(line, m) {
			return m
		}
	}
	return ""
}

// inlines returns a block's text as styled spans, whitespace folded and
// punctuation made typographic.
func (b *body) inlines(n ast.Node) []model.Span {
	spans := b.inlinesKeepBreaks(n)
	for i := range spans {
		if spans[i].Text == "\n" {
			spans[i].Text = " "
		}
	}
	return smartenSpans(trimSpans(mergeSpans(spans)))
}

// inlinesKeepBreaks collects the spans with each source line break as a
// separate "\n" span, so a quote can find its attribution line. Text is not
// yet smartened: a straight quote's direction depends on its neighbours.
func (b *body) inlinesKeepBreaks(n ast.Node) []model.Span {
	var spans []model.Span
	var walk func(n ast.Node, style model.SpanStyle)
	walk = func(n ast.Node, style model.SpanStyle) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(b.src)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(v)
					v = util.ResolveNumericReferences(v)
					v = util.ResolveEntityNames(v)
				}
				spans = append(spans, model.Span{Text: string(v), Style: style})
				if c.SoftLineBreak() || c.HardLineBreak() {
					spans = append(spans, model.Span{Text: "\n", Style: style})
				}
			case *ast.String:
				spans = append(spans, model.Span{Text: string(c.Value), Style: style})
			case *ast.Emphasis:
				s := style | model.Emphasis
				if c.Level >= 2 {
					s = style | model.Strong
				}
				walk(c, s)
			case *ast.CodeSpan:
				walk(c, style)
			case *ast.Link:
				walk(c, style)
			case *ast.AutoLink:
				spans = append(spans, model.Span{Text: string(c.Label(b.src)), Style: style})
			case *ast.Image:
				b.errorf(n, "images go in the front matter's 'photos', not in the text")
			case *ast.RawHTML:
				b.errorf(n, "raw HTML is not printed; remove it or write it as text")
			default:
				walk(c, style)
			}
		}
	}
	walk(n, 0)
	return spans
}

// mergeSpans joins neighbours of the same style and folds whitespace runs.
func mergeSpans(in []model.Span) []model.Span {
	var out []model.Span
	for _, s := range in {
		t := foldSpace(s.Text)
		if t == "" {
			continue
		}
		if len(out) > 0 && out[len(out)-1].Style == s.Style {
			prev := out[len(out)-1].Text
			if strings.HasSuffix(prev, " ") && strings.HasPrefix(t, " ") {
				t = t[1:]
			}
			out[len(out)-1].Text = prev + t
			continue
		}
		if len(out) > 0 && strings.HasSuffix(out[len(out)-1].Text, " ") && strings.HasPrefix(t, " ") {
			t = t[1:]
			if t == "" {
				continue
			}
		}
		out = append(out, model.Span{Text: t, Style: s.Style})
	}
	return out
}

func foldSpace(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	var buf bytes.Buffer
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			if !space {
				buf.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		buf.WriteRune(r)
	}
	return buf.String()
}

func trimSpans(spans []model.Span) []model.Span {
	spans = mergeSpans(spans)
	for len(spans) > 0 {
		spans[0].Text = strings.TrimLeft(spans[0].Text, " ")
		if spans[0].Text != "" {
			break
		}
		spans = spans[1:]
	}
	for len(spans) > 0 {
		i := len(spans) - 1
		spans[i].Text = strings.TrimRight(spans[i].Text, " ")
		if spans[i].Text != "" {
			break
		}
		spans = spans[:i]
	}
	return spans
}

// smartenSpans applies smart punctuation span by span, giving each the
// characters around it so quotes at span edges turn the right way.
func smartenSpans(spans []model.Span) []model.Span {
	var prev rune
	for i := range spans {
		var next rune
		if i+1 < len(spans) {
			next, _ = utf8.DecodeRuneInString(spans[i+1].Text)
		}
		spans[i].Text = model.Smarten(spans[i].Text, prev, next)
		prev, _ = utf8.DecodeLastRuneInString(spans[i].Text)
	}
	return spans
}
