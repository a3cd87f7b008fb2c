package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"sort"
	"strings"
)

// The finishing stage. fpdf (v0.12.0) gets these wrong or cannot do them,
// so they are done here on its output rather than in a fork:
//
//   - page boxes: its SetPageBox writes them in Go map order (so not the
//     same bytes twice) and only on request; here every print page gets
//     MediaBox ⊇ BleedBox ⊇ TrimBox, in that order;
//   - AddOutputIntent declares any profile as 3-component RGB
//     (/N 3 /Alternate /DeviceRGB), and then points /Info at the profile
//     (its trailer takes the object before the catalog); with it, the
//     version rises to 1.4 and every page gets an RGB transparency
//     /Group. The OutputIntent is written here with /N 4, and /Group is
//     dropped from every page;
//   - its TrueType subsets are named "utf8ptserif-regular", not tagged as
//     subsets; here they become "ABCDEF+PTSerif-Regular" with a tag
//     derived from the subset's bytes;
//   - raw CMYK images, /ID, XMP metadata, PDF/X keys in /Info, article
//     threads: fpdf has none of them;
//   - its /Info and catalog are replaced (no empty /EmbeddedFiles tree,
//     dates with their time zone, equal to the XMP dates).
const (
	gsOverprint = "GSop" // ExtGState: overprint on, nonzero overprint mode
	gsKnockout  = "GSko" // ExtGState: overprint off
	pdfVersion  = "1.6"  // PDF/X-4 is based on PDF 1.6
)

// finisher rewrites one fpdf document.
type finisher struct {
	wr        *writer
	f         *file
	pages     []ref // page objects, in order
	resources *dict // the resource dictionary all of fpdf's pages share
	catalog   *dict // the new catalog
}

// run finishes the document and writes it to w.
func (fin *finisher) run(w io.Writer) error {
	defer fin.wr.pack.wait() // the workers end however finishing ends
	if err := fin.finish(w); err != nil {
		return fmt.Errorf("pdf: finishing: %w", err)
	}
	return nil
}

func (fin *finisher) finish(w io.Writer) error {
	f, wr := fin.f, fin.wr
	oldCat := f.dictOf(f.root)
	pagesRef, _ := oldCat.get("Pages").(ref)
	kids, _ := f.resolve(f.dictOf(pagesRef).get("Kids")).(array)
	for _, k := range kids {
		if r, ok := k.(ref); ok && f.dictOf(r) != nil {
			fin.pages = append(fin.pages, r)
		}
	}
	if len(fin.pages) != len(wr.pages) {
		return fmt.Errorf("fpdf wrote %d pages, want %d", len(fin.pages), len(wr.pages))
	}
	fin.resources, _ = f.resolve(f.dictOf(fin.pages[0]).get("Resources")).(*dict)
	if fin.resources == nil {
		return fmt.Errorf("the pages have no resource dictionary")
	}
	fin.fonts()
	if err := fin.images(); err != nil {
		return err
	}
	fin.catalog = newDict("Type", name("Catalog"), "Pages", pagesRef)
	if err := wr.pack.wait(); err != nil {
		return err
	}
	for i := range fin.pages {
		if err := fin.page(i); err != nil {
			return err
		}
	}
	if wr.doc.Lang != "" {
		fin.catalog.set("Lang", text(wr.doc.Lang))
	}
	if wr.opt.Mode == Print {
		fin.resources.set("ExtGState", newDict(
			name(gsOverprint), newDict("Type", name("ExtGState"), "OP", raw("true"), "op", raw("true"), "OPM", integer(1)),
			name(gsKnockout), newDict("Type", name("ExtGState"), "OP", raw("false"), "op", raw("false"))))
		if err := fin.outputIntent(); err != nil {
			return err
		}
	} else {
		fin.navigation()
	}
	return fin.emit(w, f, fin.catalog, fin.title())
}

// emit gives f, whose root becomes catalog, its /Info and XMP packet for
// the given title, and writes it to w.
func (fin *finisher) emit(w io.Writer, f *file, catalog *dict, title string) error {
	info := fin.info(title)
	if f.info != 0 && f.info != f.root {
		f.objs[f.info].val = info
	} else {
		f.info = f.addValue(info)
	}
	// The XMP packet is the last object: it carries the document ID, a
	// hash of everything before it.
	xmpRef := f.add(&object{val: newDict("Type", name("Metadata"), "Subtype", name("XML")), stream: []byte{}})
	catalog.set("Metadata", xmpRef)
	f.objs[f.root].val = catalog

	var b bytes.Buffer
	size := 1 << 16
	for _, o := range f.objs {
		if o != nil {
			size += len(o.stream) + 256
		}
	}
	b.Grow(size)
	b.WriteString("%PDF-" + pdfVersion + "\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(f.objs))
	f.serialize(&b, offsets, 1, int(xmpRef))
	sum := sha256.Sum256(b.Bytes())
	id := sum[:16]
	f.objs[xmpRef].stream = fin.xmp(id, title)
	f.serialize(&b, offsets, int(xmpRef), len(f.objs))
	return f.writeTail(w, &b, offsets, id)
}

// fonts names each embedded subset "TAG+PostScriptName", the tag six
// capital letters derived from the subset's bytes, so that the same subset
// always gets the same tag and different subsets practically never share
// one.
func (fin *finisher) fonts() {
	f := fin.f
	byRes := map[name]*fontRes{}
	for _, fr := range fin.wr.fonts {
		byRes[name(fr.fpdfName)] = fr
	}
	fd, _ := f.resolve(fin.resources.get("Font")).(*dict)
	if fd == nil {
		return
	}
	defer renameFonts(fd, byRes)
	for i, k := range fd.keys {
		r, _ := fd.vals[i].(ref)
		t0 := f.dictOf(r)
		kids, _ := f.resolve(t0.get("DescendantFonts")).(array)
		if len(kids) == 0 {
			continue
		}
		cidRef, _ := kids[0].(ref)
		cid := f.dictOf(cidRef)
		descRef, _ := cid.get("FontDescriptor").(ref)
		desc := f.dictOf(descRef)
		fileRef, _ := desc.get("FontFile2").(ref)
		if desc == nil || int(fileRef) <= 0 || int(fileRef) >= len(f.objs) || f.objs[fileRef] == nil {
			continue
		}
		ps := ""
		if fr := byRes[k]; fr != nil {
			ps = fr.face.Name
		} else if bf, ok := t0.get("BaseFont").(name); ok {
			ps = strings.TrimPrefix(string(bf), "utf8")
		}
		n := name(subsetTag(f.objs[fileRef].stream) + "+" + psName(ps))
		t0.set("BaseFont", n)
		cid.set("BaseFont", n)
		desc.set("FontName", n)
	}
}

// renameFonts gives the fonts of a resource dictionary the short names
// our content streams call them by, in the order of those names.
func renameFonts(fd *dict, byRes map[name]*fontRes) {
	for i, k := range fd.keys {
		if fr := byRes[k]; fr != nil {
			fd.keys[i] = name(fr.name)
		}
	}
	idx := make([]int, len(fd.keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := fd.keys[idx[a]], fd.keys[idx[b]]
		if len(ka) != len(kb) {
			return len(ka) < len(kb) // F2 before F10
		}
		return ka < kb
	})
	keys, vals := make([]name, len(idx)), make([]value, len(idx))
	for i, j := range idx {
		keys[i], vals[i] = fd.keys[j], fd.vals[j]
	}
	fd.keys, fd.vals = keys, vals
}

// subsetTag makes the six-letter tag of a font subset from its data.
func subsetTag(data []byte) string {
	h := sha256.Sum256(data)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + h[i]%26
	}
	return string(tag)
}

// psName keeps the characters a PostScript font name may have.
func psName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0x20 && r < 0x7f && !isDelim(byte(r)) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}

// images adds the image XObjects the content streams use.
func (fin *finisher) images() error {
	if len(fin.wr.imageOrder) == 0 {
		return nil
	}
	f := fin.f
	xo, _ := f.resolve(fin.resources.get("XObject")).(*dict)
	if xo == nil {
		xo = &dict{}
	}
	for _, pi := range fin.wr.imageOrder {
		d, err := fin.wr.imageData(pi.key)
		if err != nil {
			return err
		}
		xo.set(name(pi.name), f.add(&object{val: d.dict.clone(), stream: d.stream}))
	}
	fin.resources.set("XObject", xo)
	return nil
}

// page rewrites a page object: boxes in a fixed order, no transparency
// group, the resources fpdf wrote, and our content stream, compressed, in
// place of the empty one fpdf wrote.
func (fin *finisher) page(i int) error {
	r, pj := fin.pages[i], fin.wr.pages[i]
	old := fin.f.dictOf(r)
	d := newDict("Type", name("Page"), "Parent", old.get("Parent"),
		"MediaBox", rect(0, 0, pj.mediaW(), pj.mediaH()))
	if fin.wr.opt.Mode == Print {
		m, b := pj.margin, pj.bleed
		d.set("BleedBox", rect(m-b, m-b, m+pj.w+b, m+pj.h+b))
		d.set("TrimBox", rect(m, m, m+pj.w, m+pj.h))
	}
	d.set("Resources", old.get("Resources"))
	cref, ok := old.get("Contents").(ref)
	if !ok || fin.f.objs[cref] == nil || fin.f.objs[cref].stream == nil {
		return fmt.Errorf("page %d has no content stream", pj.pg.Number)
	}
	fin.f.objs[cref] = &object{val: newDict("Filter", name("FlateDecode")), stream: pj.packed}
	d.set("Contents", cref)
	fin.f.objs[r].val = d
	return nil
}

// info is the document information dictionary.
func (fin *finisher) info(title string) *dict {
	doc, opt := fin.wr.doc, fin.wr.opt
	d := newDict("Title", text(title))
	if subj := fin.subject(); subj != "" {
		d.set("Subject", text(subj))
	}
	if doc.Author != "" {
		d.set("Author", text(doc.Author))
	}
	date := raw("(D:" + opt.Date.UTC().Format("20060102150405") + "Z)")
	d.set("Creator", text(creator))
	d.set("Producer", text(opt.Producer))
	d.set("CreationDate", date)
	d.set("ModDate", date)
	if opt.Mode == Print {
		d.set("Trapped", name("False"))
		d.set("GTS_PDFXVersion", text("PDF/X-4"))
	}
	return d
}

// creator is the application that made the document's content.
const creator = "pressroom typeset"

// title is the document title: PDF/X wants one.
func (fin *finisher) title() string {
	doc := fin.wr.doc
	switch {
	case doc.Title != "":
		return doc.Title
	case doc.Paper != "":
		return doc.Paper
	}
	return "Untitled"
}

// subject is the document's subject: Document.Subject, else what it is
// (paper, edition, date).
func (fin *finisher) subject() string {
	doc := fin.wr.doc
	if doc.Subject != "" {
		return doc.Subject
	}
	var parts []string
	for _, p := range []string{doc.Paper, doc.Edition, doc.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// outputIntent adds the PDF/X OutputIntent with its CMYK profile.
func (fin *finisher) outputIntent() error {
	oi := fin.wr.opt.Intent
	data, err := fin.wr.profileStream()
	if err != nil {
		return err
	}
	prof := fin.f.add(&object{val: newDict("N", integer(4), "Filter", name("FlateDecode")), stream: data})
	fin.catalog.set("OutputIntents", array{newDict(
		"Type", name("OutputIntent"),
		"S", name("GTS_PDFX"),
		"OutputConditionIdentifier", text(oi.Condition),
		"RegistryName", text(oi.Registry),
		"Info", text(oi.Info),
		"DestOutputProfile", prof)})
	return nil
}
