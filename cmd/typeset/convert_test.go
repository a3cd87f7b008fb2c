package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Converted wire copy prints the same words as the wire copy: the seed in
// both standards, and an official example.
func TestConvert(t *testing.T) {
	dir := t.TempDir()
	for _, src := range []string{
		"../../typeset/nitf/testdata/seed.nitf.xml",
		"../../typeset/ninjs/testdata/seed.ninjs.json",
		"../../typeset/ninjs/testdata/standards/2.2/004_simple_text_article.json",
		"../../samples/articles/ports-strike-north-sea.md",
	} {
		out := filepath.Join(dir, strings.ReplaceAll(filepath.Base(src), ".", "-")+".md")
		code, stdout, stderr := typeset(t, "convert", src, "-o", out)
		if code != 0 || stderr != "" || !strings.Contains(stdout, out) {
			t.Fatalf("convert %s: exit %d, stdout %q, stderr %q", src, code, stdout, stderr)
		}
		_, want, _ := typeset(t, "text", src)
		code, got, stderr := typeset(t, "text", out, "--root", "/")
		if code != 0 || got != want || !strings.Contains(got, "Santalucia") && !strings.Contains(got, "— Reuters") {
			t.Errorf("%s: text of the converted file (exit %d, %s):\n%s\nwant\n%s", src, code, stderr, got, want)
		}
	}
}

// -o - writes to standard output; the photo path is relative to the
// current folder.
func TestConvertToStdout(t *testing.T) {
	code, stdout, stderr := typeset(t, "convert", "../../samples/articles/ports-strike-north-sea.md", "-o", "-")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "---\nslug: ports-strike-north-sea\n") ||
		!strings.Contains(stdout, "  - file: ../../samples/photos/harbour-dawn.jpg\n") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
}

// What the native format cannot hold is reported, and kept in a comment.
func TestConvertWarns(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "fishing.md")
	code, _, stderr := typeset(t, "convert", "../../typeset/nitf/testdata/standards/nitf-fishing-schema.xml", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The IPTC sample's photo does not exist: the written file names it,
	// relative to its own folder, and says it cannot be read.
	if !strings.Contains(stderr, "fix this by hand") || !strings.Contains(stderr, "fishing.md:") || !strings.Contains(stderr, "high-tide.jpg") {
		t.Errorf("stderr: %s", stderr)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "# The wire's end tagline, printed instead of the credit: Stewart Klometers contributed to this article.\ncredit: XML Team Solutions, Inc.\n") {
		t.Errorf("written:\n%s", data)
	}
	code, _, stderr = typeset(t, "convert", "../../typeset/ninjs/testdata/bench/a0006.json", "-o", out)
	if code != 0 || !strings.Contains(stderr, "does not keep this") || !strings.Contains(stderr, "Credit") {
		t.Errorf("staff credit: exit %d, %s", code, stderr)
	}
}

func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "story.docx")
	os.WriteFile(doc, []byte("x"), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"headlines": "x"}`), 0o644)
	seed := "../../typeset/nitf/testdata/seed.nitf.xml"
	cases := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"unknown format", []string{doc, "-o", filepath.Join(dir, "a.md")}, 1, []string{"story.docx", "not an article file"}},
		{"unreadable", []string{filepath.Join(dir, "absent.xml"), "-o", filepath.Join(dir, "a.md")}, 1, []string{"absent.xml", "cannot read"}},
		{"bad input", []string{bad, "-o", filepath.Join(dir, "a.md")}, 1, []string{"bad.json:1:15: /headlines: expected array, got string"}},
		{"no output folder", []string{seed, "-o", filepath.Join(dir, "missing", "a.md")}, 2, []string{"no folder", "missing"}},
		{"not .md", []string{seed, "-o", filepath.Join(dir, "a.xml")}, 2, []string{"a.xml", ".md"}},
		{"no -o", []string{seed}, 2, []string{"-o"}},
		{"two articles", []string{seed, seed, "-o", filepath.Join(dir, "a.md")}, 2, []string{"exactly one"}},
	}
	for _, c := range cases {
		code, _, stderr := typeset(t, append([]string{"convert"}, c.args...)...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d; stderr: %s", c.name, code, c.code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr %q lacks %q", c.name, stderr, w)
			}
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left)+len(tmp) > 0 {
		t.Errorf("files left behind: %v %v", left, tmp)
	}
	if code, stdout, _ := typeset(t, "convert", "--help"); code != 0 || !strings.Contains(stdout, "Usage:") {
		t.Errorf("--help: %d %q", code, stdout)
	}
}
