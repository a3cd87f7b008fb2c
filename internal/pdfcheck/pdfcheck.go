// Package pdfcheck reads back the PDFs the typesetter writes, for tests:
// their text (pdftotext), their pixels (pdftoppm) and their objects (qpdf),
// and compares what they show with what they should show.
package pdfcheck

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Tool fails with an install hint when an external tool is missing.
func Tool(name string) error {
	if _, err := exec.LookPath(name); err != nil {
		pkg := "poppler-utils"
		if name == "qpdf" {
			pkg = "qpdf"
		}
		return fmt.Errorf("%s is not installed (apt-get install %s; .ci/run does it)", name, pkg)
	}
	return nil
}

// Text extracts a PDF's text in content-stream order (pdftotext -raw).
func Text(pdf string) (string, error) {
	if err := Tool("pdftotext"); err != nil {
		return "", err
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		return "", fmt.Errorf("pdftotext %s: %v", pdf, err)
	}
	return string(out), nil
}

// Render rasterises one page (1-based) at dpi, in grey.
func Render(pdf string, page, dpi int) (image.Image, error) {
	if err := Tool("pdftoppm"); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pdfcheck")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	prefix := filepath.Join(dir, "p")
	cmd := exec.Command("pdftoppm", "-gray", "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile", pdf, prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// Ink is the share of pixels darker than mid-grey in r.
func Ink(img image.Image, r image.Rectangle) float64 {
	r = r.Intersect(img.Bounds())
	if r.Empty() {
		return 0
	}
	dark := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			g, _, _, _ := img.At(x, y).RGBA()
			if g < 0x8000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(r.Dx()*r.Dy())
}

// Words splits text into words for comparison: letters and digits, with
// the punctuation around them dropped, lower-cased. A word broken at a line
// end is joined with the first word of the next line when the joined form
// is in vocab: "hyphen-" + "ation" (the typesetter's hyphen, dropped),
// "well-" + "known" (the writer's hyphen, kept), "https://example." +
// "org/x" (a URL broken after a separator, over as many lines as it
// takes). Where both "blood-shot" and "bloodshot" are source words, the
// form the source still has occurrences left of is taken.
func Words(text string, vocab map[string]int) []string {
	left := make(map[string]int, len(vocab))
	urls := map[string]bool{} // every prefix of the source's URLs
	for w, n := range vocab {
		left[w] = n
		if strings.ContainsAny(w, "/") {
			for i := 1; i < len(w); i++ {
				urls[w[:i]] = true
			}
		}
	}
	var out []string
	emit := func(w string) {
		if w != "" {
			out = append(out, w)
			left[w]--
		}
	}
	pending := "" // last word of the previous line, not yet counted
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if pending != "" {
			u := fields[0]
			dropped := strings.TrimSuffix(pending, "-") + u
			kept := pending + u
			hyph := strings.HasSuffix(pending, "-")
			switch {
			case hyph && left[norm(kept)] > 0 && left[norm(dropped)] <= 0:
				fields[0] = kept
			case hyph && vocab[norm(dropped)] > 0:
				fields[0] = dropped
			case vocab[norm(kept)] > 0 && (hyph || vocab[norm(pending)] == 0 || vocab[norm(u)] == 0):
				fields[0] = kept
			case len(fields) == 1 && urls[norm(kept)]:
				// A URL broken over three lines or more: the middle line
				// holds a piece of it only.
				fields[0] = kept
			default:
				emit(norm(pending))
			}
			pending = ""
		}
		for _, f := range fields[:len(fields)-1] {
			emit(norm(f))
		}
		pending = fields[len(fields)-1]
	}
	emit(norm(pending))
	return out
}

// norm reduces a word to what a reader compares: no surrounding
// punctuation, lower case.
func norm(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(w)
}

// Vocabulary counts the words of a source text.
func Vocabulary(text string) map[string]int {
	v := map[string]int{}
	for _, f := range strings.Fields(text) {
		if w := norm(f); w != "" {
			v[w]++
		}
	}
	return v
}

// Diff compares the words a PDF shows with the source's: it returns the
// words missing from the PDF and the words it has in excess, each with its
// count, sorted. Words matching ignore are left out on both sides.
func Diff(source string, pdfText string, ignore func(string) bool) (missing, extra []string) {
	want := Vocabulary(source)
	got := map[string]int{}
	for _, w := range Words(pdfText, want) {
		got[w]++
	}
	for w, n := range want {
		if ignore != nil && ignore(w) {
			continue
		}
		if d := n - got[w]; d > 0 {
			missing = append(missing, fmt.Sprintf("%s×%d", w, d))
		}
	}
	for w, n := range got {
		if ignore != nil && ignore(w) {
			continue
		}
		if d := n - want[w]; d > 0 {
			extra = append(extra, fmt.Sprintf("%s×%d", w, d))
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}
