// Package icc embeds the CMYK output profile the typesetter ships with: the
// OutputIntent of every print PDF and the profile photos are separated
// through. See README.md for what it is and the licence paragraph that
// travels with every copy (ANSI CGATS/SNAP TR 002 must be named as the
// source of its characterization data).
package icc

import _ "embed"

// Newsprint is SNAP-TR002-newsprint-240.icc: coldset offset on newsprint,
// ICC v2 output profile (CMYK, PCS Lab), 240 % total ink.
//
//go:embed SNAP-TR002-newsprint-240.icc
var newsprint []byte

// License is README.md: the profile's description and its licence.
//
//go:embed README.md
var License string

// Newsprint returns a copy of the bundled newsprint profile's bytes.
func Newsprint() []byte { return append([]byte(nil), newsprint...) }

// The OutputIntent entries that name the bundled profile's printing
// condition, as the PDF/X OutputIntent dictionary gives them.
const (
	NewsprintCondition = "CGATS TR 002"
	NewsprintRegistry  = "http://www.color.org"
	NewsprintInfo      = "SNAP TR002 coldset newsprint"
)
