package compose

import (
	"image"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// placeAd stacks a booked ad from the foot of the page, against the outer
// edge: the right on odd pages, the left on even ones (a pyramid when a
// page has several). The news hole above it ends one slot higher, where a
// rule separates editorial from advertising.
func (k *Kit) placeAd(ps *pageState, ad Ad) {
	C := k.Style.Page.Columns
	w := min(max(ad.Columns, 1), C)
	col := C - w
	if ps.pg.Number%2 == 0 {
		col = 0
	}
	depth := int(ceilDiv(ad.Height, k.Style.Page.Baseline))
	bottom := ps.bottom[col]
	for c := col; c < col+w; c++ {
		bottom = min(bottom, ps.bottom[c])
	}
	top := max(bottom-depth, ps.top)
	pa := &placedAd{ad: ad, col: col, cols: w, top: top, depth: bottom - top}
	ps.ads = append(ps.ads, pa)
	for c := col; c < col+w; c++ {
		ps.bottom[c] = top - gapSlots
	}
}

// drawAd draws an ad: its image scaled to cover the space, or a ruled
// placeholder box with its label; a rule above separates it from
// editorial.
func (k *Kit) drawAd(ps *pageState, pa *placedAd) {
	s := k.Style
	pitch := s.Page.Baseline
	x, y := k.colX(ps, pa.col), k.slotY(ps, pa.top)
	w := s.Span(pa.cols)
	h := units.Length(pa.depth) * pitch
	black := k.Color("black")
	var items []display.Item
	if pic, err := k.adPicture(pa.ad); err == nil && pic != nil {
		items = append(items, &display.Image{X: 0, Y: 0, W: w, H: h, Picture: pic, Crop: coverCrop(pic, w, h)})
	} else {
		if err != nil {
			k.warnf("ad %s on page %d: %v; a placeholder is printed", pa.ad.Name, ps.pg.Number, err)
		}
		tint := k.Color("tint")
		items = append(items, &display.Rect{X: 0, Y: 0, W: w, H: h, Fill: &tint, Stroke: &black, LineWidth: units.FromPt(0.5)})
		f := k.Font("folio")
		label := pa.ad.Label
		if label == "" {
			label = pa.ad.Name
		}
		items = k.set("folio", plain("ADVERTISEMENT"), w, paragraph.Center, false).place(items, 0, units.FromPt(4)+f.Size)
		if label != "" {
			b := k.set("box_title", plain(label), w-units.FromMm(4), paragraph.Center, false)
			items = b.place(items, units.FromMm(2), h/2)
		}
	}
	if pa.top > ps.top {
		ry := -pitch / 2
		items = append(items, &display.Rule{X1: 0, Y1: ry, X2: w, Y2: ry, Width: units.FromPt(0.5), Color: black})
	}
	label := "ad"
	if pa.filler {
		label = "filler"
	}
	ps.pg.Items = append(ps.pg.Items, &display.Group{X: x, Y: y, Label: label, Items: items})
}

func (k *Kit) adPicture(ad Ad) (*display.Picture, error) {
	if ad.File == "" {
		return nil, nil
	}
	return k.picture(model.Photo{File: ad.File})
}

// coverCrop is the centred crop of a picture with the frame's proportions.
func coverCrop(pic *display.Picture, w, h units.Length) image.Rectangle {
	crop := image.Rect(0, 0, pic.Width, pic.Height)
	if wantH := int(int64(pic.Width) * int64(h) / int64(w)); wantH < pic.Height {
		crop.Min.Y = (pic.Height - wantH) / 2
		crop.Max.Y = crop.Min.Y + wantH
	} else {
		wantW := int(int64(pic.Height) * int64(w) / int64(h))
		crop.Min.X = (pic.Width - wantW) / 2
		crop.Max.X = crop.Min.X + wantW
	}
	return crop
}
