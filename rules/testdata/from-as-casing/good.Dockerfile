# escape=`
ARG BASE=alpine:3.20
FROM ${BASE} AS build
RUN <<EOF
echo hi
EOF
from build as final
From build as mixed
RUN echo a `
    b
