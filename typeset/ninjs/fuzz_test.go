package ninjs

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
	var files []string
	for _, pat := range []string{"testdata/*.json", "testdata/standards/*/*.json", "testdata/bench/a*.json"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(doc(`"located": "ROME",`, `<p>ROME (AP) -- Text <b>b<i>i</b></i></p><aside><h2>T</h2><blockquote>q<p>— a</blockquote></aside><ul><li>x<li>y</ul><table><tr><td>1<td>2</table>`))
	f.Add([]byte(`{"headlines": [{"value": "H"}], "bodies": [{"contenttype": "text/plain", "value": "a\n\nb"}], "associations": [{"type": "picture", "renditions": [{"name": "r", "href": "x.jpg"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("testdata/fuzz.json", data, "testdata")
		if err != nil {
			if a != nil || !model.IsInput(err) {
				t.Fatalf("error %v (%T) with article %v", err, err, a)
			}
			return
		}
		checkArticle(t, a)
	})
}

// FuzzHTML feeds arbitrary HTML to the body reader.
func FuzzHTML(f *testing.F) {
	f.Add(`<p>One<p>Two<aside><h2>T</h2><figure><blockquote><p>Q</p></blockquote><figcaption>— A</figcaption></figure></aside>`)
	f.Add(`<html><head><title>x</title><script>a<b</script></head><body><div class="dat"><span class="vignette">K</span></div><h1>Headline</h1>&amp;&#x41;&nbsp;</body></html>`)
	f.Fuzz(func(t *testing.T, html string) {
		a, err := Read("testdata/fuzz.json", doc("", html), "testdata")
		if err != nil {
			if a != nil || !model.IsInput(err) {
				t.Fatalf("error %v (%T)", err, err)
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
