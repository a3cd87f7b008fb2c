package hyphenate

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options are the style's hyphenation settings. The zero value means the
// defaults (see DefaultOptions).
type Options struct {
	// LeftMin and RightMin are the least number of letters that must stay
	// before and after a hyphen, within each part of a word (TeX's
	// \lefthyphenmin and \righthyphenmin). 0 (or less) means the
	// language's default: 2 and 3 for English, 2 and 2 for German and
	// French, as in TeX.
	LeftMin, RightMin int
	// MinWordLength: words of fewer letters are never hyphenated.
	// 0 (or less) means the default, 5.
	MinWordLength int
	// HyphenateCapitalized allows hyphenating words that start with a
	// capital letter. When false, they are left whole: in a newspaper
	// they are mostly names (and all-capital words mostly acronyms).
	HyphenateCapitalized bool
	// Exceptions is the style's own exception list, e.g. "Reyk-ja-vík",
	// "pho-to-graph": each entry is a word with '-' at every place it may
	// be broken, so an entry without hyphens is never hyphenated. An entry
	// matches a word case-insensitively (’ and ' count as the same) and as
	// a whole; a word containing an explicit hyphen matches no entry. A
	// matching entry overrides the patterns and TeX's own exceptions;
	// LeftMin, RightMin and MinWordLength still apply. An entry that
	// starts with a capital letter (a name) is applied even when
	// HyphenateCapitalized is false: listing the name is the opt-in.
	// Entries are scanned on every call, so keep the list short (tens,
	// not thousands).
	Exceptions []string
}

const defaultMinWordLength = 5

// DefaultOptions returns the newspaper defaults:
//
//   - LeftMin, RightMin 0: the language's own minimums, which are TeX's
//     (en 2/3, de 2/2, fr 2/2). Two letters before the hyphen ("re-",
//     "un-") are still a recognisable syllable; in English three after it
//     keep the reader from meeting a stranded "-ly" or "-ed" on the next
//     line, which reads as a fragment. German and French, with longer
//     words and regular syllables, allow two.
//   - MinWordLength 5: a shorter word can barely be split at all with 2+3
//     letters, and what it gains in a line is less than the cost of
//     interrupting a word the eye takes in at one glance.
//   - HyphenateCapitalized false: capitalised words in news copy are
//     mostly names of people, places and firms; the patterns were made
//     from ordinary words and split names badly, and editors prefer not
//     to break names at all. All-capital words (acronyms) fall under the
//     same rule.
//   - Exceptions nil: the patterns' own exceptions only.
func DefaultOptions() Options {
	return Options{
		MinWordLength:        defaultMinWordLength,
		HyphenateCapitalized: false,
	}
}

// Rune classes returned by Hyphenator.class besides letter codes
// (codeFirst…) and codeEmpty (a character outside the alphabet).
const (
	classURL    = 252 // ':' '.' '/': may make the word a URL
	classReject = 253 // '@': an e-mail address, never hyphenated
	classDigit  = 254 // a decimal digit: never hyphenated
	classSep    = 255 // an explicit hyphen, or an apostrophe that is not a letter
	maxLetters  = classURL - codeFirst
)

// lowRunes is the size of the direct rune table: all of Latin-1 and Latin
// Extended-A and -B.
const lowRunes = 0x250

// Hyphenator hyphenates words of one language. It is immutable after Load,
// so one value may be used by any number of goroutines at once.
type Hyphenator struct {
	lang        string
	left, right int
	low         [lowRunes]uint8 // class of each rune below lowRunes (upper and lower case)
	high        []runeCode      // lower-case alphabet letters at or above lowRunes, sorted
	trie        *packedTrie
	exc         map[string][]uint8 // TeX's exceptions: word as codes → letters before each break
	excLens     uint64             // bit n set if an exception has n letters
}

type runeCode struct {
	r rune
	c uint8
}

func newHyphenator(tag string, pf *patFile) (*Hyphenator, error) {
	if len(pf.alphabet) > maxLetters {
		return nil, fmt.Errorf("alphabet of %d letters is too large", len(pf.alphabet))
	}
	h := &Hyphenator{lang: tag, left: pf.left, right: pf.right}
	codes := map[rune]uint8{}
	for i, r := range pf.alphabet {
		if r == '.' || r == '-' || unicode.IsDigit(r) || codes[r] != 0 {
			return nil, fmt.Errorf("bad alphabet letter %q", r)
		}
		codes[r] = uint8(codeFirst + i)
		if r >= lowRunes {
			h.high = append(h.high, runeCode{r, uint8(codeFirst + i)})
		}
	}
	slices.SortFunc(h.high, func(a, b runeCode) int { return int(a.r - b.r) })
	for r := rune(0); r < lowRunes; r++ {
		switch {
		case codes[unicode.ToLower(r)] != 0:
			h.low[r] = codes[unicode.ToLower(r)]
		case r >= '0' && r <= '9':
			h.low[r] = classDigit
		case r == '@':
			h.low[r] = classReject
		case r == ':' || r == '.' || r == '/':
			h.low[r] = classURL
		case r == '-' || r == '\'':
			h.low[r] = classSep
		}
	}
	code := func(r rune) uint8 { return codes[r] }
	t, err := buildTrie(pf.patterns, code)
	if err != nil {
		return nil, err
	}
	h.trie = t
	h.exc = make(map[string][]uint8, len(pf.exceptions))
	for _, e := range pf.exceptions {
		var key []byte
		var breaks []uint8
		for _, r := range e {
			if r == '-' {
				breaks = append(breaks, uint8(len(key)))
				continue
			}
			if codes[r] == 0 || len(key) >= 63 {
				return nil, fmt.Errorf("bad exception %q", e)
			}
			key = append(key, codes[r])
		}
		h.exc[string(key)] = breaks
		h.excLens |= 1 << len(key)
	}
	return h, nil
}

// Lang returns the canonical tag of the Hyphenator's pattern set: "en-US",
// "en-GB", "de" or "fr".
func (h *Hyphenator) Lang() string { return h.lang }

// MinLetters returns the language's default minimum number of letters
// before and after a hyphen (TeX's \lefthyphenmin, \righthyphenmin).
func (h *Hyphenator) MinLetters() (left, right int) { return h.left, h.right }

// class returns r's letter code (same for upper and lower case), one of the
// class* values, or codeEmpty for a character outside the alphabet.
func (h *Hyphenator) class(r rune) uint8 {
	if r < lowRunes {
		if r < 0 {
			return codeEmpty
		}
		return h.low[r]
	}
	switch r {
	case '\u2019', '\u02bc': // right single quotation mark, modifier letter apostrophe
		return h.low['\'']
	case '\u2010', '\u2011': // hyphen, non-breaking hyphen
		return classSep
	}
	if unicode.IsDigit(r) {
		return classDigit
	}
	lr := unicode.ToLower(r)
	if lr < lowRunes {
		if c := h.low[lr]; c >= codeFirst && c < classURL {
			return c
		}
		return codeEmpty
	}
	i, ok := slices.BinarySearchFunc(h.high, lr, func(e runeCode, r rune) int { return int(e.r - r) })
	if ok {
		return h.high[i].c
	}
	return codeEmpty
}

// Points returns the byte offsets in word, ascending, at which a hyphen may
// be inserted: offset i means word[:i] + "-" / word[i:]. It returns nil
// when the word must not be hyphenated.
//
// The word is matched in lower case (Unicode rules). It is never
// hyphenated if it contains a digit, an '@', "://" or starts with "www."
// (see URLBreaks for those). Otherwise the first of these that applies
// decides:
//
//  1. an entry of opt.Exceptions (see Options);
//  2. a capitalised word is left whole unless opt.HyphenateCapitalized;
//  3. a word of fewer than opt.MinWordLength letters is left whole;
//  4. a word with a character outside the language's alphabet (é in
//     English, ł in German, a soft hyphen, a combining accent, a
//     punctuation mark) is left whole rather than guessed at;
//  5. otherwise the word is split at explicit hyphens (-, U+2010, U+2011)
//     and, where the apostrophe is not a letter of the language (it is one
//     only in French), at apostrophes (' ’); each part is hyphenated on its
//     own, like a word of its own in TeX: by TeX's exception list if it is
//     on it, else by the patterns, with LeftMin and RightMin counted in
//     letters (runes) of that part. The explicit hyphens and apostrophes
//     are never break points themselves: the caller breaks after explicit
//     hyphens.
func (h *Hyphenator) Points(word string, opt Options) []int {
	return h.PointsAppend(nil, word, opt)
}

// stackWord is the longest word (in bytes) hyphenated without allocating.
const stackWord = 64

// PointsAppend is Points appending to dst, for callers that reuse a buffer.
// It does not allocate for words up to 64 bytes long (other than to grow
// dst).
func (h *Hyphenator) PointsAppend(dst []int, word string, opt Options) []int {
	if len(word) == 0 {
		return dst
	}
	var codeBuf [stackWord + 2]uint8
	var offBuf [stackWord]int32
	var levelBuf [stackWord + 3]uint8
	codes, offs, levels := codeBuf[:], offBuf[:], levelBuf[:]
	if len(word) > stackWord {
		codes = make([]uint8, len(word)+2)
		offs = make([]int32, len(word))
		levels = make([]uint8, len(word)+3)
	}

	// Classify every rune; codes[1:nr+1] are the word's codes, with
	// separators turned into word edges.
	nr, letters := 0, 0
	known, urlish, capital, seenLetter := true, false, false, false
	codes[0] = codeEdge
	for i := 0; i < len(word); {
		r, size := rune(word[i]), 1
		var c uint8
		if r < utf8.RuneSelf {
			c = h.low[r]
		} else {
			r, size = utf8.DecodeRuneInString(word[i:])
			c = h.class(r)
		}
		switch c {
		case classDigit, classReject:
			return dst
		case classSep:
			c = codeEdge
		case classURL:
			urlish, known = true, false
		case codeEmpty:
			known = false
		}
		if c != codeEdge {
			letters++
			if !seenLetter {
				seenLetter, capital = true, isCapital(r)
			}
		}
		offs[nr] = int32(i)
		nr++
		codes[nr] = c
		i += size
	}
	if urlish && (strings.Contains(word, "://") || len(word) >= 4 && strings.EqualFold(word[:4], "www.")) {
		return dst
	}

	minLen := opt.MinWordLength
	if minLen <= 0 {
		minLen = defaultMinWordLength
	}
	lmin, rmin := opt.LeftMin, opt.RightMin
	if lmin <= 0 {
		lmin = h.left
	}
	if rmin <= 0 {
		rmin = h.right
	}
	for _, e := range opt.Exceptions {
		if matchException(word, e) {
			if letters < minLen || capital && !opt.HyphenateCapitalized && !exceptionCapitalized(e) {
				return dst
			}
			return h.appendException(dst, word, e, letters, lmin, rmin)
		}
	}
	if capital && !opt.HyphenateCapitalized || letters < minLen || !known {
		return dst
	}

	nr++
	codes[nr] = codeEdge
	codes = codes[:nr+1]
	h.trie.match(codes, levels)

	// Each run of letters between edges is a part of its own.
	for a := 1; a < nr; {
		if codes[a] == codeEdge {
			a++
			continue
		}
		b := a
		for codes[b] != codeEdge {
			b++
		}
		// The part is codes[a:b], runes a-1 … b-2 of the word.
		n := b - a
		if n >= lmin+rmin {
			if brk, ok := h.exception(codes[a:b]); ok {
				for _, k := range brk {
					if int(k) >= lmin && n-int(k) >= rmin {
						dst = append(dst, int(offs[a-1+int(k)]))
					}
				}
			} else {
				for k := lmin; k <= n-rmin; k++ {
					if levels[a+k]&1 != 0 {
						dst = append(dst, int(offs[a-1+k]))
					}
				}
			}
		}
		a = b
	}
	return dst
}

// exception looks a part (as letter codes) up in TeX's exception list.
func (h *Hyphenator) exception(part []uint8) ([]uint8, bool) {
	if len(part) >= 64 || h.excLens&(1<<len(part)) == 0 {
		return nil, false
	}
	brk, ok := h.exc[string(part)]
	return brk, ok
}

func isCapital(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// fold maps a rune to the form exceptions are compared in.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r == '\u2019' || r == '\u02bc' {
		return '\''
	}
	return unicode.ToLower(r)
}

// matchException reports whether word equals exc with exc's hyphens
// removed, ignoring case.
func matchException(word, exc string) bool {
	i, j := 0, 0
	for i < len(word) {
		for j < len(exc) && exc[j] == '-' {
			j++
		}
		if j == len(exc) {
			return false
		}
		rw, sw := utf8.DecodeRuneInString(word[i:])
		rx, sx := utf8.DecodeRuneInString(exc[j:])
		if rw != rx && fold(rw) != fold(rx) {
			return false
		}
		i += sw
		j += sx
	}
	return strings.Trim(exc[j:], "-") == ""
}

func exceptionCapitalized(exc string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(exc, "-"))
	return isCapital(r)
}

// appendException appends the breaks that exc (which matches word) marks,
// keeping lmin letters before and rmin after each.
func (h *Hyphenator) appendException(dst []int, word, exc string, letters, lmin, rmin int) []int {
	i, j, before := 0, 0, 0
	last := 0
	for i < len(word) {
		if exc[j] == '-' {
			if i > last && before >= lmin && letters-before >= rmin {
				dst = append(dst, i)
				last = i
			}
			j++
			continue
		}
		rw, sw := utf8.DecodeRuneInString(word[i:])
		_, sx := utf8.DecodeRuneInString(exc[j:])
		if h.class(rw) != classSep {
			before++
		}
		i += sw
		j += sx
	}
	return dst
}

// Hyphenated returns word with sep inserted at each of points (as returned
// by Points), e.g. Hyphenated("hyphenation", []int{2, 6}, "-") is
// "hy-phen-ation". Points that are not ascending, not inside the word or
// not on a character boundary are ignored.
func Hyphenated(word string, points []int, sep string) string {
	var b strings.Builder
	b.Grow(len(word) + len(points)*len(sep))
	last := 0
	for _, p := range points {
		if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
			continue
		}
		b.WriteString(word[last:p])
		b.WriteString(sep)
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}
