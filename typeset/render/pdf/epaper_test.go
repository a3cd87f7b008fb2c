package pdf

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestEPaper checks the subscribers' PDF: metadata, the outline with its
// levels, link annotations (page jumps both ways and a URI), the article
// thread, RGB colour and photos downsampled for screens.
func TestEPaper(t *testing.T) {
	doc := testDoc(t)
	path, data := write(t, doc, Options{Mode: EPaper})
	p := pdfObjects(t, path)
	cat := p.catalog()
	if !bytes.HasPrefix(data, []byte("%PDF-1.6\n")) {
		t.Errorf("header %q", data[:9])
	}
	if v := string(p.dict(cat["/ViewerPreferences"])["/DisplayDocTitle"]); v != "true" {
		t.Errorf("/DisplayDocTitle %s", v)
	}
	if v := str(cat["/Lang"]); v != "en-GB" {
		t.Errorf("/Lang %q", v)
	}
	if cat["/OutputIntents"] != nil {
		t.Error("the e-paper has a print OutputIntent")
	}
	info := p.dict(p.dicts["trailer"]["/Info"])
	if got := str(info["/Title"]); got != doc.Title {
		t.Errorf("/Title %q, want %q", got, doc.Title)
	}
	if got := str(info["/Subject"]); got != "The Test Courier, City Edition, 2026-11-27" {
		t.Errorf("/Subject %q", got)
	}
	pages := p.pages()
	pageRef := func(i int) string { // the JSON reference of page i
		var kids []string
		json.Unmarshal(p.dict(cat["/Pages"])["/Kids"], &kids)
		return kids[i]
	}

	// Outline: World › Page 1 › Test story; Europe › Page 2. Sections are
	// open (their pages show), pages closed.
	outlines := p.dict(cat["/Outlines"])
	if str(cat["/PageMode"]) != "/UseOutlines" {
		t.Errorf("/PageMode %s", cat["/PageMode"])
	}
	var titles []string
	var walk func(first json.RawMessage, depth int)
	walk = func(first json.RawMessage, depth int) {
		for r := first; r != nil; {
			it := p.dict(r)
			titles = append(titles, strings.Repeat(">", depth)+str(it["/Title"]))
			var dest []json.RawMessage
			json.Unmarshal(it["/Dest"], &dest)
			if len(dest) != 5 || str(dest[1]) != "/XYZ" {
				t.Errorf("bookmark %s: /Dest %s", str(it["/Title"]), it["/Dest"])
			}
			if it["/First"] != nil {
				walk(it["/First"], depth+1)
			}
			r = it["/Next"]
		}
	}
	walk(outlines["/First"], 0)
	if got := strings.Join(titles, "|"); got != "World|>Page 1|>>Test story|Europe|>Page 2" {
		t.Errorf("outline %s", got)
	}
	if c := string(outlines["/Count"]); c != "4" { // two sections and their two pages
		t.Errorf("outline /Count %s, want 4", c)
	}

	// Links: page 1 jumps to page 2 and to a URI, page 2 back to page 1.
	links := func(i int) (dests, uris []string) {
		var annots []json.RawMessage
		json.Unmarshal(pages[i]["/Annots"], &annots)
		for _, a := range annots {
			d := p.dict(a)
			if str(d["/Subtype"]) != "/Link" {
				t.Errorf("annotation %s", d["/Subtype"])
			}
			if d["/Dest"] != nil {
				var dest []string
				json.Unmarshal(d["/Dest"], &dest)
				dests = append(dests, dest[0])
			}
			if act := p.dict(d["/A"]); act != nil {
				uris = append(uris, str(act["/URI"]))
			}
		}
		return dests, uris
	}
	d1, u1 := links(0)
	d2, _ := links(1)
	if len(d1) != 1 || d1[0] != pageRef(1) || len(d2) != 1 || d2[0] != pageRef(0) {
		t.Errorf("page links: page 1 → %v, page 2 → %v", d1, d2)
	}
	if len(u1) != 1 || u1[0] != "https://example.org/p%C3%A4ge%20(1)" {
		t.Errorf("URI links %q", u1)
	}

	// The thread: three beads in a ring, two on page 1 and one on page 2,
	// each listed in its page's /B.
	var threads []json.RawMessage
	json.Unmarshal(cat["/Threads"], &threads)
	if len(threads) != 1 {
		t.Fatalf("%d threads", len(threads))
	}
	th := p.dict(threads[0])
	if str(p.dict(th["/I"])["/Title"]) != "Test story" {
		t.Errorf("thread info %s", th["/I"])
	}
	first := p.ref(th["/F"])
	var onPage []string
	prev := ""
	for id, n := first, 0; ; n++ {
		b := p.dicts[id]
		if n == 0 && p.ref(b["/T"]) != p.ref(threads[0]) {
			t.Error("the first bead does not name its thread")
		}
		if prev != "" && p.ref(b["/V"]) != prev {
			t.Errorf("bead %s: /V does not point back", id)
		}
		var pg string
		json.Unmarshal(b["/P"], &pg)
		onPage = append(onPage, pg)
		if len(nums(b["/R"])) != 4 {
			t.Errorf("bead %s: /R %s", id, b["/R"])
		}
		prev, id = id, p.ref(b["/N"])
		if id == first {
			break
		}
		if n > 10 {
			t.Fatal("the bead chain does not close")
		}
	}
	if got := strings.Join(onPage, ","); got != strings.Join([]string{pageRef(0), pageRef(0), pageRef(1)}, ",") {
		t.Errorf("beads on pages %s", got)
	}
	for i, want := range []int{2, 1} {
		var bs []string
		json.Unmarshal(pages[i]["/B"], &bs)
		if len(bs) != want {
			t.Errorf("page %d /B lists %d beads, want %d", i+1, len(bs), want)
		}
	}

	// RGB colour: the accent kicker is set in its sRGB value.
	content := string(p.data[p.ref(pages[0]["/Contents"])])
	if !strings.Contains(content, "0.11 0.31 0.561 rg") {
		t.Error("the accent colour is not painted in RGB")
	}
	// Photos: JPEG, at most 150 ppi as placed (48 pt and 72 pt wide).
	var sizes []string
	for _, r := range p.dict(p.dict(pages[0]["/Resources"])["/XObject"]) {
		d := p.dicts[p.ref(r)]
		if str(d["/Filter"]) != "/DCTDecode" || str(d["/ColorSpace"]) != "/DeviceRGB" {
			t.Errorf("photo %s %s", d["/Filter"], d["/ColorSpace"])
		}
		sizes = append(sizes, string(d["/Width"])+"x"+string(d["/Height"]))
	}
	if got := strings.Join(sortStrings(sizes), " "); got != "100x50 150x75" {
		t.Errorf("photo sizes %s, want 100x50 and 150x75 (150 ppi)", got)
	}
	checkFontsTagged(t, p)
}
