package native_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/internal/wire/wiretest"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/native"
	"pressroom.dev/typeset/ninjs"
	"pressroom.dev/typeset/nitf"
)

// lost lists what the native format cannot hold, by file: the round trip
// gives everything else back.
var lost = map[string]string{
	"nitf-fishing-schema.xml": "Credit.Tagline", // written as a comment
	"NTB_nitf_sample.xml":     "Credit.Tagline",
	"a0006.json":              "Credit.Source Staff", // "credit: staff" is the paper's own: no end credit
	"ntb_text.json":           "Body",                // none; the native format needs body text
}

// Read → Write → Read gives the same article, but for Source and the line
// numbers: the samples, the seed in both wire formats and every official
// example the wire readers import.
func TestRoundTrip(t *testing.T) {
	type reader func(string, []byte, string) (*model.Article, error)
	var files []string
	readers := map[string]reader{}
	add := func(pattern string, r reader) {
		m, _ := filepath.Glob(pattern)
		if len(m) == 0 {
			t.Fatalf("no files %s", pattern)
		}
		for _, f := range m {
			files = append(files, f)
			readers[f] = r
		}
	}
	add("../../samples/articles/*.md", native.Read)
	add("testdata/ed/articles/*.md", native.Read)
	add("../nitf/testdata/seed.nitf.xml", nitf.Read)
	add("../nitf/testdata/standards/*.xml", nitf.Read)
	add("../ninjs/testdata/seed.ninjs.json", ninjs.Read)
	add("../ninjs/testdata/standards/*/*.json", ninjs.Read)
	add("../ninjs/testdata/bench/a*.json", ninjs.Read)
	imported := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a, err := readers[file](file, data, filepath.Dir(filepath.Dir(file)))
		if err != nil {
			if strings.Contains(err.Error(), "NewsML-G2 is not supported") {
				continue
			}
			t.Fatalf("%s: %v", file, err)
		}
		imported++
		t.Run(filepath.Base(file), func(t *testing.T) {
			roundTrip(t, a, lost[filepath.Base(file)])
		})
	}
	if imported != 14+1+2+2+6+4 {
		t.Errorf("%d articles imported", imported)
	}
}

// roundTrip writes a into a temporary folder, reads it back and compares.
func roundTrip(t *testing.T, a *model.Article, lost string) {
	t.Helper()
	dir := t.TempDir()
	// Wire readers do not check that photos exist, the native one does:
	// stand-ins for those that are missing.
	for i, p := range a.Photos {
		if _, err := os.Stat(p.File); err != nil {
			a.Photos[i].File = filepath.Join(dir, "photos", filepath.Base(p.File))
			os.MkdirAll(filepath.Dir(a.Photos[i].File), 0o755)
			os.WriteFile(a.Photos[i].File, nil, 0o644)
		}
	}
	out := filepath.Join(dir, "out", "article.md")
	os.MkdirAll(filepath.Dir(out), 0o755)
	var buf bytes.Buffer
	if err := native.Write(&buf, a, filepath.Dir(out)); err != nil {
		t.Fatal(err)
	}
	b, err := native.Read(out, buf.Bytes(), "/")
	if lost == "Body" {
		if len(a.Body) != 0 || err == nil || !strings.Contains(err.Error(), "no text after the front matter") {
			t.Errorf("an article without a body: %v", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if lost == "Credit.Tagline" {
		if !strings.Contains(buf.String(), "# The wire's end tagline, printed instead of the credit: "+a.Credit.Tagline) {
			t.Errorf("the tagline is not kept in a comment:\n%s", buf.String())
		}
		a.Credit.Tagline = ""
	}
	if lost == "Credit.Source Staff" {
		if !strings.Contains(buf.String(), "“staff” means the paper's own reporting") || !b.Credit.Staff {
			t.Errorf("staff credit: %+v\n%s", b.Credit, buf.String())
		}
		a.Credit = model.Credit{Staff: true}
	}
	if diff := native.Differences(a, b); diff != nil {
		t.Errorf("%s\n%s", strings.Join(diff, "\n"), buf.String())
	}
}

// FuzzRoundTrip: whatever the native reader reads, Write writes so that it
// reads back the same.
func FuzzRoundTrip(f *testing.F) {
	wiretest.Seed(f, "../../samples/articles/*.md")
	f.Add([]byte("---\nheadline: H\n---\n1. x *a **b***c* \\# &amp;amp; `c` [l](u) <x> \\\n\n## T #\n\n> ### Q #\n> \"a\" -- b...\n>\n> c\n> — d\n"))
	f.Add([]byte("---\nheadline: 0\n---\n\xff\n")) // not UTF-8: written back as it came
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "testdata/ed/articles/fuzz.md"
		a, err := native.Read(file, data, "testdata/ed")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := native.Write(&buf, a, filepath.Dir(file)); err != nil {
			t.Fatal(err)
		}
		b, err := native.Read(file, buf.Bytes(), "testdata/ed")
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		if diff := native.Differences(a, b); diff != nil {
			t.Fatalf("%s\n--- in\n%s\n--- out\n%s", strings.Join(diff, "\n"), data, buf.String())
		}
	})
}

// The format as the desk sees it: the README's example article.
func TestWriteFormat(t *testing.T) {
	a := &model.Article{
		Slug: "harbour-tunnel", Section: "Europe", Kicker: "Transport",
		Headline: "Harbour tunnel opens: two years late", Deck: "Commuters queue before dawn; auditors are less sure.",
		Byline: "By Marta Lindqvist", Dateline: model.Dateline{Place: "Zürich", Date: model.Date{Year: 2026, Month: 11, Day: 26}},
		Credit: model.Credit{Staff: true}, Lang: "en-GB", Priority: 2,
		Photos: []model.Photo{{File: "testdata/ed/photos/p.jpg", Caption: "The first train.", Credit: "Photo: Jonas Berg/Staff"}},
		Body: []model.Block{
			{Kind: model.Paragraph, Text: []model.Span{{Text: "A "}, {Text: "second", Style: model.Emphasis}, {Text: " paragraph with "}, {Text: "bold", Style: model.Strong}, {Text: ", “quotes” – and…"}}},
			{Kind: model.Crosshead, Text: []model.Span{{Text: "A crosshead"}}},
			{Kind: model.QuoteBox, Title: "Illegal partnership", Quote: []model.Para{{{Text: "Such a partnership is illegal."}}}, Attribution: "Yoon Suk Yeol, President"},
			{Kind: model.PullQuote, Quote: []model.Para{{{Text: "“We will not be the last.”"}}, {{Text: "Second."}}}, Attribution: "Ana Souza"},
		},
	}
	want := `---
slug: harbour-tunnel
section: Europe
kicker: Transport
headline: 'Harbour tunnel opens: two years late'
deck: Commuters queue before dawn; auditors are less sure.
byline: By Marta Lindqvist
dateline:
  place: Zürich
  date: 2026-11-26
credit: staff
lang: en-GB
priority: 2
photos:
  - file: ../photos/p.jpg
    caption: The first train.
    credit: 'Photo: Jonas Berg/Staff'
---

A *second* paragraph with **bold**, “quotes” – and…

## A crosshead

> ### Illegal partnership
> Such a partnership is illegal.
> -- Yoon Suk Yeol, President

> “We will not be the last.”
>
> Second.
> -- Ana Souza
`
	var buf bytes.Buffer
	if err := native.Write(&buf, a, "testdata/ed/articles"); err != nil {
		t.Fatal(err)
	}
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	roundTrip(t, a, "")
}

// Text that Markdown would take for markup is escaped, and reads back.
// Where Markdown cannot place a style, the words stay and the style gives
// way (degrades); a quote without quote text gets its title as the text.
func TestWriteMarkdown(t *testing.T) {
	para := func(s ...model.Span) model.Block { return model.Block{Kind: model.Paragraph, Text: s} }
	cases := []struct {
		block    model.Block
		md       string
		degrades bool
	}{
		{para(model.Span{Text: "1. Not a list"}), `1\. Not a list`, false},
		{para(model.Span{Text: "2024) was"}), `2024\) was`, false},
		{para(model.Span{Text: "# not a heading"}), `\# not a heading`, false},
		{para(model.Span{Text: "> not a quote"}), `\> not a quote`, false},
		{para(model.Span{Text: "- not an item"}), `\- not an item`, false},
		{para(model.Span{Text: "+ not an item"}), `\+ not an item`, false},
		{para(model.Span{Text: "= not a heading"}), `\= not a heading`, false},
		{para(model.Span{Text: "~~~ not a fence"}), `\~~~ not a fence`, false},
		{para(model.Span{Text: "a *b* _c_ `d` [e](f) <g> h\\"}), "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> h\\\\", false},
		{para(model.Span{Text: "AT&T &amp; &#65; &x"}), "AT&T &amp;amp; &amp;#65; &x", false},
		{para(model.Span{Text: "#1 and 2 # 3"}), `\#1 and 2 # 3`, false},
		{model.Block{Kind: model.Crosshead, Text: []model.Span{{Text: "Top #1 #"}}}, `## Top \#1 \#`, false},
		{para(model.Span{Text: "un"}, model.Span{Text: "believ", Style: model.Emphasis}, model.Span{Text: "able"}), "un*believ*able", false},
		{para(model.Span{Text: "a "}, model.Span{Text: "b ", Style: model.Strong}, model.Span{Text: "c", Style: model.Strong | model.Emphasis}, model.Span{Text: " d"}), "a **b *c*** d", false},
		{para(model.Span{Text: "a "}, model.Span{Text: "b", Style: model.Strong | model.Emphasis}, model.Span{Text: " c", Style: model.Emphasis}), "a ***b** c*", false},
		{model.Block{Kind: model.QuoteBox, Title: "*T* #", Quote: []model.Para{{{Text: "- q"}}}, Attribution: "-A"}, "> ### \\*T\\* \\#\n> \\- q\n> -- \\-A", false},
		{model.Block{Kind: model.QuoteBox, Quote: []model.Para{{{Text: "q"}}}}, "> ###\n> q", false},
		// A style ending in a space: the space is set roman.
		{model.Block{Kind: model.Paragraph, Text: []model.Span{{Text: "a"}, {Text: "b ", Style: model.Emphasis}, {Text: "c"}}}, "a*b* c", true},
		// Emphasis opening on punctuation inside a word.
		{model.Block{Kind: model.Paragraph, Text: []model.Span{{Text: "foo"}, {Text: "“bar”", Style: model.Emphasis}, {Text: "baz"}}}, "foo“*bar*”baz", true},
		{model.Block{Kind: model.QuoteBox, Title: "Only a title"}, "> ###\n> Only a title", true},
		{model.Block{Kind: model.PullQuote, Attribution: "Only a name"}, "> Only a name", true},
	}
	for _, c := range cases {
		a := &model.Article{Slug: "s", Headline: "H", Priority: 3, Body: []model.Block{c.block}}
		var buf bytes.Buffer
		if err := native.Write(&buf, a, "."); err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(buf.String(), "---\n\n")
		if body != c.md+"\n" {
			t.Errorf("%+v\ngot  %q\nwant %q", c.block, body, c.md+"\n")
		}
		if !c.degrades {
			roundTrip(t, a, "")
		}
	}
}

func TestWriteFrontMatter(t *testing.T) {
	cases := []struct {
		a    model.Article
		want string
		lost bool // what the native format cannot hold
	}{
		{model.Article{Dateline: model.Dateline{DateText: "SEOUL, Sunday"}}, "dateline: SEOUL, Sunday\n", false},
		{model.Article{Dateline: model.Dateline{Place: "Seoul", DateText: "Sunday"}}, "dateline:\n  place: Seoul\n  date: Sunday\n", false},
		{model.Article{Dateline: model.Dateline{Place: "Seoul", DateText: "17-09-2023"}}, "dateline: Seoul, 17-09-2023\n", true},
		{model.Article{Dateline: model.Dateline{Date: model.Date{Year: 2023, Month: 9, Day: 17}}}, "dateline:\n  date: 2023-09-17\n", false},
		{model.Article{Credit: model.Credit{Source: "Staff"}}, "# The wire credited \"Staff\" and printed “— Staff”; here “staff” means the paper's own reporting, without an end credit.\ncredit: Staff\n", true},
		{model.Article{Credit: model.Credit{Tagline: "— By the desk"}}, "# The wire's end tagline, printed instead of the credit: — By the desk\ncredit: \"\"\n", true},
		{model.Article{Section: "2024", Kicker: "yes", Deck: "- a: b #c"}, "section: \"2024\"\nkicker: yes\nheadline: H\ndeck: '- a: b #c'\n", false},
		{model.Article{Lang: "english!"}, "# lang \"english!\" is not a BCP 47 tag: left out\n", true},
		{model.Article{Lang: "en-gb", Priority: 9}, "lang: en-GB\n", true},
	}
	for _, c := range cases {
		c.a.Headline, c.a.Slug, c.a.Priority = "H", "s", max(c.a.Priority, 3)
		c.a.Body = []model.Block{{Kind: model.Paragraph, Text: []model.Span{{Text: "Text."}}}}
		var buf bytes.Buffer
		if err := native.Write(&buf, &c.a, "."); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), c.want) || strings.Contains(buf.String(), "priority: 9") {
			t.Errorf("%+v: got\n%s\nwant it to hold\n%s", c.a, buf.String(), c.want)
		}
		if !c.lost {
			roundTrip(t, &c.a, "")
		}
	}
}
