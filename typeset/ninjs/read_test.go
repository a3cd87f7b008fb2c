package ninjs

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/internal/wire/wiretest"
	"pressroom.dev/typeset/model"
)

func readFile(t *testing.T, file string) *model.Article {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Read(file, data, "testdata")
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return a
}

// The seed (the NITF comparison is in package nitf's tests).
func TestSeed(t *testing.T) {
	a := readFile(t, "testdata/seed.ninjs.json")
	if a.Headline != "Kim ends Russia visit after ‘bolstering’ military ties" || a.Slug != "seed-ninjs" {
		t.Errorf("headline %q slug %q", a.Headline, a.Slug)
	}
	if a.Dateline != (model.Dateline{Place: "Seoul", Date: model.Date{Year: 2023, Month: 9, Day: 17}}) || a.Credit != (model.Credit{Source: "Reuters"}) {
		t.Errorf("dateline %+v credit %+v", a.Dateline, a.Credit)
	}
	if got := kinds(a); got != "P P Q Q P P P" {
		t.Fatalf("blocks %s", got)
	}
	b := a.Body[2]
	if b.Title != "Illegal partnership" || b.Attribution != "Yoon Suk Yeol, South Korean President" || len(b.Quote) != 1 ||
		model.Plain(b.Quote[0]) != "Such a military partnership is illegal and unjust. The international community will unite more firmly." {
		t.Errorf("box 1: %+v", b)
	}
	if b := a.Body[3]; b.Title != "Equal cooperation" || b.Attribution != "Sergei Lavrov, Russian Foreign Minister" {
		t.Errorf("box 2: %+v", b)
	}
}

func kinds(a *model.Article) string {
	var s []string
	for _, b := range a.Body {
		s = append(s, [...]string{"P", "H", "Q", "PQ"}[b.Kind])
	}
	return strings.Join(s, " ")
}

// Every official example imports; what each gives.
func TestStandards(t *testing.T) {
	const captain = "Captain of wrecked cruise ship on trial in Italy"
	day := func(y, m, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }
	cases := map[string]struct {
		headline, blocks string
		dateline         model.Dateline
		credit           string
		check            func(*testing.T, *model.Article)
	}{
		"2.2/003_associations_example.json": {headline: "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations",
			blocks: "P", dateline: model.Dateline{Date: day(2013, 5, 16)}},
		"2.2/004_simple_text_article.json": {headline: captain, blocks: "P P P P", credit: "AP",
			dateline: model.Dateline{Place: "GROSSETO, Italy", Date: day(2013, 7, 9)}},
		"2.2/005_complex_text_article.json": {headline: captain, blocks: "P P P P", credit: "AP",
			dateline: model.Dateline{Place: "Grossetto, Italy", Date: day(2013, 7, 9)}},
		"2.2/007_multimedia.json": {headline: captain, blocks: "P P P P", credit: "AP",
			dateline: model.Dateline{Place: "Grossetto, Italy", Date: day(2013, 7, 9)}},
		"2.1/ntb_text.json": {headline: "Google har kjøpt giganttomt i Skien", blocks: "",
			dateline: model.Dateline{Date: day(2019, 8, 9)}, check: func(t *testing.T, a *model.Article) {
				if a.Slug != "skien-google" || a.Priority != 5 || a.Byline != "NTB" || a.Lang != "nb-NO" {
					t.Errorf("ntb: %+v", a)
				}
			}},
		"2.1/tt_text_image_2.json": {headline: "Militärövning i jätteformat hålls 2023", blocks: "P PQ P PQ", credit: "TT",
			dateline: model.Dateline{Date: day(2021, 5, 26)}, check: func(t *testing.T, a *model.Article) {
				if a.Slug != "militarovning" || a.Kicker != "Försvar" || a.Lang != "sv" || len(a.Photos) != 0 {
					t.Errorf("tt: slug %q kicker %q lang %q photos %v", a.Slug, a.Kicker, a.Lang, a.Photos)
				}
				if p := model.Plain(a.Body[2].Text); !strings.HasPrefix(p, "Aurora 20 skulle omfatta 25 000 deltagare") {
					t.Errorf("tt: paragraph 3 is %q", p)
				}
				if q := a.Body[1]; len(q.Quote) != 1 || !strings.HasSuffix(model.Plain(q.Quote[0]), "till TT.") || q.Attribution != "" {
					t.Errorf("tt: pull quote %+v", q)
				}
			}},
	}
	files, _ := filepath.Glob("testdata/standards/*/*.json")
	if len(files) != len(cases) {
		t.Errorf("%d files, %d cases", len(files), len(cases))
	}
	for _, file := range files {
		name := filepath.ToSlash(strings.TrimPrefix(file, filepath.Join("testdata", "standards")+string(filepath.Separator)))
		c, ok := cases[name]
		if !ok {
			t.Errorf("%s: not in the table", name)
			continue
		}
		a := readFile(t, file)
		if a.Headline != c.headline || kinds(a) != c.blocks || a.Dateline != c.dateline || a.Credit != (model.Credit{Source: c.credit}) {
			t.Errorf("%s: headline %q blocks %q dateline %+v credit %+v", name, a.Headline, kinds(a), a.Dateline, a.Credit)
		}
		if strings.HasPrefix(c.headline, "Captain") && !strings.HasPrefix(model.Plain(a.Body[0].Text), "The trial of the captain") {
			t.Errorf("%s: dateline not taken out of the first paragraph: %q", name, model.Plain(a.Body[0].Text))
		}
		if c.check != nil {
			c.check(t, a)
		}
	}
}

// The benchmark's ninjs files give the edition's paragraphs and quote boxes,
// the boxes after the paragraphs quote_slots names.
func TestBench(t *testing.T) {
	var ed struct {
		Edition  struct{ Date string }
		Articles []struct {
			ID, Section, Headline, Deck, Byline, Credit string
			Dateline                                    struct{ Place, Date string }
			Body                                        []string
			Quotes                                      []struct{ Title, Text, Attribution string }
			Priority                                    int
		}
	}
	data, err := os.ReadFile("testdata/bench/edition.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &ed); err != nil {
		t.Fatal(err)
	}
	if len(ed.Articles) != 4 {
		t.Fatalf("%d articles", len(ed.Articles))
	}
	months := []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for _, e := range ed.Articles {
		a := readFile(t, filepath.Join("testdata", "bench", e.ID+".json"))
		credit := model.Credit{Source: e.Credit} // "Staff" too: it prints "— Staff"
		if a.Slug != e.ID || a.Section != e.Section || a.Headline != e.Headline || a.Deck != e.Deck || a.Byline != e.Byline ||
			a.Credit != credit || a.Priority != e.Priority || a.Dateline.Place != e.Dateline.Place ||
			fmt.Sprintf("%s %d", months[a.Dateline.Date.Month], a.Dateline.Date.Day) != e.Dateline.Date {
			t.Errorf("%s: %+v", e.ID, a)
		}
		// Expected body: paragraphs with the boxes after paragraph
		// max(1, (i+1)*n/(q+1)).
		n, q := len(e.Body), len(e.Quotes)
		var want []string
		for i, p := range e.Body {
			want = append(want, "P "+wire.Collapse(p))
			for j, b := range e.Quotes {
				if max(1, (j+1)*n/(q+1)) == i+1 {
					want = append(want, "Q "+b.Title+" | "+wire.Collapse(b.Text)+" | "+b.Attribution)
				}
			}
		}
		var got []string
		for _, b := range a.Body {
			switch b.Kind {
			case model.Paragraph:
				got = append(got, "P "+model.Plain(b.Text))
			case model.QuoteBox:
				if len(b.Quote) != 1 {
					t.Errorf("%s: box with %d paragraphs", e.ID, len(b.Quote))
					continue
				}
				got = append(got, "Q "+b.Title+" | "+model.Plain(b.Quote[0])+" | "+b.Attribution)
			default:
				got = append(got, b.Kind.String())
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: body\n%s\nwant\n%s", e.ID, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(got) != n+q {
			t.Errorf("%s: %d blocks, want %d paragraphs + %d boxes", e.ID, len(got), n, q)
		}
	}
}

// Smart punctuation on the official examples changes punctuation only:
// "d'Emilio", "lawyers' strike" and "[ ... ]" change, no word does.
func TestSmartPunctuation(t *testing.T) {
	files, _ := filepath.Glob("testdata/standards/*/*.json")
	changed, err := wiretest.SmartenedFiles(append(files, "testdata/seed.ninjs.json"), readArticle)
	if err != nil || changed != 7 {
		t.Errorf("%d texts changed, want 7 (bylines and a paragraph of 004, 005, 007; 003's [ … ]); %v", changed, err)
	}
	if a := readFile(t, "testdata/standards/2.2/004_simple_text_article.json"); a.Byline != "Paulo Santalucia and Frances d’Emilio" {
		t.Errorf("byline %q", a.Byline)
	}
}
