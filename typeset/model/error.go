package model

import (
	"errors"
	"fmt"
	"strings"
)

// InputError is a problem with something a user wrote: an article, a
// manifest, a style. It says where (file, line, column, field) and what is
// wrong, and prints as "file:line:col: field: message" so that editors and
// terminals can jump to it.
type InputError struct {
	File  string
	Line  int    // 1-based; 0 if not known
	Col   int    // 1-based; 0 if not known
	Field string // front-matter key, JSON pointer or element path; may be empty
	Msg   string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errorf makes an InputError.
func Errorf(file string, line, col int, field, format string, args ...any) *InputError {
	return &InputError{File: file, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Errors is a list of input problems found in one pass, so that a user can
// fix them all at once rather than one run at a time.
type Errors []error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap lets errors.As find an InputError inside the list.
func (es Errors) Unwrap() []error { return es }

// Err returns nil for an empty list, the single error for one, and the list
// otherwise.
func (es Errors) Err() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// IsInput reports whether err is (or wraps) an InputError: the user's input,
// not the program, is at fault.
func IsInput(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}
