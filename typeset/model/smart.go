package model

import (
	"strings"
	"unicode"
)

// Smarten turns typewriter punctuation into typographic punctuation, the way
// a copy desk expects a hand-typed story to print: straight double and single
// quotes become curly ones, an apostrophe becomes ’, "---" an em dash, "--"
// an en dash and "..." an ellipsis. Text that is already typographic passes
// unchanged.
//
// prev and next are the characters just before and after s in the
// surrounding text (0 at a paragraph's edge); they decide a quote's direction
// when s is one styled span of a longer paragraph.
func Smarten(s string, prev, next rune) string {
	if !strings.ContainsAny(s, "\"'-.") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	at := func(i int) rune {
		switch {
		case i < 0:
			if len(out) > 0 {
				return out[len(out)-1]
			}
			return prev
		case i >= len(rs):
			return next
		}
		return rs[i]
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '-':
			if at(i+1) == '-' && at(i+2) == '-' && i+2 < len(rs) {
				out = append(out, '—')
				i += 2
				continue
			}
			if at(i+1) == '-' && i+1 < len(rs) {
				out = append(out, '–')
				i++
				continue
			}
		case '.':
			if i+2 < len(rs) && rs[i+1] == '.' && rs[i+2] == '.' {
				out = append(out, '…')
				i += 2
				continue
			}
		case '"':
			if opens(at(-1), at(i+1)) {
				out = append(out, '“')
			} else {
				out = append(out, '”')
			}
			continue
		case '\'':
			out = append(out, singleQuote(at(-1), rs, i, next))
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// opens reports whether a quote between before and after opens a quotation:
// it follows a space, an opening bracket, a dash or another opening quote,
// and is not followed by a space.
func opens(before, after rune) bool {
	if after == 0 || unicode.IsSpace(after) {
		return false
	}
	switch before {
	case 0, '(', '[', '{', '—', '–', '‘', '“', '/', '-':
		return true
	}
	return unicode.IsSpace(before)
}

// singleQuote picks ’ or ‘ for a straight single quote at rs[i]. Inside or
// after a word it is an apostrophe or a closing quote (both ’); at a word's
// start it opens a quotation, except in elisions such as ’90s, ’em, ’tis and
// rock ’n’ roll, where it stands for missing letters.
func singleQuote(before rune, rs []rune, i int, next rune) rune {
	after := next
	if i+1 < len(rs) {
		after = rs[i+1]
	}
	if !opens(before, after) {
		return '’'
	}
	if unicode.IsDigit(after) {
		return '’'
	}
	word := strings.ToLower(string(leadingLetters(rs[i+1:])))
	switch word {
	case "tis", "twas", "em", "n", "cause", "til", "till":
		return '’'
	}
	return '‘'
}

func leadingLetters(rs []rune) []rune {
	n := 0
	for n < len(rs) && unicode.IsLetter(rs[n]) {
		n++
	}
	return rs[:n]
}
