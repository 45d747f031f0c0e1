//go:build ignore

// interleave runs commands one after another, round after round, so that a
// machine shared with other work loads them alike, and prints for each the
// median and the lowest CPU time (user + sys, from the kernel's rusage), the
// median wall time and peak RSS, and their ratios to the first command's:
//
//	GOMAXPROCS=1 go run docs/interleave.go -n 30 './tomlfloor m10k.toml' './creditplan quote --format json m10k.toml'
//
// hyperfine runs all of one command's runs before the next command's, so a
// change in the machine's load between them moves the ratio; here it cannot.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	rounds := flag.Int("n", 30, "rounds measured")
	warm := flag.Int("w", 3, "rounds run first and not measured")
	flag.Parse()
	cmds := flag.Args()
	if len(cmds) == 0 {
		fmt.Fprintln(os.Stderr, "usage: interleave [-n rounds] [-w warm-up] 'command args' ...")
		os.Exit(2)
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		panic(err)
	}
	cpu := make([][]float64, len(cmds))
	wall := make([][]float64, len(cmds))
	rss := make([][]float64, len(cmds))
	for r := range *rounds + *warm {
		for i, c := range cmds {
			f := strings.Fields(c)
			cmd := exec.Command(f[0], f[1:]...)
			cmd.Stdout = devnull
			start := time.Now()
			if err := cmd.Run(); err != nil {
				fmt.Fprintln(os.Stderr, c+":", err)
				os.Exit(1)
			}
			elapsed := time.Since(start)
			if r < *warm {
				continue
			}
			ps := cmd.ProcessState
			cpu[i] = append(cpu[i], (ps.UserTime()+ps.SystemTime()).Seconds()*1000)
			wall[i] = append(wall[i], elapsed.Seconds()*1000)
			rss[i] = append(rss[i], float64(ps.SysUsage().(*syscall.Rusage).Maxrss)/1024)
		}
	}
	median := func(x []float64) float64 { s := slices.Clone(x); slices.Sort(s); return s[len(s)/2] }
	for i, c := range cmds {
		fmt.Printf("%-50s cpu median %6.1f ms (%.2f×) min %6.1f ms (%.2f×)  wall median %6.1f ms  rss median %5.1f MB (%.2f×)\n", c,
			median(cpu[i]), median(cpu[i])/median(cpu[0]), slices.Min(cpu[i]), slices.Min(cpu[i])/slices.Min(cpu[0]),
			median(wall[i]), median(rss[i]), median(rss[i])/median(rss[0]))
	}
}
