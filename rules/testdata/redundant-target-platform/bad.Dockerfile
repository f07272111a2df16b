# want: redundant-target-platform
FROM --platform=$TARGETPLATFORM alpine:3.20 AS base
# want: redundant-target-platform
FROM --platform=${TARGETPLATFORM} base
