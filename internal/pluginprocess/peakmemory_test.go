package pluginprocess

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestWritePeakMemoryWithoutFolderWritesNothing(t *testing.T) {
	t.Setenv(EnvPeakMemoryDir, "")
	if err := WritePeakMemory("amplitude"); err != nil {
		t.Fatal(err)
	}
}

func TestWritePeakMemoryWritesThisProcesssPeak(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvPeakMemoryDir, dir)
	if err := WritePeakMemory("amplitude"); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "amplitude-*.peak"))
	if err != nil || len(files) != 1 {
		t.Fatalf("peaks in %s: %v, %v; want one", dir, files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// A running Go test holds at least a megabyte; the number is in bytes.
	if peak, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err != nil || peak < 1<<20 {
		t.Errorf("%s holds %q; want a number of bytes of at least 1 MiB", files[0], data)
	}
}

func TestHighWaterMarkReadsKilobytes(t *testing.T) {
	status := "Name:\tterraform-provider-amplitude\nVmPeak:\t 1300000 kB\nVmHWM:\t   87012 kB\nVmRSS:\t   80000 kB\n"
	peak, err := highWaterMark([]byte(status))
	if err != nil || peak != 87012*1024 {
		t.Errorf("highWaterMark = %d, %v; want %d", peak, err, 87012*1024)
	}
}

func TestHighWaterMarkRefusesAStatusWithoutIt(t *testing.T) {
	for _, status := range []string{"Name:\tx\nVmRSS:\t 10 kB\n", "VmHWM:\t 10 MB\n", "VmHWM:\t ten kB\n"} {
		if _, err := highWaterMark([]byte(status)); err == nil {
			t.Errorf("highWaterMark(%q): want an error", status)
		}
	}
}
