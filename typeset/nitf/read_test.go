package nitf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/internal/wire/wiretest"
	"pressroom.dev/typeset/model"
)

// Every document under testdata/standards either imports (with the
// headline given) or is refused with a message containing refused.
func TestStandards(t *testing.T) {
	cases := map[string]struct {
		headline string
		refused  string
		check    func(*testing.T, *model.Article)
	}{
		"nitf-fishing-schema.xml":                                        {headline: "Weather and Tide Updates for Norfolk", check: checkFishing},
		"NTB_nitf_sample.xml":                                            {headline: "Pandemien herjer på den legeløse indiske landsbygda", check: checkNTB},
		"LISTING_2_NewsML-G2_Text_Document.xml":                          {refused: "2:1: /newsItem: NewsML-G2 is not supported"},
		"LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": {refused: "1:1: /contentSet: NewsML-G2 is not supported"},
		"LISTING_28_Illustrating_Located_Subject_and_Dateline.xml":       {refused: "1:1: /contentMeta: NewsML-G2 is not supported"},
	}
	files, _ := filepath.Glob("testdata/standards/*.xml")
	if len(files) != len(cases) {
		t.Errorf("%d files in testdata/standards, %d in the table", len(files), len(cases))
	}
	for _, file := range files {
		c, ok := cases[filepath.Base(file)]
		if !ok {
			t.Errorf("%s: not in the table", file)
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Read(file, data, "testdata")
		switch {
		case c.refused != "":
			if err == nil || !strings.Contains(err.Error(), c.refused) || !model.IsInput(err) {
				t.Errorf("%s: got %v, want an error containing %q", file, err, c.refused)
			}
		case err != nil:
			t.Errorf("%s: %v", file, err)
		case a.Headline != c.headline:
			t.Errorf("%s: headline %q, want %q", file, a.Headline, c.headline)
		default:
			c.check(t, a)
		}
	}
}

func checkFishing(t *testing.T, a *model.Article) {
	if a.Slug != "iptc-321656141-b" || a.Deck != "A sample, fictitious NITF article" ||
		a.Byline != "By Alan Karben, NITF Network News Online" || a.Priority != 3 {
		t.Errorf("fishing: slug %q deck %q byline %q priority %d", a.Slug, a.Deck, a.Byline, a.Priority)
	}
	if a.Dateline != (model.Dateline{Place: "Newport News, VA"}) {
		t.Errorf("fishing: dateline %+v", a.Dateline)
	}
	if a.Credit != (model.Credit{Source: "XML Team Solutions, Inc.", Tagline: "Stewart Klometers contributed to this article."}) {
		t.Errorf("fishing: credit %+v", a.Credit)
	}
	want := model.Photo{File: filepath.Join("testdata", "standards", "high-tide.jpg"), Caption: "The tides, captured on film late yesterday.",
		Credit: "Karben", Alt: "The tides are high.", Line: 173}
	if len(a.Photos) != 1 || a.Photos[0] != want {
		t.Errorf("fishing: photos %+v", a.Photos)
	}
	var heads []string
	for _, b := range a.Body {
		if b.Kind == model.Crosshead {
			heads = append(heads, model.Plain(b.Text))
		}
	}
	if strings.Join(heads, "|") != "The Tides are High|Local Nooks" {
		t.Errorf("fishing: crossheads %q", heads)
	}
	// The table keeps its words, a row to a paragraph; the list items keep
	// their emphasis.
	var found int
	for _, b := range a.Body {
		p := model.Plain(b.Text)
		if p == "Sunset · 30 · 14 · 09:23 · 18:51 · 28 · 11 · 31 · 12 · 33 · 9" {
			found++
		}
		if strings.HasPrefix(p, "Fox Run:") && b.Text[0] == (model.Span{Text: "Fox Run:", Style: model.Emphasis}) {
			found++
		}
		if strings.Contains(p, "illustrate various features") || strings.Contains(p, "Superb weather") {
			t.Errorf("fishing: editor's note or abstract printed: %q", p)
		}
	}
	if found != 2 || len(a.Body) != 17 {
		t.Errorf("fishing: %d blocks, found %d of 2", len(a.Body), found)
	}
}

func checkNTB(t *testing.T, a *model.Article) {
	if a.Lang != "nb-NO" || a.Priority != 5 || a.Byline != "NTB-AFP-DPA" || a.Dateline.Place != "Unnao" {
		t.Errorf("NTB: lang %q priority %d byline %q dateline %+v", a.Lang, a.Priority, a.Byline, a.Dateline)
	}
	if a.Credit.Source != "NTB" || !strings.Contains(a.Credit.Tagline, "@ntb.no") {
		t.Errorf("NTB: credit %+v", a.Credit)
	}
	n := map[model.BlockKind]int{}
	for _, b := range a.Body {
		n[b.Kind]++
	}
	if n[model.Paragraph] != 18 || n[model.Crosshead] != 4 {
		t.Errorf("NTB: %v", n)
	}
	if p := model.Plain(a.Body[1].Text); !strings.HasPrefix(p, "– Det er så mye") {
		t.Errorf("NTB: numeric reference not decoded or dash stripped: %q", p)
	}
	if len(a.Photos) != 1 || !strings.HasSuffix(a.Photos[0].Caption, "Foto: Amit Sharma / AP / NTB") {
		t.Errorf("NTB: photos %+v", a.Photos)
	}
}

// read parses src as testdata/t.xml with root testdata.
func read(t *testing.T, src string) *model.Article {
	t.Helper()
	a, err := Read("testdata/t.xml", []byte(src), "testdata")
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return a
}

// story wraps body.content in a minimal document.
func story(head, bodyHead, content string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<nitf><head>` + head + `</head><body><body.head><hedline><hl1>Headline</hl1></hedline>` + bodyHead +
		`</body.head><body.content>` + content + `</body.content></body></nitf>`
}

func TestInlineAndWhitespace(t *testing.T) {
	a := read(t, story("", "", "<p>  One\n\t<em>two</em> <strong>three <em>four</em></strong>\u00a0five <foo>six</foo><br/>seven  </p>"))
	want := []model.Span{{Text: "One "}, {Text: "two", Style: model.Emphasis}, {Text: " "},
		{Text: "three ", Style: model.Strong}, {Text: "four", Style: model.Strong | model.Emphasis},
		{Text: "\u00a0five six seven"}}
	if len(a.Body) != 1 || !equalSpans(a.Body[0].Text, want) {
		t.Errorf("got %+v\nwant %+v", a.Body, want)
	}
}

func TestBlocks(t *testing.T) {
	a := read(t, story("", "", `
<p>First.</p>
<hl2>A crosshead</hl2>
<bq><block><p>Quoted words.</p></block><credit>— Ana Souza, commissioner</credit></bq>
<bq quote-source="Someone"><p>Second quote.</p></bq>
<bq><p>Third quote.</p><p>-- The Author</p></bq>
<block class="sidebar"><hl2>Box</hl2><p>Just a paragraph.</p></block>
<ed-msg info="x">Not for print.</ed-msg><note><p>Not for print either.</p></note>
<mystery>Unknown block text.</mystery>
stray <em>text</em>
<ul><li>Item one</li><li><p>Item two</p></li></ul>`))
	got := ""
	for _, b := range a.Body {
		got += b.Kind.String() + ":" + model.Plain(b.Text) + b.Title
		for _, q := range b.Quote {
			got += "[" + model.Plain(q) + "]"
		}
		if b.Attribution != "" {
			got += "—" + b.Attribution
		}
		got += "\n"
	}
	want := `paragraph:First.
crosshead:A crosshead
pull quote:[Quoted words.]—Ana Souza, commissioner
pull quote:[Second quote.]—Someone
pull quote:[Third quote.]—The Author
quote box:Box[Just a paragraph.]
paragraph:Unknown block text.
paragraph:stray text
paragraph:Item one
paragraph:Item two
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if a.Body[0].Line != 3 || a.Body[3].Line != 6 {
		t.Errorf("lines %d, %d", a.Body[0].Line, a.Body[3].Line)
	}
}

func TestHead(t *testing.T) {
	a := read(t, story(`<meta name="kicker" content="Transport"/><meta name="section" content="City"/>
<docdata><doc-id id-string="Harbour Tunnel/2026"/><urgency ed-urg="8"/></docdata>
<pubdata position.section="Business"/>`,
		`<hedline><hl2>The deck</hl2></hedline><byline>By <person>Marta</person>, <byttl>Reporter</byttl></byline>
<dateline>ZÜRICH, <story.date>Monday</story.date></dateline>`, "<p>Text.</p>"))
	if a.Slug != "harbour-tunnel-2026" || a.Section != "Business" || a.Kicker != "Transport" || a.Priority != 5 {
		t.Errorf("slug %q section %q kicker %q priority %d", a.Slug, a.Section, a.Kicker, a.Priority)
	}
	if a.Byline != "By Marta, Reporter" || a.Dateline != (model.Dateline{Place: "ZÜRICH", DateText: "Monday"}) {
		t.Errorf("byline %q dateline %+v", a.Byline, a.Dateline)
	}
	// hedline/hl2 in a second hedline is not read: only the first hedline.
	a = read(t, `<nitf baselang="de"><head><docdata><urgency ed-urg="0"/></docdata></head><body><body.head>
<hedline><hl1>H</hl1></hedline><abstract><p>An abstract.</p></abstract>
<dateline><location><city>Kraków</city></location>, <story.date norm="2024-09-16T23:00:00-04:00">Sept. 16</story.date></dateline>
</body.head></body></nitf>`)
	if a.Slug != "t" || a.Deck != "An abstract." || a.Lang != "de" || a.Priority != 1 ||
		a.Dateline != (model.Dateline{Place: "Kraków", Date: model.Date{Year: 2024, Month: 9, Day: 16}}) {
		t.Errorf("slug %q deck %q lang %q priority %d dateline %+v", a.Slug, a.Deck, a.Lang, a.Priority, a.Dateline)
	}
}

// A dateline repeated in the first paragraph is cut (the cases are in
// package wire), also when it is set in bold.
func TestLeadDateline(t *testing.T) {
	// In a document, with a bold dateline.
	a := read(t, story("", "", "<p><b>WASHINGTON</b> (AP) — Text <em>here</em>.</p>"))
	if a.Dateline.Place != "WASHINGTON" || a.Credit.Source != "AP" || !equalSpans(a.Body[0].Text, []model.Span{{Text: "Text "}, {Text: "here", Style: model.Emphasis}, {Text: "."}}) {
		t.Errorf("dateline %+v credit %+v body %+v", a.Dateline, a.Credit, a.Body[0].Text)
	}
}

func TestCreditAndPhotos(t *testing.T) {
	a := read(t, `<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>H</hl1></hedline>
<distributor><org>Reuters</org></distributor></body.head><body.content>
<media media-type="image"><media-reference source="photos/a.jpg" source-credit="Jo/AP"/><media-caption>Cap</media-caption></media>
<media media-type="image"><media-reference source="https://example.com/b.jpg"/></media>
<media media-type="video"><media-reference source="c.mp4"/></media>
<block><media media-type="image"><media-reference source="photos/../photos/e.jpg"/></media></block>
</body.content><body.end><tagline>—Reuters</tagline></body.end></body></nitf>`)
	if a.Credit != (model.Credit{Source: "Reuters"}) {
		t.Errorf("credit %+v", a.Credit)
	}
	want := model.Photo{File: filepath.Join("testdata", "photos", "a.jpg"), Caption: "Cap", Credit: "Jo/AP", Line: 3}
	if len(a.Photos) != 2 || a.Photos[0] != want || a.Photos[1].File != filepath.Join("testdata", "photos", "e.jpg") {
		t.Errorf("photos %+v", a.Photos)
	}
	// "Staff" from the wire prints like any agency: "— Staff".
	a = read(t, story("", "<distributor><org>Staff</org></distributor>", ""))
	if a.Credit != (model.Credit{Source: "Staff"}) {
		t.Errorf("staff credit %+v", a.Credit)
	}
	// A picture inside a paragraph is a photo; the text reads on.
	a = read(t, story("", "", `<p>Before <media media-type="image"><media-reference source="in.jpg"/><media-caption>C</media-caption></media> after</p>`))
	if len(a.Body) != 1 || model.Plain(a.Body[0].Text) != "Before after" || len(a.Photos) != 1 || a.Photos[0].Caption != "C" {
		t.Errorf("inline media: %+v %+v", a.Body, a.Photos)
	}
	_, err := Read("testdata/t.xml", []byte(`<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>
<media media-type="image"><media-reference source="/abs/d.jpg"/></media></body.content></body></nitf>`), "testdata")
	if err == nil || !strings.Contains(err.Error(), `testdata/t.xml:2:27: /nitf/body/body.content/media/media-reference/@source: image "/abs/d.jpg" is outside the edition folder`) {
		t.Errorf("absolute path: %v", err)
	}
}

func TestEncodings(t *testing.T) {
	latin1 := "<?xml version='1.0' encoding='ISO-8859-1'?>\n<nitf><body><body.head><hedline><hl1>Z\xfcrich caf\xe9</hl1></hedline></body.head></body></nitf>"
	if a := read(t, latin1); a.Headline != "Zürich café" {
		t.Errorf("latin-1: %q", a.Headline)
	}
	cp := "<?xml version=\"1.0\" encoding=\"windows-1252\"?><nitf><body><body.head><hedline><hl1>\x93Quoted\x94 \x96 \x80</hl1></hedline></body.head></body></nitf>"
	if a := read(t, cp); a.Headline != "“Quoted” – €" {
		t.Errorf("windows-1252: %q", a.Headline)
	}
	ascii := "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"US-ASCII\"?><nitf><body><body.head><hedline><hl1>A&amp;B&nbsp;&mdash;</hl1></hedline></body.head></body></nitf>"
	if a := read(t, ascii); a.Headline != "A&B\u00a0—" {
		t.Errorf("ascii: %q", a.Headline)
	}
}

// The slug comes from doc-id, else from the file name (the folding rules
// are tested in package wire).
func TestSlug(t *testing.T) {
	if a := read(t, story(`<docdata><doc-id id-string="Þórðarson/Straße 2"/></docdata>`, "", "<p>x</p>")); a.Slug != "thordarson-strasse-2" {
		t.Errorf("slug from doc-id: %q", a.Slug)
	}
	a, err := Read("dir/新聞.xml", []byte(story("", "", "<p>x</p>")), "dir")
	if err != nil || a.Slug != "article" {
		t.Errorf("slug from file: %v %v", a, err)
	}
}

func equalSpans(a, b []model.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Smart punctuation on the official examples changes punctuation only:
// every word stays, and only the IPTC sample's apostrophes change.
func TestSmartPunctuation(t *testing.T) {
	files, _ := filepath.Glob("testdata/standards/*.xml")
	changed, err := wiretest.SmartenedFiles(append(files, "testdata/seed.nitf.xml"), readArticle)
	if err != nil || changed != 3 {
		t.Errorf("%d texts changed, want the 3 with an apostrophe in the IPTC sample; %v", changed, err)
	}
}
