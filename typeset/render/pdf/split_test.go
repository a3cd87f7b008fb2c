package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestWriteSplit: the edition written by WriteSplit is the one Write
// writes, and each page file is a PDF/X-4 file of one page whose content
// stream is that page's, carrying only the fonts and photos the page uses,
// under its own title and /ID.
func TestWriteSplit(t *testing.T) {
	doc := testDoc(t)
	opt := Options{Mode: Print, Marks: printMarks, Date: testDate, Cache: testCache}
	var whole bytes.Buffer
	pages := make([][]byte, len(doc.Pages))
	var mu sync.Mutex
	err := WriteSplit(&whole, doc, opt, func(i int, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if pages[i] != nil {
			t.Errorf("page %d handed over twice", i)
		}
		pages[i] = append([]byte(nil), data...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, direct := write(t, doc, opt)
	if !bytes.Equal(whole.Bytes(), direct) {
		t.Error("the edition written by WriteSplit differs from Write's")
	}
	for i, data := range pages {
		if data == nil {
			t.Fatalf("no file for page %d", i+1)
		}
	}
	dir := t.TempDir()
	edPath := filepath.Join(dir, "edition.pdf")
	os.WriteFile(edPath, direct, 0o644)
	ed := pdfObjects(t, edPath)
	edPages := ed.pages()
	ids := map[string]bool{}
	for i, data := range pages {
		path := filepath.Join(dir, fmt.Sprintf("page%d.pdf", i+1))
		os.WriteFile(path, data, 0o644)
		p := checkPrintFile(t, path, data, i == 0)
		pg := p.pages()
		if len(pg) != 1 {
			t.Fatalf("page file %d has %d pages", i+1, len(pg))
		}
		info := p.dict(p.dicts["trailer"]["/Info"])
		if want := fmt.Sprintf("%s, page %d", doc.Title, doc.Pages[i].Number); str(info["/Title"]) != want {
			t.Errorf("page file %d: title %q, want %q", i+1, str(info["/Title"]), want)
		}
		ids[string(p.dicts["trailer"]["/ID"])] = true
		if got, want := p.data[p.ref(pg[0]["/Contents"])], ed.data[ed.ref(edPages[i]["/Contents"])]; !bytes.Equal(got, want) {
			t.Errorf("page file %d: content differs from the edition's page", i+1)
		}
		res := p.dict(pg[0]["/Resources"])
		fonts, xobjs := p.dict(res["/Font"]), p.dict(res["/XObject"])
		content := string(p.data[p.ref(pg[0]["/Contents"])])
		for name := range fonts {
			if !strings.Contains(content, name+" ") {
				t.Errorf("page file %d carries font %s its page does not use", i+1, name)
			}
		}
		for name := range xobjs {
			if !strings.Contains(content, name+" Do") {
				t.Errorf("page file %d carries image %s its page does not use", i+1, name)
			}
		}
		if i == 1 && len(xobjs) != 0 {
			t.Errorf("page 2 has no photo, its file carries %d", len(xobjs))
		}
		if i == 0 && len(xobjs) != 2 {
			t.Errorf("page 1 has two photos, its file carries %d", len(xobjs))
		}
	}
	if len(ids) != len(pages) {
		t.Error("page files share an /ID")
	}
	if err := WriteSplit(&whole, doc, Options{Mode: EPaper, Date: testDate}, func(int, []byte) error { return nil }); err == nil {
		t.Error("an e-paper document was split")
	}
}
