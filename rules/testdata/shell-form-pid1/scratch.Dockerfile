FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM scratch AS app
COPY --from=build /out/app /app
# want: shell-form-pid1
ENTRYPOINT /app --listen :8080

# A scratch image that brings its own shell: the usual PID 1 finding.
FROM scratch AS with-busybox
COPY --from=busybox:1.36 /bin/ /bin/
COPY --from=build /out/app /app
# want: shell-form-pid1
CMD /app --listen :8080
