package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/hyphenate"
	"pressroom.dev/typeset/style"
)

func newHyph() *cobra.Command {
	var lang, styleName string
	var all bool
	c := &cobra.Command{
		Use:   "hyph WORD... [--lang en-GB]",
		Short: "Show where words may break at a line end",
		Long: `hyph prints each word with its hyphenation points, found by TeX's
patterns for the language and filtered by the style's rules (minimum
word length, letters kept before and after a hyphen, no breaks in names
unless the style allows them, the style's exception list).
--all shows every point the patterns allow, ignoring the house rules.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("hyph needs at least one word")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := style.Load(styleName)
			if err != nil {
				return err
			}
			if lang == "" {
				lang = s.Lang
			}
			h, err := hyphenate.Load(lang)
			if err != nil {
				return usageError{err}
			}
			opt := hyphenate.Options{
				LeftMin: s.Hyphen.LeftMin, RightMin: s.Hyphen.RightMin, MinWordLength: s.Hyphen.MinWord,
				HyphenateCapitalized: s.Hyphen.Capitalized || !hyphenate.CapitalsMarkNames(lang), Exceptions: s.Hyphen.Exceptions,
			}
			if all {
				opt = hyphenate.Options{MinWordLength: 1, HyphenateCapitalized: true}
			}
			for _, w := range args {
				fmt.Fprintln(cmd.OutOrStdout(), hyphenate.Hyphenated(w, h.Points(w, opt), "-"))
			}
			return nil
		},
	}
	c.Flags().StringVar(&lang, "lang", "", "language (BCP 47: en-US, en-GB, de, fr); default: the style's")
	c.Flags().StringVar(&styleName, "style", "berliner", "house style whose hyphenation rules apply")
	c.Flags().BoolVar(&all, "all", false, "every pattern point, without the house rules")
	return c
}
