# distroless has no /bin/sh: a shell-form CMD cannot start at all.
FROM golang:1.24 AS build
RUN go build -o /app .
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
# want: shell-form-pid1
CMD /app --port 8080
