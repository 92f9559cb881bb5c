package pluginprocess

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// EnvCPUProfileDir names a folder to write CPU profiles into, for make
// bench. Unset, as it is for every user, nothing is profiled.
const EnvCPUProfileDir = "AMPBRAZE_CPUPROFILE_DIR"

// StartCPUProfile profiles this process's CPU into EnvCPUProfileDir's
// folder, when that is set, in a file named after name and the process id:
// Terraform starts a provider several times in one command, each time a new
// process, and the bench merges their profiles. The returned stop writes the
// profile out; it does nothing when nothing was started.
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
