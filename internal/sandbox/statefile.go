package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFileVersion changes when the file's shape does, so an old file is
// refused with a clear message instead of being half-read.
const stateFileVersion = 6

type stateFile struct {
	Version int    `json:"version"`
	State   *state `json:"state"`
}

// loadStateFile returns the saved state; found is false if there is no file yet.
func loadStateFile(path string) (st *state, found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, false, fmt.Errorf("state file %s is not valid JSON: %w", path, err)
	}
	if f.Version != stateFileVersion || f.State == nil {
		return nil, false, fmt.Errorf("state file %s has version %d; this sandbox reads version %d (delete the file to start from the seed)", path, f.Version, stateFileVersion)
	}
	return f.State, true, nil
}

// saveStateFile writes the state through a temporary file and a rename, so
// a crash mid-write leaves the previous file whole. The file holds secrets in
// the clear, hence owner-only permissions (os.CreateTemp's default).
func saveStateFile(path string, st *state) (err error) {
	data, err := json.MarshalIndent(stateFile{Version: stateFileVersion, State: st}, "", "  ")
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
