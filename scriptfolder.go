package main

import (
	"os"
	"path/filepath"

	"creditplan/pricing"
)

// A project's script = "FILE" is read in the project's own folder and no
// further: os.Root refuses "..", absolute paths and links that lead out, so
// a project cannot make a command read a file beside or above it.

// projectFolder opens the folder of the project at path for its script files;
// close releases it. Standard input ("-") has no folder, so a script file in
// it is the loader's error naming the key.
func projectFolder(path string) (s pricing.ProjectSources, close func()) {
	if path == "" || path == "-" {
		return pricing.ProjectSources{}, func() {}
	}
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return pricing.ProjectSources{}, func() {}
	}
	return pricing.ProjectSources{Scripts: root.FS()}, func() { root.Close() }
}

// folderIn is projectFolder for a project in a server user's folder: its
// scripts are read inside that folder's root, never outside the user's.
func folderIn(root *os.Root, path string) (s pricing.ProjectSources, close func()) {
	if root == nil || path == "" || path == "-" || path == stdinName {
		return pricing.ProjectSources{}, func() {}
	}
	sub, err := root.OpenRoot(filepath.Dir(filepath.Clean(path)))
	if err != nil {
		return pricing.ProjectSources{}, func() {}
	}
	return pricing.ProjectSources{Scripts: sub.FS()}, func() { sub.Close() }
}

// parseProjectAt reads a project from the command line's files, its script
// files from its folder.
func parseProjectAt(path string, src []byte, card *pricing.RateCard) (*pricing.Project, error) {
	s, done := projectFolder(path)
	defer done()
	defer decodeGC(len(src))()
	return pricing.ParseProjectFrom(path, src, card, s)
}

// parseProjectIn reads a project of a server user's folder, its script files
// from the same folder.
func parseProjectIn(root *os.Root, path string, src []byte, card *pricing.RateCard) (*pricing.Project, error) {
	s, done := folderIn(root, path)
	defer done()
	return pricing.ParseProjectFrom(path, src, card, s)
}

// parseProject reads a project a command was given, its script files from its
// folder: on the command line the file's own, in a session the user's.
func (a *app) parseProject(path string, src []byte, card *pricing.RateCard) (*pricing.Project, error) {
	if a.session == nil {
		return parseProjectAt(path, src, card)
	}
	return parseProjectIn(a.session.root, path, src, card)
}
