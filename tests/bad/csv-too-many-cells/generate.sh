#!/bin/sh
# Indicator values of 20,001 rows of 5 fields: one cell over the limit of
# 100,000 cells in a table (LIMIT_TABLE_CELLS), made at run time.
set -eu
awk 'BEGIN { print "indicator,year,kind,value,note"
	for (i = 0; i < 20000; i++) printf "life,%d,actual,77,\n", 2000 + i % 30 }' \
	>"$1/indicators/set.csv"
