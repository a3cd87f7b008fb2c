package hyphenate_test

import (
	"fmt"

	"pressroom.dev/typeset/hyphenate"
)

func ExampleHyphenator_Points() {
	var cache hyphenate.Cache // one per program; loads each language once
	h, err := cache.Get("en-US")
	if err != nil {
		panic(err)
	}
	opt := hyphenate.DefaultOptions()
	opt.Exceptions = []string{"Reyk-ja-vík"}
	for _, w := range []string{"hyphenation", "independent", "table", "Hyphenation", "Reykjavík", "2024", "newspaper’s"} {
		pts := h.Points(w, opt)
		fmt.Println(pts, hyphenate.Hyphenated(w, pts, "-"))
	}
	// Output:
	// [2 6] hy-phen-ation
	// [2 4 7] in-de-pen-dent
	// [2] ta-ble
	// [] Hyphenation
	// [4 6] Reyk-ja-vík
	// [] 2024
	// [4 6] news-pa-per’s
}

func ExampleURLBreaks() {
	u := "https://www.statistics-office.gov/annual-review"
	fmt.Println(hyphenate.Hyphenated(u, hyphenate.URLBreaks(u), " | "))
	// Output:
	// https:// | www. | statistics- | office. | gov/ | annual- | review
}

func ExampleResolveLang() {
	for _, tag := range []string{"en", "en-AU", "de-CH", "fr-CA", "nl"} {
		fmt.Println(hyphenate.ResolveLang(tag))
	}
	// Output:
	// en-US <nil>
	// en-GB <nil>
	// de <nil>
	// fr <nil>
	//  hyphenate: unsupported language "nl" (supported: en-US, en-GB, de, fr)
}
