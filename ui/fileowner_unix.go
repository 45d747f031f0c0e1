//go:build unix

package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the replacement file f the owner and group of the file it
// replaces. When that is not allowed the save fails: a file silently changing
// hands is a loss too.
func keepOwner(f *os.File, st fs.FileInfo) error {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	uid, gid := int(sys.Uid), int(sys.Gid)
	if uid == os.Geteuid() && gid == os.Getegid() {
		return nil
	}
	if err := f.Chown(uid, gid); err != nil {
		return fmt.Errorf("the file belongs to user %d and group %d, and a new copy written by this user could not keep them (%v)", uid, gid, plainErr(err))
	}
	return nil
}

// readOnly reports whether the file at path is one the user may not write: no
// write permission bit at all (which even root is asked about), or none for this user.
func readOnly(path string, st fs.FileInfo) bool {
	if st.Mode().Perm()&0o222 == 0 {
		return true
	}
	const wOK = 2
	return syscall.Access(path, wOK) != nil
}

// processAlive reports whether a process with this id runs.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
