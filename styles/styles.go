// Package styles embeds the house styles bundled with the program
// (berliner.yaml, …); typeset/style reads them by name.
package styles

import "embed"

// FS holds the bundled style files by file name.
//
//go:embed *.yaml
var FS embed.FS
