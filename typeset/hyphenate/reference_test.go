package hyphenate

import (
	"bufio"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// This file checks the trie implementation against two independent
// references:
//
//   - testdata/tex-*.txt, words hyphenated by LuaTeX itself from the
//     original hyph-utf8 .tex files (testdata/texref/mkgolden.go), which
//     also checks the converter;
//   - refHyphenator below, a deliberately naive Liang implementation that
//     reads the .pat files on its own and applies every pattern by
//     substring search, compared on thousands of words, random strings and
//     random minimums.

var langFiles = []struct{ tag, file string }{
	{"en-US", "en-us"}, {"en-GB", "en-gb"}, {"de", "de"}, {"fr", "fr"},
}

var testCache Cache

func mustLoad(t testing.TB, lang string) *Hyphenator {
	t.Helper()
	h, err := testCache.Get(lang)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// allOptions hyphenates everything the patterns allow, as TeX does.
var allOptions = Options{MinWordLength: 1, HyphenateCapitalized: true}

func TestTeXGolden(t *testing.T) {
	for _, lf := range langFiles {
		t.Run(lf.tag, func(t *testing.T) {
			h := mustLoad(t, lf.tag)
			lines := readLines(t, "testdata/tex-"+lf.file+".txt")
			if len(lines) < 1000 {
				t.Fatalf("only %d golden words", len(lines))
			}
			bad := 0
			for _, want := range lines {
				word := strings.ReplaceAll(want, "-", "")
				got := Hyphenated(word, h.Points(word, allOptions), "-")
				if got != want {
					bad++
					if bad <= 20 {
						t.Errorf("%s: got %s, TeX %s", lf.tag, got, want)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d words differ from TeX", bad, len(lines))
			}
		})
	}
}

func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if ln := sc.Text(); ln != "" && !strings.HasPrefix(ln, "#") {
			out = append(out, ln)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// refHyphenator is the naive reference: patterns by their letters, each
// with its inter-letter values.
type refHyphenator struct {
	patterns    map[string][]int // letters (with '.') → values, len(letters)+1
	raw         []string         // the patterns as written
	exceptions  map[string][]int // word → letters before each break
	alphabet    string
	left, right int
}

func loadRef(t testing.TB, file string) *refHyphenator {
	t.Helper()
	r := &refHyphenator{patterns: map[string][]int{}, exceptions: map[string][]int{}}
	section := ""
	for _, ln := range readLines(t, "patterns/"+file+".pat") {
		f := strings.Fields(ln)
		switch {
		case len(f) == 2 && (f[0] == "patterns" || f[0] == "exceptions"):
			section = f[0]
		case section == "" && len(f) == 2 && f[0] == "lefthyphenmin":
			r.left, _ = strconv.Atoi(f[1])
		case section == "" && len(f) == 2 && f[0] == "righthyphenmin":
			r.right, _ = strconv.Atoi(f[1])
		case section == "" && len(f) == 2 && f[0] == "alphabet":
			r.alphabet = f[1]
		case section == "patterns":
			// v[i] is the value before letter i of the pattern.
			var letters []rune
			v := []int{0}
			for _, c := range ln {
				if c >= '0' && c <= '9' {
					v[len(v)-1] = int(c - '0')
					continue
				}
				letters = append(letters, c)
				v = append(v, 0)
			}
			r.patterns[string(letters)] = v
			r.raw = append(r.raw, ln)
		case section == "exceptions":
			var brk []int
			n := 0
			for _, c := range ln {
				if c == '-' {
					brk = append(brk, n)
				} else {
					n++
				}
			}
			r.exceptions[strings.ReplaceAll(ln, "-", "")] = brk
		}
	}
	if r.left == 0 || len(r.patterns) == 0 {
		t.Fatalf("%s: reference did not read the file", file)
	}
	return r
}

// levels computes Liang's inter-letter values of a lower-case word by
// looking up every substring of ".word." in the pattern map.
func (r *refHyphenator) levels(word string) []int {
	padded := []rune("." + word + ".")
	lv := make([]int, len(padded)+1)
	for i := range padded {
		for j := i + 1; j <= len(padded); j++ {
			if v, ok := r.patterns[string(padded[i:j])]; ok {
				for k, x := range v {
					lv[i+k] = max(lv[i+k], x)
				}
			}
		}
	}
	return lv
}

// levelsScan computes the same by searching the word for every pattern in
// turn, the literal reading of Liang's rule.
func (r *refHyphenator) levelsScan(word string) []int {
	padded := []rune("." + word + ".")
	lv := make([]int, len(padded)+1)
	for _, p := range r.raw {
		letters := []rune(strings.Map(func(c rune) rune {
			if c >= '0' && c <= '9' {
				return -1
			}
			return c
		}, p))
		vals := r.patterns[string(letters)]
		for i := 0; i+len(letters) <= len(padded); i++ {
			if slices.Equal(padded[i:i+len(letters)], letters) {
				for k, x := range vals {
					lv[i+k] = max(lv[i+k], x)
				}
			}
		}
	}
	return lv
}

// points returns the letters before each break of a lower-case word made
// of alphabet letters only.
func (r *refHyphenator) points(word string, lmin, rmin int, lv []int) []int {
	n := utf8.RuneCountInString(word)
	var out []int
	if brk, ok := r.exceptions[word]; ok {
		for _, k := range brk {
			if k >= lmin && n-k >= rmin {
				out = append(out, k)
			}
		}
		return out
	}
	for k := lmin; k <= n-rmin; k++ {
		if lv[k+1]%2 == 1 {
			out = append(out, k)
		}
	}
	return out
}

// runeIndexes converts byte offsets to rune counts.
func runeIndexes(word string, offs []int) []int {
	out := make([]int, 0, len(offs))
	for _, o := range offs {
		out = append(out, utf8.RuneCountInString(word[:o]))
	}
	return out
}

func TestAgainstReference(t *testing.T) {
	for i, lf := range langFiles {
		t.Run(lf.tag, func(t *testing.T) {
			h := mustLoad(t, lf.tag)
			ref := loadRef(t, lf.file)
			alpha := []rune(ref.alphabet)
			rng := rand.New(rand.NewPCG(uint64(i), 7))

			var words []string
			for _, w := range readLines(t, "testdata/words-en.txt") {
				words = append(words, strings.ToLower(w))
			}
			for _, g := range readLines(t, "testdata/tex-"+lf.file+".txt") {
				words = append(words, strings.ReplaceAll(g, "-", ""))
			}
			for range 3000 { // random strings over the alphabet
				b := make([]rune, 1+rng.IntN(20))
				for j := range b {
					b[j] = alpha[rng.IntN(len(alpha))]
				}
				words = append(words, string(b))
			}
			for e := range ref.exceptions {
				words = append(words, e)
			}

			checked := 0
			for _, w := range words {
				if strings.ContainsFunc(w, func(c rune) bool { return !strings.ContainsRune(ref.alphabet, c) }) {
					continue
				}
				checked++
				lv := ref.levels(w)
				lmin, rmin := ref.left, ref.right
				if checked%3 == 0 { // also other minimums
					lmin, rmin = 1+rng.IntN(4), 1+rng.IntN(4)
				}
				opt := allOptions
				opt.LeftMin, opt.RightMin = lmin, rmin
				want := ref.points(w, lmin, rmin, lv)
				got := runeIndexes(w, h.Points(w, opt))
				if !slices.Equal(got, want) {
					t.Errorf("%s %q (min %d/%d): got %v, reference %v", lf.tag, w, lmin, rmin, got, want)
				}
			}
			if checked < 4000 {
				t.Errorf("only %d words checked", checked)
			}
			t.Logf("%d words agree with the reference", checked)
		})
	}
}

// TestReferenceScan checks the map-based reference itself against the
// literal every-pattern scan on a sample.
func TestReferenceScan(t *testing.T) {
	ref := loadRef(t, "en-us")
	words := readLines(t, "testdata/tex-en-us.txt")
	if testing.Short() {
		words = words[:200]
	}
	for i, g := range words {
		if i%5 != 0 {
			continue
		}
		w := strings.ReplaceAll(g, "-", "")
		if a, b := ref.levels(w), ref.levelsScan(w); !slices.Equal(a, b) {
			t.Errorf("%q: substring map %v, scan %v", w, a, b)
		}
	}
}
