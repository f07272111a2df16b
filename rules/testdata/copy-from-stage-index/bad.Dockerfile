FROM golang:1.23
RUN go build -o /out/app .
FROM golang:1.23 AS tools
RUN go install example.com/tool@v1.0.0
FROM gcr.io/distroless/static-debian12
# want: copy-from-stage-index
COPY --from=0 /out/app /app
# want: copy-from-stage-index
COPY --from=1 /go/bin/tool /tool
