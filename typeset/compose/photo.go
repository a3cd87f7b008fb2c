package compose

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // photos come as JPEG …
	_ "image/png"  // … or PNG
	"os"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// picture reads a photo file's size and format; the pixels are decoded by
// the outputs that need them.
func (k *Kit) picture(p model.Photo) (*display.Picture, error) {
	if pic, ok := k.pictures[p.File]; ok {
		return pic, nil
	}
	data, err := os.ReadFile(p.File)
	if err != nil {
		return nil, fmt.Errorf("photo %s: %v", p.File, err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("photo %s: not a JPEG or PNG image: %v", p.File, err)
	}
	pic := &display.Picture{File: p.File, Data: data, Format: format, Width: cfg.Width, Height: cfg.Height}
	k.pictures[p.File] = pic
	if k.OnPicture != nil {
		k.OnPicture(pic)
	}
	return pic, nil
}

// photoBlock is a photo set across some columns: the picture cropped to a
// whole number of grid slots, the credit and the caption under it.
type photoBlock struct {
	slots int // grid slots from the top of the picture to where text goes on under it
	items []display.Item
	words int
}

// setPhoto scales a photo to width w and crops its height to whole slots
// (at most maxSlots), with its credit and caption below.
func (k *Kit) setPhoto(a *model.Article, p model.Photo, w units.Length, pitch, base units.Length, maxSlots int) (*photoBlock, error) {
	pic, err := k.picture(p)
	if err != nil {
		return nil, err
	}
	h := w.Scale(int64(pic.Height), int64(pic.Width))
	slots := max(3, int(h/pitch))
	slots = min(slots, maxSlots)
	h = units.Length(slots)*pitch - (pitch - base) // ends on a baseline
	// Crop the picture to the frame's proportions, keeping its centre.
	crop := coverCrop(pic, w, h)
	ppi := float64(crop.Dx()) / (w.Points() / 72)
	if min := k.Style.Photo.MinPPI; min > 0 && ppi < float64(min) {
		k.warnf("%s: photo %s is %.0f ppi at its placed size (below %d)", a.Source, p.File, ppi, min)
	}
	pb := &photoBlock{}
	pb.items = append(pb.items, &display.Image{X: 0, Y: 0, W: w, H: h, Picture: pic, Crop: crop})
	y := h
	var st stack
	if p.Credit != "" {
		st.add(k.set("photo_credit", plain(p.Credit), w, paragraph.Right, false), k.Style.Photo.CaptionSpace)
	}
	if p.Caption != "" {
		st.add(k.set("caption", plain(p.Caption), w, paragraph.Left, false), k.Style.Photo.CaptionSpace/2)
	}
	pb.items = st.place(pb.items, 0, y)
	y += st.height()
	pb.words = st.words()
	// Text under the block starts in the first slot whose capitals (about
	// two thirds of a line above its baseline, as boxes reckon) clear
	// the caption by two thirds of a line.
	capTop := base - pitch*2/3
	pb.slots = int(ceilDiv(y+pitch*2/3-capTop, pitch))
	return pb, nil
}
