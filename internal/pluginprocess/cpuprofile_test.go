package pluginprocess

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestStartCPUProfileWithoutFolderProfilesNothing(t *testing.T) {
	t.Setenv(EnvCPUProfileDir, "")
	stop, err := StartCPUProfile("amplitude")
	if err != nil {
		t.Fatal(err)
	}
	stop()
}

func TestStartCPUProfileWritesAProfilePerProcess(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvCPUProfileDir, dir)
	stop, err := StartCPUProfile("amplitude")
	if err != nil {
		t.Fatal(err)
	}
	stop()
	files, err := filepath.Glob(filepath.Join(dir, "amplitude-*.pprof"))
	if err != nil || len(files) != 1 {
		t.Fatalf("profiles in %s: %v, %v; want one", dir, files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// A CPU profile is a gzipped protocol buffer.
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		t.Errorf("%s does not hold a gzipped profile: % x", files[0], data[:min(len(data), 8)])
	}
}

func TestStartCPUProfileReportsAFolderItCannotWriteTo(t *testing.T) {
	t.Setenv(EnvCPUProfileDir, filepath.Join(t.TempDir(), "missing"))
	if _, err := StartCPUProfile("amplitude"); err == nil {
		t.Fatal("Start into a missing folder: want an error")
	}
}
