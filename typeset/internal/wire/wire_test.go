package wire

import (
	"errors"
	"path/filepath"
	"testing"

	"pressroom.dev/typeset/model"
)

func TestLeadDateline(t *testing.T) {
	cases := []struct{ place, para, wantPlace, wantCredit, wantPara string }{
		{"", "GROSSETO, Italy (AP) -- The trial began.", "GROSSETO, Italy", "AP", "The trial began."},
		{"Seoul", "SEOUL, Sept. 17 (Reuters) — Kim left.", "Seoul", "Reuters", "Kim left."},
		{"Seoul", "Seoul – Kim left.", "Seoul", "", "Kim left."},
		{"", "(Sports Network) - With the Phillies.", "", "Sports Network", "With the Phillies."},
		{"", "Critics say the budget was handled badly — a charge he denies.", "", "", "Critics say the budget was handled badly — a charge he denies."},
		{"SYDNEY", "Sydney residents woke — early.", "SYDNEY", "", "Sydney residents woke — early."},
		{"", "– Det er så mye fattigdom.", "", "", "– Det er så mye fattigdom."},
		{"", "NATO officials said -- nothing.", "", "", "NATO officials said -- nothing."},
		{"", "ROME (AP) --", "", "", "ROME (AP) --"}, // nothing after the dash: not a dateline
	}
	for _, c := range cases {
		a := &model.Article{Dateline: model.Dateline{Place: c.place}, Body: []model.Block{{Text: []model.Span{{Text: c.para}}}}}
		StripLeadDateline(a)
		if a.Dateline.Place != c.wantPlace || a.Credit.Source != c.wantCredit || model.Plain(a.Body[0].Text) != c.wantPara {
			t.Errorf("%q: place %q credit %q para %q", c.para, a.Dateline.Place, a.Credit.Source, model.Plain(a.Body[0].Text))
		}
	}
	// A credit already given is kept; a paragraph that was only the
	// dateline goes.
	a := &model.Article{Credit: model.Credit{Source: "Reuters"}, Body: []model.Block{{Text: []model.Span{{Text: "ROME (AP) -- "}, {Text: "x", Style: model.Strong}}}}}
	StripLeadDateline(a)
	if a.Credit.Source != "Reuters" || a.Dateline.Place != "ROME" || len(a.Body) != 1 || a.Body[0].Text[0] != (model.Span{Text: "x", Style: model.Strong}) {
		t.Errorf("%+v", a)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"seed-000_c2abd82b4506b539": "seed-000-c2abd82b4506b539",
		"militärövning":             "militarovning",
		"  Łódź / Kraków  ":         "lodz-krakow",
		"Þórðarson straße":          "thordarson-strasse",
		"新聞":                        "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SlugFromFile("dir/新聞.xml"); got != "article" {
		t.Errorf("SlugFromFile: %q", got)
	}
	if got := SlugFromFile("dir/Kim Visit.v2.json"); got != "kim-visit-v2" {
		t.Errorf("SlugFromFile: %q", got)
	}
}

func TestNormSpans(t *testing.T) {
	in := []model.Span{{Text: "  One\n"}, {Text: " two ", Style: model.Emphasis}, {Text: "two", Style: model.Emphasis}, {Text: "\u00a0three "}, {Text: "  ", Style: model.Strong}}
	want := []model.Span{{Text: "One "}, {Text: "two two", Style: model.Emphasis}, {Text: "\u00a0three"}}
	got := NormSpans(in)
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %q, want %q", i, got[i], want[i])
		}
	}
	if got := Collapse("\t a \n\r b\f "); got != "a b" {
		t.Errorf("Collapse = %q", got)
	}
}

func TestPaths(t *testing.T) {
	for ref, remote := range map[string]bool{"http://x/a.jpg": true, "data:image/png;base64,": true, "C:\\a.jpg": false, "a:b.jpg": false, "photos/a.jpg": false, "1x:y": false} {
		if IsRemote(ref) != remote {
			t.Errorf("IsRemote(%q) = %v", ref, !remote)
		}
	}
	cases := []struct {
		file, root, ref, want string
		ok                    bool
	}{
		{"ed/wire/a.xml", "ed", "../photos/p.jpg", filepath.Join("ed", "photos", "p.jpg"), true},
		{"ed/wire/a.xml", "", "p.jpg", filepath.Join("ed", "wire", "p.jpg"), true},
		{"ed/wire/a.xml", "", "../p.jpg", filepath.Join("ed", "p.jpg"), false},
		{"ed/wire/a.xml", "ed", "../../p.jpg", "p.jpg", false},
		{"ed/wire/a.xml", "ed", "/etc/p.jpg", "/etc/p.jpg", false},
	}
	for _, c := range cases {
		got, ok := Resolve(c.file, c.root, c.ref)
		if got != c.want || ok != c.ok {
			t.Errorf("Resolve(%q, %q, %q) = %q, %v", c.file, c.root, c.ref, got, ok)
		}
	}
}

func TestQuotes(t *testing.T) {
	q := []model.Para{{{Text: "Words."}}, {{Text: "— Ana Souza"}}}
	if got, attr := AttributionLine(q, ""); len(got) != 1 || attr != "Ana Souza" {
		t.Errorf("AttributionLine: %q %q", got, attr)
	}
	if got, attr := AttributionLine(q, "Given"); len(got) != 2 || attr != "Given" {
		t.Errorf("AttributionLine with one: %q %q", got, attr)
	}
	if got, attr := AttributionLine(q[1:], ""); len(got) != 1 || attr != "" {
		t.Errorf("AttributionLine alone: %q %q", got, attr)
	}
	blocks := []model.Block{{Kind: model.Crosshead, Text: []model.Span{{Text: "H"}}}, {Kind: model.QuoteBox, Title: "T", Quote: q, Attribution: "A"}}
	if got := Paras(blocks); len(got) != 5 || model.Plain(got[1]) != "T" || model.Plain(got[4]) != "A" {
		t.Errorf("Paras: %q", got)
	}
	if got := model.Plain(Row([][]model.Span{{{Text: "a"}}, nil, {{Text: " b "}}})); got != "a · b" {
		t.Errorf("Row: %q", got)
	}
}

func TestSmarten(t *testing.T) {
	a := &model.Article{
		Section: "Writers' Guild", Slug: "x", Credit: model.Credit{Source: "O'Brien Wire", Tagline: "-- AP"},
		Headline: `Lawyers' strike "postpones" trial...`, Byline: "Frances d'Emilio",
		Photos: []model.Photo{{Caption: `The ship -- on its side`}},
		Body: []model.Block{
			{Kind: model.Paragraph, Text: []model.Span{{Text: `He said "`}, {Text: "no", Style: model.Emphasis}, {Text: `".`}}},
			{Kind: model.QuoteBox, Title: `"Never"`, Quote: []model.Para{{{Text: `'Tis "true"`}}}, Attribution: "Jo O'Neil"},
		},
	}
	Smarten(a)
	want := []struct{ got, want string }{
		{a.Section, "Writers' Guild"}, {a.Credit.Source, "O'Brien Wire"}, {a.Credit.Tagline, "– AP"},
		{a.Headline, "Lawyers’ strike “postpones” trial…"}, {a.Byline, "Frances d’Emilio"},
		{a.Photos[0].Caption, "The ship – on its side"},
		{a.Body[0].Text[0].Text, "He said “"}, {a.Body[0].Text[2].Text, "”."},
		{a.Body[1].Title, "“Never”"}, {model.Plain(a.Body[1].Quote[0]), "’Tis “true”"}, {a.Body[1].Attribution, "Jo O’Neil"},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("got %q, want %q", w.got, w.want)
		}
	}
}

func TestSortErrors(t *testing.T) {
	es := model.Errors{
		model.Errorf("f", 0, 0, "", "no line"),
		model.Errorf("f", 3, 1, "", "c"),
		errors.New("not an input error"),
		model.Errorf("f", 2, 9, "", "b"),
		model.Errorf("f", 2, 1, "", "a"),
	}
	SortErrors(es)
	got := ""
	for _, e := range es {
		got += e.Error() + ";"
	}
	if want := "f:2:1: a;f:2:9: b;f:3:1: c;f: no line;not an input error;"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestPositions(t *testing.T) {
	p := NewPositions([]byte("ab\nçd\n"))
	for _, c := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {99, 3, 1}, {-1, 1, 1}} {
		if l, col := p.At(c.off); l != c.line || col != c.col {
			t.Errorf("At(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
	if got := FirstInvalid([]byte("aç\xffb")); got != 3 {
		t.Errorf("FirstInvalid = %d", got)
	}
}
