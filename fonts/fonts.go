// Package fonts embeds the typefaces the typesetter ships with, so that it
// needs nothing from the machine it runs on. See README.md for the faces and
// LICENSE-ParaType.txt for their licence.
package fonts

import "embed"

// FS holds the bundled .ttf files by file name.
//
//go:embed *.ttf
var FS embed.FS
