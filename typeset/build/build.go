// Package build runs whole jobs: it reads the inputs (articles, manifest,
// style), composes the pages, renders the outputs and writes them to disk
// so that a failed job leaves no half-written file behind. The command line
// is a thin layer over it.
package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"pressroom.dev/typeset/compose"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/style"
	"pressroom.dev/typeset/units"
)

// Stamp is the date written into outputs: SOURCE_DATE_EPOCH when it is set
// (reproducible builds), else the given fallback (the edition's date), so
// that the same inputs always give the same bytes.
func Stamp(fallback model.Date) (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || sec < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	if fallback.IsZero() {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), nil
	}
	return time.Date(fallback.Year, time.Month(fallback.Month), fallback.Day, 0, 0, 0, 0, time.UTC), nil
}

// loadStyle reads a style and makes the kit that sets text in it; a
// non-zero measure resets the grid to cols columns of that width.
func loadStyle(name string, cols int, measure units.Length) (*compose.Kit, error) {
	s, err := style.Load(name)
	if err != nil {
		return nil, err
	}
	if measure > 0 {
		if cols <= 0 {
			cols = 1
		}
		s = s.WithMeasure(cols, measure)
	}
	return compose.NewKit(s, nil, nil)
}

// writeFile is WriteFile into a folder it makes when missing.
func writeFile(path string, write func(f *os.File) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return WriteFile(path, write)
}

// WriteFile writes a file through a temporary file in the same folder and
// a rename, so that readers never see a partial file and a failure leaves
// nothing behind.
func WriteFile(path string, write func(f *os.File) error) error {
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes a complete file under a temporary name beside path and
// returns that name; on failure it leaves nothing behind.
func writeTemp(path string, write func(f *os.File) error) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return "", err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
