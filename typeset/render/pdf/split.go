package pdf

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"pressroom.dev/typeset/display"
)

// WriteSplit writes a print document as Write does, and also each of its
// pages as a PDF/X file of its own, handed to page (i is the index in
// doc.Pages; data is not kept by WriteSplit). The pages are cut on all
// processors: page is called from several goroutines at once, in no
// particular order, and must be safe for that. The
// page files are cut from the finished edition rather than drawn again:
// each gets the page object, its content stream, the fonts and photos the
// page calls, the OutputIntent, and its own /Info, XMP packet and /ID
// under the title "TITLE, page N". Their fonts are the edition's subsets,
// a little larger than a page's own would be, drawn and compressed once
// for the whole edition instead of once per page.
func WriteSplit(w io.Writer, doc *display.Document, opt Options, page func(i int, data []byte) error) error {
	if opt.Mode != Print {
		return fmt.Errorf("pdf: only print documents are split into pages")
	}
	fin, err := prepare(doc, opt)
	if err != nil {
		return err
	}
	if err := fin.run(w); err != nil {
		return err
	}
	errs := make([]error, len(fin.pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(fin.pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(fin.pages) {
					return
				}
				b.Reset()
				if err := fin.pageFile(&b, i); err != nil {
					errs[i] = fmt.Errorf("pdf: page %d: %w", fin.wr.pages[i].pg.Number, err)
				} else {
					errs[i] = page(i, b.Bytes())
				}
				if errs[i] != nil {
					next.Store(int64(len(fin.pages))) // stop the others early
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// pageFile writes page i of the finished document as a file of its own.
func (fin *finisher) pageFile(w io.Writer, i int) error {
	src := fin.f
	dst := &file{objs: []*object{nil}}
	c := &copier{src: src, dst: dst, to: map[ref]ref{}}
	dst.root = dst.addValue(nil)
	pagesRef := dst.addValue(nil)
	pageRef := dst.addValue(nil)

	old := src.dictOf(fin.pages[i])
	if old == nil {
		return fmt.Errorf("no page object")
	}
	pg := &dict{}
	for k, key := range old.keys {
		switch key {
		case "Parent":
			pg.set(key, pagesRef)
		case "Resources":
			pg.set(key, fin.pageResources(c, fin.wr.pages[i].used))
		case "Annots", "B":
			// Links and thread beads point at other pages; print has none.
		default:
			pg.set(key, c.value(old.vals[k]))
		}
	}
	dst.objs[pageRef].val = pg
	dst.objs[pagesRef].val = newDict("Type", name("Pages"), "Kids", array{pageRef}, "Count", integer(1))
	cat := newDict("Type", name("Catalog"), "Pages", pagesRef)
	for _, key := range []name{"Lang", "OutputIntents"} {
		if v := fin.catalog.get(key); v != nil {
			cat.set(key, c.value(v))
		}
	}
	title := fmt.Sprintf("%s, page %d", fin.title(), fin.wr.pages[i].pg.Number)
	return fin.emit(w, dst, cat, title)
}

// pageResources copies the edition's resource dictionary for one page,
// keeping of its fonts and XObjects those the page's content calls.
func (fin *finisher) pageResources(c *copier, used map[string]bool) *dict {
	res := &dict{}
	for k, key := range fin.resources.keys {
		v := fin.resources.vals[k]
		switch key {
		case "Font", "XObject":
			all, _ := fin.f.resolve(v).(*dict)
			if all == nil {
				continue
			}
			sub := &dict{}
			for j, n := range all.keys {
				if used[string(n)] {
					sub.set(n, c.value(all.vals[j]))
				}
			}
			if len(sub.keys) > 0 {
				res.set(key, sub)
			}
		default:
			res.set(key, c.value(v))
		}
	}
	return res
}

// copier copies objects from one file into another, renumbering them;
// an object reached twice is copied once. Stream data is shared, not
// copied.
type copier struct {
	src, dst *file
	to       map[ref]ref
}

func (c *copier) value(v value) value {
	switch v := v.(type) {
	case ref:
		return c.ref(v)
	case *dict:
		d := &dict{keys: append([]name(nil), v.keys...), vals: make([]value, len(v.vals))}
		for i, x := range v.vals {
			d.vals[i] = c.value(x)
		}
		return d
	case array:
		a := make(array, len(v))
		for i, x := range v {
			a[i] = c.value(x)
		}
		return a
	}
	return v
}

func (c *copier) ref(r ref) ref {
	if n, ok := c.to[r]; ok {
		return n
	}
	if int(r) <= 0 || int(r) >= len(c.src.objs) || c.src.objs[r] == nil {
		return c.dst.addValue(raw("null"))
	}
	n := c.dst.addValue(nil)
	c.to[r] = n
	o := c.src.objs[r]
	c.dst.objs[n] = &object{val: c.value(o.val), stream: o.stream}
	return n
}
