#!/bin/bash
# The edition picks one of the functions below: `exec exec_${OGG_EDITION}`
# would fail with "exec: not found" and drop the trap.
trap 'echo stopping' TERM
exec_classic() { /opt/ogg/bin/ggsci; }
exec_micro() { /opt/ogg/bin/adminsrvr; }
# want: entrypoint-script-missing-exec
exec_${OGG_EDITION}
