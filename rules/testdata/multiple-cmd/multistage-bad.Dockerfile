FROM golang:1.23 AS build
CMD ["go", "test", "./..."]

FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
# want: multiple-cmd
CMD ["/app", "serve"]
CMD ["/app", "worker"]
