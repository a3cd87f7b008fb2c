package pdf

import (
	"bytes"
	"fmt"
	"testing"
)

// TestParseRoundTrip reads a small hand-made file with the tokens fpdf
// writes (and a few it might), writes it back, and reads it again.
func TestParseRoundTrip(t *testing.T) {
	body := []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89]>>",
		"<</Type /Page /Parent 2 0 R /Contents 4 0 R /Note (a (nested) \\) string) /Hex <FEFF00E9> /Name#20x 1 /A#2FB [true false null -0.5 .25]>>",
		"<</Length 9>>\nstream\nBT ET q Q\nendstream",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n%\xb5\xb6\n")
	offsets := []int{0}
	for i, o := range body {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, o := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(offsets), xref)

	f, err := parseFile(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	check := func(f *file) {
		t.Helper()
		pg := f.dictOf(3)
		if got := pg.get("Note"); got != raw(`(a (nested) \) string)`) {
			t.Errorf("literal string %q", got)
		}
		if got := pg.get("Hex"); got != raw("<FEFF00E9>") {
			t.Errorf("hex string %q", got)
		}
		if pg.get("Name x") == nil {
			t.Errorf("escaped name key not read: %v", pg.keys)
		}
		if a, ok := pg.get("A/B").(array); !ok || len(a) != 5 || a[3] != raw("-0.5") {
			t.Errorf("array %v", pg.get("A/B"))
		}
		if kids := f.dictOf(2).get("Kids").(array); kids[0] != ref(3) {
			t.Errorf("kids %v", kids)
		}
		if s := f.objs[4].stream; string(s) != "BT ET q Q" {
			t.Errorf("stream %q", s)
		}
		if f.root != 1 {
			t.Errorf("root %d", f.root)
		}
	}
	check(f)
	var out, buf bytes.Buffer
	offs := make([]int, len(f.objs))
	buf.WriteString("%PDF-1.6\n")
	f.serialize(&buf, offs, 1, len(f.objs))
	if err := f.writeTail(&out, &buf, offs, []byte{1, 2}); err != nil {
		t.Fatal(err)
	}
	g, err := parseFile(out.Bytes())
	if err != nil {
		t.Fatalf("reading our own output: %v\n%s", err, out.Bytes())
	}
	check(g)
}

func TestParseRefuses(t *testing.T) {
	for name, data := range map[string]string{
		"empty":        "",
		"no xref":      "%PDF-1.5\nstartxref\n9\n%%EOF",
		"bad offset":   "%PDF-1.5\nxref\n0 2\n0000000000 65535 f \n0000009999 00000 n \ntrailer\n<</Root 1 0 R>>\nstartxref\n9\n%%EOF",
		"short stream": "%PDF-1.5\n1 0 obj\n<</Length 99>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R>>\nstartxref\n61\n%%EOF",
	} {
		if _, err := parseFile([]byte(data)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

func TestTextString(t *testing.T) {
	for in, want := range map[string]raw{
		"Plain (ASCII)":  `(Plain \(ASCII\))`,
		"Back\\slash":    `(Back\\slash)`,
		"Courier — date": "<FEFF0043006F007500720069006500720020201400200064006100740065>",
	} {
		if got := text(in); got != want {
			t.Errorf("text(%q) = %s, want %s", in, got, want)
		}
	}
}
