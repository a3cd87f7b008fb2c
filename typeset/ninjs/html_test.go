package ninjs

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
)

// doc makes a ninjs document with headline "Headline" and the given HTML
// body, plus extra top-level members (JSON text ending in a comma).
func doc(extra, html string) []byte {
	b, _ := json.Marshal(html)
	return []byte(`{"uri": "urn:x", ` + extra + ` "headlines": [{"role": "main", "value": "Headline"}],
 "bodies": [{"contenttype": "text/html", "value": ` + string(b) + `}]}`)
}

func read(t *testing.T, data []byte) *model.Article {
	t.Helper()
	a, err := Read("testdata/t.json", data, "testdata")
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return a
}

// show renders blocks for comparison: one line each.
func show(a *model.Article) string {
	var b strings.Builder
	for _, blk := range a.Body {
		b.WriteString(blk.Kind.String() + ":" + spanText(blk.Text) + blk.Title)
		for _, q := range blk.Quote {
			b.WriteString("[" + spanText(q) + "]")
		}
		if blk.Attribution != "" {
			b.WriteString("—" + blk.Attribution)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// spanText marks emphasis with _ and strong with *.
func spanText(spans []model.Span) string {
	var b strings.Builder
	for _, s := range spans {
		m := ""
		if s.Style&model.Strong != 0 {
			m += "*"
		}
		if s.Style&model.Emphasis != 0 {
			m += "_"
		}
		b.WriteString(m + s.Text + m)
	}
	return b.String()
}

func TestHTMLBodies(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"entities", `<p>A &amp; B&nbsp;C &#8211; &#x2014; &hellip; &eacute; &bogus; AT&T &#0; &lt;b&gt;</p>`,
			"paragraph:A & B\u00a0C – — … é &bogus; AT&T \ufffd <b>\n"},
		{"inline styles", `<p>a <em>b</em> <i>c</i> <strong>d <b>e</b> <cite>f</cite></strong> <foo>g</foo><br>h</p>`,
			"paragraph:a _b_ _c_ *d e **_f*_ g h\n"},
		{"unclosed paragraphs", `<p>One<p>Two<div>Three</div>Four</span></p><p>Five`,
			"paragraph:One\nparagraph:Two\nparagraph:Three\nparagraph:Four\nparagraph:Five\n"},
		{"whitespace", "<p>\n  One\t\ttwo  \n</p>  \n  <p> </p>",
			"paragraph:One two\n"},
		{"headings", `<h1>Headline</h1><h1>Other</h1><h2>Two</h2><h3 class="crosshead">Three</h3><h4>Four</h4>`,
			"crosshead:Other\ncrosshead:Two\ncrosshead:Three\ncrosshead:Four\n"},
		{"aside without quote", `<aside class="sidebar"><h2>Box</h2><p>One.</p><p>Two.</p></aside>`,
			"quote box:Box[One.][Two.]\n"},
		{"aside with a dash line", `<aside><h3>T</h3><blockquote><p>Q.</p><p>— Ann, mayor</p></blockquote></aside>`,
			"quote box:T[Q.]—Ann, mayor\n"},
		{"blockquote with footer", `<blockquote><p>Q1.</p><p>Q2.</p><footer>– Bo</footer></blockquote>`,
			"pull quote:[Q1.][Q2.]—Bo\n"},
		{"figure pull quote", `<figure class="pull-quote"><blockquote>Just text</blockquote><figcaption>-Cy</figcaption></figure>`,
			"pull quote:[Just text]—Cy\n"},
		{"skipped", `<script>if (a<b) { x = "</p>" }</script><style>p {}</style><!-- <p>no</p> --><!DOCTYPE html><?pi?><p>Yes</p><nav>Menu</nav>`,
			"paragraph:Yes\n"},
		{"CDATA", `<p><![CDATA[a < b]]></p>`, "paragraph:a < b\n"},
		{"lists", `<ul><li>one<li>two</ul><ol><li><p>three</p></li></ol><dl><dt>four<dd>five</dl>`,
			"paragraph:one\nparagraph:two\nparagraph:three\nparagraph:four\nparagraph:five\n"},
		{"table", `<table><tr><th>a<th>b<tr><td>1</td><td><b>2</b></td></tr></table>`,
			"paragraph:a · b\nparagraph:1 · *2*\n"},
		{"broken br", `<p>Italy,</ br> Monday</p>`, "paragraph:Italy, Monday\n"},
		{"attributes", `<p class=x id='y' data-a="1>2" hidden>Text</p><p / >Empty tag</p>`,
			"paragraph:Text\nparagraph:Empty tag\n"},
		{"document", `<!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"></head><body><article><section><p>Body</p></section></article></body></html>`,
			"paragraph:Body\n"},
		{"stray text", `Loose <em>text</em><p>Para</p>tail`, "paragraph:Loose _text_\nparagraph:Para\nparagraph:tail\n"},
		{"unknown block", `<custom-box>Kept words</custom-box><video>no</video>`, "paragraph:Kept words\n"},
		{"lone brackets", `<p>a < b and c<3 > d</p><`, "paragraph:a < b and c<3 > d\nparagraph:<\n"},
		{"kicker", `<div class="dat"><span class="vignette">Defence</span><span class="source">TT</span></div><p>x</p>`,
			"paragraph:x\n"},
	}
	for _, c := range cases {
		a := read(t, doc("", c.html))
		if got := show(a); got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
	a := read(t, doc("", `<div class="dat"><span class="vignette">Defence</span><span class="source">TT</span></div>`))
	if a.Kicker != "Defence" || a.Credit.Source != "TT" {
		t.Errorf("kicker %q credit %+v", a.Kicker, a.Credit)
	}
}

func TestPlainBody(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{"One\nline.\n\n  Two.\n \nThree.", "paragraph:One line.\nparagraph:Two.\nparagraph:Three.\n"},
		{"One.\nTwo.\r\nThree.", "paragraph:One.\nparagraph:Two.\nparagraph:Three.\n"},
	} {
		v, _ := json.Marshal(c.value)
		a := read(t, []byte(`{"headlines": [{"value": "H"}], "bodies": [{"contenttype": "text/plain", "value": `+string(v)+`},
			{"contenttype": "application/xml", "value": "<TTNITF/>"}]}`))
		if got := show(a); got != c.want {
			t.Errorf("got\n%s\nwant\n%s", got, c.want)
		}
	}
	// HTML wins over plain text, whatever the order.
	a := read(t, []byte(`{"headlines": [{"value": "H"}], "bodies": [{"contenttype": "text/plain", "value": "plain"},
		{"contenttype": "body_xhtml", "value": "<p>sloppy</p>"}, {"contenttype": "application/xhtml+xml; charset=utf-8", "value": "<p>xhtml</p>"}]}`))
	if got := show(a); got != "paragraph:xhtml\n" {
		t.Errorf("body choice: %s", got)
	}
}

func TestMetadata(t *testing.T) {
	a := read(t, []byte(`{"uri": "u", "slugline": "Harbour Tunnel", "language": "en-GB", "urgency": 9,
 "by": "By  Marta\nLindqvist", "located": "ZÜRICH", "firstcreated": "2026-11-26T23:30:00-05:00", "versioncreated": "2026-11-28T10:00:00Z",
 "subjects": [{"name": "Transport", "rel": "about"}, {"name": "City", "rel": "section"}],
 "infosources": [{"name": "Getty", "role": "http://cv.iptc.org/newscodes/infosourcerole/poweredby"}, {"name": "AFP"}, {"name": "AP"}],
 "headlines": [{"role": "subheadline", "value": "The deck"}, {"role": "main", "contenttype": "text/html", "value": "Tunnel <em>opens</em> &amp; closes"}],
 "associations": [
  {"name": "p1", "uri": "u1", "type": "picture", "by": "Jo Berg/Staff",
   "descriptions": [{"role": "text", "contenttype": "application/xhtml+xml", "value": "<p>html caption</p>"}, {"role": "text", "value": "The caption"}],
   "renditions": [{"name": "thumb"}, {"name": "main", "href": "photos/p1.jpg"}]},
  {"name": "p2", "uri": "u2", "type": "picture", "headlines": [{"value": "Title as caption"}], "renditions": [{"name": "r", "href": "https://x/p2.jpg"}]},
  {"name": "p3", "uri": "u3", "type": "graphic", "renditions": [{"name": "r", "href": "logo.png"}]},
  {"name": "p4", "uri": "u4", "type": "picture", "headlines": [{"value": "Title as caption"}], "renditions": [{"name": "r", "href": "p4.jpg"}]}],
 "bodies": [{"contenttype": "text/html", "value": "<figure><img src='local.jpg' alt='Alt'><div class='byline'>Ann/AP</div><figcaption>Body caption</figcaption></figure><figure><img data-assoc-ref='p1' src='other.jpg'></figure><p>Text</p>"}]}`))
	if a.Slug != "harbour-tunnel" || a.Lang != "en-GB" || a.Priority != 5 || a.Byline != "By Marta Lindqvist" || a.Section != "City" {
		t.Errorf("slug %q lang %q priority %d byline %q section %q", a.Slug, a.Lang, a.Priority, a.Byline, a.Section)
	}
	if a.Headline != "Tunnel opens & closes" || a.Deck != "The deck" || a.Credit != (model.Credit{Source: "AFP"}) {
		t.Errorf("headline %q deck %q credit %+v", a.Headline, a.Deck, a.Credit)
	}
	if a.Dateline != (model.Dateline{Place: "ZÜRICH", Date: model.Date{Year: 2026, Month: 11, Day: 26}}) {
		t.Errorf("dateline %+v", a.Dateline)
	}
	want := []model.Photo{
		{File: filepath.Join("testdata", "photos", "p1.jpg"), Caption: "The caption", Credit: "Jo Berg/Staff", Line: 9},
		{File: filepath.Join("testdata", "p4.jpg"), Caption: "Title as caption", Line: 12},
		{File: filepath.Join("testdata", "local.jpg"), Caption: "Body caption", Credit: "Ann/AP", Alt: "Alt", Line: 13},
	}
	if len(a.Photos) != len(want) {
		t.Fatalf("photos %+v", a.Photos)
	}
	for i := range want {
		if a.Photos[i] != want[i] {
			t.Errorf("photo %d: %+v, want %+v", i, a.Photos[i], want[i])
		}
	}
	if show(a) != "paragraph:Text\n" {
		t.Errorf("body %s", show(a))
	}
	// An image inside a paragraph is a photo; the text reads on.
	a = read(t, doc("", `<p>Before <span><img src="in.jpg" alt="A"></span> after</p>`))
	if show(a) != "paragraph:Before after\n" || len(a.Photos) != 1 || a.Photos[0].File != filepath.Join("testdata", "in.jpg") || a.Photos[0].Alt != "A" {
		t.Errorf("inline image: %s %+v", show(a), a.Photos)
	}
	// Urgency clamps to 1..5 and defaults to 3; descriptions give a deck.
	a = read(t, []byte(`{"urgency": 0, "headlines": [{"value": "H"}], "descriptions": [{"role": "summary", "value": "Sum"}]}`))
	if a.Priority != 1 || a.Deck != "Sum" || a.Slug != "t" {
		t.Errorf("priority %d deck %q slug %q", a.Priority, a.Deck, a.Slug)
	}
	a = read(t, []byte("\xef\xbb\xbf"+`{"headlines": [{"role": "x", "value": "H1"}, {"role": "y", "value": "H2"}], "bodies": [{"value": "<p>sniffed</p>"}]}`))
	if a.Priority != 3 || a.Headline != "H1" || show(a) != "paragraph:sniffed\n" {
		t.Errorf("priority %d headline %q body %s", a.Priority, a.Headline, show(a))
	}
}
