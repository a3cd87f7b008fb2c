package wire

import (
	"path/filepath"
	"strings"
)

// IsRemote reports whether ref is a URL with a scheme (http:, https:, ftp:,
// data:, file: ...) rather than a path. A one-letter scheme is a Windows
// drive, which is a path.
func IsRemote(ref string) bool {
	i := strings.IndexByte(ref, ':')
	if i < 2 {
		return false
	}
	for j, r := range ref[:i] {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
		if !ok {
			return false
		}
	}
	return true
}

// Resolve resolves an image reference against the folder of file (the
// article) and checks that it stays inside root ("" = the article's
// folder). It returns the cleaned path, relative when file is relative.
func Resolve(file, root, ref string) (string, bool) {
	dir := filepath.Dir(file)
	if root == "" {
		root = dir
	}
	ref = filepath.FromSlash(ref)
	p := ref
	if !filepath.IsAbs(ref) {
		p = filepath.Join(dir, ref)
	}
	p = filepath.Clean(p)
	ap, err1 := filepath.Abs(p)
	ar, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return p, false
	}
	rel, err := filepath.Rel(ar, ap)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return p, false
	}
	return p, true
}
