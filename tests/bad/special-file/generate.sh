#!/bin/sh
# A FIFO where a document would be (git cannot store one): refused by
# name, without the build waiting for a writer.
set -eu
mkdir -p "$1/policies"
mkfifo "$1/policies/a.md"
