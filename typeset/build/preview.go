package build

import (
	"bytes"
	"fmt"
	"image"
	"path/filepath"
	"runtime"
	"sync"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/render/raster"
	"pressroom.dev/typeset/units"
)

// Previews: preview/page-NN.png for every page (50 dpi, the raster
// renderer's default) and preview/flatplan.png, all pages as thumbnails in
// spread order with overset pages marked. They are drawn from the same
// display list as the PDFs, on all processors, one renderer per worker.

// thumbDPI is the resolution of the flatplan's thumbnails.
const thumbDPI = 24

// thumbGreek: on the flatplan, text under 12 pt (body copy, captions,
// labels) is drawn as grey bars; headlines stay legible.
const thumbGreek = 12 * units.Pt

// renderPreviews draws the previews into jobs (path and data), not yet
// written.
func renderPreviews(dir string, doc *display.Document, over []raster.Overset) ([]*outputJob, error) {
	n := len(doc.Pages)
	pages := make([]*outputJob, n)
	thumbs := make([]*image.RGBA, n)
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := raster.NewRenderer()
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= n {
					return
				}
				pg := doc.Pages[k]
				var b bytes.Buffer
				job := &outputJob{path: filepath.Join(dir, "preview", fmt.Sprintf("page-%02d.png", pg.Number))}
				job.err = raster.WritePNG(&b, r.Page(pg, raster.Options{DPI: raster.DefaultDPI}))
				job.data = b.Bytes()
				pages[k] = job
				thumbs[k] = r.Page(pg, raster.Options{DPI: thumbDPI, Greek: thumbGreek})
			}
		}()
	}
	wg.Wait()
	for _, j := range pages {
		if j.err != nil {
			return nil, j.err
		}
	}
	var b bytes.Buffer
	if err := raster.WritePNG(&b, raster.Flatplan(thumbs, over, raster.FlatplanOptions{})); err != nil {
		return nil, err
	}
	return append(pages, &outputJob{path: filepath.Join(dir, "preview", "flatplan.png"), data: b.Bytes()}), nil
}
