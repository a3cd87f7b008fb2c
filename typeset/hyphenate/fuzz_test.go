package hyphenate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPoints checks, for any input and options, in every language: no
// panic; offsets ascending, inside the word and on rune boundaries; never
// next to an explicit hyphen or (outside French) an apostrophe; at least
// the minimum number of letters on each side; and agreement with
// PointsAppend.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{"hyphenation", "Zürich", "l'économie", "aujourd’hui", "well-being",
		"newspaper's", "Reykjavík", "Straße", "STRAẞE", "http://x.y", "a@b", "x2y", "\xff\xfe",
		"donaudampfschifffahrtsgesellschaftskapitän", strings.Repeat("ab", 60), "--''’’--"} {
		f.Add(s, uint8(0), uint8(0), uint8(0), true, "")
	}
	f.Add("photograph", uint8(1), uint8(1), uint8(1), false, "p-h-o-t-o-g-r-a-p-h")
	f.Add("Reykjavík", uint8(2), uint8(5), uint8(3), false, "Reyk-ja-vík")
	hs := make([]*Hyphenator, len(langFiles))
	for i, lf := range langFiles {
		hs[i] = mustLoad(f, lf.tag)
	}
	f.Fuzz(func(t *testing.T, word string, lmin, rmin, minLen uint8, caps bool, exc string) {
		opt := Options{LeftMin: int(lmin % 6), RightMin: int(rmin % 6), MinWordLength: int(minLen % 8),
			HyphenateCapitalized: caps, Exceptions: []string{exc}}
		for _, h := range hs {
			pts := h.Points(word, opt)
			if app := h.PointsAppend([]int{-1}, word, opt); len(app) != len(pts)+1 || app[0] != -1 {
				t.Fatalf("%s %q: PointsAppend %v vs Points %v", h.Lang(), word, app, pts)
			}
			l, r := h.MinLetters()
			if opt.LeftMin > 0 {
				l = opt.LeftMin
			}
			if opt.RightMin > 0 {
				r = opt.RightMin
			}
			prev := 0
			for _, p := range pts {
				if p <= prev || p >= len(word) {
					t.Fatalf("%s %q: points %v not ascending inside the word", h.Lang(), word, pts)
				}
				if !utf8.RuneStart(word[p]) {
					t.Fatalf("%s %q: point %d inside a character", h.Lang(), word, p)
				}
				before, _ := utf8.DecodeLastRuneInString(word[:p])
				after, _ := utf8.DecodeRuneInString(word[p:])
				for _, c := range []rune{before, after} {
					if strings.ContainsRune("-\u2010\u2011", c) || h.Lang() != "fr" && strings.ContainsRune("'’ʼ", c) {
						t.Fatalf("%s %q: point %d next to %q", h.Lang(), word, p, c)
					}
				}
				if n := utf8.RuneCountInString(word[:p]); n < l {
					t.Fatalf("%s %q: point %d leaves %d letters before (min %d)", h.Lang(), word, p, n, l)
				}
				if n := utf8.RuneCountInString(word[p:]); n < r {
					t.Fatalf("%s %q: point %d leaves %d letters after (min %d)", h.Lang(), word, p, n, r)
				}
				prev = p
			}
			if len(pts) > 0 && strings.ContainsFunc(word, func(c rune) bool { return c >= '0' && c <= '9' || c == '@' }) {
				t.Fatalf("%s %q: hyphenated a word with a digit or '@': %v", h.Lang(), word, pts)
			}
			if got := Hyphenated(word, pts, ""); got != word {
				t.Fatalf("Hyphenated with empty separator changed %q to %q", word, got)
			}
		}
	})
}

// FuzzURLBreaks checks URLBreaks never panics and keeps to its rules.
func FuzzURLBreaks(f *testing.F) {
	for _, s := range []string{"https://www.example.com/a-b/c?d=e&f=g#h", "a@b.c", "://", "é/é/é", "\xff/\xff/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pts := URLBreaks(s)
		scheme := strings.Index(s, "://")
		prev := 0
		for _, p := range pts {
			if p <= prev || p >= len(s) || !isURLBreak(s[p-1]) || isURLBreak(s[p]) {
				t.Fatalf("%q: bad point %d in %v", s, p, pts)
			}
			if utf8.RuneCountInString(s[:p]) < 2 || utf8.RuneCountInString(s[p:]) < 2 {
				t.Fatalf("%q: point %d leaves fewer than 2 characters", s, p)
			}
			if scheme >= 0 && p <= scheme+2 {
				t.Fatalf("%q: point %d inside the scheme", s, p)
			}
			prev = p
		}
	})
}
