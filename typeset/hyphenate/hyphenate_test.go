package hyphenate

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The expected hyphenations below without a comment are TeX's: the same
// words are in testdata/tex-*.txt, made by LuaTeX (see reference_test.go).

func TestPoints(t *testing.T) {
	def := DefaultOptions()
	caps := def
	caps.HyphenateCapitalized = true
	with := func(f func(*Options)) Options {
		o := DefaultOptions()
		f(&o)
		return o
	}
	cases := []struct {
		lang string
		word string
		opt  Options
		want string // word hyphenated with "-"
	}{
		// Patterns, TeX's exceptions (ta-ble, as-so-ciate, project).
		{"en-US", "hyphenation", def, "hy-phen-ation"},
		{"en-US", "table", def, "ta-ble"},
		{"en-US", "independent", def, "in-de-pen-dent"},
		{"en-US", "associate", def, "as-so-ciate"},
		{"en-US", "project", def, "project"},
		{"en-US", "typesetting", def, "type-set-ting"},
		{"en-US", "electroencephalography", def, "elec-troen-cephalog-ra-phy"},
		{"en-GB", "hyphenation", def, "hy-phen-a-tion"},
		{"en-GB", "independent", def, "in-de-pend-ent"},
		{"en-GB", "university", def, "uni-ver-sity"},
		{"en-GB", "project", def, "pro-ject"},
		{"en-GB", "internationalisation", def, "in-ter-na-tion-al-isa-tion"},

		// Minimums, from hy|phen|ation: a break needs LeftMin letters
		// before it and RightMin after it.
		{"en-US", "hyphenation", with(func(o *Options) { o.LeftMin = 3 }), "hyphen-ation"},
		{"en-US", "hyphenation", with(func(o *Options) { o.RightMin = 5 }), "hy-phen-ation"},
		{"en-US", "hyphenation", with(func(o *Options) { o.RightMin = 6 }), "hy-phenation"},
		{"en-US", "hyphenation", with(func(o *Options) { o.LeftMin, o.RightMin = 7, 7 }), "hyphenation"},
		// ta|ble is TeX's exception; minimums still apply to it.
		{"en-US", "table", with(func(o *Options) { o.LeftMin = 3 }), "table"},

		// Word length.
		{"en-US", "table", with(func(o *Options) { o.MinWordLength = 6 }), "table"},
		{"en-US", "hyphenation", with(func(o *Options) { o.MinWordLength = 11 }), "hy-phen-ation"},
		{"en-US", "hyphenation", with(func(o *Options) { o.MinWordLength = 12 }), "hyphenation"},
		{"en-US", "being", def, "be-ing"},
		{"en-US", "being", with(func(o *Options) { o.MinWordLength = 6 }), "being"},

		// Capitalised words: names are left alone by default.
		{"en-US", "Hyphenation", def, "Hyphenation"},
		{"en-US", "Hyphenation", caps, "Hy-phen-ation"},
		{"en-US", "HYPHENATION", def, "HYPHENATION"},
		{"en-US", "HYPHENATION", caps, "HY-PHEN-ATION"},
		{"en-US", "TABLE", caps, "TA-BLE"},
		{"de", "Zürich", def, "Zürich"},
		{"de", "Zürich", caps, "Zü-rich"},
		{"de", "ÜBERRASCHUNG", caps, "ÜBER-RA-SCHUNG"},
		{"de", "STRAẞE", caps, "STRA-ẞE"}, // capital sharp s lower-cases to ß
		{"de", "Straße", caps, "Stra-ße"},

		// Digits, e-mail addresses and URLs: never, whatever the options.
		{"en-US", "hyphenation2", caps, "hyphenation2"},
		{"en-US", "2hyphenation", caps, "2hyphenation"},
		{"en-US", "hyphen٣ation", caps, "hyphen٣ation"}, // Arabic-Indic digit
		{"en-US", "hyphenation@example", caps, "hyphenation@example"},
		{"en-US", "http://hyphenation", caps, "http://hyphenation"},
		{"en-US", "www.hyphenation", caps, "www.hyphenation"},
		{"en-US", "hyphenation2", with(func(o *Options) { o.Exceptions = []string{"hy-phen-ation2"} }), "hyphenation2"},

		// Letters outside the alphabet: left whole, not guessed.
		{"en-US", "naïveté", def, "naïveté"},
		{"en-US", "résumés", def, "résumés"},
		{"de", "Łódź", caps, "Łódź"},
		{"de", "łódzkiego", caps, "łódzkiego"},
		{"en-US", "hyphen\u00adation", def, "hyphen\u00adation"}, // soft hyphen
		{"en-US", "hyphe\u0301nation", def, "hyphe\u0301nation"}, // combining accent
		{"en-US", "hyphenation.", def, "hyphenation."},

		// Apostrophes: not letters in English, so each side is a word of
		// its own; in French a letter, as in TeX.
		{"en-US", "newspaper's", def, "news-pa-per's"},
		{"en-US", "newspaper’s", def, "news-pa-per’s"},
		{"fr", "l'économie", def, "l'éco-no-mie"},
		{"fr", "l’économie", def, "l’éco-no-mie"},
		{"fr", "aujourd'hui", def, "au-jour-d'hui"},
		{"fr", "aujourd’hui", def, "au-jour-d’hui"},
		{"fr", "anticonstitutionnellement", def, "an-ti-cons-ti-tu-tion-nel-le-ment"},
		{"fr", "Noël", caps, "Noël"}, // 4 letters

		// German.
		{"de", "Bundesregierung", caps, "Bun-des-re-gie-rung"},
		{"de", "zusammenarbeit", def, "zu-sam-men-ar-beit"},
		{"de", "donaudampfschifffahrtsgesellschaftskapitän", def,
			"do-nau-dampf-schiff-fahrts-ge-sell-schafts-ka-pi-tän"},

		// Odd input.
		{"en-US", "", def, ""},
		{"en-US", "-", def, "-"},
		{"en-US", "''''", def, "''''"},
		{"en-US", "\xff\xfehyphenation", def, "\xff\xfehyphenation"},
	}
	for _, c := range cases {
		h := mustLoad(t, c.lang)
		pts := h.Points(c.word, c.opt)
		if got := Hyphenated(c.word, pts, "-"); got != c.want {
			t.Errorf("%s %q %+v: got %q (%v), want %q", c.lang, c.word, c.opt, got, pts, c.want)
		}
	}
}

func TestUserExceptions(t *testing.T) {
	h := mustLoad(t, "en-US")
	exc := func(caps bool, e ...string) Options {
		o := DefaultOptions()
		o.HyphenateCapitalized = caps
		o.Exceptions = e
		return o
	}
	cases := []struct {
		word string
		opt  Options
		want string
	}{
		// Overrides the patterns (hy-phen-ation).
		{"hyphenation", exc(false, "hyphen-a-tion"), "hyphen-a-tion"},
		// Listed without hyphens: never hyphenated.
		{"hyphenation", exc(false, "hyphenation"), "hyphenation"},
		// Overrides TeX's exception "project".
		{"project", exc(false, "pro-ject"), "pro-ject"},
		{"table", exc(false, "table"), "table"},
		// Case-insensitive, in both directions.
		{"project", exc(false, "PRO-JECT"), "pro-ject"},
		{"PROJECT", exc(true, "pro-ject"), "PRO-JECT"},
		// A capitalised entry (a name) is the opt-in for that name…
		{"Reykjavík", exc(false, "Reyk-ja-vík"), "Reyk-ja-vík"},
		{"REYKJAVÍK", exc(false, "Reyk-ja-vík"), "REYK-JA-VÍK"},
		// …a lower-case entry is not.
		{"Reykjavík", exc(false, "reyk-ja-vík"), "Reykjavík"},
		{"Reykjavík", exc(true, "reyk-ja-vík"), "Reyk-ja-vík"},
		// Whole words only.
		{"photographs", exc(false, "pho-to-graph"), "pho-tographs"}, // patterns, checked below
		{"photograph", exc(false, "pho-to-graphs", "pho-tograph"), "pho-tograph"},
		// Minimums still apply (en-US: 2 before, 3 after).
		{"photograph", exc(false, "p-h-o-t-o-g-r-a-p-h"), "ph-o-t-o-g-r-aph"},
		// Apostrophes match either form.
		{"O’Sullivan", exc(false, "O'Sul-li-van"), "O’Sul-li-van"},
		// A word with an explicit hyphen matches no entry.
		{"well-being", exc(false, "well-be-ing"), "well-be-ing"}, // patterns: be-ing
		// Junk entries are harmless.
		{"hyphenation", exc(false, "", "-", "--hy--phenation--", "hyphenationx"), "hy-phenation"},
	}
	for _, c := range cases {
		pts := h.Points(c.word, c.opt)
		if got := Hyphenated(c.word, pts, "-"); got != c.want {
			t.Errorf("%q %q: got %q (%v), want %q", c.word, c.opt.Exceptions, got, pts, c.want)
		}
	}
	// An entry for "photograph" does not touch "photographs".
	if a, b := h.Points("photographs", exc(false, "pho-to-graph")), h.Points("photographs", exc(false)); !slices.Equal(a, b) {
		t.Errorf("photographs: %v with the entry, %v without", a, b)
	}
}

// A word with explicit hyphens or (in English) apostrophes is hyphenated
// part by part, exactly as each part alone.
func TestPartsAreWords(t *testing.T) {
	h := mustLoad(t, "en-US")
	opt := DefaultOptions()
	opt.MinWordLength = 1
	for _, w := range []string{"well-being", "counterintelligence-typesetting", "newspaper's",
		"rock'n'roll", "hyphenation’s-independent", "self‐government", "-hyphenation-", "'table'"} {
		var want []int
		start := 0
		for i, r := range w + "-" {
			if r == '-' || r == '\'' || r == '’' || r == '‐' {
				for _, p := range h.Points(w[start:i], opt) {
					want = append(want, start+p)
				}
				start = i + len(string(r))
			}
		}
		if got := h.Points(w, opt); !slices.Equal(got, want) {
			t.Errorf("%q: got %v (%s), want %v (%s)", w, got, Hyphenated(w, got, "="), want, Hyphenated(w, want, "="))
		}
	}
}

func TestPointsAppendReuses(t *testing.T) {
	h := mustLoad(t, "en-US")
	buf := []int{99}
	buf = h.PointsAppend(buf, "hyphenation", DefaultOptions())
	if !slices.Equal(buf, []int{99, 2, 6}) {
		t.Errorf("PointsAppend = %v", buf)
	}
	allocs := testing.AllocsPerRun(100, func() {
		buf = h.PointsAppend(buf[:0], "independent", DefaultOptions())
	})
	if allocs != 0 {
		t.Errorf("PointsAppend allocates %v times per word", allocs)
	}
	long := strings.Repeat("hyphenation", 10)
	if got := h.Points(long, DefaultOptions()); len(got) != 10*2+9 {
		// Each "hyphenation" gives 2 breaks, and the patterns break 9
		// of the joins: "...ation|hyphen..." at "on|hy".
		t.Errorf("long word: %d points: %s", len(got), Hyphenated(long, got, "-"))
	}
}

func TestHyphenated(t *testing.T) {
	cases := []struct {
		word string
		pts  []int
		sep  string
		want string
	}{
		{"hyphenation", []int{2, 6}, "-", "hy-phen-ation"},
		{"hyphenation", nil, "-", "hyphenation"},
		{"hyphenation", []int{2, 6}, "\u00ad", "hy\u00adphen\u00adation"},
		{"hyphenation", []int{6, 2, 0, 11, 40, -1}, "-", "hyphen-ation"},
		{"Zürich", []int{2, 3}, "-", "Zü-rich"}, // 2 is inside ü
		{"", []int{1}, "-", ""},
	}
	for _, c := range cases {
		if got := Hyphenated(c.word, c.pts, c.sep); got != c.want {
			t.Errorf("Hyphenated(%q, %v, %q) = %q, want %q", c.word, c.pts, c.sep, got, c.want)
		}
	}
}

func TestResolveLang(t *testing.T) {
	cases := map[string]string{
		"en": "en-US", "EN": "en-US", "en-US": "en-US", "en-us": "en-US", "en_US": "en-US",
		"en-CA": "en-US", "en-PH": "en-US", "en-Latn": "en-US", "en-US-POSIX": "en-US",
		"en-GB": "en-GB", "en-gb": "en-GB", "en-AU": "en-GB", "en-NZ": "en-GB", "en-IE": "en-GB",
		"en-ZA": "en-GB", "en-IN": "en-GB", "en-Latn-GB": "en-GB", "en-GB-oxendict": "en-GB",
		"de": "de", "de-DE": "de", "de-AT": "de", "de-CH": "de", "de-1996": "de", "DE-de": "de",
		"fr": "fr", "fr-FR": "fr", "fr-CA": "fr", "fr-BE": "fr",
	}
	for in, want := range cases {
		got, err := ResolveLang(in)
		if err != nil || got != want {
			t.Errorf("ResolveLang(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "nl", "es-ES", "eng", "english", "-en", "x-en"} {
		_, err := ResolveLang(bad)
		if !errors.Is(err, ErrUnsupportedLanguage) {
			t.Errorf("ResolveLang(%q): err = %v, want ErrUnsupportedLanguage", bad, err)
			continue
		}
		for _, s := range Supported() {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("error %q does not list %s", err, s)
			}
		}
		if _, err := Load(bad); !errors.Is(err, ErrUnsupportedLanguage) {
			t.Errorf("Load(%q): err = %v", bad, err)
		}
	}
}

func TestLoad(t *testing.T) {
	for _, lf := range langFiles {
		h, err := Load(lf.tag)
		if err != nil {
			t.Fatal(err)
		}
		if h.Lang() != lf.tag {
			t.Errorf("Lang() = %q, want %q", h.Lang(), lf.tag)
		}
		l, r := h.MinLetters()
		want := map[string][2]int{"en-US": {2, 3}, "en-GB": {2, 3}, "de": {2, 2}, "fr": {2, 2}}[lf.tag]
		if [2]int{l, r} != want {
			t.Errorf("%s: MinLetters = %d, %d, want %v", lf.tag, l, r, want)
		}
		used := 0
		for _, s := range h.trie.slots {
			if s.check != codeEmpty {
				used++
			}
		}
		t.Logf("%s: %d trie nodes in %d slots (%d KB), %d value lists", lf.tag, used+1, len(h.trie.slots), len(h.trie.slots)*8/1024, len(h.trie.opIdx)-1)
	}
}

func TestCache(t *testing.T) {
	var c Cache
	var wg sync.WaitGroup
	got := make([]*Hyphenator, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tag := []string{"en", "en-US", "EN-us", "en-CA"}[i%4]
			h, err := c.Get(tag)
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = h
			// Use it concurrently, too.
			for range 100 {
				if s := Hyphenated("hyphenation", h.Points("hyphenation", DefaultOptions()), "-"); s != "hy-phen-ation" {
					t.Errorf("concurrent use: %q", s)
				}
			}
		}()
	}
	wg.Wait()
	for _, h := range got {
		if h != got[0] {
			t.Fatal("Cache returned different Hyphenators for the same pattern set")
		}
	}
	gb, err := c.Get("en-GB")
	if err != nil || gb == got[0] || gb.Lang() != "en-GB" {
		t.Errorf("Get(en-GB) = %v, %v", gb, err)
	}
	if _, err := c.Get("nl"); !errors.Is(err, ErrUnsupportedLanguage) {
		t.Errorf("Get(nl): %v", err)
	}
}

func TestLicenseNotice(t *testing.T) {
	want := map[string]string{
		"en-US": "Copyright (C) 1990, 2004, 2005 Gerard D.C. Kuiken",
		"en-GB": "Permission is hereby granted, free of charge",
		"de":    "Permission is hereby granted, free of charge",
		"fr":    "Copyright (C) 1994-2002 Daniel Flipo",
	}
	for tag, w := range want {
		n, err := LicenseNotice(tag)
		if err != nil || !strings.Contains(n, w) {
			t.Errorf("LicenseNotice(%s) = %.80q…, %v; want it to contain %q", tag, n, err, w)
		}
	}
	if _, err := LicenseNotice("nl"); !errors.Is(err, ErrUnsupportedLanguage) {
		t.Errorf("LicenseNotice(nl): %v", err)
	}
}
