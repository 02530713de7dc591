#!/usr/bin/env bash
# Every test: unit tests, namespace tests, Pax Exam, the distribution and the lab (mvn verify).
# Run as root on Debian; installs what it needs (keepalived and tshark are the reference peers).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
scripts/ensure-packages openjdk-17-jdk-headless maven iproute2 procps iputils-ping iputils-arping tcpdump tshark keepalived jq curl snmpd snmp
exec mvn -B verify "$@"
