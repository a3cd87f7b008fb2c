package hyphenate

import (
	"strings"
	"unicode/utf8"
)

// URLBreaks returns the byte offsets in s, ascending, after which a line may
// be broken inside a URL or e-mail address. No hyphen is inserted at such a
// break (a hyphen would read as part of the address); offset i means s[:i]
// ends the line and s[i:] starts the next.
//
// The rules follow common newspaper practice:
//
//   - a break comes after one of / . - ? & = @ #, so that the line ends
//     with a character that plainly asks to be continued, and the next
//     line starts with a name, not with punctuation that could be taken
//     for sentence punctuation;
//   - in a run of such characters ("//", "/?", ".-") only after the last
//     one, so the run is never split;
//   - never inside the scheme and its "://" ("https:" / "//…" and "https:/"
//     / "/…" are out), but after the "://" is allowed;
//   - never leaving fewer than 2 characters (runes) on either line.
//
// s should be the address alone, without surrounding punctuation. It
// returns nil when there is no allowed break.
func URLBreaks(s string) []int {
	total := utf8.RuneCountInString(s)
	if total < 4 {
		return nil
	}
	// Offsets at or before noBreak are inside the scheme and its "://".
	noBreak := -1
	if i := strings.Index(s, "://"); i >= 0 {
		noBreak = i + 2
	}
	var out []int
	runes := 0
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		if c >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		runes++
		i += size
		if size != 1 || !isURLBreak(c) || i <= noBreak {
			continue
		}
		if i < len(s) && isURLBreak(s[i]) {
			continue // not inside a run
		}
		if runes >= 2 && total-runes >= 2 {
			out = append(out, i)
		}
	}
	return out
}

func isURLBreak(c byte) bool {
	switch c {
	case '/', '.', '-', '?', '&', '=', '@', '#':
		return true
	}
	return false
}
