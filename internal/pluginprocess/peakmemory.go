package pluginprocess

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// EnvPeakMemoryDir names a folder where each provider process writes its
// peak memory as it exits, for make bench. Unset, as it is for every user,
// nothing is written.
const EnvPeakMemoryDir = "AMPBRAZE_PEAKMEM_DIR"

// WritePeakMemory writes this process's peak resident memory, in bytes, into
// EnvPeakMemoryDir's folder, when that is set, in a file named after name
// and the process id, as StartCPUProfile does. The peak is Linux's VmHWM:
// all the process held in memory at its largest (heap, stacks, runtime,
// the binary's pages), which is what a machine running Terraform pays.
func WritePeakMemory(name string) error {
	dir := os.Getenv(EnvPeakMemoryDir)
	if dir == "" {
		return nil
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return fmt.Errorf("%s: %w", EnvPeakMemoryDir, err)
	}
	peak, err := highWaterMark(status)
	if err != nil {
		return fmt.Errorf("%s: %w", EnvPeakMemoryDir, err)
	}
	file := filepath.Join(dir, fmt.Sprintf("%s-%d.peak", name, os.Getpid()))
	if err := os.WriteFile(file, []byte(strconv.FormatInt(peak, 10)+"\n"), 0o644); err != nil {
		return fmt.Errorf("%s: %w", EnvPeakMemoryDir, err)
	}
	return nil
}

// highWaterMark reads the VmHWM line of a /proc/PID/status, which the
// kernel writes in kB ("VmHWM:	  87012 kB"), and returns it in bytes.
func highWaterMark(status []byte) (int64, error) {
	lines := bufio.NewScanner(bytes.NewReader(status))
	for lines.Scan() {
		value, found := strings.CutPrefix(lines.Text(), "VmHWM:")
		if !found {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("VmHWM line %q is not a number of kB", lines.Text())
		}
		kB, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("VmHWM line %q: %w", lines.Text(), err)
		}
		return kB * 1024, nil
	}
	return 0, fmt.Errorf("no VmHWM line in /proc/self/status")
}
