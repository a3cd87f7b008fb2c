package raster

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestWritePNG: an opaque page image and one with transparency both come
// back from image/png pixel for pixel, and twice the same bytes.
func TestWritePNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	clear := image.NewRGBA(image.Rect(0, 0, 10, 10))
	clear.Set(3, 3, color.RGBA{10, 20, 30, 40})
	// A sub-image starts its rows elsewhere than at Pix[0].
	sub := img.SubImage(image.Rect(17, 9, 250, 190)).(*image.RGBA)
	for _, im := range []*image.RGBA{img, clear, sub} {
		var a, b bytes.Buffer
		if err := WritePNG(&a, im); err != nil {
			t.Fatal(err)
		}
		WritePNG(&b, im)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Error("two encodings differ")
		}
		got, err := png.Decode(&a)
		if err != nil {
			t.Fatal(err)
		}
		r := im.Rect
		if got.Bounds().Dx() != r.Dx() || got.Bounds().Dy() != r.Dy() {
			t.Fatalf("decoded %v, want %v", got.Bounds(), r)
		}
		for y := 0; y < r.Dy(); y++ {
			for x := 0; x < r.Dx(); x++ {
				want := color.NRGBAModel.Convert(im.At(r.Min.X+x, r.Min.Y+y))
				if c := color.NRGBAModel.Convert(got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y)); c != want {
					t.Fatalf("pixel %d,%d: %v, want %v", x, y, c, want)
				}
			}
		}
	}
}
