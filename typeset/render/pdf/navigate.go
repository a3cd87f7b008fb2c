package pdf

import (
	"fmt"
	"strings"

	"pressroom.dev/typeset/display"
)

// The e-paper's navigation, added by the finishing stage: the outline
// (bookmarks) from Document.Outline, link annotations from display.Link
// items, and article threads from Document.Threads, so that a reader can
// follow a story from column to column and across a jump.

func (fin *finisher) navigation() {
	cat := fin.catalog
	if first, last, count := fin.outline(); first != 0 {
		root := fin.f.addValue(nil)
		fin.f.objs[root].val = newDict("Type", name("Outlines"), "First", first, "Last", last, "Count", integer(count))
		fin.reparent(first, root)
		cat.set("Outlines", root)
		cat.set("PageMode", name("UseOutlines"))
	}
	if th := fin.threads(); len(th) > 0 {
		cat.set("Threads", th)
	}
	fin.links()
	cat.set("ViewerPreferences", newDict("DisplayDocTitle", raw("true")))
}

// outlineOpen is how many outline levels are open: the top level
// (sections) shows its children (pages); a page shows its stories when the
// reader opens it.
const outlineOpen = 1

// outline writes the bookmarks and returns the first and last top-level
// items and how many items show when the outline opens.
func (fin *finisher) outline() (first, last ref, count int) {
	// The top level's /Parent is set once the root exists (reparent).
	return fin.outlineLevel(fin.wr.doc.Outline, 0, 0)
}

func (fin *finisher) outlineLevel(bs []display.Bookmark, parent ref, depth int) (first, last ref, visible int) {
	if len(bs) == 0 {
		return 0, 0, 0
	}
	f := fin.f
	refs := make([]ref, len(bs))
	for i := range bs {
		refs[i] = f.addValue(nil)
	}
	for i, b := range bs {
		d := newDict("Title", text(b.Title))
		if parent != 0 {
			d.set("Parent", parent)
		}
		if i > 0 {
			d.set("Prev", refs[i-1])
		}
		if i+1 < len(bs) {
			d.set("Next", refs[i+1])
		}
		if dest := fin.dest(b.Page, b.Y.Points()); dest != nil {
			d.set("Dest", dest)
		}
		cf, cl, cvis := fin.outlineLevel(b.Children, refs[i], depth+1)
		if cf != 0 {
			d.set("First", cf)
			d.set("Last", cl)
			// Positive: open, showing cvis items; negative: closed.
			if depth < outlineOpen {
				d.set("Count", integer(cvis))
				visible += cvis
			} else {
				d.set("Count", integer(-cvis))
			}
		}
		visible++
		f.objs[refs[i]].val = d
	}
	return refs[0], refs[len(refs)-1], visible
}

// reparent sets /Parent on the top-level items, from first along /Next.
func (fin *finisher) reparent(first, root ref) {
	for r := first; r != 0; {
		d := fin.f.dictOf(r)
		d.set("Parent", root)
		next, _ := d.get("Next").(ref)
		r = next
	}
}

// dest is an explicit destination: page index i at y points from the
// trim's top (the top-left corner, keeping the reader's zoom), or nil when
// the page is not in the document.
func (fin *finisher) dest(i int, y float64) array {
	if i < 0 || i >= len(fin.pages) {
		return nil
	}
	pj := fin.wr.pages[i]
	return array{fin.pages[i], name("XYZ"), num(pj.margin), num(pj.margin + pj.h - y), raw("null")}
}

// threads writes each article thread with its beads, chained in reading
// order (/N next, /V previous, round in a ring as the format wants), and
// lists the beads on their pages (/B).
func (fin *finisher) threads() array {
	f := fin.f
	var out array
	onPage := make([]array, len(fin.pages))
	for _, th := range fin.wr.doc.Threads {
		var beads []display.Bead
		for _, b := range th.Beads {
			if b.Page >= 0 && b.Page < len(fin.pages) && b.W > 0 && b.H > 0 {
				beads = append(beads, b)
			}
		}
		if len(beads) == 0 {
			continue
		}
		t := f.addValue(nil)
		refs := make([]ref, len(beads))
		for i := range beads {
			refs[i] = f.addValue(nil)
		}
		n := len(beads)
		for i, b := range beads {
			pj := fin.wr.pages[b.Page]
			x1 := pj.margin + b.X.Points()
			y2 := pj.margin + pj.h - b.Y.Points()
			d := newDict("Type", name("Bead"))
			if i == 0 {
				d.set("T", t)
			}
			d.set("N", refs[(i+1)%n])
			d.set("V", refs[(i+n-1)%n])
			d.set("P", fin.pages[b.Page])
			d.set("R", rect(x1, y2-b.H.Points(), x1+b.W.Points(), y2))
			f.objs[refs[i]].val = d
			onPage[b.Page] = append(onPage[b.Page], refs[i])
		}
		info := newDict("Title", text(th.Title))
		f.objs[t].val = newDict("Type", name("Thread"), "F", refs[0], "I", info)
		out = append(out, t)
	}
	for i, bs := range onPage {
		if len(bs) > 0 {
			f.dictOf(fin.pages[i]).set("B", bs)
		}
	}
	return out
}

// links adds each page's link annotations.
func (fin *finisher) links() {
	f := fin.f
	for i, pj := range fin.wr.pages {
		var annots array
		for _, l := range pj.links {
			d := newDict("Type", name("Annot"), "Subtype", name("Link"),
				"Rect", rect(l.x1, l.y1, l.x2, l.y2), "Border", array{integer(0), integer(0), integer(0)}, "F", integer(4))
			switch {
			case l.uri != "":
				d.set("A", newDict("S", name("URI"), "URI", uriString(l.uri)))
			case fin.dest(l.page, 0) != nil:
				d.set("Dest", fin.dest(l.page, 0))
			default:
				continue
			}
			annots = append(annots, f.addValue(d))
		}
		if len(annots) > 0 {
			f.dictOf(fin.pages[i]).set("Annots", annots)
		}
	}
}

// uriString writes a URI as the 7-bit ASCII string PDF wants, with
// other bytes percent-encoded.
func uriString(u string) raw {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c <= 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return raw(b.String())
}
