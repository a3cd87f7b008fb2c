package native

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
)

func TestReadFull(t *testing.T) {
	a, err := ReadFile("testdata/ed/articles/full.md", "testdata/ed")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"slug", a.Slug, "full-example"},
		{"section", a.Section, "Europe"},
		{"kicker", a.Kicker, "Transport"},
		{"headline", a.Headline, "Zürich’s “new” tunnel opens – at last"},
		{"deck", a.Deck, "Commuters queue before dawn… the city says the bill is settled."},
		{"byline", a.Byline, "By Marta Lindqvist"},
		{"dateline.place", a.Dateline.Place, "Zürich"},
		{"dateline.date", a.Dateline.Date.String(), "2026-11-26"},
		{"credit", a.Credit.Source, "Reuters"},
		{"lang", a.Lang, "en-GB"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if a.Priority != 2 {
		t.Errorf("priority = %d", a.Priority)
	}
	if len(a.Photos) != 1 || filepath.Base(a.Photos[0].File) != "p.jpg" || a.Photos[0].Credit != "Photo: Jonas Berg/Staff" ||
		a.Photos[0].Caption != "The first train leaves at 5.02 a.m." || a.Photos[0].Alt != "A train in a tunnel" || a.Photos[0].Line != 15 {
		t.Errorf("photos = %+v", a.Photos)
	}
	kinds := []model.BlockKind{model.Paragraph, model.Crosshead, model.Paragraph, model.QuoteBox, model.PullQuote, model.Paragraph}
	if len(a.Body) != len(kinds) {
		t.Fatalf("body has %d blocks, want %d: %+v", len(a.Body), len(kinds), a.Body)
	}
	for i, k := range kinds {
		if a.Body[i].Kind != k {
			t.Errorf("block %d is a %v, want %v", i, a.Body[i].Kind, k)
		}
	}
	p0 := a.Body[0]
	if p0.Line != 21 {
		t.Errorf("first paragraph at line %d, want 21", p0.Line)
	}
	wantSpans := []model.Span{
		{Text: "The first paragraph, with "},
		{Text: "emphasis", Style: model.Emphasis},
		{Text: " and "},
		{Text: "bold", Style: model.Strong},
		{Text: " and a “quoted "},
		{Text: "word", Style: model.Emphasis},
		{Text: "”. It runs over two source lines."},
	}
	if len(p0.Text) != len(wantSpans) {
		t.Fatalf("first paragraph spans = %q", p0.Text)
	}
	for i := range wantSpans {
		if p0.Text[i] != wantSpans[i] {
			t.Errorf("span %d = %+v, want %+v", i, p0.Text[i], wantSpans[i])
		}
	}
	if got := model.Plain(a.Body[1].Text); got != "Money matters" {
		t.Errorf("crosshead = %q", got)
	}
	if got := model.Plain(a.Body[2].Text); got != "Łódź and São Paulo—both cities—watched 1990–2000 closely…" {
		t.Errorf("paragraph = %q", got)
	}
	box := a.Body[3]
	if box.Title != "Illegal partnership" || box.Attribution != "Yoon Suk Yeol, South Korean President" ||
		len(box.Quote) != 1 || model.Plain(box.Quote[0]) != "Such a military partnership is illegal and unjust. The community will unite." {
		t.Errorf("quote box = %+v", box)
	}
	pq := a.Body[4]
	if pq.Attribution != "Ana Souza, transport commissioner" || model.Plain(pq.Quote[0]) != "“We will not be the last city to try this.”" {
		t.Errorf("pull quote = %+v", pq)
	}
	if got := model.Plain(a.Body[5].Text); got != "Last paragraph, with a URL https://www.example.gov/a-b and it’s done." {
		t.Errorf("last paragraph = %q", got)
	}
}

func TestDefaults(t *testing.T) {
	a, err := Read("dir/My Story.md", []byte("---\nheadline: Hi\ncredit: Staff\ndateline: \"SEOUL, Sunday\"\n---\nText.\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Slug != "my-story" || a.Priority != 3 || !a.Credit.Staff || a.Dateline.DateText != "SEOUL, Sunday" || a.Lang != "" {
		t.Errorf("defaults: %+v", a)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name, doc   string
		line        int
		field, want string
	}{
		{"no front matter", "Just text\n", 1, "", "starts with a front matter"},
		{"unclosed", "---\nheadline: x\n", 1, "", "no closing"},
		{"no headline", "---\nslug: a\n---\nText.\n", 2, "headline", "missing"},
		{"empty headline", "---\nheadline: \"\"\n---\nText.\n", 2, "headline", "empty"},
		{"unknown key", "---\nheadline: H\nheadlne: typo\n---\nText.\n", 3, "headlne", "unknown field"},
		{"malformed yaml", "---\nheadline: H\ndeck: a: b\n---\nText.\n", 3, "front matter", "malformed YAML"},
		{"bad priority", "---\nheadline: H\npriority: 9\n---\nText.\n", 3, "priority", "1 (the lead) to 5"},
		{"bad lang", "---\nheadline: H\nlang: english!\n---\nText.\n", 3, "lang", "BCP 47"},
		{"bad date", "---\nheadline: H\ndateline: {place: X, date: 2026-02-30}\n---\nText.\n", 3, "dateline.date", "not a calendar date"},
		{"h1 in body", "---\nheadline: H\n---\nText.\n\n# Big\n", 6, "body", "level-1 heading"},
		{"list in body", "---\nheadline: H\n---\nText.\n\n- one\n- two\n", 6, "body", "lists"},
		{"html", "---\nheadline: H\n---\nText.\n\n<div>x</div>\n", 6, "body", "raw HTML"},
		{"photo outside", "---\nheadline: H\nphotos:\n  - file: ../../etc/passwd\n---\nText.\n", 4, "photos[0].file", "outside the edition"},
		{"photo missing", "---\nheadline: H\nphotos:\n  - file: nothere.jpg\n---\nText.\n", 4, "photos[0].file", "cannot read"},
		{"empty body", "---\nheadline: H\n---\n\n", 4, "body", "no text"},
		{"duplicate key", "---\nheadline: H\nheadline: I\n---\nText.\n", 3, "headline", "given twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("art.md", []byte(c.doc), "")
			if err == nil {
				t.Fatal("accepted bad input")
			}
			var ie *model.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
			if ie.File != "art.md" || ie.Line != c.line || ie.Field != c.field || !strings.Contains(ie.Msg, c.want) {
				t.Errorf("got %q (line %d, field %q), want line %d field %q containing %q", err, ie.Line, ie.Field, c.line, c.field, c.want)
			}
		})
	}
}

func TestUnreadableFile(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "missing.md"), "")
	if err == nil || !model.IsInput(err) || !strings.Contains(err.Error(), "missing.md") {
		t.Errorf("missing file: %v", err)
	}
}

func TestAllErrorsReported(t *testing.T) {
	_, err := Read("art.md", []byte("---\nheadline: H\npriority: 0\nlang: ??\n---\nText.\n"), "")
	var es model.Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Errorf("want both errors at once, got %v", err)
	}
}

func TestMain(m *testing.M) {
	// The photo fixture must exist for TestReadFull; it is committed, but a
	// checkout that lost it should fail loudly here rather than deep inside.
	if _, err := os.Stat("testdata/ed/photos/p.jpg"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
