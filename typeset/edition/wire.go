package edition

import (
	"errors"
	"io/fs"
	"os"

	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/ninjs"
	"pressroom.dev/typeset/nitf"
)

func readWire(file, root string) (*model.Article, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, model.Errorf(file, 0, 0, "", "cannot read the article: %v", err)
	}
	switch Format(file) {
	case "nitf":
		return nitf.Read(file, data, root)
	case "text":
		return readPlain(file, data)
	}
	return ninjs.Read(file, data, root)
}
