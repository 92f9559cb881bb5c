package pluginprocess

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// EnvCPUProfileDir names the environment variable that make bench sets to a
// folder for CPU profiles. Users never set it, and then nothing is profiled.
const EnvCPUProfileDir = "AMPBRAZE_CPUPROFILE_DIR"

// StartCPUProfile profiles this process's CPU into the folder that
// EnvCPUProfileDir names, when it is set. The file is named after name and
// the process id, because Terraform starts a provider several times in one
// command, each time as a new process, and the bench merges all their
// profiles. The returned stop function writes the profile out; it does
// nothing when no profile was started.
func StartCPUProfile(name string) (stop func(), err error) {
	dir := os.Getenv(EnvCPUProfileDir)
	if dir == "" {
		return func() {}, nil
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.pprof", name, os.Getpid())))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", EnvCPUProfileDir, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", EnvCPUProfileDir, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
