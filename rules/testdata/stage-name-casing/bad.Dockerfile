ARG GO=1.23
# want: stage-name-casing
FROM golang:${GO} AS Build
RUN go build -o /out/app .

# want: stage-name-casing
FROM alpine:3.20 as RUNTIME
COPY --from=build /out/app /app
