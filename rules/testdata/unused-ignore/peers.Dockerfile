# hadolint's and BuildKit's checks report more than the dlint rules they are
# aliases of: their ignores are kept where that tool still reports, even
# where dlint finds nothing.
FROM debian:12-slim AS build
RUN useradd --uid 10001 app
# DL3066 reports every USER by name, numeric-user only the final one.
# hadolint ignore=DL3066
USER app
# DL3002 reports USER root in every stage, root-user only the final one.
# hadolint ignore=DL3002
USER root
RUN make

# hadolint stage ignore=DL3004 want: unused-ignore
FROM debian:12-slim
RUN useradd --uid 10001 app
# hadolint ignore=DL3066 want: unused-ignore
USER 10001:10001
# DL3025 reports every shell-form CMD, shell-form-pid1 only a shell left as
# PID 1.
# hadolint ignore=DL3025
CMD exec /usr/local/bin/app --serve

# DL3012 reports the later HEALTHCHECK, multiple-healthcheck the earlier one.
FROM debian:12-slim AS checks
HEALTHCHECK CMD true
# hadolint ignore=DL3012
HEALTHCHECK CMD false
# DL3021 reports a `.` destination too; copy-to-file-path knows it is the WORKDIR.
WORKDIR /app
# hadolint ignore=DL3021
COPY a b .
# hadolint ignore=DL3021 want: unused-ignore
COPY a b ./
# DL3029 reports any --platform, $BUILDPLATFORM included.
# hadolint ignore=DL3029
FROM --platform=$BUILDPLATFORM debian:12-slim
