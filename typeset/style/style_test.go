package style

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/units"
)

func TestBerliner(t *testing.T) {
	s, err := Load("berliner")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Page.Width.Millimetres(); got < 314.99 || got > 315.01 {
		t.Errorf("width = %v mm", got)
	}
	if s.Page.Columns != 5 {
		t.Errorf("columns = %d", s.Page.Columns)
	}
	// 5 columns of 55 mm with 4 mm gutters between 12 mm margins.
	if got := s.ColumnWidth().Millimetres(); got < 54.99 || got > 55.01 {
		t.Errorf("column width = %v mm, want 55", got)
	}
	if s.Type.Body.Size != 9*units.Pt || s.Type.Body.Leading != units.FromPt(10.5) {
		t.Errorf("body = %v/%v, want 9/10.5pt", s.Type.Body.Size, s.Type.Body.Leading)
	}
	if s.Justify.WordSpace != [3]Ratio{0.75, 1, 1.5} {
		t.Errorf("word space = %v", s.Justify.WordSpace)
	}
	if c := s.Color("black"); c.CMYK != [4]float64{0, 0, 0, 100} || c.RGB != (RGB{0, 0, 0}) {
		t.Errorf("black = %+v", c)
	}
	if s.Families["serif"].File(true, true) != "PTSerif-BoldItalic.ttf" || s.Families["narrow"].File(false, true) != "PTSansNarrow-Regular.ttf" {
		t.Error("family fallback is wrong")
	}
}

func TestExtends(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tabloid.yaml")
	os.WriteFile(p, []byte("extends: berliner\nname: tabloid\npage:\n  width: 280mm\n  height: 430mm\n  columns: 5\n  gutter: 4mm\n  baseline: 10.5pt\n  margins: {top: 10mm, bottom: 10mm, inside: 10mm, outside: 10mm}\n"), 0o644)
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "tabloid" || s.Page.Width != units.FromMm(280) || s.Type.Body.Size != 9*units.Pt || len(s.Colors) == 0 {
		t.Errorf("extended style: %+v", s.Page)
	}
}

func TestBadStyles(t *testing.T) {
	base := "extends: berliner\n"
	cases := []struct {
		name, doc string
		line      int
		want      string
	}{
		{"unknown key", base + "pgae: {}\n", 2, `unknown setting "pgae"`},
		{"bare number", base + "page:\n  gutter: 4\n", 3, "has no unit"},
		{"bad unit", base + "page:\n  gutter: 4furlongs\n", 3, "unknown unit"},
		{"bad colour", base + "colors:\n  red: {cmyk: [0, 120, 100, 0], rgb: \"#ff0000\"}\n", 3, "percentages"},
		{"bad rgb", base + "colors:\n  red: {cmyk: [0, 100, 100, 0], rgb: \"red\"}\n", 3, "RGB colour"},
		{"unknown family", base + "type:\n  body: {family: comic, size: 9pt}\n", 3, `unknown family "comic"`},
		{"malformed", base + "page: [\n", 2, ""},
		{"columns", base + "page:\n  columns: 0\n", 3, "between 1 and 20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("house.yaml", []byte(c.doc))
			var ie *model.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an InputError", err)
			}
			if ie.File != "house.yaml" || (c.line > 0 && ie.Line != c.line) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %q (line %d), want line %d containing %q", err, ie.Line, c.line, c.want)
			}
		})
	}
}

func TestUnknownStyle(t *testing.T) {
	_, err := Load("broadsheet-xl")
	if err == nil || !model.IsInput(err) || !strings.Contains(err.Error(), "berliner") {
		t.Errorf("unknown style: %v", err)
	}
	_, err = Load("/nonexistent/house.yaml")
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/house.yaml") {
		t.Errorf("missing file: %v", err)
	}
}
