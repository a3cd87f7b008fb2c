package nitf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
)

// FuzzRead: never a panic; either an article with a headline and tidy text,
// or an InputError.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	more, _ := filepath.Glob("testdata/standards/*.xml")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(story("", "<dateline>GROSSETO (AP) -- x</dateline>", "<p>ROME (AP) -- Text</p><bq><p>q</p><p>— a</p></bq>")))
	f.Add([]byte("<?xml version='1.0' encoding='windows-1252'?><nitf><body><body.head><hedline><hl1>\x93x\x94</hl1></hedline></body.head></body></nitf>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("testdata/fuzz.xml", data, "testdata")
		if err != nil {
			if a != nil || !model.IsInput(err) {
				t.Fatalf("error %v (%T) with article %v", err, err, a)
			}
			return
		}
		checkArticle(t, a)
	})
}

// checkArticle checks what every article read must satisfy.
func checkArticle(t *testing.T, a *model.Article) {
	t.Helper()
	if a == nil || strings.TrimSpace(a.Headline) == "" {
		t.Fatalf("no headline: %+v", a)
	}
	if a.Priority < 1 || a.Priority > 5 || a.Slug == "" {
		t.Fatalf("priority %d slug %q", a.Priority, a.Slug)
	}
	for _, p := range a.Photos {
		if rel, err := filepath.Rel("testdata", p.File); err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("photo %q outside testdata", p.File)
		}
	}
	for _, b := range a.Body {
		texts := []model.Para{b.Text}
		if b.Kind == model.QuoteBox || b.Kind == model.PullQuote {
			texts = b.Quote
		} else if len(b.Text) == 0 {
			t.Fatalf("empty %s", b.Kind)
		}
		for _, s := range texts {
			p := model.Plain(s)
			if p == "" || strings.HasPrefix(p, " ") || strings.HasSuffix(p, " ") || strings.Contains(p, "  ") || strings.ContainsAny(p, "\n\t\r") {
				t.Fatalf("untidy text %q in %s", p, b.Kind)
			}
		}
	}
}
