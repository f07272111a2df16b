FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN useradd app
WORKDIR /app
RUN make
RUN --mount=type=secret,id=token ./fetch.sh
RUN ./build.sh
RUN foo; bar
RUN baz
RUN <<EOS
one
EOS
RUN two
FROM debian:12-slim
RUN three
