# A builder stage's layers do not ship: only what COPY --from takes.
FROM golang:1.23 AS build
COPY id_rsa /root/.ssh/id_rsa
RUN git clone git@github.com:acme/private.git /src
RUN rm /root/.ssh/id_rsa
FROM gcr.io/distroless/static-debian12
COPY --from=build /src/app /app
