package pdf

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"pressroom.dev/icc"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/units"
)

var printMarks = Marks{Crop: true, Slug: true, Offset: 5 * units.Mm}

// TestPrintPDFX checks the PDF/X-4 requirements that can be read from the
// file: version, OutputIntent with the CMYK profile, /Info and XMP
// identification with equal dates, /ID, subset-tagged fonts, no RGB
// anywhere, nested boxes, overprinting black, CMYK photos within the ink
// limit.
func TestPrintPDFX(t *testing.T) {
	path, data := write(t, testDoc(t), Options{Mode: Print, Marks: printMarks})
	checkPrintFile(t, path, data, true)
	_, again := write(t, testDoc(t), Options{Mode: Print, Marks: printMarks})
	if !bytes.Equal(data, again) {
		t.Error("two writes of the same document differ")
	}
}

// checkPrintFile checks what a PDF/X-4 print file must have (with the
// test document's two photos when images is set), and returns its objects.
func checkPrintFile(t *testing.T, path string, data []byte, images bool) *pdfObjs {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.6\n")) {
		t.Errorf("header %q, want PDF 1.6 (PDF/X-4)", data[:9])
	}
	p := pdfObjects(t, path)

	info := p.dict(p.dicts["trailer"]["/Info"])
	if v := str(info["/GTS_PDFXVersion"]); v != "PDF/X-4" {
		t.Errorf("/GTS_PDFXVersion %q", v)
	}
	if v := str(info["/Trapped"]); v != "/False" {
		t.Errorf("/Trapped %q, want /False", v)
	}
	const infoDate = "D:20261127040506Z"
	if c, m := str(info["/CreationDate"]), str(info["/ModDate"]); c != infoDate || m != infoDate {
		t.Errorf("dates %q %q, want %q", c, m, infoDate)
	}
	if str(info["/Title"]) == "" {
		t.Error("no /Title")
	}

	var id []string
	json.Unmarshal(p.dicts["trailer"]["/ID"], &id)
	if len(id) != 2 || id[0] != id[1] || len(id[0]) != 2+32 {
		t.Errorf("/ID %v, want two equal 16-byte strings", id)
	}

	cat := p.catalog()
	var intents []json.RawMessage
	json.Unmarshal(cat["/OutputIntents"], &intents)
	if len(intents) != 1 {
		t.Fatalf("%d OutputIntents", len(intents))
	}
	oi := p.dict(intents[0])
	for k, want := range map[string]string{"/S": "/GTS_PDFX", "/OutputConditionIdentifier": "CGATS TR 002",
		"/RegistryName": "http://www.color.org", "/Info": "SNAP TR002 coldset newsprint", "/Type": "/OutputIntent"} {
		if got := str(oi[k]); got != want {
			t.Errorf("OutputIntent %s = %q, want %q", k, got, want)
		}
	}
	prof := p.ref(oi["/DestOutputProfile"])
	if n := string(p.dicts[prof]["/N"]); n != "4" {
		t.Errorf("profile /N %s, want 4", n)
	}
	if !bytes.Equal(p.data[prof], icc.Newsprint()) {
		t.Error("the embedded profile is not the bundled one")
	}

	xmp := string(p.data[p.ref(cat["/Metadata"])])
	for _, want := range []string{
		"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
		"<xmp:CreateDate>2026-11-27T04:05:06Z</xmp:CreateDate>", // = /CreationDate
		"<xmp:ModifyDate>2026-11-27T04:05:06Z</xmp:ModifyDate>", // = /ModDate
		"<pdf:Trapped>False</pdf:Trapped>",
		"<pdf:Producer>pressroom typeset</pdf:Producer>",
		">" + str(info["/Title"]) + "<",
		"<xmpMM:DocumentID>uuid:" + uuidOf(t, id[0]) + "</xmpMM:DocumentID>",
	} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP lacks %s", want)
		}
	}

	checkFontsTagged(t, p)
	checkNoRGB(t, p)

	for i, pg := range p.pages() {
		media, bleed, trim := nums(pg["/MediaBox"]), nums(pg["/BleedBox"]), nums(pg["/TrimBox"])
		if !contains(media, bleed) || !contains(bleed, trim) {
			t.Errorf("page %d: boxes do not nest: media %v bleed %v trim %v", i+1, media, bleed, trim)
		}
		mm := units.Mm.Points()
		if w, h := (trim[2]-trim[0])/mm, (trim[3]-trim[1])/mm; math.Abs(w-315) > 0.01 || math.Abs(h-470) > 0.01 {
			t.Errorf("page %d: trim %.2f × %.2f mm", i+1, w, h)
		}
		if b := (trim[0] - bleed[0]) / mm; math.Abs(b-3) > 0.01 {
			t.Errorf("page %d: bleed %.2f mm", i+1, b)
		}
		// Marks: offset 5 mm + 6 mm marks + 5 mm slug band.
		if m := (trim[0] - media[0]) / mm; math.Abs(m-16) > 0.01 {
			t.Errorf("page %d: media box %.2f mm beyond the trim, want 16", i+1, m)
		}
		if pg["/Group"] != nil {
			t.Errorf("page %d has a transparency group", i+1)
		}
	}
	checkBoxOrder(t, data)
	checkOverprint(t, p)
	if images {
		checkPrintImages(t, p, 240)
	}
	return p
}

// uuidOf formats an /ID as the uuid the XMP carries.
func uuidOf(t *testing.T, id string) string {
	b, err := hex.DecodeString(strings.TrimPrefix(id, "b:"))
	if err != nil || len(b) != 16 {
		t.Fatalf("/ID %q", id)
	}
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// contains reports whether rectangle a holds b.
func contains(a, b []float64) bool {
	return len(a) == 4 && len(b) == 4 && a[0] <= b[0] && a[1] <= b[1] && a[2] >= b[2] && a[3] >= b[3]
}

var subsetName = regexp.MustCompile(`^/[A-Z]{6}\+PT[A-Za-z]+-[A-Za-z]+$`)

func checkFontsTagged(t *testing.T, p *pdfObjs) {
	t.Helper()
	n := 0
	for _, pg := range p.pages() {
		res := p.dict(pg["/Resources"])
		for _, r := range p.dict(res["/Font"]) {
			t0 := p.dict(r)
			base := str(t0["/BaseFont"])
			if !subsetName.MatchString(base) {
				t.Errorf("font %q is not subset-tagged", base)
			}
			var kids []json.RawMessage
			json.Unmarshal(t0["/DescendantFonts"], &kids)
			cid := p.dict(kids[0])
			desc := p.dict(cid["/FontDescriptor"])
			if str(cid["/BaseFont"]) != base || str(desc["/FontName"]) != base {
				t.Errorf("font %q: descendant %q, descriptor %q", base, str(cid["/BaseFont"]), str(desc["/FontName"]))
			}
			if desc["/FontFile2"] == nil {
				t.Errorf("font %q is not embedded", base)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no fonts found")
	}
}

// rgbOp finds RGB colour operators in a content stream.
var rgbOp = regexp.MustCompile(`(?m)(^|\s)(rg|RG)(\s|$)`)

func checkNoRGB(t *testing.T, p *pdfObjs) {
	t.Helper()
	for _, id := range p.ids {
		d, _ := json.Marshal(p.dicts[id])
		if bytes.Contains(d, []byte("/DeviceRGB")) || bytes.Contains(d, []byte("/CalRGB")) {
			t.Errorf("%s names an RGB colour space: %s", id, d)
		}
	}
	for i, pg := range p.pages() {
		if c := p.data[p.ref(pg["/Contents"])]; rgbOp.Match(c) {
			t.Errorf("page %d paints in RGB: %q", i+1, rgbOp.Find(c))
		}
	}
}

// checkBoxOrder reads the file with the package's own parser: each page
// lists MediaBox, BleedBox, TrimBox in that order.
func checkBoxOrder(t *testing.T, data []byte) {
	t.Helper()
	f, err := parseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, o := range f.objs {
		d, _ := o.safeDict()
		if d == nil || d.get("Type") != name("Page") {
			continue
		}
		pages++
		var order []name
		for _, k := range d.keys {
			if strings.HasSuffix(string(k), "Box") {
				order = append(order, k)
			}
		}
		if len(order) != 3 || order[0] != "MediaBox" || order[1] != "BleedBox" || order[2] != "TrimBox" {
			t.Errorf("page boxes in the order %v", order)
		}
	}
	if pages == 0 {
		t.Error("no pages")
	}
}

// safeDict is the object's dictionary, if it has one.
func (o *object) safeDict() (*dict, bool) {
	if o == nil {
		return nil, false
	}
	d, ok := o.val.(*dict)
	return d, ok
}

// checkOverprint follows the graphics state through each content stream:
// 100 % black must be painted with overprint on, other colours with it off.
func checkOverprint(t *testing.T, p *pdfObjs) {
	t.Helper()
	for i, pg := range p.pages() {
		res := p.dict(pg["/Resources"])
		gs := p.dict(res["/ExtGState"])
		op := p.dict(gs["/"+gsOverprint])
		if string(op["/OP"]) != "true" || string(op["/op"]) != "true" || string(op["/OPM"]) != "1" {
			t.Fatalf("overprint ExtGState: %v", op)
		}
		on, blacks := false, 0
		for _, line := range strings.Split(string(p.data[p.ref(pg["/Contents"])]), "\n") {
			switch {
			case strings.HasSuffix(line, "/"+gsOverprint+" gs"):
				on = true
			case strings.HasSuffix(line, "/"+gsKnockout+" gs"):
				on = false
			case line == "0 0 0 1 k" || line == "0 0 0 1 K":
				blacks++
				if !on {
					t.Errorf("page %d: black painted without overprint", i+1)
				}
			case strings.HasSuffix(line, " k") || strings.HasSuffix(line, " K"):
				if on {
					t.Errorf("page %d: %q painted with overprint on", i+1, line)
				}
			}
		}
		if blacks == 0 {
			t.Errorf("page %d: no black found", i+1)
		}
	}
}

// checkPrintImages: photos are 8-bit DeviceCMYK; the one placed at 300 ppi
// keeps its pixels, the one at 600 ppi is resampled to 300; white is no
// ink, black stays within the limit.
func checkPrintImages(t *testing.T, p *pdfObjs, limit int) {
	t.Helper()
	res := p.dict(p.pages()[0]["/Resources"])
	xo := p.dict(res["/XObject"])
	var sizes []string
	for _, r := range xo {
		id := p.ref(r)
		d := p.dicts[id]
		if str(d["/ColorSpace"]) != "/DeviceCMYK" || string(d["/BitsPerComponent"]) != "8" {
			t.Errorf("image %s: %s %s", id, d["/ColorSpace"], d["/BitsPerComponent"])
		}
		var w, h int
		json.Unmarshal(d["/Width"], &w)
		json.Unmarshal(d["/Height"], &h)
		sizes = append(sizes, string(d["/Width"])+"x"+string(d["/Height"]))
		px := p.data[id]
		if len(px) != w*h*4 {
			t.Fatalf("image %s: %d bytes for %d×%d CMYK", id, len(px), w, h)
		}
		if white := px[0:4]; white[0]|white[1]|white[2]|white[3] != 0 {
			t.Errorf("white pixel got ink %v", white)
		}
		black := px[len(px)-4:]
		if sum := int(black[0]) + int(black[1]) + int(black[2]) + int(black[3]); sum > limit*255/100 || black[3] < 200 {
			t.Errorf("black pixel %v: total %d/255, limit %d %%", black, sum, limit)
		}
	}
	got := strings.Join(sortStrings(sizes), " ")
	if got != "200x100 300x150" {
		t.Errorf("image sizes %s, want 200x100 (300 ppi kept) and 300x150 (600 ppi down to 300)", got)
	}
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// TestPrintNoMarks: without marks the media box is the bleed box.
func TestPrintNoMarks(t *testing.T) {
	path, _ := write(t, testDoc(t), Options{Mode: Print})
	p := pdfObjects(t, path)
	for _, pg := range p.pages() {
		media, bleed := nums(pg["/MediaBox"]), nums(pg["/BleedBox"])
		for i := range media {
			if math.Abs(media[i]-bleed[i]) > 0.001 {
				t.Fatalf("media %v, bleed %v", media, bleed)
			}
		}
	}
}

// TestInkLimitOption: a tighter limit than the profile's holds in the
// separated photo.
func TestInkLimitOption(t *testing.T) {
	path, _ := write(t, testDoc(t), Options{Mode: Print, InkLimit: 200})
	checkPrintImages(t, pdfObjects(t, path), 200)
}

func TestWriteRefuses(t *testing.T) {
	doc := testDoc(t)
	if err := Write(&bytes.Buffer{}, doc, Options{}); err == nil {
		t.Error("wrote without a date")
	}
	doc.Pages = nil
	if err := Write(&bytes.Buffer{}, doc, Options{Date: testDate}); err == nil {
		t.Error("wrote a document without pages")
	}
	bad := testDoc(t)
	bad.Pages[0].Items = append(bad.Pages[0].Items, &displayImageBroken)
	if err := Write(&bytes.Buffer{}, bad, Options{Mode: Print, Date: testDate, Cache: testCache}); err == nil || !strings.Contains(err.Error(), "broken.jpg") {
		t.Errorf("a photo that does not decode: %v", err)
	}
}

// TestProofPhotoPPI: a proof's PhotoPPI resamples photos placed above it
// to it (48 pt and 72 pt wide at 150 ppi: 100 and 150 pixels), still as
// DeviceCMYK within the ink limit, and a cache prefetched for them gives
// the same file as one that was not.
func TestProofPhotoPPI(t *testing.T) {
	opt := Options{Mode: Print, PhotoPPI: 150}
	_, data := write(t, testDoc(t), opt)
	doc := testDoc(t)
	opt.Cache = NewCache()
	opt.Cache.PrefetchTransform(nil, 0)
	for _, pg := range doc.Pages {
		display.Walk(pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
			if im, ok := it.(*display.Image); ok {
				opt.Cache.PrefetchPicture(im.Picture)
			}
		})
	}
	path, again := write(t, doc, opt)
	if !bytes.Equal(data, again) {
		t.Error("a prefetched cache gives another file")
	}
	p := pdfObjects(t, path)
	var sizes []string
	for _, r := range p.dict(p.dict(p.pages()[0]["/Resources"])["/XObject"]) {
		d := p.dicts[p.ref(r)]
		if str(d["/ColorSpace"]) != "/DeviceCMYK" {
			t.Errorf("proof photo in %s", d["/ColorSpace"])
		}
		sizes = append(sizes, string(d["/Width"])+"x"+string(d["/Height"]))
	}
	if got := strings.Join(sortStrings(sizes), " "); got != "100x50 150x75" {
		t.Errorf("proof photo sizes %s, want 100x50 and 150x75 (150 ppi)", got)
	}
}
