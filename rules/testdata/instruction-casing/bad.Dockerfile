FROM alpine:3.20 AS build
# want: instruction-casing
run apk add --no-cache curl
# want: instruction-casing
Copy . /src
RUN echo a \
    b
FROM build
# want: instruction-casing
cmd ["sh"]
