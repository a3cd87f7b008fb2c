package compose

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"pressroom.dev/typeset/ninjs"
)

// BenchmarkMakeUp64 makes up the peer benchmark's 64-page edition
// (../shared/bench/corpus/gen.py, seed 1, through to_ninjs.py), without
// writing PDFs: reading the articles is outside the timing, setting and
// make-up inside. It needs python3 and the shared folder; it is skipped
// without them.
func BenchmarkMakeUp64(b *testing.B) {
	stories := benchEdition(b, 64)
	b.ResetTimer()
	for b.Loop() {
		k := testKit(b)
		if _, _, err := k.MakeUp(stories, nil, testEdition); err != nil {
			b.Fatal(err)
		}
	}
}

func benchEdition(b *testing.B, pages int) []Story { return benchStoriesT(b, pages) }

func benchStoriesT(b testing.TB, pages int) []Story {
	b.Helper()
	gen := "../../../shared/bench/corpus"
	if _, err := os.Stat(filepath.Join(gen, "gen.py")); err != nil {
		b.Skip("the shared benchmark corpus is not here")
	}
	dir := b.TempDir()
	js := filepath.Join(dir, "edition.json")
	if out, err := exec.Command("python3", filepath.Join(gen, "gen.py"), "--pages", itoa(pages), "-o", js).CombinedOutput(); err != nil {
		b.Skipf("gen.py: %v %s", err, out)
	}
	nj := filepath.Join(dir, "ninjs")
	if out, err := exec.Command("python3", filepath.Join(gen, "to_ninjs.py"), js, nj).CombinedOutput(); err != nil {
		b.Skipf("to_ninjs.py: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(nj, "*.json"))
	var out []Story
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a, err := ninjs.Read(f, data, nj)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, Story{Article: a})
	}
	return out
}
