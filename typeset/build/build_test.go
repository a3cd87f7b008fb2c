package build

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pressroom.dev/internal/pdfcheck"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/model"
)

const samples = "../../samples"

func sampleArticles(t *testing.T) []string {
	t.Helper()
	m, err := edition.Load(filepath.Join(samples, "edition.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range m.Articles {
		files = append(files, e.File)
	}
	if len(files) < 12 {
		t.Fatalf("the sample edition has %d articles, want at least 12", len(files))
	}
	return files
}

// folioWord matches the words a proof's folio adds to the article's own.
var folioWord = regexp.MustCompile(`^(proof|\d+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|world|europe|business|science|culture|sport)$`)

// TestSampleFidelity proofs every sample article and checks that every
// word it should print is in the PDF exactly once, and nothing else is.
func TestSampleFidelity(t *testing.T) {
	dir := t.TempDir()
	for _, file := range sampleArticles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, name+".pdf")
			res, err := Proof([]string{file}, out, ProofOptions{Root: samples})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res.Placed {
				if p.Overset.Lines > 0 {
					t.Fatalf("overset %d lines on a page of its own", p.Overset.Lines)
				}
			}
			src, err := ArticleText(file, "", samples)
			if err != nil {
				t.Fatal(err)
			}
			text, err := pdfcheck.Text(out)
			if err != nil {
				t.Fatal(err)
			}
			checkStoryWords(t, src, text)
		})
	}
}

// checkStoryWords compares a proof's text with the story's words: each
// once, nothing else. Folio words are the page's, not the story's: only
// those the story does not also use are left out.
func checkStoryWords(t *testing.T, src, text string) {
	t.Helper()
	storyWords := pdfcheck.Vocabulary(src)
	ignore := func(w string) bool { return folioWord.MatchString(w) && storyWords[w] == 0 }
	missing, extra := pdfcheck.Diff(src, text, ignore)
	extra = dropFolio(extra, text)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("missing %v\nextra %v", missing, extra)
	}
}

// dropFolio removes from extra the words the folio line prints once more
// than the story (a date word that also occurs in the dateline).
func dropFolio(extra []string, text string) []string {
	first := strings.ToLower(strings.SplitN(text, "\n", 3)[0] + " " + strings.SplitN(text, "\n", 3)[1])
	var out []string
	for _, e := range extra {
		w := strings.Split(e, "×")[0]
		if e == w+"×1" && strings.Contains(first, w) && folioWord.MatchString(w) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// TestGlyphsAreReal checks, in the PDF itself, that every drawn character
// maps to a glyph with an outline in the embedded subset; and, rendered,
// that the headline and the body columns carry ink.
func TestGlyphsAreReal(t *testing.T) {
	out := filepath.Join(t.TempDir(), "lead.pdf")
	lead := filepath.Join(samples, "articles", "ports-strike-north-sea.md")
	if _, err := Proof([]string{lead}, out, ProofOptions{Root: samples}); err != nil {
		t.Fatal(err)
	}
	problems, checked, err := pdfcheck.Glyphs(out)
	if err != nil {
		t.Fatal(err)
	}
	if checked < 3000 {
		t.Errorf("only %d character codes found in the content streams", checked)
	}
	for _, p := range problems {
		t.Error(p)
	}
	img, err := pdfcheck.Render(out, 1, 50)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	// The headline band (below the folio, the top tenth of the page) and
	// the body under it must both be inked like text, not blank.
	head := image.Rect(b.Dx()/20, b.Dy()*5/100, b.Dx()*19/20, b.Dy()*13/100)
	if ink := pdfcheck.Ink(img, head); ink < 0.10 {
		t.Errorf("headline band has %.1f%% ink; glyphs missing?", ink*100)
	}
	body := image.Rect(b.Dx()*62/100, b.Dy()*20/100, b.Dx()*95/100, b.Dy()*35/100)
	if ink := pdfcheck.Ink(img, body); ink < 0.08 {
		t.Errorf("body text has %.1f%% ink; glyphs missing?", ink*100)
	}
}

// TestDeterministic builds the sample edition twice and compares every
// file byte for byte; SOURCE_DATE_EPOCH sets the dates inside.
func TestDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1764201600") // 2025-11-27 00:00 UTC
	a, b := t.TempDir(), t.TempDir()
	manifest := filepath.Join(samples, "edition.yaml")
	ra, err := Edition(manifest, a, EditionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Edition(manifest, b, EditionOptions{}); err != nil {
		t.Fatal(err)
	}
	if len(ra.Files) < 2 {
		t.Fatalf("files: %v", ra.Files)
	}
	for _, f := range append(ra.Files, "report.json") {
		da, err1 := os.ReadFile(filepath.Join(a, f))
		db, err2 := os.ReadFile(filepath.Join(b, f))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two builds", f)
		}
		if strings.HasSuffix(f, ".pdf") && !bytes.Contains(da, []byte("D:20251127000000")) {
			t.Errorf("%s does not carry the SOURCE_DATE_EPOCH date", f)
		}
	}
	// The first build is also checked file by file (output_test.go), to
	// spare the suite a third build.
	checkEditionFiles(t, a, ra)
}

// TestBadInputLeavesNoFile: a failing proof names the problem and writes
// nothing.
func TestBadInputLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte("---\nslug: bad\n---\nText.\n"), 0o644)
	out := filepath.Join(dir, "out.pdf")
	_, err := Proof([]string{bad}, out, ProofOptions{})
	if err == nil || !model.IsInput(err) || !strings.Contains(err.Error(), "bad.md:2") {
		t.Fatalf("got %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after a failed proof, want only the input", len(entries))
	}
}

// TestFallbackAndMissingCharacters: a Greek word and an arrow, which PT
// Serif lacks, are set in a fallback face; a character no bundled face
// has is an error that names it.
func TestFallbackAndMissingCharacters(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "greek.md")
	os.WriteFile(good, []byte("---\nheadline: Fallback\n---\nThe word λόγος means word → speech.\n"), 0o644)
	out := filepath.Join(dir, "greek.pdf")
	if _, err := Proof([]string{good}, out, ProofOptions{}); err != nil {
		t.Fatal(err)
	}
	text, err := pdfcheck.Text(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "λόγος") || !strings.Contains(text, "→") {
		t.Errorf("fallback text missing from the PDF: %q", text)
	}
	problems, _, err := pdfcheck.Glyphs(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	bad := filepath.Join(dir, "thai.md")
	os.WriteFile(bad, []byte("---\nheadline: No font\n---\nBangkok is กรุงเทพ in Thai.\n"), 0o644)
	_, err = Proof([]string{bad}, filepath.Join(dir, "thai.pdf"), ProofOptions{})
	if err == nil || !model.IsInput(err) || !strings.Contains(err.Error(), "U+0E01") || !strings.Contains(err.Error(), "thai.md") {
		t.Errorf("missing characters: %v", err)
	}
}

// TestDropCapText: a lead story proofed with drop caps on prints every
// word once: the big initial adds no letter of its own to the text, and
// the first line's text layer gives it back ("ROTTERDAM", not "R" and
// "OTTERDAM").
func TestDropCapText(t *testing.T) {
	dir := t.TempDir()
	styleFile := filepath.Join(dir, "dropcap.yaml")
	if err := os.WriteFile(styleFile, []byte("extends: berliner\narticle:\n  drop_cap_lines: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(samples, "articles", "ports-strike-north-sea.md")
	out := filepath.Join(dir, "lead.pdf")
	if _, err := Proof([]string{file}, out, ProofOptions{Style: styleFile, Root: samples}); err != nil {
		t.Fatal(err)
	}
	src, err := ArticleText(file, styleFile, samples)
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdfcheck.Text(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "ROTTERDAM, November 26") {
		t.Errorf("the dateline does not read whole:\n%.300s", text)
	}
	checkStoryWords(t, src, text)
}
