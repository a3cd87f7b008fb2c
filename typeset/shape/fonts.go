package shape

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"pressroom.dev/fonts"
)

// Fonts opens font files by name, once each: from the bundled fonts first,
// then relative to Dir (the folder of the style that names them). It is
// safe for concurrent use.
type Fonts struct {
	Dir string

	mu    sync.Mutex
	faces map[string]*Face
}

// NewFonts returns a font library that also looks in dir.
func NewFonts(dir string) *Fonts { return &Fonts{Dir: dir, faces: map[string]*Face{}} }

// Open returns the face stored in file, parsing it on first use.
func (l *Fonts) Open(file string) (*Face, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f, ok := l.faces[file]; ok {
		return f, nil
	}
	data, err := fs.ReadFile(fonts.FS, file)
	if err != nil {
		p := file
		if l.Dir != "" && !filepath.IsAbs(p) {
			p = filepath.Join(l.Dir, p)
		}
		data, err = os.ReadFile(p)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("font %s: not bundled and not readable at %s: %v", file, p, err)
		}
	}
	f, err := ParseFace(file, data)
	if err != nil {
		return nil, err
	}
	l.faces[file] = f
	return f, nil
}
