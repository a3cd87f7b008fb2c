package ninjs

import (
	"testing"

	"pressroom.dev/typeset/internal/wire/wiretest"
)

// FuzzRead: never a panic; either an article with a headline and tidy text,
// or an InputError.
func FuzzRead(f *testing.F) {
	wiretest.Seed(f, "testdata/*.json", "testdata/standards/*/*.json", "testdata/bench/a*.json")
	f.Add(doc(`"located": "ROME",`, `<p>ROME (AP) -- Text <b>b<i>i</b></i></p><aside><h2>T</h2><blockquote>q<p>— a</blockquote></aside><ul><li>x<li>y</ul><table><tr><td>1<td>2</table>`))
	f.Add([]byte(`{"headlines": [{"value": "H"}], "bodies": [{"contenttype": "text/plain", "value": "a\n\nb"}], "associations": [{"type": "picture", "renditions": [{"name": "r", "href": "x.jpg"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("testdata/fuzz.json", data, "testdata")
		if err := wiretest.Outcome(a, err, "testdata"); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzHTML feeds arbitrary HTML to the body reader.
func FuzzHTML(f *testing.F) {
	f.Add(`<p>One<p>Two<aside><h2>T</h2><figure><blockquote><p>Q</p></blockquote><figcaption>— A</figcaption></figure></aside>`)
	f.Add(`<html><head><title>x</title><script>a<b</script></head><body><div class="dat"><span class="vignette">K</span></div><h1>Headline</h1>&amp;&#x41;&nbsp;</body></html>`)
	f.Fuzz(func(t *testing.T, html string) {
		a, err := Read("testdata/fuzz.json", doc("", html), "testdata")
		if err := wiretest.Outcome(a, err, "testdata"); err != nil {
			t.Fatal(err)
		}
	})
}
