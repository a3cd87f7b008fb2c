package build

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pressroom.dev/internal/pdfcheck"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
)

// checkEditionFiles looks at the files of a sample edition build: the
// edition and one file per page in print/, named by berliner's pattern
// "{paper}_{yyyymmdd}_{section}{page:02}.pdf", a preview of each page and
// the flatplan; each print file is
// PDF/X-shaped (OutputIntent with a CMYK profile, nested boxes on every
// page, no RGB, subset fonts); the e-paper has its navigation.
func checkEditionFiles(t *testing.T, dir string, rep *Report) {
	t.Helper()
	want := map[string]bool{"print/TheMeridianCourier_20261127.pdf": true, "epaper/TheMeridianCourier_20261127_epaper.pdf": true}
	for _, pg := range rep.Pages {
		want[fmt.Sprintf("print/TheMeridianCourier_20261127_%s%02d.pdf", pg.Section, pg.Number)] = true
		want[fmt.Sprintf("preview/page-%02d.png", pg.Number)] = true
	}
	want["preview/flatplan.png"] = true
	if len(rep.Files) != len(want) {
		t.Errorf("files %v, want %d", rep.Files, len(want))
	}
	for _, f := range rep.Files {
		if !want[f] {
			t.Errorf("unexpected file %s", f)
		}
	}
	printFiles, _ := filepath.Glob(filepath.Join(dir, "print", "*.pdf"))
	if len(printFiles) != len(rep.Pages)+1 {
		t.Errorf("%d print files for %d pages", len(printFiles), len(rep.Pages))
	}
	for _, f := range printFiles {
		checkPrintFile(t, f)
	}
	checkEPaperFile(t, filepath.Join(dir, "epaper", "TheMeridianCourier_20261127_epaper.pdf"), len(rep.Pages))
}

var (
	rgbOperator = regexp.MustCompile(`(^|\s)(rg|RG)(\s|$)`)
	subsetFont  = regexp.MustCompile(`^/[A-Z]{6}\+`)
)

// pdfDicts dumps a file's object dictionaries with qpdf, without stream
// data (the photo's would be megabytes of JSON), by id ("obj:N 0 R",
// "trailer").
func pdfDicts(t *testing.T, path string) map[string]map[string]json.RawMessage {
	t.Helper()
	if err := pdfcheck.Tool("qpdf"); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--json=2", "--json-stream-data=none", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var objs map[string]struct {
		Value  map[string]json.RawMessage `json:"value"`
		Stream *struct {
			Dict map[string]json.RawMessage `json:"dict"`
		} `json:"stream"`
	}
	if json.Unmarshal(out, &doc) != nil || len(doc.QPDF) < 2 || json.Unmarshal(doc.QPDF[1], &objs) != nil {
		t.Fatalf("qpdf json of %s does not read", path)
	}
	dicts := map[string]map[string]json.RawMessage{}
	for id, o := range objs {
		if o.Stream != nil {
			dicts[id] = o.Stream.Dict
		} else {
			dicts[id] = o.Value
		}
	}
	return dicts
}

// streamData returns a stream decoded by qpdf; ref is "N 0 R".
func streamData(t *testing.T, path, ref string) []byte {
	t.Helper()
	out, err := exec.Command("qpdf", "--show-object="+strings.Fields(ref)[0], "--filtered-stream-data", path).Output()
	if err != nil {
		t.Fatalf("qpdf --show-object %s %s: %v", ref, path, err)
	}
	return out
}

func ref(raw json.RawMessage) string {
	var s string
	json.Unmarshal(raw, &s)
	return s
}

func checkPrintFile(t *testing.T, path string) {
	t.Helper()
	name := filepath.Base(path)
	objs := pdfDicts(t, path)
	get := func(raw json.RawMessage) map[string]json.RawMessage {
		var d map[string]json.RawMessage
		if json.Unmarshal(raw, &d) == nil {
			return d
		}
		return objs["obj:"+ref(raw)]
	}
	cat := get(objs["trailer"]["/Root"])
	var intents []json.RawMessage
	json.Unmarshal(cat["/OutputIntents"], &intents)
	if len(intents) != 1 || !strings.Contains(string(intents[0]), "/GTS_PDFX") {
		t.Errorf("%s: OutputIntents %s", name, cat["/OutputIntents"])
	} else {
		prof := get(intents[0])["/DestOutputProfile"]
		if n := string(get(prof)["/N"]); n != "4" {
			t.Errorf("%s: profile /N %s", name, n)
		}
		if d := streamData(t, path, ref(prof)); len(d) < 40 || string(d[16:20]) != "CMYK" {
			t.Errorf("%s: the profile is not CMYK", name)
		}
	}
	pages := 0
	for id, d := range objs {
		raw, _ := json.Marshal(d)
		if strings.Contains(string(raw), "/DeviceRGB") {
			t.Errorf("%s: %s names DeviceRGB", name, id)
		}
		var typ string
		json.Unmarshal(d["/Type"], &typ)
		switch typ {
		case "/Page":
			pages++
			var media, bleed, trim []float64
			json.Unmarshal(d["/MediaBox"], &media)
			json.Unmarshal(d["/BleedBox"], &bleed)
			json.Unmarshal(d["/TrimBox"], &trim)
			if len(media) != 4 || len(bleed) != 4 || len(trim) != 4 || !(media[0] <= bleed[0] && bleed[0] <= trim[0] &&
				media[1] <= bleed[1] && bleed[1] <= trim[1] && media[2] >= bleed[2] && bleed[2] >= trim[2] && media[3] >= bleed[3] && bleed[3] >= trim[3]) {
				t.Errorf("%s: boxes do not nest: media %v bleed %v trim %v", name, media, bleed, trim)
			}
			if c := streamData(t, path, ref(d["/Contents"])); rgbOperator.Match(c) {
				t.Errorf("%s: RGB operator %q", name, rgbOperator.Find(c))
			}
		case "/Font":
			var sub, base string
			json.Unmarshal(d["/Subtype"], &sub)
			json.Unmarshal(d["/BaseFont"], &base)
			if sub == "/Type0" && !subsetFont.MatchString(base) {
				t.Errorf("%s: font %s is not subset-tagged", name, base)
			}
		}
	}
	if pages == 0 {
		t.Errorf("%s: no pages", name)
	}
}

func checkEPaperFile(t *testing.T, path string, pages int) {
	t.Helper()
	objs := pdfDicts(t, path)
	cat := objs["obj:"+ref(objs["trailer"]["/Root"])]
	for _, k := range []string{"/Outlines", "/Threads", "/ViewerPreferences", "/Lang"} {
		if cat[k] == nil {
			t.Errorf("e-paper catalog lacks %s", k)
		}
	}
	if !strings.Contains(string(cat["/ViewerPreferences"]), `"/DisplayDocTitle": true`) {
		t.Errorf("e-paper /ViewerPreferences %s", cat["/ViewerPreferences"])
	}
	if cat["/OutputIntents"] != nil {
		t.Error("the e-paper carries the print OutputIntent")
	}
	beads := 0
	for _, d := range objs {
		var typ string
		json.Unmarshal(d["/Type"], &typ)
		if typ == "/Bead" {
			beads++
		}
	}
	if beads < pages {
		t.Errorf("%d beads for %d pages", beads, pages)
	}
}

func TestPageFileName(t *testing.T) {
	ed := edInfo{Paper: "The Meridian Courier", Edition: "City Edition", Issue: "1482", Date: model.Date{Year: 2026, Month: 11, Day: 27}}
	pg := &display.Page{Number: 3, Section: "Business & Money"}
	for pattern, want := range map[string]string{
		"{paper}_{yyyymmdd}_{section}{page:02}.pdf": "TheMeridianCourier_20261127_BusinessMoney03.pdf",
		"{yyyy}-{mm}-{dd}/{edition} p{page}":        "2026-11-27-CityEdition-p3.pdf",
		"{date}_{issue}_{page:3}.PDF":               "2026-11-27_1482_003.PDF",
		"Zeitung ä {page}":                          "Zeitung---3.pdf",
	} {
		got, err := pageFileName(pattern, ed, pg)
		if err != nil || got != want {
			t.Errorf("%q → %q, %v; want %q", pattern, got, err, want)
		}
	}
	for _, bad := range []string{"{paper}_{pages}.pdf", "{page:x}.pdf", "{paper", ".pdf", "{section}.pdf"} {
		if got, err := pageFileName(bad, ed, &display.Page{Number: 1}); err == nil {
			t.Errorf("%q gave %q", bad, got)
		}
	}
}

// TestFailedBuildLeavesNoFile: a build that fails while rendering (a
// photo that cannot be decoded) or naming files (a pattern that gives two
// pages one name) writes nothing.
func TestFailedBuildLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	photo, err := os.ReadFile(filepath.Join(samples, "photos", "harbour-dawn.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "cut.jpg"), photo[:3000], 0o644) // the header reads, the pixels do not
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\nheadline: A story with a cut photo\nsection: World\nphotos:\n  - file: cut.jpg\n    caption: Cut.\n---\n\nSome text.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("---\nheadline: Another story\nsection: World\n---\n\nMore text.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "edition.yaml"), []byte("paper: Test\ndate: 2026-11-27\nstyle: berliner\nsections: [World]\narticles: [a.md, b.md]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "nophoto.yaml"), []byte("paper: Test\ndate: 2026-11-27\nstyle: berliner\nsections: [World]\narticles: [b.md]\n"), 0o644)
	// A page named like the edition file.
	os.WriteFile(filepath.Join(dir, "samename.yaml"), []byte("extends: berliner\nprint:\n  file_pattern: \"{paper}_{yyyymmdd}.pdf\"\n"), 0o644)
	for _, c := range []struct{ name, manifest, style, want string }{
		{"photo", "edition.yaml", "", "cut.jpg"},
		{"pattern", "nophoto.yaml", filepath.Join(dir, "samename.yaml"), "add {page}"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		_, err := Edition(filepath.Join(dir, c.manifest), out, EditionOptions{Style: c.style})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, err, c.want)
		}
		var left []string
		filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				left = append(left, p)
			}
			return nil
		})
		if len(left) > 0 {
			t.Errorf("%s: a failed build left %v", c.name, left)
		}
	}
}
