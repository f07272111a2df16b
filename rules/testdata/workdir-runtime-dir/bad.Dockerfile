FROM alpine:3.20
# want: workdir-runtime-dir
WORKDIR /proc/app
ARG DIR=/dev/build
# want: workdir-runtime-dir
WORKDIR ${DIR}
# want: workdir-runtime-dir
WORKDIR /sys
# want: workdir-runtime-dir
WORKDIR class
# want: workdir-runtime-dir
WORKDIR /boot
