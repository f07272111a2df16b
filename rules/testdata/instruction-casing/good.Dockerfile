ARG BASE=alpine:3.20
FROM ${BASE} AS build
RUN <<EOF
run this is not a keyword
EOF
ONBUILD run echo trigger
FROM build
CMD ["sh"]
