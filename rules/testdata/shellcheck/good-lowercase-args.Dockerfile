# Lower-case ARGs and ENVs are set for the RUN: ShellCheck is told so, and
# does not call them unassigned (SC2154).
FROM alpine:3.21 AS base
ENV app_home=/srv/app

FROM base
ARG version=1.2.3
ARG build_flags
# busybox ash has no UID of its own: the ARG sets it (no SC3028).
ARG UID=1001
RUN adduser -D -u "${UID}" app
RUN echo "building ${version} into $app_home" && make -C "$app_home" $build_flags
CMD echo "$app_home"; exec /srv/app/run
