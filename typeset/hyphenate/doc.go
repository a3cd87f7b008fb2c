// Package hyphenate finds where words may be broken at the end of a line.
//
// The typesetter's line breaker asks it, word by word, for the positions at
// which a hyphen may be inserted (Hyphenator.Points), and for the positions
// at which a long URL or e-mail address may be broken without a hyphen
// (URLBreaks).
//
// Hyphenation follows Frank M. Liang's method ("Word Hy-phen-a-tion by
// Com-put-er", Stanford, 1983), the one TeX uses, over TeX's own pattern
// files from the hyph-utf8 package: American and British English, German
// (reformed spelling of 1996) and French. The patterns are converted by
// internal/mkpat into a plain-text form (patterns/*.pat, each next to its
// licence notice) and embedded in the binary, so nothing is read at run
// time. For a word made of the language's letters the package breaks
// exactly where TeX would with the same patterns, exceptions and
// \lefthyphenmin / \righthyphenmin (the tests check this against LuaTeX);
// on top of that it applies the newspaper's rules (see Options): no
// hyphenation of short words, of capitalised words (names), of words with
// digits, or of URLs and e-mail addresses, and a style's own exception
// list. Words are expected in NFC (precomposed accents): a word with a
// combining accent is left unhyphenated.
//
// Load builds a Hyphenator for one language; it is immutable and safe for
// concurrent use. A Cache loads each language at most once.
//
//	h, err := hyphenate.Load("en-US")
//	pts := h.Points("hyphenation", hyphenate.DefaultOptions()) // [2 6]
//	hyphenate.Hyphenated("hyphenation", pts, "-")             // "hy-phen-ation"
package hyphenate

//go:generate go run ./internal/mkpat -src /usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/tex -out patterns
