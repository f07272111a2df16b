FROM golang:1.23 AS build
RUN go build -o /out/app .

# An export stage for `docker build --output`: nothing runs it.
FROM scratch AS artifacts
COPY --from=build /out/ /
