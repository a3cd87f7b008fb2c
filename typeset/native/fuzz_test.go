package native

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pressroom.dev/typeset/internal/wire/wiretest"
	"pressroom.dev/typeset/model"
)

// FuzzRead: never a panic; either an article with a headline or an
// InputError.
func FuzzRead(f *testing.F) {
	wiretest.Seed(f, "../../samples/articles/*.md", "testdata/ed/articles/*.md")
	f.Add([]byte("---\nheadline: H\ndateline: {place: X, date: 2026-02-28}\nphotos:\n  - file: ../photos/p.jpg\n---\n> ### T\n> q *e* **s**\n> -- A\n\n## C\n\nText \\* &amp; <b>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("testdata/ed/articles/fuzz.md", data, "testdata/ed")
		if err != nil {
			if a != nil || !model.IsInput(err) {
				t.Fatalf("error %v (%T) with article %v", err, err, a)
			}
			return
		}
		if strings.TrimSpace(a.Headline) == "" || a.Slug == "" || a.Priority < 1 || a.Priority > 5 || len(a.Body) == 0 {
			t.Fatalf("article without headline, slug, priority or body: %+v", a)
		}
	})
}

// FuzzWrite builds paragraphs, crossheads and quotes from the input, each
// byte a character (Markdown's own among them) or a change of style, and
// checks that Write writes them so that they read back: the same words
// always, the same styles wherever Markdown's emphasis rules can place
// them.
func FuzzWrite(f *testing.F) {
	f.Add([]byte("a*b_c\x01d e\x02f\x03 g"), uint8(0))
	f.Add([]byte("1. <x> &amp; \\ [y](z) #"), uint8(1))
	f.Add([]byte("\x01\"a\"\x00 b -- c ... d"), uint8(2))
	f.Add([]byte("- a\x02 +b\x00 =c"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		blk := fuzzBlock(data, kind)
		for _, p := range blk.Quote {
			if attributionMark(strings.TrimSpace(model.Plain(p))) != "" {
				return // a quote paragraph that starts with a dash is an attribution
			}
		}
		md := blockMarkdown(blk)
		if md == "" {
			return
		}
		got, errs := parseBody("", []byte(md), 1)
		if len(errs) > 0 || len(got) != 1 {
			if blk.Kind == model.PullQuote || blk.Kind == model.QuoteBox {
				return // a quote paragraph may start with a dash: an attribution
			}
			t.Fatalf("%q: %v %+v", md, errs, got)
		}
		want := expected(blk)
		// The same words always; punctuation may be smartened where a
		// change of style no longer keeps "." and ".." apart.
		if got[0].Kind != want.Kind || model.Smarten(plain(got[0]), 0, 0) != model.Smarten(plain(want), 0, 0) {
			t.Fatalf("%q\nwant %+v\ngot  %+v", md, want, got[0])
		}
		// Styles that start and end with a letter or digit, and nest, are
		// kept.
		for _, p := range append([]model.Para{want.Text}, want.Quote...) {
			if !nested(p) {
				return
			}
			for _, s := range p {
				first, _ := utf8.DecodeRuneInString(s.Text)
				last, _ := utf8.DecodeLastRuneInString(s.Text)
				if s.Style != 0 && (notWordChar(first) || notWordChar(last)) {
					return
				}
			}
		}
		got[0].Line = 0
		if !reflect.DeepEqual(got[0], want) {
			t.Fatalf("%q\nwant %+v\ngot  %+v", md, want, got[0])
		}
	})
}

// fuzzBlock makes a block from fuzz input: bytes 0..3 set the style, the
// rest are text (bytes from 0x80 stand for letters, typographic
// punctuation and spaces).
func fuzzBlock(data []byte, kind uint8) model.Block {
	var spans []model.Span
	var style model.SpanStyle
	var text strings.Builder
	flush := func() {
		spans = append(spans, model.Span{Text: text.String(), Style: style})
		text.Reset()
	}
	for _, c := range data {
		if c < 4 {
			flush()
			style = model.SpanStyle(c)
			continue
		}
		switch {
		case c == '\n' || c == '\t' || c == '\r':
			text.WriteByte(' ')
		case c >= 0x80: // valid UTF-8 only, as the wire readers promise
			text.WriteRune([]rune("é“”‘’—–…\u00a0ŁΩ新")[int(c)%12])
		default:
			text.WriteByte(c)
		}
	}
	flush()
	p := smartenSpans(trimSpans(spans))
	switch kind % 4 {
	case 1:
		return model.Block{Kind: model.Crosshead, Text: p}
	case 2:
		return model.Block{Kind: model.QuoteBox, Title: model.Plain(p), Quote: []model.Para{p, p}, Attribution: model.Plain(p)}
	case 3:
		return model.Block{Kind: model.PullQuote, Quote: []model.Para{p}}
	}
	return model.Block{Kind: model.Paragraph, Text: p}
}

// nested reports whether the runs of emphasis and of strong in p nest or
// are apart, but do not overlap (*a **b* c**), and whether a change of
// style inside a word goes from roman to one style or back: what Markdown
// can always write.
func nested(p []model.Span) bool {
	for i := 1; i < len(p); i++ {
		a, _ := utf8.DecodeLastRuneInString(p[i-1].Text)
		b, _ := utf8.DecodeRuneInString(p[i].Text)
		if unicode.IsSpace(a) || unicode.IsSpace(b) {
			continue
		}
		x, y := p[i-1].Style, p[i].Style
		if x != 0 && y != 0 || x|y == model.Strong|model.Emphasis {
			return false
		}
	}
	// A style that begins while the other runs must end before it does.
	for i := range p {
		for _, st := range []model.SpanStyle{model.Strong, model.Emphasis} {
			other := model.Strong | model.Emphasis ^ st
			if p[i].Style&st != 0 && (i == 0 || p[i-1].Style&st == 0) && p[i].Style&other != 0 && i > 0 && p[i-1].Style&other != 0 {
				n, m := runLength(p[i:], st), runLength(p[i:], other)
				if n > m {
					return false
				}
			}
		}
	}
	return true
}
