package wire

import (
	"path/filepath"
	"strings"
)

// Slugify makes a desk slug: lower case, Latin letters folded to ASCII,
// every other run of characters a single '-'.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		f := fold(r)
		if f == "" {
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(f)
	}
	return b.String()
}

// fold maps a lower-case rune to its ASCII letters or digits, "" for
// anything that is not a letter or digit of the Latin script.
func fold(r rune) string {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return string(r)
	case r < 0x80:
		return ""
	}
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'þ':
		return "th"
	case 'ł':
		return "l"
	case 'ı':
		return "i"
	}
	for _, g := range foldGroups {
		if strings.ContainsRune(g[1:], r) {
			return g[:1]
		}
	}
	return ""
}

// foldGroups lists, for each ASCII letter, the accented lower-case letters
// that fold to it.
var foldGroups = []string{
	"aàáâãäåāăą", "cçćĉċč", "dď", "eèéêëēĕėęě", "gĝğġģ", "hĥħ",
	"iìíîïĩīĭįǐ", "jĵ", "kķ", "lĺļľŀ", "nñńņňŉ", "oòóôõöōŏőǒ",
	"rŕŗř", "sśŝşšș", "tţťŧț", "uùúûüũūŭůűųǔ", "wŵ", "yýÿŷ", "zźżž",
}

// SlugFromFile derives a slug from a file name without its last extension;
// "article" when the name has no Latin letter or digit.
func SlugFromFile(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if s := Slugify(base); s != "" {
		return s
	}
	return "article"
}
