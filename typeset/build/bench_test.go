package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/model"
)

// BenchmarkOutputs64 times the output stage alone (the print edition, its
// page files and the e-paper, no previews) of the 64-page generated
// edition (../shared/bench/corpus, seed 1), made up once beforehand.
func BenchmarkOutputs64(b *testing.B) {
	dir := benchCorpus(b, 64)
	m, err := edition.FromFolder(dir, "The Daily Benchmark", model.Date{Year: 2024, Month: 9, Day: 17})
	if err != nil {
		b.Fatal(err)
	}
	arts, err := m.ReadArticles()
	if err != nil {
		b.Fatal(err)
	}
	kit, err := loadStyle(m.Style, 0, 0)
	if err != nil {
		b.Fatal(err)
	}
	doc, _, err := kit.MakeUp(runningOrder(m, arts), nil, compose.Edition{Paper: m.Paper, Date: m.Date})
	if err != nil {
		b.Fatal(err)
	}
	stamp := time.Date(2024, 9, 17, 0, 0, 0, 0, time.UTC)
	out := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		if _, err := writeOutputs(out, doc, kit, edInfo{Paper: m.Paper, Date: m.Date}, stamp, false, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCorpus generates the ninjs articles of an edition of the given
// pages with the shared corpus generator, or skips.
func benchCorpus(b *testing.B, pages int) string {
	gen := "../../../shared/bench/corpus"
	if _, err := os.Stat(filepath.Join(gen, "gen.py")); err != nil {
		b.Skip("the shared benchmark corpus is not here")
	}
	dir := b.TempDir()
	js := filepath.Join(dir, "edition.json")
	if out, err := exec.Command("python3", filepath.Join(gen, "gen.py"), "--pages", strconv.Itoa(pages), "-o", js).CombinedOutput(); err != nil {
		b.Skipf("gen.py: %v %s", err, out)
	}
	nj := filepath.Join(dir, "ninjs")
	if out, err := exec.Command("python3", filepath.Join(gen, "to_ninjs.py"), js, nj).CombinedOutput(); err != nil {
		b.Skipf("to_ninjs.py: %v %s", err, out)
	}
	return nj
}
