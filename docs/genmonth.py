#!/usr/bin/env python3
"""Write a month of N videos (name, length, avatar = "avatar-iv") for timing
creditplan against tomlfloor: python3 docs/genmonth.py 10000 > month-10000.toml"""
import sys

n = int(sys.argv[1])
out = sys.stdout
out.write('plan = "business"\nbilling = "monthly"\n')
for i in range(n):
    out.write(f'\n[[videos]]\nname = "Video {i + 1}"\nlength = "{1 + i % 4}m{(i * 7) % 60}s"\navatar = "avatar-iv"\n')
