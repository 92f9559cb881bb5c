package core

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFileVersion changes whenever the file's shape changes, including the
// shape of any part, so that an old file is refused with a clear message
// instead of being half-read.
const stateFileVersion = 8

// stateFile is the content of the state file: each part's state under the
// part's name.
type stateFile[T any] struct {
	Version int          `json:"version"`
	State   map[string]T `json:"state"`
}

// loadStateFile returns the saved parts; found is false if there is no
// file yet.
func loadStateFile(path string) (parts map[string]json.RawMessage, found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var f stateFile[json.RawMessage]
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, false, fmt.Errorf("state file %s is not valid JSON: %w", path, err)
	}
	if f.Version != stateFileVersion || f.State == nil {
		return nil, false, errStateFileShape(path, fmt.Sprintf("it has version %d; this sandbox reads version %d", f.Version, stateFileVersion))
	}
	return f.State, true, nil
}

func errStateFileShape(path, problem string) error {
	return fmt.Errorf("state file %s cannot be read: %s (delete the file to start from the seed)", path, problem)
}

// saveStateFile writes the state through a temporary file and a rename, so
// a crash mid-write leaves the previous file whole. The file holds secrets in
// the clear, so it must be readable by its owner only, which os.CreateTemp
// gives by default.
func saveStateFile(path string, parts map[string]any) (err error) {
	data, err := json.MarshalIndent(stateFile[any]{Version: stateFileVersion, State: parts}, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("save state file: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("save state file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save state file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save state file: %w", err)
	}
	return nil
}
