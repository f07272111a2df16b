FROM golang:1.24 AS build
# A builder with a shell: fine.
RUN go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
# want: shell-form-without-shell
RUN chmod +x /app
# Exec form needs no shell.
RUN ["/app", "--selftest"]
# A heredoc runs with the shell too.
# want: shell-form-without-shell
RUN <<EOT
/app --migrate
EOT
