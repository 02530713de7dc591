#!/usr/bin/env bash
# The main job on its embedded default: builds vrrpd, then runs the namespace lab
# (distribution/target/vrrpd/bin/vrrp-lab): two daemons elect a master, the master is killed,
# the backup takes the virtual IP over while a client pings it.
# Run as root on Debian; installs what it needs. Extra arguments go to vrrp-lab.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
scripts/ensure-packages openjdk-17-jdk-headless maven iproute2 procps iputils-ping
mvn -B -q -DskipTests package
exec distribution/target/vrrpd/bin/vrrp-lab "$@"
