package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The README's Layout section lists every Go package of the repository in
// one line, and names nothing that does not exist: a package added, moved or
// removed without its line fails here.
func TestReadmeLayoutMatchesTheTree(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := regexp.MustCompile("(?s)## Layout\n.*?```\n(.*?)```").FindSubmatch(readme)
	if section == nil {
		t.Fatal("README.md has no Layout section with a code block")
	}
	var listed []string
	for line := range strings.Lines(string(section[1])) {
		path := strings.Fields(line)[0]
		listed = append(listed, path)
		matches, err := filepath.Glob(strings.ReplaceAll(strings.TrimSuffix(path, "/"), "<provider>", "*"))
		if err != nil || len(matches) == 0 {
			t.Errorf("the Layout lists %s, which does not exist", path)
		}
	}

	skipped := []string{".git", ".tools", ".research", "bin", "dist", "testdata"}
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && slices.Contains(skipped, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(path) != ".go" {
			return nil
		}
		dir := filepath.Dir(path) + "/"
		if dir == "./" {
			dir = "main.go"
		}
		if !slices.Contains(listed, dir) {
			t.Errorf("package %s is not in the README's Layout", dir)
			listed = append(listed, dir) // once per package
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
