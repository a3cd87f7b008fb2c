package nitf_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/ninjs"
	"pressroom.dev/typeset/nitf"
)

// The seed article, once as NITF and once as ninjs, must read into the same
// article. Differences by design: Source (the file), Slug (NITF doc-id
// "seed-000_c2abd82b4506b539" vs the ninjs file name, which has no slugline)
// and block lines (NITF has a line per element; a ninjs body is one JSON
// string on one line).
func TestSeedBothFormats(t *testing.T) {
	x := readFile(t, nitf.Read, "testdata/seed.nitf.xml")
	j := readFile(t, ninjs.Read, "../ninjs/testdata/seed.ninjs.json")
	checkSeed(t, "nitf", x)
	checkSeed(t, "ninjs", j)
	if x.Slug != "seed-000-c2abd82b4506b539" || j.Slug != "seed-ninjs" {
		t.Errorf("slugs %q, %q", x.Slug, j.Slug)
	}
	if x.Body[0].Line != 34 || x.Body[2].Line != 36 || j.Body[0].Line != 31 {
		t.Errorf("lines: nitf %d, %d; ninjs %d", x.Body[0].Line, x.Body[2].Line, j.Body[0].Line)
	}
	for _, a := range []*model.Article{x, j} {
		a.Source, a.Slug = "", ""
		for i := range a.Body {
			a.Body[i].Line = 0
		}
	}
	if !reflect.DeepEqual(x, j) {
		t.Errorf("NITF and ninjs seeds differ:\nnitf  %s\nninjs %s", dump(x), dump(j))
	}
}

func checkSeed(t *testing.T, name string, a *model.Article) {
	t.Helper()
	const hed = "Kim ends Russia visit after ‘bolstering’ military ties"
	if a.Headline != hed {
		t.Errorf("%s: headline %q", name, a.Headline)
	}
	want := model.Dateline{Place: "Seoul", Date: model.Date{Year: 2023, Month: 9, Day: 17}}
	if a.Dateline != want {
		t.Errorf("%s: dateline %+v, want %+v", name, a.Dateline, want)
	}
	if a.Credit != (model.Credit{Source: "Reuters"}) {
		t.Errorf("%s: credit %+v", name, a.Credit)
	}
	if a.Lang != "en" || a.Priority != 3 || a.Deck != "" || a.Byline != "" || len(a.Photos) != 0 {
		t.Errorf("%s: lang %q priority %d deck %q byline %q photos %d", name, a.Lang, a.Priority, a.Deck, a.Byline, len(a.Photos))
	}
	kinds := ""
	for _, b := range a.Body {
		kinds += fmt.Sprint(b.Kind, ";")
	}
	if want := "paragraph;paragraph;quote box;quote box;paragraph;paragraph;paragraph;"; kinds != want {
		t.Fatalf("%s: blocks %s, want %s", name, kinds, want)
	}
	if p := model.Plain(a.Body[0].Text); !strings.HasPrefix(p, "North Korean leader Kim Jong Un was heading home") {
		t.Errorf("%s: first paragraph %q", name, p)
	}
	if p := model.Plain(a.Body[6].Text); !strings.HasSuffix(p, "deepening ties between Moscow and Pyongyang.") {
		t.Errorf("%s: last paragraph %q", name, p)
	}
	boxes := []struct{ title, quote, attr string }{
		{"Illegal partnership", "Such a military partnership is illegal and unjust. The international community will unite more firmly.", "Yoon Suk Yeol, South Korean President"},
		{"Equal cooperation", "Moscow wants to develop equal and fair cooperation with North Korea despite UNSC sanctions.", "Sergei Lavrov, Russian Foreign Minister"},
	}
	for i, w := range boxes {
		b := a.Body[2+i]
		if b.Title != w.title || len(b.Quote) != 1 || model.Plain(b.Quote[0]) != w.quote || b.Attribution != w.attr {
			t.Errorf("%s: box %d = %q / %v / %q", name, i+1, b.Title, b.Quote, b.Attribution)
		}
	}
}

func readFile(t *testing.T, read func(string, []byte, string) (*model.Article, error), file string) *model.Article {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := read(file, data, filepath.Dir(file))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return a
}

func dump(a *model.Article) string { return fmt.Sprintf("%+v", *a) }
