FROM alpine:3.20
# want: copy-ignored-file
COPY tmp/cache.bin /cache.bin
COPY main.go /main.go
