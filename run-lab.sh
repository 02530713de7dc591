#!/usr/bin/env bash
# The main job on its embedded default: builds vrrpd, then runs the namespace lab
# (distribution/target/vrrpd/bin/vrrp-lab): two daemons in two namespaces on one bridge.
# Run as root on Debian; installs what it needs. Extra arguments go to vrrp-lab.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
scripts/ensure-packages openjdk-17-jdk-headless maven iproute2 procps
mvn -B -q -DskipTests package
exec distribution/target/vrrpd/bin/vrrp-lab "$@"
