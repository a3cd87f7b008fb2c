package raster

import (
	"image"
	"testing"

	"pressroom.dev/typeset/display"
)

// densePage is a Berliner page as full as make-up will fill one: the
// fullest text page of the sample edition (about 1,550 words) with the
// front page (its photo, masthead and 900 words) drawn over it, some 2,400
// words in all. The proofs alone leave pages part empty.
func densePage(tb testing.TB) *display.Page {
	doc, _ := sampleEdition(tb)
	pg := *textPage(tb)
	pg.Items = append(append([]display.Item(nil), pg.Items...), doc.Pages[0].Items...)
	return &pg
}

// benchPage renders the dense page with a renderer that has drawn it
// before, as the renderer of a build has drawn the edition's other pages.
func benchPage(b *testing.B, dpi float64) {
	pg := densePage(b)
	r := NewRenderer()
	r.Page(pg, Options{DPI: dpi})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Page(pg, Options{DPI: dpi})
	}
}

func BenchmarkPageThumbnail(b *testing.B) { benchPage(b, 50) }
func BenchmarkPage150(b *testing.B)       { benchPage(b, 150) }

// BenchmarkEditionThumbnails renders all pages of the sample edition with
// a new renderer each time: every glyph rasterised and the photo decoded
// once, as in one build. ns/op is for the whole edition.
func BenchmarkEditionThumbnails(b *testing.B) {
	doc, _ := sampleEdition(b)
	b.ReportAllocs()
	for b.Loop() {
		r := NewRenderer()
		for _, pg := range doc.Pages {
			r.Page(pg, Options{DPI: 50})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(doc.Pages))/1e6, "ms/page")
}

func BenchmarkFlatplan(b *testing.B) {
	doc, _ := sampleEdition(b)
	r := NewRenderer()
	b.ReportAllocs()
	for b.Loop() {
		imgs := make([]*image.RGBA, len(doc.Pages))
		for i, pg := range doc.Pages {
			imgs[i] = r.Page(pg, Options{DPI: 24})
		}
		r.Flatplan(imgs, nil, FlatplanOptions{})
	}
}
