package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/build"
)

func newText() *cobra.Command {
	var styleName, root string
	c := &cobra.Command{
		Use:   "text ARTICLE",
		Short: "Print the words an article puts on the page",
		Long: `text prints an article's printed words in reading order (headline
package, captions, body with dateline, boxes, end credit), cased as the
style sets them: the source to check a PDF against, e.g. with
typometer --source.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("text needs exactly one article file")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := build.ArticleText(args[0], styleName, root)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), s)
			return err
		},
	}
	c.Flags().StringVar(&styleName, "style", "", "house style: a built-in name (berliner) or a .yaml file")
	c.Flags().StringVar(&root, "root", "", "folder that photo paths must stay inside")
	return c
}
